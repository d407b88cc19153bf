"""The problem formats of `ledger check --format`: text (the problem's own line, from core),
json, GitHub Actions workflow commands and GitLab Code Quality."""

from __future__ import annotations

from collections import Counter

from ..core.problems import Level, Problem, format_text
from ..core.safetext import json_text, visible


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
    import hashlib  # only for --format gitlab

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
