"""Excel 97–2003 (.xls) sheets, each a table, read with xlrd (formatting_info for merges).

Dates and numbers are written as the cell's format shows them, as for .xlsx.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import Table, require, unreadable
from .display import date_text, number_text
from .grid import Grid, clean_text


def read(path: Path) -> list[Table]:
    xlrd: Any = require("xlrd", "xlrd")
    try:
        book = xlrd.open_workbook(str(path), formatting_info=True)
    except Exception as exc:  # xlrd.XLRDError, struct and OLE errors alike
        raise unreadable(path, exc) from None
    return [
        _sheet(xlrd, book, sheet, f"{path.name} 工作表“{sheet.name}”") for sheet in book.sheets()
    ]


def _format(book: Any, sheet: Any, r: int, c: int) -> str:
    xf = book.xf_list[sheet.cell_xf_index(r, c)]
    fmt = book.format_map.get(xf.format_key)
    return str(fmt.format_str) if fmt is not None else ""


def _text(xlrd: Any, book: Any, sheet: Any, r: int, c: int) -> str:
    cell = sheet.cell(r, c)
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    if cell.ctype == xlrd.XL_CELL_DATE:
        when = xlrd.xldate_as_datetime(cell.value, book.datemode)
        return date_text(when, _format(book, sheet, r, c))
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        return number_text(cell.value, _format(book, sheet, r, c))
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return "是" if cell.value else "否"
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return ""
    return clean_text(str(cell.value))


def _sheet(xlrd: Any, book: Any, sheet: Any, source: str) -> Table:
    grid = Grid()
    for rlo, rhi, clo, chi in sheet.merged_cells:  # half-open, 0-based
        grid.place(rlo + 1, clo + 1, _text(xlrd, book, sheet, rlo, clo), rhi - rlo, chi - clo)
    for r in range(sheet.nrows):
        for c in range(sheet.ncols):
            if (r + 1, c + 1) not in grid.cells:
                text = _text(xlrd, book, sheet, r, c)
                if text:
                    grid.place(r + 1, c + 1, text)
    return grid.table(source)
