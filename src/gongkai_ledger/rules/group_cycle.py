"""单位组直接或间接包含了自己。

例如“市政府各部门”的成员里有“各单位”,“各单位”的成员里又有“市政府各部门”。
修正:去掉造成循环的成员。
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.model import Group
from ..core.problems import Level
from . import Finding
from .context import Context

ID = "group-cycle"
LEVEL = Level.ERROR
SHOWN = 12  # names of a cycle shown in full


def check(ctx: Context) -> Iterator[Finding]:
    groups: dict[str, Group] = {}
    for group in ctx.ledger.groups:
        groups.setdefault(group.name, group)
    for cycle in ctx.registry.cycles():
        yield groups[cycle[0]].source, "单位组循环包含:" + _shown(cycle), "请去掉造成循环的成员"


def _shown(cycle: list[str]) -> str:
    """'甲 → 乙 → 甲'; a long cycle by its ends and its length, not thousands of names."""
    if len(cycle) <= SHOWN:
        return " → ".join(cycle)
    ends = [*cycle[: SHOWN // 2], "…", *cycle[-(SHOWN // 2) :]]
    return " → ".join(ends) + f"(共 {len(cycle) - 1} 个单位组)"
