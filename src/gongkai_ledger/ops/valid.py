"""A valid ledger: loaded, and free of check errors; the only kind a view answers from.

`ledger overdue`, `show` and `units` refuse a ledger with errors rather than
answer from data that `ledger check` would reject: an unknown unit or a
mistyped item id would otherwise silently drop what someone owes.

With `--skip-invalid` a view leaves out the progress files that have errors
instead (one 乡镇's typo must not stop the office's 通报) and says which it
left out; errors in tasks.yaml or units.yaml, the office's own files, still refuse.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path, PurePosixPath

from ..core.model import Ledger
from ..core.problems import LedgerUnreadable, Level, Problem, format_text
from ..core.record import record, replace
from ..files.load import PROGRESS_DIR, Loaded, load_ledger
from .check import check_loaded

# Exit code of a view that left out progress files with errors (0 ok, 1 --exit-code findings,
# 2 refused, 3 internal error).
SKIPPED_EXIT = 4


class LedgerInvalid(LedgerUnreadable):
    """The ledger has check errors; the message lists them (exit code 2, like unreadable)."""

    def __init__(self, errors: list[Problem], why: str = "") -> None:
        super().__init__(
            f"台账有 {len(errors)} 个错误,"
            + (why or "请先修正(运行 ledger check 可查看):")
            + "\n"
            + format_text(errors).rstrip("\n")
        )
        self.errors = errors


_CAN_SKIP = "请先修正(运行 ledger check 可查看;都在进展文件中,加 --skip-invalid 可跳过这些文件):"
_CANNOT_SKIP = (
    "在分解表或单位名录中(政府办的文件),--skip-invalid 只跳过有错误的进展文件,"
    "这些错误不能跳过,请先修正(运行 ledger check 可查看):"
)


@record
class Valid:
    """The ledger to answer from, and the first error of each progress file left out of it."""

    ledger: Ledger
    skipped: tuple[Problem, ...] = ()


def valid_ledger(root: Path, today: date) -> Ledger:
    """The ledger at `root`; raises LedgerInvalid when `ledger check` finds errors as of `today`.

    Warnings do not block. Checking as of `today` (not the as-of date asked
    about) means a report dated after an earlier as-of date is simply ignored.
    """
    loaded = load_ledger(root)
    errors = [p for p in check_loaded(loaded, today) if p.level is Level.ERROR]
    if errors:
        raise LedgerInvalid(errors)
    return loaded.ledger


def valid_or_skipped(root: Path, today: date, *, skip_invalid: bool = False) -> Valid:
    """As `valid_ledger`, for a command with --skip-invalid: with `skip_invalid`, progress
    files with errors are left out; errors in tasks.yaml or units.yaml still refuse."""
    return valid_loaded(load_ledger(root), today, skip_invalid=skip_invalid)


def valid_loaded(loaded: Loaded, today: date, *, skip_invalid: bool = False) -> Valid:
    """`valid_or_skipped` of a ledger already loaded (the command needed its plan first)."""
    errors = [p for p in check_loaded(loaded, today) if p.level is Level.ERROR]
    if not errors:
        return Valid(loaded.ledger)
    office = [p for p in errors if not _in_progress_dir(p.source.path)]
    if not skip_invalid:
        raise LedgerInvalid(errors, "" if office else _CAN_SKIP)
    if office:
        raise LedgerInvalid(office, _CANNOT_SKIP)
    first: dict[str, Problem] = {}
    for problem in errors:  # sorted by file and position: the first one of each file
        first.setdefault(problem.source.path, problem)
    kept = tuple(p for p in loaded.ledger.progress if p.path not in first)
    return Valid(replace(loaded.ledger, progress=kept), tuple(first.values()))


def _in_progress_dir(path: str) -> bool:
    return PurePosixPath(path).parent.name == PROGRESS_DIR


def skipped_notice(skipped: tuple[Problem, ...]) -> list[str]:
    """Lines that say which progress files were left out, each with its first error ([] if none)."""
    if not skipped:
        return []
    head = f"注意:以下 {len(skipped)} 个进展文件有错误,未计入(各列出第一个错误,修正后重新生成):"
    return [head, *format_text(list(skipped)).splitlines()]
