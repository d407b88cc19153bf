"""`ledger report --quarter / --half / --year`: parsing, usage errors, the period's figures,
the change since the previous period, the yearly 落实情况 section, and golden output."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from gongkai_ledger.core.errors import UsageError
from gongkai_ledger.core.model import Ledger
from gongkai_ledger.files.load import load_ledger
from gongkai_ledger.views.period import Period, parse_period, period_context, signed

from .cli_run import run_ledger
from .conftest import Write
from .goldens import assert_golden
from .ledgers import REPORT_LEDGER

# A year of work: one task done in Q2, one kept up (常态化), one extended, one not reported
# and 不涉及 — reports in May, September, November and December.
YEAR_TASKS = """\
plan:
  title: 2022年某县政务公开工作要点
  issuer: 某县人民政府办公室
  doc_no: 某府办发〔2022〕5号
  issued: 2022-03-01
  year: 2022
  update_every: 月
  warn_days: 15
tasks:
  - id: 1
    title: 公开财政预决算
    items:
      - id: "1.1"
        content: 公开部门预决算。
        owners: [县财政局]
        deadline: 2022年6月
  - id: 2
    title: 加强政务公开培训
    items:
      - id: "2.1"
        content: 常态化开展业务培训。
        owners: [县财政局, 甲镇]
        deadline: 常态化更新
  - id: 3
    title: 公开重大项目信息
    items:
      - id: "3.1"
        content: 公开重大项目审批信息。
        owners: [甲镇]
        deadline: 2022年9月
        extensions:
          - deadline: 2023年3月底前
            approved: 2022-09-15
            ref: 某府办函〔2022〕9号
            reason: 等待省级平台上线。
  - id: 4
    title: 公开乡镇财政信息
    items:
      - id: "4.1"
        content: 公开乡镇财政收支。
        owners: [乙乡]
        deadline: 2022年11月
      - id: "4.2"
        content: 公开部门债务。
        owners: [县财政局]
        deadline: 2022年11月
"""

YEAR_UNITS = """\
units:
  - id: czj
    name: 县财政局
    kind: 政府工作部门
  - id: aaz
    name: 甲镇
    kind: 乡镇
  - id: bbx
    name: 乙乡
    kind: 乡镇
"""

YEAR_PROGRESS = {
    "czj.yaml": """\
        unit: 县财政局
        reports:
          - item: "1.1"
            date: 2022-05-20
            status: 已完成
            summary: 部门预决算已公开。
          - item: "4.2"
            date: 2022-09-05
            status: 不涉及
            summary: 无部门债务。
            reason: 本局无部门债务。
          - item: "2.1"
            date: 2022-12-10
            status: 推进中
            summary: 举办业务培训1次。
        """,
    "aaz.yaml": """\
        unit: 甲镇
        reports:
          - item: "3.1"
            date: 2022-11-10
            status: 推进中
            summary: 已完成数据梳理。
          - item: "2.1"
            date: 2022-12-05
            status: 推进中
            summary: 组织镇村培训。
        """,
}


@pytest.fixture
def year_ledger(write_ledger: Write) -> Path:
    return write_ledger(YEAR_TASKS, YEAR_UNITS, YEAR_PROGRESS)


@pytest.fixture
def fixture_copy(tmp_path: Path) -> Path:
    root = tmp_path / "report_ledger"
    shutil.copytree(REPORT_LEDGER, root)
    return root


# -- periods ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "text", "period"),
    [
        ("quarter", "2022Q4", Period("quarter", 2022, 4)),
        ("quarter", "2022-q1", Period("quarter", 2022, 1)),
        ("quarter", "2022年第三季度", Period("quarter", 2022, 3)),
        ("quarter", "２０２２Q2", Period("quarter", 2022, 2)),
        ("half", "2022H2", Period("half", 2022, 2)),
        ("half", "2022-h1", Period("half", 2022, 1)),
        ("half", "2022年上半年", Period("half", 2022, 1)),
        ("year", "2022", Period("year", 2022)),
        ("year", "2022年度", Period("year", 2022)),
        ("month", "2022-12", Period("month", 2022, 12)),
    ],
)
def test_periods_are_parsed(kind: str, text: str, period: Period) -> None:
    assert parse_period(kind, text) == period


@pytest.mark.parametrize(
    ("kind", "text"),
    [("quarter", "2022Q5"), ("quarter", "2022Q0"), ("quarter", "Q4"), ("half", "2022H3"),
     ("half", "2022-12"), ("year", "22"), ("year", "0000"), ("year", "2022-12"),
     ("month", "2022-13")],
)  # fmt: skip
def test_bad_periods_are_usage_errors(kind: str, text: str) -> None:
    with pytest.raises(UsageError, match=f"“{text}”无效"):
        parse_period(kind, text)


def test_period_bounds_labels_and_neighbours() -> None:
    q4 = Period("quarter", 2022, 4)
    assert (q4.start, q4.end, q4.key, q4.label) == (
        date(2022, 10, 1), date(2022, 12, 31), "2022Q4", "2022年第四季度"
    )  # fmt: skip
    assert q4.shifted(1) == Period("quarter", 2023, 1)
    assert Period("quarter", 2022, 1).shifted(-1) == Period("quarter", 2021, 4)
    h1 = Period("half", 2022, 1)
    assert (h1.end, h1.label, h1.shifted(-1).label) == (
        date(2022, 6, 30),
        "2022年上半年",
        "2021年下半年",
    )
    assert (Period("year", 2022).label, Period("year", 2022).key) == ("2022年度", "2022")
    assert Period("month", 2022, 1).shifted(-1) == Period("month", 2021, 12)


def test_signed_differences() -> None:
    assert [signed(3), signed(-1), signed(0), signed(None)] == ["+3", "-1", "0", "—"]
    assert [signed(125, tenths=True), signed(-7, tenths=True)] == ["+12.5", "-0.7"]


# -- the context -------------------------------------------------------------------------


def _ledger(root: Path) -> Ledger:
    loaded = load_ledger(root)
    assert loaded.problems == []
    return loaded.ledger


def test_received_covers_the_whole_period_and_next_is_the_next_period() -> None:
    context = period_context(_ledger(REPORT_LEDGER), Period("quarter", 2022, 4))
    dates = [r["date"] for r in context["received"]]
    assert dates[0] == "2022-10-10" and dates[-1] == "2022-12-28"
    assert all("2022-10-01" <= d <= "2022-12-31" for d in dates)
    assert len(dates) == 17
    assert context["next_month"]["month_label"] == "2023年第一季度"
    assert [r["due"] for r in context["next_month"]["rows"]] == [
        "2023-01-31", "2023-01-31", "2023-03-31"
    ]  # fmt: skip


def test_change_since_the_previous_quarter() -> None:
    context = period_context(_ledger(REPORT_LEDGER), Period("quarter", 2022, 4))
    change = context["change"]
    assert change["previous"] == "2022年第三季度"
    assert change["before"]["done"] == 1 and context["summary"]["done"] == 5
    assert (change["done"], change["overdue"], change["completion_points"]) == ("+4", "+4", "+21.0")


def test_an_as_of_inside_the_period_counts_to_it() -> None:
    context = period_context(
        _ledger(REPORT_LEDGER), Period("half", 2022, 2), as_of=date(2022, 10, 31)
    )
    assert context["header"]["as_of"] == "2022-10-31"
    assert context["received"][-1]["date"] == "2022-10-28"
    with pytest.raises(UsageError, match="不在2022年下半年之内"):
        period_context(_ledger(REPORT_LEDGER), Period("half", 2022, 2), as_of=date(2022, 6, 30))


def test_the_first_period_of_the_plan_has_nothing_to_compare() -> None:
    context = period_context(_ledger(REPORT_LEDGER), Period("quarter", 2022, 1))
    assert context["change"] is None
    assert (
        context["header"]["period"]["comparison"]
        == "2022年第一季度是2022年台账的第一期,没有上期可比。"
    )
    before = period_context(_ledger(REPORT_LEDGER), Period("year", 2021))
    assert before["header"]["period"]["comparison"] == "2021年度早于2022年台账的年度,没有上期可比。"


def test_annual_states_and_reasons(year_ledger: Path) -> None:
    annual = period_context(_ledger(year_ledger), Period("year", 2022))["annual"]
    assert [(t["number"], t["state"]) for t in annual["tasks"]] == [
        ("(一)", "已完成"), ("(二)", "持续推进"), ("(三)", "未完成"), ("(四)", "未完成"),
    ]  # fmt: skip
    texts = [t["text"] for t in annual["tasks"]]
    assert texts[0] == "已完成。"
    assert texts[2] == (
        "未完成。3.1条目甲镇:推进中,已批准延期至2023年3月底前(延期原因:等待省级平台上线),已完成数据梳理。"
    )
    assert texts[3] == "未完成。4.1条目乙乡:未报送;4.2条目县财政局不涉及(本局无部门债务)。"
    assert (annual["done_count"], annual["ongoing_count"], annual["not_done_count"]) == (1, 1, 2)


def test_only_a_year_has_the_annual_section() -> None:
    assert period_context(_ledger(REPORT_LEDGER), Period("half", 2022, 2))["annual"] is None


# -- the CLI -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--quarter", "2022Q4", "--year", "2022"), "--quarter、--year 只能选一个"),
        (("--month", "2022-12", "--half", "2022H2"), "--month、--half 只能选一个"),
        (("--quarter", "2022Q5"), "季度“2022Q5”无效,请写成 YYYYQn"),
        (
            ("--half", "2022H2", "--as-of", "2022-06-30"),
            "--as-of 2022-06-30 不在通报期间2022年下半年之内",
        ),
        (("--year", "2999"), "2999年度尚未开始"),
        (("--year", "0001"), "“0001”超出可以计算的日期范围"),
        (("--quarter", "0001Q1"), "“0001Q1”超出可以计算的日期范围"),
        (("--half", "9999H2", "--as-of", "9999-12-01"), "“9999H2”超出可以计算的日期范围"),
        (("--year", "9999", "--as-of", "9999-12-01"), "“9999”超出可以计算的日期范围"),
    ],
)
def test_usage_errors(
    capsys: pytest.CaptureFixture[str], fixture_copy: Path, args: tuple[str, ...], message: str
) -> None:
    run = run_ledger(capsys, "report", *args, "--ledger", str(fixture_copy))
    assert run.code == 2
    assert run.err.startswith("用法错误:") and message in run.err


@pytest.mark.parametrize(
    ("golden", "args"),
    [
        ("periods/quarter.md", ("--quarter", "2022Q4")),
        ("periods/quarter_unit.md", ("--quarter", "2022Q4", "--unit", "zjj")),
        ("periods/half.html", ("--half", "2022H2", "--format", "html")),
        ("periods/year.md", ("--year", "2022")),
    ],
)
def test_golden(
    capsys: pytest.CaptureFixture[str], fixture_copy: Path, golden: str, args: tuple[str, ...]
) -> None:
    run = run_ledger(capsys, "report", *args, "--ledger", str(fixture_copy))
    assert (run.code, run.err) == (0, "")
    assert_golden(golden, run.out)


@pytest.mark.parametrize(
    ("golden", "fmt"), [("periods/annual.md", "md"), ("periods/annual.html", "html")]
)
def test_golden_annual(
    capsys: pytest.CaptureFixture[str], year_ledger: Path, golden: str, fmt: str
) -> None:
    run = run_ledger(
        capsys, "report", "--year", "2022", "--format", fmt, "--ledger", str(year_ledger)
    )
    assert (run.code, run.err) == (0, "")
    assert_golden(golden, run.out)


def test_the_monthly_report_says_nothing_about_periods(
    capsys: pytest.CaptureFixture[str], fixture_copy: Path
) -> None:
    run = run_ledger(capsys, "report", "--month", "2022-12", "--ledger", str(fixture_copy))
    assert "本月报送进展" in run.out and "与" not in run.out.split("| 指标")[0].split("。")[-2]
    assert "本期" not in run.out and "落实上级" not in run.out


def test_docx_has_the_comparison_and_the_annual_section(year_ledger: Path, tmp_path: Path) -> None:
    from docx import Document

    from .cli_run import run_process

    out = tmp_path / "年度.docx"
    result = run_process("report", "--year", "2022", "--ledger", str(year_ledger), "-o", str(out))
    assert result.returncode == 0, result.stderr
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert "2022年度是2022年台账的第一期,没有上期可比。" in texts
    assert "【待填写:本期工作成效和亮点(写在 notes/2022.md 的“## 成效”下)】" in texts
    at = texts.index("四、落实上级年度政务公开工作要点情况")
    assert texts[at + 2] == "(一)公开财政预决算。已完成。"


def test_all_units_for_a_quarter(
    capsys: pytest.CaptureFixture[str], fixture_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "督办单"
    args = ("--quarter", "2022Q4", "--all-units", "-o", str(out), "--ledger", str(fixture_copy))
    run = run_ledger(capsys, "report", *args)
    assert run.code == 0, run.err
    sheet = (out / "督办单-县住建局.md").read_text(encoding="utf-8")
    assert "**2022年第四季度**" in sheet
    assert "## 五、本期报送进展(2022年第四季度)" in sheet
    assert "与2022年第三季度末(2022年9月30日)相比" in sheet


def test_quarter_docx_lists_the_period_s_reports_and_the_next_period_s_dues(
    capsys: pytest.CaptureFixture[str], fixture_copy: Path, tmp_path: Path
) -> None:
    from docx import Document

    out = tmp_path / "季度.docx"
    run = run_ledger(
        capsys, "report", "--quarter", "2022Q4", "--ledger", str(fixture_copy), "-o", str(out)
    )
    assert run.code == 0, run.err
    document = Document(str(out))
    texts = [p.text for p in document.paragraphs]
    assert "亮灯情况:红灯4项,黄灯3项,蓝灯1项,绿灯12项。" in texts
    assert (
        "本期(2022年第四季度)共收到进展报送17条(明细见附件4);"
        "下期(2023年第一季度)有3个条目或时间节点到期(见附件5)。"
    ) in texts
    assert [t for t in texts if t[:2] in ("4.", "5.")] == [
        "4.本期报送进展情况表",
        "5.下期到期事项清单",
    ]
    assert texts.count("附件4") == texts.count("附件5") == 1
    received, upcoming = document.tables[3], document.tables[4]
    rows = [[c.text for c in row.cells] for row in received.rows]
    assert rows[0] == ["日期", "单位", "条目", "状态", "进展情况", "佐证材料"]
    assert len(rows) == 1 + 17
    assert rows[3] == [
        "2022年10月15日",
        "甲镇",
        "1.3",
        "已完成",
        "各村公开栏集中公开惠民惠农补贴发放结果。",
        "https://example.gov.cn/jiaz/hmhn",
    ]
    dues = [[c.text for c in row.cells] for row in upcoming.rows]
    assert dues[1:3] == [
        [
            "2023年1月31日",
            "2.2",
            "条目",
            "公开城镇老旧小区改造计划和进展情况。",
            "2023年1月",
            "县住建局",
        ],
        [
            "2023年1月31日",
            "3.1",
            "时间节点",
            "完成政府网站适老化和无障碍改造",
            "2023年1月底前",
            "县数据局",
        ],
    ]


def test_the_monthly_docx_keeps_its_three_attachments(
    capsys: pytest.CaptureFixture[str], fixture_copy: Path, tmp_path: Path
) -> None:
    from docx import Document

    out = tmp_path / "月度.docx"
    run = run_ledger(
        capsys, "report", "--month", "2022-12", "--ledger", str(fixture_copy), "-o", str(out)
    )
    assert run.code == 0, run.err
    document = Document(str(out))
    texts = [p.text for p in document.paragraphs]
    assert "亮灯情况:红灯4项,黄灯3项,蓝灯1项,绿灯12项。" in texts
    assert len(document.tables) == 3 and "附件4" not in texts
    assert not [t for t in texts if t.startswith("本期")]


def test_a_continuing_item_extended_to_a_date_is_not_done_rather_than_ongoing(
    write_ledger: Write,
) -> None:
    tasks = YEAR_TASKS.replace(
        "        deadline: 2022年11月\n", "        deadline: 2022年9月并持续更新\n", 1
    )
    progress = {
        "bbx.yaml": """\
            unit: 乙乡
            reports:
              - item: "4.1"
                date: 2022-12-20
                status: 推进中
                summary: 正在整理。
            """
    }
    tasks = tasks.replace(
        "        content: 公开乡镇财政收支。\n        owners: [乙乡]\n        deadline: 2022年9月并持续更新\n",
        "        content: 公开乡镇财政收支。\n        owners: [乙乡]\n        deadline: 2022年9月并持续更新\n"
        "        extensions:\n          - deadline: 2022年12月底前\n            approved: 2022-09-10\n",
    )
    ledger = _ledger(write_ledger(tasks, YEAR_UNITS, {**YEAR_PROGRESS, **progress}))
    annual = period_context(ledger, Period("year", 2022))["annual"]
    (row,) = [t for t in annual["tasks"] if t["id"] == "4"]
    assert row["state"] == "未完成"  # due 2022-12-31 under the 延期: a fixed date, not 持续推进
    assert "4.1条目乙乡:推进中,已批准延期至2022年12月底前" in row["text"]
