"""Run `ledger …` in-process through the real entry point, or as its own process.

In-process (`run_ledger`) is the default: fast, error boundary included. A test runs the command
as a process (`run_process`) when it needs what only a process has: exact bytes on stdout, the
locale's or an environment's effect, signals, a memory limit, a concurrent writer.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, overload

import pytest

from gongkai_ledger.cli import main

LEDGER = (sys.executable, "-m", "gongkai_ledger")

# The environment a command sees in a test: no ledger directory or CI log format chosen by the
# shell that runs the tests, and a fixed terminal width.
_NOT_INHERITED = ("GITHUB_ACTIONS", "GONGKAI_LEDGER_DIR", "COLUMNS")


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


def environment(env: Mapping[str, str] | None = None) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if k not in _NOT_INHERITED}
    return {**base, "COLUMNS": "80", **(env or {})}


@overload
def run_process(
    *args: str | bytes | Path,
    text: Literal[True] = ...,
    env: Mapping[str, str] | None = ...,
    **options: Any,
) -> subprocess.CompletedProcess[str]: ...
@overload
def run_process(
    *args: str | bytes | Path,
    text: Literal[False],
    env: Mapping[str, str] | None = ...,
    **options: Any,
) -> subprocess.CompletedProcess[bytes]: ...
def run_process(
    *args: str | bytes | Path,
    text: bool = True,
    env: Mapping[str, str] | None = None,
    **options: Any,
) -> subprocess.CompletedProcess[str] | subprocess.CompletedProcess[bytes]:
    """`ledger *args` in a new process; output as UTF-8 text, or as bytes with `text=False`.

    `env` is added to the test environment; `options` go to subprocess.run (cwd, timeout, …).
    """
    if text:
        options.setdefault("encoding", "utf-8")
    return subprocess.run(
        [*LEDGER, *args], capture_output=True, check=False, env=environment(env), **options
    )
