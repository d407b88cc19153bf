"""`ledger progress import`: the filled rows of a 填报表 appended to the unit's progress file.

Every row is read and checked first (status, date, the item owed, the sheet's unit and
version); one wrong cell refuses the whole sheet, naming sheet, row and column. The rest
goes through `progress.add_reports`: the same locked, checked, atomic splice as
`progress add`, all rows in one write.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..core import fill
from ..core.errors import FillRejected, UserError
from ..core.model import Status, Unit
from ..core.registry import Registry
from ..files.fillbook import Cell, FillBook, FilledRow, read_fill_book
from ..files.load import load_ledger
from ..files.splice import NewReport
from ..rules import control_char
from .progress import AddedAll, add_reports


@dataclass(frozen=True)
class Imported:
    book: FillBook
    result: AddedAll
    dry_run: bool


class _Wrong(Exception):
    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column
        self.message = message


def import_fill(
    root: Path,
    path: Path,
    shown: str,
    today: date,
    *,
    unit_name: str | None = None,
    dry_run: bool = False,
) -> Imported:
    """Read the sheet at `path`, check every row, append them (unless `dry_run`)."""
    book = read_fill_book(path, shown)
    ledger = load_ledger(root).ledger
    registry = Registry.of(ledger)
    unit = _sheet_unit(book, registry)
    if unit_name is not None:
        named = registry.lookup(unit_name.strip())
        if named is not unit:
            raise UserError(
                f"{shown} 是为“{unit.name}”生成的填报表,不是“{unit_name}”的",
                hint="请让该单位用自己的填报表报送",
            )
    owed = fill.owed_items(ledger, registry, unit)
    if fill.items_version(unit, owed) != book.meta.get(fill.META_VERSION):
        made = book.meta.get(fill.META_MADE, "")
        raise UserError(
            f"{shown} 生成({made})以后,台账中{unit.name}负责的条目已有改动(条目、内容、完成时间或责任单位),未导入",
            hint=f"请重新生成填报表:ledger export --unit {unit.id} --format xlsx --fill -o 填报.xlsx,"
            "把已填内容转抄后再导入",
        )
    items = {o.item.id for o in owed}
    known = {item.id for item in ledger.items()}
    wrong: list[str] = []
    reports: list[NewReport] = []
    for row in book.rows:
        try:
            report = _report(row, items, known, unit, today)
        except _Wrong as error:
            wrong.append(
                f"{shown} 工作表“{book.sheet}”第{row.number}行“{error.column}”列:{error.message}"
            )
            continue
        if report is not None:
            reports.append(report)
    if wrong:
        raise FillRejected(wrong, f"未导入:{shown} 有 {len(wrong)} 处错误(见上),进展文件保持不变。")
    return Imported(book, add_reports(root, unit, reports, today, dry_run=dry_run), dry_run)


def _sheet_unit(book: FillBook, registry: Registry) -> Unit:
    ident = book.meta.get(fill.META_UNIT_ID, "")
    found = registry.lookup(ident)
    if not isinstance(found, Unit) or found.id != ident:
        name = book.meta.get(fill.META_UNIT, "")
        raise UserError(
            f"{book.shown} 是为单位“{name}”(编号 {ident})生成的,台账的 units.yaml 中没有这个单位编号"
        )
    return found


def _report(
    row: FilledRow, items: set[str], known: set[str], unit: Unit, today: date
) -> NewReport | None:
    cells = row.cells
    for column, cell in cells.items():
        if cell.formula:
            raise _Wrong(column, "是公式,请直接填写文字")
    text = {column: _text(column, cell) for column, cell in cells.items()}
    if not any(text.values()):
        return None  # left empty: nothing to report on this item
    if row.item not in items:
        why = "不是本单位负责的条目" if row.item in known else "不是台账中的条目"
        raise _Wrong(fill.ITEM, f"“{row.item}”{why}" if row.item else "缺少条目编号")
    status = _status(text.get(fill.STATUS, ""))
    day = _day(cells.get(fill.DAY), text.get(fill.DAY, ""), today)
    summary = text.get(fill.SUMMARY, "")
    reason = text.get(fill.REASON, "")
    if not summary and status is not Status.NOT_APPLICABLE:
        raise _Wrong(fill.SUMMARY, "请填写进展情况")
    if status is Status.NOT_APPLICABLE and not reason:
        raise _Wrong(fill.REASON, "状态为不涉及时请写明不涉及理由")
    evidence = tuple(
        line.strip() for line in text.get(fill.EVIDENCE, "").split("\n") if line.strip()
    )
    return NewReport(row.item, day, status, summary, evidence, reason)


def _text(column: str, cell: Cell) -> str:
    value: Any = cell.value
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").strip()
    index = control_char.first_forbidden(
        text, multiline=column in (fill.SUMMARY, fill.REASON, fill.EVIDENCE)
    )
    if index is not None:
        raise _Wrong(
            column,
            f"第 {index + 1} 个字符是{control_char.describe(text[index])},不能写入台账;请删除该字符",
        )
    return text


def _status(text: str) -> Status:
    if not text:
        raise _Wrong(fill.STATUS, f"请填写本次状态:{'、'.join(fill.STATUSES)}")
    status = fill.fill_status(text)
    if status is None:
        raise _Wrong(fill.STATUS, f"“{text}”不是可用的状态,只能是 {'、'.join(fill.STATUSES)}")
    return status


def _day(cell: Cell | None, text: str, today: date) -> date:
    value = None if cell is None else cell.value
    if not text:
        raise _Wrong(fill.DAY, "请填写报送日期,如 2022-10-08")
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    elif isinstance(value, str):
        try:
            day = fill.fill_date(value)
        except fill.NotADate as error:
            if error.impossible:
                raise _Wrong(fill.DAY, f"“{text}”不是存在的日期") from None
            raise _Wrong(fill.DAY, f"“{text}”不是日期,请写成 2022-10-08") from None
    else:
        raise _Wrong(fill.DAY, f"“{text}”不是日期,请写成 2022-10-08")
    if day > today:
        raise _Wrong(
            fill.DAY, f"{day.isoformat()} 晚于今天({today.isoformat()}),不能报送将来的进展"
        )
    return day
