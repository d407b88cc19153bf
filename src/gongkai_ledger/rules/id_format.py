"""章节、任务或条目编号的写法不对。

编号出现在通报、PR 评论、导出表格和文件名中,只能由 ASCII 数字、字母
和中文数字(〇一二三四五六七八九十百千零)组成,各段之间用 `.`、`-` 或 `_`
连接,最长 32 个字符,例如 `5`、`5.1`、`5.1a`、`一`、`十二`。
编号中的空格、换行、括号、`|`、`#`、链接等都会被拒绝。
修正:按分解表的编号改写,如把“(一)”写成 `一`,把“5.1 (新增)”写成 `5.1`。
"""

from __future__ import annotations

from ..core.lazyre import lazy
from ..core.problems import Level

ID = "id-format"
LEVEL = Level.ERROR

MAX_LENGTH = 32
_SEGMENT = "[0-9A-Za-z〇一二三四五六七八九十百千零]+"
PATTERN = lazy(f"{_SEGMENT}(?:[._-]{_SEGMENT})*")


def well_formed(ident: str) -> bool:
    return len(ident) <= MAX_LENGTH and PATTERN.fullmatch(ident) is not None
