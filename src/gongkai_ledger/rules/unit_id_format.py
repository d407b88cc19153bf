"""单位编号不是小写 ASCII。

单位编号用作进展文件名(`progress/<编号>.yaml`)和链接,
只能由小写字母、数字、`-`、`_` 组成,并以字母或数字开头,例如 `czj`。
Windows 不允许的文件名(`con`、`prn`、`aux`、`nul`、`com1`…`com9`、`lpt1`…`lpt9`)也不能用作编号,
否则 `progress/con.yaml` 在 Windows 上无法检出。
修正:改成拼音缩写等 ASCII 编号(同时重命名其进展文件)。
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.lazyre import lazy
from ..core.model import UNIT_ID
from ..core.problems import Level
from . import Finding
from .context import Context

ID = "unit-id-format"
LEVEL = Level.ERROR

# File names Windows reserves for devices, whatever the extension: progress/con.yaml cannot exist.
WINDOWS_RESERVED = lazy(r"(con|prn|aux|nul|com[1-9]|lpt[1-9])")


def check(ctx: Context) -> Iterator[Finding]:
    for unit in ctx.ledger.units:
        if not UNIT_ID.fullmatch(unit.id):
            yield (
                unit.id_source or unit.source,
                f"单位编号“{unit.id}”不是小写 ASCII",
                "例如 czj、fgw",
            )
        elif WINDOWS_RESERVED.fullmatch(unit.id):
            yield (
                unit.id_source or unit.source,
                f"单位编号“{unit.id}”是 Windows 保留的设备名,progress/{unit.id}.yaml 在 Windows 上无法检出",
                "请换一个拼音缩写编号",
            )
