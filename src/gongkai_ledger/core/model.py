"""The ledger as plain, immutable data.

Every node that a user wrote keeps its `Source`, so any later check can
point at the exact line and column. Nothing here reads files or the clock.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from .lazyre import lazy
from .record import record

DEFAULT_TIMEZONE = "Asia/Shanghai"
ITEM_IDS_PREFIXED = "prefixed"  # plan.item_ids: an item id is its task's id, ".", a number
REVIEW_REQUIRED = "required"  # plan.review: a unit's 已完成 counts only once the office 销号
REVIEW_NONE = "none"
DEFAULT_REVIEW_DAYS = 5  # plan.review_days when not written
ITEM_IDS_FREE = "free"  # tables with unnumbered rows: any id
# A unit id: lower-case ASCII, since it names the unit's progress file (progress/<id>.yaml).
UNIT_ID = lazy(r"[a-z0-9][a-z0-9_-]*")


@record(order=True, slots=True)
class Source:
    """A position in a ledger file; line and col are 1-based."""

    path: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


class Status(StrEnum):
    NOT_STARTED = "未启动"
    IN_PROGRESS = "推进中"
    DONE = "已完成"
    NOT_APPLICABLE = "不涉及"


class ReportBy(StrEnum):
    """Who owes the progress report on an item: every owner, or only the lead(s)."""

    ALL = "all"
    LEAD = "lead"


class Cadence(StrEnum):
    MONTH = "月"
    QUARTER = "季"
    HALF_YEAR = "半年"
    YEAR = "年"


@record(slots=True)
class Deadline:
    """A deadline as written (`text`) and what it means.

    `due` is the end of the stated period (None for 常态化更新 and the like);
    `continuing` marks 并持续更新 / 常态化更新 / 持续推进; `yearly` marks 每年…前,
    where `due` is the first occurrence (in the plan's year).
    `dues` are all the due dates in the plan's year, sorted (`due` is the first; several for
    `2023年6月、12月` and for recurring forms); `recurring` is the cadence of 每月 / 每季度 /
    每半年 / 每年… ("月", "季", "半年", "年"; "" when not recurring); `starts` is the date a
    continuing item starts from (`2023年9月起`): nothing is due before it.
    """

    text: str
    due: date | None
    continuing: bool = False
    yearly: bool = False
    dues: tuple[date, ...] = ()
    recurring: str = ""
    starts: date | None = None

    def __post_init__(self) -> None:
        if not self.dues and self.due is not None:
            object.__setattr__(self, "dues", (self.due,))


@record(slots=True)
class Name:
    """A unit or group name as the user wrote it, with where."""

    text: str
    source: Source


@record(slots=True)
class Plan:
    title: str
    issuer: str
    doc_no: str
    issued: date | None
    year: int
    update_every: Cadence
    warn_days: int
    source: Source
    timezone: str = DEFAULT_TIMEZONE  # an IANA name: "today" is the date there
    default_deadline: Deadline | None = None  # for items whose table has no 完成时间
    item_ids: str = ITEM_IDS_PREFIXED  # or ITEM_IDS_FREE: item ids need not start with the task's
    report_by: ReportBy = ReportBy.ALL
    review: str = REVIEW_NONE  # or REVIEW_REQUIRED: 办结审核 (reviews.yaml)
    review_days: int = (
        DEFAULT_REVIEW_DAYS  # 待审核 longer than this many 工作日 is listed for the office
    )


@record(slots=True)
class Section:
    id: str
    title: str
    source: Source
    parent: str = ""  # the id of the section this one is part of; "" at the top
    label: str = ""  # the numbering as the document writes it (一、, (一), 1.); "" derives it
    parent_source: Source | None = None


@record(slots=True)
class Milestone:
    deadline: Deadline
    what: str
    source: Source


@record(slots=True)
class Extension:
    """延期: a new deadline for an item, approved by the office (tasks.yaml, the item's
    `extensions`). `approved` is None only when the file leaves it out (missing-key refuses it).
    """

    deadline: Deadline
    approved: date | None
    ref: str  # the approval's reference: 文号 or PR
    reason: str
    source: Source
    deadline_source: Source | None = None


# 回头看: a carried item's state in last year's ledger (views/rollover.py decides which).
CARRIED_NOT_REPORTED = "未报送"
CARRIED_OVERDUE_OPEN = "逾期未完成"
CARRIED_OPEN = "未完成"
CARRIED_DONE_LATE = "逾期完成"
CARRIED_PENDING = "待审核"  # review required: claimed 已完成, not yet 销号 (the date: `completed`)
CARRIED_STATES = (
    CARRIED_NOT_REPORTED,
    CARRIED_OVERDUE_OPEN,
    CARRIED_OPEN,
    CARRIED_PENDING,
    CARRIED_DONE_LATE,
)


@record(slots=True)
class CarriedUnit:
    """One unit's state of a carried item in last year's ledger, as of its year's end."""

    unit: str  # as last year's ledger named it
    state: str  # one of CARRIED_STATES
    completed: date | None = None  # 逾期完成: when


@record(slots=True)
class CarriedFrom:
    """回头看: the item of an earlier year's ledger this item carries on (`carried_from`,
    written by `ledger rollover`). Provenance only: it changes no status."""

    year: int
    item: str
    units: tuple[CarriedUnit, ...]
    source: Source


@record(slots=True)
class Item:
    id: str
    task_id: str
    content: str
    owners: tuple[Name, ...]
    deadline: Deadline | None  # the effective one: the item's own, else its task's
    own_deadline: bool
    lead: Name | None
    milestones: tuple[Milestone, ...]
    source: Source
    deadline_source: Source | None = None
    update_every: Cadence | None = None  # the item's own, else its task's; None: the plan's
    default_deadline: bool = False  # `deadline` is the plan's default_deadline (未写明)
    leads: tuple[Name, ...] = ()  # 牵头单位, each owes the item; `lead` is the first
    support: tuple[Name, ...] = ()  # 配合单位: shown and may report, never owe
    report_by: ReportBy = ReportBy.ALL  # the effective one: item ← task ← plan
    extensions: tuple[
        Extension, ...
    ] = ()  # 延期, as written (approval order need not be file order)
    carried_from: CarriedFrom | None = None  # 回头看: last year's item it carries on


@record(slots=True)
class Task:
    id: str
    section: str
    title: str
    deadline: Deadline | None
    items: tuple[Item, ...]
    source: Source
    section_source: Source | None = None
    update_every: Cadence | None = None  # None: the plan's
    report_by: ReportBy | None = None  # None: the plan's


@record(slots=True)
class Unit:
    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    source: Source
    id_source: Source | None = None


@record(slots=True)
class Group:
    name: str
    aliases: tuple[str, ...]
    members: tuple[Name, ...]
    source: Source


@record(slots=True)
class Report:
    item: str
    date: date
    status: Status
    summary: str
    evidence: tuple[str, ...]
    reason: str
    source: Source
    item_source: Source | None = None
    status_source: Source | None = None
    date_source: Source | None = None


@record(slots=True)
class Review:
    """办结审核: the office's 销号 (`passed`) or 退回 of a unit's 已完成 on an item (reviews.yaml)."""

    item: str
    unit: Name
    date: date
    passed: bool
    reason: str
    source: Source


@record(slots=True)
class ProgressFile:
    path: str
    unit: Name
    reports: tuple[Report, ...]


@record(slots=True)
class Holiday:
    """放假: `name` from `start` to `end`, both included (calendar.yaml's `from`/`to`)."""

    name: str
    start: date
    end: date
    source: Source
    end_source: Source | None = None


@record(slots=True)
class CalendarDay:
    """A date written in calendar.yaml (a 调休 working day), with where."""

    day: date
    source: Source


@record(slots=True)
class CalendarYear:
    """One year of the State Council's holiday notice, as calendar.yaml writes it."""

    year: int
    notice: str
    holidays: tuple[Holiday, ...]
    workdays: tuple[CalendarDay, ...]  # 调休上班的周末
    source: Source


@record(slots=True)
class Ledger:
    plan: Plan
    sections: tuple[Section, ...]
    tasks: tuple[Task, ...]
    units: tuple[Unit, ...]
    groups: tuple[Group, ...]
    progress: tuple[ProgressFile, ...] = ()
    calendar: tuple[CalendarYear, ...] = ()  # calendar.yaml, if any
    reviews: tuple[Review, ...] = ()  # reviews.yaml, if any

    def items(self) -> tuple[Item, ...]:
        return tuple(item for task in self.tasks for item in task.items)
