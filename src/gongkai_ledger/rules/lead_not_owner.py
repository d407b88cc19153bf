"""牵头单位不在条目的责任单位中。

`lead` 应是 `owners` 中的一个单位(直接或通过单位组)。
修正:把牵头单位加入 `owners`,或改正 `lead`。
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.problems import Level
from . import Finding
from .context import Context

ID = "lead-not-owner"
LEVEL = Level.WARNING


def check(ctx: Context) -> Iterator[Finding]:
    for item in ctx.ledger.items():
        if item.lead is None:
            continue
        lead = ctx.registry.unit(item.lead.text)
        if lead is not None and not ctx.registry.owns(lead, item):
            yield item.lead.source, f"牵头单位“{item.lead.text}”不是条目 {item.id} 的责任单位", ""
