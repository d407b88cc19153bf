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
- 延期: an extension exists from its approval date on; approved on or before the due date
  in force it moves the due date, approved after it the new date is what is owed from then
  on but punctuality (按期完成率) still counts against the date that lapsed (`in_force`);
- 办结审核 (plan.review: required): a 已完成 is a claim (待审核) until the office's review in
  reviews.yaml dated on or after it: 通过 makes it 已销号 (completed on the claim's date),
  退回 makes it 已退回 (推进中 again, until a new 已完成 claim dated after the 退回);
- 更新滞后: a continuing item whose first deadline (or, without one, the plan's
  issue date, when known) has passed, and no report in the current or previous
  cadence period; the cadence is the item's `update_every`, else its task's, else the plan's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from .model import (
    REVIEW_REQUIRED,
    Cadence,
    Deadline,
    Extension,
    Item,
    Ledger,
    Report,
    ReportBy,
    Review,
    Status,
    Unit,
)
from .record import record
from .registry import Registry
from .workdays import CalendarGap, workdays_after

# What a unit may owe on an item, worst first: the one place these words are written.
OVERDUE = "逾期"
DUE_SOON = "临期"
STALE = "更新滞后"
# Where a unit's 已完成 stands with the office's review (plan.review: required).
CLOSED = "已销号"
PENDING = "待审核"
RETURNED = "已退回"
OWED_KINDS = ((OVERDUE, "overdue"), (DUE_SOON, "due_soon"), (STALE, "stale"))  # word, field

# Same-day reports are ordered by this rank, so results never depend on file order.
_RANK = {Status.NOT_STARTED: 0, Status.IN_PROGRESS: 1, Status.NOT_APPLICABLE: 2, Status.DONE: 3}


SETTLED = (Status.DONE, Status.NOT_APPLICABLE)  # nothing more owed on the deadline


@record
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
    on_time_due: date | None = None  # what 按期 is measured against: `due`, unless a late 延期
    extension: Extension | None = None  # the latest extension approved by the as-of date
    extension_late: bool = False  # an extension was approved after a due date had passed
    review: str = ""  # CLOSED, PENDING, RETURNED, or "" (no review required, or no claim)
    pending_since: date | None = None  # PENDING: the date of the claim awaiting review
    original_due: date | None = None  # `due` under the item's own deadline, before any 延期
    decision: Review | None = None  # the review that made it CLOSED or RETURNED

    @property
    def latest(self) -> Report | None:
        return self.reports[-1] if self.reports else None

    @property
    def last_report_date(self) -> date | None:
        return self.reports[-1].date if self.reports else None

    @property
    def settled(self) -> bool:
        """Nothing more is owed on the deadline: completed, or 不涉及."""
        return self.status in SETTLED

    @property
    def late_after_due(self) -> bool:
        """逾期 on any day after `due` while this standing holds: open, with a due date, and not
        a claim made by the due date that waits on the office's review."""
        return late_after_due(self.status, self.pending_since, self.due)

    @property
    def on_time(self) -> bool:
        due = self.on_time_due if self.extension is not None else self.due
        return self.completed_on is not None and (due is None or self.completed_on <= due)

    @property
    def punctual_due(self) -> date | None:
        """The due date 按期完成率 counts against: `due`, or the one a late 延期 replaced."""
        return self.on_time_due if self.extension is not None else self.due

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
        "review": s.review,
        **extension_fields(s, day),
        **review_fields(s, day),
    }


def extension_fields(s: Standing, day: Callable[[date | None], Any]) -> dict[str, Any]:
    """延期 as plain values (empty when the item has none in force): 原到期日, 延期至, 延期依据."""
    ext = s.extension
    return {
        "original_due": day(s.original_due if ext is not None else s.due),
        "extended_to": ext.deadline.text if ext is not None else None,
        "extension_approved": day(ext.approved) if ext is not None else None,
        "extension_ref": ext.ref if ext is not None else None,
        "extension_reason": ext.reason if ext is not None else None,
        "extension_late": s.extension_late,
    }


def review_fields(s: Standing, day: Callable[[date | None], Any]) -> dict[str, Any]:
    """办结审核 as plain values: the decision's date, a 退回's reason, a pending claim's date."""
    decision = s.decision
    returned = decision is not None and not decision.passed
    return {
        "reviewed_on": day(decision.date) if decision is not None else None,
        "return_reason": decision.reason if returned and decision is not None else None,
        "claimed_on": day(s.pending_since),
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
    reviews = reviews_by_unit_item(ledger, registry, as_of)
    result = []
    for item in ledger.items():
        for unit in registry.owning_units(item):
            key = (unit.id, item.id)
            result.append(
                pair_standing(item, unit, reports.get(key, []), ledger, as_of, reviews.get(key, []))
            )
    return result


def reviews_by_unit_item(
    ledger: Ledger, registry: Registry, as_of: date
) -> dict[tuple[str, str], list[Review]]:
    """The office's reviews that exist as of `as_of` (plan.review: required), oldest first."""
    found: dict[tuple[str, str], list[Review]] = defaultdict(list)
    if ledger.plan.review != REVIEW_REQUIRED:
        return found
    for review in ledger.reviews:
        unit = registry.unit(review.unit.text)
        if unit is not None and review.date <= as_of:
            found[(unit.id, review.item)].append(review)
    for reviews in found.values():
        reviews.sort(key=lambda r: (r.date, r.passed))  # a same-day 退回 and 通过: 通过 last
    return found


def reviewed_completion(
    reports: Sequence[Report], reviews: Sequence[Review]
) -> tuple[date | None, str, date | None]:
    """(completed_on, review word, pending claim date) when a 已完成 needs the office's 销号.

    A claim is the first 已完成 report while none is open; a review dated on or after the
    claim settles it (a claim and a review on the same day: the review is of that claim).
    """
    claims = [(r.date, 0, True) for r in reports if r.status is Status.DONE]
    events = sorted(claims + [(v.date, 1, v.passed) for v in reviews])
    claim: date | None = None
    word = ""
    for day, kind, passed in events:
        if kind == 0:
            if claim is None:
                claim, word = day, PENDING
        elif claim is not None:
            if passed:
                return claim, CLOSED, None
            claim, word = None, RETURNED
    return None, word, claim


def deciding_review(reports: Sequence[Report], reviews: Sequence[Review]) -> Review | None:
    """The review behind `reviewed_completion`'s word: the 通过 that closed the claim, or the
    退回 that sent the last claim back (None while a claim waits, or without any review)."""
    claims = [(r.date, 0, n) for n, r in enumerate(reports) if r.status is Status.DONE]
    ordered = sorted(reviews, key=lambda v: (v.date, v.passed))
    events = sorted(claims + [(v.date, 1, n) for n, v in enumerate(ordered)])
    open_claim = False
    decision: Review | None = None
    for _day, kind, n in events:
        if kind == 0:
            if not open_claim:
                open_claim, decision = True, None
        elif open_claim:
            decision = ordered[n]
            if decision.passed:
                return decision
            open_claim = False
    return decision


def late_after_due(status: Status, pending_since: date | None, due: date | None) -> bool:
    """Whether a pair in `status` is 逾期 on every day after `due`. A claim made by the due
    date waits on the office's review, not on the unit: neither 逾期 nor 临期 while it waits
    (a later 退回 makes it late from the due date on)."""
    waiting = pending_since is not None and due is not None and pending_since <= due
    return status not in SETTLED and not waiting and due is not None


def pair_standing(
    item: Item,
    unit: Unit,
    reports: Sequence[Report],
    ledger: Ledger,
    as_of: date,
    reviews: Sequence[Review] = (),
) -> Standing:
    force = in_force(item, as_of)  # the deadline after the extensions approved by then
    deadline = force.deadline
    review, pending_since = "", None
    decision: Review | None = None
    original_due: date | None = None
    # A 不涉及 without a reason removes nobody (the na-reason rule reports it); nor does a
    # lead's when it reports for the whole item (report_by: lead, the direct-na rule says so).
    counted = [r for r in reports if r.status is not Status.NOT_APPLICABLE or r.reason]
    if lead_reports_for_all(item):
        counted = [r for r in counted if r.status is not Status.NOT_APPLICABLE]
    if deadline is not None and deadline.recurring:
        # 每月/每季度/每半年/每年: each period is owed on its own; 已完成 settles the year only
        # when every period's due date is met (see docs/semantics.md, 几个到期日)
        due, completed_on = recurring_due(deadline, counted)
        on_time_due = due
        if force.extension is not None and force.punctual is not None:
            on_time_due = recurring_due(force.punctual, counted)[0]
        if force.extension is not None:
            original_due = _due_under(item.deadline, counted, completed_on)
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
        if ledger.plan.review == REVIEW_REQUIRED:
            completed_on, review, pending_since = reviewed_completion(reports, reviews)
            decision = deciding_review(reports, reviews)
        if completed_on is not None:
            status = Status.DONE
        elif counted:
            status = counted[-1].status
        else:
            status = Status.NOT_STARTED
        if status is Status.DONE and completed_on is None:
            status = Status.IN_PROGRESS  # a claim not (yet) 销号, or 退回
        due = owed_due(deadline, counted, completed_on)
        on_time_due = due
        if force.extension is not None:
            on_time_due = owed_due(force.punctual, counted, completed_on)
            original_due = _due_under(item.deadline, counted, completed_on)
    owing = late_after_due(status, pending_since, due)  # by its due date: 临期, then 逾期
    overdue = owing and due is not None and due < as_of
    days_late = (as_of - due).days if overdue and due is not None else 0
    workdays_late: int | None = 0
    if overdue and due is not None:
        try:
            workdays_late = workdays_after(due, as_of, ledger.calendar)
        except CalendarGap:
            workdays_late = None
    due_soon = (
        owing and due is not None and as_of <= due and (due - as_of).days <= ledger.plan.warn_days
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
        on_time_due=on_time_due,
        extension=force.extension,
        extension_late=force.late,
        review=review,
        pending_since=pending_since,
        original_due=original_due if force.extension is not None else due,
        decision=decision,
    )


def lead_reports_for_all(item: Item) -> bool:
    """`report_by: lead` with a lead: the leads alone owe the item, for every owner."""
    return item.report_by is ReportBy.LEAD and bool(item.leads)


def _due_under(
    deadline: Deadline | None, counted: Sequence[Report], completed_on: date | None
) -> date | None:
    """The due date `deadline` alone would set (the item's own, before any 延期)."""
    if deadline is not None and deadline.recurring:
        return recurring_due(deadline, counted)[0]
    return owed_due(deadline, counted, completed_on)


@record
class InForce:
    """An item's deadline as of a date, after the extensions approved by then."""

    deadline: Deadline | None  # what is owed now
    punctual: Deadline | None  # what 按期 is measured against
    extension: Extension | None = None  # the last extension applied
    late: bool = False  # an extension came after the due date it replaced


def last_due(deadline: Deadline | None) -> date | None:
    return deadline.dues[-1] if deadline is not None and deadline.dues else None


def in_force(item: Item, as_of: date) -> InForce:
    """The item's deadline as of `as_of`: extensions count from their approval date, in
    approval order. One approved on or before the (last) due date it replaces moves the due
    date and punctuality with it; one approved later moves only what is owed from then on.
    """
    force = InForce(item.deadline, item.deadline)
    approved = [e for e in item.extensions if e.approved is not None and e.approved <= as_of]
    for ext in sorted(approved, key=lambda e: e.approved or as_of):
        replaced = last_due(force.deadline)
        lapsed = replaced is not None and ext.approved is not None and ext.approved > replaced
        late = force.late or lapsed  # a lateness once incurred stays
        punctual = force.punctual if late else ext.deadline
        force = InForce(ext.deadline, punctual, ext, late)
    return force


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
