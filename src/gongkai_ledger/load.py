"""Ledger files → model. Shape mistakes become Problems with positions, never exceptions."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from types import ModuleType
from typing import TypeVar

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .deadline import ACCEPTED_FORMS, DeadlineError, parse_deadline
from .digits import ascii_digits
from .errors import os_reason
from .locking import LOCK_SUFFIX  # stale lock files of older versions are not ledger files
from .model import (
    DEFAULT_TIMEZONE,
    Cadence,
    Deadline,
    Group,
    Item,
    Ledger,
    Milestone,
    Name,
    Plan,
    ProgressFile,
    Report,
    Section,
    Source,
    Status,
    Task,
    Unit,
)
from .problems import LedgerUnreadable, Level, Problem
from .registry import did_you_mean, suggest
from .rules import (
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
    wrong_type,
    yaml_tag,
)
from .timezones import zone
from .yamlio import (
    DEFAULT_MAX_FILE_BYTES,
    Document,
    parse_document,
    read_document,
    repository_of,
    scalar_value,
    special_kind,
    without_gc,
)

TASKS_FILE = "tasks.yaml"
UNITS_FILE = "units.yaml"
PROGRESS_DIR = "progress"

_TAG = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP = (
    _TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")
)
_KNOWN_TAGS = {_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP, _TAG + "seq", _TAG + "map"}
_TEXT_TAGS = {_STR, _INT, _FLOAT, _TIMESTAMP}
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_LIST_SEPARATORS = re.compile("[、,，;；]")  # how a clerk separates names in Word
_CANONICAL_INT = re.compile(r"0|[1-9][0-9]*")  # an int every YAML reader reads back as written
# Unquoted numbers in YAML 1.2 (ruamel.yaml and most tools) that YAML 1.1 reads as text.
_YAML12_NUMBER = re.compile(
    r"[-+]?(?:0o[0-7]+|0x[0-9a-fA-F]+|(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)"
)


_File = TypeVar("_File", Path, str)  # a file on disk, or one held in memory


@dataclass(frozen=True)
class Loaded:
    ledger: Ledger
    problems: list[Problem]


def ledger_files(root: Path) -> tuple[Path, Path, list[Path]]:
    """The ledger's files; raises LedgerUnreadable when the ledger is not there at all."""
    if not root.is_dir():
        raise LedgerUnreadable(
            f"找不到台账目录“{root}”(可用 --ledger 或环境变量 GONGKAI_LEDGER_DIR 指定)"
        )
    tasks, units = root / TASKS_FILE, root / UNITS_FILE
    for required in (tasks, units):
        if not required.is_file():
            what = f"{shown_path(required)} 是{kind}" if (kind := special_kind(required)) else ""
            raise LedgerUnreadable(
                f"台账目录“{root}”中没有 {required.name}"
                + (f":{what},不是普通文件" if what else "")
            )
    progress = [e for e in progress_entries(root) if e.suffix == ".yaml"]
    return tasks, units, progress


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
    return target in (base / TASKS_FILE, base / UNITS_FILE) or target.parent == base / PROGRESS_DIR


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

    return _assemble(read, tasks_path, units_path, progress_paths, problems)


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

    return _assemble(read, TASKS_FILE, UNITS_FILE, progress, problems)


@without_gc
def _assemble(
    read: Callable[[_File], Reader],
    tasks_file: _File,
    units_file: _File,
    progress_files: Iterable[_File],
    problems: list[Problem],
) -> Loaded:
    """The ledger from its files, read in this order (so problems come in file order)."""
    plan, sections, tasks = read(tasks_file).tasks_file()
    units, groups = read(units_file).units_file()
    progress = [read(p).progress_file() for p in progress_files]
    ledger = Ledger(
        plan=plan,
        sections=tuple(sections),
        tasks=tuple(tasks),
        units=tuple(units),
        groups=tuple(groups),
        progress=tuple(p for p in progress if p is not None),
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

    # -- primitives ---------------------------------------------------------

    def at(self, node: Node) -> Source:
        return self.document.source(self.path, node.start_mark)

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
            if not isinstance(key, ScalarNode) or key.tag not in _TEXT_TAGS | {_BOOL, _NULL}:
                if self._tag_ok(key):  # an unknown tag is reported as such
                    self.add(wrong_type, key, f"{what}的键应为文本")
                continue
            name = key.value
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

    def _refuse_invisible(self, node: ScalarNode, what: str, *, multiline: bool) -> None:
        """Control, bidi and zero-width characters: a control-char problem at the character."""
        value = node.value
        if value.isprintable():
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
            except ValueError:
                pass
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
            parts = [p.strip() for p in _LIST_SEPARATORS.split(node.value) if p.strip()]
            hint = f"例如 [{', '.join(parts) or node.value}]"
            if len(parts) > 1:
                hint += ";多个名称用英文逗号“,”分隔"
        self.add(wrong_type, node, f"{what}应为列表", hint=hint)
        return None

    def names(self, node: Node, what: str) -> list[Name]:
        result = []
        for element in self.sequence(node, what) or []:
            text = self.text(element, f"{what}中的名称")
            if text is not None:
                result.append(Name(text.strip(), self.at(element)))
        return result

    def texts(self, node: Node, what: str) -> tuple[str, ...]:
        return tuple(n.text for n in self.names(node, what))

    def deadline(self, node: Node, what: str, year: int) -> Deadline | None:
        text = self.text(node, what)
        if text is None:
            return None
        try:
            return parse_deadline(text, year)
        except DeadlineError as error:
            if error.impossible:
                self.add(impossible_date, node, str(error))
            else:
                self.add(
                    deadline_format, node, str(error), hint="可用写法:" + "、".join(ACCEPTED_FORMS)
                )
            return Deadline(text=text, due=None)  # keeps missing-deadline quiet

    # -- tasks.yaml ---------------------------------------------------------

    def tasks_file(self) -> tuple[Plan, list[Section], list[Task]]:
        root = self.root("tasks.yaml", ("plan", "tasks"), ("sections",))
        root = root or {}
        plan = self.plan(root["plan"][1] if "plan" in root else None)
        sections = (
            [
                s
                for node in self.sequence(root["sections"][1], "sections") or []
                if (s := self.section(node)) is not None
            ]
            if "sections" in root
            else []
        )
        tasks = (
            [
                t
                for node in self.sequence(root["tasks"][1], "tasks") or []
                if (t := self.task(node, plan)) is not None
            ]
            if "tasks" in root
            else []
        )
        return plan, sections, tasks

    def plan(self, node: Node | None) -> Plan:
        fields = (
            self.mapping(
                node,
                "plan",
                ("title", "year"),
                ("issuer", "doc_no", "issued", "update_every", "warn_days", "timezone"),
            )
            or {}
        )
        source = self.at(node) if node is not None else Source(self.path, 1, 1)

        def get_text(key: str) -> str:
            return (self.text(fields[key][1], f"plan.{key}") or "") if key in fields else ""

        year = self.integer(fields["year"][1], "plan.year") if "year" in fields else None
        if year is not None and not 1000 <= year <= 9999:
            written = _excerpt(str(fields["year"][1].value))
            self.add(wrong_type, fields["year"][1], f"plan.year {written} 不是有效年份")
            year = None
        issued = self.day(fields["issued"][1], "plan.issued") if "issued" in fields else None
        cadence = Cadence.MONTH
        if "update_every" in fields:
            text = get_text("update_every")
            if text in {c.value for c in Cadence}:
                cadence = Cadence(text)
            elif text:
                self.add(
                    wrong_type,
                    fields["update_every"][1],
                    f"plan.update_every“{text}”应为 月、季 或 年 之一",
                )
        warn_days = 15
        if "warn_days" in fields:
            value = self.integer(fields["warn_days"][1], "plan.warn_days")
            if value is not None and value < 0:
                self.add(wrong_type, fields["warn_days"][1], "plan.warn_days 不能为负数")
            elif value is not None and value > _MAX_WARN_DAYS:
                self.add(
                    wrong_type,
                    fields["warn_days"][1],
                    f"plan.warn_days 过大(最多 {_MAX_WARN_DAYS} 天)",
                )
            elif value is not None:
                warn_days = value
        timezone = DEFAULT_TIMEZONE
        if "timezone" in fields and (name := get_text("timezone")):
            if zone(name) is not None:
                timezone = name
            else:
                self.add(
                    wrong_type,
                    fields["timezone"][1],
                    f"plan.timezone“{name}”不是已知的时区",
                    hint="请写 IANA 时区名称,如 Asia/Shanghai(北京时间)",
                )
        return Plan(
            title=get_text("title"),
            issuer=get_text("issuer"),
            doc_no=get_text("doc_no"),
            issued=issued,
            year=year or (issued.year if issued else date.min.year),
            update_every=cadence,
            warn_days=warn_days,
            source=source,
            timezone=timezone,
        )

    def section(self, node: Node) -> Section | None:
        fields = self.mapping(node, "章节", ("id", "title"))
        if not fields or "id" not in fields or "title" not in fields:
            return None
        ident = self.ident(fields["id"][1], "章节编号", numbers_ok=True)
        title = self.text(fields["title"][1], "章节标题")
        if ident is None or title is None:
            return None
        self.well_formed_id(fields["id"][1], ident, "章节编号")
        return Section(ident, title, self.at(node))

    def task(self, node: Node, plan: Plan) -> Task | None:
        fields = self.mapping(node, "任务", ("id", "title", "items"), ("section", "deadline"))
        if not fields or "id" not in fields:
            return None
        ident = self.ident(fields["id"][1], "任务编号", numbers_ok=True)
        if ident is None:
            return None
        self.well_formed_id(fields["id"][1], ident, "任务编号")
        what = f"任务 {ident} "
        title = self.text(fields["title"][1], what + "的标题") if "title" in fields else None
        section = (
            self.ident(fields["section"][1], what + "的章节", numbers_ok=True)
            if "section" in fields
            else None
        )
        deadline = (
            self.deadline(fields["deadline"][1], what + "的完成时间", plan.year)
            if "deadline" in fields
            else None
        )
        items: list[Item] = []
        if "items" in fields:
            item_nodes = self.sequence(fields["items"][1], what + "的 items")
            if item_nodes == [] and _is_empty_list(fields["items"][1]):
                self.add(no_owner, fields["items"][1], f"任务 {ident} 没有条目")
            for item_node in item_nodes or []:
                item = self.item(item_node, ident, deadline, plan)
                if item is not None:
                    items.append(item)
        return Task(
            id=ident,
            section=section or "",
            title=title or "",
            deadline=deadline,
            items=tuple(items),
            source=self.at(node),
            section_source=self.at(fields["section"][1]) if "section" in fields else None,
        )

    def item(
        self, node: Node, task_id: str, task_deadline: Deadline | None, plan: Plan
    ) -> Item | None:
        fields = self.mapping(
            node,
            f"任务 {task_id} 的条目",
            ("id", "content", "owners"),
            ("lead", "deadline", "milestones"),
        )
        if not fields or "id" not in fields:
            return None
        ident = self.ident(fields["id"][1], "条目编号", numbers_ok=False)
        if ident is None:
            return None
        self.well_formed_id(fields["id"][1], ident, "条目编号")
        what = f"条目 {ident} "
        content = (
            self.text(fields["content"][1], what + "的内容", multiline=True)
            if "content" in fields
            else ""
        )
        owners: list[Name] = []
        if "owners" in fields:
            owners = self.names(fields["owners"][1], what + "的 owners")
            if not owners and _is_empty_list(fields["owners"][1]):
                self.add(no_owner, fields["owners"][1], f"条目 {ident} 没有责任单位")
        lead = None
        if "lead" in fields:
            lead_text = self.text(fields["lead"][1], what + "的牵头单位")
            lead = Name(lead_text.strip(), self.at(fields["lead"][1])) if lead_text else None
        deadline, deadline_source = task_deadline, None
        if "deadline" in fields:
            deadline = self.deadline(fields["deadline"][1], what + "的完成时间", plan.year)
            deadline_source = self.at(fields["deadline"][1])
        if deadline is None:
            self.add(
                missing_deadline,
                node,
                f"条目 {ident} 及其任务都没有完成时间",
                hint="在任务或条目上写 deadline",
            )
        milestones = []
        if "milestones" in fields:
            for m_node in self.sequence(fields["milestones"][1], what + "的 milestones") or []:
                m_fields = self.mapping(m_node, what + "的节点", ("deadline", "what"))
                if not m_fields or "deadline" not in m_fields or "what" not in m_fields:
                    continue
                m_deadline = self.deadline(
                    m_fields["deadline"][1], what + "节点的完成时间", plan.year
                )
                m_what = self.text(m_fields["what"][1], what + "节点的内容", multiline=True)
                if m_deadline is not None and m_what is not None:
                    milestones.append(Milestone(m_deadline, m_what, self.at(m_node)))
        return Item(
            id=ident,
            task_id=task_id,
            content=content or "",
            owners=tuple(owners),
            deadline=deadline,
            own_deadline="deadline" in fields,
            lead=lead,
            milestones=tuple(milestones),
            source=self.at(node),
            deadline_source=deadline_source,
        )

    # -- units.yaml ---------------------------------------------------------

    def units_file(self) -> tuple[list[Unit], list[Group]]:
        root = self.root("units.yaml", ("units",), ("groups",)) or {}
        units = (
            [
                u
                for node in self.sequence(root["units"][1], "units") or []
                if (u := self.unit(node)) is not None
            ]
            if "units" in root
            else []
        )
        groups = (
            [
                g
                for node in self.sequence(root["groups"][1], "groups") or []
                if (g := self.group(node)) is not None
            ]
            if "groups" in root
            else []
        )
        return units, groups

    def unit(self, node: Node) -> Unit | None:
        fields = self.mapping(node, "单位", ("id", "name"), ("aliases", "kind"))
        if not fields or "id" not in fields or "name" not in fields:
            return None
        ident = self.ident(fields["id"][1], "单位编号", numbers_ok=True)
        name = self.text(fields["name"][1], "单位名称")
        if ident is None or name is None:
            return None
        aliases = (
            self.texts(fields["aliases"][1], f"{name}的 aliases") if "aliases" in fields else ()
        )
        kind = (self.text(fields["kind"][1], f"{name}的 kind") or "") if "kind" in fields else ""
        return Unit(ident, name.strip(), aliases, kind, self.at(node), self.at(fields["id"][1]))

    def group(self, node: Node) -> Group | None:
        fields = self.mapping(node, "单位组", ("name", "members"), ("aliases",))
        if not fields or "name" not in fields:
            return None
        name = self.text(fields["name"][1], "单位组名称")
        if name is None:
            return None
        aliases = (
            self.texts(fields["aliases"][1], f"{name}的 aliases") if "aliases" in fields else ()
        )
        members = (
            self.names(fields["members"][1], f"{name}的 members") if "members" in fields else []
        )
        return Group(name.strip(), aliases, tuple(members), self.at(node))

    # -- progress/<unit-id>.yaml -------------------------------------------

    def progress_file(self) -> ProgressFile | None:
        root = self.root("进展文件", ("unit", "reports"))
        if not root or "unit" not in root:
            return None
        unit_text = self.text(root["unit"][1], "进展文件的 unit")
        if unit_text is None:
            return None
        reports = []
        if "reports" in root:
            for node in self.sequence(root["reports"][1], "reports") or []:
                report = self.report(node)
                if report is not None:
                    reports.append(report)
        return ProgressFile(
            self.path, Name(unit_text.strip(), self.at(root["unit"][1])), tuple(reports)
        )

    def report(self, node: Node) -> Report | None:
        fields = self.mapping(
            node, "进展", ("item", "date", "status"), ("summary", "evidence", "reason")
        )
        if not fields or not {"item", "date", "status"} <= fields.keys():
            return None
        item = self.ident(fields["item"][1], "进展的条目编号", numbers_ok=False)
        day = self.day(fields["date"][1], "进展日期")
        status_text = self.text(fields["status"][1], "进展状态")
        status = None
        if status_text is not None:
            try:
                status = Status(status_text.strip())
            except ValueError:
                statuses = [s.value for s in Status]
                self.add(
                    unknown_status,
                    fields["status"][1],
                    f"未知的进展状态“{status_text}”",
                    hint=did_you_mean(suggest(status_text, statuses))
                    or "可用状态:" + "、".join(statuses),
                )
        summary = ""
        if "summary" in fields:
            summary = self.text(fields["summary"][1], "进展摘要", multiline=True) or ""
        elif status is not None and status is not Status.NOT_APPLICABLE:
            self.add(missing_key, node, "进展缺少“summary”")
        evidence = self.texts(fields["evidence"][1], "evidence") if "evidence" in fields else ()
        reason = (
            (self.text(fields["reason"][1], "不涉及的理由", empty_ok=True, multiline=True) or "")
            if "reason" in fields
            else ""
        )
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
            item_source=self.at(fields["item"][1]),
            status_source=self.at(fields["status"][1]),
            date_source=self.at(fields["date"][1]),
        )


def _misread_number(node: ScalarNode) -> str | None:
    """How YAML misreads an unquoted id as a number ("0x10" → 16, "1:20" → 80), or None."""
    if node.tag in (_INT, _FLOAT):
        # a plain number, nothing else
        return f"被读成了{_number(lambda: scalar_value(node.value))}"
    if not node.style and node.tag == _STR and _YAML12_NUMBER.fullmatch(node.value):  # plain
        return f"在 YAML 1.2 的工具中会被读成{_number(lambda: _yaml12_number(node.value))}"
    return None


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


_EXCERPT = 24  # characters of a long value quoted in a message
_MAX_WARN_DAYS = 3660


def _excerpt(text: str) -> str:
    """A value short enough to quote in a message: the start of a long one, and its length."""
    return text if len(text) <= _EXCERPT else f"{text[:_EXCERPT]}…(共 {len(text)} 个字符)"


def _is_empty_list(node: Node) -> bool:
    return (isinstance(node, SequenceNode) and not node.value) or (
        isinstance(node, ScalarNode) and node.tag == _NULL
    )
