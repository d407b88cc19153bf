"""`ledger report`: the context's numbers, golden output in both formats, escaping,
template overrides, the sandbox, template errors with file and line, and the CLI."""

from __future__ import annotations

import html.parser
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from gongkai_ledger.core.model import Ledger
from gongkai_ledger.core.registry import Registry
from gongkai_ledger.files.load import load_ledger
from gongkai_ledger.render.mdtext import md_escape
from gongkai_ledger.render.templates import zh_date
from gongkai_ledger.views.report import (
    MonthError,
    parse_month,
    percent,
    permille,
    report_context,
    shorten,
)

from .cli_run import Run, run_ledger
from .conftest import Write
from .git_repo import git
from .goldens import assert_golden
from .ledgers import REPORT_LEDGER, SHIPPED


@pytest.fixture
def fixture_copy(tmp_path: Path) -> Path:
    """The fixture ledger outside git, so no commit line depends on this repository's HEAD."""
    root = tmp_path / "report_ledger"
    shutil.copytree(REPORT_LEDGER, root)
    return root


def fixture_ledger() -> Ledger:
    loaded = load_ledger(REPORT_LEDGER)
    assert loaded.problems == []
    return loaded.ledger


def report(capsys: pytest.CaptureFixture[str], *args: str) -> Run:
    return run_ledger(capsys, "report", *args)


# -- the context ---------------------------------------------------------------


def test_month_is_parsed_strictly() -> None:
    assert parse_month("2022-12") == (2022, 12)
    assert parse_month(" 2023-01 ") == (2023, 1)
    for bad in ("2022-13", "2022-00", "2022-1", "2022/12", "十二月", "2022-12-01"):
        with pytest.raises(MonthError, match="YYYY-MM"):
            parse_month(bad)


def test_rates_round_half_up_in_integers() -> None:
    assert permille(1, 3) == 333
    assert permille(2, 3) == 667
    assert permille(1, 8) == 125
    assert permille(1, 16) == 63  # 62.5‰ rounds up, no float drift
    assert permille(0, 0) is None
    assert percent(333) == "33.3%"
    assert percent(1000) == "100.0%"
    assert percent(None) == "—"


def test_summary_counts_and_rates_on_the_fixture() -> None:
    s = report_context(fixture_ledger(), (2022, 12))["summary"]
    assert (s["task_count"], s["item_count"], s["unit_count"], s["unit_items"]) == (5, 9, 8, 20)
    assert (s["done"], s["in_progress"], s["not_started"], s["not_applicable"]) == (5, 10, 4, 1)
    assert (s["overdue"], s["due_soon"], s["stale"]) == (4, 1, 5)
    assert (s["overdue_units"], s["stale_units"], s["items_done"]) == (4, 4, 1)
    # 完成率: 5 done of 19 applicable (20 less 1 不涉及)
    assert (s["applicable"], s["completion_permille"], s["completion_rate"]) == (19, 263, "26.3%")
    # 按期完成率: of the 8 applicable unit-items due by 12-31, 2 were completed by their due
    # date (1.1 县财政局 on 09-20, 2.1 县发改委 on 11-28); 甲镇 finished 1.3 late.
    assert (s["due"], s["on_time"], s["on_time_rate"]) == (8, 2, "25.0%")


def test_the_report_is_as_of_the_last_day_of_the_month() -> None:
    ctx = report_context(fixture_ledger(), (2022, 12))
    assert ctx["header"]["as_of"] == "2022-12-31"
    items = {i["id"]: i for s in ctx["sections"] for t in s["tasks"] for i in t["entries"]}
    # 县政府办 completed 5.1 on 2023-01-05: it does not exist as of 2022-12-31
    assert items["5.1"]["units"][0]["status"] == "未启动"
    assert items["5.1"]["units"][0]["overdue"]
    january = report_context(fixture_ledger(), (2023, 1))
    items = {i["id"]: i for s in january["sections"] for t in s["tasks"] for i in t["entries"]}
    assert items["5.1"]["units"][0]["status"] == "已完成"


def test_overdue_is_grouped_by_unit_worst_first() -> None:
    overdue = report_context(fixture_ledger(), (2022, 12))["overdue"]
    assert [(g["unit"], g["count"], g["max_days_late"]) for g in overdue] == [
        ("丙乡", 1, 92),
        ("县财政局", 1, 92),
        ("县政府办", 1, 61),
        ("县住建局", 1, 31),
    ]
    row = overdue[0]["rows"][0]
    assert (row["item"], row["due"], row["days_late"], row["workdays_late"]) == (
        "1.3",
        "2022-09-30",
        92,
        62,  # the National Day holiday is not counted; its 调休 Saturdays are
    )
    assert row["via"] == ["各乡镇"]


def test_stale_received_and_next_month() -> None:
    ctx = report_context(fixture_ledger(), (2022, 12))
    assert [(g["unit"], [r["item"] for r in g["rows"]]) for g in ctx["stale"]] == [
        ("丙乡", ["1.3", "4.1"]),
        ("县财政局", ["1.2"]),
        ("县发改委", ["4.1"]),
        ("县住建局", ["4.1"]),
    ]
    received = [(r["date"], r["unit"], r["item"]) for r in ctx["received"]]
    assert received[0] == ("2022-12-02", "甲镇", "1.3")
    assert received[-1] == ("2022-12-28", "县政府办", "3.1")
    assert len(received) == 9
    assert all(r[0].startswith("2022-12") for r in received)
    assert ctx["next_month"]["month"] == "2023-01"
    assert [(r["item"], r["kind"], r["units"]) for r in ctx["next_month"]["rows"]] == [
        ("2.2", "条目", ["县住建局"]),
        ("3.1", "时间节点", ["县数据局"]),  # 县政府办 has completed 3.1
    ]


def test_units_of_an_item_are_grouped_by_status_then_flags() -> None:
    ctx = report_context(fixture_ledger(), (2022, 12))
    items = {i["id"]: i for s in ctx["sections"] for t in s["tasks"] for i in t["entries"]}
    assert [{k: v for k, v in g.items() if k != "review"} for g in items["4.1"]["by_status"]] == [
        {"status": "已完成", "flags": [], "units": ["县数据局"]},
        {"status": "推进中", "flags": ["更新滞后"], "units": ["县发改委"]},
        {"status": "推进中", "flags": [], "units": ["县政府办", "县财政局", "甲镇", "乙镇"]},
        {"status": "未启动", "flags": ["更新滞后"], "units": ["县住建局", "丙乡"]},
    ]
    assert {g["review"] for g in items["4.1"]["by_status"]} == {""}  # no plan.review here


def test_yearly_deadlines_fall_due_every_year(write_ledger: Write) -> None:
    tasks = """\
    plan: {title: 某县要点, year: 2022, update_every: 月, warn_days: 15, issued: 2022-03-01}
    sections: [{id: 一, title: 第一部分}]
    tasks:
      - id: 1
        section: 一
        title: 任务一
        deadline: 2023年6月
        items:
          - id: "1.1"
            content: 条目一
            owners: [县财政局]
            milestones: [{deadline: 每年年底前, what: 年底公开}]
    """
    ledger = load_ledger(write_ledger(tasks=tasks)).ledger
    for month, expected in (((2022, 11), ["2022-12-31"]), ((2023, 11), ["2023-12-31"])):
        rows = report_context(ledger, month)["next_month"]["rows"]
        assert [r["due"] for r in rows] == expected
    assert report_context(ledger, (2023, 1))["next_month"]["rows"] == []


def test_unit_narrows_everything_to_that_unit() -> None:
    ledger = fixture_ledger()
    unit = Registry.of(ledger).unit("县住建局")
    ctx = report_context(ledger, (2022, 12), unit=unit)
    assert ctx["header"]["unit"] == {"id": "zjj", "name": "县住建局", "kind": "政府工作部门"}
    assert ctx["summary"]["unit_items"] == 3
    items = [i for s in ctx["sections"] for t in s["tasks"] for i in t["entries"]]
    assert [i["id"] for i in items] == ["2.1", "2.2", "4.1"]
    assert all(len(i["units"]) == 1 for i in items)
    assert [g["unit"] for g in ctx["overdue"]] == ["县住建局"]
    assert {r["unit"] for r in ctx["received"]} == {"县住建局"}


def test_context_is_plain_data() -> None:
    """Templates, ours or a user's, get nothing to call: only dicts, lists and scalars."""

    def walk(value: object) -> None:
        if isinstance(value, dict):
            assert all(isinstance(k, str) for k in value)
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        else:
            assert value is None or type(value) in (str, int, bool), repr(value)

    walk(report_context(fixture_ledger(), (2022, 12), commit="abc1234", dirty=True))


def test_filters() -> None:
    assert zh_date("2022-09-05") == "2022年9月5日"
    assert zh_date("") == ""
    assert shorten("一二三四五", 3) == "一二三…"
    assert shorten("一二\n三", 5) == "一二 三"
    assert md_escape("a|b") == "a\\|b"
    assert md_escape("<b>&</b>") == "&lt;b&gt;&amp;&lt;/b&gt;"
    assert md_escape("行一\r\n行二\u2028行三") == "行一 行二 行三"
    assert md_escape("`x` *y* [z](u) $m$ ~s~ \\") == (
        "\\`x\\` \\*y\\* \\[z\\](u) \\$m\\$ \\~s\\~ \\\\"
    )


# -- golden output through the CLI ------------------------------------------------


@pytest.mark.parametrize(
    ("golden", "args"),
    [
        ("report.md", ()),
        ("report.html", ("--format", "html")),
        ("report_unit.md", ("--unit", "zjj")),
        ("report_unit.html", ("--unit", "县住建局", "--format", "html")),
    ],
)
def test_golden(
    capsys: pytest.CaptureFixture[str], fixture_copy: Path, golden: str, args: tuple[str, ...]
) -> None:
    run = report(capsys, "--month", "2022-12", "--ledger", str(fixture_copy), *args)
    assert (run.code, run.err) == (0, "")
    assert_golden(golden, run.out)


def test_output_is_reproducible_and_written_to_a_file(
    capsys: pytest.CaptureFixture[str], fixture_copy: Path, tmp_path: Path
) -> None:
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    for out in (first, second):
        run = report(capsys, "--month", "2022-12", "--ledger", str(fixture_copy), "-o", str(out))
        assert (run.code, run.out, run.err) == (0, "", f"已写入:{out.as_posix()}\n")
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes().startswith(b"<!DOCTYPE html>")  # -o *.html chooses html


def test_timestamp_only_when_asked(capsys: pytest.CaptureFixture[str], fixture_copy: Path) -> None:
    plain = report(capsys, "--month", "2022-12", "--ledger", str(fixture_copy))
    stamped = report(capsys, "--month", "2022-12", "--ledger", str(fixture_copy), "--timestamp")
    assert "生成时间" not in plain.out
    assert "- 生成时间:" in stamped.out


@pytest.mark.slow
def test_shipped_data(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    run = report(capsys, "--month", "2022-12", "--ledger", str(SHIPPED))
    assert run.code == 0, run.err
    assert run.out.startswith("# 2022年庐山市政务公开工作要点重点任务落实情况通报\n")
    assert "合计单位任务 315 项" in run.out
    out = tmp_path / "report.html"
    run = report(
        capsys, "--month", "2022-12", "--ledger", str(SHIPPED), "--format", "html", "-o", str(out)
    )
    assert run.code == 0, run.err
    page = out.read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in page
    assert "<script" not in page


@pytest.mark.slow
def test_commit_of_the_data_in_git(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(REPORT_LEDGER, repo / "data")
    git(repo, "init", "-q")
    git(repo, "add", "data")
    git(repo, "commit", "-q", "-m", "台账")
    head = git(repo, "rev-parse", "--short", "HEAD")
    args = ("--month", "2022-12", "--ledger", str(repo / "data"))
    run = report(capsys, *args)
    # the data version is in the closing notes, never in the body of the 通报
    assert run.out.rstrip().endswith(f"数据版本:{head}。")
    assert f"数据版本:{head}" not in run.out.split("\n---\n")[0]
    html_run = report(capsys, *args, "--format", "html")
    assert f"(数据版本 {head})" in html_run.out
    assert "<span>数据版本" not in html_run.out

    progress = repo / "data" / "progress" / "czj.yaml"
    progress.write_text(progress.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    run = report(capsys, *args)
    assert run.out.rstrip().endswith(f"数据版本:{head}(有未提交的修改)。")
    (repo / "elsewhere.txt").write_text("不在台账目录中", encoding="utf-8")
    git(repo, "checkout", "--", "data")
    run = report(capsys, *args)
    assert run.out.rstrip().endswith(
        f"数据版本:{head}。"
    )  # changes outside the ledger do not count


def test_no_commit_line_outside_git(capsys: pytest.CaptureFixture[str], fixture_copy: Path) -> None:
    run = report(capsys, "--month", "2022-12", "--ledger", str(fixture_copy))
    assert "数据版本" not in run.out


# -- usage errors ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            (),
            "用法错误:请指定通报期间:--month 2022-12、--quarter 2022Q4、--half 2022H2"
            " 或 --year 2022(选一个)\n",
        ),
        (("--month", "2022-13"), "用法错误:月份“2022-13”无效,请写成 YYYY-MM,例如 2022-12\n"),
        (
            ("--month", "2022-12", "--format", "odt"),
            "用法错误:--format 只能是 md、html、docx、pdf,不能是“odt”\n",
        ),
        (
            ("--month", "2022-12", "--format", "pdf"),
            "用法错误:pdf 格式须用 -o 指定文件,例如 -o 通报.pdf\n",
        ),
        (
            ("--month", "2022-12", "--all-units"),
            "用法错误:--all-units 须用 -o 指定写入的目录\n",
        ),
        (
            ("--month", "2022-12", "--all-units", "--unit", "县住建局", "-o", "x"),
            "用法错误:--all-units 与 --unit 不能同时使用\n",
        ),
        (
            ("--month", "2022-12", "--unit", "县住建"),
            "用法错误:未知单位“县住建”,是否为“县住建局”?\n",
        ),
        (
            ("--month", "2022-12", "--unit", "各乡镇"),
            "用法错误:“各乡镇”是单位组,不是单位;请指定其中一个单位(ledger units 可查看成员)\n",
        ),
    ],
)
def test_usage_errors(
    capsys: pytest.CaptureFixture[str], fixture_copy: Path, args: tuple[str, ...], message: str
) -> None:
    run = report(capsys, "--ledger", str(fixture_copy), *args)
    assert (run.code, run.out, run.err) == (2, "", message)


def test_a_ledger_with_errors_is_refused(
    capsys: pytest.CaptureFixture[str], fixture_copy: Path
) -> None:
    progress = fixture_copy / "progress" / "czj.yaml"
    progress.write_text(
        progress.read_text(encoding="utf-8").replace('item: "1.2"', 'item: "9.9"'),
        encoding="utf-8",
    )
    run = report(capsys, "--month", "2022-12", "--ledger", str(fixture_copy))
    assert (run.code, run.out) == (2, "")
    assert "台账有 1 个错误" in run.err
    assert "czj.yaml:" in run.err


# -- escaping ---------------------------------------------------------------------------


def _unescaped_pipes(line: str) -> int:
    count, escaped = 0, False
    for char in line:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            count += 1
    return count


def test_hostile_text_cannot_break_markdown(
    capsys: pytest.CaptureFixture[str], hostile: Path
) -> None:
    run = report(capsys, "--month", "2022-12", "--ledger", str(hostile))
    assert run.code == 0, run.err
    text = run.out
    # every table row has as many cell separators as its header
    header_pipes = 0
    for line in text.splitlines():
        if line.startswith("|"):
            if header_pipes == 0:
                header_pipes = _unescaped_pipes(line)
            assert _unescaped_pipes(line) == header_pipes, line
        else:
            header_pipes = 0
    for raw in ("<script", "<b>", "<img", "<i>", "<br>"):
        assert raw not in text
    assert "\\[点我\\](javascript:alert(1)) !\\[图\\](http" in text  # no link, no image
    assert "{{ 7\\*7 }}" in text  # data is never evaluated as a template
    assert "第一行 第二行 \\| 伪造 \\| 表格 \\|" in text

    # and a CommonMark + GFM tables renderer agrees: no HTML, no links, every cell in place
    rendered = MarkdownIt("commonmark").enable("table").render(text)
    assert "<script" not in rendered and "<img" not in rendered and "<a " not in rendered
    assert "<b>" not in rendered and "<i>" not in rendered and "<del>" not in rendered
    assert rendered.count("<code>") == 1  # ours: `ledger report --unit 单位`
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    received = rendered.split("本月报送进展")[1].split("</table>")[0]
    for row in received.split("<tr>")[2:]:
        assert row.count("<td") == 6, row


class _Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_hostile_text_is_escaped_in_html(capsys: pytest.CaptureFixture[str], hostile: Path) -> None:
    run = report(capsys, "--month", "2022-12", "--ledger", str(hostile), "--format", "html")
    assert run.code == 0, run.err
    page = _Tags()
    page.feed(run.out)
    names = {tag for tag, _ in page.tags}
    assert not names & {"script", "img", "iframe", "object", "embed", "i", "base", "form"}
    assert all(not any(k.startswith("on") for k in attrs) for _, attrs in page.tags)
    links = [attrs["href"] for tag, attrs in page.tags if tag == "a"]
    assert links == ["https://ok.example/a_b?x=1&y=<2>", "https://ok.example/done"]
    text = "".join(page.text)
    assert "<script>alert(1)</script>" in text  # shown as text, exactly as written
    assert "{{ 7*7 }}" in text
    assert "javascript:alert(1)" in text  # as text, never as a link


# -- templates: override, sandbox, errors -------------------------------------------------


def test_a_user_template_replaces_the_packaged_one(
    capsys: pytest.CaptureFixture[str], fixture_copy: Path, tmp_path: Path
) -> None:
    user = tmp_path / "templates"
    user.mkdir()
    (user / "report.md.j2").write_text(
        "{{ header.title | md }}:{{ summary.completion_rate }},{{ overdue | length }} 个单位逾期\n",
        encoding="utf-8",
    )
    run = report(
        capsys, "--month", "2022-12", "--ledger", str(fixture_copy), "--templates", str(user)
    )
    assert (run.code, run.out) == (
        0,
        "2022年某县政务公开工作要点重点任务落实情况通报:26.3%,4 个单位逾期\n",
    )
    # html still comes from the package
    run = report(
        capsys,
        "--month",
        "2022-12",
        "--ledger",
        str(fixture_copy),
        "--templates",
        str(user),
        "--format",
        "html",
    )
    assert run.out.startswith("<!DOCTYPE html>")


@pytest.mark.slow
def test_a_part_can_be_replaced_alone_and_builtins_extended(
    capsys: pytest.CaptureFixture[str], fixture_copy: Path, tmp_path: Path
) -> None:
    user = tmp_path / "templates"
    user.mkdir()
    (user / "_style.css.j2").write_text(
        "body { color: #000; } /* 本单位样式 */\n", encoding="utf-8"
    )
    args = ("--month", "2022-12", "--ledger", str(fixture_copy), "--templates", str(user))
    run = report(capsys, *args, "--format", "html")
    assert "/* 本单位样式 */" in run.out
    assert "@page" not in run.out
    assert 'id="overdue-table"' in run.out

    (user / "report.html.j2").write_text(
        '{% extends "builtin/report.html.j2" %}\n'
        "{% block notes %}<footer>某县人民政府办公室 印</footer>{% endblock %}\n",
        encoding="utf-8",
    )
    run = report(capsys, *args, "--format", "html")
    assert run.code == 0, run.err
    assert "<footer>某县人民政府办公室 印</footer>" in run.out
    assert "按期完成率 = " not in run.out
    assert 'id="overdue-table"' in run.out


@pytest.mark.parametrize(
    ("source", "line", "what"),
    [
        ("{{ ''.__class__.__mro__ }}", 2, "沙箱不允许"),
        ("{{ header.__class__.__init__.__globals__ }}", 2, "沙箱不允许"),
        ("{{ cycler.__init__.__globals__.os.popen('id').read() }}", 2, "沙箱不允许"),
        ("{{ lipsum.__globals__['os'] }}", 2, "沙箱不允许"),
        ("{{ 'x' * 10**9 }}", 2, "沙箱不允许的操作(乘法结果过长"),
        ("{{ 7 ** 100000000 }}", 2, "沙箱不允许的操作(幂运算的指数 100000000 过大)"),
        ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", 2, "模板递归过深"),
        ("{% include '/etc/passwd' %}", 2, "找不到模板“/etc/passwd”"),
        ("{% include '../secret.txt' %}", 2, "找不到模板“../secret.txt”"),
    ],
)
def test_the_sandbox_stops_user_templates(
    capsys: pytest.CaptureFixture[str],
    fixture_copy: Path,
    tmp_path: Path,
    source: str,
    line: int,
    what: str,
) -> None:
    user = tmp_path / "templates"
    user.mkdir()
    (tmp_path / "secret.txt").write_text("秘密", encoding="utf-8")
    (user / "report.md.j2").write_text(f"标题\n{source}\n", encoding="utf-8")
    run = report(
        capsys, "--month", "2022-12", "--ledger", str(fixture_copy), "--templates", str(user)
    )
    assert (run.code, run.out) == (2, "")
    assert run.err.startswith(f"模板错误:{user / 'report.md.j2'}:{line}: ")
    assert what in run.err
    assert "Traceback" not in run.err and "秘密" not in run.err


@pytest.mark.parametrize(
    ("files", "where", "what"),
    [
        (
            {"report.md.j2": "一\n二\n{{ nope }}\n"},
            "report.md.j2:3",
            "使用了未定义的变量或属性(变量“nope”未定义)",
        ),
        ({"report.md.j2": "一\n{% if %}\n"}, "report.md.j2:2", "语法错误"),
        ({"report.md.j2": "{% for x in header %}\n{{ x }}\n"}, "report.md.j2:2", "语法错误"),
        (
            {"report.md.j2": "一\n{{ summary.done / 0 }}\n"},
            "report.md.j2:2",
            "模板运行出错(ZeroDivisionError",
        ),
        (
            {
                "report.md.j2": '{% import "_macros.md.j2" as m %}\n{{ m.flags(header) }}\n',
                "_macros.md.j2": "{% macro flags(u) %}\n\n{{ u.no_such_field }}\n{% endmacro %}\n",
            },
            "_macros.md.j2:3",
            "使用了未定义的变量或属性",
        ),
    ],
)
def test_template_errors_name_the_file_and_line(
    capsys: pytest.CaptureFixture[str],
    fixture_copy: Path,
    tmp_path: Path,
    files: dict[str, str],
    where: str,
    what: str,
) -> None:
    user = tmp_path / "templates"
    user.mkdir()
    for name, text in files.items():
        (user / name).write_text(text, encoding="utf-8")
    run = report(
        capsys, "--month", "2022-12", "--ledger", str(fixture_copy), "--templates", str(user)
    )
    assert (run.code, run.out) == (2, "")
    assert run.err.startswith(f"模板错误:{user}/{where}: "), run.err
    assert what in run.err
    assert run.err.count("\n") == 1


def test_missing_template_dir(
    capsys: pytest.CaptureFixture[str], fixture_copy: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "nope"
    run = report(
        capsys, "--month", "2022-12", "--ledger", str(fixture_copy), "--templates", str(missing)
    )
    assert (run.code, run.out, run.err) == (
        2,
        "",
        f"模板错误:模板目录“{missing}”不存在或不是目录\n",
    )


def test_today_is_not_in_the_report(capsys: pytest.CaptureFixture[str], fixture_copy: Path) -> None:
    run = report(capsys, "--month", "2022-12", "--ledger", str(fixture_copy), "--format", "html")
    assert date.today().isoformat() not in run.out


def test_readme_documents_every_context_key_and_option() -> None:
    from .ledgers import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## 月度通报:ledger report")[1].split("\n## ")[0]
    keys: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            keys.update(value)
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(report_context(fixture_ledger(), (2022, 12), unit=None))
    walk(
        report_context(fixture_ledger(), (2022, 12), unit=Registry.of(fixture_ledger()).unit("zjj"))
    )
    from gongkai_ledger.views.period import Period, period_context

    walk(period_context(fixture_ledger(), Period("year", 2022)))
    walk(period_context(fixture_ledger(), Period("quarter", 2022, 4)))
    missing = sorted(k for k in keys if not re.search(rf"(?<![\w]){k}(?![\w])", section))
    assert missing == []
    for option in ("--month", "--format", "-o", "--unit", "--templates", "--timestamp", "--ledger"):
        assert option in section


@pytest.mark.parametrize(
    "expression",
    [
        '"x".ljust(3) ~ "|"',
        '"ab".replace("a", "c")',
        '"x".center(5) ~ "|"',
        '"a\\tb".expandtabs(2)',
        '"{}-{}".format(1, 2)',
        '",".join(["a", "b"])',
    ],
)
def test_str_methods_inside_loops_and_blocks(
    capsys: pytest.CaptureFixture[str], fixture_copy: Path, tmp_path: Path, expression: str
) -> None:
    """Jinja passes its own keywords (_loop_vars, _block_vars) to calls inside a loop or a
    block: a sized str method gives the same text there as at the top level."""
    outputs: list[str] = []
    for source in (
        f"[{{{{ {expression} }}}}]\n",
        f"{{% for i in range(1) %}}[{{{{ {expression} }}}}]{{% endfor %}}\n",
        f"{{% block b %}}[{{{{ {expression} }}}}]{{% endblock %}}\n",
    ):
        user = tmp_path / str(len(outputs))
        user.mkdir()
        (user / "report.md.j2").write_text(source, encoding="utf-8")
        run = report(
            capsys, "--month", "2022-12", "--ledger", str(fixture_copy), "--templates", str(user)
        )
        assert (run.code, run.err) == (0, "")
        outputs.append(run.out.rstrip("\n"))  # trim_blocks eats the newline after a tag
    assert outputs[0] == outputs[1] == outputs[2]
    assert outputs[0].startswith("[") and outputs[0].endswith("]")


@pytest.mark.parametrize(
    ("source", "what"),
    [
        ("{{ range(100000000) | list | length }}", "沙箱不允许的操作(range() 最多 100000 个数)"),
        ("{% do x %}", "语法错误(未知的标签“do”)"),
        ("{% for x in header %}", "语法错误(模板意外结束,缺少结束标签(如 endfor、endif))"),
        ('{{ "x" | attr("__class__") }}', "沙箱不允许的操作(不能访问“str”的属性“__class__”)"),
        ("{{ report }}", "使用了未定义的变量或属性(变量“report”未定义)"),
        ("{{ header.nope }}", "使用了未定义的变量或属性(“dict object”没有属性“nope”)"),
        (
            '{{ "{0.__class__}".format_map({}) }}',
            "模板运行出错(IndexError:下标超出范围(格式字符串中的 {0} 等也按下标取值))",
        ),
        ('{{ "x".ljust(1, 2) }}', "模板运行出错(TypeError:类型不符或参数不对)"),
    ],
)
def test_jinja_and_sandbox_errors_are_chinese(
    capsys: pytest.CaptureFixture[str], fixture_copy: Path, tmp_path: Path, source: str, what: str
) -> None:
    user = tmp_path / "templates"
    user.mkdir()
    (user / "report.md.j2").write_text(f"标题\n{source}\n", encoding="utf-8")
    run = report(
        capsys, "--month", "2022-12", "--ledger", str(fixture_copy), "--templates", str(user)
    )
    assert (run.code, run.out) == (2, "")
    assert run.err == f"模板错误:{user / 'report.md.j2'}:2: {what}\n"
