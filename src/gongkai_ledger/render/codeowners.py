"""`ledger codeowners` output: the CODEOWNERS file (GitHub and GitLab read the same syntax)."""

from __future__ import annotations

from collections.abc import Sequence

from ..core.safetext import one_line
from ..views.codeowners import Codeowners, Rule


def comment(text: str) -> str:
    """A comment line, whatever `text` holds: it never becomes a rule."""
    return "# " + one_line(text)


def _rule(rule: Rule) -> str:
    return f"{rule.pattern} {rule.owner}"


_HEADER = [
    "# 由 `ledger codeowners` 根据单位名录生成,请勿手工修改;单位名录变化后重新生成。",
    "# 后面的规则优先:台账目录默认由发文单位评审,每个单位的进展文件由该单位评审。",
]


def _body(data: Codeowners) -> list[str]:
    lines = [
        comment(data.office.about),
        _rule(data.office),
        *map(_rule, data.plan),
        "",
        "# 各单位的进展文件",
    ]
    for rule in data.units:  # a comment line of its own: GitLab has no end-of-line comments
        lines += [comment(rule.about), _rule(rule)]
    return lines


def to_codeowners(data: Codeowners) -> str:
    return "\n".join([*_HEADER, "", *_body(data)]) + "\n"


def to_codeowners_years(blocks: Sequence[tuple[str, Codeowners]]) -> str:
    """Several ledgers (one per year) in one file: each (its directory, its rules), in order."""
    if len(blocks) == 1:
        return to_codeowners(blocks[0][1])
    lines = list(_HEADER)
    for directory, data in blocks:
        lines += ["", comment(f"台账目录 {directory}"), *_body(data)]
    return "\n".join(lines) + "\n"
