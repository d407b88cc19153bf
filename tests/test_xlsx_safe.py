"""`export --format xlsx` never writes a workbook that does not reopen, and says what it changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .cli_run import run_ledger
from .ledgers import REPORT_LEDGER

AS_OF = ("--as-of", "2022-12-31")


@pytest.mark.usefixtures("past_the_input_check")
def test_xlsx_with_characters_excel_cannot_hold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import load_workbook

    root = tmp_path / "l"
    shutil.copytree(REPORT_LEDGER, root)
    progress = root / "progress" / "czj.yaml"
    hostile = 'summary: "控制\\x01字符\\uFFFE\\uFFFF"'
    long = "summary: " + "长" * 40_000
    text = progress.read_text(encoding="utf-8")
    text = text.replace("summary: 已整理政府债务限额、余额数据,待审核后公开。", hostile)
    text = text.replace("summary: 更新2022年预算执行情况。", long)
    progress.write_text(text, encoding="utf-8")
    target = tmp_path / "台账.xlsx"
    result = run_ledger(capsys, "export", "--ledger", str(root), *AS_OF, "-o", str(target))
    assert result.code == 0, result.err

    sheet = load_workbook(target)["单位条目"]
    column = [c.value for c in sheet[1]].index("最近进展")
    summaries = {
        row[2].value + row[0].value: row[column].value for row in sheet.iter_rows(min_row=2)
    }
    assert summaries["czj1.2"] == "控制\\x01字符\\ufffe\\uffff"
    assert len(summaries["czj1.1"]) == 32_767
    assert summaries["czj1.1"].endswith("长…(已截断)")
    row_of = {row[2].value + row[0].value: row[0].row for row in sheet.iter_rows(min_row=2)}
    assert result.err.splitlines() == [
        f"注意:xlsx 工作表“单位条目”第 {row_of['czj1.1']} 行“最近进展”列:有 40000 个字符,"
        "超过 Excel 单元格上限 32767,已截断(完整内容见 json 或 csv 导出)",
        f"注意:xlsx 工作表“单位条目”第 {row_of['czj1.2']} 行“最近进展”列:3 个 Excel 不能保存的字符"
        "(U+0001、U+FFFE、U+FFFF)写作转义形式,如 \\x01",
        f"已写入:{target.as_posix()}",
    ]
