"""章节、任务或条目的编号重复。

编号是进展文件、报告和链接引用条目的依据,必须唯一。
修正:改正其中一个编号。
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.model import Source
from ..core.problems import Level
from . import Finding
from .context import Context

ID = "duplicate-id"
LEVEL = Level.ERROR


def check(ctx: Context) -> Iterator[Finding]:
    ledger = ctx.ledger
    groups: list[tuple[str, list[tuple[str, Source]]]] = [
        ("章节", [(s.id, s.source) for s in ledger.sections]),
        ("任务", [(t.id, t.source) for t in ledger.tasks]),
        ("条目", [(i.id, i.source) for i in ledger.items()]),
    ]
    for what, entries in groups:
        first: dict[str, Source] = {}
        for ident, source in entries:
            if ident in first:
                yield source, f"{what}编号“{ident}”重复", f"第 {first[ident].line} 行已有"
            else:
                first[ident] = source
