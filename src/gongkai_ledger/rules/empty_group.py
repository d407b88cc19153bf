"""单位组没有成员单位。

`members` 为空(或只含同样没有成员的单位组)的单位组不代表任何单位:只由它负责的条目
没人负责,却会被算作已完成。
修正:在 `members` 中列出成员单位,或在条目的 `owners` 中改写具体单位。
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.problems import Level
from . import Finding
from .context import Context

ID = "empty-group"
LEVEL = Level.ERROR


def check(ctx: Context) -> Iterator[Finding]:
    in_cycle = {name for cycle in ctx.registry.cycles() for name in cycle}  # group-cycle's
    for group in ctx.ledger.groups:
        if group.name in in_cycle or ctx.registry.lookup(group.name) is not group:
            continue
        if any(ctx.registry.lookup(m.text) is None for m in group.members):
            continue  # unknown-unit reports the member
        if not ctx.registry.expand(group.name):
            yield group.source, f"单位组“{group.name}”没有成员单位", "请在 members 中列出成员单位"
