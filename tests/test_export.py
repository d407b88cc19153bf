"""`ledger export`: json (all views), csv (one view), xlsx (a sheet per view), as of a date."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from .cli_run import run_ledger
from .conftest import Write
from .goldens import assert_golden
from .ledgers import SHIPPED

PROGRESS = {
    "czj.yaml": """\
        unit: 县财政局
        reports:
          - item: "1.1"
            date: 2022-09-26
            status: 已完成
            summary: 在门户网站公开
            evidence: [https://example.gov.cn/a]
        """,
    "aaz.yaml": """\
        unit: 甲镇
        reports:
          - item: "1.2"
            date: 2022-10-08
            status: 推进中
            summary: 已起草
        """,
    "bbx.yaml": """\
        unit: 乙乡
        reports:
          - item: "1.2"
            date: 2022-10-09
            status: 不涉及
            reason: 本乡无此事项
        """,
}
# As of 2023-01-05: 1.1 is done but its updates are stale; 甲镇 is 5 days (3 工作日) late
# with 1.2 (元旦 2023-01-02 is a holiday); 乙乡 is 不涉及.
AS_OF = "2023-01-05"


@pytest.fixture
def ledger_dir(write_ledger: Write) -> Path:
    return write_ledger(progress=PROGRESS)


def test_json_has_every_view(ledger_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = run_ledger(capsys, "export", "--ledger", str(ledger_dir), "--as-of", AS_OF)
    assert (result.code, result.err) == (0, "")
    assert_golden("export/export.json", result.out)
    assert list(json.loads(result.out)) == ["plan", "as_of", "items", "unit_items", "overdue"]


@pytest.mark.parametrize("view", ["items", "unit-items", "overdue"])
def test_csv_is_one_view(view: str, ledger_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["export", "--ledger", str(ledger_dir), "--as-of", AS_OF, "--format", "csv"]
    result = run_ledger(capsys, *args, "--view", view)
    assert (result.code, result.err) == (0, "")
    assert_golden(f"export/{view}.csv", result.out)
    assert result.out.startswith("\ufeff")
    if view == "unit-items":
        assert run_ledger(capsys, *args).out == result.out  # the default view


def test_xlsx(ledger_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "台账.xlsx"
    result = run_ledger(
        capsys,
        "export",
        "--ledger",
        str(ledger_dir),
        "--as-of",
        AS_OF,
        "--format",
        "xlsx",
        "-o",
        str(target),
    )
    assert (result.code, result.out, result.err) == (0, "", f"已写入:{target.as_posix()}\n")
    book = load_workbook(target)
    assert book.sheetnames == ["条目", "单位条目", "逾期、临期、更新滞后", "说明"]

    items = book["条目"]
    assert [c.value for c in items[1]] == [
        "条目",
        "任务",
        "任务名称",
        "章节",
        "条目内容",
        "责任单位(原文)",
        "牵头单位",
        "配合单位",
        "完成时间(原文)",
        "到期日",
        "持续更新",
        "责任单位数",
        "已完成或不涉及的单位数",
        "已完成",
        "回头看来源",
    ]
    assert [c.value for c in items[3]][:3] == ["1.2", "1", "任务一"]
    assert items["F3"].value == "各乡镇"
    assert items["J3"].value.date() == date(2022, 12, 31)
    assert items["J3"].number_format == "yyyy-mm-dd"
    assert (items["N2"].value, items["N3"].value) == ("是", "否")

    unit_items = book["单位条目"]
    assert [c.value for c in unit_items[3]][:5] == ["1.2", "1", "aaz", "甲镇", "各乡镇"]
    assert unit_items["I3"].value == "推进中"
    assert (unit_items["N3"].value, unit_items["O3"].value) == (5, 3)  # days, 工作日 late
    assert unit_items["S4"].value == "本乡无此事项"

    owed = book["逾期、临期、更新滞后"]
    assert [(r[0].value, r[2].value, r[7].value) for r in owed.iter_rows(min_row=2)] == [
        ("aaz", "1.2", "逾期"),
        ("czj", "1.1", "更新滞后"),
    ]

    assert (unit_items["T1"].value, unit_items["T3"].value) == ("亮灯", "红")
    assert [r[14].value for r in owed.iter_rows(min_row=1)] == ["亮灯", "红", "黄"]
    for sheet, columns, rows in ((items, "O", 3), (unit_items, "AC", 4), (owed, "X", 3)):
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{columns}{rows}"
        assert all(c.font.b for c in sheet[1])
    # Chinese counts double: "已完成或不涉及的单位数" is 11 characters, 22 columns wide (+2).
    assert items.column_dimensions["M"].width == 24
    assert items["E2"].alignment.wrap_text

    about = book["说明"]
    assert (about["A1"].value, about["B1"].value) == ("工作要点", "2022年某县政务公开工作要点")
    assert about["B4"].value.date() == date(2023, 1, 5)


@pytest.mark.slow
def test_shipped_ledger_exports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "shipped.xlsx"
    args = ["export", "--ledger", str(SHIPPED), "--as-of", "2022-10-15"]
    assert run_ledger(capsys, *args, "--format", "xlsx", "-o", str(target)).code == 0
    book = load_workbook(target)
    assert book["条目"].max_row == 33  # 32 items and the header
    data = json.loads(run_ledger(capsys, *args).out)
    assert len(data["items"]) == 32
    assert len(data["unit_items"]) == book["单位条目"].max_row - 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "pdf"], "--format 只能是 json、csv、xlsx,不能是“pdf”"),
        (["--view", "items"], "--view 只用于 csv;json 和 xlsx 包含全部视图"),
        (
            ["--format", "csv", "--view", "units"],
            "--view 只能是 items、unit-items、overdue,不能是“units”",
        ),
        (["--format", "xlsx"], "xlsx 是二进制文件,请用 -o 指定输出文件,如 -o 台账.xlsx"),
        (["--as-of", "2022-13-01"], "--as-of“2022-13-01”不是有效日期,请写成 YYYY-MM-DD"),
    ],
)
def test_usage_errors(
    args: list[str], message: str, ledger_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_ledger(capsys, "export", "--ledger", str(ledger_dir), *args)
    assert (result.code, result.out, result.err) == (2, "", f"用法错误:{message}\n")


def test_missing_openpyxl_is_a_clear_message(
    ledger_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl now raises ImportError
    target = tmp_path / "x.xlsx"
    result = run_ledger(
        capsys, "export", "--ledger", str(ledger_dir), "--format", "xlsx", "-o", str(target)
    )
    assert (result.code, result.err) == (
        2,
        "用法错误:导出 xlsx 需要 openpyxl,请安装:pip install 'gongkai-ledger[xlsx]'\n",
    )
    assert not target.exists()


def test_a_ledger_with_errors_is_refused(
    write_ledger: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_ledger(progress={"czj.yaml": PROGRESS["czj.yaml"].replace('"1.1"', '"9.9"')})
    result = run_ledger(capsys, "export", "--ledger", str(root), "--as-of", AS_OF)
    assert result.code == 2
    assert result.err.startswith("错误:台账有 1 个错误,请先修正")
