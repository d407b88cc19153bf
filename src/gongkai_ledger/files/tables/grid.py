"""Placing spanned cells on a grid: the one place merges are expanded into `Table`s.

A reader hands over each cell as the document stores it — its first row and column, how many
rows and columns it spans, its text — and gets back a rectangular `Table` whose covered
positions repeat the first cell's text and name it in `merged_from`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import Cell, Table

_SPACES = re.compile(r"[ \t\u00a0\u3000\u2002-\u200b\ufeff]+")


def clean_text(text: str) -> str:
    """Lines stripped and joined with "\\n", blanks inside a line collapsed, empty lines dropped."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept = (_SPACES.sub(" ", line).strip() for line in lines)
    return "\n".join(line for line in kept if line)


@dataclass
class Grid:
    """Cells placed so far, by (row, col), both 1-based."""

    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)

    def place(self, row: int, col: int, text: str, rowspan: int = 1, colspan: int = 1) -> None:
        """Put a cell at (row, col) covering rowspan × colspan positions; taken ones stay."""
        for r in range(row, row + max(rowspan, 1)):
            for c in range(col, col + max(colspan, 1)):
                if (r, c) in self.cells:
                    continue
                origin = None if (r, c) == (row, col) else (row, col)
                self.cells[(r, c)] = Cell(text, r, c, origin)

    def free_col(self, row: int, col: int) -> int:
        """The first column at or after col that no cell of an earlier row covers yet."""
        while (row, col) in self.cells:
            col += 1
        return col

    def table(self, source: str, rows: list[int] | None = None) -> Table:
        """The rectangle of the placed cells, trailing empty rows and columns dropped.

        rows: which row numbers to keep, in order (default: 1 to the last row that has text).
        """
        filled = [pos for pos, cell in self.cells.items() if cell.text]
        last_row = max((r for r, _ in filled), default=0)
        last_col = max((c for _, c in filled), default=0)
        keep = [r for r in (rows or range(1, last_row + 1)) if r <= last_row]
        out = tuple(
            tuple(self.cells.get((r, c), Cell("", r, c)) for c in range(1, last_col + 1))
            for r in keep
        )
        return Table(source, out)
