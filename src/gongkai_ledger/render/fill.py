"""`ledger export --fill` as xlsx: the 填报表 a unit fills in and returns.

Sheet 填报: a note row (how to fill, the allowed statuses: no data-validation dropdowns,
which WPS stores differently), the header row, one row per item; the sheet is protected
and only the columns to fill are unlocked. Hidden sheet 台账信息: the unit, the plan, the
version of the listed items and when the sheet was made, read back by `progress import`.
Text is escaped as in the other xlsx export (see `export.xlsx_text`).
"""

from __future__ import annotations

import io
from typing import Any

from ..core import fill
from ..views.fill import FillSheet
from .export import _safe, _width

_WIDTHS = {fill.CONTENT: 60, fill.SUMMARY: 50, fill.EVIDENCE: 36, fill.REASON: 30}
_HEADER_FILL = "DDEBF7"
_FILL_FILL = "FFF2CC"  # the cells to fill in


def note_text(sheet: FillSheet) -> str:
    return (
        f"{sheet.unit.name}填报表({sheet.plan.title},当前状态截至 {sheet.as_of.isoformat()})。"
        f"请只填写黄色各列:本次状态只能填 {'、'.join(fill.STATUSES)};"
        "报送日期写成 2022-10-08;佐证材料每行一个网址;状态为不涉及时写明不涉及理由。"
        "不需报送的行留空。填好后交回,由 ledger progress import 导入。"
    )


def to_fill_xlsx(sheet: FillSheet, notes: list[str] | None = None) -> bytes:
    """The workbook; what was escaped or cut is appended to `notes`. Needs openpyxl."""
    notes = [] if notes is None else notes
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter

    book = Workbook()
    main = book.active
    main.title = fill.SHEET
    book.properties.creator = "gongkai-ledger"
    width = len(fill.COLUMNS)
    main.cell(fill.NOTE_ROW, 1, _safe(note_text(sheet), (fill.SHEET, 1, "说明"), notes))
    main.merge_cells(
        start_row=fill.NOTE_ROW, start_column=1, end_row=fill.NOTE_ROW, end_column=width
    )
    main.cell(fill.NOTE_ROW, 1).alignment = Alignment(wrap_text=True, vertical="top")
    main.row_dimensions[fill.NOTE_ROW].height = 48
    for col, title in enumerate(fill.COLUMNS, start=1):
        cell = main.cell(fill.HEADER_ROW, col, title)
        cell.font = Font(bold=True)
        color = _FILL_FILL if title in fill.TO_FILL else _HEADER_FILL
        cell.fill = PatternFill("solid", fgColor=color)
    for number, row in enumerate(sheet.rows, start=fill.FIRST_ROW):
        values = (row.item, row.task, row.content, row.deadline, row.via, row.current)
        for col, (title, value) in enumerate(zip(fill.READ_ONLY, values, strict=True), start=1):
            cell = main.cell(number, col, _safe(value, (fill.SHEET, number, title), notes))
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text, never a formula
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for col in range(len(fill.READ_ONLY) + 1, width + 1):
            cell = main.cell(number, col)
            cell.protection = Protection(locked=False)
            cell.fill = PatternFill("solid", fgColor=_FILL_FILL)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if fill.COLUMNS[col - 1] in (fill.DAY, fill.STATUS):
                cell.number_format = "@"  # typed as text: 2022-10-08 stays what was typed
    for col, title in enumerate(fill.COLUMNS, start=1):
        cells = [
            _width(str(main.cell(r, col).value or ""))
            for r in range(fill.HEADER_ROW, main.max_row + 1)
        ]
        natural = max(cells) + 2
        main.column_dimensions[get_column_letter(col)].width = _WIDTHS.get(title, min(natural, 24))
    main.freeze_panes = main.cell(fill.FIRST_ROW, 2)
    main.protection.sheet = True  # no password: it guards against slips, not people
    main.protection.formatColumns = False
    main.protection.formatRows = False
    _meta(book, sheet, notes)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _meta(book: Any, sheet: FillSheet, notes: list[str]) -> None:
    meta = book.create_sheet(fill.META_SHEET)
    rows = (
        (fill.META_FORMAT, fill.FORMAT),
        (fill.META_UNIT_ID, sheet.unit.id),
        (fill.META_UNIT, sheet.unit.name),
        (fill.META_PLAN, sheet.plan.title),
        (fill.META_YEAR, str(sheet.plan.year)),
        (fill.META_VERSION, sheet.version),
        (fill.META_MADE, sheet.made.isoformat(timespec="seconds")),
    )
    for number, (key, value) in enumerate(rows, start=1):
        meta.cell(number, 1, key)
        cell = meta.cell(number, 2, _safe(value, (fill.META_SHEET, number, key), notes))
        cell.data_type = "s"
    meta.column_dimensions["A"].width = 12
    meta.column_dimensions["B"].width = 60
    meta.sheet_state = "hidden"
    meta.protection.sheet = True
