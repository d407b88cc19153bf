"""As-of semantics: where each (item, owning unit) pair stands on a given date.

No I/O and no clock: `standings(ledger, as_of=date(2022, 10, 15))`.
The rules (for users, in Chinese and in full: docs/semantics.md):

- a report dated after the as-of date does not exist yet;
- 已完成 is sticky: a later report keeps a continuing item fresh, it never undoes it;
- 不涉及 (with a reason) removes the unit from the item; without one it counts for nothing
  but freshness;
- 逾期: the due date has passed and the unit has not completed the item; with several due
  dates (2023年6月、12月, 每月28日前), counted from the first one not yet met (`owed_due`);
- 临期: the next unmet due date is within the plan's `warn_days` and not completed;
- 更新滞后: a continuing item whose first deadline (or, without one, the plan's
  issue date, when known) has passed, and no report in the current or previous
  cadence period; the cadence is the item's `update_every`, else its task's, else the plan's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from .model import Cadence, Deadline, Item, Ledger, Report, Status, Unit
from .registry import Registry
from .workdays import CalendarGap, workdays_after

# What a unit may owe on an item, worst first: the one place these words are written.
OVERDUE = "逾期"
DUE_SOON = "临期"
STALE = "更新滞后"
OWED_KINDS = ((OVERDUE, "overdue"), (DUE_SOON, "due_soon"), (STALE, "stale"))  # word, field

# Same-day reports are ordered by this rank, so results never depend on file order.
_RANK = {Status.NOT_STARTED: 0, Status.IN_PROGRESS: 1, Status.NOT_APPLICABLE: 2, Status.DONE: 3}


@dataclass(frozen=True)
class Standing:
    """One unit's position on one item as of a date."""

    item: Item
    unit: Unit
    reports: tuple[Report, ...]  # dated on or before the as-of date, oldest first
    status: Status
    completed_on: date | None
    due: date | None
    overdue: bool
    days_late: int
    workdays_late: int | None  # None when the official calendar does not cover the dates
    due_soon: bool
    days_left: int | None
    stale: bool

    @property
    def latest(self) -> Report | None:
        return self.reports[-1] if self.reports else None

    @property
    def last_report_date(self) -> date | None:
        return self.reports[-1].date if self.reports else None

    @property
    def settled(self) -> bool:
        """Nothing more is owed on the deadline: completed, or 不涉及."""
        return self.status in (Status.DONE, Status.NOT_APPLICABLE)

    @property
    def on_time(self) -> bool:
        return self.completed_on is not None and (self.due is None or self.completed_on <= self.due)

    @property
    def owes(self) -> bool:
        return self.overdue or self.due_soon or self.stale

    @property
    def kinds(self) -> tuple[str, ...]:
        """What is owed, worst first: 逾期, 临期, 更新滞后 (those that apply)."""
        return tuple(word for word, field in OWED_KINDS if getattr(self, field))


def standing_record(s: Standing, day: Callable[[date | None], Any] = lambda d: d) -> dict[str, Any]:
    """A standing as plain values, named once for every view: json, csv, xlsx and templates.

    Dates go through `day` (kept as dates by default); a view takes the fields it shows,
    in its own order.
    """
    latest = s.latest
    deadline = s.item.deadline
    return {
        "item": s.item.id,
        "task": s.item.task_id,
        "unit_id": s.unit.id,
        "unit": s.unit.name,
        "content": s.item.content,
        "deadline": deadline.text if deadline else None,
        "due": day(s.due),
        "continuing": bool(deadline and deadline.continuing),
        "status": s.status.value,
        "completed_on": day(s.completed_on),
        "on_time": s.on_time,
        "overdue": s.overdue,
        "due_soon": s.due_soon,
        "stale": s.stale,
        "kinds": s.kinds,
        "days_late": s.days_late,
        "workdays_late": s.workdays_late,
        "days_left": s.days_left,
        "last_report": day(s.last_report_date),
        "summary": latest.summary if latest else "",
        "reason": latest.reason if latest else "",
        "evidence": latest.evidence if latest else (),
    }


def iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def pick(record: dict[str, Any], keys: Iterable[str]) -> dict[str, Any]:
    """The fields `keys` of `record`, in that order."""
    return {key: record[key] for key in keys}


def reports_by_unit_item(
    ledger: Ledger, registry: Registry, as_of: date
) -> dict[tuple[str, str], list[Report]]:
    """Reports that exist as of `as_of`, keyed by (unit id, item id), oldest first."""
    found: dict[tuple[str, str], list[Report]] = defaultdict(list)
    for progress in ledger.progress:
        unit = registry.unit(progress.unit.text)
        if unit is None:
            continue
        for report in progress.reports:
            if report.date <= as_of:
                found[(unit.id, report.item)].append(report)
    for reports in found.values():
        reports.sort(key=lambda r: (r.date, _RANK[r.status], r.summary, r.reason, r.evidence))
    return found


def standings(ledger: Ledger, as_of: date, registry: Registry | None = None) -> list[Standing]:
    """Every (item, owning unit) pair as of `as_of`, in plan order then owner order."""
    registry = registry or Registry.of(ledger)
    reports = reports_by_unit_item(ledger, registry, as_of)
    result = []
    for item in ledger.items():
        for unit in registry.owning_units(item):
            result.append(_standing(item, unit, reports.get((unit.id, item.id), []), ledger, as_of))
    return result


def _standing(
    item: Item, unit: Unit, reports: Sequence[Report], ledger: Ledger, as_of: date
) -> Standing:
    deadline = item.deadline
    # A 不涉及 without a reason removes nobody (the na-reason rule reports it).
    counted = [r for r in reports if r.status is not Status.NOT_APPLICABLE or r.reason]
    if deadline is not None and deadline.recurring:
        # 每月/每季度/每半年/每年: each period is owed on its own; 已完成 settles the year only
        # when every period's due date is met (see docs/semantics.md, 定期报送)
        due, completed_on = recurring_due(deadline, counted)
        if counted and counted[-1].status is Status.NOT_APPLICABLE:
            status = Status.NOT_APPLICABLE
        elif completed_on is not None:
            status = Status.DONE
        elif counted:
            status = Status.IN_PROGRESS
        else:
            status = Status.NOT_STARTED
    else:
        completed_on = next((r.date for r in reports if r.status is Status.DONE), None)
        if completed_on is not None:
            status = Status.DONE
        elif counted:
            status = counted[-1].status
        else:
            status = Status.NOT_STARTED
        due = owed_due(deadline, counted, completed_on)
    open_ = status not in (Status.DONE, Status.NOT_APPLICABLE)
    overdue = open_ and due is not None and due < as_of
    days_late = (as_of - due).days if overdue and due is not None else 0
    workdays_late: int | None = 0
    if overdue and due is not None:
        try:
            workdays_late = workdays_after(due, as_of, ledger.calendar)
        except CalendarGap:
            workdays_late = None
    due_soon = (
        open_ and due is not None and as_of <= due and (due - as_of).days <= ledger.plan.warn_days
    )
    days_left = (due - as_of).days if due is not None and due >= as_of else None
    stale = False
    if deadline is not None and deadline.continuing and status is not Status.NOT_APPLICABLE:
        # Without a first deadline, updates are owed from the start (2023年9月起) or else
        # the plan's issue (if known).
        started = deadline.due or deadline.starts or ledger.plan.issued
        if started is None or started < as_of:
            window = previous_period_start(as_of, item_cadence(item, ledger))
            stale = not any(r.date >= window for r in reports)
    return Standing(
        item=item,
        unit=unit,
        reports=tuple(reports),
        status=status,
        completed_on=completed_on,
        due=due,
        overdue=overdue,
        days_late=days_late,
        workdays_late=workdays_late,
        due_soon=due_soon,
        days_left=days_left,
        stale=stale,
    )


# Reports that meet a due date before the last one: work reported, not 未启动 or 不涉及.
_PROGRESS = (Status.IN_PROGRESS, Status.DONE)


def owed_due(
    deadline: Deadline | None, reports: Sequence[Report], completed_on: date | None
) -> date | None:
    """The first due date the unit has not met, or (all met) the last one; None without dates.

    For several fixed due dates (2023年6月、12月): a due date is met when the unit completed the
    item (已完成) on or before it; every one but the last is also met by a 推进中 or 已完成
    report dated after the previous due date and on or before this one. The last due date is
    the item's own deadline: like a single one, only completion meets it. Nothing is due before
    `deadline.starts`. Recurring deadlines are `recurring_due`'s.
    """
    if deadline is None:
        return None
    dues = [d for d in deadline.dues if deadline.starts is None or d >= deadline.starts]
    previous: date | None = None
    for n, due in enumerate(dues):
        if completed_on is not None and completed_on <= due:
            return dues[-1]  # completion meets this due date and every later one
        if n == len(dues) - 1 or not _reported(reports, previous, due):
            return due
        previous = due
    return None


def recurring_due(deadline: Deadline, reports: Sequence[Report]) -> tuple[date | None, date | None]:
    """(the first period's due date not met, or the last one; the day the year was done or None)
    for 每月/每季度/每半年/每年: a period's due date is met only by a 推进中 or 已完成 report dated
    after the previous period's due date and on or before this one — one 已完成 in January does
    not settle February. The year is done when every period is met and the last one by 已完成."""
    dues = [d for d in deadline.dues if deadline.starts is None or d >= deadline.starts]
    previous: date | None = None
    for due in dues:
        if not _reported(reports, previous, due):
            return due, None
        previous = due
    if not dues:
        return None, None
    # the last period done: 已完成 after the period before it (late is still done, and late)
    done = [r for r in reports if r.status is Status.DONE and (len(dues) == 1 or r.date > dues[-2])]
    return dues[-1], (done[0].date if done else None)


def _reported(reports: Sequence[Report], after: date | None, until: date) -> bool:
    return any(
        r.status in _PROGRESS and (after is None or r.date > after) and r.date <= until
        for r in reports
    )


def item_cadence(item: Item, ledger: Ledger) -> Cadence:
    """How often a continuing item is updated: the item's, else its task's, else the plan's."""
    return item.update_every or ledger.plan.update_every


def previous_period_start(day: date, cadence: Cadence) -> date:
    """First day of the cadence period before the one containing `day`."""
    if cadence is Cadence.MONTH:
        return date(day.year - (day.month == 1), (day.month - 2) % 12 + 1, 1)
    if cadence is Cadence.QUARTER:
        quarter_start = (day.month - 1) // 3 * 3 + 1
        if quarter_start == 1:
            return date(day.year - 1, 10, 1)
        return date(day.year, quarter_start - 3, 1)
    if cadence is Cadence.HALF_YEAR:
        return date(day.year - 1, 7, 1) if day.month <= 6 else date(day.year, 1, 1)
    return date(day.year - 1, 1, 1)


def item_done(item_standings: Iterable[Standing]) -> bool:
    """An item is done when every owning unit has completed it or is 不涉及."""
    return all(s.settled for s in item_standings)
