"""Adding a progress report: the unit, its file, and a ledger that stays as clean as it was.

`add_report` looks the unit up in units.yaml, checks the whole ledger with the new content
substituted (nothing is written when that adds an error; the ledger is read once, and only
the changed file again: `load.reload_progress`), and writes through
`rewrite.update_file`, the one way any command rewrites a ledger file.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from ..core.errors import LedgerUnreadable, Rejected, os_reason
from ..core.model import Ledger, Report, Status, Unit
from ..core.multisets import unmatched
from ..core.problems import Level, Problem
from ..core.record import record, replace
from ..core.registry import Registry, unit_named
from ..files.load import Loaded, Reader, ledger_files, load_ledger, reload_progress, shown_path
from ..files.rewrite import progress_path, update_file
from ..files.splice import NewReport, append_report
from ..files.yamlio import read_document, repository_of
from ..rules import foreign_file
from .check import check_loaded


@record
class Added:
    """What `add_report` wrote."""

    path: str  # the progress file, as the user would type it
    unit: Unit
    report: NewReport
    created: bool
    warnings: tuple[Problem, ...]  # warning-level problems the report brings (e.g. no evidence)


def reporting_unit(root: Path, name: str) -> Unit:
    """The unit a name, alias or id stands for; reads only units.yaml."""
    _, units_path, _ = ledger_files(root)
    shown = shown_path(units_path)
    try:
        document = read_document(units_path, shown, home=repository_of(root))
    except OSError as error:
        raise LedgerUnreadable(f"无法读取 {shown}:{os_reason(error)}") from None
    refused = next((p for p in document.problems if p.rule == foreign_file.ID), None)
    if refused is not None:  # not read at all: say why, rather than "unknown unit"
        raise LedgerUnreadable(refused.message)
    units, groups = Reader(shown, document, []).units_file()
    return unit_named(Registry(units, groups), name, units_file=shown)


def add_report(
    root: Path, unit_name: str, report: NewReport, as_of: date, *, timeout: float = 120.0
) -> Added:
    """Append `report` to the unit's progress file, if the ledger stays as clean as it was.

    Raises UserErrors, and nothing is written: Rejected (new errors), EditError (unsafe path,
    I/O failure), LedgerUnreadable, or the unit lookup's (unknown unit, a group).
    """
    report = replace(  # as the loader reads them back
        report,
        item=report.item.strip(),
        evidence=tuple(e.strip() for e in report.evidence),
        reason=report.reason.strip(),
    )
    unit = reporting_unit(root, unit_name)
    logical, physical = progress_path(root, unit)
    added: list[Added] = []

    def append(old: bytes | None) -> bytes:
        new, result = _appended(root, unit, report, as_of, logical, old)
        added.append(result)
        return new

    update_file(physical, shown_path(logical), append, timeout=timeout)
    return added[0]


def _refuse_new_errors(
    before: Loaded, after: Loaded, as_of: date, shown: str, what: str
) -> tuple[Problem, ...]:
    """Rejected, and nothing written, if the appended file adds check errors to the ledger;
    else the warnings it adds."""
    introduced = _introduced(check_loaded(before, as_of), check_loaded(after, as_of))
    errors = [p for p in introduced if p.level is Level.ERROR]
    if errors:
        raise Rejected(
            shown,
            errors,
            f"未写入:{what}会使 ledger check 报告上述错误(行号按追加后的文件计),{shown} 保持不变。",
        )
    return tuple(p for p in introduced if p.level is not Level.ERROR)


def _appended(
    root: Path, unit: Unit, report: NewReport, as_of: date, logical: Path, old: bytes | None
) -> tuple[bytes, Added]:
    shown = shown_path(logical)
    new = append_report(old, unit, report, shown)
    before = load_ledger(root)
    after = reload_progress(before, root, logical, new)  # the other files are read once
    warnings = _refuse_new_errors(before, after, as_of, shown, "这条进展")
    if _reports_of(after.ledger, logical) != [
        *_reports_of(before.ledger, logical),
        _fields(report),
    ]:
        raise RuntimeError(f"the report appended to {shown} does not read back as written")
    return new, Added(shown, unit, report, old is None, warnings)


def _introduced(before: list[Problem], after: list[Problem]) -> list[Problem]:
    """Problems of `after` not in `before`; positions are ignored, since lines may move."""
    return unmatched(after, before, lambda p: (p.source.path, p.rule, p.level, p.message, p.hint))


ReportFields = tuple[str, date, Status, str, tuple[str, ...], str]


def _fields(report: NewReport | Report) -> ReportFields:
    return (
        report.item,
        report.date,
        report.status,
        report.summary,
        report.evidence,
        report.reason,
    )


def _reports_of(ledger: Ledger, path: Path) -> list[ReportFields]:
    target = os.path.abspath(path)
    for progress in ledger.progress:
        if os.path.abspath(progress.path) == target:
            return [_fields(r) for r in progress.reports]
    return []


@record
class AddedAll:
    """What `add_reports` wrote (or, with dry_run, would write)."""

    path: str
    unit: Unit
    added: tuple[NewReport, ...]
    repeated: tuple[NewReport, ...]  # already in the file (item, date, status, summary): skipped
    created: bool
    warnings: tuple[Problem, ...]


def add_reports(
    root: Path,
    unit: Unit,
    reports: list[NewReport],
    as_of: date,
    *,
    dry_run: bool = False,
    timeout: float = 120.0,
) -> AddedAll:
    """Append `reports` to the unit's progress file in one write, as `add_report` does one.

    One locked read-check-replace: a report identical to one already in the file (same
    item, date, status and summary) is skipped; the rest are spliced in order and the
    ledger checked once; nothing is written if that adds an error (Rejected), or with
    `dry_run`.
    """
    reports = [
        replace(
            r,
            item=r.item.strip(),
            evidence=tuple(e.strip() for e in r.evidence),
            reason=r.reason.strip(),
        )
        for r in reports
    ]
    logical, physical = progress_path(root, unit)
    result: list[AddedAll] = []

    def append(old: bytes | None) -> bytes | None:
        new, done = _appended_all(root, unit, reports, as_of, logical, old)
        result.append(done)
        return None if dry_run or not done.added else new

    update_file(physical, shown_path(logical), append, timeout=timeout)
    return result[0]


def _appended_all(
    root: Path, unit: Unit, reports: list[NewReport], as_of: date, logical: Path, old: bytes | None
) -> tuple[bytes | None, AddedAll]:
    shown = shown_path(logical)
    before = load_ledger(root, {logical: old} if old is not None else None)
    there = {_same(r) for r in _reports_in(before.ledger, logical)}
    added: list[NewReport] = []
    repeated: list[NewReport] = []
    for report in reports:
        key = (report.item, report.date, report.status, report.summary)
        (repeated if key in there else added).append(report)
        there.add(key)
    new = old
    for report in added:
        new = append_report(new, unit, report, shown)
    if not added:
        return old, AddedAll(shown, unit, (), tuple(repeated), old is None, ())
    assert new is not None
    after = reload_progress(before, root, logical, new)
    warnings = _refuse_new_errors(before, after, as_of, shown, "这些进展")
    if _reports_of(after.ledger, logical) != [
        *_reports_of(before.ledger, logical),
        *map(_fields, added),
    ]:
        raise RuntimeError(f"the reports appended to {shown} do not read back as written")
    return new, AddedAll(shown, unit, tuple(added), tuple(repeated), old is None, warnings)


def _same(report: Report) -> tuple[str, date, Status, str]:
    return (report.item, report.date, report.status, report.summary)


def _reports_in(ledger: Ledger, path: Path) -> list[Report]:
    target = os.path.abspath(path)
    for progress in ledger.progress:
        if os.path.abspath(progress.path) == target:
            return list(progress.reports)
    return []
