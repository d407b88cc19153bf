"""任务没有条目,或条目没有责任单位。

分解表中每个任务至少有一个条目,每个条目至少有一个责任单位,
否则没人对它负责。修正:补上条目或 `owners`。
"""

from ..core.problems import Level

ID = "no-owner"
LEVEL = Level.ERROR
