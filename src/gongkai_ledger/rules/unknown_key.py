"""未知的键。

键名拼写错误时,这一项内容会被忽略。报告会提示最接近的合法键名。
修正:改成正确的键名(见 README 中的文件格式)。"""

from ..core.problems import Level

ID = "unknown-key"
LEVEL = Level.ERROR
