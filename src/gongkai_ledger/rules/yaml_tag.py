"""使用了 YAML 标签(如 `!!python/object`)。

台账只接受普通的文本、数字、日期、列表和映射,标签不会被执行,
而是作为错误报告。修正:删除标签。"""

from ..core.problems import Level

ID = "yaml-tag"
LEVEL = Level.ERROR
