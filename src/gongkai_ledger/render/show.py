"""`ledger show ITEM` output: a rich view (80 columns, boxless when piped) and json."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..core.levels import HALF_GONE, MILESTONE_BEHIND, Light
from ..core.model import (
    CARRIED_PENDING,
    CarriedFrom,
    Deadline,
    Extension,
    Item,
    Report,
    ReportBy,
    Unit,
)
from ..core.safetext import json_text
from ..core.status import (
    CLOSED,
    DUE_SOON,
    OVERDUE,
    PENDING,
    RETURNED,
    STALE,
    Standing,
    in_force,
    iso,
    pick,
    standing_record,
)
from ..views.overdue import uncovered_years
from ..views.show import ItemView
from .overdue import calendar_note_for, level_text
from .plain import Group, Table, Text, View
from .textcells import view_table, wrap

NONE = "—"


def situation(s: Standing, lit: Light | None = None) -> str:
    """A unit's standing on an item in words: 逾期 15 天(7 工作日)、更新滞后, 已完成, …
    (with its 亮灯, also 节点滞后 and 过半未启动)."""
    words = []
    if s.overdue:
        workdays = "?" if s.workdays_late is None else str(s.workdays_late)
        words.append(f"{OVERDUE} {s.days_late} 天({workdays} 工作日)")
    if s.due_soon:
        words.append(f"{DUE_SOON}(剩 {s.days_left} 天)")
    if s.stale:
        words.append(STALE)
    if lit is not None:
        words += [r for r in lit.reasons if r in (MILESTONE_BEHIND, HALF_GONE)]
    return "、".join(words)


def _deadline(deadline: Deadline | None) -> str:
    if deadline is None:
        return NONE
    notes = []
    if deadline.due is not None:
        notes.append(("首个" if deadline.yearly else "") + f"到期日 {deadline.due.isoformat()}")
    if deadline.yearly:
        notes.append("每年")
    if deadline.continuing:
        notes.append("持续更新")
    return deadline.text + (f"({';'.join(notes)})" if notes else "")


def extension_lines(item: Item, as_of: date) -> list[str]:
    """The item's 延期 approved by `as_of`, in approval order: new deadline, date, ref, reason."""
    lines = []
    approved = [e for e in item.extensions if e.approved is not None and e.approved <= as_of]
    for ext in sorted(approved, key=lambda e: e.approved or as_of):
        assert ext.approved is not None
        late = in_force(item, ext.approved).late
        text = f"延期至 {_deadline(ext.deadline)},{ext.approved.isoformat()} 批准"
        text += f",依据:{ext.ref}" if ext.ref else ""
        text += f",理由:{' '.join(ext.reason.split())}" if ext.reason else ""
        lines.append(text + ("(逾期后批准,按期完成仍按原到期日计)" if late else ""))
    return lines


_CARRIED_DATE = {CARRIED_PENDING: "报已完成"}  # what `completed` is, when not the 完成 day


def carried_line(carried: CarriedFrom) -> str:
    """转自 2022 年台账条目 1.3(区财政局 逾期未完成;乙乡 未报送)."""
    units = ";".join(
        f"{u.unit} {u.state}"
        + (
            f",{u.completed.isoformat()} {_CARRIED_DATE.get(u.state, '完成')}"
            if u.completed
            else ""
        )
        for u in carried.units
    )
    return f"转自 {carried.year} 年台账条目 {carried.item}" + (f"({units})" if units else "")


def _carried_record(carried: CarriedFrom | None) -> dict[str, Any] | None:
    if carried is None:
        return None
    return {
        "year": carried.year,
        "item": carried.item,
        "units": [
            {"unit": u.unit, "state": u.state, "completed": iso(u.completed)} for u in carried.units
        ],
    }


def progress_word(s: Standing) -> str:
    """进展 with the review state beside it when there is one: 推进中(待审核), 已完成(已销号)."""
    return s.status.value + (f"({s.review})" if s.review else "")


def unit_notes(s: Standing) -> list[str]:
    """What a unit's row leaves out: the due date a 延期 moved, and the review's record."""
    notes = []
    if s.extension is not None and s.due != s.original_due:
        original = s.original_due.isoformat() if s.original_due else NONE
        due = s.due.isoformat() if s.due else NONE
        note = f"到期日 {due}(原到期日 {original}"
        if s.extension_late and s.punctual_due is not None:
            note += f",逾期后批准延期,按期完成按 {s.punctual_due.isoformat()} 计"
        notes.append(note + ")")
    decision = s.decision
    if s.review == CLOSED and decision is not None:
        notes.append(f"{CLOSED}({decision.date.isoformat()} 审核通过)")
    elif s.review == RETURNED and decision is not None:
        reason = " ".join(decision.reason.split())
        notes.append(f"{RETURNED}({decision.date.isoformat()} 退回,理由:{reason})")
    elif s.review == PENDING and s.pending_since is not None:
        notes.append(f"{PENDING}({s.pending_since.isoformat()} 报已完成,待发文机关审核)")
    return notes


def names(units: tuple[Unit, ...], sep: str = "、") -> str:
    return sep.join(u.name for u in units)


def to_table(view: ItemView, width: int = 80, *, plain: bool = False) -> View:
    item, task = view.item, view.task
    label = "" if plain else "bold"
    parts: list[Text | Table] = []

    def line(text: str, style: str = "", indent: str = "") -> None:
        parts.append(Text(wrap(text, width, indent), style=style))

    def field(name: str, value: str) -> None:
        line(f"{name}:{value}")

    line(f"条目 {item.id}", label)
    field("任务", f"{task.id}、{task.title}")
    if view.section_path:
        field("章节", " > ".join(label + title for label, title in view.section_path))
    field("内容", item.content)
    field("完成时间", _deadline(item.deadline))
    for text in extension_lines(item, view.as_of):
        field("延期", text)
    if item.carried_from is not None:
        field("回头看", carried_line(item.carried_from))
    if item.update_every is not None:
        field("报送周期", item.update_every.value)
    if item.leads:
        field("牵头单位", "、".join(lead.text for lead in item.leads))
    for milestone in item.milestones:
        field("时间节点", f"{_deadline(milestone.deadline)}:{milestone.what}")
    field("责任单位(原文)", "、".join(o.name for o in view.owners))
    for owner in view.owners:
        if owner.group is not None:
            line(f"  {owner.name}:{len(owner.units)}个单位:{names(owner.units)}", indent="    ")
    if item.support:
        field("配合单位(不计逾期)", "、".join(name.text for name in item.support))
    if item.report_by is ReportBy.LEAD and item.leads:
        field("报送", "由牵头单位负责报告")

    settled = sum(s.settled for s in view.standings)
    overdue = sum(s.overdue for s in view.standings)
    verdict = "已办结" if view.done else "未办结"
    parts.append(Text(""))
    line(
        f"截至 {view.as_of.isoformat()}:{verdict};共 {len(view.standings)} 个单位,"
        f"已完成或不涉及 {settled} 个,逾期 {overdue} 个。",
        label,
    )
    t = view_table(plain)
    t.add_column("单位", no_wrap=True)
    t.add_column("亮灯", no_wrap=True)
    t.add_column("进展", no_wrap=True)
    t.add_column("完成日期", no_wrap=True)
    t.add_column("最近报送", no_wrap=True)
    t.add_column("情形", overflow="fold", ratio=1)
    for n, s in enumerate(view.standings):
        lit = view.light_of(n)
        t.add_row(
            s.unit.name,
            level_text(lit.level, plain) if lit else "",
            progress_word(s),
            s.completed_on.isoformat() if s.completed_on else "",
            s.last_report_date.isoformat() if s.last_report_date else "",
            situation(s, lit),
        )
    parts.append(t)
    if note := calendar_note_for(uncovered_years(view.standings, view.as_of)):
        line(note)
    for s in view.standings:
        for note in unit_notes(s):
            line(f"{s.unit.name}:{note}", indent="  ")

    reported = [(s.unit, s.reports, "") for s in view.standings if s.reports]
    reported += [(unit, reports, ",配合") for unit, reports in view.supporting]
    parts.append(Text(""))
    if not reported:
        line("进展记录:截至该日没有任何单位报送。", label)
        return Group(*parts)
    line("进展记录:", label)
    for unit, reports, role in reported:
        line(f"{unit.name}({unit.id}{role})", label)
        for r in reports:
            text = f"  {r.date.isoformat()} {r.status.value}"
            if r.summary:
                text += " " + " ".join(r.summary.split())
            if r.reason:
                text += f"(理由:{' '.join(r.reason.split())})"
            line(text, indent="    ")
            for url in r.evidence:  # whole, so that it can be copied
                parts.append(Text(f"    证明材料:{url}", no_wrap=True, overflow="ignore"))
    return Group(*parts)


def _report_record(r: Report) -> dict[str, Any]:
    return {
        "date": r.date.isoformat(),
        "status": r.status.value,
        "summary": r.summary,
        "evidence": list(r.evidence),
        "reason": r.reason,
    }


def _deadline_record(deadline: Deadline | None) -> dict[str, Any] | None:
    if deadline is None:
        return None
    return {
        "text": deadline.text,
        "due": deadline.due.isoformat() if deadline.due else None,
        "continuing": deadline.continuing,
        "yearly": deadline.yearly,
    }


def _level_record(lit: Light | None) -> dict[str, Any]:
    return {"level": lit.level, "level_reasons": list(lit.reasons)} if lit else {}


_EXTENSION_KEYS = ("original_due", "extended_to", "extension_approved", "extension_ref")
_REVIEW_KEYS = ("reviewed_on", "return_reason", "claimed_on")


def _extension_record(ext: Extension) -> dict[str, Any]:
    """One 延期 approved by the as-of date, as written."""
    return {
        "deadline": _deadline_record(ext.deadline),
        "approved": iso(ext.approved),
        "ref": ext.ref,
        "reason": ext.reason,
    }


def to_json(view: ItemView) -> str:
    item = view.item
    document = {
        "as_of": view.as_of.isoformat(),
        "item": item.id,
        "task": view.task.id,
        "task_title": view.task.title,
        "section": view.section.id if view.section else None,
        "section_title": view.section.title if view.section else None,
        "content": item.content,
        "deadline": _deadline_record(item.deadline),
        "lead": item.lead.text if item.lead else None,
        "leads": [lead.text for lead in item.leads],
        "support": [name.text for name in item.support],
        "report_by": item.report_by.value,
        "milestones": [
            {"deadline": _deadline_record(m.deadline), "what": m.what} for m in item.milestones
        ],
        "owners": [
            {"name": o.name, "group": o.group is not None, "units": [u.id for u in o.units]}
            for o in view.owners
        ],
        "done": view.done,
        "units": [
            {
                **pick(record, ("unit_id", "unit")),
                "via": list(view.via(s.unit)),
                **pick(record, ("status", "completed_on", "overdue", "due_soon", "stale")),
                **pick(record, ("days_late", "workdays_late", "days_left")),
                "reports": [_report_record(r) for r in s.reports],
                **_level_record(view.light_of(n)),
                **pick(record, ("due", *_EXTENSION_KEYS, "review", *_REVIEW_KEYS)),
            }
            for n, s in enumerate(view.standings)
            for record in (standing_record(s, iso),)
        ],
        "extensions": [
            _extension_record(e)
            for e in item.extensions
            if e.approved is not None and e.approved <= view.as_of
        ],
        "supporting": [
            {
                "unit_id": unit.id,
                "unit": unit.name,
                "reports": [_report_record(r) for r in reports],
            }
            for unit, reports in view.supporting
        ],
        "carried_from": _carried_record(item.carried_from),
    }
    return json_text(document)
