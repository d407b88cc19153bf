"""Whether a ledger file is already in `fmt`'s canonical layout, without ruamel.yaml.

ruamel.yaml's round trip is pure Python, about a hundred times slower than libyaml: on a
large ledger `fmt --check` spent minutes re-writing files only to find them unchanged. Here the
libyaml node tree of the file is written out again in the canonical layout, each scalar as the
user wrote it; when that is the file, byte for byte, it is canonical. Anything this writer does
not know for sure how ruamel would write (numbers other than plain integers, dates other than
YYYY-MM-DD, null and booleans, escapes, block scalars, flow mappings, anchors, tags, "甲、乙" in
one text, a list of names written as a block because a comment is beside an element) answers
None: "ask the full formatter".

Comments are written where `fmt` puts them back (files/fmt: `_place`, `_weave`), each as its
text from "#" with trailing spaces removed: the header at column 0 before the first key; the
comment lines just above a line, at that line's indentation, after the blank line fmt puts
there; at the end of a line, two spaces after its value (every canonical line has a key or an
item whose value ends or opens there, so fmt ties such a comment to that line); after the last
line, at column 0. A comment anywhere else (above a blank line, indented otherwise, one space
before it) makes the written layout differ from the file: not canonical.
"""

from __future__ import annotations

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..core.lazyre import lazy
from .schema import ROOTS, TEXT_KINDS, FileKind
from .schema import Node as Shape

_TAG = "tag:yaml.org,2002:"
_PLAIN_INT = lazy(r"-?(0|[1-9][0-9]*)")
_DATE = lazy(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_YAML12_NOT_TEXT = lazy(
    r"[-+]?([0-9][0-9_]*|0o[0-7]+|0x[0-9a-fA-F]+|(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)"
    r"|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[Tt]rue|TRUE|[Ff]alse|FALSE|[Nn]ull|NULL|~"
    r"|[Yy]es|YES|[Nn]o|NO|[Oo]n|ON|[Oo]ff|OFF|[Yy]|[Nn]"
)
# besides LF (and CR and tab, which fmt rewrites or YAML refuses): breaks to libyaml, not to split
_OTHER_BREAKS = lazy("[\r\t\x85\u2028\u2029]")
_QUOTED_SAFE = lazy(r"[^\"'\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]*")


class _Unsure(Exception):
    """The layout is one this module does not decide: the full formatter must."""


def is_canonical(text: str, root: Node | None, kind: FileKind) -> bool | None:
    """True when `text` (composed as `root`) is exactly its canonical layout; None: unsure."""
    if root is None or not isinstance(root, MappingNode) or _OTHER_BREAKS.search(text):
        return None
    lines = text.split("\n")
    header = 0
    while header < len(lines) and lines[header].startswith("#"):
        header += 1
    out = _Out(lines, header - 1)
    out.extend(line.rstrip() for line in lines[:header])
    if out != lines[:header]:
        return None
    try:
        _mapping(root, ROOTS[kind], 0, out, lines, top=True, kind=kind, path=())
    except _Unsure:
        return None
    out.trailing()
    return "\n".join(out) + "\n" == text


class _Out(list[str]):
    """The lines written so far, each content line with the comments fmt would put beside it."""

    def __init__(self, source: list[str], floor: int) -> None:
        super().__init__()
        self.source = source
        self.floor = floor  # the last line of `source` written (or the header's last line)

    def line(self, content: str, at: int) -> None:
        """Write `content`, the canonical form of `source[at]`, and its comments."""
        if at <= self.floor or at >= len(self.source):
            raise _Unsure
        start = at
        while start - 1 > self.floor and self.source[start - 1].lstrip(" ").startswith("#"):
            start -= 1
        indent = " " * (len(content) - len(content.lstrip(" ")))
        self.extend(indent + self.source[n].lstrip(" ").rstrip() for n in range(start, at))
        written = self.source[at]
        if written.startswith(content) and written[len(content) :].startswith("  #"):
            content = content + written[len(content) :].rstrip()
        self.append(content)
        self.floor = at

    def trailing(self) -> None:
        """The comment lines after the last line: fmt writes them at column 0."""
        after = self.floor + 1
        while after < len(self.source) and self.source[after].lstrip(" ").startswith("#"):
            self.append(self.source[after].lstrip(" ").rstrip())
            after += 1


def _mapping(
    node: MappingNode,
    shape: Shape | None,
    indent: int,
    out: _Out,
    text: list[str],
    *,
    top: bool = False,
    kind: FileKind,
    path: tuple[str, ...],
    first_prefix: str = "",
    by_year: bool = False,
) -> None:
    if node.flow_style or not node.value:
        raise _Unsure
    names = [_key(k, text, by_year=by_year) for k, _ in node.value]
    if len(set(names)) != len(names):
        raise _Unsure
    if shape is not None and not by_year:
        order = shape.order
        expected = [n for n in order if n in names] + [n for n in names if n not in order]
        if names != expected:
            raise _Unsure
    previous_block = False
    for index, ((key_node, value), name) in enumerate(zip(node.value, names, strict=True)):
        if top and previous_block:
            out.append("")
        prefix = first_prefix if index == 0 and first_prefix else " " * indent
        key = None if shape is None or by_year else shape.key(name)
        value_shape = key.node if key is not None else (shape if by_year else None)
        head = f"{prefix}{name}:"
        if isinstance(value, ScalarNode):
            if key is not None and key.quoted and value.style != '"':
                raise _Unsure
            if key is not None and key.written_ok and _splits(value.value):
                raise _Unsure
            if key is not None and key.kind in TEXT_KINDS and _plain_not_text(value):
                raise _Unsure  # 2022-06-30 as a deadline: fmt quotes it
            out.line(f"{head} {_scalar(value, text)}", key_node.start_mark.line)
            previous_block = False
        elif isinstance(value, SequenceNode):
            if key is not None and key.written_ok and _cell_in(value):
                raise _Unsure  # [甲、乙]: fmt splits it
            at = key_node.start_mark.line
            _sequence(value, value_shape, indent, (head, at), out, text, kind, (*path, name))
            previous_block = not _flow(value)
        elif isinstance(value, MappingNode):
            out.line(head, key_node.start_mark.line)
            years = key is not None and key.by_year
            _mapping(
                value,
                value_shape,
                indent + 2,
                out,
                text,
                kind=kind,
                path=(*path, name),
                by_year=years,
            )
            previous_block = True
        else:
            raise _Unsure


def _plain_not_text(node: ScalarNode) -> bool:
    return not node.style and node.tag != _TAG + "str"


def _flow(node: SequenceNode) -> bool:
    return all(isinstance(v, ScalarNode) for v in node.value)


def _sequence(
    node: SequenceNode,
    shape: Shape | None,
    indent: int,
    head_at: tuple[str, int],
    out: _Out,
    text: list[str],
    kind: FileKind,
    path: tuple[str, ...],
) -> None:
    head, at = head_at
    if _flow(node):  # plain values: [甲, 乙]
        if not node.flow_style:
            raise _Unsure
        out.line(f"{head} [{', '.join(_scalar(v, text) for v in node.value)}]", at)
        return
    if node.flow_style:
        raise _Unsure
    out.line(head, at)
    between_tasks = kind is FileKind.TASKS and path == ("tasks",)
    for index, item in enumerate(node.value):
        if between_tasks and index:
            out.append("")
        dash = " " * (indent + 2) + "- "
        if isinstance(item, ScalarNode):
            out.line(dash + _scalar(item, text), item.start_mark.line)
        elif isinstance(item, MappingNode):
            _mapping(
                item,
                shape,
                indent + 4,
                out,
                text,
                kind=kind,
                path=(*path, str(index)),
                first_prefix=dash,
            )
        else:
            raise _Unsure


def _key(node: Node, text: list[str], *, by_year: bool) -> str:
    if not isinstance(node, ScalarNode) or node.style:
        raise _Unsure
    written = _written(node, text)
    tags = (_TAG + "str", _TAG + "int") if by_year else (_TAG + "str",)
    if written != node.value or node.tag not in tags:
        raise _Unsure
    if node.tag == _TAG + "int" and not _PLAIN_INT.fullmatch(written):
        raise _Unsure
    return written


def _scalar(node: Node, text: list[str]) -> str:
    """A scalar as written, when ruamel would write it so too."""
    if not isinstance(node, ScalarNode):
        raise _Unsure
    written = _written(node, text)
    if not node.style:
        if written != node.value or not written:
            raise _Unsure
        tag = node.tag.removeprefix(_TAG)
        if tag == "int" and _PLAIN_INT.fullmatch(written):
            return written
        if tag == "timestamp" and _DATE.fullmatch(written) and _valid_day(written):
            return written
        if tag != "str" or _YAML12_NOT_TEXT.fullmatch(written):
            raise _Unsure  # YAML 1.2 (ruamel) would read 1e3, 0o17, .inf as numbers
        return written
    quote = node.style if node.style in ('"', "'") and node.tag == _TAG + "str" else None
    if quote and _QUOTED_SAFE.fullmatch(node.value) and written == quote + node.value + quote:
        return written
    raise _Unsure


def _written(node: Node, text: list[str]) -> str:
    start, end = node.start_mark, node.end_mark
    if start.line != end.line:
        raise _Unsure
    return text[start.line][start.column : end.column]


def _valid_day(written: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(written)
    except ValueError:
        return False
    return True


def _cell_in(node: SequenceNode) -> bool:
    return any(isinstance(v, ScalarNode) and not v.style and _splits(v.value) for v in node.value)


def _splits(value: str) -> bool:
    from ..core.flowlist import split_names

    names = split_names(value)
    return bool(names) and [value.strip()] != names
