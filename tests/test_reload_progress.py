"""`load.reload_progress`: one progress file re-read gives what a full load with it gives.

`progress add` checks the ledger before and after appending; it reads the ledger once and
then only the file it changes. These cases compare that with `load_ledger(root, {path: new})`
(model, problems and their order), for valid and broken content, new and existing files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai_ledger.files.load import load_ledger, reload_progress

from .conftest import Write
from .ledgers import AAZ, BASE_TASKS, CZJ

BROKEN_STATUS = CZJ.replace("推进中", "进行中")  # unknown-status, with a position
BROKEN_SYNTAX = CZJ + "  - item: [\n"  # not YAML at all
EXTRA = CZJ + '  - item: "9.9"\n    date: 2022-13-01\n    status: 已完成\n    summary: 完成\n'


def _same(root: Path, name: str, content: str) -> None:
    path = root / "progress" / name
    data = content.encode("utf-8")
    expected = load_ledger(root, {path: data})
    got = reload_progress(load_ledger(root), root, path, data)
    assert got.ledger == expected.ledger
    assert got.problems == expected.problems  # the same problems in the same order


@pytest.mark.parametrize("content", [CZJ, BROKEN_STATUS, BROKEN_SYNTAX, EXTRA, ""])
def test_an_existing_file(write_ledger: Write, content: str) -> None:
    root = write_ledger(BASE_TASKS, progress={"aaz.yaml": AAZ, "czj.yaml": BROKEN_STATUS})
    (root / "progress" / "notes.txt").write_text("x", encoding="utf-8")  # progress-file problem
    _same(root, "czj.yaml", content)


@pytest.mark.parametrize("content", [CZJ, BROKEN_STATUS, BROKEN_SYNTAX])
def test_a_new_file_between_others(write_ledger: Write, content: str) -> None:
    root = write_ledger(BASE_TASKS, progress={"aaz.yaml": EXTRA, "zz.yaml": BROKEN_STATUS})
    _same(root, "czj.yaml", content)


def test_a_file_with_errors_made_clean(write_ledger: Write) -> None:
    root = write_ledger(BASE_TASKS, progress={"aaz.yaml": AAZ, "czj.yaml": BROKEN_SYNTAX})
    before = load_ledger(root)
    assert any(p.source.path.endswith("czj.yaml") for p in before.problems)
    path = root / "progress" / "czj.yaml"
    after = reload_progress(before, root, path, CZJ.encode("utf-8"))
    assert not any(p.source.path.endswith("czj.yaml") for p in after.problems)
    assert [p.unit.text for p in after.ledger.progress] == ["甲镇", "县财政局"]


def test_only_progress_files(write_ledger: Write) -> None:
    root = write_ledger(BASE_TASKS)
    with pytest.raises(ValueError, match="not a progress file"):
        reload_progress(load_ledger(root), root, root / "tasks.yaml", b"")
