"""Reports for a quarter, a half year or a year: the monthly 通报's context, widened.

`period_context(ledger, period, ...)` is `report_context` counted to the period's end (or an
earlier day of it), with four differences:

- ``header.period``: ``{kind (month/quarter/half/year), key ("2022Q4"), label ("2022年第四季度"),
  start, end, previous, next, comparison}`` (``previous``/``next`` are labels, ``comparison``
  the sentence on ``change``); ``header.month`` is the key
  (notes/2022Q4.md for the docx), ``header.month_label`` the label, ``header.month_end`` the end;
- ``received``: the reports dated in the period up to ``as_of`` (not just its last month);
- ``next_month``: the dues of the next period (``month`` its key, ``month_label`` its label);
- ``change``: the figures at the previous period's end and the difference, or None for the
  plan's first period (the previous period ends before the plan's year):
  ``{previous, previous_end, done, overdue, completion_points, on_time_points, before: tally}``
  with signed texts ("+3", "-1", "+12.5", or "—" when a rate cannot be computed);
- ``annual`` (``--year`` only): 落实上级年度政务公开工作要点情况, per task
  ``{id, title, number, state (已完成/持续推进/未完成/不涉及), done, text}`` plus ``task_count``,
  ``done_count``, ``ongoing_count``, ``not_done_count``, ``intro``.

A period's figures are as of its end: the as-of semantics are `core.status`'s, nothing new.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..core.deadline import month_end, zh_date
from ..core.digits import ascii_digits
from ..core.errors import UsageError
from ..core.model import Ledger, Status, Unit
from ..core.problems import Problem
from ..core.registry import Registry
from ..core.sections import chinese_number
from ..core.status import Standing, in_force, standings
from .report import (
    NOT_REPORTED,
    _next_month,
    _received,
    report_context,
    shown_status,
    tally,
)

Data = dict[str, Any]

KINDS = ("month", "quarter", "half", "year")
_QUARTER_WORDS = "一二三四"
_QUARTER = re.compile(r"([0-9]{4})(?:-?[Qq]([1-4])|年第([一二三四1-4])季度)")
_HALF = re.compile(r"([0-9]{4})(?:-?[Hh]([12])|年(上|下)半年)")
_YEAR = re.compile(r"([0-9]{4})(?:年度?)?")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")


@dataclass(frozen=True)
class Period:
    """A month (number 1–12), quarter (1–4), half (1–2) or year (number 1) of a year."""

    kind: str
    year: int
    number: int = 1

    @property
    def _size(self) -> int:
        return {"month": 1, "quarter": 3, "half": 6, "year": 12}[self.kind]

    @property
    def months(self) -> list[tuple[int, int]]:
        first = (self.number - 1) * self._size + 1
        return [(self.year, m) for m in range(first, first + self._size)]

    @property
    def start(self) -> date:
        return date(*self.months[0], 1)

    @property
    def end(self) -> date:
        return month_end(*self.months[-1])

    @property
    def key(self) -> str:
        return {
            "month": f"{self.year:04d}-{self.number:02d}",
            "quarter": f"{self.year:04d}Q{self.number}",
            "half": f"{self.year:04d}H{self.number}",
            "year": f"{self.year:04d}",
        }[self.kind]

    @property
    def label(self) -> str:
        return f"{self.year}年度" if self.kind == "year" else f"{self.year}年{self.word}"

    @property
    def word(self) -> str:
        """The period without its year: 12月, 第四季度, 下半年, 年度."""
        return {
            "month": f"{self.number}月",
            "quarter": f"第{_QUARTER_WORDS[self.number - 1]}季度",
            "half": "上半年" if self.number == 1 else "下半年",
            "year": "年度",
        }[self.kind]

    def shifted(self, by: int) -> Period:
        count = 12 // self._size
        index = self.year * count + self.number - 1 + by
        return Period(self.kind, index // count, index % count + 1)


def _year(text: str) -> int:
    year = int(text)
    if year < 1:
        raise ValueError(text)
    return year


def parse_period(kind: str, text: str) -> Period:
    """The period `text` names (--month 2022-12, --quarter 2022Q4, --half 2022H2, --year 2022);
    the label a report prints (2022年第四季度, 2022年下半年, 2022年度) is accepted too. A report
    compares with the previous period and lists the next one's dues: both must be dates."""
    period = _parse_period(kind, text)
    if period.shifted(-1).year < 1 or period.shifted(1).year > 9999:
        raise UsageError(f"“{text}”超出可以计算的日期范围:上一期或下一期不在 1 至 9999 年之内")
    return period


def _parse_period(kind: str, text: str) -> Period:
    typed = ascii_digits(text.strip())
    try:
        if kind == "quarter" and (m := _QUARTER.fullmatch(typed)):
            n = m[2] or m[3]
            number = int(n) if n.isdigit() else _QUARTER_WORDS.index(n) + 1
            return Period(kind, _year(m[1]), number)
        if kind == "half" and (m := _HALF.fullmatch(typed)):
            return Period(kind, _year(m[1]), int(m[2]) if m[2] else (1 if m[3] == "上" else 2))
        if kind == "year" and (m := _YEAR.fullmatch(typed)):
            return Period(kind, _year(m[1]))
        if kind == "month" and (m := _MONTH.fullmatch(typed)) and 1 <= int(m[2]) <= 12:
            return Period(kind, _year(m[1]), int(m[2]))
    except ValueError:
        pass
    example = {
        "month": "请写成 YYYY-MM,例如 2022-12",
        "quarter": "请写成 YYYYQn,例如 2022Q4(也可写 2022-Q4 或 2022年第四季度)",
        "half": "请写成 YYYYH1 或 YYYYH2,例如 2022H2(也可写 2022-H2 或 2022年下半年)",
        "year": "请写成 YYYY,例如 2022(也可写 2022年度)",
    }[kind]
    what = {"month": "月份", "quarter": "季度", "half": "半年", "year": "年度"}[kind]
    raise UsageError(f"{what}“{text}”无效,{example}")


def period_context(
    ledger: Ledger,
    period: Period,
    *,
    unit: Unit | None = None,
    commit: str = "",
    dirty: bool = False,
    generated_at: str = "",
    registry: Registry | None = None,
    as_of: date | None = None,
    skipped: Sequence[Problem] = (),
    times_red: Mapping[tuple[str, str], int] | None = None,
) -> Data:
    """The report for `period` as of `as_of` (by default its last day; it must fall in it);
    `times_red` as for `report_context`."""
    as_of = as_of or period.end
    if not period.start <= as_of <= period.end:
        raise UsageError(f"统计截至日期 {as_of.isoformat()} 不在{period.label}之内")
    registry = registry if registry is not None else Registry.of(ledger)
    everyone = standings(ledger, as_of, registry)  # once, for the month's context and this
    context = report_context(
        ledger,
        (as_of.year, as_of.month),
        unit=unit,
        commit=commit,
        dirty=dirty,
        generated_at=generated_at,
        registry=registry,
        as_of=as_of,
        skipped=skipped,
        times_red=times_red,
        everyone=everyone,
    )
    mine = [s for s in everyone if unit is None or s.unit.id == unit.id]
    unit_order = {u.id: n for n, u in enumerate(registry.units)}
    tasks = {task.id: task for task in ledger.tasks}
    following = period.shifted(1)
    header = context["header"]
    header.update(
        {
            "month": period.key,
            "month_label": period.label,
            "month_end": period.end.isoformat(),
            "period": {
                "kind": period.kind,
                "key": period.key,
                "label": period.label,
                "start": period.start.isoformat(),
                "end": period.end.isoformat(),
                "previous": period.shifted(-1).label,
                "next": following.label,
            },
        }
    )
    if unit is None:
        header["title"] = f"{ledger.plan.title}重点任务{period.word}落实情况通报"
    context["received"] = [
        row
        for month in period.months
        if date(*month, 1) <= as_of
        for row in _received(ledger, month, as_of, unit, registry, unit_order, tasks)
    ]
    by_item: dict[str, list[Standing]] = defaultdict(list)
    for s in mine:
        by_item[s.item.id].append(s)
    rows = []
    for year, month in following.months:
        before = (year - 1, 12) if month == 1 else (year, month - 1)
        rows += _next_month(ledger, before, by_item, tasks)["rows"]
    context["next_month"] = {"month": following.key, "month_label": following.label, "rows": rows}
    context["change"] = _change(ledger, period, unit, registry, context["summary"])
    header["period"]["comparison"] = comparison(
        context["change"], context["summary"], period, ledger.plan.year
    )
    context["annual"] = _annual(ledger, mine, as_of) if period.kind == "year" else None
    return context


def _mine(ledger: Ledger, as_of: date, registry: Registry, unit: Unit | None) -> list[Standing]:
    return [s for s in standings(ledger, as_of, registry) if unit is None or s.unit.id == unit.id]


def signed(value: int | None, tenths: bool = False) -> str:
    """+3 / -1 / 0, or for thousandths +12.5 (percentage points); "—" for None."""
    if value is None:
        return "—"
    text = f"{abs(value) // 10}.{abs(value) % 10}" if tenths else str(abs(value))
    return ("-" if value < 0 else "+" if value > 0 else "") + text


def _change(
    ledger: Ledger, period: Period, unit: Unit | None, registry: Registry, now: Data
) -> Data | None:
    """The period's figures against the previous period's end; None before the plan's year."""
    previous = period.shifted(-1)
    if previous.end.year < ledger.plan.year:
        return None
    before = tally(_mine(ledger, previous.end, registry, unit), previous.end)

    def points(key: str) -> int | None:
        if now[key] is None or before[key] is None:
            return None
        return int(now[key]) - int(before[key])

    return {
        "previous": previous.label,
        "previous_end": previous.end.isoformat(),
        "before": before,
        "done": signed(now["done"] - before["done"]),
        "overdue": signed(now["overdue"] - before["overdue"]),
        "completion_points": signed(points("completion_permille"), tenths=True),
        "on_time_points": signed(points("on_time_permille"), tenths=True),
    }


def comparison(change: Data | None, now: Data, period: Period, plan_year: int) -> str:
    """The sentence a report writes about the change since the previous period."""
    if change is None and period.end.year < plan_year:
        return f"{period.label}早于{plan_year}年台账的年度,没有上期可比。"
    if change is None:
        return f"{period.label}是{plan_year}年台账的第一期,没有上期可比。"
    before = change["before"]

    def rate(name: str, key: str) -> str:
        moved = f"{before[key]} → {now[key]}"
        points = change[f"{name}_points"]
        return (
            f"{name_zh[name]} {moved}"
            if points == "—"
            else f"{name_zh[name]} {points} 个百分点({moved})"
        )

    name_zh = {"completion": "完成率", "on_time": "按期完成率"}
    return (
        f"与{change['previous']}末({_zh(change['previous_end'])})相比:"
        f"{rate('completion', 'completion_rate')},{rate('on_time', 'on_time_rate')},"
        f"已完成 {change['done']} 项({before['done']} → {now['done']}),"
        f"逾期 {change['overdue']} 项({before['overdue']} → {now['overdue']})。"
    )


def _zh(iso: str) -> str:
    return zh_date(date.fromisoformat(iso))


def _open_reason(s: Standing, as_of: date) -> str:
    """Why a unit has not finished an item, as a 年度报告 says it."""
    if shown_status(s) == NOT_REPORTED:
        return NOT_REPORTED
    force = in_force(s.item, as_of)
    latest = s.latest
    said = (latest.reason or latest.summary) if latest is not None else ""
    parts = [s.status.value]
    if force.extension is not None:
        ext = force.extension
        parts.append(
            f"已批准延期至{ext.deadline.text}"
            + (f"(延期原因:{_bare(ext.reason)})" if ext.reason else "")
        )
    if said:
        parts.append(_bare(said))
    return ",".join(parts)


def _bare(text: str) -> str:
    """A unit's sentence without its final 。, to sit inside the report's own sentence."""
    return re.sub(r"[。.;;]+$", "", " ".join(text.split()))


def ongoing(s: Standing) -> bool:
    """A 持续更新/常态化 item that the unit keeps up: not finished, and not owed either. The
    deadline is the one in force: a 延期 to a fixed date makes it a task to finish."""
    deadline = s.extension.deadline if s.extension is not None else s.item.deadline
    return (
        deadline is not None
        and deadline.continuing
        and not s.overdue
        and not s.stale
        and shown_status(s) != NOT_REPORTED
    )


DONE, ONGOING, NOT_DONE, EXEMPT = "已完成", "持续推进", "未完成", "不涉及"


def _annual(ledger: Ledger, mine: Sequence[Standing], as_of: date) -> Data:
    """落实上级年度政务公开工作要点情况, per task: 已完成; 持续推进 (every open unit keeps up a
    持续更新 item); 未完成 with each open unit's reason (未报送, an approved 延期 and its reason,
    the latest report's reason or summary); 不涉及 units are named with their reason."""
    by_task: dict[str, list[Standing]] = defaultdict(list)
    for s in mine:
        by_task[s.item.task_id].append(s)
    rows: list[Data] = []
    for task in ledger.tasks:
        of = by_task.get(task.id)
        if not of:
            continue
        opened = [s for s in of if not s.settled]
        exempt = [s for s in of if s.status is Status.NOT_APPLICABLE]
        notes = [
            f"{s.item.id}条目{s.unit.name}不涉及"
            + (f"({_bare(s.latest.reason)})" if s.latest and s.latest.reason else "")
            for s in exempt
        ]
        if len(exempt) == len(of):
            state, text = EXEMPT, ";".join(notes)
        elif not opened:
            state, text = DONE, ";".join(notes)
        else:
            state = ONGOING if all(ongoing(s) for s in opened) else NOT_DONE
            owed = [f"{s.item.id}条目{s.unit.name}:{_open_reason(s, as_of)}" for s in opened]
            text = ";".join(owed + notes)
        rows.append(
            {
                "id": task.id,
                "title": task.title,
                "number": f"({chinese_number(len(rows) + 1)})",
                "state": state,
                "done": state in (DONE, EXEMPT),
                "text": f"{state}。" + (f"{text}。" if text and state != EXEMPT else ""),
            }
        )
    count = {
        state: sum(row["state"] == state for row in rows) for state in (DONE, ONGOING, NOT_DONE)
    }
    plan = ledger.plan
    basis = f"《{plan.title}》" + (f"({plan.doc_no})" if plan.doc_no else "")
    intro = (
        f"截至{zh_date(as_of)},{basis}确定的 {len(rows)} 项重点任务中,"
        f"已完成 {count[DONE]} 项,持续推进 {count[ONGOING]} 项,未完成 {count[NOT_DONE]} 项"
        + (
            f",不涉及 {len(rows) - sum(count.values())} 项"
            if len(rows) > sum(count.values())
            else ""
        )
        + "。逐项落实情况如下:"
    )
    return {
        "task_count": len(rows),
        "done_count": count[DONE],
        "ongoing_count": count[ONGOING],
        "not_done_count": count[NOT_DONE],
        "intro": intro,
        "tasks": rows,
    }
