"""文件不是 UTF-8 编码。

常见于 Windows 记事本或 WPS 以 GBK(ANSI)或 UTF-16 保存的文件。
报告指出第一个无法按 UTF-8 解读的字节所在的行和列。
文件中含有不可见的控制字符(如 NUL,常见于二进制文件或没有 BOM 的 UTF-16 文件)
也按此规则报告。
修正:用编辑器“另存为”UTF-8(无 BOM)编码。"""

from ..core.problems import Level

ID = "encoding"
LEVEL = Level.ERROR
