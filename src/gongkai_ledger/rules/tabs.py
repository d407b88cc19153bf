"""缩进中使用了制表符(Tab)。

YAML 只允许用空格缩进,制表符会让文件无法解析。
修正:把行首的制表符换成空格(每级两个空格)。"""

from ..core.problems import Level

ID = "tabs"
LEVEL = Level.ERROR
