"""Views as plain records, and their plain-text layout without rich (piped output starts faster).

`overdue`, `show` and `units` build their view from `Text`, `Table` and `Group`
here: records of exactly the arguments rich's classes take. On a terminal
`textcells.to_rich` turns them into rich objects; piped, `layout` lays them
out the way rich does for what the views use (a boxless table whose columns
fit, folding cells of a fixed or capped width, lines that fit the width), and
gives None for anything else (a table rich would squeeze, a character whose
width it cannot be sure of) so that the caller lets rich do it. Imports no rich.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable
from functools import cache
from typing import Any

from ..core.lazyre import lazy

# Characters whose width is the one rich's default Unicode table gives (tests/test_plain_layout.py
# checks every one): ASCII, Latin-1, the usual punctuation, CJK. $UNICODE_VERSION: rich decides.
_NARROW = ((0x20, 0x7E), (0xA1, 0xAC), (0xAE, 0xFF), (0x2010, 0x2027), (0x2030, 0x205E))
_WIDE = (
    (0x3000, 0x3029),
    (0x3030, 0x303E),
    (0x3041, 0x3096),
    (0x30A1, 0x30FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xFF01, 0xFF60),
    (0xFFE0, 0xFFE6),
)


@cache
def _char_width(char: str) -> int:
    """1 or 2 columns for a character in the ranges above, 0 for any other (rich measures it)."""
    code = ord(char)
    if any(first <= code <= last for first, last in _NARROW):
        return 1
    return 2 if any(first <= code <= last for first, last in _WIDE) else 0


@cache
def _rich_decides() -> bool:
    """$UNICODE_VERSION set: rich's own table for that version decides every width (read once:
    a lookup that misses raises and catches a KeyError, ~1 µs for each of ~1000 cells)."""
    return "UNICODE_VERSION" in os.environ


def sure(text: str) -> bool:
    """Whether every character's width in `text` is known here without rich."""
    return all(map(_char_width, set(text) - {"\n"})) and not _rich_decides()


def cell_len(text: str) -> int:
    """Terminal columns of `text`, as rich counts them (rich itself for unusual characters)."""
    if text.isascii() and text.isprintable():
        return len(text)
    widths = list(map(_char_width, text))
    if 0 in widths or _rich_decides():
        from rich.cells import cell_len as rich_cell_len

        return rich_cell_len(text)
    return sum(widths)


class _NotPlain(Exception):
    """Something `layout` does not lay out the way rich would: let rich do it."""


# -- the records ---------------------------------------------------------------


class Text:
    """rich.text.Text's arguments: text with a style, and pieces appended in their own styles."""

    __slots__ = ("appended", "no_wrap", "overflow", "style", "text")

    def __init__(
        self,
        text: str = "",
        style: str = "",
        *,
        no_wrap: bool | None = None,
        overflow: str | None = None,
    ) -> None:
        self.text, self.style, self.no_wrap, self.overflow = text, style, no_wrap, overflow
        self.appended: list[tuple[str, str]] = []

    def append(self, text: str, style: str = "") -> None:
        self.appended.append((text, style))

    @property
    def plain(self) -> str:
        return self.text + "".join(text for text, _ in self.appended)


Cell = str | Text


class Column:
    __slots__ = ("header", "options")

    def __init__(self, header: str, options: dict[str, Any]) -> None:
        self.header, self.options = header, options


class Table:
    """The table every view draws (`textcells.view_table`): rules or none, columns, rows."""

    __slots__ = ("columns", "lines", "plain", "rows")

    def __init__(self, plain: bool, *, lines: bool = False) -> None:
        self.plain, self.lines = plain, lines
        self.columns: list[Column] = []
        self.rows: list[tuple[Cell, ...]] = []

    def add_column(self, header: str, **options: Any) -> None:
        self.columns.append(Column(header, options))

    def add_row(self, *cells: Cell) -> None:
        self.rows.append(cells)


class Group:
    __slots__ = ("parts",)

    def __init__(self, *parts: Text | Table) -> None:
        self.parts = parts


View = Text | Table | Group


# -- plain layout --------------------------------------------------------------


def layout(view: View, width: int) -> str | None:
    """What rich prints for `view` at `width` columns with no colour, trailing spaces removed;
    None when rich would do something this does not reproduce."""
    try:
        lines = list(_lines(view, width))
    except _NotPlain:
        return None
    return "".join(line.rstrip() + "\n" for line in lines)


def _lines(view: View, width: int) -> Iterable[str]:
    if isinstance(view, Group):
        for part in view.parts:
            yield from _lines(part, width)
    elif isinstance(view, Table):
        yield from _table_lines(view, width)
    else:
        yield from _text_lines(view, width)


def _text_lines(text: Text, width: int) -> Iterable[str]:
    plain = _checked(text.plain)
    ignore = text.overflow == "ignore"
    for line in plain.split("\n"):
        if not ignore and cell_len(line) > width:
            raise _NotPlain  # rich would wrap it
        yield line


def _checked(text: str) -> str:
    if not sure(text):
        raise _NotPlain
    return text


def _table_lines(table: Table, max_width: int) -> Iterable[str]:
    if not table.plain or not table.columns:
        raise _NotPlain  # boxes and rules: terminals only, drawn by rich
    last = len(table.columns) - 1
    pads = [(0 if n == 0 else 1, 0 if n == last else 1) for n in range(len(table.columns))]
    columns = [[c.header, *(row[n] for row in table.rows)] for n, c in enumerate(table.columns)]
    texts = [
        [_checked(cell if isinstance(cell, str) else cell.plain) for cell in cells]
        for cells in columns
    ]
    widths = []
    for column, cells, (left, right) in zip(table.columns, texts, pads, strict=True):
        options = column.options
        if options.get("width") is not None:
            widths.append(min(options["width"] + left + right, max_width))
            continue
        widest = max(max(cell_len(line) for line in text.split("\n")) for text in cells)
        widest = min(widest + left + right, max_width)
        if options.get("max_width") is not None:
            widest = min(widest, options["max_width"] + left + right)
        widths.append(widest or 1)
    if sum(widths) > max_width:
        wrapable = [
            c.options.get("width") is None and not c.options.get("no_wrap") for c in table.columns
        ]
        widths = _collapse(widths, wrapable, max_width)
        if sum(widths) > max_width:
            raise _NotPlain  # rich would squeeze every column, cropping some
    rendered = [
        [_cell_lines(text, w - left - right, column.options) for text in cells]
        for column, cells, w, (left, right) in zip(table.columns, texts, widths, pads, strict=True)
    ]
    for row in range(len(table.rows) + 1):
        height = max(len(column_lines[row]) for column_lines in rendered)
        for n in range(height):
            line = ""
            for column_lines, w, (left, right) in zip(rendered, widths, pads, strict=True):
                cell = column_lines[row]
                at = n - (height - len(cell) if row == 0 else 0)  # headers sit at the bottom
                line += " " * left + (cell[at] if 0 <= at < len(cell) else " " * (w - left - right))
                line += " " * right
            yield line


def _collapse(widths: list[int], wrapable: list[bool], max_width: int) -> list[int]:
    """rich's `Table._collapse_widths`: narrow the widest wrapable columns until the table fits."""
    excess = sum(widths) - max_width
    if not any(wrapable):
        return widths
    while sum(widths) and excess > 0:
        widest = max(w for w, ok in zip(widths, wrapable, strict=True) if ok)
        second = max(w if ok and w != widest else 0 for w, ok in zip(widths, wrapable, strict=True))
        ratios = [1 if w == widest and ok else 0 for w, ok in zip(widths, wrapable, strict=True)]
        if not any(ratios) or widest == second:
            break
        widths = _reduce(excess, ratios, min(excess, widest - second), widths)
        excess = sum(widths) - max_width
    return widths


def _reduce(total: int, ratios: list[int], most: int, values: list[int]) -> list[int]:
    """rich's `ratio_reduce` with one maximum for every slot."""
    total_ratio = sum(ratios) if most else 0
    result = []
    for ratio, value in zip(ratios, values, strict=True):
        if ratio and total_ratio > 0:
            taken = min(most, round(ratio * total / total_ratio))
            result.append(value - taken)
            total -= taken
            total_ratio -= ratio
        else:
            result.append(value)
    return result


def _cell_lines(text: str, width: int, options: dict[str, Any]) -> list[str]:
    """A cell's lines at `width`, each padded to it (right-justified for numbers)."""
    no_wrap, fold = options.get("no_wrap", False), options.get("overflow") == "fold"
    lines = []
    for paragraph in text.split("\n"):
        if no_wrap or cell_len(paragraph) <= width:
            pieces = [paragraph]
        elif fold:
            pieces = [piece.rstrip() for piece in _divide(paragraph, width)]
        else:
            raise _NotPlain
        for piece in pieces:
            room = width - cell_len(piece)
            if room < 0:
                raise _NotPlain  # rich would crop it
            right = options.get("justify") == "right"
            lines.append(" " * room + piece if right else piece + " " * room)
    return lines


_WORD = lazy(r"\s*\S+\s*")


def _divide(text: str, width: int) -> list[str]:
    """`text` cut where rich's `divide_line` cuts it with fold (words, then characters)."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        length = cell_len(word.rstrip())
        if width - offset >= length:
            offset += cell_len(word)
        elif length > width:
            chunks = _chop(word, width)
            for n, chunk in enumerate(chunks):
                if start:
                    breaks.append(start)
                if n == len(chunks) - 1:
                    offset = cell_len(chunk)
                else:
                    start += len(chunk)
        elif offset and start:
            breaks.append(start)
            offset = cell_len(word)
    bounds = [0, *breaks, len(text)]
    return [text[a:b] for a, b in itertools.pairwise(bounds)]


def _chop(text: str, width: int) -> list[str]:
    """rich's `chop_cells`: pieces of at most `width` columns."""
    pieces, start, size = [], 0, 0
    for n, char in enumerate(text):
        cells = cell_len(char)
        if size + cells > width:
            pieces.append(text[start:n])
            start, size = n, 0
        size += cells
    if size:
        pieces.append(text[start:])
    return pieces
