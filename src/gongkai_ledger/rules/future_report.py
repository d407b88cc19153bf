"""进展日期晚于检查日期(默认今天,可用 `--as-of` 指定)。

尚未发生的进展不能报送;常见原因是年份或月份写错。
修正:改正日期。
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.problems import Level
from . import Finding
from .context import Context

ID = "future-report"
LEVEL = Level.ERROR


def check(ctx: Context) -> Iterator[Finding]:
    for progress in ctx.ledger.progress:
        for report in progress.reports:
            if report.date > ctx.as_of:
                yield (
                    report.date_source or report.source,
                    f"进展日期 {report.date.isoformat()} 晚于 {ctx.as_of.isoformat()}",
                    "",
                )
