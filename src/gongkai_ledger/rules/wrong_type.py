"""值的类型不对。

例如 `owners` 应为列表却写成了文本,`year` 应为整数。
修正:按报告的提示改写,例如 `owners: [市财政局]`。"""

from ..core.problems import Level

ID = "wrong-type"
LEVEL = Level.ERROR
