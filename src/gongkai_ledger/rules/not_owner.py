"""单位对一个不由它负责的条目报送了进展。

一个单位只对自己直接负责、或通过单位组(如“市政府各部门”)负责的条目报送进展;
牵头单位(`lead`)和配合单位(`support`)也可报送。
修正:检查条目编号是否写错;若分工有变,先修改 `tasks.yaml` 的 `owners`。
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.problems import Level
from . import Finding
from .context import Context

ID = "not-owner"
LEVEL = Level.ERROR
NEEDS = frozenset({"tasks.yaml", "units.yaml"})  # skipped when these files did not parse


def check(ctx: Context) -> Iterator[Finding]:
    for progress in ctx.ledger.progress:
        unit = ctx.registry.unit(progress.unit.text)
        if unit is None:
            continue
        for report in progress.reports:
            item = ctx.items_by_id.get(report.item)
            if item is not None and not ctx.registry.may_report(unit, item):
                owners = "、".join(o.text for o in item.owners)
                yield (
                    report.item_source or report.source,
                    f"{unit.name}不是条目 {item.id} 的责任单位",
                    f"责任单位:{owners}",
                )
