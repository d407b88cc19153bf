"""How commands print: rich on a terminal, plain text when piped, UTF-8 bytes for data formats.

Not a command: shared by `overdue`, `show` and `units`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

    from rich.console import Console, ConsoleOptions, RenderableType
    from rich.segment import Segment

    from ..render.plain import View


def write_utf8(text: str) -> None:
    """Bytes, so that output redirected to a file on a Chinese Windows is UTF-8, not GBK."""
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()


def print_view(make: Callable[[int, bool], View]) -> None:
    """Render `make(width, plain)`: with colour and boxes on a terminal, plain text otherwise.

    The width is the terminal's, or $COLUMNS, or 80 when piped; within textcells' bounds.
    Piped output is laid out without rich where the text is the same (`render.plain`).
    """
    from ..render.textcells import clamp_width, piped_text

    if _surely_piped():
        width = clamp_width(_piped_width())
        sys.stdout.write(piped_text(make(width, True), width))
        return
    from rich.console import Console

    from ..render.textcells import to_rich, to_text

    console = Console(highlight=False, emoji=False, markup=False)
    width = console.width = clamp_width(console.width)
    if console.is_terminal:  # rich writes past SafeStream (its colours must get through)…
        console.print(_Visible(to_rich(make(width, False))))
    else:  # no trailing padding, no terminal codes: readable in a file or a pipe
        sys.stdout.write(to_text(make(width, True), width))


# What makes rich treat an output as a terminal (or size it) other than isatty.
_RICH_ENVIRONMENT = ("FORCE_COLOR", "TTY_COMPATIBLE", "JUPYTER_COLUMNS", "JUPYTER_LINES")


def _surely_piped() -> bool:
    """Whether rich would see stdout as not a terminal, decided without importing rich."""
    if sys.platform == "win32" or any(name in os.environ for name in _RICH_ENVIRONMENT):
        return False
    isatty = getattr(sys.stdout, "isatty", None)
    try:
        return isatty is not None and not isatty()
    except ValueError:
        return False


def _piped_width() -> int:
    """rich's console width: $COLUMNS, else the size of a terminal on stdin/stdout/stderr, else 80."""
    columns = os.environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        return int(columns)
    for fd in (0, 1, 2):
        try:
            width = os.get_terminal_size(fd).columns
        except (AttributeError, ValueError, OSError):
            continue
        return width or 80
    return 80


def print_notice(lines: list[str], output_format: str) -> None:
    """Say what a view left out: at the top of a table or Markdown, on stderr for data formats."""
    if not lines:
        return
    if output_format == "md":
        from ..render.mdtext import md_escape

        items = "".join(f"> - {md_escape(line)}\n" for line in lines[1:])
        write_utf8(f"> **{md_escape(lines[0])}**\n>\n{items}\n")
    elif output_format == "table":
        from ..core.safetext import visible

        write_utf8(visible("\n".join(lines)) + "\n\n")
    else:  # json, csv, xlsx stay machine-readable
        sys.stderr.write("\n".join(lines) + "\n")


class _Visible:
    """A renderable whose text is shown through `safetext.visible`: …so the text is made safe here."""

    def __init__(self, inner: RenderableType) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        from rich.segment import Segment

        from ..core.safetext import visible

        for segment in console.render(self.inner, options):
            text, style, control = segment
            yield segment if control else Segment(visible(text), style)
