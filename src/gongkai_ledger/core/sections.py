"""The plan's sections as a tree: levels, labels as the document writes them, document order.

A section names its `parent` by id; one without a parent is at the top (level 1). A section
whose parent is unknown or whose parents go round in a circle is read as top-level here (the
section-parent rule reports it), so every view still shows every section exactly once.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .model import Section
from .record import record

_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (the numbering of a 公文, up to 99)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    if n >= 100:
        return str(n)
    return (_DIGITS[tens] if tens > 1 else "") + "十" + (_DIGITS[ones] if ones else "")


def derived_label(level: int, ordinal: int) -> str:
    """The numbering of a 公文 by level: 一、 then (一) then 1. (`ordinal` counts from 1)."""
    if level <= 1:
        return f"{chinese_number(ordinal)}、"
    if level == 2:
        return f"({chinese_number(ordinal)})"
    return f"{ordinal}."


def parent_ids(sections: Sequence[Section]) -> dict[str, str]:
    """Each section's parent id, "" for a top-level one (also for an unknown parent or a cycle)."""
    known = {s.id for s in sections}
    parents = {s.id: (s.parent if s.parent in known else "") for s in sections}
    for start in list(parents):
        seen = [start]
        up = parents[start]
        while up:
            if up in seen:  # a cycle: cut the link that closes it
                parents[seen[-1]] = ""
                break
            seen.append(up)
            up = parents[up]
    return parents


def in_cycle(sections: Sequence[Section]) -> list[Section]:
    """The sections whose parents lead back to themselves, in file order."""
    parent = {s.id: s.parent for s in sections}
    result = []
    for section in sections:
        seen: set[str] = set()
        up = section.parent
        while up in parent and up not in seen:
            if up == section.id:
                result.append(section)
                break
            seen.add(up)
            up = parent[up]
    return result


@record(slots=True)
class Placed:
    """A section where the document puts it."""

    section: Section
    level: int  # 1 at the top
    ordinal: int  # its place among its siblings, from 1
    label: str  # as written (`label`), else derived from its level and place


def document_order(sections: Sequence[Section]) -> list[Placed]:
    """Every section once, each followed by its parts, siblings in file order."""
    parents = parent_ids(sections)
    children: dict[str, list[Section]] = {}
    for section in sections:
        children.setdefault(parents[section.id], []).append(section)
    result: list[Placed] = []
    placed: set[str] = set()

    def siblings(parent: str) -> list[Section]:
        return [s for s in children.get(parent, []) if s.id not in placed]

    # an explicit stack, not recursion: a deep chain of parts must not hit the recursion limit
    stack: list[tuple[int, Iterator[tuple[int, Section]]]] = [(1, enumerate(siblings(""), 1))]
    while stack:
        level, pending = stack[-1]
        step = next(pending, None)
        if step is None:
            stack.pop()
            continue
        ordinal, section = step
        if section.id in placed:  # a duplicate id (the duplicate-id rule reports it)
            continue
        placed.add(section.id)
        label = section.label or derived_label(level, ordinal)
        result.append(Placed(section, level, ordinal, label))
        stack.append((level + 1, enumerate(siblings(section.id), 1)))
    return result
