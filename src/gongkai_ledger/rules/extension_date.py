"""延期把完成时间提前了,或没有写明日期。

条目的 `extensions` 中,每次延期的 `deadline` 须是写明日期的完成时间(如 `2022年12月底前`),
且不早于它所替换的完成时间(原完成时间,或上一次延期的);提前完成时间不是延期,
应修改条目的 `deadline`。没写批准日期 `approved` 的延期由 `missing-key` 报告。
修正:改正延期后的完成时间,或删去这条延期。
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.problems import Level
from ..core.status import last_due
from . import Finding
from .context import Context

ID = "extension-date"
LEVEL = Level.ERROR


def check(ctx: Context) -> Iterator[Finding]:
    for item in ctx.ledger.items():
        replaced = item.deadline
        approved = [e for e in item.extensions if e.approved is not None]
        for ext in sorted(approved, key=lambda e: (e.approved, e.source)):
            where = ext.deadline_source or ext.source
            new, old = last_due(ext.deadline), last_due(replaced)
            if new is None:
                yield (
                    where,
                    f"条目 {item.id} 延期后的完成时间“{ext.deadline.text}”没有写明日期",
                    "请写明延期到哪一天,如 2022年12月底前",
                )
                continue
            if old is not None and new < old:
                yield (
                    where,
                    f"条目 {item.id} 的延期把完成时间从 {old.isoformat()} 提前到 {new.isoformat()}",
                    "延期不能提前完成时间;要提前请修改条目的 deadline",
                )
            replaced = ext.deadline
