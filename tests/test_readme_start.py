"""The README's first two commands, as a new user runs them."""

from __future__ import annotations

import os
import re
import shlex

import pytest

from .cli_run import run_ledger
from .ledgers import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```sh\n(.*?)```", README, flags=re.S)


def test_the_install_command_ends_by_showing_the_main_job(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    last = BLOCKS[0].strip().split(" && ")[-1]
    words = shlex.split(last)
    assert words[0] == ".venv/bin/ledger"
    assert words[1] == "overdue"
    monkeypatch.chdir(REPO)
    result = run_ledger(capsys, *words[1:])
    assert result.code == 0
    assert result.out.startswith("市财政局 截至 2022-12-31\n逾期 ")


def test_the_test_command_is_the_ci_script_that_installs_what_it_needs() -> None:
    assert BLOCKS[1].strip() == ".ci/run"
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert os.access(REPO / ".ci" / "run", os.X_OK)
    for package in ("chromium", "fonts-noto-cjk", "git", "python3-venv"):
        assert f"missing+=({package}" in script or f" {package})" in script, package
        assert package in README.split("\n## ")[0]  # said in the README's first section


def test_the_readme_says_how_to_put_ledger_on_path() -> None:
    first = README.split("\n## ")[0]
    assert "source .venv/bin/activate" in first
