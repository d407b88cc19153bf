"""HTML tables (a government page saved from the browser), read with lxml.html.

Every `<table>` that is not inside another table is a table; a nested table's text is left
out of the cell holding it. `rowspan`/`colspan` are expanded (a missing, zero or unreadable
span counts as 1). `<br>` and the ends of block elements (`<p>`, `<div>`, `<li>`) break
lines; non-breaking and full-width spaces count as spaces. The page's encoding is taken from
a byte-order mark or `<meta charset>`, else UTF-8, else GB18030.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from . import Table, require, unreadable
from .grid import Grid, clean_text

_BLOCKS = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)


def decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    declared = _CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


def read(path: Path) -> list[Table]:
    lxml_html: Any = require("lxml.html", "lxml")
    try:
        text = decode(path.read_bytes())
        root = lxml_html.document_fromstring(text)
    except Exception as exc:  # OSError, lxml's ParserError alike
        raise unreadable(path, exc) from None
    tables = [t for t in root.iter("table") if not _inside_table(t)]
    return [_table(t, f"{path.name} 表{n}") for n, t in enumerate(tables, start=1)]


def _inside_table(element: Any) -> bool:
    return any(a.tag == "table" for a in element.iterancestors())


def _own(element: Any, tag: str, table: Any) -> bool:
    """Whether element's nearest enclosing table is table."""
    for ancestor in element.iterancestors():
        if ancestor.tag == "table":
            return ancestor is table
    return False


def _span(element: Any, name: str) -> int:
    try:
        return max(int(str(element.get(name, "1")).strip() or 1), 1)
    except ValueError:
        return 1


def _text(element: Any) -> str:
    parts: list[str] = []

    def walk(node: Any) -> None:
        if node.tag == "table":  # nested table: left out
            if node.tail:
                parts.append(node.tail)
            return
        if node.tag == "br":
            parts.append("\n")
        elif isinstance(node.tag, str) and node.text:
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str):
                walk(child)
            elif child.tail:  # comments and processing instructions: only their tail is text
                parts.append(child.tail)
        if node.tag in _BLOCKS:
            parts.append("\n")
        if node is not element and node.tail:
            parts.append(node.tail)

    walk(element)
    # HTML source line breaks are spaces; only <br> and blocks break lines
    text = "".join(p if p == "\n" else re.sub(r"[\r\n]+", " ", p) for p in parts)
    return clean_text(text)


def _table(table: Any, source: str) -> Table:
    grid = Grid()
    rows = [tr for tr in table.iter("tr") if _own(tr, "tr", table)]
    for r, tr in enumerate(rows, start=1):
        col = 1
        for cell in tr:
            if cell.tag not in ("td", "th"):
                continue
            col = grid.free_col(r, col)
            colspan = _span(cell, "colspan")
            grid.place(r, col, _text(cell), _span(cell, "rowspan"), colspan)
            col += colspan
    return grid.table(source)
