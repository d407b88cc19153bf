"""直接承担条目的单位报了“不涉及”。

“不涉及”用于单位组(如“各乡(镇、处)”)中与条目无关的成员;条目的 `owners` 或 `lead`
直接点名的单位报“不涉及”,等于把自己的任务放下了。这只是警告:通报中该单位标注
“(本单位直接承担,报不涉及)”。
条目写了 `report_by: lead`(由牵头部门负责报告)时,牵头单位代表整个条目报送,它报的“不涉及”
**不算数**:条目不因此完成,仍按其他进展计算(可能逾期)。
修正:如分工确有变化,修改 `tasks.yaml` 的 `owners`;否则报送实际进展。
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.model import Status
from ..core.problems import Level
from ..core.status import lead_reports_for_all
from . import Finding
from .context import Context

ID = "direct-na"
LEVEL = Level.WARNING
NEEDS = frozenset({"tasks.yaml", "units.yaml"})  # skipped when these files did not parse


def check(ctx: Context) -> Iterator[Finding]:
    for progress in ctx.ledger.progress:
        unit = ctx.registry.unit(progress.unit.text)
        if unit is None:
            continue
        for report in progress.reports:
            item = ctx.items_by_id.get(report.item)
            if report.status is not Status.NOT_APPLICABLE or item is None:
                continue
            if lead_reports_for_all(item) and unit in ctx.registry.owning_units(item):
                yield (
                    report.status_source or report.source,
                    f"条目 {item.id} 由牵头单位负责报告(report_by: lead),"
                    f"{unit.name}报的“不涉及”不算数,条目不因此完成",
                    "请报送实际进展;确不涉及的,请修改 tasks.yaml 的 lead、owners 或 report_by",
                )
            elif ctx.registry.named(item, unit):
                yield (
                    report.status_source or report.source,
                    f"{unit.name}直接承担条目 {item.id},却报了“不涉及”",
                    "直接点名的单位不宜报不涉及;分工有变请修改 owners",
                )
