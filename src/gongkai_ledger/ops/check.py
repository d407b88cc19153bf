"""`ledger check`: every problem of a ledger in one run."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path, PurePosixPath

from ..core.problems import Level, Problem, sorted_problems
from ..files.load import TASKS_FILE, UNITS_FILE, Loaded, load_ledger
from ..files.yamlio import DEFAULT_MAX_FILE_BYTES
from ..rules import anchor, encoding, file_too_large, make, syntax, tabs
from ..rules.catalog import LEDGER_RULES
from ..rules.context import Context

_FILE_LEVEL = {r.ID for r in (anchor, encoding, file_too_large, syntax, tabs)}


def check_loaded(loaded: Loaded, as_of: date) -> list[Problem]:
    ctx = Context(loaded.ledger, as_of)
    problems = list(loaded.problems)
    unreadable = _unreadable(loaded.problems)
    for rule in LEDGER_RULES:
        if unreadable & getattr(rule, "NEEDS", frozenset()):
            continue  # e.g. no "unknown item" noise when tasks.yaml itself did not parse
        problems.extend(make(rule, *finding) for finding in rule.check(ctx))
    return sorted_problems(problems)


def check_ledger(
    root: Path,
    as_of: date,
    overrides: Mapping[Path, bytes] | None = None,
    *,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
) -> list[Problem]:
    """All problems of the ledger at `root`, sorted by file and position.

    `overrides` checks some files with substituted content, as `load_ledger` reads them.
    """
    return check_loaded(load_ledger(root, overrides, max_file_bytes=max_file_bytes), as_of)


def _unreadable(problems: list[Problem]) -> frozenset[str]:
    """Which of tasks.yaml / units.yaml could not be read at all."""
    return frozenset(
        PurePosixPath(p.source.path).name
        for p in problems
        if p.rule in _FILE_LEVEL and PurePosixPath(p.source.path).name in (TASKS_FILE, UNITS_FILE)
    )


def unreadable_files(problems: list[Problem]) -> list[tuple[str, str]]:
    """The files that could not be read at all (too large, not UTF-8, no YAML…): path, rule."""
    found = {p.source.path: p.rule for p in problems if p.rule in _FILE_LEVEL}
    return sorted(found.items())


def exit_code(problems: list[Problem], *, strict: bool) -> int:
    counted = problems if strict else [p for p in problems if p.level is Level.ERROR]
    return 1 if counted else 0
