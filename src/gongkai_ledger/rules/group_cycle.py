"""单位组直接或间接包含了自己。

例如“市政府各部门”的成员里有“各单位”,“各单位”的成员里又有“市政府各部门”。
修正:去掉造成循环的成员。
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import Context
from ..model import Group
from ..problems import Level
from . import Finding

ID = "group-cycle"
LEVEL = Level.ERROR


def check(ctx: Context) -> Iterator[Finding]:
    reported: set[frozenset[str]] = set()
    for group in ctx.ledger.groups:
        cycle = _cycle_from(ctx, group, [group.name])
        if cycle and frozenset(cycle) not in reported:
            reported.add(frozenset(cycle))
            yield group.source, "单位组循环包含:" + " → ".join(cycle), "请去掉造成循环的成员"


def _cycle_from(ctx: Context, group: Group, path: list[str]) -> list[str] | None:
    for member in group.members:
        found = ctx.registry.lookup(member.text)
        if not isinstance(found, Group):
            continue
        if found.name == path[0]:
            return [*path, found.name]
        if found.name in path:
            continue  # a cycle, but not through the group we started from
        cycle = _cycle_from(ctx, found, [*path, found.name])
        if cycle:
            return cycle
    return None
