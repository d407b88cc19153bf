"""办结审核记录(reviews.yaml)指向的条目或单位不存在,或该单位不负责该条目。

reviews.yaml 中每条审核的 `item` 须是 tasks.yaml 中的条目编号,`unit` 须是单位名录中负责该条目的单位
(名称、别名或编号),审核的是这个单位对这个条目报的“已完成”。
修正:改正条目编号或单位名称,或删去这条审核。
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.problems import Level
from . import Finding
from .context import Context

ID = "review-target"
LEVEL = Level.ERROR


def check(ctx: Context) -> Iterator[Finding]:
    for review in ctx.ledger.reviews:
        item = ctx.items_by_id.get(review.item)
        if item is None:
            yield (
                review.source,
                f"审核的条目 {review.item} 不存在",
                "请核对 tasks.yaml 中的条目编号",
            )
            continue
        unit = ctx.registry.unit(review.unit.text)
        if unit is None:
            yield (review.unit.source, f"审核的单位“{review.unit.text}”不在单位名录中", "")
        elif all(u.id != unit.id for u in ctx.registry.owning_units(item)):
            yield (
                review.unit.source,
                f"{unit.name}不负责条目 {review.item},无从审核",
                "请核对条目的 owners 和 lead",
            )
