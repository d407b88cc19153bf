"""状态为“不涉及”却没有写理由。

集体责任单位(如“各乡(镇、处)”)中与某条目无关的成员,用“不涉及”说明,
但必须在 `reason` 中写明理由,避免任何单位被悄悄略过。
修正:补上 `reason: ……`。
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.model import Status
from ..core.problems import Level
from . import Finding
from .context import Context

ID = "na-reason"
LEVEL = Level.ERROR


def check(ctx: Context) -> Iterator[Finding]:
    for progress in ctx.ledger.progress:
        for report in progress.reports:
            if report.status is Status.NOT_APPLICABLE and not report.reason:
                yield (
                    report.status_source or report.source,
                    f"条目 {report.item} 标为“不涉及”但没有写理由",
                    "请补上 reason",
                )
