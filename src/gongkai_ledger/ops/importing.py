"""A published 分解表 (its tables, as files/tables reads them) → a draft ledger for review.

Pure: `draft(tables, ...)` returns the text of tasks.yaml and units.yaml and the review list;
the command writes them. Columns are found by their headers, never by position; a merged
序号/重点任务 cell is one task and its rows are the task's items; a 完成时间 cell spanning all of a
task's rows is the task's deadline. Unit ids are pinyin initials (see `unit_ids`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from ..core.deadline import DeadlineError, parse_deadline
from ..core.errors import UserError
from ..core.flowlist import flow_list, split_names
from ..core.registry import Registry
from ..files.tables import Cell, Table
from ..files.yamlio import scalar_value


class Column(Enum):
    NUMBER = "序号"
    TASK = "重点任务"
    CONTENT = "具体内容"
    OWNERS = "责任单位"
    LEAD = "牵头单位"
    SUPPORT = "配合单位"
    DEADLINE = "完成时间"


# The headers each column goes by (whitespace and line breaks removed, a bracketed note dropped).
HEADERS: dict[str, Column] = {
    **dict.fromkeys(["序号", "编号"], Column.NUMBER),
    **dict.fromkeys(["重点任务", "工作任务", "主要任务", "任务"], Column.TASK),
    **dict.fromkeys(
        ["具体内容", "工作内容", "工作要求", "任务内容", "具体要求", "主要内容"], Column.CONTENT
    ),
    **dict.fromkeys(["责任单位", "责任部门", "责任主体"], Column.OWNERS),
    **dict.fromkeys(["牵头单位", "牵头部门"], Column.LEAD),
    **dict.fromkeys(["配合单位", "配合部门"], Column.SUPPORT),
    **dict.fromkeys(["完成时间", "完成时限", "时限要求", "时间节点", "完成期限"], Column.DEADLINE),
}

# 各乡(镇、处), 市政府各部门, 市政府相关部门: a group of units, not one unit.
_COLLECTIVE = re.compile(r"^各|各.*(部门|单位)$|(相关|有关|各)(部门|单位)$")
# 市交通运输局等行业主管部门: one named unit and others the table does not name.
_AND_OTHERS = re.compile(r"^(?P<named>.+?[局委办院馆部厅处所站队会心社府])等(?P<rest>.+)$")
_LEVEL_PREFIX = ("市", "县", "区")
_SECTION = re.compile(r"^(?P<id>[一二三四五六七八九十]+)[、.．]\s*(?P<title>.+)$")


@dataclass(frozen=True)
class Note:
    """One entry of the review list: where in the draft (file, line) or the table, and what."""

    file: str  # "tasks.yaml" or "units.yaml"; "" when it is about the table only
    line: int
    message: str
    cell: str = ""  # 表1第5行第3列, where the table said it


@dataclass(frozen=True)
class Draft:
    tasks_yaml: str | None  # None: only units were asked for (never, today) — kept simple
    units_yaml: str | None  # None when importing into an existing units.yaml
    notes: tuple[Note, ...]
    tasks: int
    items: int
    units: int
    groups: int


@dataclass
class _Item:
    ident: str
    row: int
    table: int
    content: str
    owners: list[str]
    lead: list[str]
    support: list[str]
    deadline: str
    deadline_cell: Cell | None
    number_origin: object = None


@dataclass
class _Task:
    ident: str
    title: str
    section: str | None
    items: list[_Item] = field(default_factory=list)
    deadline: str = ""
    deadline_cell: Cell | None = None


@dataclass
class _Found:
    sections: list[tuple[str, str]] = field(default_factory=list)
    tasks: list[_Task] = field(default_factory=list)
    free_ids: bool = False
    table_notes: list[tuple[str, str]] = field(default_factory=list)  # (cell, message)
    # (item, key, message, cell): the note belongs at that key of the item in tasks.yaml
    item_notes: list[tuple[_Item, str, str, str]] = field(default_factory=list)


def header_text(text: str) -> str:
    """完成\\n时间 → 完成时间; 责任单位(牵头) → 责任单位."""
    compact = re.sub(r"\s+", "", text)
    return re.sub(r"[((].*?[))]$", "", compact)


def joined(text: str) -> str:
    """A cell's lines as one text: Word breaks a long Chinese sentence wherever the column ends."""
    return "".join(line.strip() for line in text.splitlines()).strip()


def columns_of(row: Sequence[Cell]) -> dict[int, Column]:
    """The columns a header row names (by index in the row)."""
    return {i: HEADERS[h] for i, c in enumerate(row) if (h := header_text(c.text)) in HEADERS}


def _is_banner(row: Sequence[Cell]) -> bool:
    """A row that is one text across the table: a title or a section (一、主动公开)."""
    texts = {c.text for c in row}
    return len(row) > 1 and len(texts) == 1 and bool(row[0].text.strip())


def _where(table: int, cell: Cell, many: bool) -> str:
    return f"{'表' + str(table) if many else '原表'}第{cell.row}行第{cell.col}列"


def read_plan(tables: Sequence[Table], year: int) -> _Found:
    """Tasks, items and sections in the tables' order; several tables continue one plan."""
    found = _Found()
    many = len(tables) > 1
    cols: dict[int, Column] = {}
    section: str | None = None
    task: _Task | None = None
    task_key: tuple[int, object] | None = None
    sequential = 0
    for number, table in enumerate(tables, start=1):
        rows = list(table.rows)
        header_rows: list[int] = []
        for index, row in enumerate(rows):
            if _is_banner(row):
                continue
            named = columns_of(row)
            if len(named) >= 2:
                header_rows.append(index)
            elif header_rows:
                break
        if header_rows:
            cols = {}
            for index in header_rows:  # a second header row (牵头/配合 under 责任单位) refines
                cols.update(columns_of(rows[index]))
            start = header_rows[-1] + 1
        else:
            start = 0  # no header: the previous table goes on (a page break in Word)
        if not cols:
            found.table_notes.append(
                ("", f"{table.source}:没有找到表头(序号、重点任务、责任单位等),未导入")
            )
            continue
        by_kind = {kind: index for index, kind in sorted(cols.items(), reverse=True)}
        header_texts = [tuple(c.text for c in rows[i]) for i in header_rows]
        for row in rows[start:]:
            if tuple(c.text for c in row) in header_texts or len(columns_of(row)) >= 2:
                continue  # the header repeated on each page
            if not any(c.text.strip() for c in row):
                continue
            if _is_banner(row):
                text = joined(row[0].text)
                if m := _SECTION.match(text):
                    ident, title = m["id"], m["title"]
                else:
                    ident, title = f"S{len(found.sections) + 1}", text
                found.sections.append((ident, title))
                section = ident
                continue

            def cell(
                kind: Column, row: Sequence[Cell] = row, by_kind: dict[Column, int] = by_kind
            ) -> Cell | None:
                index = by_kind.get(kind)
                return row[index] if index is not None and index < len(row) else None

            task_cell = cell(Column.TASK)
            number_cell = cell(Column.NUMBER)
            key_cell = task_cell or number_cell
            if key_cell is None:
                continue
            key = (number, _origin(key_cell))
            if task is None or key != task_key:
                sequential += 1
                ident = joined(number_cell.text).rstrip("、.．") if number_cell else ""
                if not ident.isdigit():
                    if number_cell is not None and ident:
                        found.table_notes.append(
                            (
                                _where(number, number_cell, many),
                                f"序号“{ident}”不是数字,任务编号改为 {sequential}",
                            )
                        )
                    ident = str(sequential)
                title = joined(task_cell.text) if task_cell else ""
                task = _Task(ident=ident, title=title or f"任务{ident}", section=section)
                found.tasks.append(task)
                task_key = key
            content_cell = cell(Column.CONTENT) or task_cell
            content = joined(content_cell.text) if content_cell else ""
            item = _Item(
                ident="",
                row=row[0].row,
                table=number,
                content=content,
                owners=[],
                lead=[],
                support=[],
                deadline="",
                deadline_cell=None,
            )
            if number_cell is not None:
                item.ident = joined(number_cell.text).rstrip("、.．")
                item.number_origin = _origin(number_cell)
            for kind, names, role in (
                (Column.OWNERS, item.owners, "owners"),
                (Column.LEAD, item.lead, "lead"),
                (Column.SUPPORT, item.support, "support"),
            ):
                if (c := cell(kind)) is not None:
                    names.extend(_names(c, item, role, found, _where(number, c, many)))
            if (c := cell(Column.DEADLINE)) is not None:
                item.deadline = joined(c.text)
                item.deadline_cell = c
            for c in row:
                if c.guess:
                    found.table_notes.append((_where(number, c, many), f"读取时猜测:{c.guess}"))
            task.items.append(item)
    # 序号 written per row under a merged 任务 cell: the items' own numbers, tasks counted
    found.free_ids = any(
        len(t.items) > 1 and len({i.number_origin for i in t.items}) == len(t.items)
        for t in found.tasks
    )
    for index, task in enumerate(found.tasks, start=1):
        if found.free_ids:
            task.ident = str(index)
        _place_deadline(task)
        _number_items(task, found.free_ids)
        for item in task.items:
            if not item.owners:
                item.owners = list(item.lead)
    _check_deadlines(found, year)
    return found


def _names(cell: Cell, item: _Item, key: str, found: _Found, where: str) -> list[str]:
    """The names in a cell: split like `owners: 甲、乙`, and on line breaks and spaces."""
    names: list[str] = []

    def note(message: str) -> None:
        found.item_notes.append((item, key, message, where))

    for line in cell.text.splitlines():
        for written in split_names(line):
            parts = written.split()
            if len(parts) > 1:
                note(f"“{written}”按空格拆成了 {flow_list(parts)},请核对")
            for name in parts:
                if m := _AND_OTHERS.match(name):
                    note(f"“{name}”只取了“{m['named']}”:“等{m['rest']}”所指的其他单位请核对后补入")
                    name = m["named"]
                if any(ch in name for ch in ":：") or len(name) > 30:
                    note(f"“{name}”不像一个单位名称,未能拆分,请核对")
                if name not in names:
                    names.append(name)
    return names


def _origin(cell: Cell | None) -> object:
    return None if cell is None else (cell.merged_from or (cell.row, cell.col))


def _place_deadline(task: _Task) -> None:
    """One 完成时间 cell over all of the task's rows (or its only row): the task's deadline."""
    cells = [item.deadline_cell for item in task.items]
    if cells and cells[0] is not None and len({_origin(c) for c in cells}) == 1:
        task.deadline, task.deadline_cell = task.items[0].deadline, cells[0]
        for item in task.items:
            item.deadline, item.deadline_cell = "", None


def _number_items(task: _Task, free: bool) -> None:
    for n, item in enumerate(task.items, start=1):
        if not (free and item.ident):
            item.ident = f"{task.ident}.{n}"


def _check_deadlines(found: _Found, year: int) -> None:
    for task in found.tasks:
        if task.deadline:
            _check_deadline(found, task.items[0], "task-deadline", task.deadline, year)
        for item in task.items:
            if item.deadline:
                _check_deadline(found, item, "deadline", item.deadline, year)
            elif not task.deadline:
                found.item_notes.append((item, "id", f"条目 {item.ident} 没有完成时间", ""))


def _check_deadline(found: _Found, item: _Item, key: str, text: str, year: int) -> None:
    try:
        parse_deadline(text, year)
    except DeadlineError as error:
        found.item_notes.append((item, key, f"完成时间无法识别:{error}", ""))


# -- units ------------------------------------------------------------------------------


def is_collective(name: str) -> bool:
    """各乡(镇、处), 市政府各部门, 市政府相关部门: stands for several units (a group)."""
    return bool(_COLLECTIVE.search(name))


def bare(name: str) -> str:
    """市财政局 → 财政局: the name without the level of government in front."""
    for prefix in _LEVEL_PREFIX:
        if name.startswith(prefix) and len(name) > len(prefix) + 1:
            return name[len(prefix) :]
    return name


def unit_ids(
    names: Iterable[str], initials: Callable[[str], str], taken: Iterable[str] = ()
) -> dict[str, str]:
    """Each name's id: the pinyin initials of the name without 市/县/区 (市财政局 → czj).

    The rule for collisions, deterministic: names are taken in the order the table first
    names them; the first keeps the initials, the next gets a 2, then a 3 (czj, czj2, czj3),
    skipping any id already in use. A name with no letters at all gets `unit`.
    """
    used = set(taken)
    ids: dict[str, str] = {}
    for name in names:
        base = re.sub(r"[^a-z0-9]", "", initials(bare(name)).lower()) or "unit"
        if not base[0].isalnum():
            base = "u" + base
        ident, n = base, 1
        while ident in used:
            n += 1
            ident = f"{base}{n}"
        used.add(ident)
        ids[name] = ident
    return ids


def pinyin_initials(text: str) -> str:
    """市财政局 → scjz (pypinyin, imported only by `ledger import`)."""
    try:
        from pypinyin import Style, lazy_pinyin
    except ImportError:
        raise UserError(
            "生成单位编号需要 pypinyin,请安装:pip install 'gongkai-ledger[import]'"
        ) from None
    return "".join(
        part[:1] for part in lazy_pinyin(text, style=Style.FIRST_LETTER, errors="ignore")
    )


# -- writing ----------------------------------------------------------------------------


def scalar(text: str) -> str:
    """The text as YAML writes it plainly, or double-quoted when plain would read differently."""
    try:
        plain_ok = ": " not in text and scalar_value(text) == text
    except Exception:  # not valid as a plain scalar
        plain_ok = False
    if plain_ok and text == text.strip() and "#" not in text and text:
        return text
    return json.dumps(text, ensure_ascii=False)


def _names_value(names: list[str]) -> str:
    return flow_list(names)


class _Lines:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, line: str) -> int:
        self.lines.append(line)
        return len(self.lines)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def draft(
    tables: Sequence[Table],
    *,
    source: str,
    title: str,
    year: int,
    registry: Registry | None = None,
    initials: Callable[[str], str] = pinyin_initials,
) -> Draft:
    """The draft ledger of `tables`; with `registry` (an existing units.yaml) names map into it."""
    found = read_plan(tables, year)
    many = len(tables) > 1
    notes: list[Note] = []
    for where, message in found.table_notes:
        notes.append(Note("", 0, message, where))
    out = _Lines()
    out.add(f"# 由 ledger import 从“{source}”生成的草稿:请对照原表核对,改完运行 ledger check。")
    out.add("# 条目后的“# 原表第N行”是它在原表中的位置。")
    out.add("plan:")
    out.add(f"  title: {scalar(title)}")
    out.add(f"  year: {year}")
    if found.free_ids:
        out.add("  item_ids: free")
    if found.sections:
        out.add("")
        out.add("sections:")
        for ident, section_title in found.sections:
            out.add(f"  - id: {scalar(ident)}")
            out.add(f"    title: {scalar(section_title)}")
    out.add("")
    out.add("tasks:")
    lines: dict[tuple[int, str], int] = {}  # (id(item), key) → line
    for t, task in enumerate(found.tasks):
        if t:
            out.add("")
        out.add(f"  - id: {task.ident}")
        if task.section is not None:
            out.add(f"    section: {scalar(task.section)}")
        out.add(f"    title: {scalar(task.title)}")
        if task.deadline:
            lines[(id(task.items[0]), "task-deadline")] = out.add(
                f"    deadline: {scalar(task.deadline)}"
            )
        out.add("    items:")
        for item in task.items:
            place = f"表{item.table}第{item.row}行" if many else f"第{item.row}行"
            lines[(id(item), "id")] = out.add(f'      - id: "{item.ident}"  # 原表{place}')
            out.add(f"        content: {scalar(item.content)}")
            lines[(id(item), "owners")] = out.add(f"        owners: {_names_value(item.owners)}")
            if item.lead:
                lines[(id(item), "lead")] = out.add(
                    f"        lead: {item.lead[0] if len(item.lead) == 1 else _names_value(item.lead)}"
                )
            if item.support:
                lines[(id(item), "support")] = out.add(
                    f"        support: {_names_value(item.support)}"
                )
            if item.deadline:
                lines[(id(item), "deadline")] = out.add(
                    f"        deadline: {scalar(item.deadline)}"
                )
    for item, key, message, where in found.item_notes:
        cell = item.deadline_cell
        if key == "task-deadline":
            cell = next(t for t in found.tasks if item in t.items).deadline_cell
        if not where and cell is not None and key in ("deadline", "task-deadline"):
            where = _where(item.table, cell, many)
        notes.append(Note("tasks.yaml", lines[(id(item), key)], message, where))

    names: list[str] = []
    for task in found.tasks:
        for item in task.items:
            for name in (*item.owners, *item.lead, *item.support):
                if name not in names:
                    names.append(name)
    task_lines = {name: _first_line(out.lines, name) for name in names}
    if registry is not None:
        for name in names:
            if registry.lookup(name) is None:
                hint = next(
                    (n for n in (f"{p}{name}" for p in _LEVEL_PREFIX) if registry.lookup(n)), None
                )
                also = f",是否为“{hint}”?" if hint else ",请加入 units.yaml 或改用其中的名称"
                notes.append(
                    Note("tasks.yaml", task_lines[name], f"units.yaml 中没有单位“{name}”{also}")
                )
        units_yaml = None
        unit_count = group_count = 0
    else:
        units_yaml, unit_notes, unit_count, group_count = _units_yaml(names, initials)
        notes.extend(unit_notes)
    items = sum(len(t.items) for t in found.tasks)
    return Draft(
        out.text(), units_yaml, tuple(notes), len(found.tasks), items, unit_count, group_count
    )


def _first_line(lines: list[str], name: str) -> int:
    pattern = re.compile(r"[\[ ,]" + re.escape(name) + r"[\],]|: " + re.escape(name) + "$")
    for number, line in enumerate(lines, start=1):
        if line.lstrip().startswith(("owners:", "lead:", "support:")) and pattern.search(line):
            return number
    return 0


def _units_yaml(
    names: list[str], initials: Callable[[str], str]
) -> tuple[str, list[Note], int, int]:
    units = [n for n in names if not is_collective(n)]
    groups = [n for n in names if is_collective(n)]
    ids = unit_ids(units, initials)
    out = _Lines()
    notes: list[Note] = []
    out.add("# 由 ledger import 生成的单位名录草稿。id 由名称的拼音首字母生成(重复时加 2、3……),")
    out.add("# 一经使用(进展文件名 progress/<id>.yaml)不要改;同一单位的其他写法写进 aliases。")
    out.add("units:")
    unit_line: dict[str, int] = {}
    for name in units:
        unit_line[name] = out.add(f"  - id: {ids[name]}")
        out.add(f"    name: {scalar(name)}")
    by_bare: dict[str, str] = {}
    for name in units:
        by_bare.setdefault(bare(name), name)
    for name in units:
        other = by_bare.get(name)
        if other is not None and other != name:
            notes.append(
                Note(
                    "units.yaml",
                    unit_line[name],
                    f"“{name}”和“{other}”像是同一单位:如是,删去一项并把它写进另一项的 aliases",
                )
            )
    if groups:
        out.add("")
        out.add("groups:")
        for name in groups:
            line = out.add(f"  - name: {scalar(name)}")
            out.add("    members: []  # 请填写成员单位")
            notes.append(Note("units.yaml", line, f"单位组“{name}”没有成员单位,请填写 members"))
    return out.text(), notes, len(units), len(groups)


def read_registry(path: Path) -> Registry:
    """The names an existing units.yaml knows (names, aliases, groups); its problems are `check`'s."""
    from ..files.load import Reader, shown_path
    from ..files.yamlio import read_document

    shown = shown_path(path)
    units, groups = Reader(shown, read_document(path, shown), []).units_file()
    return Registry(units, groups)
