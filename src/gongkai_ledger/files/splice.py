"""The text splice: a progress report added to a file, keeping every byte the user wrote.

`append_report` splices the new report as text at the end of the file's `reports:` block,
in the indentation and style the file already uses (detected from its reports), so the
diff is exactly the added lines. ruamel.yaml only emits the new scalars, quoted where
needed, and PyYAML (the reader) confirms each one reads back as written.
"""

from __future__ import annotations

import codecs
import io
import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..core.errors import EditError, Rejected
from ..core.model import Status, Unit
from ..core.problems import Level
from .schema import REPORT
from .yamlio import YAMLError, compose, parse_document, round_trip

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
