"""状态为“已完成”却没有佐证材料(警告)。

已完成的事项应附上公开的网址或文件,便于核查,例如 `evidence: [https://……]`。
这是警告:只有 `ledger check --strict` 会因此失败。
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.model import Status
from ..core.problems import Level
from . import Finding
from .context import Context

ID = "no-evidence"
LEVEL = Level.WARNING


def check(ctx: Context) -> Iterator[Finding]:
    for progress in ctx.ledger.progress:
        for report in progress.reports:
            if report.status is Status.DONE and not report.evidence:
                yield (
                    report.status_source or report.source,
                    f"条目 {report.item} 标为“已完成”但没有佐证材料",
                    "请补上 evidence",
                )
