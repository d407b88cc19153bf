"""同一个映射中出现了重复的键。

YAML 读取时后一个会悄悄覆盖前一个,内容因此丢失。
修正:删除或合并重复的键。"""

from ..core.problems import Level

ID = "duplicate-key"
LEVEL = Level.ERROR
