"""`ledger check`: every problem of a ledger in one run."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .context import Context
from .load import Loaded, load_ledger
from .problems import Level, Problem, sorted_problems
from .rules import make
from .rules.registry import LEDGER_RULES


def check_loaded(loaded: Loaded, as_of: date) -> list[Problem]:
    ctx = Context(loaded.ledger, as_of)
    problems = list(loaded.problems)
    for rule in LEDGER_RULES:
        problems.extend(make(rule, *finding) for finding in rule.check(ctx))
    return sorted_problems(problems)


def check_ledger(root: Path, as_of: date) -> list[Problem]:
    """All problems of the ledger at `root`, sorted by file and position."""
    return check_loaded(load_ledger(root), as_of)


def exit_code(problems: list[Problem], *, strict: bool) -> int:
    counted = problems if strict else [p for p in problems if p.level is Level.ERROR]
    return 1 if counted else 0
