"""How commands print: rich on a terminal, plain text when piped, UTF-8 bytes for data formats.

Not a command: shared by `overdue`, `show` and `units`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import RenderableType


def write_utf8(text: str) -> None:
    """Bytes, so that output redirected to a file on a Chinese Windows is UTF-8, not GBK."""
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()


def print_view(make: Callable[[int, bool], RenderableType]) -> None:
    """Render `make(width, plain)`: with colour and boxes on a terminal, plain text otherwise.

    The width is the terminal's, or $COLUMNS, or 80 when piped; within textcells' bounds.
    """
    from rich.console import Console

    from ..textcells import clamp_width, to_text

    console = Console(highlight=False, emoji=False, markup=False)
    width = console.width = clamp_width(console.width)
    if console.is_terminal:
        console.print(make(width, False))
    else:  # no trailing padding, no terminal codes: readable in a file or a pipe
        sys.stdout.write(to_text(make(width, True), width))
