"""Word (.docx) tables, read from the XML python-docx opens.

Merges: `w:gridSpan` widens a cell; `w:vMerge w:val="restart"` starts a vertical merge and a
bare `w:vMerge` (or val "continue") continues the one above it in the same grid column;
`w:gridBefore` skips columns at a row's start. Header rows: the rows at the top marked
`w:tblHeader` (or else the first row) are the header; a later row with the same texts — a
header a typist or a converter repeated on each page — is dropped, its row number skipped.
Nested tables are ignored: only a cell's own paragraphs give its text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import Cell, Table, require, unreadable
from .grid import Grid, clean_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read(path: Path) -> list[Table]:
    docx: Any = require("docx", "python-docx")
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises zipfile, KeyError or lxml errors alike
        raise unreadable(path, exc) from None
    return [
        _table(tbl._tbl, f"{path.name} 表{n}") for n, tbl in enumerate(document.tables, start=1)
    ]


def _val(element: Any, tag: str) -> str | None:
    """The w:val of a child property element; "" when present without a value; None if absent."""
    if element is None:
        return None
    child = element.find(W + tag)
    if child is None:
        return None
    return str(child.get(W + "val", ""))


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text else default
    except ValueError:
        return default


def _paragraph_text(p: Any) -> str:
    parts: list[str] = []
    for node in p.iter(W + "t", W + "br", W + "cr", W + "tab", W + "tbl"):
        if node.tag == W + "t":
            # a w:t inside a nested table belongs to that table
            if _in_nested(node, p):
                continue
            parts.append(node.text or "")
        elif node.tag == W + "tab":
            parts.append(" ")
        elif node.tag != W + "tbl":
            parts.append("\n")
    return "".join(parts)


def _in_nested(node: Any, top: Any) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not top:
        if parent.tag == W + "tbl":
            return True
        parent = parent.getparent()
    return False


def _cell_text(tc: Any) -> str:
    return clean_text("\n".join(_paragraph_text(p) for p in tc.iterchildren(W + "p")))


def _table(tbl: Any, source: str) -> Table:
    # pass 1: each row's cells as (grid column, span, vMerge, text)
    rows: list[list[tuple[int, int, str | None, str]]] = []
    header_marks: list[bool] = []
    for tr in tbl.iterchildren(W + "tr"):
        trpr = tr.find(W + "trPr")
        header_marks.append(_val(trpr, "tblHeader") not in (None, "0", "false"))
        col = 1 + _int(_val(trpr, "gridBefore"), 0)
        cells: list[tuple[int, int, str | None, str]] = []
        for tc in tr.iterchildren(W + "tc"):
            tcpr = tc.find(W + "tcPr")
            span = max(_int(_val(tcpr, "gridSpan"), 1), 1)
            cells.append((col, span, _val(tcpr, "vMerge"), _cell_text(tc)))
            col += span
        rows.append(cells)

    texts = [tuple(text for _, _, _, text in cells) for cells in rows]
    n_header = 0
    while n_header < len(rows) and header_marks[n_header]:
        n_header += 1
    header = set(texts[: max(n_header, 1)])
    kept = [
        r
        for r in range(len(rows))
        if r < max(n_header, 1) or texts[r] not in header or not any(texts[r])
    ]

    # pass 2: place cells; a continuing vMerge joins the cell above it in the rows kept
    grid = Grid()
    origin_at: dict[tuple[int, int], tuple[int, int]] = {}  # (row, col) → the merge's first cell
    previous: int | None = None
    for r in kept:
        row = r + 1
        for col, span, vmerge, text in rows[r]:
            above = origin_at.get((previous, col)) if previous is not None else None
            if vmerge not in (None, "restart") and above is not None:
                first = grid.cells[above]
                for c in range(col, col + span):
                    grid.cells[(row, c)] = Cell(first.text, row, c, above)
                    origin_at[(row, c)] = above
                continue
            grid.place(row, col, text, colspan=span)
            for c in range(col, col + span):
                origin_at[(row, c)] = (row, col)
        previous = row
    return grid.table(source, rows=[r + 1 for r in kept])
