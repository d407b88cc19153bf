"""进展文件放错了位置:文件名与其中的 `unit` 不符。

每个单位的进展只写在 `progress/<单位编号>.yaml` 中,例如市财政局写在
`progress/czj.yaml`,这样每个单位只改自己的文件,代码评审也能按文件分工。
修正:把报告移到本单位的文件,或改正 `unit`。
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from ..core.model import Group
from ..core.problems import Level
from . import Finding
from .context import Context

ID = "progress-file"
LEVEL = Level.ERROR
NEEDS = frozenset({"units.yaml"})  # skipped when these files did not parse


def check(ctx: Context) -> Iterator[Finding]:
    for progress in ctx.ledger.progress:
        unit = ctx.registry.lookup(progress.unit.text)
        stem = PurePosixPath(progress.path).stem
        if unit is None:
            continue  # unknown-unit says it
        if isinstance(unit, Group):
            yield progress.unit.source, f"“{progress.unit.text}”是单位组,进展应由各成员单位填报", ""
            continue
        if stem != unit.id:
            yield (
                progress.unit.source,
                f"“{progress.unit.text}”的进展应写在 progress/{unit.id}.yaml,"
                f"不应写在 {PurePosixPath(progress.path).name}",
                "",
            )
