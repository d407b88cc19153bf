"""`ledger rollover`: next year's tasks.yaml, with last year's unfinished items as 回头看.

The text is written the way `ledger fmt` writes it (key order of files/schema.py), so the new
ledger passes `ledger check` and `ledger fmt --check` as it is. Each carried item says where it
comes from: a comment above it (the old item's id and deadline) and `carried_from` (the old
year, the old item, each unit's state: the data `show` and `export` read).
"""

from __future__ import annotations

import json
import re

from ..core.flowlist import NAME_SEPARATORS
from ..core.model import (
    DEFAULT_REVIEW_DAYS,
    DEFAULT_TIMEZONE,
    ITEM_IDS_PREFIXED,
    REVIEW_NONE,
    ReportBy,
    Task,
)
from ..core.status import in_force
from ..views.rollover import DONE_LATE, PENDING, SECTION_ID, Carried, Rollover

_INDICATORS = "-?:,[]{}#&*!|>'\"%@`"
_FLOW = re.compile(rf"[,\[\]{{}}{NAME_SEPARATORS}]")  # ends a name in […], or splits it


def scalar(text: str, *, flow: bool = False) -> str:
    """`text` as a YAML scalar on one line: plain when it reads back as itself, else quoted.

    `flow`: inside `[…]`, where a comma or a bracket ends the name and a plain item is split
    at 、 , ， ; ；(the one-cell rule of owners lists); a quoted item is one name.
    """
    plain = (
        text == text.strip()
        and text != ""
        and text[0] not in _INDICATORS
        and not text.isascii()  # +1, .inf, 2023, yes, 0o17: numbers, booleans, dates in YAML
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and not any(c in text for c in "\\'\"")
        and text.isprintable()
        and not (flow and _FLOW.search(text))
    )
    return text if plain else json.dumps(text, ensure_ascii=False)


def _comment(text: str) -> str:
    return " ".join(text.split())


def new_title(view: Rollover) -> str:
    old = view.ledger.plan
    title = old.title.replace(str(old.year), str(view.year))
    return title if title != old.title else f"{view.year}年{title}"


def to_tasks_yaml(view: Rollover) -> str:
    old = view.ledger.plan
    y, last = view.year, old.year
    lines = [
        f"# {_comment(new_title(view))} · 重点任务分解表",
        f"# 由 ledger rollover 从 {last} 年的台账生成(截至 {view.as_of.isoformat()})。",
        "# 照新一年的分解表加入章节和任务(也可用 ledger import 生成草稿再并入);",
        f"# 章节 {SECTION_ID}(回头看)是上一年未完成或逾期完成的条目:逐条决定保留还是删去,",
        "# 保留的核对责任单位和完成时间。印发后填写 doc_no 和 issued。改动后运行 `ledger check`。",
        "plan:",
        f"  title: {scalar(new_title(view))}",
    ]
    if old.issuer:
        lines.append(f"  issuer: {scalar(old.issuer)}")
    lines += [
        f"  # doc_no: XX府办发〔{y}〕X号  # 文号:印发后照原文件填写",
        f"  # issued: {y}-03-01  # 印发日期 YYYY-MM-DD",
        f"  year: {y}",
        *_default_deadline(view),
        f"  update_every: {old.update_every.value}",
        f"  warn_days: {old.warn_days}",
    ]
    if old.item_ids != ITEM_IDS_PREFIXED:
        lines.append(f"  item_ids: {old.item_ids}")
    if old.timezone != DEFAULT_TIMEZONE:
        lines.append(f"  timezone: {old.timezone}")
    if old.report_by is not ReportBy.ALL:
        lines.append(f"  report_by: {old.report_by.value}")
    if old.review != REVIEW_NONE:
        lines.append(f"  review: {old.review}")
    if old.review_days != DEFAULT_REVIEW_DAYS:
        lines.append(f"  review_days: {old.review_days}")
    if not view.tasks:
        lines += [
            "",
            f"# {last} 年的条目截至 {view.as_of.isoformat()} 都已按期完成或不涉及:没有回头看的条目。",
            "tasks: []",
        ]
        return "\n".join(lines) + "\n"
    lines += [
        "",
        "sections:",
        f"  - id: {SECTION_ID}",
        f"    title: {scalar(f'回头看:{last}年未完成和逾期完成的事项')}",
        "",
        "tasks:",
    ]
    for number, (task, carried) in enumerate(view.tasks):
        if number:
            lines.append("")
        lines += [
            f"  - id: {SECTION_ID}{task.id}",
            f"    section: {SECTION_ID}",
            f"    title: {scalar(task.title)}",
            *([f"    update_every: {task.update_every.value}"] if task.update_every else []),
            *([f"    report_by: {task.report_by.value}"] if task.report_by else []),
            "    items:",
        ]
        for one in carried:
            lines += _item(one, view, task)
    return "\n".join(lines) + "\n"


def _content(text: str) -> list[str]:
    """A multi-line content as a literal block (as `ledger import` and offices write it)."""
    return _multiline("content", text, " " * 8)


def _multiline(key: str, text: str, indent: str) -> list[str]:
    lines = text.split("\n")
    block = len(lines) > 1 and all(
        line == line.strip() and line.isprintable() and line for line in lines
    )
    if not block:
        return [f"{indent}{key}: {scalar(text)}"]
    return [f"{indent}{key}: |-", *(f"{indent}  {line}" for line in lines)]


def _default_deadline(view: Rollover) -> list[str]:
    """plan.default_deadline as written: it reads the new plan's year (年底前 is its year-end)."""
    force = view.ledger.plan.default_deadline
    return [] if force is None else [f"  default_deadline: {scalar(_comment(force.text))}"]


def _names(key: str, names: tuple[str, ...]) -> list[str]:
    if not names:
        return []
    return [f"        {key}: [{', '.join(scalar(name, flow=True) for name in names)}]"]


def _roles(one: Carried, view: Rollover, task: Task) -> list[str]:
    """lead, support and report_by, in fmt's key order. A `lead` item left with no lead is
    written `report_by: all`: it is read that way anyway, and check would warn (role-conflict)."""
    item = one.item
    wanted = item.report_by if one.leads else ReportBy.ALL
    inherited = task.report_by or view.ledger.plan.report_by
    by = [f"        report_by: {wanted.value}"] if wanted is not inherited else []
    return [*_names("lead", one.leads), *_names("support", one.support), *by]


def _schedule(one: Carried, task: Task) -> list[str]:
    """update_every (when the item's own) and the milestones not yet passed, re-dated."""
    every = one.item.update_every
    lines = [f"        update_every: {every.value}"] if every and every != task.update_every else []
    if one.milestones:
        lines.append("        milestones:")
    for deadline, what in one.milestones:
        lines.append(f"          - deadline: {scalar(_comment(deadline))}")
        lines += _multiline("what", what, " " * 12)
    return lines


def _item(one: Carried, view: Rollover, task: Task) -> list[str]:
    item = one.item
    deadline = item.deadline.text if item.deadline else "未写明"
    due = f"(应于 {one.due.isoformat()})" if one.due else ""
    what = "延期后的完成时间" if in_force(item, view.as_of).extension else "原完成时间"
    new = (
        f"{scalar(_comment(one.running))}  # {what},未到期"
        if one.running is not None
        else f"{view.year}年6月底前  # 回头看的完成时间:由办公室确定"
    )
    return [
        f"      # 回头看:原条目 {item.id},原完成时间“{_comment(deadline)}”{due};"
        f"截至 {view.as_of.isoformat()} 各单位的情况见 carried_from",
        f"      - id: {json.dumps(SECTION_ID + item.id, ensure_ascii=False)}",
        *_content(item.content),
        f"        owners: [{', '.join(scalar(name, flow=True) for name in one.owners)}]",
        *_roles(one, view, task),
        f"        deadline: {new}",
        *_schedule(one, task),
        *_carried_from(one, view),
    ]


def _carried_from(one: Carried, view: Rollover) -> list[str]:
    """The same provenance as the comment, as data (`carried_from`): show and export read it."""
    lines = [
        "        carried_from:",
        f"          year: {view.ledger.plan.year}",
        f"          item: {json.dumps(one.item.id, ensure_ascii=False)}",
        "          units:",
    ]
    for o in one.owed:
        lines += [f"            - unit: {scalar(o.unit)}", f"              state: {o.why}"]
        if o.completed_on is not None and o.why in (DONE_LATE, PENDING):
            lines.append(f"              completed: {o.completed_on.isoformat()}")
    return lines
