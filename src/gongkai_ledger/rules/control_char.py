"""文本中有控制字符、分隔符、双向控制符或零宽字符。

这些字符看不见,却会改变文字的显示或含义:换行符能在通报、PR 评论和
CODEOWNERS 中伪造出新的一行,转义符(ESC)能改写终端的标题、清屏,
双向覆盖符能让文字倒着显示,零宽空格、软连字符、标签字符(U+E0000–U+E007F)
等格式字符和韩文填充符、盲文空白等空白字符让两个看起来相同的名称并不相同,
还能藏进看不见的文字。
从 Word、网页或聊天软件复制的文字常带有行分隔符 U+2028、下一行符 U+0085
或零宽空格;YAML 把 U+2028、U+2029、U+0085 当作换行,文件此后的行号会与
编辑器不一致,所以无论它们出现在哪里都报告。

名称、编号、标题、状态等单行文本不能含任何控制字符(包括换行符和制表符);
条目内容、进展摘要、理由等多行文本可以换行,但不能含其他控制字符。
报告指出字符在编辑器中的行和列,以及它的 Unicode 编码和名称。
修正:删除该字符(在编辑器中把光标移到报告的位置,按退格键);
复制来的文字请以“纯文本”方式粘贴。"""

from __future__ import annotations

import unicodedata

from ..core.lazyre import lazy
from ..core.problems import Level

ID = "control-char"
LEVEL = Level.ERROR

# Characters YAML (libyaml) reads as line breaks although editors do not.
YAML_ONLY_BREAKS = frozenset("\x85\u2028\u2029")

_NAMES = {
    "\t": "制表符",
    "\n": "换行符",
    "\r": "回车符",
    "\x00": "空字符(NUL)",
    "\x07": "响铃符(BEL)",
    "\x08": "退格符",
    "\x1b": "转义符(ESC)",
    "\x7f": "删除符(DEL)",
    "\x85": "下一行符(NEL)",
    "\u2028": "行分隔符",
    "\u2029": "段分隔符",
    "\u202a": "双向嵌入符(从左到右)",
    "\u202b": "双向嵌入符(从右到左)",
    "\u202c": "双向格式结束符",
    "\u202d": "双向覆盖符(从左到右)",
    "\u202e": "双向覆盖符(从右到左)",
    "\u2066": "双向隔离符(从左到右)",
    "\u2067": "双向隔离符(从右到左)",
    "\u2068": "双向隔离符(首字符方向)",
    "\u2069": "双向隔离结束符",
    "\u200e": "从左到右标记",
    "\u200f": "从右到左标记",
    "\u061c": "阿拉伯字母标记",
    "\u200b": "零宽空格",
    "\u200c": "零宽不连字",
    "\u200d": "零宽连字",
    "\u2060": "零宽词连接符",
    "\ufeff": "零宽不换行空格(BOM)",
    "\u00ad": "软连字符",
    "\u034f": "组合用字形连接符",
    "\u115f": "韩文填充符",
    "\u1160": "韩文元音填充符",
    "\u3164": "韩文填充符",
    "\uffa0": "半角韩文填充符",
    "\u2800": "盲文空白",
    "\u180e": "蒙古文元音分隔符",
    "\ufff9": "行间注释符",
    "\ufffa": "行间注释符",
    "\ufffb": "行间注释符",
    "\ufffe": "非字符",
    "\uffff": "非字符",
}


def char_name(char: str) -> str:
    """The character's Chinese name, for a message: “零宽空格”."""
    if char in _NAMES:
        return _NAMES[char]
    if "\ud800" <= char <= "\udfff":
        return "无效字符(不是 UTF-8 文本的字节)"
    if char < "\x20":
        return "控制字符"
    if "\U000e0000" <= char <= "\U000e007f":
        return "标签字符"
    if unicodedata.category(char) == "Cf":
        return "格式字符"
    return "C1 控制字符" if "\x80" <= char <= "\x9f" else "不可见字符"


def describe(char: str) -> str:
    """“零宽空格 U+200B”."""
    return f"{char_name(char)} U+{ord(char):04X}"


def forbidden(char: str, *, multiline: bool = False) -> bool:
    """Whether `char` may not appear in a name or text field of the ledger."""
    if char == "\n":
        return not multiline
    if char in _NAMES:
        return True
    category = unicodedata.category(char)
    return category in ("Cc", "Cf", "Cs") or (category == "Cn" and ord(char) & 0xFFFE == 0xFFFE)


# Printable to Python, but blank: fillers and blanks that make two names look the same.
_BLANKS = lazy("[\u034f\u115f\u1160\u2800\u3164\uffa0]")


def suspect(text: str) -> bool:
    """False when `text` surely holds no character that `forbidden` refuses (a fast path)."""
    return not text.isprintable() or _BLANKS.search(text) is not None


def first_forbidden(text: str, *, multiline: bool = False) -> int | None:
    """The index of the first character of `text` that `forbidden` refuses, or None."""
    if not suspect(text):
        return None
    for index, char in enumerate(text):
        if forbidden(char, multiline=multiline):
            return index
    return None
