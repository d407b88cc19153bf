"""`ledger fmt`: the canonical layout of a ledger file, keeping every comment.

Canonical: keys in the order of `schema` (unknown keys after them, as written), mappings
in block style indented by 2, sequences indented under their key (`  - id: 1`), lists of
plain values in flow style (`owners: [市财政局, 各乡镇]`), item ids double-quoted, no line
wrapping, one blank line between tasks and after a top-level block, UTF-8 without BOM,
LF line breaks, a final line break. Other scalars keep the quoting the user chose.

How comments survive reordering: ruamel.yaml attaches a comment to whatever precedes it,
so it would move with the wrong key. Instead the comments are found with the YAML
scanner (a comment is what it skips) and tied to a node by position: a comment on a line
of its own belongs to the node that follows it, one at the end of a line to the value
that ends there. ruamel.yaml writes the reordered document without comments, and the
comments are put back beside their nodes. The result must read back as the same data
with the same comments, or the file is left alone.
"""

from __future__ import annotations

import bisect
import io
import os
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..core.errors import EditError, UsageError, os_reason
from ..core.flowlist import needs_quotes, split_names
from ..core.model import Source
from ..core.problems import LedgerUnreadable, Level, Problem
from ..core.record import record, replace
from ..rules import duplicate_key, make, syntax
from .fmt_quick import is_canonical
from .load import (
    CALENDAR_FILE,
    PROGRESS_DIR,
    REVIEWS_FILE,
    TASKS_FILE,
    UNITS_FILE,
    misread_text,
    no_ledger_hint,
    shown_path,
)
from .schema import ROOTS, TEXT_KINDS, FileKind
from .schema import Node as Shape
from .yamlio import (
    DEFAULT_MAX_FILE_BYTES,
    NotRegularFile,
    parse_document,
    read_capped,
    refusal,
    repository_of,
    round_trip,
    scan,
)

PathKey = str | int  # a mapping key as written, or a sequence index
NodePath = tuple[PathKey, ...]

_WIDTH = 1_000_000_000  # never fold long lines of Chinese text
_STR, _INT, _FLOAT = (f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float"))
_SEQ = "tag:yaml.org,2002:seq"


class Unformattable(Exception):
    """The file cannot be formatted; `problems` say why (it is left as it is)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


def kind_of(path: Path) -> FileKind | None:
    """Which ledger file `path` is, by its place: progress/*.yaml, else the ledger's own two.

    A progress file is one in a `progress` directory that is not itself a ledger directory
    (which has units.yaml), whatever its name: the unit `tasks` has `progress/tasks.yaml`.
    """
    in_progress = path.parent.name == PROGRESS_DIR and not (path.parent / UNITS_FILE).exists()
    if in_progress and path.suffix == ".yaml":
        return FileKind.PROGRESS
    if path.name == TASKS_FILE:
        return FileKind.TASKS
    if path.name == UNITS_FILE:
        return FileKind.UNITS
    if path.name == CALENDAR_FILE:
        return FileKind.CALENDAR
    if path.name == REVIEWS_FILE:
        return FileKind.REVIEWS
    return None


def ledger_yaml_files(root: Path) -> list[Path]:
    """The ledger files under a ledger directory (or a progress directory), in order.

    Raises LedgerUnreadable when the progress directory cannot be listed.
    """
    if root.name == PROGRESS_DIR and not (root / UNITS_FILE).exists():
        return _yaml_entries(root)
    own = (TASKS_FILE, UNITS_FILE, CALENDAR_FILE, REVIEWS_FILE)
    found = [root / name for name in own if os.path.lexists(root / name)]
    return found + _yaml_entries(root / PROGRESS_DIR)


def _yaml_entries(directory: Path) -> list[Path]:
    if not directory.is_dir():
        return []
    try:
        names = os.listdir(directory)
    except OSError as error:
        raise LedgerUnreadable(f"无法读取目录 {shown_path(directory)}:{os_reason(error)}") from None
    return sorted(directory / name for name in names if name.endswith(".yaml"))


@record
class Result:
    """One file: its bytes before and after, or why it was left alone."""

    path: Path
    shown: str
    before: bytes
    after: bytes | None  # None: not formatted, see `problems`
    problems: tuple[Problem, ...] = ()
    written: bool = False

    @property
    def changed(self) -> bool:
        return self.after is not None and self.after != self.before


def format_file(path: Path, kind: FileKind, *, write: bool = False) -> Result:
    """Format one ledger file; with `write`, replace it under the writers' lock.

    The file is read under the lock and replaced before the lock is let go, so a report
    that `progress add` saved meanwhile is never overwritten with an older copy. A file
    outside the ledger's repository, or not a regular file, is left alone (a problem).
    Raises LedgerUnreadable (cannot read) and EditError (cannot lock or write).
    """
    from .rewrite import update_file

    shown = shown_path(path)
    ledger_dir = path.parent.parent if kind is FileKind.PROGRESS else path.parent
    refused = refusal(path, shown, repository_of(ledger_dir))
    if refused is not None:
        return Result(path, shown, b"", None, (refused,))
    results: list[Result] = []

    def change(data: bytes | None) -> bytes | None:
        if data is None:
            raise LedgerUnreadable(f"无法读取 {shown}:文件或目录不存在")
        result = _format(path, kind, shown, data)
        results.append(result)
        return result.after if result.changed else None

    if not write:
        try:
            data = read_capped(path, DEFAULT_MAX_FILE_BYTES)
        except NotRegularFile as error:
            raise LedgerUnreadable(f"{shown} 是{error.kind},不是普通文件") from None
        except OSError as error:
            raise LedgerUnreadable(f"无法读取 {shown}:{os_reason(error)}") from None
        change(data)
        return results[0]
    # The file itself, not a link to it: the link stays, and the lock is the one add takes.
    written = update_file(Path(os.path.realpath(path)), shown, change)
    return replace(results[0], written=written is not None)


def format_files(paths: list[Path], *, write: bool) -> tuple[list[Result], list[EditError]]:
    """Format each of `paths` (each once) as `format_file` does; a file that cannot be locked
    or written is left as it was and its EditError collected, and the others are formatted."""
    results: list[Result] = []
    failed: list[EditError] = []
    for path in dict.fromkeys(paths):
        kind = kind_of(path)
        assert kind is not None, path
        try:
            results.append(format_file(path, kind, write=write))
        except EditError as error:
            failed.append(error)
    return results, failed


def ledger_files_in(paths: list[Path], *, ledger_dirs: bool = False) -> list[Path]:
    """The ledger files that `ledger fmt PATH…` formats: a directory's, or the files named.

    UsageError for a directory without ledger files, a missing path, or another file;
    `ledger_dirs`: the paths are ledger directories (--ledger), a missing one needs `init`.
    """
    targets: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = ledger_yaml_files(path)
            if not found:
                raise UsageError(
                    f"目录“{path}”中没有台账文件(tasks.yaml、units.yaml、progress/*.yaml)",
                    hint=no_ledger_hint(path),
                )
            targets.extend(found)
        elif not path.exists():
            raise UsageError(f"找不到“{path}”", hint=no_ledger_hint(path) if ledger_dirs else "")
        elif kind_of(path) is None:
            raise UsageError(f"“{path}”不是台账文件(tasks.yaml、units.yaml 或 progress/*.yaml)")
        else:
            targets.append(path)
    return targets


def _format(path: Path, kind: FileKind, shown: str, data: bytes) -> Result:
    try:
        return Result(path, shown, data, format_bytes(data, kind, shown))
    except Unformattable as error:
        return Result(path, shown, data, None, tuple(error.problems))


def unified_diff(result: Result) -> str:
    """The change as a unified diff (`--- a/… +++ b/…`), as git would show it."""
    after = result.after if result.after is not None else result.before
    shown = result.shown if result.shown.startswith("/") else "/" + result.shown
    import difflib  # only to show a diff

    lines = difflib.unified_diff(
        _lines(result.before),
        _lines(after),
        fromfile="a" + shown,
        tofile="b" + shown,
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _lines(data: bytes) -> list[str]:
    return data.decode("utf-8", errors="replace").splitlines(keepends=True)


def format_bytes(data: bytes, kind: FileKind, shown: str) -> bytes:
    """The canonical form of one ledger file. Raises Unformattable."""
    document = parse_document(data, shown)
    if document.node is None and any(p.level is Level.ERROR for p in document.problems):
        raise Unformattable([p for p in document.problems if p.level is Level.ERROR])
    text = document.text.replace("\r\n", "\n").replace("\r", "\n")
    if data == text.encode("utf-8") and is_canonical(text, document.node, kind):
        return data  # already canonical: no round trip through ruamel (see fmt_quick)
    try:
        return canonical(text, kind, shown).encode("utf-8")
    except RecursionError:  # libyaml reads 1,000 levels; the layout is worked out recursively
        raise Unformattable(
            [
                make(
                    syntax,
                    Source(shown, 1, 1),
                    "嵌套层级过深,无法自动排版,文件未改动",
                    hint="台账文件只需几层嵌套;请检查括号是否成对、缩进是否正确",
                )
            ]
        ) from None


def canonical(text: str, kind: FileKind, shown: str) -> str:
    """The canonical layout of `text` (LF line breaks, no BOM). Raises Unformattable."""
    root = _compose(text, shown)
    comments = scan_comments(text)
    if root is None:  # empty, or comments only
        return "".join(c.text + "\n" for c in comments)
    before = _anchors(root)
    placed = _place(comments, before)
    values = {a.path: a.value for a in before}
    listed: set[NodePath] = set()
    dumped = _dump(text, kind, shown, placed, values, listed)
    after = _compose(dumped, shown)
    assert after is not None
    result = _weave(dumped, _anchors(after), placed, kind)
    requoted = {path for path, node in values.items() if _numeric(node) and _is_id(path, kind)}
    requoted |= {
        path for path, node in values.items() if _misread_text_at(_key_at(path, kind), node)
    }
    _verify(text, result, root, shown, requoted, listed)
    return result


# -- comments ------------------------------------------------------------------------


@record
class Comment:
    line: int  # 0-based
    col: int
    text: str  # from "#" to the end of the line, trailing spaces removed
    eol: bool  # after something on the same line


def scan_comments(text: str) -> list[Comment]:
    """Every comment in `text` (which must scan): what the YAML scanner skips over."""
    lines = text.split("\n")
    inside: set[int] = set()  # lines within a multi-line token: a "#" there is content
    ends: dict[int, int] = {}
    headers: set[int] = set()  # lines with a block scalar's "|" or ">"
    for token in scan(text):
        start, end = token.start_mark, token.end_mark
        if getattr(token, "style", None) in ("|", ">"):
            headers.add(start.line)
            ends[start.line] = max(ends.get(start.line, 0), start.column + 1)
            inside.update(range(start.line + 1, end.line))
        else:
            inside.update(range(start.line, end.line))
        ends[end.line] = max(ends.get(end.line, 0), end.column)
    found = []
    for number, line in enumerate(lines):
        if number in inside:
            continue
        start = ends.get(number, 0)
        rest = line[start:]
        if number in headers:
            rest = rest.lstrip("+-0123456789")  # chomping and indentation indicators
        stripped = rest.lstrip(" \t")
        if stripped.startswith("#"):
            col = len(line) - len(stripped)
            found.append(Comment(number, col, stripped.rstrip(), eol=bool(line[:col].strip())))
    return found


# -- where the comments belong -------------------------------------------------------


@record
class Anchor:
    """A mapping key or a sequence item: something a comment can belong to."""

    path: NodePath
    line: int
    col: int  # of the key, or of the "-" of a block sequence item
    value: Node
    depth: int


class Placed:
    """Where each comment goes, filled in while the comments are placed."""

    def __init__(self) -> None:
        self.header: list[str] = []  # before everything
        self.leading: dict[NodePath, list[str]] = {}
        self.eol: dict[NodePath, str] = {}
        self.trailing: list[str] = []  # after everything

    def paths(self) -> Iterator[NodePath]:
        yield from self.leading
        yield from self.eol


def _anchors(root: Node) -> list[Anchor]:
    """Every key and item in document order."""
    found: list[Anchor] = []

    def walk(node: Node, path: NodePath, depth: int) -> None:
        if isinstance(node, MappingNode):
            for key, value in node.value:
                step = key.value if isinstance(key, ScalarNode) else "?"
                found.append(
                    Anchor((*path, step), key.start_mark.line, key.start_mark.column, value, depth)
                )
                walk(value, (*path, step), depth + 1)
        elif isinstance(node, SequenceNode):
            dash = 0 if node.flow_style else 2
            for index, item in enumerate(node.value):
                line, col = item.start_mark.line, item.start_mark.column - dash
                found.append(Anchor((*path, index), line, col, item, depth))
                walk(item, (*path, index), depth + 1)

    walk(root, (), 0)
    return found


def _place(comments: list[Comment], anchors: list[Anchor]) -> Placed:
    """Tie each comment to the node it describes: see the module docstring."""
    placed = Placed()
    lines = [a.line for a in anchors]

    def lead(comment: Comment) -> None:
        at = bisect.bisect_right(lines, comment.line)
        if at == len(anchors):
            placed.trailing.append(comment.text)
        elif at == 0:
            placed.header.append(comment.text)
        else:
            placed.leading.setdefault(anchors[at].path, []).append(comment.text)

    for comment in comments:
        if not comment.eol:
            lead(comment)
            continue
        owner = _eol_owner(comment.line, anchors, lines)
        if owner is None or owner.path in placed.eol:
            lead(comment)
        else:
            placed.eol[owner.path] = comment.text
    return placed


def _eol_owner(line: int, anchors: list[Anchor], lines: list[int]) -> Anchor | None:
    """The node whose value ends on `line` (the outermost), else the innermost key there."""
    upto = anchors[: bisect.bisect_right(lines, line)]
    ending = [a for a in upto if _value_end_line(a.value) == line]
    if ending:
        return min(ending, key=lambda a: a.depth)
    opening = [a for a in upto if a.line == line and _is_block_collection(a.value)]
    return opening[-1] if opening else None


def _value_end_line(node: Node) -> int | None:
    if isinstance(node, ScalarNode):
        block = node.style in ("|", ">")
        return int(node.start_mark.line if block else node.end_mark.line)
    if isinstance(node, MappingNode | SequenceNode) and node.flow_style:
        return int(node.end_mark.line)
    return None


def _is_block_collection(node: Node) -> bool:
    return isinstance(node, MappingNode | SequenceNode) and not node.flow_style


# -- the reordered document, without comments ----------------------------------------


def _dump(
    text: str,
    kind: FileKind,
    shown: str,
    placed: Placed,
    values: dict[NodePath, Node],
    listed: set[NodePath],
) -> str:
    """The data dumped in canonical order; names written as one text (“甲、乙”) become a list,
    their paths added to `listed`."""
    from ruamel.yaml.comments import Comment as RuamelComment
    from ruamel.yaml.comments import CommentedMap, CommentedSeq, comment_attrib
    from ruamel.yaml.constructor import DuplicateKeyError
    from ruamel.yaml.error import MarkedYAMLError
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    rt = round_trip(width=_WIDTH, preserve_quotes=True, indent=(2, 4, 2))
    rt.Constructor = _constructor()
    rt.Representer = _representer()
    try:
        data = rt.load(text)
    except DuplicateKeyError as error:
        key = re.search(r'duplicate key "(.*?)"', str(error.problem))
        what = f"有重复的键“{key[1]}”" if key else "有重复的键"
        raise Unformattable([_ruamel_problem(error, shown, duplicate_key, what)]) from None
    except MarkedYAMLError as error:
        raise Unformattable([_ruamel_problem(error, shown, syntax, "YAML 无法读取")]) from None
    commented = {path[:-1] for path in placed.paths() if path and isinstance(path[-1], int)}

    def tidy(node: Any, shape: Shape | None, path: NodePath) -> None:
        if isinstance(node, CommentedMap | CommentedSeq):
            setattr(node, comment_attrib, RuamelComment())
            node.fa.set_block_style()
        if isinstance(node, CommentedMap):
            if shape is not None:
                for name in reversed(shape.order):
                    if name in node:
                        node.move_to_end(name, last=False)
            for name in list(node):
                key = shape.key(name) if shape is not None and isinstance(name, str) else None
                value = node[name]
                if key is not None and key.quoted:
                    value = node[name] = _quoted(value, values.get((*path, str(name))))
                written_as = values.get((*path, str(name)))
                if _misread_text_at(key, written_as) and isinstance(written_as, ScalarNode):
                    value = node[name] = DoubleQuotedScalarString(written_as.value)
                # “甲、乙” becomes [甲, 乙]; one name (lead: 甲局) stays; none: check reports it
                written = key is not None and key.written_ok and isinstance(value, str)
                names = split_names(value) if written else []
                if names and [value.strip()] != names:
                    value = node[name] = CommentedSeq(_flow_names(names))
                    listed.add((*path, str(name)))
                if key is not None and key.written_ok and _cells_in(value):
                    split = [n for element in value for n in split_names(element)]
                    value = node[name] = CommentedSeq(_flow_names(split))
                    listed.add((*path, str(name)))
                if getattr(value, "comment", None) is not None:  # after a block scalar's "|"
                    value.comment = None
                if key is not None and key.by_year and isinstance(value, CommentedMap):
                    tidy_years(value, key.node, (*path, str(name)))
                else:
                    tidy(value, key.node if key is not None else None, (*path, str(name)))
        elif isinstance(node, CommentedSeq):
            plain = all(not isinstance(v, CommentedMap | CommentedSeq) for v in node)
            if plain and path not in commented:
                node.fa.set_flow_style()
            for index, value in enumerate(node):
                tidy(value, shape, (*path, index))

    def tidy_years(node: Any, shape: Shape | None, path: NodePath) -> None:
        """years: {2027: …}: each year's mapping in its node's key order."""
        setattr(node, comment_attrib, RuamelComment())
        node.fa.set_block_style()
        for year in list(node):
            value = node[year]
            if getattr(value, "comment", None) is not None:
                value.comment = None
            tidy(value, shape, (*path, str(year)))

    tidy(data, ROOTS[kind], ())
    out = io.StringIO()
    rt.dump(data, out)
    return out.getvalue()


def _cells_in(value: Any) -> bool:
    """A list of names with “甲、乙” in an element ([县财政局、县发改委]), to be split."""
    return (
        isinstance(value, list)
        and all(type(v) is str for v in value)  # plain: a quoted name is one name
        and any(split_names(v) != [v.strip()] for v in value)
    )


def _flow_names(names: list[str]) -> list[Any]:
    """The names of “甲、乙” as list elements, quoted as the hints quote them (yes, a: b)."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    return [DoubleQuotedScalarString(n) if needs_quotes(n) else n for n in names]


class _Written(str):
    """A number too long for Python's int conversion (4,300 digits), kept as the user wrote it."""


def _constructor() -> Any:
    """ruamel's round-trip constructor, except that an over-long integer stays text.

    int() refuses more than 4,300 digits (ValueError); check reports such a value as a
    problem, fmt keeps it as written and only moves it.
    """
    from ruamel.yaml.constructor import RoundTripConstructor

    class Constructor(RoundTripConstructor):
        def construct_yaml_int(self, node: Any) -> Any:
            try:
                return super().construct_yaml_int(node)
            except ValueError:
                return _Written(node.value)

    Constructor.add_constructor(_INT, Constructor.construct_yaml_int)
    return Constructor


def _representer() -> Any:
    from ruamel.yaml.representer import RoundTripRepresenter

    class Representer(RoundTripRepresenter):
        pass

    Representer.add_representer(_Written, lambda self, data: self.represent_scalar(_INT, str(data)))
    return Representer


def _quoted(value: Any, written: Node | None) -> Any:
    """An id as a double-quoted string; an unquoted number as the user wrote it (5.10, 1e400)."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if isinstance(written, ScalarNode) and not written.style and _number(value):
        return DoubleQuotedScalarString(written.value)
    if isinstance(value, str):
        return DoubleQuotedScalarString(value)
    return value


def _number(value: Any) -> bool:
    """Whether ruamel read a plain scalar as a number (YAML 1.2 also reads 5.1e3 and 1e400)."""
    return isinstance(value, _Written) or (
        isinstance(value, int | float) and not isinstance(value, bool)
    )


def _numeric(node: Node | None) -> bool:
    return isinstance(node, ScalarNode) and not node.style and node.tag in (_INT, _FLOAT)


def _ruamel_problem(error: Any, shown: str, rule: Any, what: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    where = Source(shown, mark.line + 1, mark.column + 1) if mark else Source(shown, 1, 1)
    detail = "" if rule is duplicate_key else (error.problem or "").strip()
    return make(
        rule, where, f"{what}:{detail}" if detail else what, hint="请先按 ledger check 修正"
    )


# -- putting the comments back -------------------------------------------------------


def _weave(dumped: str, anchors: list[Anchor], placed: Placed, kind: FileKind) -> str:
    lines = dumped.rstrip("\n").split("\n")
    by_path = {a.path: a for a in anchors}
    starting: dict[int, list[Anchor]] = {}
    for anchor in anchors:
        starting.setdefault(anchor.line, []).append(anchor)
    blank_before = _blank_lines(anchors, kind)
    eol_at: dict[int, str] = {}
    late: dict[NodePath, list[str]] = {}  # a second comment for a line: it leads what follows
    trailing = list(placed.trailing)
    for path, text in placed.eol.items():
        anchor = by_path[path]
        end = _value_end_line(anchor.value)
        target = anchor.line if end is None else end
        if target not in eol_at:
            eol_at[target] = text
            continue
        following = next((a for a in anchors if a.line > target), None)
        if following is None:
            trailing.insert(0, text)
        else:
            late.setdefault(following.path, []).append(text)
    out = list(placed.header)
    for number, line in enumerate(lines):
        here = starting.get(number, [])
        if here:
            if here[0].path in blank_before:
                out.append("")
            indent = " " * here[0].col
            for anchor in here:
                for text in (*placed.leading.get(anchor.path, ()), *late.get(anchor.path, ())):
                    out.append(indent + text)
        out.append(line + ("  " + eol_at[number] if number in eol_at else ""))
    out.extend(trailing)
    return "\n".join(out) + "\n"


def _blank_lines(anchors: list[Anchor], kind: FileKind) -> set[NodePath]:
    """Where a blank line goes: after a top-level block, and between tasks."""
    wanted: set[NodePath] = set()
    previous: Anchor | None = None
    for anchor in anchors:
        if anchor.depth == 0:
            if previous is not None and _is_block_collection(previous.value):
                wanted.add(anchor.path)
            previous = anchor
    if kind is FileKind.TASKS:
        for anchor in anchors:
            path = anchor.path
            if len(path) == 2 and path[0] == "tasks" and path[1] != 0:
                wanted.add(path)
    return wanted


# -- the safety net ------------------------------------------------------------------


def _compose(text: str, shown: str) -> Node | None:
    document = parse_document(text.encode("utf-8"), shown)
    if document.node is None and any(p.level is Level.ERROR for p in document.problems):
        raise Unformattable([p for p in document.problems if p.level is Level.ERROR])
    return document.node


def _is_id(path: NodePath, kind: FileKind) -> bool:
    """Whether `path` leads to a key that `schema` marks as a quoted id."""
    key = _key_at(path, kind)
    return key is not None and key.quoted


def _key_at(path: NodePath, kind: FileKind) -> Any:
    """The schema key `path` leads to, or None (a list element, an unknown key)."""
    if not path:
        return None
    shape: Shape | None = ROOTS[kind]
    for step in path[:-1]:
        if isinstance(step, str):
            key = shape.key(step) if shape is not None else None
            shape = key.node if key is not None else None
    return shape.key(path[-1]) if shape is not None and isinstance(path[-1], str) else None


def _misread_text_at(key: Any, node: Node | None) -> bool:
    """A text key's plain value other YAML readers read as a number or a date (2023.06)."""
    return key is not None and key.kind in TEXT_KINDS and misread_text(node) is not None


def _verify(
    before: str,
    after: str,
    root: Node,
    shown: str,
    requoted: set[NodePath],
    listed: set[NodePath],
) -> None:
    """The result must hold the same data and the same comments, or nothing is written."""
    try:
        composed = _compose(after, shown)
    except Unformattable:
        composed = None
    same = (
        composed is not None
        and _plain(composed) == _plain(root, (), requoted, listed)
        and Counter(c.text for c in scan_comments(before))
        == Counter(c.text for c in scan_comments(after))
    )
    if not same:
        raise Unformattable(
            [
                make(
                    syntax,
                    Source(shown, 1, 1),
                    "无法在保留全部内容和注释的前提下自动排版此文件,文件未改动",
                    hint="请把文件报告给维护者",
                )
            ]
        )


def _plain(
    node: Node,
    path: NodePath = (),
    requoted: frozenset[NodePath] | set[NodePath] = frozenset(),
    listed: frozenset[NodePath] | set[NodePath] = frozenset(),
) -> Any:
    """The data of a composed node, comparable regardless of layout and key order.

    Ids at `requoted` paths were unquoted numbers: they are expected back as text; names at
    `listed` paths were one text (“甲、乙”): they are expected back as a list.
    """
    if isinstance(node, MappingNode):
        pairs = Counter(
            (
                _plain(k),
                _plain(v, (*path, k.value if isinstance(k, ScalarNode) else "?"), requoted, listed),
            )
            for k, v in node.value
        )
        return ("map", frozenset(pairs.items()))
    if path in listed and isinstance(node, SequenceNode):  # [甲、乙] became [甲, 乙]
        cells = [v.value for v in node.value if isinstance(v, ScalarNode)]
        return ("seq", _SEQ, tuple((_STR, name) for cell in cells for name in split_names(cell)))
    if isinstance(node, SequenceNode):
        return (
            "seq",
            node.tag,
            tuple(_plain(v, (*path, i), requoted, listed) for i, v in enumerate(node.value)),
        )
    if path in listed and isinstance(node, ScalarNode):
        return ("seq", _SEQ, tuple((_STR, name) for name in split_names(node.value)))
    return (_STR if path in requoted else node.tag, node.value)
