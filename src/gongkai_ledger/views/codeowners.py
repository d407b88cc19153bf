"""A CODEOWNERS file from the unit registry: each unit reviews its own progress file.

The plan and the registry (and anything else in the ledger directory) are reviewed by
the office that issued the plan: the unit that `plan.issuer` names, unless given.

Nothing from the ledger can add a rule: a name is a comment of one line (a line break in
it is shown as `\\n`), a path has its spaces, `#`, `\\` and wildcards backslash-escaped
(a path with a control character is refused), and an owner must be @user, @org/team or
an e-mail address. `codeowners_render.to_codeowners` writes the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..core.errors import UsageError
from ..core.model import REVIEW_REQUIRED, Ledger
from ..core.registry import Registry
from ..core.safetext import LINE_BREAKS, UNSAFE, one_line

DEFAULT_FORMAT = "@org/{id}"
_PLACEHOLDER = "{id}"
_BRACE = re.compile(r"[{}]")

# GitHub and GitLab owners: @user, @org/team (GitLab: @group/subgroup), or an e-mail address.
_HANDLE = re.compile(
    r"@[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
)
# What CODEOWNERS (gitignore syntax) reads as other than itself in a path: a space ends the
# path, `#` starts a comment, `\` escapes, `*`, `?`, `[` and `]` are wildcards.
_PATH_SPECIAL = re.compile(r"([ \\#*?\[\]])")
_OTHER_SPACE = re.compile(r"[^\S ]")  # a tab, a full-width or no-break space: no escape for them


class CodeownersError(UsageError):
    """A template or office that cannot give valid owners; the message is for the user."""


def owner(template: str, unit_id: str) -> str:
    """The reviewer handle for a unit: `template` with `{id}` filled in."""
    if _BRACE.search(template.replace(_PLACEHOLDER, "")):
        # only the literal {id} is filled in (str.replace, not str.format: no widths,
        # attributes or indexes); any other brace is refused
        raise CodeownersError(
            f"--owner-format“{one_line(template)}”只能含占位符 {{id}}(单位编号),"
            f"不能有其他花括号,如 {DEFAULT_FORMAT}"
        )
    return checked(template.replace(_PLACEHOLDER, unit_id))


def checked(handle: str) -> str:
    if not _HANDLE.fullmatch(handle):
        raise CodeownersError(
            f"“{one_line(handle)}”不是有效的评审人:应为 @用户、@组织/团队 或电子邮件地址"
        )
    return handle


def pattern(path: str) -> str:
    """`path` as a CODEOWNERS pattern that matches that path only: `/台账 数据/` → `/台账\\ 数据/`."""
    if UNSAFE.search(path) or LINE_BREAKS.search(path) or _OTHER_SPACE.search(path):
        raise CodeownersError(
            f"路径“{one_line(path)}”含控制字符、换行或空格以外的空白,无法写进 CODEOWNERS"
        )
    return _PATH_SPECIAL.sub(r"\\\1", path)


@dataclass(frozen=True)
class Rule:
    """One CODEOWNERS rule: a pattern, its reviewer, and what it is (a comment line)."""

    about: str
    pattern: str
    owner: str


@dataclass(frozen=True)
class Codeowners:
    """Who reviews what: the ledger directory's files, then each unit's progress file."""

    office: Rule  # the ledger directory
    plan: tuple[Rule, ...]  # tasks.yaml and units.yaml (and reviews.yaml), by the same office
    units: tuple[Rule, ...]  # registry order


def _office_files(ledger: Ledger) -> tuple[str, ...]:
    """The files the office owns by name: reviews.yaml too once 办结审核 is in use."""
    reviewed = ledger.plan.review == REVIEW_REQUIRED or bool(ledger.reviews)
    return ("tasks.yaml", "units.yaml", *(("reviews.yaml",) if reviewed else ()))


def codeowners(
    ledger: Ledger, directory: PurePosixPath, template: str, office: str | None = None
) -> Codeowners:
    """The rules; `directory` is the ledger's path from the repository root."""
    registry = Registry.of(ledger)
    if office is None:
        issuer = registry.unit(ledger.plan.issuer.strip())
        if issuer is None:
            raise CodeownersError(
                f"plan.issuer“{ledger.plan.issuer}”不是单位名录中的单位,"
                "无法确定由谁评审分解表;请用 --office 指定,如 --office @org/zfb"
            )
        office, reviewer = owner(template, issuer.id), f"{issuer.name}(发文单位)"
    else:
        office, reviewer = checked(office), "发文单位"
    root = "/" if str(directory) == "." else f"/{pattern(str(directory))}/"
    return Codeowners(
        Rule(f"{reviewer}:分解表、单位名录及台账目录中的其他文件", root, office),
        tuple(Rule("", f"{root}{name}", office) for name in _office_files(ledger)),
        tuple(
            Rule(unit.name, f"{root}progress/{pattern(unit.id)}.yaml", owner(template, unit.id))
            for unit in ledger.units
        ),
    )
