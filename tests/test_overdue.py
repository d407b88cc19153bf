"""`ledger overdue`: golden output for every format, options, exit codes, and the shipped data."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from rich.cells import cell_len

from gongkai_ledger.core.registry import Registry
from gongkai_ledger.files.load import load_ledger
from gongkai_ledger.render import overdue as owed_render
from gongkai_ledger.render.textcells import shorten, to_text
from gongkai_ledger.views.overdue import owed

from .cli_run import run_process
from .conftest import Write
from .goldens import assert_golden
from .ledgers import OWED_AS_OF, OWED_PROGRESS, OWED_TASKS, OWED_UNITS, SHIPPED


@pytest.fixture
def root(write_ledger: Write) -> Path:
    return write_ledger(OWED_TASKS, OWED_UNITS, OWED_PROGRESS)


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return run_process("overdue", *args, text=False)


def ok(*args: str) -> bytes:
    result = run(*args)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr == b""
    return result.stdout


# -- golden output, every format, with and without --unit ---------------------------


@pytest.mark.parametrize(
    ("fmt", "ext"), [("table", "txt"), ("json", "json"), ("csv", "csv"), ("md", "md")]
)
def test_all_units_golden(root: Path, fmt: str, ext: str) -> None:
    out = ok("--ledger", str(root), "--as-of", OWED_AS_OF, "--format", fmt)
    assert_golden(f"overdue/all.{ext}", out)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("fmt", "ext"), [("table", "txt"), ("json", "json"), ("csv", "csv"), ("md", "md")]
)
def test_one_unit_golden(root: Path, fmt: str, ext: str) -> None:
    out = ok("--ledger", str(root), "--as-of", OWED_AS_OF, "--unit", "县财政局", "--format", fmt)
    assert_golden(f"overdue/unit.{ext}", out)


@pytest.mark.parametrize("unit", [None, "县财政局"])
def test_terminal_table_golden(root: Path, unit: str | None) -> None:
    """What a terminal shows (boxes, no colour here), at 80 columns."""
    ledger = load_ledger(root).ledger
    registry = Registry.of(ledger)
    chosen = registry.unit(unit) if unit else None
    text = to_text(owed_render.to_table(owed(ledger, date(2022, 10, 17), chosen), 80), 80)
    assert_golden(f"overdue/{'unit' if unit else 'all'}.terminal.txt", text)


@pytest.mark.parametrize(
    "name", ["all.txt", "unit.txt", "all.terminal.txt", "unit.terminal.txt", "shipped-czj.txt"]
)
def test_tables_fit_80_columns(name: str) -> None:
    text = (Path(__file__).parent / "golden" / "overdue" / name).read_text(encoding="utf-8")
    assert max(cell_len(line) for line in text.splitlines()) <= 80
    assert all(line == line.rstrip() for line in text.splitlines())


def test_piped_table_has_no_box_drawing(root: Path) -> None:
    out = ok("--ledger", str(root), "--as-of", OWED_AS_OF, "--unit", "czj").decode()
    assert not set(out) & set("─│┃━┏┓└┘├┤┼")
    assert "\x1b" not in out


# -- what the formats mean --------------------------------------------------------------


def test_json_rows(root: Path) -> None:
    data = json.loads(ok("--ledger", str(root), "--as-of", OWED_AS_OF, "--format", "json"))
    assert data["as_of"] == OWED_AS_OF and data["unit"] is None and data["uncovered_years"] == []
    assert [(u["unit"], [i["item"] for i in u["items"]]) for u in data["units"]] == [
        ("县财政局", ["1.2", "2.1"]),  # 1 overdue and 1 due soon beats 1 overdue alone
        ("县发改委", ["1.2", "3.1"]),
    ]
    czj_12 = data["units"][0]["items"][0]
    assert czj_12 | {"content": ""} == {
        "item": "1.2",
        "task": "1",
        "task_title": "加强涉及财政资金的信息公开",
        "content": "",
        "deadline": "2022年9月并持续更新",
        "due": "2022-09-30",
        "continuing": True,
        "overdue": True,
        "due_soon": False,
        "stale": True,
        "kinds": ["逾期", "更新滞后"],
        "days_late": 17,
        "workdays_late": 8,  # 8, 9 and 10–14 October, then Monday 17 October
        "days_left": None,
        "status": "未启动",  # the 已完成 of 2022-10-25 does not exist yet
        "completed_on": None,
        "last_report": None,
        "via": ["县政府各部门"],
        "direct": False,
        "support": [],
        "level": "红",
        "level_reasons": ["逾期", "更新滞后"],
        "original_due": "2022-09-30",  # 延期 and 办结审核: present, empty when not used
        "extended_to": None,
        "extension_approved": None,
        "extension_ref": None,
        "extension_late": False,
        "review": "",
        "reviewed_on": None,
        "return_reason": None,
        "claimed_on": None,
    }


def test_csv_opens_in_excel_with_chinese(root: Path) -> None:
    out = ok("--ledger", str(root), "--as-of", OWED_AS_OF, "--format", "csv")
    assert out.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel then reads UTF-8
    assert b"\r\n" in out
    rows = list(csv.DictReader(io.StringIO(out.decode("utf-8-sig"))))
    assert tuple(rows[0]) == owed_render.CSV_FIELDS
    assert [(r["unit"], r["item"], r["overdue"], r["due_soon"], r["stale"]) for r in rows] == [
        ("县财政局", "1.2", "1", "0", "1"),
        ("县财政局", "2.1", "0", "1", "0"),
        ("县发改委", "1.2", "1", "0", "1"),
        ("县发改委", "3.1", "0", "0", "1"),
    ]


def test_markdown_escapes_table_breakers(root: Path) -> None:
    out = ok("--ledger", str(root), "--as-of", OWED_AS_OF, "--unit", "县发改委", "--format", "md")
    row = next(line for line in out.decode().splitlines() if line.startswith("| 1.2 "))
    assert "| 推进“一般\\|专项”&lt;债务&gt;信息公开… |" in row
    assert row.count(" | ") == 10  # eleven cells: the pipe in the content does not make a twelfth


@pytest.mark.slow  # over a second (--durations)
def test_unit_by_alias_or_id_is_the_same(root: Path) -> None:
    by_name = ok("--ledger", str(root), "--as-of", OWED_AS_OF, "--unit", "县财政局")
    assert ok("--ledger", str(root), "--as-of", OWED_AS_OF, "--unit", "财政局") == by_name
    assert ok("--ledger", str(root), "--as-of", OWED_AS_OF, "--unit", "czj") == by_name


@pytest.mark.slow  # over a second (--durations)
def test_a_unit_that_owes_nothing(root: Path) -> None:
    out = ok("--ledger", str(root), "--as-of", OWED_AS_OF, "--unit", "乙乡").decode()
    assert out == f"乙乡 截至 {OWED_AS_OF}\n没有逾期、临期或更新滞后的事项。\n"
    data = json.loads(
        ok("--ledger", str(root), "--as-of", OWED_AS_OF, "--unit", "乙乡", "--format", "json")
    )
    assert [(u["unit"], u["items"]) for u in data["units"]] == [("乙乡", [])]
    csv_out = ok("--ledger", str(root), "--as-of", OWED_AS_OF, "--unit", "乙乡", "--format", "csv")
    assert csv_out == ("\ufeff" + ",".join(owed_render.CSV_FIELDS) + "\r\n").encode()


def test_nobody_owes_anything(root: Path) -> None:
    out = ok("--ledger", str(root), "--as-of", "2022-09-01").decode()
    assert (
        out
        == "截至 2022-09-01,有逾期、临期或更新滞后事项的单位 0 个\n没有逾期、临期或更新滞后的事项。\n"
    )


# -- exit codes and mistakes --------------------------------------------------------------


@pytest.mark.slow  # over a second (--durations)
def test_exit_code_when_something_is_overdue(root: Path) -> None:
    assert run("--ledger", str(root), "--as-of", OWED_AS_OF, "--exit-code").returncode == 1
    assert run("--ledger", str(root), "--as-of", OWED_AS_OF).returncode == 0
    assert run("--ledger", str(root), "--as-of", "2022-09-01", "--exit-code").returncode == 0
    # 临期 and 更新滞后 alone are not 逾期
    assert (
        run(
            "--ledger", str(root), "--as-of", "2022-10-20", "--unit", "甲镇", "--exit-code"
        ).returncode
        == 0
    )
    assert (
        run(
            "--ledger", str(root), "--as-of", OWED_AS_OF, "--unit", "县发改委", "--exit-code"
        ).returncode
        == 1
    )


@pytest.mark.slow
def test_unknown_unit_gets_a_did_you_mean(root: Path) -> None:
    result = run("--ledger", str(root), "--unit", "县财正局")
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr.decode() == "用法错误:未知单位“县财正局”,是否为“县财政局”?\n"
    result = run("--ledger", str(root), "--unit", "xyz")
    assert result.stderr.decode() == "用法错误:未知单位“xyz”,可运行 ledger units 查看所有单位\n"


def test_a_group_is_not_a_unit(root: Path) -> None:
    result = run("--ledger", str(root), "--unit", "县政府相关部门")
    assert result.returncode == 2
    assert "“县政府相关部门”是单位组,不是单位" in result.stderr.decode()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--format", "xlsx"), "用法错误:--format 只能是 table、json、csv、md,不能是“xlsx”\n"),
        (("--as-of", "2022-13-01"), "用法错误:--as-of“2022-13-01”不是有效日期,请写成 YYYY-MM-DD\n"),
    ],
)
def test_bad_options(root: Path, args: tuple[str, ...], message: str) -> None:
    result = run("--ledger", str(root), *args)
    assert (result.returncode, result.stdout, result.stderr.decode()) == (2, b"", message)


def test_a_ledger_with_errors_is_refused(write_ledger: Write) -> None:
    root = write_ledger(
        OWED_TASKS.replace("owners: [县政府各部门, 各乡镇]", "owners: [县政府各部门, 各乡真]"),
        OWED_UNITS,
        OWED_PROGRESS,
    )
    result = run("--ledger", str(root), "--as-of", OWED_AS_OF)
    assert (result.returncode, result.stdout) == (2, b"")
    lines = result.stderr.decode().splitlines()
    assert lines[0] == "错误:台账有 1 个错误,请先修正(运行 ledger check 可查看):"
    assert lines[1].endswith("错误 [unknown-unit] 未知责任单位“各乡真”(是否为“各乡镇”?)")
    assert len(lines) == 2


def test_a_warning_does_not_block(write_ledger: Write) -> None:
    root = write_ledger(OWED_TASKS, OWED_UNITS, OWED_PROGRESS)
    (root / "units.yaml").write_bytes(b"\xef\xbb\xbf" + OWED_UNITS.encode())  # a BOM is a warning
    assert run("--ledger", str(root), "--as-of", OWED_AS_OF).returncode == 0


@pytest.mark.slow
def test_a_year_the_calendar_does_not_cover(write_ledger: Write) -> None:
    tasks = OWED_TASKS.replace("2022年10月", "2099年10月").replace("2022年12月", "2099年12月")
    root = write_ledger(tasks, OWED_UNITS)
    table = ok("--ledger", str(root), "--as-of", "2099-11-15", "--unit", "甲镇").decode()
    assert "(? 工作日)" in table
    assert table.endswith(
        "注:法定节假日数据(chinesecalendar)未覆盖 2099 年,相关工作日数无法计算,以“?”表示(\n"
        "json/csv 中为空);请在台账的 calendar.yaml 中写明该年的放假安排,或升级\n"
        "chinesecalendar。\n"
    )
    result = run("--ledger", str(root), "--as-of", "2099-11-15", "--format", "json")
    data = json.loads(result.stdout)
    assert data["uncovered_years"] == [2099]
    assert {i["workdays_late"] for u in data["units"] for i in u["items"] if i["overdue"]} == {None}
    assert "未覆盖 2099 年" in result.stderr.decode()  # said, not guessed


# -- the shipped data: the acceptance test of the issue ---------------------------------------


@pytest.mark.slow
def test_shipped_finance_bureau_on_15_october_2022() -> None:
    """市财政局 owes 2.2, 5.1–5.3 and 8.1 itself, 6.1, 7.1 and 13.1 through its groups."""
    out = ok(
        "--ledger", str(SHIPPED), "--unit", "市财政局", "--as-of", "2022-10-15", "--format", "json"
    )
    (unit,) = json.loads(out)["units"]
    assert [(i["item"], i["via"], i["kinds"]) for i in unit["items"]] == [
        ("2.2", ["市财政局"], ["逾期", "更新滞后"]),
        ("5.1", ["市财政局"], ["逾期", "更新滞后"]),
        ("5.2", ["市财政局"], ["逾期", "更新滞后"]),
        ("5.3", ["市财政局"], ["逾期", "更新滞后"]),
        ("6.1", ["市政府各部门"], ["逾期", "更新滞后"]),
        ("7.1", ["市政府相关部门"], ["逾期", "更新滞后"]),
        ("8.1", ["市财政局"], ["逾期", "更新滞后"]),
        ("13.1", ["市政府各部门"], ["逾期"]),
    ]
    assert {(i["days_late"], i["workdays_late"]) for i in unit["items"]} == {(15, 7)}
    table = ok("--ledger", str(SHIPPED), "--unit", "市财政局", "--as-of", "2022-10-15")
    assert_golden("overdue/shipped-czj.txt", table)


# -- helpers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cols", "short"),
    [
        ("加强财政预决算信息公开,推进非涉密部门应公开尽公开。", 30, "加强财政预决算信息公开…"),
        (
            "加强财政预决算信息公开,推进非涉密部门应公开尽公开。",
            60,
            "加强财政预决算信息公开,推进非涉密部门应公开尽公开。",
        ),
        ("深入开展基层政务公开标准化规范化建设", 20, "深入开展基层政务公…"),
        ("在11个乡(镇、处)开展", 12, "在11个乡(镇…"),
        ("多余  空白\n换行", 40, "多余 空白 换行"),
    ],
)
def test_shorten(text: str, cols: int, short: str) -> None:
    assert shorten(text, cols) == short
    assert cell_len(short) <= cols


@pytest.mark.slow  # over a second (--durations)
def test_shipped_item_completed_with_progress_add_leaves_the_list(tmp_path: Path) -> None:
    """The issue's acceptance: record 5.1 as 已完成 with evidence, and 5.1 is no longer owed."""
    ledger = tmp_path / "data"
    shutil.copytree(SHIPPED, ledger)
    add = run_process(
        *("progress", "add", "5.1"),
        *("--unit", "市财政局", "--status", "已完成", "--date", "2022-10-12"),
        *("--summary", "已在财政预决算专栏公开", "--evidence", "https://example.gov.cn/czyjs"),
        *("--ledger", str(ledger)),
        text=False,
    )
    assert add.returncode == 0, add.stderr.decode()
    out = ok(
        "--ledger", str(ledger), "--unit", "市财政局", "--as-of", "2022-10-15", "--format", "json"
    )
    (unit,) = json.loads(out)["units"]
    assert [i["item"] for i in unit["items"]] == ["2.2", "5.2", "5.3", "6.1", "7.1", "8.1", "13.1"]
    # as of the day before the report, it is still owed
    out = ok("--ledger", str(ledger), "--unit", "czj", "--as-of", "2022-10-11", "--format", "json")
    assert "5.1" in [i["item"] for i in json.loads(out)["units"][0]["items"]]
