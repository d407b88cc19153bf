"""使用了 YAML 锚点(`&`)或别名(`*`)。

台账要让每个人直接读懂每一行,不允许引用别处的内容;
别名也可能被用来构造指数膨胀的“十亿笑声”文件。
修正:把被引用的内容直接写出来。"""

from ..core.problems import Level

ID = "anchor"
LEVEL = Level.ERROR
