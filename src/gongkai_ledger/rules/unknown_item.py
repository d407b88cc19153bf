"""进展报告引用了不存在的条目编号。

修正:改成 `tasks.yaml` 中已有的条目编号,例如 `"5.1"`。
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.problems import Level
from ..core.registry import did_you_mean, suggest_item
from . import Finding
from .context import Context

ID = "unknown-item"
LEVEL = Level.ERROR
NEEDS = frozenset({"tasks.yaml"})  # skipped when these files did not parse


def check(ctx: Context) -> Iterator[Finding]:
    hints: dict[str, str] = {}
    for progress in ctx.ledger.progress:
        for report in progress.reports:
            if report.item not in ctx.items_by_id:
                if report.item not in hints:
                    hints[report.item] = did_you_mean(suggest_item(report.item, ctx.items_by_id))
                yield (
                    report.item_source or report.source,
                    f"未知条目“{report.item}”",
                    hints[report.item],
                )
