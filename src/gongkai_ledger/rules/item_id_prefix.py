"""条目编号与所属任务不符。

条目编号应以任务编号加“.”开头,例如任务 5 的条目是 5.1、5.2……
修正:改正条目编号,或把条目移到正确的任务下。分解表的条目本不编号时,
在 plan 中写 `item_ids: free`,条目编号只须唯一,本规则不再检查。
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.model import ITEM_IDS_FREE
from ..core.problems import Level
from . import Finding
from .context import Context

ID = "item-id-prefix"
LEVEL = Level.ERROR


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.ledger.plan.item_ids == ITEM_IDS_FREE:
        return
    for task in ctx.ledger.tasks:
        prefix = f"{task.id}."
        for item in task.items:
            rest = item.id[len(prefix) :]
            if not item.id.startswith(prefix) or not rest:
                yield (
                    item.source,
                    f"条目编号“{item.id}”不属于任务 {task.id}",
                    f"应写成“{prefix}N”",
                )
