"""Tables read from a published 分解表 (Word, Excel, HTML or flattened text), one shape for all.

Every reader returns `Table`s: a rectangular grid in document order whose merged cells are
expanded — a position covered by a merge (Word `vMerge`/`gridSpan`, an Excel merged range, an
HTML `rowspan`/`colspan`) repeats the text of the merge's first cell and names that cell in
`merged_from`. Rows and columns are counted from 1 as the document shows them, so a review list
can say 表2第5行第3列. `read_tables(path)` picks the reader by the file's suffix; ops/importing
turns tables into a draft ledger.
"""

from __future__ import annotations

from dataclasses import dataclass


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
