"""`ledger export`: the whole ledger with statuses as of a date, as three views.

- items: one row per item (as written in the plan, and whether it is done);
- unit-items: one row per (item, owning unit): status, due date, 逾期/临期/更新滞后, 亮灯;
- overdue: the pairs owed (逾期, 临期 or 更新滞后), worst first, as `ledger overdue`, 亮灯.

A view is columns (an English key for json/csv, a Chinese title for xlsx) and rows of
plain values; each format is a small function of the views, in `export_render`.
No I/O, no clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..core.levels import light
from ..core.model import CarriedFrom, Ledger, Plan
from ..core.registry import Registry
from ..core.status import Standing, item_done, pick, standing_record, standings
from .overdue import owed_from

Row = dict[str, Any]  # values: str, int, bool, date, None, or a tuple of str


@dataclass(frozen=True)
class Column:
    key: str  # json and csv field
    title: str  # xlsx header
    wrap: bool = False  # long text: wrapped in a bounded column in xlsx


@dataclass(frozen=True)
class View:
    name: str  # items | unit-items | overdue
    sheet: str  # xlsx sheet name
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]

    @property
    def json_key(self) -> str:
        return self.name.replace("-", "_")


@dataclass(frozen=True)
class Export:
    plan: Plan
    as_of: date
    views: tuple[View, ...]

    def view(self, name: str) -> View:
        return next(v for v in self.views if v.name == name)


ITEM_COLUMNS = (
    Column("item", "条目"),
    Column("task", "任务"),
    Column("task_title", "任务名称", wrap=True),
    Column("section", "章节"),
    Column("content", "条目内容", wrap=True),
    Column("owners", "责任单位(原文)", wrap=True),
    Column("lead", "牵头单位"),
    Column("support", "配合单位", wrap=True),
    Column("deadline", "完成时间(原文)"),
    Column("due", "到期日"),
    Column("continuing", "持续更新"),
    Column("units", "责任单位数"),
    Column("units_settled", "已完成或不涉及的单位数"),
    Column("done", "已完成"),
    Column("carried_from", "回头看来源"),  # last: “2022年条目1.3”, empty when not carried
)

# 延期 and 办结审核 (last in unit-items and overdue; always there, empty when not used).
STATE_COLUMNS = (
    Column("original_due", "原到期日"),
    Column("extended_to", "延期至"),
    Column("extension_approved", "延期批准日期"),
    Column("extension_ref", "延期依据", wrap=True),
    Column("extension_late", "逾期后批准延期"),
    Column("review", "审核状态"),
    Column("reviewed_on", "审核日期"),
    Column("return_reason", "退回理由", wrap=True),
    Column("claimed_on", "待审核申请日期"),
)

UNIT_ITEM_COLUMNS = (
    Column("item", "条目"),
    Column("task", "任务"),
    Column("unit_id", "单位编号"),
    Column("unit", "单位"),
    Column("via", "负责依据(原文)", wrap=True),
    Column("content", "条目内容", wrap=True),
    Column("deadline", "完成时间(原文)"),
    Column("due", "到期日"),
    Column("status", "进展状态"),
    Column("completed_on", "完成日期"),
    Column("overdue", "逾期"),
    Column("due_soon", "临期"),
    Column("stale", "更新滞后"),
    Column("days_late", "逾期天数"),
    Column("workdays_late", "逾期工作日"),
    Column("days_left", "距到期天数"),
    Column("last_report", "最近报送"),
    Column("summary", "最近进展", wrap=True),
    Column("reason", "不涉及理由", wrap=True),
    Column("level", "亮灯"),
    *STATE_COLUMNS,
)

OVERDUE_COLUMNS = (
    Column("unit_id", "单位编号"),
    Column("unit", "单位"),
    Column("item", "条目"),
    Column("task", "任务"),
    Column("content", "条目内容", wrap=True),
    Column("deadline", "完成时间(原文)"),
    Column("due", "到期日"),
    Column("kinds", "情形"),
    Column("days_late", "逾期天数"),
    Column("workdays_late", "逾期工作日"),
    Column("days_left", "距到期天数"),
    Column("status", "进展状态"),
    Column("last_report", "最近报送"),
    Column("via", "负责依据(原文)", wrap=True),
    Column("level", "亮灯"),
    *STATE_COLUMNS,
)

VIEW_NAMES = ("items", "unit-items", "overdue")


def carried_from_text(carried: CarriedFrom | None) -> str | None:
    """回头看: the earlier ledger's year and item, “2022年条目1.3”; None when not carried."""
    return f"{carried.year}年条目{carried.item}" if carried is not None else None


def export(ledger: Ledger, as_of: date) -> Export:
    registry = Registry.of(ledger)
    all_standings = standings(ledger, as_of, registry)
    by_item: dict[str, list[Standing]] = {}
    for s in all_standings:
        by_item.setdefault(s.item.id, []).append(s)

    items = []
    for task in ledger.tasks:
        for item in task.items:
            mine = by_item.get(item.id, [])
            items.append(
                {
                    "item": item.id,
                    "task": task.id,
                    "task_title": task.title,
                    "section": task.section,
                    "content": item.content,
                    "owners": tuple(o.text for o in item.owners),
                    "lead": "、".join(lead.text for lead in item.leads) or None,
                    "support": tuple(name.text for name in item.support),
                    "deadline": item.deadline.text if item.deadline else None,
                    "due": item.deadline.due if item.deadline else None,
                    "continuing": bool(item.deadline and item.deadline.continuing),
                    "units": len(mine),
                    "units_settled": sum(s.settled for s in mine),
                    "done": item_done(mine),
                    "carried_from": carried_from_text(item.carried_from),
                }
            )

    unit_items = []
    unit_item_keys = [c.key for c in UNIT_ITEM_COLUMNS]
    for s in all_standings:
        record = standing_record(s)
        record.update(
            via=registry.via(s.item, s.unit),
            summary=record["summary"] or None,
            reason=record["reason"] or None,
            level=light(s, ledger.plan, as_of).level,
            review=record["review"] or None,
        )
        unit_items.append(pick(record, unit_item_keys))

    overdue = []
    overdue_keys = [c.key for c in OVERDUE_COLUMNS]
    owed = owed_from(ledger, all_standings, as_of, registry=registry)
    for unit_owes in owed.units:
        for o in unit_owes.items:
            record = {**standing_record(o.standing), "via": o.via, "level": o.level}
            overdue.append(pick({**record, "review": record["review"] or None}, overdue_keys))

    return Export(
        ledger.plan,
        as_of,
        (
            View("items", "条目", ITEM_COLUMNS, tuple(items)),
            View("unit-items", "单位条目", UNIT_ITEM_COLUMNS, tuple(unit_items)),
            View("overdue", "逾期、临期、更新滞后", OVERDUE_COLUMNS, tuple(overdue)),
        ),
    )
