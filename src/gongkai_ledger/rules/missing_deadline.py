"""条目没有完成时间。

条目和它所属的任务都没有写 `deadline`。
修正:在任务或条目上写 `deadline`;分解表没有“完成时间”一栏时,在 plan 中写
`default_deadline`(如 `年底前`),没写完成时间的条目都按它计。"""

from ..core.problems import Level

ID = "missing-deadline"
LEVEL = Level.ERROR
