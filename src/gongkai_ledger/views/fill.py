"""`ledger export --fill`: one unit's 填报表 as plain data (the rows it owes, and the version).

No I/O, no clock: the as-of date and the time the sheet is made are arguments.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ..core.fill import items_version, owed_items
from ..core.model import Ledger, Plan, Unit
from ..core.registry import Registry
from ..core.status import standings


@dataclass(frozen=True)
class FillRow:
    item: str
    task: str
    content: str
    deadline: str
    via: str  # the names through which the unit owes it: its own, a lead, a group
    current: str  # status as of the date, with the last report's date when there is one


@dataclass(frozen=True)
class FillSheet:
    plan: Plan
    unit: Unit
    as_of: date
    made: datetime
    version: str
    rows: tuple[FillRow, ...]


def fill_sheet(ledger: Ledger, unit: Unit, as_of: date, made: datetime) -> FillSheet:
    registry = Registry.of(ledger)
    owed = owed_items(ledger, registry, unit)
    standing = {s.item.id: s for s in standings(ledger, as_of, registry) if s.unit.id == unit.id}
    rows = []
    for o in owed:
        s = standing.get(o.item.id)
        current = s.status.value if s is not None else ""
        if s is not None and s.last_report_date is not None:
            current += f"({s.last_report_date.isoformat()})"
        rows.append(
            FillRow(
                item=o.item.id,
                task=o.item.task_id,
                content=o.item.content,
                deadline=o.item.deadline.text if o.item.deadline else "",
                via=_via(unit, o.via),
                current=current,
            )
        )
    return FillSheet(ledger.plan, unit, as_of, made, items_version(unit, owed), tuple(rows))


def _via(unit: Unit, via: tuple[str, ...]) -> str:
    """本单位 when named itself, else the group's name: “通过 各乡(镇、处)”."""
    own = {unit.name, unit.id, *unit.aliases}
    parts = ["本单位" if name in own else f"通过 {name}" for name in via]
    return "、".join(dict.fromkeys(parts))
