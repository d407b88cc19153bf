"""User mistakes as values: a Problem has a position, a rule id and a message."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from .errors import LedgerUnreadable as LedgerUnreadable  # re-exported: callers import it here
from .model import Source
from .safetext import json_text, one_line, visible


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"


LEVEL_ZH = {Level.ERROR: "错误", Level.WARNING: "警告"}

EXCERPT = 24  # characters of a long value quoted in a message


def excerpt(text: str) -> str:
    """A value short enough to quote in a message: the start of a long one, and its length."""
    return text if len(text) <= EXCERPT else f"{text[:EXCERPT]}…(共 {len(text)} 个字符)"


_QUOTED = re.compile(f"“([^“”]{{{EXCERPT + 1},}})”")
_SHORTENED = re.compile(r"…\(共 \d+ 个字符\)")


def shorten_quoted(text: str) -> str:
    """Every “value” in a message shortened by `excerpt`, so no line of a report runs on."""
    if len(text) <= EXCERPT + 2:
        return text
    return _QUOTED.sub(
        lambda m: m.group() if _SHORTENED.search(m[1]) else f"“{excerpt(m[1])}”", text
    )


@dataclass(frozen=True)
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


def format_json(problems: list[Problem]) -> str:
    rows = [
        {
            "path": p.source.path,
            "line": p.source.line,
            "col": p.source.col,
            "rule": p.rule,
            "level": p.level.value,
            "message": p.message,
            "hint": p.hint,
        }
        for p in problems
    ]
    return json_text(rows)


def _github_escape(text: str, *, prop: bool = False) -> str:
    """Encoded as the Actions toolkit does (`%`, CR, LF; in a property also `:` and `,`); any other
    control or line separator is shown as its code, so nothing ends the command early."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return visible(text)


def format_github(problems: list[Problem]) -> str:
    lines = []
    for p in problems:
        message = p.message + (f"({p.hint})" if p.hint else "")
        lines.append(
            f"::{p.level.value} file={_github_escape(p.source.path, prop=True)},"
            f"line={p.source.line},col={p.source.col},"
            f"title={_github_escape(p.rule, prop=True)}::{_github_escape(message)}"
        )
    return "\n".join(lines) + ("\n" if lines else "")


_GITLAB_SEVERITY = {Level.ERROR: "major", Level.WARNING: "minor"}


def gitlab_fingerprints(problems: list[Problem]) -> list[str]:
    """A fingerprint per problem that survives lines moving: the hash of path, rule, message,
    hint and the occurrence among equal ones (first, second…), never the line or column."""
    seen: Counter[tuple[str, str, str, str]] = Counter()
    prints = []
    for p in problems:
        key = (p.source.path, p.rule, p.message, p.hint)
        seen[key] += 1
        fields = [*key, str(seen[key])]
        prints.append(hashlib.sha256("\0".join(fields).encode("utf-8")).hexdigest())
    return prints


def format_gitlab(problems: list[Problem]) -> str:
    """GitLab Code Quality JSON (`artifacts:reports:codequality`), one issue per problem."""
    issues = [
        {
            "description": f"[{p.rule}] {p.message}" + (f"({p.hint})" if p.hint else ""),
            "check_name": p.rule,
            "fingerprint": fingerprint,
            "severity": _GITLAB_SEVERITY[p.level],
            "location": {"path": p.source.path, "lines": {"begin": p.source.line}},
        }
        for p, fingerprint in zip(problems, gitlab_fingerprints(problems), strict=True)
    ]
    return json_text(issues)


FORMATTERS = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
    "gitlab": format_gitlab,
}
