"""文本没有加引号,别的 YAML 工具会把它读成数字或日期。

本工具把 `deadline: 2023.06` 读作文本“2023.06”,但 Python 的 PyYAML、JSON Schema 校验器等
别的 YAML 读取工具把它读成小数 2023.06(`2023.10` 更会读成 2023.1),`2022-06-30` 读成日期,
`0o17` 在 YAML 1.2 的工具中读成数字 15:导出给别的系统或按 `ledger schema` 校验时就不对了。
这只是警告。
修正:给文本加引号,写成 `deadline: "2023.06"`(`ledger fmt` 会自动加)。"""

from ..core.problems import Level

ID = "unquoted-text"
LEVEL = Level.WARNING
