"""`ledger overdue` output: one function per format, each a function of `Owed`.

table: a table (drawn by rich on a terminal) that fits 80 columns with Chinese text (boxless when piped);
json, csv: stable machine-readable fields (README documents them); markdown: GFM tables.
"""

from __future__ import annotations

from typing import Any

from ..core.levels import BLUE, GREEN, HALF_GONE, MILESTONE_BEHIND, RED, YELLOW
from ..core.safetext import json_text
from ..core.status import DUE_SOON, OVERDUE, OWED_KINDS, STALE, iso, pick, standing_record
from ..views.overdue import Owed, OwedItem, UnitOwes
from .csvtext import excel_csv
from .mdtext import md_escape
from .plain import Group, Table, Text, View, cell_len
from .textcells import shorten, view_table, wrap

NOTHING_OWED = "没有逾期、临期或更新滞后的事项。"
YELLOW_COLUMN = "黄灯"  # with --min-level 绿/蓝/黄: the items lit 黄, whatever the reason

CSV_FIELDS = (
    "unit_id",
    "unit",
    "item",
    "task",
    "task_title",
    "content",
    "deadline",
    "due",
    "overdue",
    "due_soon",
    "stale",
    "days_late",
    "workdays_late",
    "days_left",
    "status",
    "last_report",
    "via",
    "level",
)


# -- shared wording -----------------------------------------------------------


def counts(u: UnitOwes) -> str:
    return f"逾期 {u.overdue} 项,临期 {u.due_soon} 项,更新滞后 {u.stale} 项"


def heading(owed: Owed) -> str:
    as_of = owed.as_of.isoformat()
    if owed.unit is not None:
        return f"{owed.unit.name} 截至 {as_of}"
    if owed.min_level is not None:
        return f"截至 {as_of},亮灯{_at_least(owed.min_level)}的单位 {len(owed.units)} 个"
    return f"截至 {as_of},有逾期、临期或更新滞后事项的单位 {len(owed.units)} 个"


def _at_least(level: str) -> str:
    return level if level == RED else f"{level}及以上"


def summary_line(owed: Owed) -> str:
    if not owed.items and owed.min_level is not None:
        return f"没有亮灯{_at_least(owed.min_level)}的事项。"
    if not owed.items:
        return NOTHING_OWED
    if owed.unit is not None:
        return counts(owed.units[0]) + yellow_count(owed, owed.units[0].yellow, "项") + "。"
    overdue = sum(u.overdue for u in owed.units)
    due_soon = sum(u.due_soon for u in owed.units)
    stale = sum(u.stale for u in owed.units)
    yellow = yellow_count(owed, sum(u.yellow for u in owed.units), "项次")
    return f"合计逾期 {overdue} 项次,临期 {due_soon} 项次,更新滞后 {stale} 项次{yellow}。"


def yellow_count(owed: Owed, n: int, unit: str) -> str:
    """“,黄灯 n 项” when the list is by 亮灯 at 黄 or milder; else nothing (as before 亮灯)."""
    return f",黄灯 {n} {unit}" if owed.counts_yellow else ""


def calendar_note(owed: Owed) -> str:
    """Why some 工作日 are shown as “?”; empty when the calendar covers every date."""
    return calendar_note_for(owed.uncovered_years)


def calendar_note_for(uncovered_years: tuple[int, ...]) -> str:
    if not uncovered_years:
        return ""
    years = "、".join(str(y) for y in uncovered_years)
    return (
        f"注:法定节假日数据(chinesecalendar)未覆盖 {years} 年,相关工作日数无法计算,"
        "以“?”表示(json/csv 中为空);请在台账的 calendar.yaml 中写明该年的放假安排,"
        "或升级 chinesecalendar。"
    )


def _workdays(value: int | None) -> str:
    return "?" if value is None else str(value)


def _days_lines(o: OwedItem) -> list[tuple[str, str]]:
    """The 情形 cell: (line, the kind it belongs to)."""
    s = o.standing
    lines = []
    if s.overdue:
        lines += [
            (f"逾期 {s.days_late} 天", OVERDUE),
            (f"({_workdays(s.workdays_late)} 工作日)", OVERDUE),
        ]
    if s.due_soon:
        lines += [(DUE_SOON, DUE_SOON), (f"剩 {s.days_left} 天", DUE_SOON)]
    if s.stale:
        lines.append((STALE, STALE))
    lines += [(r, STALE) for r in o.light.reasons if r in (MILESTONE_BEHIND, HALF_GONE)]
    return lines


def _styled(lines: list[tuple[str, str]], plain: bool) -> Text:
    """Lines, each in its own style (none when plain); the words carry the meaning, colour only helps."""
    text = Text()
    for n, (line, style) in enumerate(lines):
        text.append(("\n" if n else "") + line, style="" if plain else style)
    return text


def _via_text(o: OwedItem) -> str:
    groups = o.groups
    return "经" + "、".join(f"“{g}”" for g in groups) if groups and not o.direct else ""


# -- table --------------------------------------------------------------------

_STYLE = {OVERDUE: "bold red", DUE_SOON: "yellow", STALE: "magenta"}
# 亮灯 is always the word; the colour (terminals only) just helps.
LEVEL_STYLE = {RED: "bold red", YELLOW: "yellow", BLUE: "blue", GREEN: "green"}


def level_text(level: str, plain: bool) -> Text:
    return Text(level, style="" if plain else LEVEL_STYLE[level])


def to_table(owed: Owed, width: int = 80, *, plain: bool = False) -> View:
    """The view: a unit's items with --unit, else units worst first."""
    parts: list[Text | Table] = [Text(wrap(heading(owed), width))]
    parts.append(Text(wrap(summary_line(owed), width)))
    if owed.items:
        parts.append(_unit_table(owed, width, plain) if owed.unit else _units_table(owed, plain))
    if owed.unit is None and owed.items:
        parts.append(Text(wrap("查看某单位的明细:ledger overdue --unit 单位名称", width)))
    if note := calendar_note(owed):
        parts.append(Text(wrap(note, width)))
    return Group(*parts)


def _units_table(owed: Owed, plain: bool) -> Table:
    t = view_table(plain)
    t.add_column("单位", no_wrap=True)
    t.add_column("亮灯", no_wrap=True)
    for word, _ in OWED_KINDS:
        t.add_column(word, justify="right", no_wrap=True)
    if owed.counts_yellow:
        t.add_column(YELLOW_COLUMN, justify="right", no_wrap=True)
    t.add_column("最长逾期", no_wrap=True)
    t.add_column("逾期条目", overflow="fold", ratio=1)
    for u in owed.units:
        longest = (
            f"{u.max_days_late} 天({_workdays(u.max_workdays_late)} 工作日)" if u.overdue else ""
        )
        overdue_items = " ".join(o.item.id for o in u.items if o.standing.overdue)
        yellow = (str(u.yellow),) if owed.counts_yellow else ()
        t.add_row(
            u.unit.name,
            level_text(u.level, plain),
            str(u.overdue),
            str(u.due_soon),
            str(u.stale),
            *yellow,
            longest,
            overdue_items,
        )
    return t


# Columns beside 任务 / 内容, and the most they may take (with padding).
_FIXED = {"条目": 5, "亮灯": 4, "完成时间": 10, "到期日": 10, "情形": 11, "进展": 6}


def _unit_table(owed: Owed, width: int, plain: bool) -> Table:
    items = owed.items
    ids = max(cell_len(o.item.id) for o in items)
    fixed = max(ids, 4) + sum(v for k, v in _FIXED.items() if k != "条目")
    gaps = len(_FIXED)  # between the seven columns: padding 1+1, plus a divider when boxed
    padding = gaps * (2 if plain else 3)
    text_cols = max(16, width - fixed - padding)
    t = view_table(plain, lines=True)
    t.add_column("条目", no_wrap=True)
    t.add_column("亮灯", no_wrap=True)
    t.add_column("任务 / 内容", width=text_cols, overflow="fold")
    t.add_column("完成时间", max_width=_FIXED["完成时间"], overflow="fold")
    t.add_column("到期日", no_wrap=True)
    t.add_column("情形", no_wrap=True)
    t.add_column("进展", no_wrap=True)
    for o in items:
        s = o.standing
        lines = [
            (shorten(o.task.title, text_cols), "bold"),
            (shorten(o.item.content, text_cols), ""),
        ]
        if via := _via_text(o):
            lines.append((shorten(via, text_cols), "dim"))
        if o.item.support:  # 配合单位: listed with the item, never owing
            support = "配合单位:" + "、".join(n.text for n in o.item.support)
            lines.append((shorten(support, text_cols), "dim"))
        text = _styled(lines, plain)
        kinds = _styled([(line, _STYLE[kind]) for line, kind in _days_lines(o)], plain)
        t.add_row(
            o.item.id,
            level_text(o.level, plain),
            text,
            deadline_cell(o),
            s.due.isoformat() if s.due else "",
            kinds,
            s.status.value + (f"\n{s.review}" if s.review else ""),
        )
    return t


def deadline_cell(o: OwedItem) -> str:
    """完成时间: the one in force; after a 延期 the item's own too (原完成时间)."""
    s, deadline = o.standing, o.item.deadline
    if s.extension is None:
        return deadline.text if deadline else ""
    return s.extension.deadline.text + (f"\n(原{deadline.text})" if deadline else "")


# -- json -----------------------------------------------------------------------


_ITEM_FIELDS = ("overdue", "due_soon", "stale", "kinds", "days_late", "workdays_late")
_ITEM_TAIL = ("days_left", "status", "completed_on", "last_report")
# 延期 and 办结审核, last (every record has them, empty when the ledger uses neither).
STATE_FIELDS = (
    "original_due",
    "extended_to",
    "extension_approved",
    "extension_ref",
    "extension_late",
    "review",
    "reviewed_on",
    "return_reason",
    "claimed_on",
)


def item_record(o: OwedItem) -> dict[str, Any]:
    record = standing_record(o.standing, iso)
    return {
        **pick(record, ("item", "task")),
        "task_title": o.task.title,
        **pick(record, ("content", "deadline", "due", "continuing", *_ITEM_FIELDS, *_ITEM_TAIL)),
        "via": list(o.via),
        "direct": o.direct,
        "support": [name.text for name in o.item.support],
        "level": o.level,
        "level_reasons": list(o.light.reasons),
        **pick(record, STATE_FIELDS),
    }


def unit_record(u: UnitOwes) -> dict[str, Any]:
    return {
        "unit_id": u.unit.id,
        "unit": u.unit.name,
        "kind": u.unit.kind,
        "overdue": u.overdue,
        "due_soon": u.due_soon,
        "stale": u.stale,
        "max_days_late": u.max_days_late,
        "max_workdays_late": u.max_workdays_late,
        "level": u.level,
        "items": [item_record(o) for o in u.items],
    }


def to_json(owed: Owed) -> str:
    document = {
        "as_of": owed.as_of.isoformat(),
        "unit": owed.unit.id if owed.unit else None,
        "uncovered_years": list(owed.uncovered_years),
        "units": [unit_record(u) for u in owed.units],
    }
    return json_text(document)


# -- csv --------------------------------------------------------------------------


def to_csv(owed: Owed) -> str:
    """One row per (unit, item); starts with a BOM so that Excel reads it as UTF-8."""
    rows = (
        {**item_record(o), "unit_id": u.unit.id, "unit": u.unit.name, "via": "、".join(o.via)}
        for u in owed.units
        for o in u.items
    )
    return excel_csv(CSV_FIELDS, ([row[field] for field in CSV_FIELDS] for row in rows))


# -- markdown ---------------------------------------------------------------------


def to_markdown(owed: Owed) -> str:
    lines = [f"## {md_escape(heading(owed))}", "", summary_line(owed), ""]
    if owed.items and owed.unit is not None:
        lines += [
            "| 条目 | 亮灯 | 任务 | 内容 | 完成时间 | 到期日 | 逾期天数 | 逾期工作日 | 情形 | 进展 | 责任方式 |",
            "|---|---|---|---|---|---|---:|---:|---|---|---|",
        ]
        for o in owed.items:
            s = o.standing
            reasons = [r for r in o.light.reasons if r in (MILESTONE_BEHIND, HALF_GONE)]
            cells = [
                o.item.id,
                o.level,
                o.task.title,
                shorten(o.item.content, 40),
                o.item.deadline.text if o.item.deadline else "",
                s.due.isoformat() if s.due else "",
                str(s.days_late) if s.overdue else "",
                _workdays(s.workdays_late) if s.overdue else "",
                "、".join((*o.kinds, *reasons)) + (f"(剩 {s.days_left} 天)" if s.due_soon else ""),
                s.status.value,
                "直接" if o.direct else _via_text(o),
            ]
            lines.append("| " + " | ".join(md_escape(c) for c in cells) + " |")
        lines.append("")
    elif owed.items:
        yellow = f" {YELLOW_COLUMN} |" if owed.counts_yellow else ""
        lines += [
            f"| 单位 | 亮灯 | 逾期 | 临期 | 更新滞后 |{yellow} 最长逾期天数 | 最长逾期工作日 | 逾期条目 |",
            "|---|---|---:|---:|---:|" + ("---:|" if yellow else "") + "---:|---:|---|",
        ]
        for u in owed.units:
            cells = [
                u.unit.name,
                u.level,
                str(u.overdue),
                str(u.due_soon),
                str(u.stale),
                *((str(u.yellow),) if yellow else ()),
                str(u.max_days_late) if u.overdue else "",
                _workdays(u.max_workdays_late) if u.overdue else "",
                " ".join(o.item.id for o in u.items if o.standing.overdue),
            ]
            lines.append("| " + " | ".join(md_escape(c) for c in cells) + " |")
        lines.append("")
    if note := calendar_note(owed):
        lines += [note, ""]
    return "\n".join(lines)
