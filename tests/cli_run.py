"""Run `ledger …` in-process through the real entry point, error boundary included."""

from __future__ import annotations

import sys
from dataclasses import dataclass

import pytest

from gongkai_ledger.cli import main


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def run_ledger(capsys: pytest.CaptureFixture[str], *args: str) -> Run:
    argv = sys.argv
    sys.argv = ["ledger", *args]
    try:
        with pytest.raises(SystemExit) as exited:
            main()
    finally:
        sys.argv = argv
    captured = capsys.readouterr()
    code = exited.value.code
    return Run(code if isinstance(code, int) else int(code is not None), captured.out, captured.err)
