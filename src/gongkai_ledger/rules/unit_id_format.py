"""单位编号不是小写 ASCII。

单位编号用作进展文件名(`progress/<编号>.yaml`)和链接,
只能由小写字母、数字、`-`、`_` 组成,并以字母或数字开头,例如 `czj`。
修正:改成拼音缩写等 ASCII 编号(同时重命名其进展文件)。
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import Context
from ..model import UNIT_ID
from ..problems import Level
from . import Finding

ID = "unit-id-format"
LEVEL = Level.ERROR


def check(ctx: Context) -> Iterator[Finding]:
    for unit in ctx.ledger.units:
        if not UNIT_ID.fullmatch(unit.id):
            yield (
                unit.id_source or unit.source,
                f"单位编号“{unit.id}”不是小写 ASCII",
                "例如 czj、fgw",
            )
