"""The project's own description under docs/ (format.md, semantics.md): linked from the README,
links that resolve, and statements that the code can check (deadline examples, rule ids)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from gongkai_ledger.core.deadline import parse_deadline
from gongkai_ledger.rules.catalog import ALL as RULES

from .ledgers import REPO

DOCS = ("docs/format.md", "docs/semantics.md")
# Generated from the shape definition on another branch; the link is written ahead of it.
PENDING: set[str] = set()
_LINK = re.compile(r"\[[^\]]*\]\((?P<target>[^)\s]+)\)")
_EXAMPLE = re.compile(r"`(?P<text>[^`]+)` → (?P<due>[0-9]{4}-[0-9]{2}-[0-9]{2})")


def read(relative: str) -> str:
    text: str = (REPO / relative).read_text(encoding="utf-8")
    return text


def slug(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(text: str) -> set[str]:
    return {slug(m[1]) for m in re.finditer(r"^#+ (.+)$", text, re.MULTILINE)}


def test_the_readme_links_both() -> None:
    readme = read("README.md")
    for doc in DOCS:
        assert f"]({doc})" in readme, doc


@pytest.mark.parametrize("doc", ["README.md", *DOCS])
def test_links_resolve(doc: str) -> None:
    prose = re.sub(r"^```.*?^```", "", read(doc), flags=re.MULTILINE | re.DOTALL)
    prose = re.sub(r"`[^`\n]*`", "", prose)
    for m in _LINK.finditer(prose):
        target = m["target"]
        if re.match(r"[a-z]+:", target):
            continue
        file, _, anchor = target.partition("#")
        path = (REPO / doc).parent / file if file else REPO / doc
        relative = path.resolve().relative_to(REPO).as_posix()
        if relative in PENDING:
            continue
        assert path.exists(), f"{doc}: {target}"
        if anchor:
            assert anchor in anchors(path.read_text(encoding="utf-8")), f"{doc}: {target}"


def test_nothing_points_at_the_first_round_design() -> None:
    paths = [REPO / "README.md", *(REPO / "docs").glob("*.md")]
    paths += [*(REPO / "src").rglob("*.py"), *(REPO / "tests").glob("*.py")]
    citing = [p.name for p in paths if "DESIGN" + ".md" in p.read_text(encoding="utf-8")]
    assert citing == []


def test_the_deadline_examples_parse_as_written() -> None:
    examples = [(m["text"], m["due"]) for doc in DOCS for m in _EXAMPLE.finditer(read(doc))]
    assert len(examples) >= 10
    for text, due in examples:
        assert parse_deadline(text, 2022).due == date.fromisoformat(due), text


def test_every_continuing_form_in_the_table_is_continuing() -> None:
    row = next(line for line in read("docs/format.md").splitlines() if "无到期日" in line)
    forms = re.findall(r"`([^`]+)`", row.split("|")[1])
    assert forms
    for form in forms:
        deadline = parse_deadline(form, 2022)
        assert (deadline.due, deadline.continuing) == (None, True), form


def test_format_names_every_rule_and_only_rules() -> None:
    section = read("docs/format.md").split("## check 拒绝什么", 1)[1]
    quoted = set(re.findall(r"`([^`]+)`", section))
    ids = {rule.ID for rule in RULES}
    hyphenated = {q for q in quoted if re.fullmatch(r"[a-z]+(?:-[a-z]+)+", q)}
    assert (sorted(ids - quoted), sorted(hyphenated - ids)) == ([], [])
