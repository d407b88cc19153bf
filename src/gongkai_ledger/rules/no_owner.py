"""任务没有条目,或条目没有责任单位。

分解表中每个任务至少有一个条目,每个条目至少有一个责任单位,
否则没人对它负责。修正:补上条目或 `owners`。
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import Context
from ..problems import Level
from . import Finding

ID = "no-owner"
LEVEL = Level.ERROR


def check(ctx: Context) -> Iterator[Finding]:
    for task in ctx.ledger.tasks:
        if not task.items:
            yield task.source, f"任务 {task.id} 没有条目", ""
        for item in task.items:
            if not item.owners:
                yield item.source, f"条目 {item.id} 没有责任单位", ""
