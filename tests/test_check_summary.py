"""`ledger check` says what it checked when it finds nothing, and counts what it found."""

from __future__ import annotations

import json

import pytest

from .cli_run import run_ledger
from .conftest import Write
from .ledgers import SHIPPED, TASKS

DONE = 'unit: 县财政局\nreports:\n  - item: "1.1"\n    date: 2022-09-26\n    status: 推进中\n    summary: 已公开\n'


def test_success_prints_one_line_of_what_was_checked(
    capsys: pytest.CaptureFixture[str], write_ledger: Write
) -> None:
    root = write_ledger(progress={"czj.yaml": DONE})
    run = run_ledger(capsys, "check", "--ledger", str(root), "--as-of", "2022-12-31")
    assert (run.code, run.out) == (0, "")
    assert run.err == "检查通过:3 个文件、2 个条目、1 条进展,没有发现问题\n"


def test_the_shipped_ledger_passes_with_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_ledger(capsys, "check", "--ledger", str(SHIPPED), "--as-of", "2022-12-31")
    assert (run.code, run.out) == (0, "")
    assert run.err.startswith("检查通过:2 个文件、") and run.err.endswith("没有发现问题\n")


def test_quiet_keeps_silence(capsys: pytest.CaptureFixture[str], write_ledger: Write) -> None:
    root = write_ledger()
    run = run_ledger(capsys, "check", "--ledger", str(root), "--as-of", "2022-12-31", "-q")
    assert (run.code, run.out, run.err) == (0, "", "")


@pytest.mark.parametrize("fmt", ["json", "github"])
def test_machine_formats_print_only_problems(
    capsys: pytest.CaptureFixture[str], write_ledger: Write, fmt: str
) -> None:
    root = write_ledger()
    run = run_ledger(
        capsys, "check", "--ledger", str(root), "--format", fmt, "--as-of", "2022-12-31"
    )
    assert (run.code, run.err) == (0, "")
    assert run.out == ("[]\n" if fmt == "json" else "")
    if fmt == "json":
        assert json.loads(run.out) == []


def test_problems_are_counted_after_the_list(
    capsys: pytest.CaptureFixture[str], write_ledger: Write
) -> None:
    root = write_ledger(TASKS.replace("owners: [县财政局]", "owners: [县财正局]"))
    run = run_ledger(capsys, "check", "--ledger", str(root), "--as-of", "2022-12-31")
    assert run.code == 1
    assert run.err == "共 1 个错误,0 个警告\n"
    quiet = run_ledger(capsys, "check", "--ledger", str(root), "--as-of", "2022-12-31", "--quiet")
    assert (quiet.code, quiet.out, quiet.err) == (1, run.out, "")
