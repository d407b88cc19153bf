"""Writes that keep every byte the user wrote: append a progress report, replace atomically.

`append_report` splices the new report as text at the end of the file's `reports:` block,
in the indentation and style the file already uses (detected from its reports), so the
diff is exactly the added lines. ruamel.yaml only emits the new scalars, quoted where
needed, and PyYAML (the reader) confirms each one reads back as written.

`add_report` resolves the unit, checks the whole ledger with the new content substituted
(nothing is written when that adds an error), and writes through `update_file`, the one
way any command rewrites a ledger file: under the file's lock, read, change, then temp
file + fsync + `os.replace`. Concurrent writers queue up, a crash leaves the old file.
"""

from __future__ import annotations

import codecs
import io
import os
import re
import secrets
import stat
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .check import check_loaded
from .errors import os_reason
from .load import (
    PROGRESS_DIR,
    TASKS_FILE,
    UNITS_FILE,
    Reader,
    ledger_files,
    load_ledger,
    shown_path,
)
from .locking import LockFailed, LockTimeout, file_lock
from .model import UNIT_ID, Ledger, Report, Status, Unit
from .multisets import unmatched
from .problems import LedgerUnreadable, Level, Problem
from .registry import Registry
from .rules import foreign_file
from .schema import REPORT
from .yamlio import (
    DEFAULT_MAX_FILE_BYTES,
    NotRegularFile,
    YAMLError,
    compose,
    parse_document,
    read_capped,
    read_document,
    repository_of,
    round_trip,
)

TEMP_SUFFIX = ".tmp"

# The keys of a report, in the canonical order that `ledger fmt` also writes.
REPORT_KEYS = REPORT.order

# YAML's line breaks (libyaml counts lines by these), so line numbers agree with its marks.
_BREAK = re.compile("\r\n|\r|\n|\x85|\u2028|\u2029")
_STR_TAG = "tag:yaml.org,2002:str"
_NULL_TAG = "tag:yaml.org,2002:null"


@dataclass(frozen=True)
class NewReport:
    """A report to append, as the user gave it."""

    item: str
    date: date
    status: Status
    summary: str = ""
    evidence: tuple[str, ...] = ()
    reason: str = ""


@dataclass(frozen=True)
class Added:
    """What `add_report` wrote."""

    path: str  # the progress file, as the user would type it
    unit: Unit
    report: NewReport
    created: bool
    warnings: tuple[Problem, ...]  # warning-level problems the report brings (e.g. no evidence)


class EditError(Exception):
    """Nothing was written: a wrong option or a file that cannot be edited safely (exit 2)."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class Rejected(Exception):
    """Nothing was written: the edit would add these errors to the ledger (exit 1)."""

    def __init__(self, path: str, problems: Sequence[Problem], explanation: str) -> None:
        super().__init__(explanation)
        self.path = path
        self.problems = list(problems)
        self.explanation = explanation


# -- the unit and its file ---------------------------------------------------


def resolve_unit(root: Path, name: str) -> Unit:
    """The unit a name, alias or id stands for; reads only units.yaml."""
    _, units_path, _ = ledger_files(root)
    shown = shown_path(units_path)
    try:
        document = read_document(units_path, shown, home=repository_of(root))
    except OSError as error:
        raise LedgerUnreadable(f"无法读取 {shown}:{os_reason(error)}") from None
    refused = next((p for p in document.problems if p.rule == foreign_file.ID), None)
    if refused is not None:  # not read at all: say why, rather than "unknown unit"
        raise LedgerUnreadable(refused.message)
    units, groups = Reader(shown, document, []).units_file()
    registry = Registry(units, groups)
    found = registry.lookup(name.strip())
    if isinstance(found, Unit):
        return found
    if found is not None:
        members = "、".join(u.name for u in registry.expand(found.name))
        raise EditError(
            f"“{name}”是单位组,进展应由各成员单位分别报送",
            hint=f"成员单位:{members}" if members else "",
        )
    raise EditError(f"未知单位“{name}”", hint=registry.hint(name.strip()) or f"单位名录见 {shown}")


def progress_path(root: Path, unit: Unit) -> tuple[Path, Path]:
    """The unit's progress file: as the ledger names it, and the real file to write.

    Creates `progress/` if missing. Refuses (EditError) a progress directory, progress file
    that is a symlink leading out of the ledger directory, or anything that
    is not a plain file where the progress file should be.
    """
    if not UNIT_ID.fullmatch(unit.id):
        raise EditError(
            f"单位编号“{unit.id}”不能用作文件名", hint="请先按 ledger check 的提示修正 units.yaml"
        )
    home = Path(os.path.realpath(root))
    directory = root / PROGRESS_DIR
    if not os.path.lexists(directory):
        try:
            directory.mkdir()
        except OSError as error:
            raise EditError(f"无法创建目录 {shown_path(directory)}:{os_reason(error)}") from None
    real_directory = Path(os.path.realpath(directory))
    if not real_directory.is_relative_to(home):
        raise EditError(
            f"拒绝写入:{shown_path(directory)} 是指向台账目录之外({real_directory})的符号链接",
            hint="请把 progress 改为台账目录中的普通目录",
        )
    if not real_directory.is_dir():
        raise EditError(f"{shown_path(directory)} 不是目录")
    logical = directory / f"{unit.id}.yaml"
    physical = Path(os.path.realpath(logical))
    shown = shown_path(logical)
    if not physical.is_relative_to(home):
        raise EditError(
            f"拒绝写入:{shown} 是指向台账目录之外({physical})的符号链接",
            hint="请删除该链接,改为普通文件",
        )
    if physical in {Path(os.path.realpath(root / f)) for f in (TASKS_FILE, UNITS_FILE)}:
        raise EditError(f"拒绝写入:{shown} 是指向 {physical.name} 的符号链接")
    if os.path.lexists(physical) and not physical.is_file():
        raise EditError(f"{shown} 不是普通文件")
    return logical, physical


# -- the command's work ------------------------------------------------------


def add_report(
    root: Path, unit_name: str, report: NewReport, as_of: date, *, timeout: float = 120.0
) -> Added:
    """Append `report` to the unit's progress file, if the ledger stays as clean as it was.

    Raises Rejected (new errors; nothing written), EditError (unknown unit, unsafe path,
    I/O failure; nothing written) or LedgerUnreadable.
    """
    report = replace(  # as the loader reads them back
        report,
        item=report.item.strip(),
        evidence=tuple(e.strip() for e in report.evidence),
        reason=report.reason.strip(),
    )
    unit = resolve_unit(root, unit_name)
    logical, physical = progress_path(root, unit)
    added: list[Added] = []

    def append(old: bytes | None) -> bytes:
        new, result = _appended(root, unit, report, as_of, logical, old)
        added.append(result)
        return new

    update_file(physical, shown_path(logical), append, timeout=timeout)
    return added[0]


def _appended(
    root: Path, unit: Unit, report: NewReport, as_of: date, logical: Path, old: bytes | None
) -> tuple[bytes, Added]:
    shown = shown_path(logical)
    new = append_report(old, unit, report, shown)
    before = load_ledger(root)
    after = load_ledger(root, {logical: new})
    introduced = _introduced(check_loaded(before, as_of), check_loaded(after, as_of))
    errors = [p for p in introduced if p.level is Level.ERROR]
    if errors:
        raise Rejected(
            shown,
            errors,
            f"未写入:这条进展会使 ledger check 报告上述错误(行号按追加后的文件计),"
            f"{shown} 保持不变。",
        )
    if _reports_of(after.ledger, logical) != [
        *_reports_of(before.ledger, logical),
        _fields(report),
    ]:
        raise RuntimeError(f"the report appended to {shown} does not read back as written")
    warnings = tuple(p for p in introduced if p.level is not Level.ERROR)
    return new, Added(shown, unit, report, old is None, warnings)


def _introduced(before: list[Problem], after: list[Problem]) -> list[Problem]:
    """Problems of `after` not in `before`; positions are ignored, since lines may move."""
    return unmatched(after, before, lambda p: (p.source.path, p.rule, p.level, p.message, p.hint))


ReportFields = tuple[str, date, Status, str, tuple[str, ...], str]


def _fields(report: NewReport | Report) -> ReportFields:
    return (
        report.item,
        report.date,
        report.status,
        report.summary,
        report.evidence,
        report.reason,
    )


def _reports_of(ledger: Ledger, path: Path) -> list[ReportFields]:
    target = os.path.abspath(path)
    for progress in ledger.progress:
        if os.path.abspath(progress.path) == target:
            return [_fields(r) for r in progress.reports]
    return []


# -- the one way a ledger file is rewritten ------------------------------------


def update_file(
    path: Path,
    shown: str,
    change: Callable[[bytes | None], bytes | None],
    *,
    timeout: float = 120.0,
    max_bytes: int = DEFAULT_MAX_FILE_BYTES,
) -> bytes | None:
    """Rewrite a ledger file under its writers' lock: read it, change it, replace it atomically.

    Every writer (progress add, fmt) goes through here, so no writer works from a copy
    that another has replaced meanwhile. `change` gets the bytes as they are under the
    lock (None: no file yet) and returns the new content, or None to leave the file.
    Returns what was written (None: nothing). Raises EditError (the file is unchanged)
    and whatever `change` raises.
    """
    try:
        with file_lock(path, timeout):
            old = _read_locked(path, shown, max_bytes)
            new = change(old)
            if new is None or new == old:
                return None
            try:
                write_atomic(path, new)
            except OSError as error:
                raise EditError(
                    f"写入 {shown} 失败:{os_reason(error)}", hint="原文件未改动"
                ) from None
            return new
    except LockTimeout:
        raise EditError(
            f"{shown} 正由另一个进程写入,等待 {timeout:g} 秒仍未完成", hint="请稍后重试"
        ) from None
    except LockFailed as failed:
        raise EditError(f"无法锁定 {shown}:{os_reason(failed.error)}") from None


def _read_locked(path: Path, shown: str, max_bytes: int) -> bytes | None:
    try:
        return read_capped(path, max_bytes)
    except FileNotFoundError:
        return None
    except NotRegularFile as error:
        raise EditError(f"{shown} 是{error.kind},不是普通文件") from None
    except OSError as error:
        raise EditError(f"无法读取 {shown}:{os_reason(error)}") from None


# -- atomic write ------------------------------------------------------------


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` all at once: temp file beside it, fsync, os.replace.

    A reader sees the old file or the new one, never a mix; after a crash the old
    file is intact (a stray `.<name>.<random>.tmp` may stay behind). The file keeps
    its permission bits; a new file gets the usual ones (0666 less the umask).
    """
    try:
        mode: int | None = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mode = None
    temp = path.with_name(f".{path.name}.{secrets.token_hex(6)}{TEMP_SUFFIX}")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(temp, flags, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            if mode is not None:
                os.chmod(temp, mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise
    _sync_directory(path.parent)


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); elsewhere the rename is as durable as it gets."""
    if os.name != "posix":
        return
    with suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# -- the text splice ---------------------------------------------------------


def append_report(data: bytes | None, unit: Unit, report: NewReport, shown: str) -> bytes:
    """The progress file `data` with `report` added at the end of its reports.

    `data` None means the file does not exist: a new one is made, with a header comment.
    Every byte of `data` is kept, except an empty `reports: []` / `reports: ~` marker and
    the chomping of a `|` text the file ends in (see `_chomp_final_block_scalar`).
    Raises Rejected when the file cannot be read as YAML, EditError when its shape
    leaves no safe place to append.
    """
    emitter = _Emitter()
    if data is None:
        return _new_file(unit, report, emitter).encode("utf-8")
    bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
    document = parse_document(data, shown)
    if document.node is None and any(p.level is Level.ERROR for p in document.problems):
        raise Rejected(
            shown,
            [p for p in document.problems if p.level is Level.ERROR],
            f"未写入:{shown} 现有内容有上述错误,无法安全追加;请先修正。",
        )
    text, node = document.text, document.node
    chomped = _chomp_final_block_scalar(text, node)
    if chomped != text:
        text, node = chomped, parse_document(chomped.encode("utf-8"), shown).node
    text = _splice(text, node, unit, report, emitter, shown)
    return bom + text.encode("utf-8")


_BLOCK_HEADER = re.compile(r"[|>](?:[1-9][+-]?|[+-][1-9]?)?")


def _chomp_final_block_scalar(text: str, root: Node | None) -> str:
    """`text` with a final `|` / `>` text made `|-` / `>-` when the file ends inside it.

    With no line break at the end of the file, such a text has no final line break; the
    line break that appending needs would become part of it under the default (clip) or
    keep chomping. The strip indicator keeps its value exactly as it reads now.
    """
    if root is None or not text or _BREAK.fullmatch(text[-1]) or not text.splitlines()[-1].strip():
        return text
    node = root
    while isinstance(node, MappingNode | SequenceNode) and not node.flow_style and node.value:
        node = node.value[-1][1] if isinstance(node, MappingNode) else node.value[-1]
    if not isinstance(node, ScalarNode) or node.style not in ("|", ">"):
        return text
    start = _Lines(text).offset(node.start_mark)
    header = _BLOCK_HEADER.match(text, start)
    if header is None or "-" in header.group():
        return text
    stripped = header.group().replace("+", "") + "-"
    return text[:start] + stripped + text[header.end() :]


def _new_file(unit: Unit, report: NewReport, emitter: _Emitter) -> str:
    name = _BREAK.sub(" ", unit.name)
    lines = [
        f"# {name}的政务公开工作进展报告:reports 下每项是一条进展,新的追加在末尾。",
        '# 可用 `ledger progress add` 追加,也可直接编辑(条目编号加引号,如 "5.1");',
        "# 修改后运行 `ledger check` 检查。",
        *_document_lines(unit, report, emitter),
    ]
    return "\n".join(lines) + "\n"


def _document_lines(unit: Unit, report: NewReport, emitter: _Emitter) -> list[str]:
    return [
        f"unit: {emitter.scalar(unit.name, flow=False)}",
        "reports:",
        *_block_report(report, _Style(dash=2, key=4), emitter),
    ]


class _Lines:
    """Line offsets of a text, with YAML's idea of a line break."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        self.ends: list[int] = []
        for match in _BREAK.finditer(text):
            self.ends.append(match.start())
            self.starts.append(match.end())
        self.ends.append(len(text))
        first = _BREAK.search(text)
        self.newline = first.group() if first and first.group() in ("\r\n", "\n", "\r") else "\n"

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, number: int) -> str:
        return self.text[self.starts[number] : self.ends[number]]

    def offset(self, node_mark: Any) -> int:
        return int(self.starts[node_mark.line] + node_mark.column)

    def after(self, number: int) -> int:
        """Where the line after line `number` starts (the end of the text for the last line)."""
        return self.starts[number + 1] if number + 1 < len(self.starts) else len(self.text)

    def has_break(self, number: int) -> bool:
        return number + 1 < len(self.starts)


@dataclass(frozen=True)
class _Style:
    """How a file writes its reports; new reports are written the same way."""

    dash: int  # column of a report's "-"
    key: int  # column of a report's keys
    flow_report: bool = False  # - {item: "1.1", date: …}
    keys: tuple[str, ...] = REPORT_KEYS
    quote: str = '"'  # around item ids
    flow_evidence: bool = True  # evidence: [https://…] rather than a block list
    evidence_dash: int = 2  # block evidence: "-" column relative to `key`
    evidence_gap: int = 2  # block evidence: from "-" to the text
    blank_line: bool = False  # reports separated by a blank line


def _splice(
    text: str, root: Node | None, unit: Unit, report: NewReport, emitter: _Emitter, shown: str
) -> str:
    lines = _Lines(text)
    if root is None:  # an empty file, or comments only
        return _insert(text, lines, len(lines) - 1, _document_lines(unit, report, emitter))
    if not isinstance(root, MappingNode) or root.flow_style:
        raise EditError(f"{shown} 的顶层不是“键: 值”块格式,无法自动追加", hint="请手工编辑")
    entry = next(
        ((k, v) for k, v in root.value if isinstance(k, ScalarNode) and k.value == "reports"), None
    )
    if entry is None:  # no reports key yet: add it after the last key
        column = root.start_mark.column
        last = _extend(lines, _last_line(root), column + 1)
        style = _Style(dash=column + 2, key=column + 4)
        body = [" " * column + "reports:", *_block_report(report, style, emitter)]
        return _insert(text, lines, last, body)
    key, reports = entry
    if isinstance(reports, SequenceNode) and reports.value and reports.flow_style:
        return _append_flow(text, lines, reports, report, emitter)
    if isinstance(reports, SequenceNode) and reports.value:
        style = _detect(reports, lines)
        # Comments at the list's indentation belong to it (an indentless list: deeper only).
        last = _extend(lines, _last_line(reports), max(style.dash, key.start_mark.column + 1))
        body = [""] if style.blank_line else []
        if style.flow_report:
            body.append(" " * style.dash + "- " + _flow_report(report, style, emitter))
        else:
            body.extend(_block_report(report, style, emitter))
        return _insert(text, lines, last, body)
    empty_list = isinstance(reports, SequenceNode)
    if empty_list or (isinstance(reports, ScalarNode) and reports.tag == _NULL_TAG):
        column = key.start_mark.column
        style = _Style(dash=column + 2, key=column + 4)
        last = _extend(lines, reports.end_mark.line, column + 1)
        body = _block_report(report, style, emitter)
        spliced = _insert(text, lines, last, body)
        start, end = lines.offset(reports.start_mark), lines.offset(reports.end_mark)
        if start == end:  # `reports:` with nothing after it
            return spliced
        if not text[end : lines.ends[reports.end_mark.line]].strip():
            while start > lines.starts[reports.start_mark.line] and text[start - 1] in " \t":
                start -= 1  # `reports: []` becomes `reports:`, not `reports: `
        return spliced[:start] + spliced[end:]  # the insertion is after `end`: offsets hold
    raise EditError(
        f"{shown} 中的 reports 不是列表,无法自动追加", hint="请先按 ledger check 的提示修正"
    )


def _insert(text: str, lines: _Lines, after_line: int, body: list[str]) -> str:
    """`text` with `body` inserted as whole lines after line `after_line`."""
    newline = lines.newline
    at = lines.after(after_line)
    block = newline.join(body) + newline
    if not lines.has_break(after_line) and lines[after_line]:
        block = newline + block  # the file ended without a line break
    return text[:at] + block + text[at:]


def _append_flow(
    text: str, lines: _Lines, reports: SequenceNode, report: NewReport, emitter: _Emitter
) -> str:
    """reports: [{…}, {…}] gets `, {…}` after the last report (on a new line if it has one)."""
    last = reports.value[-1]
    previous = reports.value[-2].start_mark.line if len(reports.value) > 1 else None
    own_line = last.start_mark.line != (
        previous if previous is not None else reports.start_mark.line
    )
    separator = "," + (lines.newline + " " * last.start_mark.column if own_line else " ")
    at = lines.offset(last.end_mark)
    style = _Style(dash=0, key=0, flow_report=True)
    if isinstance(last, MappingNode):
        style = replace(style, **_detected_fields([last]))
    return text[:at] + separator + _flow_report(report, style, emitter) + text[at:]


def _detect(reports: SequenceNode, lines: _Lines) -> _Style:
    dash = reports.start_mark.column
    style = _Style(dash=dash, key=dash + 2)
    mappings = [n for n in reports.value if isinstance(n, MappingNode)]
    if not mappings:
        return style
    last = mappings[-1]
    if last.flow_style:
        style = replace(style, flow_report=True)
    else:
        style = replace(style, key=max(last.start_mark.column, dash + 2))
    style = replace(style, **_detected_fields(mappings))
    if len(reports.value) > 1 and reports.value[-1] is last:
        end_of_previous = _last_line(reports.value[-2])
        between = range(end_of_previous + 1, last.start_mark.line)
        style = replace(style, blank_line=any(not lines[n].strip() for n in between))
    return style


def _detected_fields(mappings: list[MappingNode]) -> dict[str, Any]:
    """Key order, id quoting and evidence layout, as the latest report that shows them."""
    found: dict[str, Any] = {}
    last = mappings[-1]
    keys = [k.value for k, _ in last.value if isinstance(k, ScalarNode) and k.value in REPORT_KEYS]
    found["keys"] = _key_order(keys)
    item = next((v for k, v in last.value if isinstance(k, ScalarNode) and k.value == "item"), None)
    if isinstance(item, ScalarNode) and item.style in ("'", '"'):
        found["quote"] = item.style
    for mapping in reversed(mappings):
        evidence = next(
            (v for k, v in mapping.value if isinstance(k, ScalarNode) and k.value == "evidence"),
            None,
        )
        if isinstance(evidence, SequenceNode) and evidence.value:
            found["flow_evidence"] = bool(evidence.flow_style)
            if not evidence.flow_style and not mapping.flow_style:
                column = evidence.start_mark.column
                found["evidence_dash"] = max(0, column - mapping.start_mark.column)
                found["evidence_gap"] = max(2, evidence.value[0].start_mark.column - column)
            break
    return found


def _key_order(seen: list[str]) -> tuple[str, ...]:
    """The keys in the order a file uses; keys it has not used go where the format puts them."""
    order = list(dict.fromkeys(seen))
    for position, key in enumerate(REPORT_KEYS):
        if key not in order:
            before = [k for k in REPORT_KEYS[:position] if k in order]
            order.insert(order.index(before[-1]) + 1 if before else 0, key)
    return tuple(order)


def _last_line(node: Node) -> int:
    """The last line holding the node's own text (not comments or blank lines after it)."""
    while isinstance(node, MappingNode | SequenceNode) and not node.flow_style and node.value:
        node = node.value[-1][1] if isinstance(node, MappingNode) else node.value[-1]
    end = node.end_mark
    if isinstance(node, ScalarNode) and node.style in ("|", ">") and end.column == 0:
        return int(end.line) - 1  # a block scalar ends where the next line starts
    return int(end.line)


def _extend(lines: _Lines, number: int, indent: int) -> int:
    """Past comment lines indented at least `indent`: they belong to what precedes them."""
    while number + 1 < len(lines):
        line = lines[number + 1]
        stripped = line.lstrip(" ")
        if not stripped.startswith("#") or len(line) - len(stripped) < indent:
            break
        number += 1
    return number


# -- rendering a report ------------------------------------------------------


def _values(
    report: NewReport, style: _Style, emitter: _Emitter, *, flow: bool
) -> list[tuple[str, str | list[str]]]:
    values: dict[str, str | list[str]] = {
        "item": emitter.scalar(report.item, flow=flow, quote=style.quote),
        "date": report.date.isoformat(),
        "status": emitter.scalar(report.status.value, flow=flow),
    }
    if report.summary:
        values["summary"] = emitter.scalar(report.summary, flow=flow)
    if report.evidence:
        in_flow = flow or style.flow_evidence
        values["evidence"] = [emitter.scalar(e, flow=in_flow) for e in report.evidence]
    if report.reason:
        values["reason"] = emitter.scalar(report.reason, flow=flow)
    return [(key, values[key]) for key in style.keys if key in values]


def _block_report(report: NewReport, style: _Style, emitter: _Emitter) -> list[str]:
    key_column = max(style.key, style.dash + 2)
    first = " " * style.dash + "-" + " " * (key_column - style.dash - 1)
    lines = []
    for number, (key, value) in enumerate(_values(report, style, emitter, flow=False)):
        lead = first if number == 0 else " " * key_column
        if isinstance(value, list) and style.flow_evidence:
            lines.append(f"{lead}{key}: [{', '.join(value)}]")
        elif isinstance(value, list):
            lines.append(f"{lead}{key}:")
            dash = " " * (key_column + style.evidence_dash) + "-" + " " * (style.evidence_gap - 1)
            lines.extend(dash + element for element in value)
        else:
            lines.append(f"{lead}{key}: {value}")
    return lines


def _flow_report(report: NewReport, style: _Style, emitter: _Emitter) -> str:
    parts = []
    for key, value in _values(report, style, emitter, flow=True):
        parts.append(
            f"{key}: [{', '.join(value)}]" if isinstance(value, list) else f"{key}: {value}"
        )
    return "{" + ", ".join(parts) + "}"


class _Emitter:
    """One-line YAML scalars from ruamel.yaml, confirmed by PyYAML to read back unchanged.

    ruamel.yaml quotes what YAML 1.2 would misread; the ledger is read by PyYAML (YAML 1.1,
    where `no` and `12:30` are not text), so anything PyYAML would misread is quoted too.
    """

    def __init__(self) -> None:
        never_fold = 1_000_000_000  # one line per scalar
        self._block = round_trip(width=never_fold, allow_unicode=True)
        self._flow = round_trip(width=never_fold, flow=True, allow_unicode=True)

    def scalar(self, value: str, *, flow: bool, quote: str = "") -> str:
        """`value` as YAML text on one line: plain when safe, else quoted (`quote` first)."""
        for style in (quote, '"') if quote else ("", "'", '"'):
            emitted = self._emit(value, style, flow=flow)
            if _BREAK.search(emitted) is None and _reads_back(emitted, value, flow=flow):
                return emitted
        raise RuntimeError(f"cannot write {value!r} as a one-line YAML scalar")

    def _emit(self, value: str, style: str, *, flow: bool) -> str:
        from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

        wrapped: str = value
        if style == "'":
            wrapped = SingleQuotedScalarString(value)
        elif style == '"':
            wrapped = DoubleQuotedScalarString(value)
        out = io.StringIO()
        if flow:
            self._flow.dump([wrapped], out)
            return out.getvalue().rstrip("\n").removeprefix("[").removesuffix("]")
        self._block.dump({"k": wrapped}, out)
        return out.getvalue().rstrip("\n").removeprefix("k: ")


def _reads_back(emitted: str, value: str, *, flow: bool) -> bool:
    try:
        node = compose(f"[{emitted}]" if flow else f"k: {emitted}")
    except YAMLError:
        return False
    if flow:
        inner = node.value[0] if isinstance(node, SequenceNode) and len(node.value) == 1 else None
    else:
        inner = node.value[0][1] if isinstance(node, MappingNode) and len(node.value) == 1 else None
    return isinstance(inner, ScalarNode) and inner.tag == _STR_TAG and inner.value == value
