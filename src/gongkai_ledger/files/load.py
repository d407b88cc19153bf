"""Ledger files → model. Shape mistakes become Problems with positions, never exceptions.

Which keys a mapping has, what kind each value is, its range and its name in messages are
schema.py's; `Reader.fields` reads a mapping by that definition and the node readers here
only assemble the model.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path, PurePosixPath
from types import ModuleType
from typing import TypeVar

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..core.deadline import DeadlineError, accepted_forms, parse_deadline
from ..core.digits import ascii_digits
from ..core.errors import os_reason
from ..core.flowlist import flow_list, split_names
from ..core.gcpause import without_gc
from ..core.model import (
    DEFAULT_REVIEW_DAYS,
    DEFAULT_TIMEZONE,
    ITEM_IDS_PREFIXED,
    REVIEW_NONE,
    Cadence,
    CalendarDay,
    CalendarYear,
    CarriedFrom,
    CarriedUnit,
    Deadline,
    Extension,
    Group,
    Holiday,
    Item,
    Ledger,
    Milestone,
    Name,
    Plan,
    ProgressFile,
    Report,
    ReportBy,
    Review,
    Section,
    Source,
    Status,
    Task,
    Unit,
)
from ..core.problems import EXCERPT, LedgerUnreadable, Level, Problem, excerpt
from ..core.record import record, replace
from ..core.registry import did_you_mean, suggest
from ..core.timezones import zone
from ..rules import (
    control_char,
    deadline_format,
    duplicate_key,
    foreign_file,
    id_format,
    impossible_date,
    make,
    missing_deadline,
    missing_key,
    no_owner,
    numeric_id,
    progress_file,
    unknown_key,
    unknown_status,
    unquoted_text,
    wrong_type,
    yaml_tag,
)
from . import schema
from .locking import LOCK_SUFFIX  # stale lock files of older versions are not ledger files
from .schema import Key, Kind
from .schema import Node as Shape
from .yamlio import (
    DEFAULT_MAX_FILE_BYTES,
    Document,
    EditorLines,
    parse_document,
    read_document,
    repository_of,
    scalar_value,
    special_kind,
)

TASKS_FILE = "tasks.yaml"
UNITS_FILE = "units.yaml"
CALENDAR_FILE = "calendar.yaml"  # optional: 放假安排 of years chinesecalendar lacks
REVIEWS_FILE = "reviews.yaml"  # optional: the office's 销号 and 退回 (plan.review)
PROGRESS_DIR = "progress"

_TAG = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP = (
    _TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")
)
_KNOWN_TAGS = {_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP, _TAG + "seq", _TAG + "map"}
_TEXT_TAGS = {_STR, _INT, _FLOAT, _TIMESTAMP}
_KEY_TAGS = _TEXT_TAGS | {_BOOL, _NULL}  # a mapping key read as text
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_CANONICAL_INT = re.compile(r"0|[1-9][0-9]*")  # an int every YAML reader reads back as written
# Unquoted numbers in YAML 1.2 (ruamel.yaml and most tools) that YAML 1.1 reads as text.
_YAML12_NUMBER = re.compile(
    r"[-+]?(?:0o[0-7]+|0x[0-9a-fA-F]+|(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)"
)


_File = TypeVar("_File", Path, str)  # a file on disk, or one held in memory


@record
class Loaded:
    ledger: Ledger
    problems: list[Problem]


def ledger_files(root: Path) -> tuple[Path, Path, list[Path]]:
    """The ledger's files; raises LedgerUnreadable when the ledger is not there at all."""
    if not root.is_dir():
        raise LedgerUnreadable(
            f"找不到台账目录“{root}”",
            hint="可用 --ledger 或环境变量 GONGKAI_LEDGER_DIR 指定;" + no_ledger_hint(root),
        )
    tasks, units = root / TASKS_FILE, root / UNITS_FILE
    for required in (tasks, units):
        if not required.is_file():
            what = f"{shown_path(required)} 是{kind}" if (kind := special_kind(required)) else ""
            raise LedgerUnreadable(
                f"台账目录“{root}”中没有 {required.name}"
                + (f":{what},不是普通文件" if what else ""),
                hint="" if what else no_ledger_hint(root),
            )
    progress = [e for e in progress_entries(root) if e.suffix == ".yaml"]
    return tasks, units, progress


def no_ledger_hint(root: Path) -> str:
    """What to do where there is no ledger yet: the one wording, for every command."""
    shown = root.as_posix()
    return (
        f"新建台账请运行 ledger init {shown},"
        f"或从 Word、Excel 分解表导入:ledger import 分解表.docx -o {shown}"
    )


def progress_entries(root: Path) -> list[Path]:
    """What progress/ holds, sorted; nothing when it is not a directory. Raises LedgerUnreadable."""
    progress_dir = root / PROGRESS_DIR
    if not progress_dir.is_dir():
        return []
    try:
        return sorted(progress_dir / name for name in os.listdir(progress_dir))
    except OSError as error:
        raise LedgerUnreadable(
            f"无法读取目录 {shown_path(progress_dir)}:{os_reason(error)}"
        ) from None


def is_ledger_file(path: Path, root: Path) -> bool:
    """Whether writing `path` would overwrite a file of the ledger at `root` (links resolved)."""
    target, base = path.resolve(), root.resolve()
    own = (base / TASKS_FILE, base / UNITS_FILE, base / CALENDAR_FILE, base / REVIEWS_FILE)
    return target in own or target.parent == base / PROGRESS_DIR


def _stray_progress_entries(root: Path) -> list[Path]:
    """Entries of progress/ that are not read: a `czj.yml` or a subfolder would be ignored."""
    return sorted(
        entry
        for entry in progress_entries(root)
        if entry.suffix != ".yaml"
        and not entry.name.startswith(".")
        and not entry.name.upper().startswith("README")
        and not entry.name.endswith(LOCK_SUFFIX)
    )


def _progress_not_a_directory(root: Path) -> list[Problem]:
    progress_dir = root / PROGRESS_DIR
    if not os.path.lexists(progress_dir) or progress_dir.is_dir():
        return []
    return [
        make(
            foreign_file,
            Source(shown_path(progress_dir), 1, 1),
            f"{shown_path(progress_dir)} 不是目录,其中不会读取到任何进展",
            hint="progress 应是存放 <单位编号>.yaml 的目录",
        )
    ]


def load_ledger(
    root: Path,
    overrides: Mapping[Path, bytes] | None = None,
    *,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
) -> Loaded:
    """Read every file of the ledger at `root`; all problems found are returned together.

    `overrides` substitutes the content of some files (a progress file may be new) without
    touching the disk: a command that writes checks its result this way before writing.
    A file larger than `max_file_bytes` is not read (a `file-too-large` problem).
    """
    tasks_path, units_path, progress_paths = ledger_files(root)
    replaced = {_absolute(p): data for p, data in (overrides or {}).items()}
    if overrides:
        progress_dir, known = _absolute(root / PROGRESS_DIR), {_absolute(p) for p in progress_paths}
        for path in overrides:
            key = _absolute(path)
            if key.parent == progress_dir and key.suffix == ".yaml" and key not in known:
                progress_paths.append(path)  # a new progress file, not on disk yet
        progress_paths.sort()
    problems: list[Problem] = [
        make(
            progress_file,
            Source(shown_path(entry), 1, 1),
            f"“{entry.name}”不会被读取:进展文件应为 progress/<单位编号>.yaml",
            hint="请改名为 czj.yaml 这样的 .yaml 文件,或移出 progress/",
        )
        for entry in _stray_progress_entries(root)
    ]
    problems.extend(_progress_not_a_directory(root))
    home = repository_of(root)

    def read(path: Path) -> Reader:
        shown = shown_path(path)
        try:
            data = replaced.get(_absolute(path))
            document = (
                read_document(path, shown, max_file_bytes, home=home)
                if data is None
                else parse_document(data, shown, max_file_bytes)
            )
        except OSError as error:
            raise LedgerUnreadable(f"无法读取 {shown}:{os_reason(error)}") from None
        return Reader(shown, document, problems)

    calendar_path = root / CALENDAR_FILE
    calendar = calendar_path if os.path.lexists(calendar_path) else None
    reviews_path = root / REVIEWS_FILE
    reviews = (
        reviews_path
        if os.path.lexists(reviews_path) or _absolute(reviews_path) in replaced
        else None
    )
    return _assemble(read, tasks_path, units_path, progress_paths, problems, calendar, reviews)


def reload_progress(
    loaded: Loaded,
    root: Path,
    path: Path,
    data: bytes,
    *,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
) -> Loaded:
    """What `load_ledger(root, {path: data})` returns, given `loaded` = `load_ledger(root)` (or
    one with other content for `path`), re-reading only the progress file `path`.

    A command that appends to one progress file checks the ledger before and after; the
    other files are the same both times, so they are read once. The result is the same
    model and the same problems in the same order as a full load.
    """
    progress_dir = _absolute(root / PROGRESS_DIR)
    target = _absolute(path)
    if target.parent != progress_dir or target.suffix != ".yaml":
        raise ValueError(f"{path} is not a progress file of {root}")
    shown = shown_path(path)
    _, _, paths = ledger_files(root)
    if all(_absolute(p) != target for p in paths):
        paths.append(path)  # a new progress file, not on disk yet
        paths.sort()
    order = {shown_path(p): i for i, p in enumerate(paths)}
    problems: list[Problem] = []
    progress = _read_one(Reader(shown, parse_document(data, shown, max_file_bytes), problems))
    kept = [p for p in loaded.ledger.progress if p.path != shown]
    if progress is not None:
        kept.append(progress)
    kept.sort(key=lambda p: order.get(p.path, -1))
    # Problems in reading order: those of no file first (progress/ itself), then file by file.
    files = [shown_path(root / TASKS_FILE), shown_path(root / UNITS_FILE)]
    rank = {name: i for i, name in enumerate(files)}
    rank.update({name: len(files) + i for name, i in order.items()})
    last = len(files) + len(order)  # calendar.yaml and reviews.yaml, read after progress/
    rank.update({shown_path(root / CALENDAR_FILE): last, shown_path(root / REVIEWS_FILE): last + 1})
    others = [p for p in loaded.problems if p.source.path != shown]
    merged = sorted([*others, *problems], key=lambda p: rank.get(p.source.path, -1))
    return Loaded(replace(loaded.ledger, progress=tuple(kept)), merged)


@without_gc
def _read_one(reader: Reader) -> ProgressFile | None:
    return reader.progress_file()


def plan_timezone(root: Path) -> str:
    """plan.timezone of the ledger at `root` when it names a known zone, else the default.

    Read before the ledger is loaded (the day it is decides what `check` finds); a bad or
    unreadable value is not reported here: `ledger check` reports it with its position.
    """
    path = root / TASKS_FILE
    if not path.is_file():  # missing, a directory or a FIFO: the loader says what is wrong
        return DEFAULT_TIMEZONE
    try:
        document = read_document(path, TASKS_FILE, home=repository_of(root))
    except OSError:
        return DEFAULT_TIMEZONE
    value = _child(_child(document.node, "plan"), "timezone")
    if isinstance(value, ScalarNode) and zone(value.value) is not None:
        return str(value.value)
    return DEFAULT_TIMEZONE


def _child(node: Node | None, key: str) -> Node | None:
    if not isinstance(node, MappingNode):
        return None
    return next((v for k, v in node.value if isinstance(k, ScalarNode) and k.value == key), None)


def load_ledger_from(
    files: Mapping[str, bytes], root_label: str, *, max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
) -> Loaded:
    """A ledger held in memory, such as a git revision, read as `load_ledger` reads a directory.

    `files` maps paths relative to the ledger directory (`tasks.yaml`, `units.yaml`,
    `progress/czj.yaml`; others are ignored) to their bytes; problems name the files
    `<root_label>/tasks.yaml`…. Raises LedgerUnreadable without tasks.yaml or units.yaml.
    """
    for required in (TASKS_FILE, UNITS_FILE):
        if required not in files:
            raise LedgerUnreadable(f"“{root_label}”中没有 {required}")
    progress = sorted(
        name
        for name in files
        if PurePosixPath(name).parent == PurePosixPath(PROGRESS_DIR) and name.endswith(".yaml")
    )
    problems: list[Problem] = []

    def read(name: str) -> Reader:
        shown = f"{root_label}/{name}"
        return Reader(shown, parse_document(files[name], shown, max_file_bytes), problems)

    calendar = CALENDAR_FILE if CALENDAR_FILE in files else None
    reviews = REVIEWS_FILE if REVIEWS_FILE in files else None
    return _assemble(read, TASKS_FILE, UNITS_FILE, progress, problems, calendar, reviews)


@without_gc
def _assemble(
    read: Callable[[_File], Reader],
    tasks_file: _File,
    units_file: _File,
    progress_files: Iterable[_File],
    problems: list[Problem],
    calendar_file: _File | None = None,
    reviews_file: _File | None = None,
) -> Loaded:
    """The ledger from its files, read in this order (so problems come in file order)."""
    plan, sections, tasks = read(tasks_file).tasks_file()
    units, groups = read(units_file).units_file()
    progress = [read(p).progress_file() for p in progress_files]
    calendar = read(calendar_file).calendar_file() if calendar_file is not None else ()
    reviews = read(reviews_file).reviews_file() if reviews_file is not None else ()
    ledger = Ledger(
        plan=plan,
        sections=tuple(sections),
        tasks=tuple(tasks),
        units=tuple(units),
        groups=tuple(groups),
        progress=tuple(p for p in progress if p is not None),
        calendar=calendar,
        reviews=reviews,
    )
    return Loaded(ledger, problems)


def _absolute(path: Path) -> Path:
    return Path(os.path.abspath(path))


def shown_path(path: Path) -> str:
    """The path as the user would type it: relative to the working directory when inside it."""
    try:
        return os.path.relpath(path).replace(os.sep, "/") if not path.is_absolute() else str(path)
    except ValueError:  # another drive on Windows
        return str(path)


class Reader:
    """Walks one composed document, collecting problems into a shared list."""

    def __init__(self, path: str, document: Document, problems: list[Problem]) -> None:
        self.path = path
        self.document = document
        self.problems = problems
        problems.extend(document.problems)
        editor = document.editor or EditorLines(document.text)  # as Document.source finds it
        self._source = editor.source

    # -- primitives ---------------------------------------------------------

    def at(self, node: Node) -> Source:
        return self._source(self.path, node.start_mark)

    def add(self, rule: ModuleType, where: Node | Source, message: str, hint: str = "") -> None:
        source = where if isinstance(where, Source) else self.at(where)
        self.problems.append(make(rule, source, message, hint))

    def _tag_ok(self, node: Node) -> bool:
        if node.tag in _KNOWN_TAGS:
            return True
        tag = "!!" + node.tag.removeprefix(_TAG) if node.tag.startswith(_TAG) else node.tag
        self.add(yaml_tag, node, f"不支持的 YAML 标签“{tag}”", hint="请删除标签")
        return False

    def root(
        self, what: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> dict[str, tuple[Node, Node]] | None:
        """The file's top-level mapping; an empty file (or only comments) is a problem too."""
        node = self.document.node
        empty = node is None or (isinstance(node, ScalarNode) and node.tag == _NULL)
        if empty and all(p.level is not Level.ERROR for p in self.document.problems):
            keys = "、".join(f"“{k}”" for k in required)
            self.add(missing_key, Source(self.path, 1, 1), f"{what}是空的,缺少{keys}")
            return None
        return self.mapping(node, what, required, optional)

    def mapping(
        self, node: Node | None, what: str, required: Iterable[str], optional: Iterable[str] = ()
    ) -> dict[str, tuple[Node, Node]] | None:
        if node is None or not self._tag_ok(node):
            return None
        if not isinstance(node, MappingNode):
            self.add(wrong_type, node, f"{what}应为“键: 值”形式的映射")
            return None
        required = tuple(required)
        allowed = (*required, *optional)
        found: dict[str, tuple[Node, Node]] = {}
        for key, value in node.value:
            if not isinstance(key, ScalarNode) or key.tag not in _KEY_TAGS:
                if self._tag_ok(key):  # an unknown tag is reported as such
                    self.add(wrong_type, key, f"{what}的键应为文本")
                continue
            name = key.value
            if not key.style:  # an indent of full-width spaces: indent-space names it
                name = name.lstrip("\u3000\u00a0")
            if name in found:
                first = self.at(found[name][0]).line
                self.add(duplicate_key, key, f"{what}中重复的键“{name}”", hint=f"第 {first} 行已有")
                continue
            if name not in allowed:
                self.add(
                    unknown_key,
                    key,
                    f"{what}中未知的键“{name}”",
                    hint=did_you_mean(suggest(name, allowed)) or "可用的键:" + "、".join(allowed),
                )
                continue
            found[name] = (key, value)
        for name in required:
            if name not in found:
                self.add(missing_key, node, f"{what}缺少“{name}”")
        return found

    def text(
        self, node: Node, what: str, *, empty_ok: bool = False, multiline: bool = False
    ) -> str | None:
        """A text field; `multiline` ones (content, summary…) may hold line breaks."""
        if not self._tag_ok(node):
            return None
        if isinstance(node, ScalarNode) and node.tag in _TEXT_TAGS:
            if node.value.strip() or empty_ok:
                self._refuse_invisible(node, what, multiline=multiline)
                return str(node.value)
            self.add(wrong_type, node, f"{what}不能为空")
            return None
        if isinstance(node, ScalarNode) and node.tag == _NULL:
            self.add(wrong_type, node, f"{what}不能为空")
        else:
            self.add(wrong_type, node, f"{what}应为文本", hint="含特殊符号的文本请加引号")
        return None

    def warn_misread_text(self, node: Node, what: str) -> None:
        """A plain text other YAML readers take for a number or a date: unquoted-text."""
        misread = misread_text(node)
        if misread is not None and isinstance(node, ScalarNode):
            shown = _excerpt(node.value)
            hint = f'请写成 "{node.value}"' if len(node.value) <= _EXCERPT else "请给文本加引号"
            self.add(unquoted_text, node, f"{what}“{shown}”没有加引号,{misread}", hint=hint)

    def _refuse_invisible(self, node: ScalarNode, what: str, *, multiline: bool) -> None:
        """Control, bidi and zero-width characters: a control-char problem at the character."""
        value = node.value
        if not control_char.suspect(value):
            return
        start, end = node.start_mark.index, node.end_mark.index
        # Written raw, U+2028 and its kind are reported for the whole file already.
        reported = {
            c for c in control_char.YAML_ONLY_BREAKS if self.document.text.find(c, start, end) >= 0
        }
        char = next(
            (
                c
                for c in value
                if c not in reported and control_char.forbidden(c, multiline=multiline)
            ),
            None,
        )
        if char is None:
            return
        if char == "\n":
            hint = "这一项只能写一行,请删除换行"
        elif char == "\t":
            hint = "请把制表符换成空格"
        else:
            hint = "请删除该字符;从其他软件复制的文字请以纯文本粘贴"
        self.add(
            control_char,
            self.document.char_source(self.path, node, char),
            f"{what}中有{control_char.describe(char)}",
            hint,
        )

    def well_formed_id(self, node: Node, ident: str, what: str) -> None:
        """Section, task and item ids: a strict pattern (id-format), so no markup gets through."""
        if id_format.well_formed(ident) or control_char.first_forbidden(ident) is not None:
            return  # a control character is reported as such
        if len(ident) > id_format.MAX_LENGTH:
            message = f"{what}“{_excerpt(ident)}”太长:共 {len(ident)} 个字符,最多 32 个"
        else:
            message = (
                f"{what}“{ident}”写法不对:只能由 ASCII 数字、字母和中文数字组成,"
                "各段用“.”“-”或“_”连接"
            )
        self.add(id_format, node, message, hint="例如 5、5.1、5.1a、一、十二")

    def ident(self, node: Node, what: str, *, numbers_ok: bool) -> str | None:
        """An id: text; a number is accepted only where YAML cannot change it (task ids)."""
        if not self._tag_ok(node):
            return None
        if isinstance(node, ScalarNode):
            canonical = numbers_ok and node.tag == _INT and _CANONICAL_INT.fullmatch(node.value)
            misread = None if canonical else _misread_number(node)
            if misread is not None:
                self.add(
                    numeric_id,
                    node,
                    f"{what}“{_excerpt(node.value)}”没有加引号,{misread}",
                    hint=f'请写成 "{node.value}"'
                    if len(node.value) <= _EXCERPT
                    else "请给编号加引号",
                )
                return str(node.value)
        return self.text(node, what)

    def integer(self, node: Node, what: str) -> int | None:
        if self._tag_ok(node) and isinstance(node, ScalarNode) and node.tag == _INT:
            try:
                return int(node.value.replace("_", ""), 0)
            except ValueError:  # more than 4,300 digits: an integer, only too large
                if re.fullmatch(r"[-+]?(0[xXoObB])?[0-9a-fA-F_]+", node.value):
                    self.add(wrong_type, node, f"{what} {_excerpt(node.value)} 过大")
                    return None
        self.add(wrong_type, node, f"{what}应为整数")
        return None

    def day(self, node: Node, what: str) -> date | None:
        if not self._tag_ok(node):
            return None
        if isinstance(node, ScalarNode) and node.tag in (_TIMESTAMP, _STR):
            written = node.value.strip()
            m = _ISO_DATE.fullmatch(written)
            if m is None and _ISO_DATE.fullmatch(ascii_digits(written)):
                self.add(
                    impossible_date,
                    node,
                    f"{what}“{written}”用了全角或非 ASCII 数字",
                    hint=f"请写成 {ascii_digits(written)}",
                )
                return None
            if m:
                try:
                    return date(int(m[1]), int(m[2]), int(m[3]))
                except ValueError:
                    self.add(impossible_date, node, f"{what}“{node.value}”不存在")
                    return None
        self.add(impossible_date, node, f"{what}应为日期,写成 YYYY-MM-DD", hint="例如 2022-09-26")
        return None

    def sequence(self, node: Node, what: str) -> list[Node] | None:
        if not self._tag_ok(node):
            return None
        if isinstance(node, SequenceNode):
            return list(node.value)
        if isinstance(node, ScalarNode) and node.tag == _NULL:
            return []
        hint = ""
        if isinstance(node, ScalarNode) and node.value:
            parts = split_names(node.value)
            hint = f"例如 {flow_list(parts or [node.value])}"
            if len(parts) > 1:
                hint += ";多个名称用英文逗号“,”分隔"
        self.add(wrong_type, node, f"{what}应为列表", hint=hint)
        return None

    def names(self, node: Node, what: str, *, written_ok: bool = False) -> list[Name]:
        if written_ok and isinstance(node, ScalarNode) and node.tag in _TEXT_TAGS:
            text = self.text(node, what)  # “县财政局、县发改委”, as a table writes it
            written = split_names(text or "")
            if text is not None and not written:
                self.add(wrong_type, node, f"{what}不能为空")
            return [Name(name, self.at(node)) for name in written]
        result: list[Name] = []
        for element in self.sequence(node, what) or []:
            text = self.text(element, f"{what}中的名称")
            if text is None:
                continue
            # [县财政局、县发改委]: a plain cell pasted into a list is split like the cell itself;
            # a quoted element is one name as written
            plain = isinstance(element, ScalarNode) and not element.style
            for name in split_names(text) if written_ok and plain else [text.strip()]:
                result.append(Name(name, self.at(element)))
        return result

    def texts(self, node: Node, what: str) -> tuple[str, ...]:
        return tuple(n.text for n in self.names(node, what))

    def deadline(self, node: Node, what: str, year: int) -> Deadline | None:
        text = self.text(node, what)
        if text is None:
            return None
        try:
            deadline = parse_deadline(text, year)
        except DeadlineError as error:
            if error.impossible:
                self.add(impossible_date, node, str(error))
            else:
                hint = "可用写法:" + "、".join(accepted_forms(year))
                self.add(deadline_format, node, str(error), hint=hint)
            return Deadline(text=text, due=None)  # keeps missing-deadline quiet
        self.warn_misread_text(node, what)  # only for a deadline that reads: one problem each
        return deadline

    def fields(self, node: Node | None, shape: Shape, **labels: str) -> Fields:
        """The keys of a mapping as `shape` defines them, each read by its kind when asked."""
        index = _index(shape)
        found = self.mapping(node, shape.what.format(**labels), index.required, index.optional)
        return Fields(self, shape, found, labels)

    def root_fields(self, shape: Shape) -> Fields:
        index = _index(shape)
        found = self.root(shape.what, index.required, index.optional)
        return Fields(self, shape, found, {})

    # -- tasks.yaml ---------------------------------------------------------

    def tasks_file(self) -> tuple[Plan, list[Section], list[Task]]:
        root = self.root_fields(schema.TASKS_FILE)
        plan = self.plan(root.node("plan"))
        sections = [
            s for node in root.sequence("sections") if (s := self.section(node)) is not None
        ]
        tasks = [t for node in _let_go(root, "tasks") if (t := self.task(node, plan)) is not None]
        return plan, sections, tasks

    def plan(self, node: Node | None) -> Plan:
        fields = self.fields(node, schema.PLAN)
        source = self.at(node) if node is not None else Source(self.path, 1, 1)
        year = fields.integer("year")
        issued = fields.day("issued")
        cadence = fields.choice("update_every")
        report_by = fields.choice("report_by")
        warn_days = fields.integer("warn_days")
        timezone = DEFAULT_TIMEZONE
        if name := fields.text("timezone"):
            if zone(name) is not None:
                timezone = name
            else:
                self.add(
                    wrong_type,
                    fields.node("timezone") or source,
                    f"{fields.what('timezone')}“{name}”不是已知的时区",
                    hint="请写 IANA 时区名称,如 Asia/Shanghai(北京时间)",
                )
        plan_year = year or (issued.year if issued else date.min.year)
        return Plan(
            title=fields.text("title") or "",
            issuer=fields.text("issuer") or "",
            doc_no=fields.text("doc_no") or "",
            issued=issued,
            year=plan_year,
            update_every=Cadence(cadence) if cadence else Cadence.MONTH,
            warn_days=15 if warn_days is None else warn_days,
            source=source,
            timezone=timezone,
            default_deadline=fields.deadline("default_deadline", plan_year),
            item_ids=fields.choice("item_ids") or ITEM_IDS_PREFIXED,
            report_by=ReportBy(report_by) if report_by else ReportBy.ALL,
            review=fields.choice("review") or REVIEW_NONE,
            review_days=(
                DEFAULT_REVIEW_DAYS if (days := fields.integer("review_days")) is None else days
            ),
        )

    def section(self, node: Node) -> Section | None:
        fields = self.fields(node, schema.SECTION)
        if not fields.complete:
            return None
        ident = fields.ident("id")
        title = fields.text("title")
        if ident is None or title is None:
            return None
        fields.label(id=ident)
        label = fields.text("label")
        return Section(
            ident,
            title,
            self.at(node),
            parent=fields.ident("parent") or "",
            label=label.strip() if label else "",
            parent_source=fields.source("parent"),
        )

    def task(self, node: Node, plan: Plan) -> Task | None:
        fields = self.fields(node, schema.TASK)
        ident = fields.ident("id")
        if ident is None:
            return None
        fields.label(id=ident)
        title = fields.text("title")
        section = fields.ident("section")
        deadline = fields.deadline("deadline", plan.year)
        task_cadence = _cadence(fields.choice("update_every"))
        report_by = fields.choice("report_by")
        task_report_by = ReportBy(report_by) if report_by else None
        items: list[Item] = []
        item_nodes = fields.sequence("items")
        if fields.empty_list("items"):
            self.add(no_owner, fields.at("items"), f"任务 {ident} 没有条目")
        for item_node in item_nodes:
            item = self.item(
                item_node, ident, deadline, plan, task_cadence, task_report_by or plan.report_by
            )
            if item is not None:
                items.append(item)
        return Task(
            id=ident,
            section=section or "",
            title=title or "",
            deadline=deadline,
            items=tuple(items),
            source=self.at(node),
            section_source=fields.source("section"),
            update_every=task_cadence,
            report_by=task_report_by,
        )

    def item(
        self,
        node: Node,
        task_id: str,
        task_deadline: Deadline | None,
        plan: Plan,
        task_cadence: Cadence | None = None,
        task_report_by: ReportBy = ReportBy.ALL,
    ) -> Item | None:
        fields = self.fields(node, schema.ITEM, task=task_id)
        ident = fields.ident("id")
        if ident is None:
            return None
        fields.label(id=ident)
        content = fields.text("content") if "content" in fields else ""
        owners = fields.names("owners")
        if fields.empty_list("owners"):
            self.add(no_owner, fields.at("owners"), f"条目 {ident} 没有责任单位")
        leads = tuple(fields.names("lead"))
        support = tuple(fields.names("support"))
        report_by = fields.choice("report_by")
        deadline, deadline_source = task_deadline, None
        if "deadline" in fields:
            deadline = fields.deadline("deadline", plan.year)
            deadline_source = fields.source("deadline")
        by_default = deadline is None and plan.default_deadline is not None
        if by_default and plan.default_deadline is not None:
            deadline = unwritten(plan.default_deadline)
        if deadline is None:
            self.add(
                missing_deadline,
                node,
                f"条目 {ident} 及其任务都没有完成时间",
                hint="在任务或条目上写 deadline",
            )
        milestones = []
        for m_node in fields.sequence("milestones"):
            m_fields = self.fields(m_node, schema.MILESTONE, item=ident)
            if not m_fields.complete:
                continue
            m_deadline = m_fields.deadline("deadline", plan.year)
            m_what = m_fields.text("what")
            if m_deadline is not None and m_what is not None:
                milestones.append(Milestone(m_deadline, m_what, self.at(m_node)))
        extensions = [
            e
            for e_node in fields.sequence("extensions")
            if (e := self.extension(e_node, ident, plan))
        ]
        return Item(
            id=ident,
            task_id=task_id,
            content=content or "",
            owners=tuple(owners),
            deadline=deadline,
            own_deadline="deadline" in fields,
            lead=leads[0] if leads else None,
            milestones=tuple(milestones),
            source=self.at(node),
            deadline_source=deadline_source,
            update_every=_cadence(fields.choice("update_every")) or task_cadence,
            default_deadline=by_default,
            leads=leads,
            support=support,
            report_by=ReportBy(report_by) if report_by else task_report_by,
            extensions=tuple(extensions),
            carried_from=self.carried_from(fields.node("carried_from"), ident),
        )

    def carried_from(self, node: Node | None, item: str) -> CarriedFrom | None:
        """回头看: where an item comes from (provenance; no rule reads it beyond its shape)."""
        if node is None:
            return None
        fields = self.fields(node, schema.CARRIED_FROM, item=item)
        if not fields.complete:
            return None
        year, old = fields.integer("year"), fields.ident("item")
        units = []
        for unit_node in fields.sequence("units"):
            u_fields = self.fields(unit_node, schema.CARRIED_UNIT, item=item)
            if not u_fields.complete:
                continue
            unit, state = u_fields.text("unit"), u_fields.choice("state")
            if unit is not None and state is not None:
                units.append(CarriedUnit(unit.strip(), state, u_fields.day("completed")))
        if fields.empty_list("units"):
            self.add(wrong_type, fields.at("units"), f"{fields.what('units')}不能为空")
        if year is None or old is None:
            return None
        return CarriedFrom(year, old.strip(), tuple(units), self.at(node))

    def extension(self, node: Node, item: str, plan: Plan) -> Extension | None:
        fields = self.fields(node, schema.EXTENSION, item=item)
        if "deadline" not in fields:
            return None
        deadline = fields.deadline("deadline", plan.year)
        if deadline is None:
            return None
        return Extension(
            deadline,
            fields.day("approved"),
            fields.text("ref") or "",
            fields.text("reason") or "",
            self.at(node),
            fields.source("deadline"),
        )

    # -- units.yaml ---------------------------------------------------------

    def units_file(self) -> tuple[list[Unit], list[Group]]:
        root = self.root_fields(schema.UNITS_FILE)
        units = [u for node in root.sequence("units") if (u := self.unit(node)) is not None]
        groups = [g for node in root.sequence("groups") if (g := self.group(node)) is not None]
        return units, groups

    def unit(self, node: Node) -> Unit | None:
        fields = self.fields(node, schema.UNIT)
        if not fields.complete:
            return None
        ident = fields.ident("id")
        name = fields.text("name")
        if ident is None or name is None:
            return None
        fields.label(name=name)
        return Unit(
            ident,
            name.strip(),
            fields.texts("aliases"),
            fields.text("kind") or "",
            self.at(node),
            fields.at("id"),
        )

    def group(self, node: Node) -> Group | None:
        fields = self.fields(node, schema.GROUP)
        if "name" not in fields:
            return None
        name = fields.text("name")
        if name is None:
            return None
        fields.label(name=name)
        aliases = fields.texts("aliases")
        return Group(name.strip(), aliases, tuple(fields.names("members")), self.at(node))

    # -- progress/<unit-id>.yaml -------------------------------------------

    def progress_file(self) -> ProgressFile | None:
        root = self.root_fields(schema.PROGRESS_FILE)
        if "unit" not in root:
            return None
        unit_text = root.text("unit")
        if unit_text is None:
            return None
        reports = [r for node in root.sequence("reports") if (r := self.report(node)) is not None]
        return ProgressFile(self.path, Name(unit_text.strip(), root.at("unit")), tuple(reports))

    def report(self, node: Node) -> Report | None:
        plain = self.plain_report(node)
        if plain is not None:
            return plain
        return self.report_by_fields(node)

    def plain_report(self, node: Node) -> Report | None:
        """A report written the plain way, read directly; None for anything else.

        At scale reports are most of a ledger (100,000 at 1×), nearly all written alike:
        text values, a date, a status, a list of texts. This reads such a mapping without the
        per-key machinery of `fields`, and declines (None, nothing reported) whatever
        `report_by_fields` would report a problem about or read differently, which then reads
        it with every problem and its position. tests/test_plain_report.py holds both to the
        same results.
        """
        if type(node) is not MappingNode or node.tag != _MAP:
            return None
        found: dict[str, Node] = {}
        for key, value in node.value:
            if type(key) is not ScalarNode or key.tag not in _KEY_TAGS:
                return None
            found[key.value] = value
        if len(found) != len(node.value) or not found.keys() >= _PLAIN_REPORT_REQUIRED:
            return None  # a duplicate key, or one missing
        if not found.keys() <= _PLAIN_REPORT_KEYS:
            return None
        item, day_node, status_node = found["item"], found["date"], found["status"]
        if not (_plain_text(item) and _reads_as_text(item) and _plain_text(status_node)):
            return None
        status_text = status_node.value.strip()
        if status_text not in _STATUSES:
            return None
        status = _STATUSES[status_text]
        day = _plain_day(day_node)
        if day is None:
            return None
        summary = ""
        if (summary_node := found.get("summary")) is not None:
            if not (_plain_text(summary_node) and _reads_as_text(summary_node)):
                return None
            summary = summary_node.value
        elif status is not Status.NOT_APPLICABLE:
            return None  # missing-key
        reason = ""
        if (reason_node := found.get("reason")) is not None:
            if not (_plain_text(reason_node, empty_ok=True) and _reads_as_text(reason_node)):
                return None
            reason = reason_node.value.strip()
        evidence: tuple[str, ...] = ()
        if (evidence_node := found.get("evidence")) is not None:
            if type(evidence_node) is not SequenceNode or evidence_node.tag != _SEQ:
                return None
            elements = evidence_node.value
            if not all(_plain_text(e) for e in elements):
                return None
            evidence = tuple(e.value.strip() for e in elements)
        source = self._source
        return Report(
            item=item.value.strip(),
            date=day,
            status=status,
            summary=summary,
            evidence=evidence,
            reason=reason,
            source=source(self.path, node.start_mark),
            item_source=source(self.path, item.start_mark),
            status_source=source(self.path, status_node.start_mark),
            date_source=source(self.path, day_node.start_mark),
        )

    def report_by_fields(self, node: Node) -> Report | None:
        """A report read key by key by its shape (schema.REPORT), every problem reported."""
        fields = self.fields(node, schema.REPORT)
        if not fields.complete:
            return None
        item = fields.ident("item")
        day = fields.day("date")
        status_text = fields.choice("status")
        status = Status(status_text) if status_text else None
        summary = ""
        if "summary" in fields:
            summary = fields.text("summary") or ""
        elif status is not None and status is not Status.NOT_APPLICABLE:
            self.add(missing_key, node, f"{fields.what()}缺少“summary”")
        evidence = fields.texts("evidence")
        reason = fields.text("reason") or ""
        if item is None or day is None or status is None:
            return None
        return Report(
            item=item.strip(),
            date=day,
            status=status,
            summary=summary,
            evidence=evidence,
            reason=reason.strip(),
            source=self.at(node),
            item_source=fields.at("item"),
            status_source=fields.at("status"),
            date_source=fields.at("date"),
        )

    # -- reviews.yaml -------------------------------------------------------

    def reviews_file(self) -> tuple[Review, ...]:
        root = self.root_fields(schema.REVIEWS_FILE)
        return tuple(r for node in root.sequence("reviews") if (r := self.review(node)) is not None)

    def review(self, node: Node) -> Review | None:
        fields = self.fields(node, schema.REVIEW)
        if not fields.complete:
            return None
        item, unit, day = fields.ident("item"), fields.text("unit"), fields.day("date")
        result = fields.choice("result")
        reason = fields.text("reason") or ""
        if result == "退回" and not reason:
            self.add(missing_key, node, f"{fields.what()}为退回,缺少“reason”")
        if item is None or unit is None or day is None or result is None:
            return None
        name = Name(unit.strip(), fields.at("unit"))
        return Review(item.strip(), name, day, result == "通过", reason, self.at(node))

    # -- calendar.yaml ------------------------------------------------------

    def calendar_file(self) -> tuple[CalendarYear, ...]:
        root = self.root_fields(schema.CALENDAR_FILE)
        node = root.node("years")
        if node is None:
            return ()
        years = []
        for year, value in self.by_year(node, root.what("years")):
            found = self.calendar_year(year, value)
            if found is not None:
                years.append(found)
        return tuple(years)

    def by_year(self, node: Node, what: str) -> list[tuple[int, Node]]:
        """A mapping keyed by four-digit years (years: {2027: …}), in file order."""
        if not self._tag_ok(node):
            return []
        if not isinstance(node, MappingNode) or not node.value:
            self.add(wrong_type, node, f"{what}应为按年份写的映射", hint="例如 2027: {notice: …}")
            return []
        found: dict[int, Node] = {}
        result = []
        for key, value in node.value:
            year = None
            if isinstance(key, ScalarNode) and (
                (key.tag == _INT and _CANONICAL_INT.fullmatch(key.value))
                or (key.tag == _STR and re.fullmatch(r"[0-9]{4}", key.value))  # "2027": as 2027
            ):
                year = int(key.value)
            if year is None or not schema.YEARS[0] <= year <= schema.YEARS[1]:
                written = _excerpt(key.value) if isinstance(key, ScalarNode) else ""
                self.add(wrong_type, key, f"{what}中的“{written}”不是有效年份", hint="例如 2027")
                continue
            if year in found:
                first = self.at(found[year]).line
                self.add(
                    duplicate_key, key, f"{what}中重复的年份 {year}", hint=f"第 {first} 行已有"
                )
                continue
            found[year] = key
            result.append((year, value))
        return result

    def calendar_year(self, year: int, node: Node) -> CalendarYear | None:
        fields = self.fields(node, schema.CALENDAR_YEAR, year=str(year))
        if not fields.complete:
            return None
        notice = fields.text("notice")
        holidays = []
        for holiday_node in fields.sequence("holidays"):
            holiday = self.holiday(year, holiday_node)
            if holiday is not None:
                holidays.append(holiday)
        if fields.empty_list("holidays"):
            self.add(wrong_type, fields.at("holidays"), f"{fields.what('holidays')}不能为空")
        workdays = fields.days("workdays")
        if notice is None:
            return None
        return CalendarYear(year, notice.strip(), tuple(holidays), workdays, self.at(node))

    def holiday(self, year: int, node: Node) -> Holiday | None:
        fields = self.fields(node, schema.HOLIDAY, year=str(year))
        if not fields.complete:
            return None
        name = fields.text("name")
        if name is None:
            return None
        fields.label(name=name.strip())
        start = fields.day("from")
        end = fields.day("to") if "to" in fields else start
        if start is None or end is None:
            return None
        return Holiday(name.strip(), start, end, self.at(node), fields.source("to"))


class Fields:
    """One mapping's keys as its shape defines them; each read by its kind, the first time asked.

    Absent keys read as None (a list as empty); a key is read the way the definition says, so
    asking for a date where the shape has text is a programming error.
    """

    def __init__(
        self,
        reader: Reader,
        node_shape: Shape,
        found: dict[str, tuple[Node, Node]] | None,
        labels: dict[str, str],
    ) -> None:
        self.reader = reader
        self.shape = node_shape
        self._index = _index(node_shape)
        self.found = found or {}
        self.ok = found is not None
        self.labels = dict(labels)
        self._read: dict[str, object] = {}

    def __contains__(self, name: str) -> bool:
        return name in self.found

    @property
    def complete(self) -> bool:
        """A mapping with every required key (a node without one is not read further)."""
        return self.ok and all(name in self.found for name in self._index.required)

    def label(self, **labels: str) -> None:
        """Name the node in later messages: 条目 5.1 的内容."""
        self.labels.update(labels)

    def what(self, name: str | None = None) -> str:
        """The Chinese label of a key (or, without a name, of the mapping) in messages."""
        template = self.shape.what if name is None else self._key(name).what
        return template.format_map(self.labels)

    def node(self, name: str) -> Node | None:
        entry = self.found.get(name)
        return entry[1] if entry is not None else None

    def at(self, name: str) -> Source:
        return self.reader.at(self.found[name][1])

    def source(self, name: str) -> Source | None:
        return self.at(name) if name in self.found else None

    def empty_list(self, name: str) -> bool:
        """A list that must hold something written as [] or left blank (a list of nodes: one
        whose tag is refused is not also empty)."""
        node = self.node(name)
        if node is None or not _is_empty_list(node):
            return False
        if self._key(name, Kind.NODE, Kind.NAMES).kind is Kind.NAMES:
            return not self.names(name)
        self.sequence(name)
        return self._read[name] == []

    def _key(self, name: str, *kinds: Kind) -> Key:
        key = self._index.keys.get(name)
        if key is None or (kinds and key.kind not in kinds):
            raise TypeError(f"{self.shape.name}.{name} is not read as {kinds}")
        return key

    def _once(self, name: str, read: Callable[[Key, Node, str], object], *kinds: Kind) -> object:
        key = self._key(name, *kinds)
        if name not in self._read:
            entry = self.found.get(name)
            self._read[name] = (
                None if entry is None else read(key, entry[1], key.what.format_map(self.labels))
            )
        return self._read[name]

    def text(self, name: str) -> str | None:
        def read(key: Key, node: Node, what: str) -> str | None:
            multiline = key.kind is Kind.MULTILINE
            text = self.reader.text(node, what, empty_ok=key.empty_ok, multiline=multiline)
            if text is not None:
                self.reader.warn_misread_text(node, what)
            return text

        value = self._once(name, read, Kind.TEXT, Kind.MULTILINE, Kind.TIMEZONE)
        return value if isinstance(value, str) else None

    def ident(self, name: str) -> str | None:
        def read(key: Key, node: Node, what: str) -> str | None:
            ident = self.reader.ident(node, what, numbers_ok=key.numbers_ok)
            if ident is not None and key.kind is Kind.ID:
                self.reader.well_formed_id(node, ident, what)
            return ident

        value = self._once(name, read, Kind.ID, Kind.REFERENCE, Kind.UNIT_ID)
        return value if isinstance(value, str) else None

    def integer(self, name: str) -> int | None:
        def read(key: Key, node: Node, what: str) -> int | None:
            value = self.reader.integer(node, what)
            if value is None:
                return None
            below = key.minimum is not None and value < key.minimum
            above = key.maximum is not None and value > key.maximum
            if below or above:
                written = _excerpt(str(node.value)) if isinstance(node, ScalarNode) else ""
                message = key.too_small if below else key.too_large
                self.reader.add(
                    wrong_type,
                    node,
                    message.format(
                        what=what, written=written, minimum=key.minimum, maximum=key.maximum
                    ),
                )
                return None
            return value

        value = self._once(name, read, Kind.INTEGER)
        return value if isinstance(value, int) else None

    def day(self, name: str) -> date | None:
        value = self._once(name, lambda _, node, what: self.reader.day(node, what), Kind.DATE)
        return value if isinstance(value, date) else None

    def days(self, name: str) -> tuple[CalendarDay, ...]:
        """A list of dates (`many`), each with where it is written."""

        def read(_: Key, node: Node, what: str) -> tuple[CalendarDay, ...]:
            found = []
            for element in self.reader.sequence(node, what) or []:
                day = self.reader.day(element, f"{what}中的日期")
                if day is not None:
                    found.append(CalendarDay(day, self.reader.at(element)))
            return tuple(found)

        value = self._once(name, read, Kind.DATE)
        return value if isinstance(value, tuple) else ()

    def deadline(self, name: str, year: int) -> Deadline | None:
        def read(_: Key, node: Node, what: str) -> Deadline | None:
            return self.reader.deadline(node, what, year)

        value = self._once(name, read, Kind.DEADLINE)
        return value if isinstance(value, Deadline) else None

    def choice(self, name: str) -> str | None:
        """One of the key's values (stripped), or None: absent, or a problem reported."""

        def read(key: Key, node: Node, what: str) -> str | None:
            text = self.reader.text(node, what)
            if text is None or text.strip() in key.values:
                return None if text is None else text.strip()
            if not text.strip():
                return None
            hint = ""
            if key.suggest:
                hint = did_you_mean(suggest(text, key.values)) or "可用状态:" + "、".join(
                    key.values
                )
            values = "、".join(key.values[:-1]) + " 或 " + key.values[-1]
            message = key.unknown.format(what=what, text=text, values=values)
            self.reader.add(_RULES[key.unknown_rule], node, message, hint)
            return None

        value = self._once(name, read, Kind.CHOICE)
        return value if isinstance(value, str) else None

    def names(self, name: str) -> list[Name]:
        value = self._once(
            name,
            lambda key, node, what: self.reader.names(node, what, written_ok=key.written_ok),
            Kind.NAMES,
        )
        return value if isinstance(value, list) else []

    def texts(self, name: str) -> tuple[str, ...]:
        return tuple(n.text for n in self.names(name))

    def sequence(self, name: str) -> list[Node]:
        """A list of nodes (`many`), as written; empty when absent or not a list."""

        def read(_: Key, node: Node, what: str) -> list[Node] | None:
            return self.reader.sequence(node, what)

        value = self._once(name, read, Kind.NODE)
        return value if isinstance(value, list) else []


_RULES = {rule.ID: rule for rule in (wrong_type, unknown_status)}

# What `Reader.plain_report` reads: every key of schema.REPORT (a test holds them equal).
_MAP, _SEQ = _TAG + "map", _TAG + "seq"
_PLAIN_REPORT_KEYS = frozenset(("item", "date", "status", "summary", "reason", "evidence"))
_PLAIN_REPORT_REQUIRED = frozenset(("item", "date", "status"))
_STATUSES = {s.value: s for s in Status}


def _plain_text(node: Node, *, empty_ok: bool = False) -> bool:
    """A quoted or plain text that `Reader.text` takes as it is, reporting nothing."""
    return (
        type(node) is ScalarNode
        and node.tag == _STR
        and (empty_ok or bool(node.value.strip()))
        and not control_char.suspect(node.value)
    )


def _reads_as_text(node: Node) -> bool:
    """Not a plain text that other YAML readers take for a number (numeric-id, unquoted-text)."""
    return isinstance(node, ScalarNode) and (
        bool(node.style) or _YAML12_NUMBER.fullmatch(node.value) is None
    )


def _plain_day(node: Node) -> date | None:
    """A date that `Reader.day` reads without a problem, else None."""
    if type(node) is not ScalarNode or node.tag not in (_TIMESTAMP, _STR):
        return None
    m = _ISO_DATE.fullmatch(node.value.strip())
    if m is None:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


class _ShapeIndex:
    """A shape's keys by name and its required and optional names, worked out once per shape
    (the loader asks for them for every mapping: 100,000 reports at scale)."""

    __slots__ = ("keys", "optional", "required", "shape")

    def __init__(self, shape: Shape) -> None:
        self.shape = shape  # kept alive, so that its id is not reused
        self.keys = {key.name: key for key in reversed(shape.keys)}  # the first of a name wins
        self.required = shape.required
        self.optional = shape.optional


_INDEXES: dict[int, _ShapeIndex] = {}


def _index(shape: Shape) -> _ShapeIndex:
    index = _INDEXES.get(id(shape))
    if index is None or index.shape is not shape:
        index = _INDEXES[id(shape)] = _ShapeIndex(shape)
    return index


def _let_go(fields: Fields, name: str) -> Iterator[Node]:
    """The nodes of a list (`fields.sequence(name)`), each dropped from the document once read.

    A composed node takes about 400 bytes (the node, its dict, two marks), several times what
    the model keeps of it: tasks.yaml at scale is most of `check`'s peak memory. Letting each
    task's nodes go as soon as it is read lets the model reuse their memory, rather than
    growing next to the whole tree. The document is read once (`_assemble`), so nothing
    looks at these nodes again.
    """
    nodes = fields.sequence(name)  # the list `fields` keeps: emptied as it is read
    owner = fields.node(name)
    if isinstance(owner, SequenceNode):
        owner.value = []
    nodes.reverse()
    while nodes:
        yield nodes.pop()


def _cadence(text: str | None) -> Cadence | None:
    return Cadence(text) if text else None


def unwritten(default: Deadline) -> Deadline:
    """The plan's default_deadline for an item whose table has no 完成时间: shown as such."""
    return replace(default, text=f"(未写明,按{default.text})")


def _misread_number(node: ScalarNode) -> str | None:
    """How YAML misreads an unquoted id as a number ("0x10" → 16, "1:20" → 80), or None."""
    if node.tag in (_INT, _FLOAT):
        # a plain number, nothing else
        return f"被读成了{_number(lambda: scalar_value(node.value))}"
    if not node.style and node.tag == _STR and _YAML12_NUMBER.fullmatch(node.value):  # plain
        return f"在 YAML 1.2 的工具中会被读成{_number(lambda: _yaml12_number(node.value))}"
    return None


def misread_text(node: Node | None) -> str | None:
    """How other YAML readers misread a plain text (2023.06 → a number, 2022-06-30 → a date),
    or None; fmt quotes such values, check warns (unquoted-text)."""
    if not isinstance(node, ScalarNode) or node.style:
        return None
    if node.tag == _TIMESTAMP:
        return "在别的 YAML 工具中会被读成日期"
    misread = _misread_number(node)
    return misread.replace("被读成了", "在别的 YAML 工具中会被读成") if misread else None


def _yaml12_number(text: str) -> int | float:
    try:
        return int(text, 0)
    except ValueError:
        return float(text)


def _number(read: Callable[[], object]) -> str:
    """“数字 16”; a number too long to show (or for Python to convert) is not shown."""
    try:
        shown = repr(read())
    except ValueError:  # more digits than Python converts between int and str (4,300)
        return "一个很大的数字"
    return f"数字 {shown}" if len(shown) <= _EXCERPT else "一个很大的数字"


_EXCERPT = EXCERPT


_excerpt = excerpt  # the one shortening rule, also applied to every “value” by rules.make


def _is_empty_list(node: Node) -> bool:
    return (isinstance(node, SequenceNode) and not node.value) or (
        isinstance(node, ScalarNode) and node.tag == _NULL
    )
