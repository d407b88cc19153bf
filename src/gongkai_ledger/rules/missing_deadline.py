"""条目没有完成时间。

条目和它所属的任务都没有写 `deadline`。
修正:在任务或条目上写 `deadline`。"""

from ..core.problems import Level

ID = "missing-deadline"
LEVEL = Level.ERROR
