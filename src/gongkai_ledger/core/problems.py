"""User mistakes as values: a Problem has a position, a rule id and a message."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from .errors import LedgerUnreadable as LedgerUnreadable  # re-exported: callers import it here
from .lazyre import lazy
from .model import Source
from .record import record
from .safetext import one_line


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"


LEVEL_ZH = {Level.ERROR: "错误", Level.WARNING: "警告"}

EXCERPT = 24  # characters of a long value quoted in a message


def excerpt(text: str) -> str:
    """A value short enough to quote in a message: the start of a long one, and its length."""
    return text if len(text) <= EXCERPT else f"{text[:EXCERPT]}…(共 {len(text)} 个字符)"


_QUOTED = lazy(f"“([^“”]{{{EXCERPT + 1},}})”")
_SHORTENED = lazy(r"…\(共 \d+ 个字符\)")


def shorten_quoted(text: str) -> str:
    """Every “value” in a message shortened by `excerpt`, so no line of a report runs on."""
    if len(text) <= EXCERPT + 2:
        return text
    return _QUOTED.sub(
        lambda m: m.group() if _SHORTENED.search(m[1]) else f"“{excerpt(m[1])}”", text
    )


@record
class Problem:
    source: Source
    rule: str
    level: Level
    message: str
    hint: str = ""

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.source.path, self.source.line, self.source.col, self.rule, self.message)


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    unique = {(p.sort_key(), p.level, p.hint): p for p in problems}
    return [unique[k] for k in sorted(unique)]


def format_text(problems: list[Problem]) -> str:
    """One line per problem, whatever the message quotes: a line break in a value is shown as `\\n`,
    so it cannot start a line of its own (say, `::error` or `::stop-commands::` in a CI log)."""
    lines = []
    for p in problems:
        hint = f"({p.hint})" if p.hint else ""
        lines.append(one_line(f"{p.source}: {LEVEL_ZH[p.level]} [{p.rule}] {p.message}{hint}"))
    return "\n".join(lines) + ("\n" if lines else "")
