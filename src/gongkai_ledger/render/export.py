"""`ledger export` output: one function per format, each a function of the `Export` views.

json: every view, with the plan and the as-of date; csv: one view (Excel-friendly);
xlsx: one sheet per view and a 说明 sheet.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from ..core.safetext import json_text
from ..views.export import Export, View
from .csvtext import excel_csv

# -- json ----------------------------------------------------------------------------


def to_json(data: Export) -> str:
    """All three views, with the plan and the as-of date."""
    document = {
        "plan": {
            "title": data.plan.title,
            "issuer": data.plan.issuer,
            "doc_no": data.plan.doc_no,
            "year": data.plan.year,
        },
        "as_of": data.as_of.isoformat(),
        **{
            view.json_key: [{c.key: _json(row[c.key]) for c in view.columns} for row in view.rows]
            for view in data.views
        },
    }
    return json_text(document)


def _json(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


# -- csv -----------------------------------------------------------------------------


def to_csv(view: View) -> str:
    """One view; UTF-8 with a BOM (Excel and WPS read it as UTF-8), CRLF, like `ledger overdue`."""
    return excel_csv(
        [c.key for c in view.columns], ([row[c.key] for c in view.columns] for row in view.rows)
    )


# -- xlsx ----------------------------------------------------------------------------

_MAX_WIDTH = 60  # characters of a wrapped column; Chinese counts double
_HEADER_FILL = "DDEBF7"


def to_xlsx(data: Export, notes: list[str] | None = None) -> bytes:
    """One sheet per view (header row frozen, auto-filter, widths for Chinese) and a 说明 sheet.

    Text Excel cannot hold is made safe (see `xlsx_text`); what was changed, and where, is
    appended to `notes`. Needs openpyxl (the `xlsx` extra); the caller checks that it is
    installed.
    """
    notes = [] if notes is None else notes
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    title, _ = xlsx_text(f"{data.plan.title} 台账(截至 {data.as_of.isoformat()})")
    book.properties.title = title
    book.properties.creator = "gongkai-ledger"
    for view in data.views:
        sheet = book.create_sheet(view.sheet)
        sheet.append([c.title for c in view.columns])
        for number, row in enumerate(view.rows, start=2):
            sheet.append(
                [
                    _safe(_xlsx(row[c.key]), (view.sheet, number, c.title), notes)
                    for c in view.columns
                ]
            )
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # text, never a formula: a summary must not run
        for index, column in enumerate(view.columns, start=1):
            letter = get_column_letter(index)
            cells = [_cell_text(row[column.key]) for row in view.rows]
            width = max([_width(column.title), *map(_width, cells)]) + 2
            sheet.column_dimensions[letter].width = min(width, _MAX_WIDTH) if column.wrap else width
            for cell in sheet[letter][1:]:
                if isinstance(cell.value, date):
                    cell.number_format = "yyyy-mm-dd"
                if column.wrap:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
                else:
                    cell.alignment = Alignment(vertical="top")
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor=_HEADER_FILL)
            cell.alignment = Alignment(vertical="center")
        sheet.freeze_panes = "A2"
        last = get_column_letter(len(view.columns))
        sheet.auto_filter.ref = f"A1:{last}{max(1, len(view.rows) + 1)}"
    _about(book, data, notes)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _about(book: Any, data: Export, notes: list[str]) -> None:
    from openpyxl.styles import Font

    sheet = book.create_sheet("说明")
    rows: list[Sequence[Any]] = [
        ("工作要点", data.plan.title),
        ("发文机关", data.plan.issuer),
        ("文号", data.plan.doc_no),
        ("截至日期", data.as_of),
        ("", ""),
        ("工作表", "内容"),
        *((v.sheet, _ABOUT[v.name]) for v in data.views),
        ("", ""),
        ("生成", "ledger export --format xlsx;状态按截至日期计算,口径见 README"),
    ]
    for number, (key, value) in enumerate(rows, start=1):
        sheet.append([key, _safe(value, ("说明", number, "内容"), notes)])
    sheet["B4"].number_format = "yyyy-mm-dd"
    for cell in (sheet["A6"], sheet["B6"]):
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 80


_ABOUT = {
    "items": "每个条目一行:原文的责任单位和完成时间、到期日、是否全部完成",
    "unit-items": "每个“条目 × 责任单位”一行:进展状态、完成日期、逾期/临期/更新滞后、最近进展",
    "overdue": "有逾期、临期或更新滞后的“单位 × 条目”,按单位从重到轻排列(同 ledger overdue)",
}


# Excel's limit for the text of one cell.
XLSX_CELL_CHARS = 32_767
# What an xlsx file (XML 1.0) cannot contain: C0 controls but tab and line breaks, surrogates,
# U+FFFE and U+FFFF. openpyxl raises on the first, and writes the last two into a file
# that no longer opens.
_NOT_IN_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TRUNCATED = "…(已截断)"


def xlsx_text(text: str) -> tuple[str, list[str]]:
    """`text` as an xlsx cell can hold it, and what was changed (Chinese phrases).

    A character XML forbids is written as its escape, visibly: U+0001 as `\\x01`, U+FFFE as
    `\\ufffe`. Text longer than Excel's 32,767 characters is cut, ending in “…(已截断)”.
    """
    changes = []
    length = len(text)
    found = _NOT_IN_XLSX.findall(text)
    if found:
        text = _NOT_IN_XLSX.sub(lambda m: _escape(m.group()), text)
        shown = "、".join(sorted({f"U+{ord(c):04X}" for c in found}))
        changes.append(
            f"{len(found)} 个 Excel 不能保存的字符({shown})写作转义形式,如 {_escape(found[0])}"
        )
    if len(text) > XLSX_CELL_CHARS:
        changes.append(
            f"有 {length} 个字符,超过 Excel 单元格上限 {XLSX_CELL_CHARS},已截断"
            "(完整内容见 json 或 csv 导出)"
        )
        text = text[: XLSX_CELL_CHARS - len(_TRUNCATED)] + _TRUNCATED
    return text, changes


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _safe(value: Any, where: tuple[str, int, str], notes: list[str]) -> Any:
    if not isinstance(value, str):
        return value
    text, changes = xlsx_text(value)
    sheet, row, column = where
    notes.extend(f"xlsx 工作表“{sheet}”第 {row} 行“{column}”列:{change}" for change in changes)
    return text


def _xlsx(value: Any) -> Any:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, tuple):
        return "、".join(value)
    return value


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(_xlsx(value))


def _width(text: str) -> int:
    """Display width in Excel's units: a Chinese (full-width) character is two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)
