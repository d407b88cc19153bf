"""缺少必填的键。

例如任务缺少 `title`、条目缺少 `owners`、进展缺少 `date`。
修正:补上该键。"""

from ..core.problems import Level

ID = "missing-key"
LEVEL = Level.ERROR
