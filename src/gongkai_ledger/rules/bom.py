"""文件以 BOM(字节顺序标记)开头。

UTF-8 文件不需要 BOM,有些工具会把它当成文本的一部分。
修正:另存为“UTF-8(无 BOM)”,或运行 `ledger fmt`。"""

from ..core.problems import Level

ID = "bom"
LEVEL = Level.WARNING
