"""Reading a returned 填报表 (xlsx): its hidden 台账信息 and the cells of the columns filled in.

The columns are found by their headers, so a unit that moved or hid one does no harm.
Values are kept as openpyxl reads them (text, date, number); a formula is marked, never
evaluated. Needs openpyxl (the `xlsx` extra), imported here only when a sheet is read.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core import fill
from ..core.errors import UserError, os_reason


@dataclass(frozen=True)
class Cell:
    value: Any  # str, datetime, number, or None (empty)
    formula: bool = False


@dataclass(frozen=True)
class FilledRow:
    number: int  # the sheet's row number, as Excel shows it
    item: str
    cells: dict[str, Cell]  # the columns to fill, by header


@dataclass(frozen=True)
class FillBook:
    shown: str  # the file as the user named it
    sheet: str
    meta: dict[str, str]
    columns: tuple[str, ...]  # the fill columns found
    rows: tuple[FilledRow, ...]


def read_fill_book(path: Path, shown: str) -> FillBook:
    """The 填报表 at `path`; a UserError when it is not one (or cannot be read)."""
    try:
        from openpyxl import load_workbook
    except ImportError:
        raise UserError(
            "读取 xlsx 需要 openpyxl,请安装:pip install 'gongkai-ledger[xlsx]'"
        ) from None
    try:
        book = load_workbook(path, data_only=False)
    except OSError as error:
        raise UserError(f"无法读取 {shown}:{os_reason(error)}") from None
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise UserError(f"{shown} 不是有效的 xlsx 文件({type(error).__name__})") from None
    if fill.META_SHEET not in book.sheetnames or fill.SHEET not in book.sheetnames:
        raise UserError(
            f"{shown} 不是 ledger export --fill 生成的填报表(缺少工作表“{fill.SHEET}”或“{fill.META_SHEET}”)"
        )
    meta = {}
    for key, value, *_ in book[fill.META_SHEET].iter_rows(max_col=2, values_only=True):
        if key is not None:
            meta[str(key)] = "" if value is None else str(value)
    if meta.get(fill.META_FORMAT) != fill.FORMAT:
        raise UserError(f"{shown} 的工作表“{fill.META_SHEET}”不是本工具的填报表格式")
    sheet = book[fill.SHEET]
    headers: dict[str, int] = {}
    for cell in sheet[fill.HEADER_ROW]:
        if isinstance(cell.value, str) and cell.value.strip():
            headers.setdefault(cell.value.strip(), cell.column)
    missing = [c for c in (fill.ITEM, fill.STATUS, fill.DAY) if c not in headers]
    if missing:
        raise UserError(
            f"{shown} 工作表“{fill.SHEET}”第{fill.HEADER_ROW}行缺少列“{'”“'.join(missing)}”"
        )
    found = tuple(c for c in fill.TO_FILL if c in headers)
    rows = []
    for number in range(fill.FIRST_ROW, sheet.max_row + 1):
        item_cell = sheet.cell(number, headers[fill.ITEM])
        cells = {c: _cell(sheet.cell(number, headers[c])) for c in found}
        item = "" if item_cell.value is None else str(item_cell.value).strip()
        if not item and all(_empty(c) for c in cells.values()):
            continue
        rows.append(FilledRow(number, item, cells))
    return FillBook(shown, fill.SHEET, meta, found, tuple(rows))


def _cell(cell: Any) -> Cell:
    return Cell(cell.value, formula=cell.data_type == "f")


def _empty(cell: Cell) -> bool:
    return cell.value is None or (isinstance(cell.value, str) and not cell.value.strip())
