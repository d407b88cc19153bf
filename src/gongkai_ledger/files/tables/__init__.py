"""Tables read from a published 分解表 (Word, Excel, HTML or flattened text), one shape for all.

Every reader returns `Table`s: a rectangular grid in document order whose merged cells are
expanded — a position covered by a merge (Word `vMerge`/`gridSpan`, an Excel merged range, an
HTML `rowspan`/`colspan`) repeats the text of the merge's first cell and names that cell in
`merged_from`. Rows and columns are counted from 1 as the document shows them, so a review list
can say 表2第5行第3列. `read_tables(path)` picks the reader by the file's suffix; ops/importing
turns tables into a draft ledger.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from ...core.errors import UserError


@dataclass(frozen=True)
class Cell:
    text: str  # the cell's text; lines joined with "\n", each line stripped
    row: int  # 1-based, in the table as the document has it
    col: int  # 1-based, after gridSpan/colspan are expanded
    merged_from: tuple[int, int] | None = None  # (row, col) of the merge's first cell, if covered
    guess: str = ""  # why the reader had to guess this cell (flattened text), for the review list


@dataclass(frozen=True)
class Table:
    source: str  # how messages name it, e.g. "分解表.docx 表1" or "附表.xlsx 工作表“附表”"
    rows: tuple[tuple[Cell, ...], ...]  # every row has the same number of cells


# suffix → the module under files/tables/ that reads it
READERS = {
    ".docx": "docx",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".xls": "xls",
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
}


def read_tables(path: Path) -> list[Table]:
    """Every table of the file, read by the reader its suffix names."""
    suffix = path.suffix.lower()
    name = READERS.get(suffix)
    if name is None:
        known = "、".join(READERS)
        raise UserError(
            f"无法读取“{path.name}”:不认识的文件类型“{suffix or '(无扩展名)'}”", f"可读 {known}"
        )
    if not path.is_file():
        raise UserError(f"无法读取“{path.name}”:文件不存在或不是普通文件")
    reader = importlib.import_module(f"{__name__}.{name}")
    tables: list[Table] = reader.read(path)
    return tables


def require(module: str, package: str) -> ModuleType:
    """Import a reader's optional dependency, or say in Chinese which extra to install."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise UserError(
            f"读取此类文件需要 {package},尚未安装",
            "安装:pip install 'gongkai-ledger[import]'",
        ) from None


def unreadable(path: Path, why: object) -> UserError:
    """The error for a file its reader cannot parse (damaged, or not what its suffix says)."""
    return UserError(f"无法读取“{path.name}”:文件已损坏或不是{path.suffix}格式({why})")
