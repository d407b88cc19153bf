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
            "    items:",
        ]
        for one in carried:
            lines += _item(one, view)
    return "\n".join(lines) + "\n"


def _content(text: str) -> list[str]:
    """A multi-line content as a literal block (as `ledger import` and offices write it)."""
    lines = text.split("\n")
    block = len(lines) > 1 and all(
        line == line.strip() and line.isprintable() and line for line in lines
    )
    if not block:
        return [f"        content: {scalar(text)}"]
    return ["        content: |-", *(f"          {line}" for line in lines)]


def _item(one: Carried, view: Rollover) -> list[str]:
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
        f"        deadline: {new}",
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
