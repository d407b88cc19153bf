"""单位或单位组的编号、名称、别名重复。

同一个名称指向两个单位时,无法判断责任归属。
修正:删除重复的单位,或去掉重复的别名。
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.model import Source
from ..core.problems import Level
from . import Finding
from .context import Context

ID = "duplicate-unit"
LEVEL = Level.ERROR


def check(ctx: Context) -> Iterator[Finding]:
    seen_ids: dict[str, Source] = {}
    for unit in ctx.ledger.units:
        source = unit.id_source or unit.source
        if unit.id in seen_ids:
            yield source, f"单位编号“{unit.id}”重复", f"第 {seen_ids[unit.id].line} 行已有"
        else:
            seen_ids[unit.id] = source
    seen: dict[str, tuple[str, Source]] = {}
    entries = [(u.name, u.aliases, u.source) for u in ctx.ledger.units]
    entries += [(g.name, g.aliases, g.source) for g in ctx.ledger.groups]
    for owner, aliases, source in entries:
        for name in dict.fromkeys((owner, *aliases)):
            if name in seen and seen[name][0] != owner:
                yield (
                    source,
                    f"名称“{name}”同时属于“{seen[name][0]}”和“{owner}”",
                    f"第 {seen[name][1].line} 行已有",
                )
            elif name in seen:
                yield source, f"名称“{name}”重复登记", f"第 {seen[name][1].line} 行已有"
            else:
                seen[name] = (owner, source)
