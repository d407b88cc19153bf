"""Names as a table writes them in one cell (“甲局、乙局”), and as a hint writes them back.

`split_names` is the one reading of a cell (the loader, `fmt` and the hints use it);
`flow_list` writes [甲局, 乙局] so that the user can paste it into the file: a name that YAML
would not read back as the same text inside [...] (a colon, a bracket, a comment sign, a
word YAML reads as true or null) is written in double quotes.
"""

from __future__ import annotations

from collections.abc import Iterable

from .lazyre import lazy

# A name YAML reads back as the same text inside [...]: otherwise the hint quotes it.
_PLAIN_IN_FLOW = lazy(r"[^\s\[\]{},:#\"'!&*|>%@`?-](?:[^\[\]{},:#\"']*[^\s\[\]{},:#\"'])?")
_NOT_TEXT_WORDS = {"true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"}


def needs_quotes(name: str) -> bool:
    """Whether a name inside [...] must be quoted to read back as the same text (yes, a: b)."""
    return not _PLAIN_IN_FLOW.fullmatch(name) or name.lower() in _NOT_TEXT_WORDS


def flow_list(names: Iterable[str]) -> str:
    """[甲局, 乙局] as a hint writes it, quoting a name that would not read back as itself."""

    def written(name: str) -> str:
        if not needs_quotes(name):
            return name
        return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'

    return "[" + ", ".join(written(name) for name in names) + "]"


# How a table separates names in one cell: 、 , , ; ;. Not inside brackets: 各乡(镇、处) is one.
NAME_SEPARATORS = "、,\uff0c;\uff1b"  # 、 , ， ; ；
_OPENING = "(\uff08[【"
_CLOSING = ")\uff09]】"


def split_names(text: str) -> list[str]:
    """The names in one cell as written: “县财政局、县发改委” → [县财政局, 县发改委]."""
    names: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        if char in _OPENING:
            depth += 1
        elif char in _CLOSING:
            depth = max(depth - 1, 0)
        elif char in NAME_SEPARATORS and depth == 0:
            names.append("".join(current).strip())
            current = []
            continue
        current.append(char)
    names.append("".join(current).strip())
    return [name for name in names if name]
