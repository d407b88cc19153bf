"""All YAML reading, configured in one place.

Reading uses libyaml (PyYAML's C parser) to *compose* a node tree: every node
keeps its position, nothing is constructed, so no tag is ever executed and an
alias bomb is refused before anything expands. Round-trip writing (which must
keep comments) lives in `edit.py` and uses ruamel.yaml.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import Node

from .model import Source
from .problems import Problem
from .rules import anchor, bom, encoding, make, syntax, tabs

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml: slower, same results
    _Loader = yaml.SafeLoader

_UTF16_32_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)

# libyaml's messages, in the words an office user knows.
_SYNTAX_ZH = {
    "mapping values are not allowed in this context": (
        "此处不能出现“键: 值”;请检查缩进,或给含冒号的文本加引号"
    ),
    "found character that cannot start any token": (
        "出现了不能作为 YAML 内容开头的字符(如制表符、@、`),请加引号或删除"
    ),
    "could not find expected ':'": "找不到应有的冒号“:”,请检查这一行是否写成了“键: 值”",
    "did not find expected key": "此处应为“键: 值”,请检查缩进是否与上下文对齐",
    "did not find expected '-' indicator": "此处应为列表项“- ”,请检查缩进",
    "did not find expected node content": "此处缺少内容",
    "found unexpected end of stream": "文件意外结束:引号或括号没有闭合",
    "did not find expected ',' or ']'": "方括号列表缺少“,”或“]”",
    "did not find expected ',' or '}'": "花括号映射缺少“,”或“}”",
    "control characters are not allowed": "文件含有不允许的控制字符,可能不是文本文件",
    "expected a single document in the stream": "一个文件只能有一个 YAML 文档,请删除多余的“---”",
    "found unknown escape character": "双引号文本中有无法识别的转义符“\\”",
    "found a tab character that violates indentation": "缩进中出现了制表符",
    "found a tab character where an indentation space is expected": "缩进中出现了制表符",
    "found unexpected ':'": "出现了多余的冒号“:”,含冒号的文本请加引号",
    "block sequence entries are not allowed in this context": (
        "此处不能开始列表项“- ”,请检查缩进或在上一行的冒号后换行"
    ),
}


_UNCLOSED = ("while parsing a flow", "while scanning a quoted scalar")


@dataclass(frozen=True)
class Document:
    """A composed YAML document, its decoded text, and the problems met reading it."""

    node: Node | None
    text: str
    problems: tuple[Problem, ...]


def position(path: str, node: Node) -> Source:
    return Source(path, node.start_mark.line + 1, node.start_mark.column + 1)


def read_document(path: Path, shown: str) -> Document:
    """Read one ledger file. OSError propagates: the caller decides how fatal it is."""
    return parse_document(path.read_bytes(), shown)


def parse_document(data: bytes, shown: str) -> Document:
    problems: list[Problem] = []
    text = _decode(data, shown, problems)
    if text is None:
        return Document(None, "", tuple(problems))
    tab_lines = _find_indent_tabs(text, shown, problems)
    if ("&" in text or "*" in text) and _has_anchors(text, shown, problems, tab_lines):
        return Document(None, text, tuple(problems))
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as error:
        _syntax_problem(error, shown, problems, tab_lines)
        return Document(None, text, tuple(problems))
    except RecursionError:
        problems.append(make(syntax, Source(shown, 1, 1), "文件嵌套层级过深,无法读取"))
        return Document(None, text, tuple(problems))
    return Document(node, text, tuple(problems))


def _decode(data: bytes, shown: str, problems: list[Problem]) -> str | None:
    for mark, name in _UTF16_32_BOMS:
        if data.startswith(mark):
            problems.append(
                make(
                    encoding,
                    Source(shown, 1, 1),
                    f"文件是 {name} 编码,不是 UTF-8",
                    hint="请用编辑器另存为 UTF-8(无 BOM)",
                )
            )
            return None
    if data.startswith(codecs.BOM_UTF8):
        problems.append(
            make(
                bom,
                Source(shown, 1, 1),
                "文件以 UTF-8 BOM 开头",
                hint="请另存为 UTF-8(无 BOM),或运行 ledger fmt",
            )
        )
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start].decode("utf-8", errors="replace")
        line = before.count("\n") + 1
        col = len(before) - (before.rfind("\n") + 1) + 1
        guess = "GBK" if _decodes_as(data, "gbk") else "未知编码"
        problems.append(
            make(
                encoding,
                Source(shown, line, col),
                f"文件不是 UTF-8 编码(看起来是 {guess})",
                hint="请用编辑器另存为 UTF-8(无 BOM)",
            )
        )
        return None


def _decodes_as(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def _find_indent_tabs(text: str, shown: str, problems: list[Problem]) -> set[int]:
    lines: set[int] = set()
    if "\t" not in text:
        return lines
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip(" \t")
        indent = line[: len(line) - len(stripped)]
        if "\t" in indent and stripped and not stripped.startswith("#"):
            lines.add(number)
            problems.append(
                make(
                    tabs,
                    Source(shown, number, indent.index("\t") + 1),
                    "缩进中使用了制表符(Tab)",
                    hint="请改用空格缩进",
                )
            )
    return lines


def _has_anchors(text: str, shown: str, problems: list[Problem], tab_lines: set[int]) -> bool:
    found = False
    try:
        for event in yaml.parse(text, Loader=_Loader):
            mark = event.start_mark
            where = Source(shown, mark.line + 1, mark.column + 1) if mark else Source(shown, 1, 1)
            if isinstance(event, yaml.AliasEvent):
                found = True
                problems.append(
                    make(
                        anchor,
                        where,
                        f"不允许使用别名“*{event.anchor}”",
                        hint="请把被引用的内容直接写出来",
                    )
                )
            elif name := getattr(event, "anchor", None):
                found = True
                problems.append(
                    make(
                        anchor, where, f"不允许使用锚点“&{name}”", hint="请把被引用的内容直接写出来"
                    )
                )
    except yaml.YAMLError as error:
        _syntax_problem(error, shown, problems, tab_lines)
        return True
    return found


def _syntax_problem(
    error: yaml.YAMLError, shown: str, problems: list[Problem], tab_lines: set[int]
) -> None:
    problem = (getattr(error, "problem", None) or str(error)).strip()
    context = getattr(error, "context", None) or ""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    opened = getattr(error, "context_mark", None)
    if opened is not None and context.startswith(_UNCLOSED):
        # libyaml notices an unclosed bracket or quote lines later; the mistake is where it opened.
        tab_line = mark is not None and mark.line + 1 in tab_lines
        mark = None if tab_line else opened
        if mark is None:
            return
        message = "引号没有闭合" if "quoted" in context else "方括号或花括号没有闭合"
    else:
        message = _SYNTAX_ZH.get(problem) or (
            f"YAML 语法错误:{problem}" + (f"({context})" if context else "")
        )
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    if line in tab_lines:
        return  # already reported, better, as a tab
    problems.append(make(syntax, Source(shown, line, col), message))
