"""Excel (.xlsx) sheets, each a table, read with openpyxl.

Not read-only: openpyxl's read-only mode does not report merged ranges. Formulas give the value
Excel last saved (`data_only`); a file never opened in Excel has none, and such cells read empty.
Dates and numbers are written as the cell's format shows them (2022-09-30, 2022年9月, 90%);
text is kept verbatim.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from . import Table, require, unreadable
from .display import date_text, number_text
from .grid import Grid, clean_text


def read(path: Path) -> list[Table]:
    openpyxl: Any = require("openpyxl", "openpyxl")
    try:
        book = openpyxl.load_workbook(str(path), data_only=True)
    except Exception as exc:  # zipfile, KeyError, InvalidFileException alike
        raise unreadable(path, exc) from None
    try:
        return [_sheet(sheet, f"{path.name} 工作表“{sheet.title}”") for sheet in book.worksheets]
    finally:
        book.close()


def cell_text(value: object, number_format: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime | dt.date):
        return date_text(value, number_format)
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, int | float):
        return number_text(value, number_format)
    return clean_text(str(value))


def _sheet(sheet: Any, source: str) -> Table:
    grid = Grid()
    for merged in sheet.merged_cells.ranges:
        first = sheet.cell(merged.min_row, merged.min_col)
        grid.place(
            merged.min_row,
            merged.min_col,
            cell_text(first.value, first.number_format),
            rowspan=merged.max_row - merged.min_row + 1,
            colspan=merged.max_col - merged.min_col + 1,
        )
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None or (cell.row, cell.column) in grid.cells:
                continue
            grid.place(cell.row, cell.column, cell_text(cell.value, cell.number_format))
    return grid.table(source)
