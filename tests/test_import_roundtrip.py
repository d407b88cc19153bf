"""Issue 12's acceptance test: the seed's 附表 as a Word, Excel (.xlsx, .xls) and HTML file, with
its real merged cells (tasks spanning rows, 5.1–5.3 sharing one 责任单位 cell, a 完成时间 spanning
a task's rows, a repeated header row in Word), imports through `ledger import` — readers and
importer together — to a ledger equal to the shipped data/tasks.yaml item by item."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from .cli_run import run_ledger
from .ledgers import SHIPPED
from .seed_table import build_docx, build_html, build_xls, build_xlsx
from .test_importing import imported_items, shipped_items

BUILDERS: dict[str, Callable[[Path], None]] = {
    "docx": build_docx,
    "xlsx": build_xlsx,
    "xls": build_xls,
    "html": build_html,
}


@pytest.mark.slow
@pytest.mark.parametrize("suffix", sorted(BUILDERS))
def test_the_seed_table_round_trips(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str
) -> None:
    source = tmp_path / f"重点任务分解表.{suffix}"
    BUILDERS[suffix](source)
    out = tmp_path / "ledger"
    run = run_ledger(capsys, "import", str(source), "-o", str(out), "--year", "2022")
    assert run.code == 0, run.err
    tasks = (out / "tasks.yaml").read_text(encoding="utf-8")
    assert imported_items(tasks) == shipped_items()
    # every unit the shipped ledger names is in the draft's registry, groups as groups
    units = yaml.safe_load((out / "units.yaml").read_text(encoding="utf-8"))
    names = {u["name"] for u in units["units"]} | {g["name"] for g in units.get("groups") or []}
    shipped = yaml.safe_load((SHIPPED / "tasks.yaml").read_text(encoding="utf-8"))["tasks"]
    named = {o for t in shipped for i in t["items"] for o in i["owners"]}
    assert named <= names
    # the draft passes check but for the review list: empty groups to fill in
    checked = run_ledger(capsys, "check", "--ledger", str(out), "--format", "json")
    rules = {p["rule"] for p in yaml.safe_load(checked.out)}
    assert rules <= {"empty-group"}
