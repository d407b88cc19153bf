"""日期不存在或格式不对。

例如 `2022-02-30`、`2022年13月`。日期写成 `YYYY-MM-DD`。
修正:改成真实存在的日期。"""

from ..core.problems import Level

ID = "impossible-date"
LEVEL = Level.ERROR
