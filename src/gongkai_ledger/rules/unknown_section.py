"""任务的 `section` 不是 `sections` 中列出的章节。

不写 `section` 的任务不是错误:有的分解表中有不属于任何一部分的任务,通报把它们列在最后的
“其他任务”中。

修正:改成已有章节的编号(如 `一`),或在 `sections` 中补上该章节。
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.problems import Level
from . import Finding
from .context import Context

ID = "unknown-section"
LEVEL = Level.ERROR


def check(ctx: Context) -> Iterator[Finding]:
    known = {s.id for s in ctx.ledger.sections}
    for task in ctx.ledger.tasks:
        if not known:
            return
        if task.section and task.section not in known:
            yield (
                task.section_source or task.source,
                f"未知章节“{task.section}”",
                "已有章节:" + "、".join(sorted(known)),
            )
