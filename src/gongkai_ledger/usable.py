"""A ledger good enough to answer questions about: loaded, and free of check errors.

`ledger overdue`, `show` and `units` refuse a ledger with errors rather than
answer from data that `ledger check` would reject: an unknown unit or a
mistyped item id would otherwise silently drop what someone owes.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .check import check_loaded
from .load import load_ledger
from .model import Ledger
from .problems import LedgerUnreadable, Level, Problem, format_text


class LedgerInvalid(LedgerUnreadable):
    """The ledger has check errors; the message lists them (exit code 2, like unreadable)."""

    def __init__(self, errors: list[Problem]) -> None:
        super().__init__(
            f"台账有 {len(errors)} 个错误,请先修正(运行 ledger check 可查看):\n"
            + format_text(errors).rstrip("\n")
        )
        self.errors = errors


def usable_ledger(root: Path, today: date) -> Ledger:
    """The ledger at `root`; raises LedgerInvalid when `ledger check` finds errors as of `today`.

    Warnings do not block. Checking as of `today` (not the as-of date asked
    about) means a report dated after an earlier as-of date is simply ignored.
    """
    loaded = load_ledger(root)
    errors = [p for p in check_loaded(loaded, today) if p.level is Level.ERROR]
    if errors:
        raise LedgerInvalid(errors)
    return loaded.ledger
