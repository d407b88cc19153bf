"""文件太大,无法作为台账读取。

台账文件是手写的文本,一个文件通常只有几十 KB;超过上限(默认 64 MB)
或内容多到读取时内存不足的文件,多半是误提交的数据导出或二进制文件。
为了不拖垮检查机器,这样的文件不会被读取。
修正:删除或拆分该文件;确需读取更大的文件时,用 `ledger check --max-file-mb N` 调高上限。"""

from ..core.problems import Level

ID = "file-too-large"
LEVEL = Level.ERROR
