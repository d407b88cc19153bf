"""条目的分工自相矛盾:配合单位同时是责任单位或牵头单位,或 `report_by: lead` 却没有牵头单位。

配合单位(`support`)只列出、可报送,不计逾期;同一单位若也在 `owners` 或 `lead` 中,
它仍对条目负责,“配合”的写法不起作用。`report_by: lead`(只由牵头单位报告)要有 `lead`,
否则仍由全部责任单位报告。
修正:从 `support` 中去掉该单位,或给条目写上 `lead`(或去掉 `report_by: lead`)。
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.model import ReportBy
from ..core.problems import Level
from . import Finding
from .context import Context

ID = "role-conflict"
LEVEL = Level.WARNING


def check(ctx: Context) -> Iterator[Finding]:
    for item in ctx.ledger.items():
        owing = ctx.registry.owning_units(item)
        for name in item.support:
            both = [u.name for u in ctx.registry.expand(name.text) if u in owing]
            if both:
                yield (
                    name.source,
                    f"配合单位“{name.text}”中的{'、'.join(both)}也对条目 {item.id} 负责",
                    "同一单位只写在 owners/lead 或 support 之一",
                )
        if item.report_by is ReportBy.LEAD and not item.leads:
            yield (
                item.source,
                f"条目 {item.id} 只由牵头单位报告(report_by: lead),但没有牵头单位",
                "请写上 lead;此时仍由全部责任单位报告",
            )
