"""The monthly 通报 as plain data: the context that the report templates see.

`report_context(ledger, month, ...)` computes everything from
`status.standings(ledger, as_of)` with `as_of` the month's last day (or an
earlier day of the month: `ledger report` counts a month not yet over to today), and
returns only dicts, lists, str, int, bool and None, so a template (ours or a
user's, in the sandbox) has nothing to call. Dates are ISO strings
("2022-12-31"); the `zh_date` filter writes them as 2022年12月31日. Every list
is in a stable order, so the same data gives the same report, byte for byte.
No I/O and no clock: the command layer passes the git commit and any
timestamp in.

The context (see also README, "月度通报"):

- ``header``: ``title`` (the report's title), ``plan_title``, ``doc_no``,
  ``issuer``, ``issued``, ``year``, ``month`` ("2022-12"), ``month_label``
  ("2022年12月"), ``as_of``, ``update_every`` (the plan's: 月/季/半年/年), ``warn_days``,
  ``unit`` (None, or a unit ``{id, name, kind}`` for a 督办 sheet),
  ``commit`` ("" outside git), ``dirty`` (uncommitted changes in the ledger),
  ``generated_at`` ("" unless asked for), ``month_end`` (the month's last
  day; ``as_of`` is earlier when the month is not over yet).
- ``skipped``: progress files left out because they have errors (``ledger
  report --skip-invalid``): ``[{path, line, col, message}]``, each with its
  first error; empty normally. The built-in templates show them as a notice.
- ``summary``: a *tally* of every unit-item in scope, plus ``task_count``,
  ``item_count``, ``items_done``, ``unit_count``, ``overdue_units``,
  ``stale_units``.
- A *tally* is ``unit_items``, ``done``, ``in_progress``, ``not_started``,
  ``not_applicable``, ``applicable`` (unit-items less 不涉及), ``overdue``,
  ``stale``, ``due_soon``, ``due`` (applicable unit-items due on or before
  ``as_of``), ``on_time`` (of those, completed by their due date),
  ``completion_rate`` / ``on_time_rate`` ("45.5%", or "—" with nothing to
  count) and ``completion_permille`` / ``on_time_permille`` (int, or None).
- ``sections``: ``[{id, title, label, number, level, parent, tally, tasks: [{id, title,
  deadline, tally, entries: [item]}]}]`` in document order, each section followed by its
  parts (``level`` 1 at the top, ``parent`` its parent's id or ""; ``label`` as the
  document writes it, 一、/(一)/1. by level when not written; ``number`` the label the
  report shows before the title: the label as ``show`` writes it, except (一)、(二)… by
  place for an unlabelled top-level section, below the report's own 一、二、); a section's tally includes its parts'; tasks without a
  section come last, in a group with id "" titled 其他任务 (untitled when the plan has
  no sections) (``entries``, not ``items``: a dict's
  ``.items`` is its method in Jinja); an *item* is ``{id, task_id,
  task_title, content, short, deadline, due, continuing, update_every (the item's or its
  task's cadence, "" for the plan's), lead (the leads joined by 、),
  leads, support (配合单位 as written), report_by (all/lead), done, tally,
  milestones: [{deadline, due, what}], units: [standing], by_status}``;
  ``by_status`` groups the item's units by status, then by flags:
  ``[{status, flags, units: [names], review}]``; a unit the item names directly that reported
  不涉及 is named with “(本单位直接承担,报不涉及)”; ``extension`` (on items and overdue
  rows): None, or the 延期 in force ``{deadline, due, approved, ref, reason, late, original,
  punctual_due}`` (``late``: approved after the due date it replaced, so 按期 still counts
  against ``punctual_due``).
- A *standing* (one unit on one item) is ``{unit, unit_id, status, overdue,
  days_late, workdays_late, due_soon, days_left, stale, flags (["逾期",
  "临期", "更新滞后"], those that apply), completed_on, on_time,
  last_report, summary, reason, evidence, via, direct_na, review}``; ``review``: 已销号, 待审核,
  已退回 with ``plan.review: required`` (else ""); ``direct_na``: the item names
  the unit directly (owners or lead, not through a group) and it reported 不涉及.
- ``by_unit``: ``[{id, name, kind, tally}]``, highest completion rate first.
- ``overdue``: ``[{unit, unit_id, count, max_days_late, rows: [row]}]``,
  worst unit first; a *row* is ``{item, task_id, task_title, short,
  deadline, due, status, days_late, workdays_late, last_report, summary,
  via}``, longest overdue first.
- ``stale``: ``[{unit, unit_id, count, rows: [row]}]``, most first.
- ``received``: reports dated within the month, up to ``as_of``: ``[{date, unit, unit_id,
  item, task_title, status, summary, reason, evidence, role}]``; ``role`` is 配合 for a
  配合单位's report on an item it does not own, else "".
- ``supporting`` (``--unit`` only, else []): the items the unit supports (配合) without
  owning them, with its latest report by ``as_of``: ``[{item, task_title, short, deadline,
  owners, status (未报送 without a report), last_report, summary}]``.
- ``awaiting_review`` (``plan.review: required``): claims 待审核 for more than
  ``header.review_days`` 工作日, oldest first: ``[{item, unit, unit_id, since, workdays}]``
  (``workdays`` None when the calendar does not cover the dates).
- ``next_month``: ``{month, month_label, rows: [{due, item, task_title, kind
  ("条目" or "时间节点"), what, deadline, units: [names not yet done]}]}``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from ..core.deadline import month_end
from ..core.digits import ascii_digits
from ..core.errors import UsageError
from ..core.gcpause import without_gc
from ..core.levels import BLUE, GREEN, RED, YELLOW, light, red_times
from ..core.model import Deadline, Item, Ledger, Status, Task, Unit
from ..core.problems import Problem
from ..core.registry import Registry
from ..core.sections import Placed, chinese_number, document_order, parent_ids
from ..core.status import (
    OWED_KINDS,
    Standing,
    in_force,
    item_done,
    last_due,
    pick,
    reports_by_unit_item,
    standing_record,
    standings,
)
from ..core.workdays import CalendarGap, workdays_after
from .overdue import owed_from

Data = dict[str, Any]

SHORT_CHARS = 40  # an item's content is shortened to this many characters in tables

FLAGS = tuple(word for word, _ in OWED_KINDS)  # what a unit owes on an item, worst first
# How a report marks a unit that an item names directly and that reported 不涉及 (direct-na).
DIRECT_NA = "(本单位直接承担,报不涉及)"
_STATUS_ORDER = (Status.DONE, Status.IN_PROGRESS, Status.NOT_STARTED, Status.NOT_APPLICABLE)
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")


class MonthError(UsageError):
    """The --month text is not a month."""


def parse_month(text: str) -> tuple[int, int]:
    """'2022-12' → (2022, 12); raises MonthError with a Chinese message otherwise."""
    m = _MONTH.fullmatch(ascii_digits(text.strip()))  # --month ２０２２－１２ as typed in Chinese
    if m is None or not 1 <= int(m[2]) <= 12 or int(m[1]) < 1:
        raise MonthError(f"月份“{text}”无效,请写成 YYYY-MM,例如 2022-12")
    return int(m[1]), int(m[2])


def next_month(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


@without_gc
def report_context(
    ledger: Ledger,
    month: tuple[int, int],
    *,
    unit: Unit | None = None,
    commit: str = "",
    dirty: bool = False,
    generated_at: str = "",
    registry: Registry | None = None,
    as_of: date | None = None,
    skipped: Sequence[Problem] = (),
    times_red: Mapping[tuple[str, str], int] | None = None,
    everyone: Sequence[Standing] | None = None,
) -> Data:
    """Everything the report shows for `month`, as of `as_of` (by default the month's last day);
    `unit` narrows it to one unit; `skipped` lists progress files left out of `ledger`;
    `times_red` is `levels.red_times` for that date, when already computed (--all-units);
    `everyone` is `status.standings` for that date, when already computed (a period's report).

    Runs with the cyclic collector paused: it builds a few small acyclic dicts per unit-item.
    """
    if as_of is not None and not month_start(*month) <= as_of <= month_end(*month):
        raise MonthError(f"统计截至日期 {as_of.isoformat()} 不在 {month[0]}年{month[1]}月之内")
    day = as_of or month_end(*month)
    registry = registry if registry is not None else Registry.of(ledger)
    everyone = everyone if everyone is not None else standings(ledger, day, registry)
    context = _context(ledger, month, unit, commit, dirty, generated_at, registry, day, everyone)
    if unit is not None:
        times = times_red if times_red is not None else red_times(ledger, day)
        mine = [s for s in everyone if s.unit.id == unit.id]
        context["unit_levels"] = _unit_levels(ledger, mine, day, unit, times)
    context["skipped"] = [
        {"path": p.source.path, "line": p.source.line, "col": p.source.col, "message": p.message}
        for p in skipped
    ]
    return context


def month_start(year: int, month: int) -> date:
    return date(year, month, 1)


def _context(
    ledger: Ledger,
    month: tuple[int, int],
    unit: Unit | None,
    commit: str,
    dirty: bool,
    generated_at: str,
    registry: Registry,
    as_of: date,
    everyone: Sequence[Standing],
) -> Data:
    mine = [s for s in everyone if unit is None or s.unit.id == unit.id]
    unit_order = {u.id: n for n, u in enumerate(registry.units)}
    tasks = {task.id: task for task in ledger.tasks}
    by_item: dict[str, list[Standing]] = defaultdict(list)
    for s in mine:
        by_item[s.item.id].append(s)
    items_in_scope = [i for i in ledger.items() if by_item.get(i.id)]

    overdue = _overdue(ledger, everyone, as_of, unit, registry, tasks)
    stale = _stale(mine, unit_order, tasks, registry)
    return {
        "header": _header(ledger, month, as_of, unit, commit, dirty, generated_at),
        "summary": {
            **tally(mine, as_of),
            "task_count": len({i.task_id for i in items_in_scope}),
            "item_count": len(items_in_scope),
            "items_done": sum(item_done(by_item[i.id]) for i in items_in_scope),
            "unit_count": len({s.unit.id for s in mine}),
            "overdue_units": len(overdue),
            "stale_units": len(stale),
        },
        "sections": _sections(ledger, by_item, as_of, registry),
        "by_unit": _by_unit(mine, as_of, unit_order),
        "overdue": overdue,
        "stale": stale,
        "received": _received(ledger, month, as_of, unit, registry, unit_order, tasks),
        "next_month": _next_month(ledger, month, by_item, tasks),
        "awaiting_review": _awaiting_review(ledger, mine, as_of),
        "change": None,  # set for a quarter, half or year (views/period.py)
        "annual": None,  # set for a year (views/period.py)
        "levels": _levels(ledger, mine, as_of),
        "unit_levels": [],  # the 督办单's: filled in by report_context
        "supporting": _supporting(ledger, unit, as_of, registry, tasks),
    }


_LEVEL_KEYS = {RED: "red", YELLOW: "yellow", BLUE: "blue", GREEN: "green"}


def _levels(ledger: Ledger, mine: Sequence[Standing], as_of: date) -> Data:
    """亮灯情况: how many unit-items are at each level (red, yellow, blue, green)."""
    counts = dict.fromkeys(_LEVEL_KEYS.values(), 0)
    for s in mine:
        counts[_LEVEL_KEYS[light(s, ledger.plan, as_of).level]] += 1
    return counts


def _unit_levels(
    ledger: Ledger,
    mine: Sequence[Standing],
    as_of: date,
    unit: Unit,
    times_red: Mapping[tuple[str, str], int],
) -> list[Data]:
    """The 督办单's 亮灯 per item, worst first (plan order within), with 督办次数: the month ends
    (and the as-of date) since the plan's start at which the item was 红 for the unit."""
    rows = []
    for n, s in enumerate(mine):
        lit = light(s, ledger.plan, as_of)
        row = {
            "item": s.item.id,
            "level": lit.level,
            "reasons": "、".join(lit.reasons),
            "times": times_red.get((unit.id, s.item.id), 0),
        }
        rows.append(((-lit.rank, n), row))
    rows.sort(key=lambda pair: pair[0])
    return [row for _, row in rows]


def _awaiting_review(ledger: Ledger, mine: Sequence[Standing], as_of: date) -> list[Data]:
    """待审核 claims older than plan.review_days 工作日, oldest first: the office's own to-do."""
    rows = []
    for s in mine:
        if s.pending_since is None:
            continue
        try:
            waited: int | None = workdays_after(s.pending_since, as_of, ledger.calendar)
        except CalendarGap:
            waited = None
        if waited is None or waited > ledger.plan.review_days:
            rows.append(
                (
                    s.pending_since,
                    {
                        "item": s.item.id,
                        "unit": s.unit.name,
                        "unit_id": s.unit.id,
                        "since": s.pending_since.isoformat(),
                        "workdays": waited,
                    },
                )
            )
    rows.sort(key=lambda pair: pair[0])
    return [row for _, row in rows]


def tally(of: Iterable[Standing], as_of: date) -> Data:
    """Counts and rates over some unit-items (the definitions are in the module docstring)."""
    counts = dict.fromkeys(_STATUS_ORDER, 0)
    overdue = stale = due_soon = due = on_time = not_reported = 0
    for s in of:
        counts[s.status] += 1
        not_reported += s.status is Status.NOT_STARTED and not s.reports
        overdue += s.overdue
        stale += s.stale
        due_soon += s.due_soon
        punctual_due = s.punctual_due  # a late 延期 does not move the date 按期 counts against
        if (
            s.status is not Status.NOT_APPLICABLE
            and punctual_due is not None
            and punctual_due <= as_of
        ):
            due += 1
            on_time += s.on_time
    unit_items = sum(counts.values())
    applicable = unit_items - counts[Status.NOT_APPLICABLE]
    completion = permille(counts[Status.DONE], applicable)
    punctual = permille(on_time, due)
    return {
        "unit_items": unit_items,
        "done": counts[Status.DONE],
        "in_progress": counts[Status.IN_PROGRESS],
        "not_started": counts[Status.NOT_STARTED],
        "not_applicable": counts[Status.NOT_APPLICABLE],
        "applicable": applicable,
        "overdue": overdue,
        "stale": stale,
        "due_soon": due_soon,
        "due": due,
        "on_time": on_time,
        "completion_rate": percent(completion),
        "completion_permille": completion,
        "on_time_rate": percent(punctual),
        "on_time_permille": punctual,
        "not_reported": not_reported,
    }


def permille(part: int, whole: int) -> int | None:
    """part/whole in thousandths, rounded half up in integers (no float drift); None for 0/0."""
    if whole == 0:
        return None
    return (2000 * part + whole) // (2 * whole)


def percent(value: int | None) -> str:
    if value is None:
        return "—"
    return f"{value // 10}.{value % 10}%"


def shorten(text: str, limit: int = SHORT_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit] + "…"


def _iso(day: date | None) -> str:
    return day.isoformat() if day is not None else ""


def _header(
    ledger: Ledger,
    month: tuple[int, int],
    as_of: date,
    unit: Unit | None,
    commit: str,
    dirty: bool,
    generated_at: str,
) -> Data:
    plan = ledger.plan
    month_label = f"{month[0]}年{month[1]}月"
    title = f"{plan.title}重点任务落实情况通报"
    if unit is not None:
        title = f"{plan.title}重点任务督办单({unit.name})"
    return {
        "title": title,
        "plan_title": plan.title,
        "doc_no": plan.doc_no,
        "issuer": plan.issuer,
        "issued": _iso(plan.issued),
        "year": plan.year,
        "month": f"{month[0]:04d}-{month[1]:02d}",
        "month_label": month_label,
        "as_of": as_of.isoformat(),
        "update_every": plan.update_every.value,
        "warn_days": plan.warn_days,
        "unit": _unit(unit) if unit is not None else None,
        "commit": commit,
        "dirty": dirty,
        "generated_at": generated_at,
        "month_end": month_end(*month).isoformat(),
        "review_days": plan.review_days,
        "period": None,  # a quarter, half or year: see views/period.py
    }


def _unit(unit: Unit) -> Data:
    return {"id": unit.id, "name": unit.name, "kind": unit.kind}


def _deadline_text(deadline: Deadline | None) -> str:
    return deadline.text if deadline is not None else ""


def _via(s: Standing, registry: Registry) -> list[str]:
    """The collective owners (as written) through which the unit owns the item; [] if named."""
    return [] if registry.named(s.item, s.unit) else list(registry.via(s.item, s.unit))


_STANDING_FIELDS = (
    *("unit", "unit_id", "status", "overdue", "days_late", "workdays_late", "due_soon"),
    *("days_left", "stale"),
)


def _standing(s: Standing, registry: Registry) -> Data:
    record = standing_record(s, _iso)
    return {
        **pick(record, _STANDING_FIELDS),
        "flags": list(record["kinds"]),
        **pick(record, ("completed_on", "on_time", "last_report", "summary", "reason")),
        "evidence": list(record["evidence"]),
        "via": _via(s, registry),
        "direct_na": s.status is Status.NOT_APPLICABLE and registry.named(s.item, s.unit),
        "shown_status": shown_status(s),
        "review": s.review,
    }


NOT_REPORTED = "未报送"  # how a 通报 names a unit that has sent nothing on an item


def shown_status(s: Standing) -> str:
    """The status as a 通报 writes it: 未报送 for a unit that sent nothing on the item."""
    if s.status is Status.NOT_STARTED and not s.reports:
        return NOT_REPORTED
    return s.status.value


def _item(item: Item, task: Task, of: Sequence[Standing], as_of: date, registry: Registry) -> Data:
    units = [_standing(s, registry) for s in of]
    return {
        "id": item.id,
        "task_id": task.id,
        "task_title": task.title,
        "content": item.content,
        "short": shorten(item.content),
        "deadline": _deadline_text(item.deadline),
        "due": _iso(item.deadline.due if item.deadline is not None else None),
        "continuing": item.deadline is not None and item.deadline.continuing,
        "update_every": _own_cadence(item),
        "lead": "、".join(lead.text for lead in item.leads),
        "leads": [lead.text for lead in item.leads],
        "support": [name.text for name in item.support],
        "report_by": item.report_by.value,
        "done": item_done(of),
        "tally": tally(of, as_of),
        "milestones": [
            {"deadline": m.deadline.text, "due": _iso(m.deadline.due), "what": m.what}
            for m in item.milestones
        ],
        "units": units,
        "by_status": _by_status(units),
        "by_status_named": _by_status([u for u in units if not u["via"]], key="shown_status"),
        "collectives": _collectives(units),
        "extension": _extension(item, as_of),
    }


def _collectives(units: Sequence[Data]) -> list[Data]:
    """The collective owners as written (各乡(镇、处)), each with its members' counts and the
    members that owe: ``[{name, count, done, not_applicable, owing: [names], not_reported: [names]}]``."""
    members: dict[str, list[Data]] = defaultdict(list)
    for u in units:
        if u["via"]:
            members[u["via"][0]].append(u)
    return [
        {
            "name": name,
            "count": len(of),
            "done": sum(u["status"] == Status.DONE.value for u in of),
            "not_applicable": sum(u["status"] == Status.NOT_APPLICABLE.value for u in of),
            "owing": [u["unit"] for u in of if u["flags"]],
            "not_reported": [u["unit"] for u in of if u["shown_status"] == NOT_REPORTED],
        }
        for name, of in members.items()
    ]


def _extension(item: Item, as_of: date) -> Data | None:
    """The item's 延期 in force as of `as_of` (the last one approved by then), or None."""
    force = in_force(item, as_of)
    ext = force.extension
    if ext is None:
        return None
    return {
        "deadline": ext.deadline.text,
        "due": _iso(last_due(ext.deadline)),
        "approved": _iso(ext.approved),
        "ref": ext.ref,
        "reason": ext.reason,
        "late": force.late,
        "original": _deadline_text(item.deadline),
        "punctual_due": _iso(last_due(force.punctual)),
    }


def _by_status(units: Sequence[Data], key: str = "status") -> list[Data]:
    """Units grouped by status (or `key`), then by flags (逾期 first), in owner order."""
    groups: dict[tuple[str, tuple[str, ...], str], list[str]] = defaultdict(list)
    for u in units:
        name = u["unit"] + (DIRECT_NA if u["direct_na"] else "")
        groups[(u[key], tuple(u["flags"]), u["review"])].append(name)
    status_rank = {status.value: n for n, status in enumerate(_STATUS_ORDER)}
    status_rank[NOT_REPORTED] = len(_STATUS_ORDER)

    def rank(key: tuple[str, tuple[str, ...], str]) -> tuple[int, str, list[int]]:
        return (status_rank[key[0]], key[2], [FLAGS.index(f) for f in key[1]] + [len(FLAGS)])

    return [
        {
            "status": status,
            "flags": list(flags),
            "units": groups[(status, flags, review)],
            "review": review,
        }
        for status, flags, review in sorted(groups, key=rank)
    ]


OTHER_TASKS = "其他任务"  # the report's group for tasks that name no section


def _sections(
    ledger: Ledger, by_item: dict[str, list[Standing]], as_of: date, registry: Registry
) -> list[Data]:
    """The plan's sections in document order (each followed by its parts), then a group for
    tasks without a section (titled 其他任务, or untitled when the plan has no sections).

    A section's tally counts its own tasks and those of its parts; a section without tasks
    in scope is shown only when one of its parts has some.
    """
    placed = document_order(ledger.sections)
    known = {p.section.id for p in placed}
    parents = parent_ids(ledger.sections)
    own: dict[str, list[Data]] = defaultdict(list)
    counted: dict[str, list[Standing]] = defaultdict(list)
    for task in ledger.tasks:
        items = [i for i in task.items if by_item.get(i.id)]
        if not items:
            continue
        of = [s for i in items for s in by_item[i.id]]
        home = task.section if task.section in known else ""
        own[home].append(
            {
                "id": task.id,
                "title": task.title,
                "deadline": _deadline_text(task.deadline),
                "tally": tally(of, as_of),
                "entries": [_item(i, task, by_item[i.id], as_of, registry) for i in items],
            }
        )
        up = home
        while up:
            counted[up] += of
            up = parents[up]
        if not home:
            counted[""] += of
    result = []
    for p in placed:
        section = p.section
        if not counted.get(section.id):
            continue
        result.append(
            {
                "id": section.id,
                "title": section.title,
                "label": p.label,
                "number": _report_label(p),
                "level": p.level,
                "parent": parents[section.id],
                "tally": tally(counted[section.id], as_of),
                "tasks": own[section.id],
            }
        )
    if own[""]:
        title = OTHER_TASKS if known else ""
        result.append(
            {
                "id": "",
                "title": title,
                "label": "",
                "number": "",
                "level": 1,
                "parent": "",
                "tally": tally(counted[""], as_of),
                "tasks": own[""],
            }
        )
    return result


def _report_label(p: Placed) -> str:
    """How the report numbers a section: as the document and `show` do (the written `label`,
    else 一、/(一)/1. by level), except that an unlabelled top-level section keeps the report's
    long-standing (一)、(二)… by its place, one level below the report's own 一、二、."""
    if p.section.label or p.level > 1:
        return p.label
    return f"({chinese_number(p.ordinal)})"


def _by_unit(mine: Sequence[Standing], as_of: date, unit_order: dict[str, int]) -> list[Data]:
    of: dict[str, list[Standing]] = defaultdict(list)
    units: dict[str, Unit] = {}
    for s in mine:
        of[s.unit.id].append(s)
        units[s.unit.id] = s.unit
    rows = [{**_unit(units[uid]), "tally": tally(of[uid], as_of)} for uid in of]

    def rank(row: Data) -> tuple[int, int, int]:
        rate = row["tally"]["completion_permille"]
        return (-(rate if rate is not None else -1), row["tally"]["overdue"], unit_order[row["id"]])

    return sorted(rows, key=rank)


def _row(
    s: Standing,
    task: Task,
    registry: Registry,
    as_of: date | None = None,
    owned: tuple[tuple[str, ...], bool] | None = None,
) -> Data:
    """`owned`: the (via, named) of the pair when already known (the overdue list's)."""
    via, named = owned if owned is not None else (registry.via(s.item, s.unit), None)
    if named is None:
        named = registry.named(s.item, s.unit)
    record = standing_record(s, _iso)
    return {
        "item": s.item.id,
        "task_id": task.id,
        "task_title": task.title,
        "short": shorten(s.item.content),
        "deadline": _deadline_text(s.item.deadline),
        **pick(record, ("due", "status", "days_late", "workdays_late", "last_report", "summary")),
        "via": [] if named else list(via),
        "update_every": _own_cadence(s.item),
        "direct_na": s.status is Status.NOT_APPLICABLE and named,
        "shown_status": shown_status(s),
        "extension": _extension(s.item, as_of) if as_of is not None else None,
    }


def _own_cadence(item: Item) -> str:
    """The item's (or its task's) update_every; "" when it is the plan's."""
    return item.update_every.value if item.update_every is not None else ""


def _overdue(
    ledger: Ledger,
    everyone: Sequence[Standing],
    as_of: date,
    unit: Unit | None,
    registry: Registry,
    tasks: dict[str, Task],
) -> list[Data]:
    """The 通报 list: units with overdue items, worst first (the order of `ledger overdue`)."""
    result = []
    for owes in owed_from(ledger, everyone, as_of, unit, registry).units:
        rows = [
            _row(o.standing, o.task, registry, as_of, (o.via, o.direct))
            for o in owes.items
            if o.standing.overdue
        ]
        if rows:
            result.append(
                {
                    "unit": owes.unit.name,
                    "unit_id": owes.unit.id,
                    "count": len(rows),
                    "max_days_late": owes.max_days_late,
                    "rows": rows,
                }
            )
    return result


def _stale(
    mine: Sequence[Standing],
    unit_order: dict[str, int],
    tasks: dict[str, Task],
    registry: Registry,
) -> list[Data]:
    rows: dict[str, list[Data]] = defaultdict(list)
    units: dict[str, Unit] = {}
    for s in mine:
        if s.stale and s.item.task_id in tasks:
            rows[s.unit.id].append(_row(s, tasks[s.item.task_id], registry))
            units[s.unit.id] = s.unit
    ranked = sorted(rows, key=lambda uid: (-len(rows[uid]), unit_order[uid]))
    return [
        {"unit": units[uid].name, "unit_id": uid, "count": len(rows[uid]), "rows": rows[uid]}
        for uid in ranked
    ]


def _received(
    ledger: Ledger,
    month: tuple[int, int],
    as_of: date,
    unit: Unit | None,
    registry: Registry,
    unit_order: dict[str, int],
    tasks: dict[str, Task],
) -> list[Data]:
    items = {i.id: (n, i) for n, i in enumerate(ledger.items())}
    found = []
    for progress in ledger.progress:
        owner = registry.unit(progress.unit.text)
        if owner is None or (unit is not None and owner.id != unit.id):
            continue
        for r in progress.reports:
            if (r.date.year, r.date.month) != month or r.date > as_of:
                continue
            plan_order, item = items.get(r.item, (len(items), None))
            task = tasks.get(item.task_id) if item is not None else None
            key = (r.date, unit_order[owner.id], plan_order, r.item, r.status.value, r.summary)
            found.append(
                (
                    key,
                    {
                        "date": r.date.isoformat(),
                        "unit": owner.name,
                        "unit_id": owner.id,
                        "item": r.item,
                        "task_title": task.title if task is not None else "",
                        "status": r.status.value,
                        "summary": r.summary,
                        "reason": r.reason,
                        "evidence": list(r.evidence),
                        "role": _role(item, owner, registry),
                    },
                )
            )
    found.sort(key=lambda pair: pair[0])
    return [row for _, row in found]


def _role(item: Item | None, unit: Unit, registry: Registry) -> str:
    """SUPPORTING when `unit` reports on an item only as its 配合单位, else ""."""
    if item is None or unit in registry.owning_units(item):
        return ""
    supporting = (u for name in item.support for u in registry.expand(name.text))
    return SUPPORTING if unit in supporting else ""


SUPPORTING = "配合"  # how a 通报 marks a 配合单位's report


def _supporting(
    ledger: Ledger, unit: Unit | None, as_of: date, registry: Registry, tasks: dict[str, Task]
) -> list[Data]:
    """A 督办单's items the unit supports (配合) and does not own, with its reports by `as_of`."""
    if unit is None:
        return []
    reports = reports_by_unit_item(ledger, registry, as_of)
    rows = []
    for item in ledger.items():
        if _role(item, unit, registry) != SUPPORTING:
            continue
        mine = reports.get((unit.id, item.id), [])
        latest = mine[-1] if mine else None
        task = tasks.get(item.task_id)
        rows.append(
            {
                "item": item.id,
                "task_title": task.title if task is not None else "",
                "short": shorten(item.content),
                "deadline": _deadline_text(item.deadline),
                "owners": [name.text for name in item.owners],
                "status": latest.status.value if latest else NOT_REPORTED,
                "last_report": _iso(latest.date) if latest else "",
                "summary": latest.summary if latest else "",
            }
        )
    return rows


def _falls_in(deadline: Deadline, year: int, month: int) -> date | None:
    """The due date of `deadline` that falls in the month (each year for 每年…前), if any."""
    due = deadline.due
    if due is None:
        return None
    if deadline.yearly:
        if due.month != month or year < due.year:
            return None
        return (
            month_end(year, month) if due == month_end(due.year, month) else due.replace(year=year)
        )
    return next((d for d in deadline.dues if (d.year, d.month) == (year, month)), None)


def _next_month(
    ledger: Ledger,
    month: tuple[int, int],
    by_item: dict[str, list[Standing]],
    tasks: dict[str, Task],
) -> Data:
    year, mon = next_month(*month)
    rows = []
    for n, item in enumerate(ledger.items()):
        of = by_item.get(item.id)
        task = tasks.get(item.task_id)
        if not of or task is None:
            continue
        open_units = [s.unit.name for s in of if not s.settled]
        if not open_units:
            continue
        due_dates: list[tuple[date, int, str, str, str]] = []
        # the deadline in force: an approved 延期's (the same for every unit of the item)
        deadline = of[0].extension.deadline if of[0].extension is not None else item.deadline
        if deadline is not None and (due := _falls_in(deadline, year, mon)):
            due_dates.append((due, 0, "条目", shorten(item.content), deadline.text))
        for k, m in enumerate(item.milestones, start=1):
            if due := _falls_in(m.deadline, year, mon):
                due_dates.append((due, k, "时间节点", m.what, m.deadline.text))
        for due, k, kind, what, text in due_dates:
            rows.append(
                (
                    (due, n, k),
                    {
                        "due": due.isoformat(),
                        "item": item.id,
                        "task_title": task.title,
                        "kind": kind,
                        "what": what,
                        "deadline": text,
                        "units": open_units,
                    },
                )
            )
    rows.sort(key=lambda pair: pair[0])
    return {
        "month": f"{year:04d}-{mon:02d}",
        "month_label": f"{year}年{mon}月",
        "rows": [row for _, row in rows],
    }
