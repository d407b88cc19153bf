"""Hostile and broken input: every case is a clear problem, the right exit code, no traceback.

Each file under tests/corpus/ replaces one file of a valid ledger (the fixture ledger plus
one progress file); inputs too big to commit are generated here, in tmp_path. The real CLI
runs in a subprocess under a memory limit (RLIMIT_AS) and a timeout.
"""

from __future__ import annotations

import json
import random
import re
import resource
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from .cli_run import run_process
from .ledgers import TASKS, UNITS

CORPUS = Path(__file__).parent / "corpus"
MEMORY_LIMIT = 1 << 30  # 1 GiB of address space for the whole `ledger check` process
TIMEOUT = 60

PROGRESS = """\
unit: 县财政局
reports:
  - item: "1.1"
    date: 2022-09-26
    status: 已完成
    summary: 已在门户网站公开
    evidence: [https://example.gov.cn/czj/1]
"""

TASKS_FILE, UNITS_FILE, PROGRESS_FILE = "tasks.yaml", "units.yaml", "progress/czj.yaml"

_OPTIONS = ("--format", "json", "--as-of", "2022-12-31")

Found = list[tuple[str, int, int, str]]  # (file name, line, col, rule)


@dataclass(frozen=True)
class Case:
    file: str  # under tests/corpus/
    replaces: str  # which file of the valid ledger it stands in for
    expected: Found
    exit: int = 1


def _ids(name: str, lines: range, col: int, *rules: str) -> Found:
    return [(name, line, col, rule) for line in lines for rule in rules]


# fmt: off
CASES = [
    # truncated files: the mistake is shown where the quote or bracket opens
    Case("truncated-in-quote.yaml", TASKS_FILE, [("tasks.yaml", 21, 13, "syntax")]),
    Case("truncated-in-brackets.yaml", TASKS_FILE, [("tasks.yaml", 20, 17, "syntax")]),
    Case("unclosed-brace.yaml", TASKS_FILE, [("tasks.yaml", 20, 17, "syntax")]),
    Case("truncated-after-key.yaml", TASKS_FILE, [
        ("tasks.yaml", 21, 9, "missing-key"), ("tasks.yaml", 21, 9, "missing-key"),
        ("tasks.yaml", 21, 12, "wrong-type"),
    ]),
    # empty files and wrong top-level shapes
    Case("empty.yaml", TASKS_FILE, [("czj.yaml", 3, 11, "unknown-item"), ("tasks.yaml", 1, 1, "missing-key")]),
    Case("comments-only.yaml", TASKS_FILE, [("czj.yaml", 3, 11, "unknown-item"), ("tasks.yaml", 1, 1, "missing-key")]),
    Case("scalar-top.yaml", TASKS_FILE, [("czj.yaml", 3, 11, "unknown-item"), ("tasks.yaml", 1, 1, "wrong-type")]),
    Case("list-top.yaml", TASKS_FILE, [("czj.yaml", 3, 11, "unknown-item"), ("tasks.yaml", 1, 1, "wrong-type")]),
    Case("tasks-as-mapping.yaml", TASKS_FILE, [("czj.yaml", 3, 11, "unknown-item"), ("tasks.yaml", 13, 3, "wrong-type")]),
    Case("units-as-list.yaml", UNITS_FILE, [
        ("czj.yaml", 1, 7, "unknown-unit"), ("tasks.yaml", 20, 18, "unknown-unit"),
        ("tasks.yaml", 23, 18, "unknown-unit"), ("units.yaml", 1, 1, "wrong-type"),
    ]),
    Case("progress-empty.yaml", PROGRESS_FILE, [("czj.yaml", 1, 1, "missing-key")]),
    Case("progress-scalar-top.yaml", PROGRESS_FILE, [("czj.yaml", 1, 1, "wrong-type")]),
    Case("progress-reports-mapping.yaml", PROGRESS_FILE, [("czj.yaml", 3, 3, "wrong-type")]),
    Case("multi-document.yaml", TASKS_FILE, [("tasks.yaml", 25, 1, "syntax")]),
    # encodings: GBK and UTF-16 are errors at the first bad byte, a BOM only a warning
    Case("gbk.yaml", TASKS_FILE, [("tasks.yaml", 2, 14, "encoding")]),
    Case("units-gbk.yaml", UNITS_FILE, [("units.yaml", 3, 11, "encoding")]),
    Case("utf-16.yaml", TASKS_FILE, [("tasks.yaml", 1, 1, "encoding")]),
    Case("utf-16-no-bom.yaml", TASKS_FILE, [("tasks.yaml", 1, 1, "encoding")]),
    Case("lone-surrogate.yaml", TASKS_FILE, [("tasks.yaml", 22, 20, "encoding")]),
    Case("surrogate-escape.yaml", TASKS_FILE, [("tasks.yaml", 22, 23, "syntax")]),
    Case("nul.yaml", TASKS_FILE, [("tasks.yaml", 22, 20, "encoding")]),
    Case("bom.yaml", TASKS_FILE, [("tasks.yaml", 1, 1, "bom")], exit=0),
    Case("progress-bom-crlf.yaml", PROGRESS_FILE, [("czj.yaml", 1, 1, "bom")], exit=0),
    # CRLF line endings (Windows editors) are clean
    Case("crlf.yaml", TASKS_FILE, [], exit=0),
    Case("units-crlf.yaml", UNITS_FILE, [], exit=0),
    Case("progress-crlf.yaml", PROGRESS_FILE, [], exit=0),
    # layout and keys
    Case("tabs.yaml", TASKS_FILE, [("tasks.yaml", 6, 1, "tabs"), ("tasks.yaml", 23, 5, "tabs")]),
    Case("duplicate-keys.yaml", TASKS_FILE, [("tasks.yaml", 7, 3, "duplicate-key"), ("tasks.yaml", 21, 9, "duplicate-key")]),
    Case("non-string-keys.yaml", TASKS_FILE, [
        ("tasks.yaml", 25, 3, "wrong-type"), ("tasks.yaml", 27, 1, "unknown-key"),
        ("tasks.yaml", 28, 1, "unknown-key"),
    ]),
    # nothing is ever constructed or executed
    Case("python-tag.yaml", TASKS_FILE, [("tasks.yaml", 19, 18, "yaml-tag")]),
    Case("python-tag-key.yaml", TASKS_FILE, [("tasks.yaml", 7, 3, "yaml-tag")]),
    # impossible dates
    Case("dates-out-of-range.yaml", TASKS_FILE, [("tasks.yaml", 5, 11, "impossible-date"), ("tasks.yaml", 24, 19, "impossible-date")]),
    Case("progress-dates-out-of-range.yaml", PROGRESS_FILE, [
        ("czj.yaml", line, 11, "impossible-date") for line in (4, 8, 12, 16, 24, 28)
    ]),
    # ids that YAML 1.1 or 1.2 reads as numbers: 5.10, 1e3, 0x10, .5, 1_000, +1, -1, 0o7, .nan, 1:20, 010
    Case("item-ids-number-like.yaml", TASKS_FILE, [
        ("czj.yaml", 3, 11, "unknown-item"),
        *[f for line in range(18, 49, 3) for f in (("tasks.yaml", line, 9, "item-id-prefix"), ("tasks.yaml", line, 13, "numeric-id"))],
        # .5, +1, -1, .nan, 1:20 are no ids even when quoted
        *[("tasks.yaml", line, 13, "id-format") for line in (27, 33, 36, 42, 45)],
    ]),
    # task ids 1, 0x10, 1_000, +2, 1:20, 1e3, 5.10, inf: only 1 and inf read back as written
    Case("task-ids-number-like.yaml", TASKS_FILE, [
        *[("tasks.yaml", line, 9, "numeric-id") for line in range(21, 62, 8)],
        # +2 and 1:20 are no ids even when quoted, nor are their items' ids
        *[("tasks.yaml", line, col, "id-format") for line, col in ((37, 9), (42, 13), (45, 9), (50, 13))],
    ]),
    Case("progress-item-ids-number-like.yaml", PROGRESS_FILE, _ids("czj.yaml", range(3, 44, 4), 11, "numeric-id", "unknown-item")),
]
# fmt: on


def _ledger(root: Path) -> Path:
    (root / "progress").mkdir(parents=True)
    (root / TASKS_FILE).write_text(TASKS, encoding="utf-8")
    (root / UNITS_FILE).write_text(UNITS, encoding="utf-8")
    (root / PROGRESS_FILE).write_text(PROGRESS, encoding="utf-8")
    return root


def _check(
    root: Path, *args: str, memory: int = MEMORY_LIMIT
) -> tuple[subprocess.CompletedProcess[str], Found, list[dict[str, str]]]:
    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    result = run_process(
        "check",
        "--ledger",
        str(root),
        *_OPTIONS,
        *args,
        cwd=root,  # a YAML tag that ran a shell command would leave its mark here
        preexec_fn=limit_memory,
        timeout=TIMEOUT,
    )
    assert "Traceback" not in result.stdout + result.stderr
    rows = json.loads(result.stdout) if result.stdout else []
    found = sorted((Path(r["path"]).name, r["line"], r["col"], r["rule"]) for r in rows)
    return result, found, rows


def _assert_clear(rows: list[dict[str, str]]) -> None:
    for row in rows:
        assert re.search("[\u4e00-\u9fff]", row["message"]), row  # said in Chinese
        assert "YAML 语法错误:" not in row["message"], row  # libyaml's English, untranslated


def test_base_ledger_is_clean(tmp_path: Path) -> None:
    result, found, _ = _check(_ledger(tmp_path / "ledger"))
    assert (result.returncode, found) == (0, [])


def test_every_corpus_file_has_a_case() -> None:
    covered = {c.file for c in CASES} | {"billion-laughs.yaml"}
    assert sorted(p.name for p in CORPUS.glob("*.yaml")) == sorted(covered)


@pytest.mark.slow  # a process each, under a memory limit
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.file)
def test_corpus(case: Case, tmp_path: Path) -> None:
    root = _ledger(tmp_path / "ledger")
    (root / case.replaces).write_bytes((CORPUS / case.file).read_bytes())
    result, found, rows = _check(root)
    assert found == sorted(case.expected)
    assert result.returncode == case.exit, result.stderr
    _assert_clear(rows)
    assert not (root / "PWNED").exists()


def test_alias_bomb_is_refused_without_expanding(tmp_path: Path) -> None:
    root = _ledger(tmp_path / "ledger")
    (root / TASKS_FILE).write_bytes((CORPUS / "billion-laughs.yaml").read_bytes())
    result, found, rows = _check(root)
    assert result.returncode == 1
    # 9 anchors, 8 × 9 aliases: each is named where it is; 9**9 "哈" are never built
    assert {f[3] for f in found} == {"anchor"}
    assert len(found) == 9 + 8 * 9
    assert found[:3] == [
        ("tasks.yaml", 1, 6, "anchor"),
        ("tasks.yaml", 2, 4, "anchor"),
        ("tasks.yaml", 2, 8, "anchor"),
    ]
    _assert_clear(rows)


def _binary_junk() -> bytes:
    return random.Random(2022).randbytes(64 * 1024)  # first byte 0x0b, then not UTF-8


def _hundred_megabytes() -> bytes:
    item = '      - id: "1.9"\n        content: 条目\n        owners: [县财政局]\n'.encode()
    return TASKS.encode() + item * (100 * 1024 * 1024 // len(item) + 1)


def _long_line() -> bytes:  # valid: one 8-million-character content line
    return TASKS.replace("content: 条目一", "content: " + "公开" * 4_000_000).encode()


Generated = tuple[str, str, Callable[[], bytes], Found, int]

GENERATED: list[Generated] = [
    ("binary-junk", TASKS_FILE, _binary_junk, [("tasks.yaml", 1, 2, "encoding")], 1),
    ("progress-binary-junk", PROGRESS_FILE, _binary_junk, [("czj.yaml", 1, 2, "encoding")], 1),
    ("100-megabytes", TASKS_FILE, _hundred_megabytes, [("tasks.yaml", 1, 1, "file-too-large")], 1),
    (
        "10000-open-brackets",
        TASKS_FILE,
        lambda: b"plan: " + b"[" * 10_000,
        [("tasks.yaml", 1, 1006, "syntax")],
        1,
    ),
    (
        "10000-nested-lists",
        TASKS_FILE,
        lambda: b"plan: " + b"[" * 10_000 + b"]" * 10_000 + b"\n",
        [("tasks.yaml", 1, 1006, "syntax")],
        1,
    ),
    (
        "deep-block-nesting",
        UNITS_FILE,
        lambda: b"".join(b" " * depth + b"- \n" for depth in range(3000)),
        [("units.yaml", 1000, 1000, "syntax")],
        1,
    ),
    ("long-line", TASKS_FILE, _long_line, [], 0),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("replaces", "make", "expected", "exit_code"),
    [g[1:] for g in GENERATED],
    ids=[g[0] for g in GENERATED],
)
def test_generated(
    replaces: str, make: Callable[[], bytes], expected: Found, exit_code: int, tmp_path: Path
) -> None:
    root = _ledger(tmp_path / "ledger")
    (root / replaces).write_bytes(make())
    result, found, rows = _check(root)
    assert found == sorted(expected)
    assert result.returncode == exit_code
    _assert_clear(rows)


@pytest.mark.slow
def test_dense_file_runs_out_of_memory_politely(tmp_path: Path) -> None:
    # 2 MB, a million tiny nodes: more than 256 MiB to compose. A problem, not a crash.
    root = _ledger(tmp_path / "ledger")
    (root / PROGRESS_FILE).write_bytes(b"unit: x\nreports: [" + b"{}," * 1_000_000 + b"{}]\n")
    result, found, rows = _check(root, memory=256 << 20)
    assert found == [("czj.yaml", 1, 1, "file-too-large")]
    assert result.returncode == 1
    _assert_clear(rows)


@pytest.mark.slow
def test_max_file_size_is_configurable(tmp_path: Path) -> None:
    root = _ledger(tmp_path / "ledger")
    (root / TASKS_FILE).write_bytes(_long_line())  # 24 MB
    result, found, _ = _check(root, "--max-file-mb", "16")
    assert (result.returncode, found) == (1, [("tasks.yaml", 1, 1, "file-too-large")])
    result, found, _ = _check(root, "--max-file-mb", "32")
    assert (result.returncode, found) == (0, [])


def test_unreadable_ledger_exits_2(tmp_path: Path) -> None:
    root = _ledger(tmp_path / "ledger")
    (root / TASKS_FILE).unlink()
    (root / TASKS_FILE).mkdir()  # a directory where tasks.yaml should be
    result, found, _ = _check(root)
    assert (result.returncode, found) == (2, [])
    assert "没有 tasks.yaml" in result.stderr
