"""CSV for people who open it in Excel or WPS: one writer for every CSV output.

UTF-8 with a BOM (so Excel reads Chinese as UTF-8), CRLF line ends, yes/no as 1/0,
dates as YYYY-MM-DD, lists joined with 、. A text cell that a spreadsheet would take
for a formula (`=HYPERLINK(…)`, `+…`, `-…`, `@…`) gets a leading apostrophe, the usual
defence against CSV injection: a progress summary can never run in someone's Excel.
A line break in a text (CR, CRLF, U+2028, …) is one LF inside the quoted cell, which Excel
shows as a line break in the cell; any other control character (ESC, C1, a bidi override)
is shown as its code, `\\x1b`, as on a terminal (see safetext).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import date

from ..core.safetext import LINE_BREAKS, visible

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        value = "、".join(str(v) for v in value)
    text = visible(LINE_BREAKS.sub("\n", str(value)))
    return "'" + text if text.startswith(FORMULA_START) else text


def excel_csv(header: Sequence[str], rows: Iterable[Iterable[object]]) -> str:
    import csv  # only for --format csv

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(csv_cell(value) for value in row)
    return "\ufeff" + out.getvalue()
