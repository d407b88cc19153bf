"""办结审核记录(reviews.yaml)的日期晚于检查日期(默认今天,可用 `--as-of` 指定)。

尚未发生的审核不算数:截至检查日期,这条销号或退回还没有发生,条目照旧是“待审核”(或按原来的状态),
所以不报错也会被悄悄忽略。常见原因是年份或月份写错。
修正:改正日期;确是以后才审核的,到那天再写。
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.problems import Level
from . import Finding
from .context import Context

ID = "future-review"
LEVEL = Level.WARNING


def check(ctx: Context) -> Iterator[Finding]:
    for review in ctx.ledger.reviews:
        if review.date > ctx.as_of:
            result = "销号" if review.passed else "退回"
            yield (
                review.source,
                f"条目 {review.item} 的审核({review.unit.text},{result})日期 "
                f"{review.date.isoformat()} 晚于 {ctx.as_of.isoformat()},截至该日不算数",
                "请核对审核日期",
            )
