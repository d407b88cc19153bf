"""Chinese text in terminal cells: a Chinese character takes two columns.

Shared by the renderers of `overdue`, `show` and `units`. Uses rich (import
this module only inside a command function).
"""

from __future__ import annotations

import io
import re

from rich import box
from rich.cells import cell_len
from rich.console import Console, RenderableType
from rich.table import Table

from ..core.safetext import visible

ELLIPSIS = "…"
# The widths a view is laid out at: $COLUMNS=999999999 would make rich pad every line for ever.
MIN_COLUMNS, MAX_COLUMNS = 20, 500
# Where a shortened text may end: after a clause.
_CLAUSE_END = re.compile(r"[,,。;;、::!!??]")
# What may not begin a line (the usual 避头 rule), and the tokens a line is built from:
# a run of ASCII letters and digits (a year, a URL) stays whole, anything else is one character.
_NO_LINE_START = frozenset(",。、;:?!)》」』】〕”’…,.;:?!)]%")
_TOKEN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_./:%#?=&+-]*|\s|.", re.DOTALL)


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


def to_text(renderable: RenderableType, width: int) -> str:
    """What `renderable` prints at `width` columns, without colour; trailing spaces removed."""
    console = plain_console(width)
    console.print(renderable, crop=False)  # a long URL stays whole
    out = console.file.getvalue()  # type: ignore[attr-defined]
    return "".join(line.rstrip() + "\n" for line in str(out).splitlines())


def view_table(plain: bool, *, lines: bool = False) -> Table:
    """The table every view draws: a rule under the header, or no box at all when plain."""
    return Table(
        box=None if plain else box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        show_lines=lines and not plain,  # a blank line between multi-line rows
        header_style="" if plain else "bold",
    )
