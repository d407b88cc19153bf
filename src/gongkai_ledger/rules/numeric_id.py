"""条目编号没有加引号,被 YAML 读成了数字。

`5.10` 会被读成 5.1,与条目 5.1 混淆。
修正:给编号加引号,写成 `id: "5.10"`(`ledger fmt` 会自动加)。"""

from ..core.problems import Level

ID = "numeric-id"
LEVEL = Level.ERROR
