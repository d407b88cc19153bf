"""The ledger's YAML loader (yamlio._Loader) resolves every tag as PyYAML's safe loader does.

It only takes a shorter way there (`resolve` without the per-node steps for path
resolvers); a different tag would change what a value means, so the two are compared
node by node on every kind of plain scalar, on the test corpus and on the shipped ledger.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from gongkai_ledger.files import yamlio

from .ledgers import REPO, SHIPPED

SCALARS = [
    "",
    "~",
    "null",
    "Null",
    "NULL",
    "nul",
    "yes",
    "No",
    "on",
    "OFF",
    "true",
    "False",
    "y",
    "0",
    "-0",
    "+12",
    "012",
    "0o17",
    "0x1F",
    "0b101",
    "1_000",
    "1:20",
    "190:20:30",
    "08",
    "1.5",
    "-.5",
    "1e5",
    "1.5e3",
    "6.8523015e+5",
    ".inf",
    "-.Inf",
    ".NaN",
    ".nan",
    "1.",
    "2022-09-20",
    "2022-9-2",
    "2022-09-20 10:00:00",
    "2001-12-14t21:59:43.10-05:00",
    "2022.06",
    "=",
    "<<",
    "abc",
    "中文",
    "5.1",
    "一",
    "http://a/b",
    "-",
    "--",
    ".",
    "2022年6月底",
    "１２",
    "0.",
    "+.inf",
    "1e",
    "e5",
    "0x",
    "1__0",
    "3:25:45",
    "true ",
]


def _tags(text: str, loader: type) -> list[tuple[str, object]]:
    """Every node's tag (and a scalar's text), each node once: an alias shares its anchor's
    node, so a file of nested aliases (billion laughs) is walked in its own size."""
    found: list[tuple[str, object]] = []
    seen: set[int] = set()
    stack = [yaml.compose(text, Loader=loader)]
    while stack:
        node = stack.pop()
        if node is None or id(node) in seen:
            continue
        seen.add(id(node))
        found.append((node.tag, node.value if isinstance(node, yaml.ScalarNode) else None))
        if isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return found


def _reference() -> type:
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@pytest.mark.parametrize("scalar", SCALARS)
def test_plain_and_quoted_scalars(scalar: str) -> None:
    quoted = scalar.replace('"', '\\"')
    texts = [f"a: {scalar}\n", f'b: "{quoted}"\n', f"c: [{scalar}]\n", f"{scalar}: {{x: 1}}\n"]
    compared = 0
    for text in texts:
        try:
            expected = _tags(text, _reference())
        except yaml.YAMLError:
            with pytest.raises(yaml.YAMLError):
                _tags(text, yamlio._Loader)
            continue
        assert _tags(text, yamlio._Loader) == expected
        compared += 1
    assert compared >= 1


def _files() -> list[Path]:
    found = sorted((REPO / "tests" / "corpus").glob("*.yaml"))
    return found + sorted(SHIPPED.rglob("*.yaml"))


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_corpus_and_shipped_files(path: Path) -> None:
    try:
        text = path.read_text(encoding="utf-8")
        expected = _tags(text, _reference())
    except (UnicodeDecodeError, yaml.YAMLError, RecursionError):
        return  # not readable at all: nothing to compare
    assert _tags(text, yamlio._Loader) == expected
    if yaml.compose(text, Loader=_reference()) is not None:
        assert expected  # a document with nodes: something was compared


def test_the_loader_is_the_one_reading_uses() -> None:
    assert issubclass(yamlio._Loader, _reference())
    assert yamlio.scalar_value("0x10") == 16
    assert yamlio.scalar_value("2022-09-20").isoformat() == "2022-09-20"
