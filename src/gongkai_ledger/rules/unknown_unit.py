"""责任单位、牵头单位、单位组成员或进展文件中的单位不在单位名录中。

名称要与 `units.yaml` 中某个单位或单位组的 `name` 或 `aliases` 完全一致。
报告会提示最接近的名称。多个单位写在一个名称里(如 `[县财政局、县发改委]`)时,
提示改用英文逗号分隔:`[县财政局, 县发改委]`。
修正:改正错别字,或在 `units.yaml` 中登记该单位(或给它加别名)。
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.flowlist import flow_list, split_names
from ..core.model import Name
from ..core.problems import Level
from . import Finding
from .context import Context

ID = "unknown-unit"
LEVEL = Level.ERROR
NEEDS = frozenset({"units.yaml"})  # skipped when these files did not parse


def check(ctx: Context) -> Iterator[Finding]:
    names: list[tuple[str, Name]] = []
    for item in ctx.ledger.items():
        names.extend(("责任单位", owner) for owner in item.owners)
        names.extend(("牵头单位", lead) for lead in item.leads)
        names.extend(("配合单位", name) for name in item.support)
    for group in ctx.ledger.groups:
        names.extend((f"单位组“{group.name}”的成员", m) for m in group.members)
    for progress in ctx.ledger.progress:
        names.append(("进展文件的单位", progress.unit))
    for what, name in names:
        if ctx.registry.lookup(name.text) is None:
            yield name.source, f"未知{what}“{name.text}”", _hint(ctx, name.text)


def _hint(ctx: Context, text: str) -> str:
    parts = split_names(text)
    if len(parts) > 1 and any(ctx.registry.lookup(p) is not None for p in parts):
        return f"多个单位请分开写,用英文逗号“,”分隔:{flow_list(parts)}"
    return ctx.registry.hint(text)
