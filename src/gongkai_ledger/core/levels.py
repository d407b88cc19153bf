"""亮灯: one level per (item, owning unit) as of a date, computed from its `Standing`.

No I/O and no clock. The rules (for users, in Chinese and in full: docs/semantics.md, 亮灯):

- 红: 逾期;
- 黄: behind 序时进度 — 更新滞后, or 节点滞后 (the latest passed milestone with no 推进中 or
  已完成 report since the milestone before it), or 过半未启动 (more than half the time from the
  window's start to the due date gone, and no 推进中 or 已完成 report in the window);
- 蓝: 临期;
- 绿: none of these (on track, done, or 不涉及).

The level is the worst that applies. 配合单位 own nothing, so they have no standing and no level.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import date, timedelta

from .deadline import month_end
from .model import Item, Ledger, Plan, Report, Review, Status, Unit
from .record import record
from .registry import Registry
from .status import (
    DUE_SOON,
    OVERDUE,
    STALE,
    Standing,
    pair_standing,
    reports_by_unit_item,
    reviews_by_unit_item,
)

GREEN, BLUE, YELLOW, RED = "绿", "蓝", "黄", "红"
LEVELS = (GREEN, BLUE, YELLOW, RED)  # mildest first
# The words a user may give for a level (--min-level): the level itself or its English name.
LEVEL_NAMES = {GREEN: GREEN, BLUE: BLUE, YELLOW: YELLOW, RED: RED} | {
    "green": GREEN,
    "blue": BLUE,
    "yellow": YELLOW,
    "red": RED,
}
MILESTONE_BEHIND = "节点滞后"
HALF_GONE = "过半未启动"
# Why a pair has its level, worst first: the one place these words are written.
REASON_LEVEL = {
    OVERDUE: RED,
    STALE: YELLOW,
    MILESTONE_BEHIND: YELLOW,
    HALF_GONE: YELLOW,
    DUE_SOON: BLUE,
}

_PROGRESS = (Status.IN_PROGRESS, Status.DONE)


@record
class Light:
    """A pair's level and why (worst first; empty for 绿)."""

    level: str
    reasons: tuple[str, ...]

    @property
    def rank(self) -> int:
        return level_rank(self.level)


NO_LIGHT = Light(GREEN, ())


def level_rank(level: str) -> int:
    """0 for 绿 … 3 for 红."""
    return LEVELS.index(level)


def parse_level(text: str) -> str | None:
    """The level a user means by `text` (绿/蓝/黄/红 or green/blue/yellow/red), or None."""
    return LEVEL_NAMES.get(text.strip().lower())


def plan_start(plan: Plan) -> date:
    """Where the plan's time starts: its issue date, else 1 January of its year."""
    return plan.issued or date(plan.year, 1, 1)


def light(s: Standing, plan: Plan, as_of: date) -> Light:
    """The level of one standing computed for `as_of`."""
    reasons = [OVERDUE] if s.overdue else []
    if s.stale:
        reasons.append(STALE)
    if not s.settled and not s.overdue:
        if milestone_behind(s, as_of):
            reasons.append(MILESTONE_BEHIND)
        if half_gone(s, plan, as_of):
            reasons.append(HALF_GONE)
    if s.due_soon:
        reasons.append(DUE_SOON)
    level = max((REASON_LEVEL[r] for r in reasons), key=level_rank, default=GREEN)
    return Light(level, tuple(reasons))


def milestone_behind(s: Standing, as_of: date) -> bool:
    """The latest milestone dated before the as-of date has no 推进中 or 已完成 report dated
    after the milestone before it (any report, for the first milestone)."""
    days = sorted({d for m in s.item.milestones for d in (m.deadline.dues or _one(m.deadline.due))})
    passed = [d for d in days if d < as_of]
    if not passed:
        return False
    since = passed[-2] if len(passed) > 1 else None
    return not _progress_after(s.reports, since)


def half_gone(s: Standing, plan: Plan, as_of: date) -> bool:
    """More than half the window gone, nothing reported in it. The window ends on the due date
    owed (`s.due`) and starts on the due date before it (several fixed due dates), else on the
    plan's start; recurring deadlines (每月…) owe each period on its own and have no window.
    The deadline is the one in force: an approved 延期's replaces the item's."""
    deadline = s.extension.deadline if s.extension is not None else s.item.deadline
    if s.due is None or deadline is None or deadline.recurring:
        return False
    earlier = [d for d in deadline.dues if d < s.due]
    start = earlier[-1] if earlier else plan_start(plan)
    if not start < as_of <= s.due:
        return False
    gone, span = (as_of - start).days, (s.due - start).days
    return gone * 2 > span and not _progress_after(s.reports, earlier[-1] if earlier else None)


def checkpoints(plan: Plan, as_of: date) -> list[date]:
    """The month ends from the plan's start up to `as_of`, then `as_of` itself if it is not one:
    the dates a 督办单 counts 红 at (督办次数)."""
    start = plan_start(plan)
    days = []
    month = date(start.year, start.month, 1)
    while True:
        end = month_end(month.year, month.month)
        if end > as_of:
            break
        if end >= start:
            days.append(end)
        month = end + timedelta(days=1)
    if not days or days[-1] != as_of:
        days.append(as_of)
    return days


def red_times(ledger: Ledger, as_of: date) -> dict[tuple[str, str], int]:
    """督办次数 per (unit id, item id): at how many checkpoints (`checkpoints`) it was 红 (逾期);
    pairs never 红 are left out.

    The same count as taking `standings` at every checkpoint, without doing so: a pair's
    standing changes only on the dates of its reports, of the office's reviews of it and of
    the item's approved 延期; between two such dates its due date, and whether it is open and
    not waiting on a review, stay the same, so it is 红 at exactly the checkpoints after that
    due date. Each pair's standing is computed once per such stretch that holds a checkpoint,
    however many months the plan has run."""
    days = checkpoints(ledger.plan, as_of)
    registry = Registry.of(ledger)
    reports = reports_by_unit_item(ledger, registry, as_of)
    reviews = reviews_by_unit_item(ledger, registry, as_of)
    counts: dict[tuple[str, str], int] = {}
    for item in ledger.items():
        approved = {e.approved for e in item.extensions if e.approved is not None}
        for unit in registry.owning_units(item):
            key = (unit.id, item.id)
            mine, checked = reports.get(key, []), reviews.get(key, [])
            events = sorted({*(r.date for r in mine), *(v.date for v in checked), *approved})
            times = _times_red(ledger, item, unit, mine, checked, events, days)
            if times:
                counts[key] = times
    return counts


def _times_red(
    ledger: Ledger,
    item: Item,
    unit: Unit,
    reports: Sequence[Report],
    reviews: Sequence[Review],
    events: Sequence[date],
    days: Sequence[date],
) -> int:
    """How many of `days` (ascending) the pair is 红 at; `events`: its dates of change."""
    times = start = 0
    while start < len(days):
        day = days[start]
        passed = bisect_right(events, day)
        # the checkpoints before the next change share this one's standing but for the date
        end = bisect_left(days, events[passed]) if passed < len(events) else len(days)
        s = pair_standing(
            item,
            unit,
            [r for r in reports if r.date <= day],
            ledger,
            day,
            [v for v in reviews if v.date <= day],
        )
        if s.late_after_due and s.due is not None:
            times += end - bisect_right(days, s.due, start, end)  # the days after the due date
        start = end
    return times


def red_counts(ledger: Ledger, as_of: date, unit: str) -> dict[str, int]:
    """`red_times` of one unit, by item id."""
    return {item: n for (who, item), n in red_times(ledger, as_of).items() if who == unit}


def _one(day: date | None) -> tuple[date, ...]:
    return (day,) if day is not None else ()


def _progress_after(reports: Sequence[Report], since: date | None) -> bool:
    return any(r.status in _PROGRESS and (since is None or r.date > since) for r in reports)
