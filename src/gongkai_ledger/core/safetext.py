"""Text from the ledger made harmless for a terminal or a CI log: one rule for every output.

A summary, name or id can hold terminal codes (`\\x1b]0;标题\\x07`, `\\x1b[2J`, a clipboard
write `\\x1b]52;…`), a carriage return that overwrites the line before it, or a bidi
override that shows text reversed. None of them is ever printed as is: ESC and every other
C0 control except tab and line feed, DEL, the C1 controls (U+0080–U+009F), the bidi
controls, U+2028/U+2029 and the invisible format and blank characters (soft hyphen,
zero-width, tag characters, Hangul fillers) are shown as their code, `\\x1b`, `\\x0d`, `\\u202e`, so the
reader sees that they are there and nothing acts on them.

`cli.main` puts `SafeStream` in front of sys.stdout and sys.stderr, so every text write
(typer.echo, sys.stdout.write, rich) goes through `visible`; bytes written to
`sys.stdout.buffer` (xlsx, UTF-8 text formats) are the formats' own business: JSON escapes
these characters as `\\u001b` (`json_text`), CSV and Markdown have their own escapers.
"""

from __future__ import annotations

import io
from typing import Any, TextIO

from .lazyre import lazy

# What a terminal or a log viewer acts on rather than shows.
UNSAFE = lazy(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    # invisible format characters and blanks: shown as codes so a hint shows what differs
    "\u00ad\u034f\u115f\u1160\u180e\u200b-\u200d\u2060-\u2064\u2800\u3164\ufeff\uffa0"
    "\ufff9-\ufffb\U000e0000-\U000e007f]"
)
# Every way text can start a new line; `one_line` shows them instead.
LINE_BREAKS = lazy("\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def code_of(char: str) -> str:
    """`\\x1b` for ESC, `\\u202e` for RIGHT-TO-LEFT OVERRIDE: how an unsafe character is shown."""
    number = ord(char)
    if number < 0x100:
        return f"\\x{number:02x}"
    return f"\\u{number:04x}" if number < 0x10000 else f"\\U{number:08x}"


def visible(text: str) -> str:
    """`text` with every unsafe character shown as its code; line feeds and tabs stay."""
    return UNSAFE.sub(lambda m: code_of(m.group()), text)


def one_line(text: str) -> str:
    """`text` as one line of a log: line breaks shown as `\\n` (or their code), the rest as `visible`."""
    return visible(
        LINE_BREAKS.sub(lambda m: "\\n" if "\n" in m.group() else code_of(m.group()), text)
    )


_JSON_UNSAFE = lazy("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_text(document: Any) -> str:
    """JSON for people and programs: Chinese as is, every unsafe character as a `\\uXXXX` escape.

    json.dumps escapes C0 controls but not DEL, C1, bidi controls or U+2028/U+2029; these
    can only stand inside strings, where `\\u0085` means the same character.
    """
    import json  # only the commands that write JSON pay for it

    text = json.dumps(document, ensure_ascii=False, indent=2)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


class SafeStream(io.TextIOBase):
    """A text stream that passes everything written through `visible` to the stream it wraps.

    `buffer` is the wrapped stream's, untouched: binary output stays binary. Rich consoles
    write to the wrapped stream (`rich_proxied_file`) because their own colour codes must
    get through; `commands/_output.print_view` shows the ledger's text through `visible`
    segment by segment instead.
    """

    def __init__(self, wrapped: TextIO) -> None:
        super().__init__()
        self.wrapped = wrapped

    def write(self, text: str) -> int:
        self.wrapped.write(visible(text))
        return len(text)

    def flush(self) -> None:
        self.wrapped.flush()

    def isatty(self) -> bool:
        return self.wrapped.isatty()

    def fileno(self) -> int:
        return self.wrapped.fileno()

    def writable(self) -> bool:
        return True

    @property
    def buffer(self) -> Any:
        return self.wrapped.buffer

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self.wrapped.encoding

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return self.wrapped.errors

    @property
    def rich_proxied_file(self) -> TextIO:
        return self.wrapped
