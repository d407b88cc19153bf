"""All YAML reading, configured in one place.

Reading uses libyaml (PyYAML's C parser) to *compose* a node tree: every node
keeps its position, nothing is constructed, so no tag is ever executed and an
alias bomb is refused before anything expands. Round-trip writing (which must
keep comments) lives in `splice.py` and `fmt.py` and uses ruamel.yaml; its
writer is configured here too (`round_trip`), as are the scanner and the
one-scalar reader they use (`scan`, `compose`, `scalar_value`).
"""

from __future__ import annotations

import bisect
import codecs
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import Node

from ..core.model import Source
from ..core.problems import Problem
from ..core.record import record
from ..rules import (
    anchor,
    bom,
    control_char,
    encoding,
    file_too_large,
    foreign_file,
    indent_space,
    make,
    syntax,
    tabs,
)

try:
    _Base: Any = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml: slower, same results
    _Base = yaml.SafeLoader


# SafeLoader's implicit resolvers by a plain scalar's first character, in its order: its own,
# then those for any character; an empty scalar has those for "" first.
_RESOLVERS = _Base.yaml_implicit_resolvers
_WILDCARD = tuple(_RESOLVERS.get(None, ()))
_BY_FIRST = {first: (*found, *_WILDCARD) for first, found in _RESOLVERS.items() if first}
_EMPTY = (*_RESOLVERS.get("", ()), *_WILDCARD)


class _Loader(_Base):  # type: ignore[misc]
    """The safe loader, resolving tags as it does, in a few steps instead of many.

    libyaml composes the tree but asks Python for every node's tag: `resolve`, and
    `descend_resolver`/`ascend_resolver` for path resolvers the safe loader has none of.
    At scale that was a third of reading. Here a plain scalar is matched only against the
    resolvers for its first character (as `Resolver.resolve` does), everything else gets
    its kind's default tag; tests/test_yaml_tags.py holds both to the same tags.
    """

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                first = value[:1]
                candidates = _BY_FIRST.get(first, _WILDCARD) if first else _EMPTY
                for tag, regexp in candidates:
                    if regexp.match(value):
                        return str(tag)
            return str(self.DEFAULT_SCALAR_TAG)
        if kind is yaml.SequenceNode:
            return str(self.DEFAULT_SEQUENCE_TAG)
        return str(self.DEFAULT_MAPPING_TAG)

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


assert not _Base.yaml_path_resolvers, "the safe loader has no path resolvers"

YAMLError = yaml.YAMLError


def compose(text: str) -> Node | None:
    """The node tree of `text` (one document), positions kept; raises YAMLError."""
    node: Node | None = yaml.compose(text, Loader=_Loader)
    return node


def scan(text: str) -> Iterator[Any]:
    """The scanner's tokens of `text`, each with its start and end mark; raises YAMLError."""
    return iter(yaml.scan(text, Loader=_Loader))


def scalar_value(text: str) -> Any:
    """What a safe loader makes of one plain scalar: "0x10" → 16, "1:20" → 80."""
    return yaml.load(text, Loader=_Loader)


def round_trip(
    *,
    width: int,
    flow: bool = False,
    allow_unicode: bool | None = None,
    preserve_quotes: bool = False,
    indent: tuple[int, int, int] | None = None,
) -> Any:
    """A ruamel.yaml round-trip reader/writer (keeps comments), configured as asked.

    `indent` is (mapping, sequence, offset); `flow` writes collections on one line.
    """
    from ruamel.yaml import YAML

    rt = YAML(typ="rt")
    rt.width = width
    if flow:
        rt.default_flow_style = True
    if allow_unicode is not None:
        rt.allow_unicode = allow_unicode
    if preserve_quotes:
        rt.preserve_quotes = True
    if indent is not None:
        mapping, sequence, offset = indent
        rt.indent(mapping=mapping, sequence=sequence, offset=offset)
    return rt


# A ledger file is hand-written text; anything larger is a mistake (a data dump, a binary)
# and would take memory in proportion to it. `ledger check --max-file-mb` raises it.
DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024

# What libyaml refuses to read: control characters other than tab and line breaks, DEL,
# U+FFFE/U+FFFF. Found first, so that the user gets a position and a reason.
_UNPRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

# Line breaks to an editor (and to a person counting lines); libyaml also breaks at
# U+0085, U+2028 and U+2029, which are reported (control-char) and never counted.
_EDITOR_BREAK = re.compile("\r\n|\r|\n")
_YAML_ONLY_BREAK = re.compile("[" + "".join(sorted(control_char.YAML_ONLY_BREAKS)) + "]")
# Indentation as an editor shows it: spaces, and look-alikes YAML does not take for spaces.
_INDENT = re.compile("[ \t\u3000\u00a0]*")
_WIDE_SPACES = {"\u3000": "全角空格", "\u00a0": "不间断空格"}
# A line that starts a key or a list item: what the look-alike spaces were meant to indent.
_STRUCTURE = re.compile(r"-(?:\s|$)|[^\s#:][^:]*:(?:\s|$)")

_UTF16_32_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)

_DIRECTIVE = "以“%”开头的行被当成了 YAML 指令,请给文本加引号"

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
    "exceeded maximum nesting depth": "嵌套层级过深(超过 1000 层),请检查括号是否成对",
    "found invalid Unicode character escape code": (
        "双引号文本中的“\\u”转义不是有效字符(如单独的代理项 \\ud800)"
    ),
    "did not find expected comment or line break": (
        "“|”或“>”之后应换行再写文本;以 | 或 > 开头的文本请加引号"
    ),
    "did not find expected alphabetic or numeric character": (
        "“&”“*”或“%”之后缺少名称;以这些符号开头的文本请加引号"
    ),
    "did not find expected <document start>": (
        "文档结束后还有内容;请删除多余的“...”,或给顶格书写的文本加引号"
    ),
    "but found another document": "一个文件只能有一个 YAML 文档,请删除多余的“---”",
    "mapping keys are not allowed in this context": "此处不能出现以“? ”开头的键,含问号的文本请加引号",
    "could not find expected directive name": _DIRECTIVE,
    "found unexpected non-alphabetical character": _DIRECTIVE,
    "found unknown directive name": _DIRECTIVE,
    "did not find expected version number": _DIRECTIVE,
    "did not find expected whitespace or line break": (
        "“!”开头的标签之后应有空格;以 ! 开头的文本请加引号"
    ),
    "did not find expected tag URI": "“!”开头的标签写法有误;以 ! 开头的文本请加引号",
    "found unexpected ':'": "出现了多余的冒号“:”,含冒号的文本请加引号",
    "block sequence entries are not allowed in this context": (
        "此处不能开始列表项“- ”,请检查缩进或在上一行的冒号后换行"
    ),
}


_UNCLOSED = ("while parsing a flow", "while scanning a quoted scalar")


@record
class Document:
    """A composed YAML document, its decoded text, and the problems met reading it."""

    node: Node | None
    text: str
    problems: tuple[Problem, ...]
    editor: EditorLines | None = None  # compared by identity (a record compares every field)

    def source(self, shown: str, mark: Any) -> Source:
        """Where `mark` is in an editor (libyaml counts lines differently, see `EditorLines`)."""
        return self._editor().source(shown, mark)

    def char_source(self, shown: str, node: Node, char: str) -> Source:
        """Where `char` is written in `node`'s text; the node's start if it is escaped there."""
        start = node.start_mark.index
        if getattr(node, "style", None) in ("|", ">"):  # the value starts after the header
            start = self.text.find("\n", start, node.end_mark.index) + 1 or start
        elif char == "\n":  # elsewhere a line break is folded: "\n" in the value is escaped
            start = node.end_mark.index
        found = self.text.find(char, start, node.end_mark.index)
        editor = self._editor()
        return editor.at(shown, found) if found >= 0 else editor.source(shown, node.start_mark)

    def _editor(self) -> EditorLines:
        return self.editor if self.editor is not None else EditorLines(self.text)


class EditorLines:
    """Line starts of a text as an editor counts them (CR LF, CR or LF; not U+2028).

    libyaml's marks give a line and column by its own count, in which U+0085, U+2028
    and U+2029 also end a line; a mark's `index` (in characters) is exact, and is mapped.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        odd = _YAML_ONLY_BREAK.search(text)
        self.yaml_agrees = odd is None
        self.first_odd_break = len(text) if odd is None else odd.start()  # U+2028 and kin
        self._starts: list[int] | None = None

    def source(self, shown: str, mark: Any) -> Source:
        if self.yaml_agrees:
            line = mark.line + 1
            return Source(shown, _NUMBERS[line] if line < _SHARED else line, mark.column + 1)
        return self.at(shown, mark.index)

    def at(self, shown: str, index: int) -> Source:
        if self._starts is None:
            self._starts = [0, *(m.end() for m in _EDITOR_BREAK.finditer(self.text))]
        line = bisect.bisect_right(self._starts, index)
        return Source(shown, line, index - self._starts[line - 1] + 1)


# Line numbers as shared int objects: Python keeps one copy of 0…256 only, and a ledger at
# scale holds 4 positions per report, so every line number above 256 would otherwise be an
# int of its own (28 bytes) in each of them: about 5 MB of a ¼× ledger's `check`.
_SHARED = 1 << 14
_NUMBERS = list(range(_SHARED))


def position(path: str, node: Node) -> Source:
    return Source(path, node.start_mark.line + 1, node.start_mark.column + 1)


def read_document(
    path: Path, shown: str, max_bytes: int = DEFAULT_MAX_FILE_BYTES, *, home: Path | None = None
) -> Document:
    """Read one ledger file. OSError propagates: the caller decides how fatal it is.

    A file that resolves outside `home` (the ledger's repository), or is not a regular
    file, is not read: the document holds a `foreign-file` problem instead.
    """
    refused = refusal(path, shown, home)
    if refused is not None:
        return Document(None, "", (refused,))
    try:
        data = read_capped(path, max_bytes)
    except NotRegularFile as error:
        return Document(None, "", (_not_regular(shown, error.kind),))
    return parse_document(data, shown, max_bytes)


class NotRegularFile(Exception):
    """The path is a directory, FIFO, device or socket: reading it could hang or never end."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


_KINDS_ZH = (
    (stat.S_ISDIR, "目录"),
    (stat.S_ISFIFO, "命名管道(FIFO)"),
    (stat.S_ISCHR, "字符设备"),
    (stat.S_ISBLK, "块设备"),
    (stat.S_ISSOCK, "套接字"),
)
_CHUNK = 1024 * 1024


def _kind_of(mode: int) -> str:
    return next((name for test, name in _KINDS_ZH if test(mode)), "特殊文件")


def special_kind(path: Path) -> str:
    """What `path` is when it exists but is not a regular file ("目录", "命名管道(FIFO)"…)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return ""
    return "" if stat.S_ISREG(mode) else _kind_of(mode)


def read_capped(path: Path, max_bytes: int) -> bytes:
    """At most `max_bytes` + 1 bytes of the regular file at `path` (more means too large).

    Opened non-blocking, so a FIFO does not hang the open, and checked on the open
    descriptor, so a file swapped in between cannot slip through; read in bounded chunks,
    so a large cap does not allocate its size up front. Raises NotRegularFile or OSError.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(_kind_of(mode))
        chunks: list[bytes] = []
        left = max_bytes + 1
        while left > 0:
            chunk = os.read(fd, min(left, _CHUNK))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def repository_of(ledger_dir: Path) -> Path:
    """Where ledger files may live: the git work tree holding the ledger, else the ledger."""
    real = Path(os.path.realpath(ledger_dir))
    for directory in (real, *real.parents):
        if os.path.lexists(directory / ".git"):
            return directory
    return real


def refusal(path: Path, shown: str, home: Path | None) -> Problem | None:
    """Why `path` must not be read as a ledger file (outside `home`, not a regular file)."""
    real = Path(os.path.realpath(path))
    if home is not None and not real.is_relative_to(home):
        # The target is named, its content never shown: it may be anyone's file.
        return make(
            foreign_file,
            Source(shown, 1, 1),
            f"{shown} 指向仓库之外的 {real},不会被读取",
            hint="台账文件应是仓库中的普通文件;请删除该符号链接,改为普通文件",
        )
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # reading says why
    return None if stat.S_ISREG(mode) else _not_regular(shown, _kind_of(mode))


def _not_regular(shown: str, kind: str) -> Problem:
    return make(
        foreign_file,
        Source(shown, 1, 1),
        f"{shown} 是{kind},不是普通文件,不会被读取",
        hint="台账文件应是仓库中的普通文件",
    )


def parse_document(data: bytes, shown: str, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> Document:
    if len(data) > max_bytes:
        too_large = _too_large(
            shown,
            f"文件超过 {_megabytes(max_bytes)} 的上限",
            "台账文件应是手写的文本;确需更大的文件时,用 ledger check --max-file-mb 调高上限",
        )
        return Document(None, "", (too_large,))
    problems: list[Problem] = []
    text = _decode(data, shown, problems)
    if text is None:
        return Document(None, "", tuple(problems))
    if bad := _UNPRINTABLE.search(text):
        problems.append(_control_character(text, bad.start(), shown))
        return Document(None, "", tuple(problems))
    editor = EditorLines(text)
    tab_lines = _find_indent_tabs(text, shown, problems)
    tab_lines |= _find_yaml_only_breaks(editor, shown, problems)
    tab_lines |= _find_wide_indents(text, shown, problems)
    if ("&" in text or "*" in text) and _has_aliases(editor, shown, problems, tab_lines):
        return Document(None, text, tuple(problems), editor)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as error:
        typo_lines = _find_ime_typos(text, shown, problems)
        typo_lines |= {line + 1 for line in typo_lines}  # libyaml notices on the next line
        _syntax_problem(error, editor, shown, problems, tab_lines | typo_lines)
        return Document(None, text, tuple(problems), editor)
    except RecursionError:
        problems.append(make(syntax, Source(shown, 1, 1), "文件嵌套层级过深,无法读取"))
        return Document(None, text, tuple(problems))
    except MemoryError:  # small but dense (millions of tiny nodes): refuse, do not crash
        problems.append(_too_large(shown, "文件内容过多,读取时内存不足", "请删除或拆分该文件"))
        return Document(None, text, tuple(problems), editor)
    if node is not None:
        _find_hidden_in_comments(node, editor, shown, problems)
    return Document(node, text, tuple(problems), editor)


_COMMENT_LIKE = re.compile("#[^\r\n\x85\u2028\u2029]*")


def _find_hidden_in_comments(
    root: Node, editor: EditorLines, shown: str, problems: list[Problem]
) -> None:
    """Bidi controls and other invisible characters in comments (“Trojan Source” in a review).

    A `#` up to the end of its line is a comment unless a scalar holds it; characters inside
    scalars are the schema's business (`load._refuse_invisible`), so only the rest is reported.
    """
    hits: list[int] = []
    for match in _COMMENT_LIKE.finditer(editor.text):
        segment = match.group()
        if not control_char.suspect(segment):
            continue
        hits.extend(
            match.start() + offset
            for offset, char in enumerate(segment)
            if char != "\t"
            and char not in control_char.YAML_ONLY_BREAKS
            and control_char.forbidden(char, multiline=True)
        )
    if not hits:
        return
    spans: list[tuple[int, int]] = []
    stack: list[Any] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            spans.append((node.start_mark.index, node.end_mark.index))
        elif isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    spans.sort()
    starts = [start for start, _ in spans]
    for index in hits:
        before = bisect.bisect_right(starts, index) - 1
        if before >= 0 and spans[before][0] <= index < spans[before][1]:
            continue
        problems.append(
            make(
                control_char,
                editor.at(shown, index),
                f"注释中有{control_char.describe(editor.text[index])}",
                hint="请删除该字符;它会让注释显示得与实际内容不同",
            )
        )


def _too_large(shown: str, message: str, hint: str) -> Problem:
    return make(file_too_large, Source(shown, 1, 1), message, hint)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"


def _control_character(text: str, index: int, shown: str) -> Problem:
    line_start = text.rfind("\n", 0, index) + 1
    where = Source(shown, text.count("\n", 0, index) + 1, index - line_start + 1)
    char = f"U+{ord(text[index]):04X}"
    if text[index] == "\0" and text.count("\0") * 4 > len(text):
        return make(
            encoding,
            where,
            "文件看起来是没有 BOM 的 UTF-16 编码",
            hint="请用编辑器另存为 UTF-8(无 BOM)",
        )
    return make(
        encoding,
        where,
        f"文件含有不允许的控制字符 {char},可能不是纯文本文件",
        hint="请删除该字符;从其他软件复制的文字请以纯文本粘贴",
    )


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
        sample = data[:4096]
        if sample.count(0) * 4 > len(sample):  # ASCII keys and spaces in UTF-16 are half NUL
            where, guess = Source(shown, 1, 1), "看起来是没有 BOM 的 UTF-16"
        else:
            before = data[: error.start].decode("utf-8", errors="replace")
            line = before.count("\n") + 1
            where = Source(shown, line, len(before) - (before.rfind("\n") + 1) + 1)
            guess = _guess_encoding(data)
        problems.append(
            make(
                encoding,
                where,
                f"文件不是 UTF-8 编码({guess})",
                hint="请用编辑器另存为 UTF-8(无 BOM)",
            )
        )
        return None


def _guess_encoding(data: bytes) -> str:
    if _decodes_as(data, "gb18030"):  # GBK's superset: also 𠀀 and other rarer characters
        return "看起来是 GBK/GB18030"
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") * 100 < len(text):
        return "个别字节不是有效的 UTF-8,可能是复制粘贴或截断造成的"
    return "看起来不是文本文件"


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


def _find_yaml_only_breaks(editor: EditorLines, shown: str, problems: list[Problem]) -> set[int]:
    """Report U+0085, U+2028, U+2029 wherever they are; the editor lines they are on."""
    lines: set[int] = set()
    if editor.yaml_agrees:
        return lines
    for match in _YAML_ONLY_BREAK.finditer(editor.text):
        where = editor.at(shown, match.start())
        lines.add(where.line)
        problems.append(
            make(
                control_char,
                where,
                f"文本中有{control_char.describe(match.group())},YAML 会把它当作换行",
                hint="请删除该字符;从 Word 或网页复制的文字请以纯文本粘贴",
            )
        )
    return lines


def _find_wide_indents(text: str, shown: str, problems: list[Problem]) -> set[int]:
    """Lines indented with full-width or no-break spaces, which YAML reads as text."""
    lines: set[int] = set()
    if "\u3000" not in text and "\u00a0" not in text:
        return lines
    for number, line in enumerate(_EDITOR_BREAK.split(text), start=1):
        indent = _INDENT.match(line)
        assert indent is not None  # the pattern matches the empty string
        spaces = indent.group()
        wide = next((c for c in spaces if c in _WIDE_SPACES), None)
        if wide is None or not _STRUCTURE.match(line, indent.end()):
            continue
        lines.add(number)
        problems.append(
            make(
                indent_space,
                Source(shown, number, spaces.index(wide) + 1),
                f"缩进中有{_WIDE_SPACES[wide]}(U+{ord(wide):04X})",
                hint="YAML 只认半角空格;请把行首的空白换成半角空格",
            )
        )
    return lines


# An input-method typo right after a key or a "-": YAML then reads the line as text.
_IME_TYPO = re.compile(
    "(?:- *)*(?:(?P<dash>-)(?P<after_dash>[\u3000\u00a0])[\u3000\u00a0 ]*(?=[A-Za-z_\"'])"
    "|(?P<key>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<colon>\uff1a)|:(?P<after_colon>[\u3000\u00a0])))"
)


def _find_ime_typos(text: str, shown: str, problems: list[Problem]) -> set[int]:
    """Full-width spaces or colons after a key or a "-", once the file failed to parse.

    Only then: in a file that reads, such text is inside a scalar and means what it says.
    """
    lines: set[int] = set()
    if not any(c in text for c in "\u3000\u00a0\uff1a"):
        return lines
    for number, line in enumerate(_EDITOR_BREAK.split(text), start=1):
        indent = _INDENT.match(line)
        assert indent is not None  # the pattern matches the empty string
        typo = _IME_TYPO.match(line, indent.end())
        if typo is None or typo.lastgroup is None:
            continue
        if typo["colon"]:
            column = typo.start("colon")
            message = f"键“{typo['key']}”后面是全角冒号“：”(U+FF1A)"
            hint = "YAML 只认半角冒号;请改成“:”,冒号后加一个半角空格"
        else:
            group = "after_colon" if typo["after_colon"] else "after_dash"
            char = typo[group]
            mark = "冒号“:”" if group == "after_colon" else "列表符“-”"
            column = typo.start(group)
            message = f"{mark}后面是{_WIDE_SPACES[char]}(U+{ord(char):04X})"
            hint = f"YAML 只认半角空格;请把{mark}后面的空白换成一个半角空格"
        lines.add(number)
        problems.append(make(indent_space, Source(shown, number, column + 1), message, hint=hint))
    return lines


def _has_aliases(
    editor: EditorLines, shown: str, problems: list[Problem], tab_lines: set[int]
) -> bool:
    """Report every anchor and alias; True when the file must not be composed.

    Only an alias (`*a`) can expand (the "billion laughs"); a file with anchors alone
    is still read, so its other problems are reported in the same run.
    """
    found = False
    try:
        for event in yaml.parse(editor.text, Loader=_Loader):
            mark = event.start_mark
            where = editor.source(shown, mark) if mark else Source(shown, 1, 1)
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
                problems.append(
                    make(
                        anchor, where, f"不允许使用锚点“&{name}”", hint="请把被引用的内容直接写出来"
                    )
                )
    except yaml.YAMLError as error:
        _syntax_problem(error, editor, shown, problems, tab_lines)
        return True
    return found


def _syntax_problem(
    error: yaml.YAMLError,
    editor: EditorLines,
    shown: str,
    problems: list[Problem],
    tab_lines: set[int],
) -> None:
    problem = (getattr(error, "problem", None) or str(error)).strip()
    context = getattr(error, "context", None) or ""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    opened = getattr(error, "context_mark", None)
    if opened is not None and context.startswith(_UNCLOSED):
        # libyaml notices an unclosed bracket or quote lines later; the mistake is where it opened.
        tab_line = mark is not None and editor.source(shown, mark).line in tab_lines
        mark = None if tab_line else opened
        if mark is None:
            return
        message = "引号没有闭合" if "quoted" in context else "方括号或花括号没有闭合"
    else:
        message = _SYNTAX_ZH.get(problem) or (
            f"YAML 语法错误:{problem}" + (f"({context})" if context else "")
        )
    where = editor.source(shown, mark) if mark is not None else Source(shown, 1, 1)
    if mark is not None and mark.index > editor.first_odd_break:
        return  # what libyaml took for a line break, reported as such, broke the structure
    if where.line in tab_lines:
        return  # already reported, better, as a tab or a character on that line
    problems.append(make(syntax, where, message))
