"""The flattened plain text of a 分解表 (a page copied as text: one cell per line), best effort.

The table starts at the line `重点任务分解表` (or at the header if that line is missing) and
ends at two blank lines in a row, a line ending in 印发, or the end. The header is the lines
before the first task number; 完成 + 时间 (and the like) are taken as one header cell split
over two lines. A line of digits only that is the next task number starts a task; the line
after it is the task's 重点任务. Each item is a 具体内容 line, then optionally a 责任单位 line
(names joined with 、 that end like unit names) and a 完成时间 line (a date or 常态化/持续 wording,
with a following “并持续更新” line joined to it). A 责任单位 or 完成时间 the text leaves out was
a merged cell: it is taken from the row above. Every such inference is in `Cell.guess`.
"""

from __future__ import annotations

import re
from pathlib import Path

from ...core.flowlist import split_names
from . import Cell, Table, unreadable

START = "重点任务分解表"
HEADER_JOINS = {("完成", "时间"), ("完成", "时限"), ("时间", "节点"), ("责任", "单位")}
_TASK_NO = re.compile(r"\d{1,3}")
_LOST_YM = re.compile(r"(20\d\d)(1[0-2]|[1-9])")  # 20229: 2022年9月 with 年/月 lost
_DEADLINE = re.compile(
    r"(20\d\d(年|[-./])?(\d{1,2}(月|[-./])?(\d{1,2}日?)?)?(底|前|底前|以前)?)|.*(常态化|持续|长期|每月|每季度|每年).*"
)
_CONTINUATION = re.compile(r"并?持续(更新|推进|开展)|长期坚持|常态化(更新|推进)?")
_UNIT_END = re.compile(
    r".*(局|委|办|部|中心|馆|部门|单位|乡镇|[处镇][))]|镇|院|所|站|会|组|队|厅|行|公司|政府|办公室|团委|妇联|工会)"
)
_UNIT_PREFIX = re.compile(r"^(责任单位|牵头单位|配合单位)[::]")


def read(path: Path) -> list[Table]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise unreadable(path, exc) from None
    table = parse(text.splitlines(), f"{path.name} 纯文本表")
    return [table] if table.rows else []


def is_deadline(line: str) -> bool:
    """A short line in a date or 常态化/持续 wording (a 具体内容 that mentions 持续 is longer)."""
    return len(line) <= 20 and not line.endswith("。") and bool(_DEADLINE.fullmatch(line))


def is_units(line: str) -> bool:
    if line.endswith(("。", ";", ";", ",", ",")) or len(line) > 120:
        return False
    names = split_names(_UNIT_PREFIX.sub("", line))
    return bool(names) and all(_UNIT_END.fullmatch(n.strip()) for n in names)


def _cells_lines(lines: list[str]) -> list[str]:
    """The table's cells, one per non-empty line, from START to the table's end."""
    start = next((i + 1 for i, line in enumerate(lines) if line.strip() == START), None)
    if start is None:
        start = next((i for i, line in enumerate(lines) if line.strip() == "序号"), len(lines))
    out: list[str] = []
    blanks = 0
    for raw in lines[start:]:
        line = raw.strip()
        if not line:
            blanks += 1
            if blanks >= 2 and out:
                break
            continue
        blanks = 0
        if line.endswith("印发"):
            break
        out.append(line)
    return out


def _deadline_cell(line: str, row: int, col: int) -> Cell:
    lost = _LOST_YM.fullmatch(line.split("\n")[0])
    if lost:
        year, month = lost.groups()
        fixed = f"{year}年{month}月" + line[len(lost.group(0)) :]
        why = f"原文作“{lost.group(0)}”,按年、月二字缺失推断为“{year}年{month}月”"
        return Cell(fixed, row, col, guess=why)
    return Cell(line, row, col)


def parse(lines: list[str], source: str) -> Table:
    cells = _cells_lines(lines)
    first_task = next((i for i, c in enumerate(cells) if c == "1"), len(cells))
    header: list[Cell] = []
    i = 0
    while i < first_task:
        if i + 1 < first_task and (cells[i], cells[i + 1]) in HEADER_JOINS:
            why = f"按表头用语推断“{cells[i]}”“{cells[i + 1]}”为同一格的两行"
            header.append(Cell(f"{cells[i]}\n{cells[i + 1]}", 1, len(header) + 1, guess=why))
            i += 2
        else:
            header.append(Cell(cells[i], 1, len(header) + 1))
            i += 1
    rows: list[list[Cell]] = [header] if header else []
    width = 5
    task = 0
    task_row = 0  # the row of the current task's first item
    unit_from: tuple[int, int] | None = None
    deadline_from: tuple[int, int] | None = None
    item = 0
    i = first_task
    while i < len(cells):
        line = cells[i]
        row = len(rows) + 1
        if _TASK_NO.fullmatch(line) and int(line) == task + 1 and i + 1 < len(cells):
            task, item, task_row = task + 1, 0, row
            unit_from = deadline_from = None
            title = cells[i + 1]
            i += 2
            number_cell = Cell(line, row, 1)
            title_cell = Cell(title, row, 2)
        elif task == 0:
            i += 1
            continue
        else:
            number_cell = Cell(str(task), row, 1, (task_row, 1), "按行序推断与上一行同属一个任务")
            title_cell = Cell(
                rows[task_row - 1][1].text, row, 2, (task_row, 2), "按行序推断与上一行同属一个任务"
            )
        if i >= len(cells):
            break
        item += 1
        content = Cell(cells[i], row, 3, guess=f"按行序推断为第{task}个任务的第{item}个条目")
        i += 1
        if i < len(cells) and is_units(cells[i]) and not _is_task_start(cells, i, task):
            unit = Cell(cells[i], row, 4)
            unit_from = (row, 4)
            i += 1
        elif unit_from is not None:
            above = rows[unit_from[0] - 1][3]
            unit = Cell(
                above.text, row, 4, unit_from, "原文此处无责任单位,按合并单元格推断同上一条目"
            )
        else:
            unit = Cell("", row, 4, guess="原文此处无责任单位,未能推断")
        if i < len(cells) and is_deadline(cells[i]) and not _is_task_start(cells, i, task):
            text = cells[i]
            i += 1
            if i < len(cells) and _CONTINUATION.fullmatch(cells[i]):
                text += "\n" + cells[i]
                i += 1
            deadline = _deadline_cell(text, row, 5)
            deadline_from = (row, 5)
        elif deadline_from is not None:
            above = rows[deadline_from[0] - 1][4]
            deadline = Cell(
                above.text, row, 5, deadline_from, "原文此处无完成时间,按合并单元格推断同上一条目"
            )
        else:
            deadline = Cell("", row, 5, guess="原文此处无完成时间,未能推断")
        rows.append([number_cell, title_cell, content, unit, deadline])
    width = max((len(r) for r in rows), default=0)
    padded = tuple(
        tuple(r + [Cell("", r[0].row, c) for c in range(len(r) + 1, width + 1)]) for r in rows
    )
    return Table(source, padded)


def _is_task_start(cells: list[str], i: int, task: int) -> bool:
    return bool(_TASK_NO.fullmatch(cells[i])) and int(cells[i]) == task + 1
