"""回头看: last year's items not done (or done late) as of the year's end, for next year's plan.

Plain data for `ledger rollover`; `render/rollover.py` writes it as next year's tasks.yaml.
Per (item, owning unit), as of the as-of date (core/status.py decides every word):
不涉及 and 按期完成 are not carried; 已完成 after the due date is 逾期完成; not completed and
without any report is 未报送; claimed 已完成 but not yet 销号 (review required) is 待审核;
not completed past the due date is 逾期未完成; not completed and not yet due (or with no due
date) is 未完成. An item is carried when any unit has one of these;
its owners are the units that have not completed it, or, when every one has (late), those
that completed it late.

What else the item said is carried where it still means something in the new plan: its 牵头单位
(`lead`: a lead stays a lead of the carried item, even one that finished, since the item goes on
under its lead) and 配合单位 (`support`), each only while the name is in the registry; its
`update_every`; its `report_by` (`lead` only while it still has a lead, else `all`, the way a
`lead` item without one is read anyway); and those of its `milestones` not yet passed as of
the as-of date, their deadline re-dated like the item's (`redated`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..core.deadline import DeadlineError, parse_deadline, zh_date
from ..core.model import (
    CARRIED_DONE_LATE,
    CARRIED_NOT_REPORTED,
    CARRIED_OPEN,
    CARRIED_OVERDUE_OPEN,
    CARRIED_PENDING,
    Deadline,
    Item,
    Ledger,
    Status,
    Task,
)
from ..core.registry import Registry
from ..core.status import Standing, in_force, standings

# The words of `carried_from.units[].state` (files/schema.py reads the same ones).
NOT_REPORTED = CARRIED_NOT_REPORTED
OVERDUE_OPEN = CARRIED_OVERDUE_OPEN
OPEN = CARRIED_OPEN
DONE_LATE = CARRIED_DONE_LATE
PENDING = CARRIED_PENDING  # review required: claimed, not yet 销号 (not done, not the unit's delay)

SECTION_ID = "H"  # 回(huí)头看: a section id must be ASCII letters, digits or 中文数字


@dataclass(frozen=True)
class Owed:
    """One unit's reason for carrying an item: its name and one of the words above."""

    unit: str
    why: str
    completed_on: date | None = None  # 逾期完成: when; 待审核: the claim's date


@dataclass(frozen=True)
class Carried:
    """An item of last year's plan carried into the 回头看 section."""

    item: Item
    due: date | None
    owed: tuple[Owed, ...]  # every unit with a reason, owner order
    running: str | None = None  # the deadline in force, not yet due: `still_running`
    leads: tuple[str, ...] = ()  # 牵头单位 still in the registry
    support: tuple[str, ...] = ()  # 配合单位 still in the registry
    milestones: tuple[tuple[str, str], ...] = ()  # (re-dated deadline, what), not yet passed

    @property
    def owners(self) -> tuple[str, ...]:
        open_ = tuple(o.unit for o in self.owed if o.why != DONE_LATE)
        return open_ or tuple(o.unit for o in self.owed)


@dataclass(frozen=True)
class Rollover:
    ledger: Ledger  # last year's
    year: int  # the new plan's
    as_of: date
    tasks: tuple[tuple[Task, tuple[Carried, ...]], ...]  # old tasks with carried items

    @property
    def carried(self) -> tuple[Carried, ...]:
        return tuple(c for _, items in self.tasks for c in items)


def why(s: Standing) -> str | None:
    """Why a unit's standing is carried into 回头看; None when it is not."""
    if s.status is Status.NOT_APPLICABLE:
        return None
    if s.status is Status.DONE:
        return None if s.on_time else DONE_LATE
    if s.pending_since is not None:
        return PENDING
    if not s.reports:
        return NOT_REPORTED
    return OVERDUE_OPEN if s.overdue else OPEN


def rollover(ledger: Ledger, year: int, as_of: date, registry: Registry | None = None) -> Rollover:
    known = registry or Registry.of(ledger)
    by_item: dict[str, list[Standing]] = {}
    for s in standings(ledger, as_of, registry):
        by_item.setdefault(s.item.id, []).append(s)
    tasks = []
    for task in ledger.tasks:
        carried = []
        for item in task.items:
            rows = by_item.get(item.id, [])
            owed = tuple(
                Owed(s.unit.name, w, s.pending_since if w == PENDING else s.completed_on)
                for s in rows
                if (w := why(s)) is not None
            )
            if owed:
                dues = [s.punctual_due for s in rows if s.punctual_due is not None]
                running = still_running(item, as_of, ledger.plan.year, year)
                carried.append(
                    Carried(
                        item,
                        min(dues) if dues else None,
                        owed,
                        running,
                        *roles(item, known),
                        milestones(item, as_of, year),
                    )
                )
        if carried:
            tasks.append((task, tuple(carried)))
    return Rollover(ledger, year, as_of, tuple(tasks))


def still_running(item: Item, as_of: date, old_year: int, year: int) -> str | None:
    """The deadline in force at `as_of` (an approved 延期's, else the item's), when it is not
    yet due and means the same in the new plan: its text when it does (2023年3月底前), the date
    spelt out when it has one due date and the text would move (次年3月底前 is 2024 in a 2023
    plan), else None (the office sets a new one)."""
    force = in_force(item, as_of).deadline
    return None if force is None else redated(force, as_of, year)


def roles(item: Item, registry: Registry) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The item's leads and support units whose names are still in the registry."""
    leads = item.leads or ((item.lead,) if item.lead is not None else ())
    kept = tuple(n.text for n in leads if registry.lookup(n.text) is not None)
    return kept, tuple(n.text for n in item.support if registry.lookup(n.text) is not None)


def milestones(item: Item, as_of: date, year: int) -> tuple[tuple[str, str], ...]:
    """The milestones not yet passed at `as_of`, each deadline re-dated for the new plan."""
    kept = []
    for m in item.milestones:
        text = redated(m.deadline, as_of, year)
        if text is not None:
            kept.append((text, m.what))
    return tuple(kept)


def redated(force: Deadline, as_of: date, year: int) -> str | None:
    """A deadline not yet due at `as_of` as the new plan (of `year`) should write it: its text
    when it means the same there, its one due date spelt out when the text would move, else
    None (passed, no due date, or several that would move)."""
    if not force.dues or max(force.dues) <= as_of:
        return None
    try:
        again = parse_deadline(force.text, year)
    except DeadlineError:
        again = None
    same = again is not None and (again.dues, again.continuing, again.starts) == (
        force.dues,
        force.continuing,
        force.starts,
    )
    if same and not force.recurring:
        return force.text
    if len(force.dues) == 1 and not force.continuing:
        due = force.dues[0]
        return f"{zh_date(due)}前"
    return None
