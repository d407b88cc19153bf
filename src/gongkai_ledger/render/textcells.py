"""Chinese text in terminal cells: a Chinese character takes two columns.

Shared by the renderers of `overdue`, `show` and `units`. Imports rich only to
draw a view with it (`to_rich`, `to_text`), so that piped output need not.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

from ..core.lazyre import lazy
from ..core.safetext import visible
from . import plain
from .plain import cell_len

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

ELLIPSIS = "…"
# The widths a view is laid out at: $COLUMNS=999999999 would make rich pad every line for ever.
MIN_COLUMNS, MAX_COLUMNS = 20, 500
# Where a shortened text may end: after a clause.
_CLAUSE_END = lazy(r"[,,。;;、::!!??]")
# What may not begin a line (the usual 避头 rule), and the tokens a line is built from:
# a run of ASCII letters and digits (a year, a URL) stays whole, anything else is one character.
_NO_LINE_START = frozenset(",。、;:?!)》」』】〕”’…,.;:?!)]%")
_TOKEN = lazy(r"[A-Za-z0-9_][A-Za-z0-9_./:%#?=&+-]*|\s|.", re.DOTALL)


def shorten(text: str, cols: int) -> str:
    """At most `cols` terminal columns of `text`, cut after a clause where one is near the end.

    "加强财政预决算信息公开,推进非涉密部门应公开尽公开。" at 30 columns
    is "加强财政预决算信息公开…", not a word cut in half.
    """
    text = " ".join(visible(text).split())
    if cell_len(text) <= cols:
        return text
    kept = ""
    for char in text:
        if cell_len(kept + char) > cols - cell_len(ELLIPSIS):
            break
        kept += char
    clause_ends = [m.start() for m in _CLAUSE_END.finditer(kept)]
    if clause_ends and cell_len(kept[: clause_ends[-1]]) >= cols // 2:
        kept = kept[: clause_ends[-1]]
    return kept.rstrip() + ELLIPSIS


def wrap(text: str, cols: int, indent: str = "") -> str:
    """`text` broken into lines of at most `cols` columns, Chinese style.

    Lines break between any two Chinese characters, never before closing
    punctuation (“。” does not start a line), never inside a year or a URL that
    fits on a line. Lines after the first start with `indent`.
    """
    room = cols - cell_len(indent)
    lines: list[str] = []
    for paragraph in visible(text).split("\n"):  # terminal codes as codes, and counted as such
        line, start = "", 0  # start: where this line's own text begins (after the indent)
        for token in _tokens(paragraph, room):
            if cell_len(line + token) <= cols or len(line) == start:
                line += token
                continue
            carried = ""
            if token[0] in _NO_LINE_START and len(line) - start > 1:
                line, carried = line[:-1], line[-1]
            lines.append(line.rstrip())
            line, start = indent + (carried + token).lstrip(), len(indent)
        lines.append(line.rstrip())
    return "\n".join(lines)


def _tokens(text: str, room: int) -> list[str]:
    tokens: list[str] = []
    for token in _TOKEN.findall(text):
        tokens.extend(token if cell_len(token) > room else [token])  # too long: fold anywhere
    return tokens


def clamp_width(width: int) -> int:
    """A terminal width (the terminal's or $COLUMNS) brought within what a view can use."""
    return max(MIN_COLUMNS, min(width, MAX_COLUMNS))


def plain_console(width: int) -> Console:
    """A console that writes to a string: no colour, no terminal codes, a fixed width."""
    from rich.console import Console

    return Console(
        file=io.StringIO(),
        width=clamp_width(width),
        color_system=None,
        force_terminal=False,
        force_jupyter=False,
        force_interactive=False,
        legacy_windows=False,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
        no_color=True,
    )


def to_text(view: plain.View, width: int) -> str:
    """What `view` prints at `width` columns, without colour; trailing spaces removed."""
    console = plain_console(width)
    console.print(to_rich(view), crop=False)  # a long URL stays whole
    out = console.file.getvalue()  # type: ignore[attr-defined]
    return "".join(line.rstrip() + "\n" for line in str(out).splitlines())


def piped_text(view: plain.View, width: int) -> str:
    """`to_text`, laid out without rich where `plain.layout` can (the same text, faster)."""
    text = plain.layout(view, clamp_width(width))
    return to_text(view, width) if text is None else text


def view_table(plain_view: bool, *, lines: bool = False) -> plain.Table:
    """The table every view draws: a rule under the header, or no box at all when plain."""
    return plain.Table(plain_view, lines=lines)


def to_rich(view: plain.View) -> RenderableType:
    """The rich renderable a view's record stands for."""
    from rich.console import Group

    if isinstance(view, plain.Group):
        return Group(*(to_rich(part) for part in view.parts))
    if isinstance(view, plain.Table):
        return _rich_table(view)
    return _rich_text(view)


def _rich_text(text: plain.Text | str) -> RenderableType:
    from rich.text import Text

    if isinstance(text, str):
        return text
    rich_text = Text(text.text, style=text.style, no_wrap=text.no_wrap, overflow=text.overflow)  # type: ignore[arg-type]
    for piece, style in text.appended:
        rich_text.append(piece, style=style)
    return rich_text


def _rich_table(view: plain.Table) -> RenderableType:
    from rich import box
    from rich.table import Table

    table = Table(
        box=None if view.plain else box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        show_lines=view.lines and not view.plain,  # a blank line between multi-line rows
        header_style="" if view.plain else "bold",
    )
    for column in view.columns:
        table.add_column(column.header, **column.options)
    for row in view.rows:
        table.add_row(*(_rich_text(cell) for cell in row))
    return table
