"""`Reader.plain_report`, the direct read of a plainly written report, agrees with the read
key by key (`report_by_fields`): the same Report, and it declines whatever that reports.

Every spelling below is one line of a report changed; each is read both ways.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from yaml.nodes import MappingNode, Node, SequenceNode

from gongkai_ledger.core.problems import Problem
from gongkai_ledger.files import load, schema
from gongkai_ledger.files.load import Reader
from gongkai_ledger.files.yamlio import parse_document

from .ledgers import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
from generate import generate  # type: ignore[import-not-found]

BASE = {
    "item": 'item: "1.1"',
    "date": "date: 2022-09-20",
    "status": "status: 推进中",
    "summary": "summary: 正在整理",
    "evidence": "evidence: [https://example.gov.cn/a]",
    "reason": None,
}

SPELLINGS: dict[str, list[str | None]] = {
    "item": [
        "item: 1.1",  # a number to YAML: numeric-id
        "item: '1.1 '",
        "item: 一.1",
        'item: ""',
        "item: 5",
        "item: 0x10",
        'item: "1.1\\u200b"',
        "item: [1.1]",
        "item: !!str 1.1",
        "item: !foo 1.1",
        "item:",
        None,
    ],
    "date": [
        'date: "2022-09-20"',
        "date: 2022-9-2",
        "date: 2022-02-30",
        'date: "２０２２-09-20"',
        "date: 2022/09/20",
        "date: 2022-09-20 10:00:00",
        'date: " 2022-09-20 "',
        "date: 20220920",
        "date:",
        None,
    ],
    "status": [
        "status: 已完成",
        "status: 不涉及",
        'status: " 已完成 "',
        "status: 完成",
        "status: 已完成\u200b",
        "status: [已完成]",
        "status:",
        None,
    ],
    "summary": [
        "summary: 2023.06",
        'summary: "2023.06"',
        "summary: 2022-06-30",
        "summary: 12",
        'summary: "  "',
        "summary: |\n      两行\n      文字",
        'summary: "含\\t制表符"',
        "summary: 含\u202e反向",
        "summary: 1e5",
        "summary:",
        None,
    ],
    "evidence": [
        "evidence: []",
        "evidence:",
        "evidence: [' a ', b]",
        "evidence: [a, '']",
        "evidence: [a, 12]",
        "evidence: a、b",
        "evidence: [[a]]",
        "evidence: !!seq [a]",
        None,
    ],
    "reason": [
        "reason: 本单位不涉及",
        'reason: ""',
        "reason:",
        "reason: 2023.06",
        "reason: 1e5",
        "reason: 0o17",
        "reason: ' 理由 '",
    ],
}

EXTRA_LINES = [
    "unknown: 1",
    "item: 1.2",  # a duplicate
    "Item: x",
    "\u3000status: 推进中",
    "'status': 推进中",
    "? [a]\n    : b",
    "null: x",
]


def _report(fields: dict[str, str | None], extra: str = "") -> str:
    lines = [line for line in fields.values() if line is not None]
    if extra:
        lines.append(extra)
    body = "\n    ".join(lines)
    return f"unit: 县财政局\nreports:\n  - {body}\n"


def _cases() -> list[str]:
    cases = [_report(BASE)]
    for key, spellings in SPELLINGS.items():
        cases.extend(_report({**BASE, key: spelling}) for spelling in spellings)
    cases.extend(_report(BASE, extra) for extra in EXTRA_LINES)
    na = {**BASE, "status": "status: 不涉及", "summary": None}
    cases.extend(_report({**na, "reason": r}) for r in SPELLINGS["reason"])
    cases.append("unit: 县财政局\nreports:\n  - [a]\n  - 1\n  - !!map {item: x}\n")
    return cases


def _nodes(text: str) -> list[Node]:
    document = parse_document(text.encode("utf-8"), "p.yaml")
    root = document.node
    if not isinstance(root, MappingNode):
        return []
    reports = next(v for k, v in root.value if k.value == "reports")
    return list(reports.value) if isinstance(reports, SequenceNode) else []


@pytest.mark.parametrize("text", _cases())
def test_both_reads_agree(text: str) -> None:
    document = parse_document(text.encode("utf-8"), "p.yaml")
    plain_problems: list[Problem] = []
    full_problems: list[Problem] = []
    plain_reader = Reader("p.yaml", document, plain_problems)
    full_reader = Reader("p.yaml", document, full_problems)
    for node in _nodes(text):
        before = len(plain_problems)
        plain = plain_reader.plain_report(node)
        assert len(plain_problems) == before, "the direct read never reports"
        full = full_reader.report_by_fields(node)
        if plain is not None:
            assert plain == full
            assert full_problems == list(document.problems)
        assert plain_reader.report(node) == full  # what the loader returns either way


def test_the_plain_spellings_are_read_directly() -> None:
    """The fast path is taken for what people (and benchmarks/generate.py) write."""
    plain = [_report(BASE), _report({**BASE, "date": 'date: "2022-09-20"'})]
    plain.append(_report({**BASE, "status": "status: 不涉及", "summary": None}))
    plain.append(_report({**BASE, "evidence": "evidence: []", "reason": 'reason: ""'}))
    for text in plain:
        document = parse_document(text.encode("utf-8"), "p.yaml")
        (node,) = _nodes(text)
        assert Reader("p.yaml", document, []).plain_report(node) is not None, text


def test_generated_reports_are_read_directly(tmp_path: Path) -> None:
    """benchmarks/generate.py writes reports as offices do: nearly all take the direct read."""
    generate(tmp_path / "ledger", 0.01, seed=2022, mistakes=False)
    taken: list[bool] = []
    for path in sorted((tmp_path / "ledger" / "progress").glob("*.yaml")):
        document = parse_document(path.read_bytes(), path.name)
        reader = Reader(path.name, document, [])
        taken.extend(
            reader.plain_report(n) is not None for n in _nodes(path.read_text(encoding="utf-8"))
        )
    assert len(taken) > 100
    assert sum(taken) >= len(taken) * 0.99


def test_the_direct_read_knows_every_key_of_a_report() -> None:
    """A key added to schema.REPORT must be added to `plain_report` too."""
    assert {k.name for k in schema.REPORT.keys} == load._PLAIN_REPORT_KEYS
    assert set(schema.REPORT.required) == load._PLAIN_REPORT_REQUIRED
