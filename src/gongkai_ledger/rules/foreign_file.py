"""台账文件不是仓库中的普通文件,因此不会被读取。

`tasks.yaml`、`units.yaml` 和 `progress/*.yaml` 必须是台账所在 git 仓库(不在仓库中时为台账目录)
里的普通文件。指向仓库之外的符号链接(如 `progress/leak.yaml -> /etc/passwd`)会把别处的文件
带进检查结果和 CI 注释,命名管道(FIFO)、设备文件(如 `/dev/zero`)会让读取卡住或耗尽内存,
所以都不读取,也不显示其内容。台账目录中名为 `progress` 的普通文件(而不是目录)也按此规则报告:
其中不会有任何进展被读取。
修正:删除该链接或特殊文件,改为仓库中的普通文件;`progress` 应是一个目录。"""

from ..core.problems import Level

ID = "foreign-file"
LEVEL = Level.ERROR
