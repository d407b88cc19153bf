"""章节的 `parent` 不是已有的章节,或上下级绕成了圈。

`parent` 写上一级章节的编号(`sections` 中的 id),如 `parent: 一`;
章节不能是自己的上级,也不能经过别的章节回到自己。
修正:改成已有章节的编号;第一层的章节不写 `parent`。
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.problems import Level
from ..core.sections import in_cycle
from . import Finding
from .context import Context

ID = "section-parent"
LEVEL = Level.ERROR


def check(ctx: Context) -> Iterator[Finding]:
    sections = ctx.ledger.sections
    known = {s.id for s in sections}
    for section in sections:
        if section.parent and section.parent not in known:
            yield (
                section.parent_source or section.source,
                f"章节 {section.id} 的上级章节“{section.parent}”不存在",
                "已有章节:" + "、".join(sorted(known)),
            )
    for section in in_cycle(sections):
        yield (
            section.parent_source or section.source,
            f"章节 {section.id} 的上级章节绕回了自己",
            "检查这些章节的 parent,第一层的章节不写 parent",
        )
