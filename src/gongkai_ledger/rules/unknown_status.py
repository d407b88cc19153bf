"""进展状态不是规定的四种之一。

状态只能是 `未启动`、`推进中`、`已完成`、`不涉及`。
修正:改成其中之一。"""

from ..core.problems import Level

ID = "unknown-status"
LEVEL = Level.ERROR
