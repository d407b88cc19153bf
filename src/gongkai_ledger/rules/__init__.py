"""One module per check rule.

A rule module has an `ID`, a default `LEVEL` and a docstring that is its user
documentation. Rules about the ledger's meaning also have
`check(ctx) -> Iterator[Finding]`; rules about reading a file (encoding,
syntax, shape) are applied by the loader, which is the only place that sees
the raw text. A rule never sets a problem's level: `make` does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from types import ModuleType
from typing import TYPE_CHECKING

from ..model import Source
from ..problems import Level, Problem, shorten_quoted

if TYPE_CHECKING:
    from ..context import Context

Finding = tuple[Source, str, str]  # where, message, hint
CheckFn = Callable[["Context"], Iterator[Finding]]


def make(rule: ModuleType, source: Source, message: str, hint: str = "") -> Problem:
    level: Level = rule.LEVEL
    return Problem(source, rule.ID, level, shorten_quoted(message), shorten_quoted(hint))
