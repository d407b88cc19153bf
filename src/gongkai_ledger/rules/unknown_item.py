"""进展报告引用了不存在的条目编号。

修正:改成 `tasks.yaml` 中已有的条目编号,例如 `"5.1"`。
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Collection, Iterator

from ..context import Context
from ..problems import Level
from . import Finding

ID = "unknown-item"
LEVEL = Level.ERROR
NEEDS = frozenset({"tasks.yaml"})  # skipped when these files did not parse


# Comparing with every id is fine for a county's plan, too slow for a province's.
_COMPARE_ALL_UP_TO = 2_000


def check(ctx: Context) -> Iterator[Finding]:
    hints: dict[str, str] = {}
    for progress in ctx.ledger.progress:
        for report in progress.reports:
            if report.item not in ctx.items_by_id:
                if report.item not in hints:
                    close = _closest(report.item, ctx.items_by_id)
                    hints[report.item] = f"是否为“{close}”?" if close else ""
                yield (
                    report.item_source or report.source,
                    f"未知条目“{report.item}”",
                    hints[report.item],
                )


def _closest(ident: str, items: Collection[str]) -> str | None:
    """The item id the user probably meant: same id in full-width or with zeros, else a close
    one of the same task, else (in a plan of ordinary size) a close one of any task."""
    normal = unicodedata.normalize("NFKC", ident).strip().replace("-", ".").replace("、", ".")
    normal = ".".join(part.lstrip("0") or "0" for part in normal.split("."))
    if normal in items:
        return normal
    task = normal.partition(".")[0] + "."
    candidates = [i for i in items if i.startswith(task)]
    if not candidates and len(items) <= _COMPARE_ALL_UP_TO:
        candidates = list(items)
    close = difflib.get_close_matches(ident, candidates, n=1)
    return close[0] if close else None
