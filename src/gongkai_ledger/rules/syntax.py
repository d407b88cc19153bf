"""YAML 语法错误。

文件无法按 YAML 解析,例如缩进不齐、引号或括号未闭合、
含冒号的文本没有加引号、一个文件里有多个 `---` 文档。
修正:按报告的行列修改;含“:”“#”等符号的文本请加引号。"""

from ..core.problems import Level

ID = "syntax"
LEVEL = Level.ERROR
