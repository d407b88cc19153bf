"""延期 and 办结审核 wherever a user looks: `show`, `overdue`, `export` (and 配合单位' reports in
`show` and `report --unit`). Goldens on tests/fixtures/states_ledger as of 2022-12-10:
1.1 extended before its due date and 已销号, 1.2 extended after it and 已退回 (区财政局 配合),
1.3 待审核."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from .cli_run import run_ledger
from .goldens import assert_golden
from .ledgers import STATES_LEDGER

AS_OF = "2022-12-10"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    copy = tmp_path / "states_ledger"  # outside git: no 数据版本 in the reports
    shutil.copytree(STATES_LEDGER, copy)
    return copy


def ok(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> str:
    run = run_ledger(capsys, *args, "--ledger", str(root))
    assert run.code == 0, run.err
    return run.out


@pytest.mark.parametrize("item", ["1.1", "1.2", "1.3"])
def test_show_golden(capsys: pytest.CaptureFixture[str], root: Path, item: str) -> None:
    assert_golden(f"states/show-{item}.txt", ok(capsys, root, "show", item, "--as-of", AS_OF))
    out = ok(capsys, root, "show", item, "--as-of", AS_OF, "--format", "json")
    assert_golden(f"states/show-{item}.json", out)


def test_show_says_the_dates_and_the_review(capsys: pytest.CaptureFixture[str], root: Path) -> None:
    late = ok(capsys, root, "show", "1.2", "--as-of", AS_OF)
    assert "延期:延期至 2022年11月底前(到期日 2022-11-30),2022-08-10 批准" in late
    assert "推进中(已退回)" in late
    assert "区住建局:已退回(2022-10-25 退回,理由:未公开改造进展,请补充后重报。)" in late
    assert "原到期日 2022-06-30" in " ".join(late.split())
    closed = ok(capsys, root, "show", "1.1", "--as-of", AS_OF)
    assert "已完成(已销号)" in closed and "已销号(2022-10-20 审核通过)" in closed
    pending = ok(capsys, root, "show", "1.3", "--as-of", AS_OF)
    assert "推进中(待审核)" in pending and "未办结" in pending
    # before the extension's approval it does not exist yet
    before = ok(capsys, root, "show", "1.2", "--as-of", "2022-08-01")
    assert "延期" not in before


def test_show_json_states(capsys: pytest.CaptureFixture[str], root: Path) -> None:
    data = json.loads(ok(capsys, root, "show", "1.2", "--as-of", AS_OF, "--format", "json"))
    unit = data["units"][0]
    assert (unit["due"], unit["original_due"], unit["extended_to"]) == (
        "2022-11-30",
        "2022-06-30",
        "2022年11月底前",
    )
    assert (unit["review"], unit["reviewed_on"], unit["return_reason"]) == (
        "已退回",
        "2022-10-25",
        "未公开改造进展,请补充后重报。",
    )
    assert [e["approved"] for e in data["extensions"]] == ["2022-08-10"]


def test_show_lists_a_supporting_units_reports(
    capsys: pytest.CaptureFixture[str], root: Path
) -> None:
    out = ok(capsys, root, "show", "1.2", "--as-of", AS_OF)
    records = out.split("进展记录:")[1]
    assert "区财政局(czj,配合)\n  2022-09-15 推进中 配合提供改造资金安排。" in records
    data = json.loads(ok(capsys, root, "show", "1.2", "--as-of", AS_OF, "--format", "json"))
    assert [(s["unit_id"], [r["date"] for r in s["reports"]]) for s in data["supporting"]] == [
        ("czj", ["2022-09-15"])
    ]


def test_unit_report_lists_what_the_unit_supports(
    capsys: pytest.CaptureFixture[str], root: Path
) -> None:
    md = ok(capsys, root, "report", "--unit", "区财政局", "--month", "2022-09")
    assert "本单位配合的条目(不计入本单位的任务数和完成率):" in md
    assert (
        "| 1.2 | 推进重点领域信息公开 | 区住建局 | 2022年6月底前 | 推进中 | 2022年9月15日 |" in md
    )
    assert "| 2022年9月15日 | 区财政局(配合) | 1.2 |" in md
    assert_golden("states/report-unit-czj.md", md)
    html = ok(
        capsys, root, "report", "--unit", "区财政局", "--month", "2022-09", "--format", "html"
    )
    assert "<caption>本单位配合的条目(不计入本单位的任务数和完成率)</caption>" in html
    own = ok(capsys, root, "report", "--unit", "区住建局", "--month", "2022-09")
    assert "本单位配合的条目" not in own


def test_overdue_golden(capsys: pytest.CaptureFixture[str], root: Path) -> None:
    for unit, name in (("区住建局", "zjj"), ("区财政局", "czj")):
        text = ok(capsys, root, "overdue", "--unit", unit, "--as-of", AS_OF)
        assert_golden(f"states/overdue-{name}.txt", text)
    assert_golden(
        "states/overdue.json", ok(capsys, root, "overdue", "--as-of", AS_OF, "--format", "json")
    )


def test_a_claim_by_the_due_date_waits_on_the_office_not_the_unit(
    capsys: pytest.CaptureFixture[str], root: Path
) -> None:
    # 1.3 is due 2022-11-30; 区财政局 claimed it 11-10 and the office has not reviewed it
    text = ok(capsys, root, "overdue", "--unit", "区财政局", "--as-of", AS_OF)
    assert "没有逾期、临期或更新滞后的事项" in text
    shown = json.loads(ok(capsys, root, "show", "1.3", "--as-of", AS_OF, "--format", "json"))
    (unit,) = shown["units"]
    assert (unit["status"], unit["review"], unit["overdue"], unit["level"]) == (
        "推进中",
        "待审核",
        False,
        "绿",
    )
    assert shown["done"] is False  # still not 已完成 before 销号
    # the same claim made after the due date is late as before
    progress = root / "progress" / "czj.yaml"
    progress.write_text(
        progress.read_text(encoding="utf-8").replace("2022-11-10", "2022-12-05"), encoding="utf-8"
    )
    late = ok(capsys, root, "overdue", "--unit", "区财政局", "--as-of", AS_OF)
    assert "待审核" in late and "逾期 10 天" in late


def test_overdue_carries_the_states(capsys: pytest.CaptureFixture[str], root: Path) -> None:
    late = ok(capsys, root, "overdue", "--unit", "区住建局", "--as-of", AS_OF)
    assert "(原2022年6" in late and "已退回" in late
    data = json.loads(ok(capsys, root, "overdue", "--as-of", AS_OF, "--format", "json"))
    rows = {(u["unit_id"], i["item"]): i for u in data["units"] for i in u["items"]}
    assert ("czj", "1.3") not in rows  # claimed by its due date: waits on the office
    shown = json.loads(ok(capsys, root, "show", "1.3", "--as-of", AS_OF, "--format", "json"))
    assert shown["units"][0]["claimed_on"] == "2022-11-10"
    assert rows[("zjj", "1.2")]["extension_late"] is True
    assert rows[("zjj", "1.2")]["original_due"] == "2022-06-30"


def test_export_golden(capsys: pytest.CaptureFixture[str], root: Path) -> None:
    assert_golden("states/export.json", ok(capsys, root, "export", "--as-of", AS_OF))
    out = ok(capsys, root, "export", "--as-of", AS_OF, "--format", "csv", "--view", "unit-items")
    assert_golden("states/unit-items.csv", out)
    rows = {r["item"]: r for r in csv.DictReader(io.StringIO(out.lstrip("\ufeff")))}
    assert [rows[i]["review"] for i in ("1.1", "1.2", "1.3")] == ["已销号", "已退回", "待审核"]
    assert (rows["1.1"]["original_due"], rows["1.1"]["due"]) == ("2022-09-30", "2022-12-31")
    assert rows["1.2"]["extension_ref"] == "https://example.gov.cn/ledger/pull/7"
    assert rows["1.2"]["return_reason"] == "未公开改造进展,请补充后重报。"
    assert (rows["1.3"]["extended_to"], rows["1.3"]["claimed_on"]) == ("", "2022-11-10")


def test_the_docx_supervision_sheet_lists_what_the_unit_supports(
    capsys: pytest.CaptureFixture[str], root: Path, tmp_path: Path
) -> None:
    from docx import Document

    out = tmp_path / "督办单.docx"
    args = ("report", "--unit", "区财政局", "--month", "2022-09", "-o", str(out))
    ok(capsys, root, *args)
    document = Document(str(out))
    texts = [p.text for p in document.paragraphs]
    assert "本单位配合的条目(不计入本单位的任务数和完成率):" in texts
    rows = [[c.text for c in row.cells] for row in document.tables[-1].rows]
    assert rows[0] == ["条目", "任务", "责任单位", "完成时间", "本单位报送", "最近报送", "进展情况"]
    assert rows[1] == [
        "1.2",
        "推进重点领域信息公开",
        "区住建局",
        "2022年6月底前",
        "推进中",
        "2022年9月15日",
        "配合提供改造资金安排。",
    ]
    own = tmp_path / "住建局.docx"
    ok(capsys, root, "report", "--unit", "区住建局", "--month", "2022-09", "-o", str(own))
    assert "本单位配合的条目" not in "".join(p.text for p in Document(str(own)).paragraphs)
