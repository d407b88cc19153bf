"""One module per check rule.

A rule module has an `ID`, a default `LEVEL` and a docstring that is its user
documentation. Rules about the ledger's meaning also have
`check(ctx) -> Iterator[Finding]`; rules about reading a file (encoding,
syntax, shape) are applied by the loader, which is the only place that sees
the raw text. A rule never sets a problem's level: `make` does.
"""

from __future__ import annotations

from types import ModuleType

from ..core.model import Source
from ..core.problems import Level, Problem, shorten_quoted

Finding = tuple[Source, str, str]  # where, message, hint


def make(rule: ModuleType, source: Source, message: str, hint: str = "") -> Problem:
    level: Level = rule.LEVEL
    return Problem(source, rule.ID, level, shorten_quoted(message), shorten_quoted(hint))
