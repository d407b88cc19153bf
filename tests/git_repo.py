"""Throwaway git repositories around a test's ledger: a fixed author and date, no user config."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ENVIRONMENT = {
    **os.environ,
    "GIT_AUTHOR_NAME": "测试",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "测试",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
    "GIT_AUTHOR_DATE": "2022-10-20T12:00:00+08:00",
    "GIT_COMMITTER_DATE": "2022-10-20T12:00:00+08:00",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(root: Path, *args: str) -> str:
    """Run git in `root`; its standard output without the final newline."""
    done = subprocess.run(
        ["git", *args], cwd=root, env=ENVIRONMENT, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def commit_all(root: Path) -> None:
    """A new repository whose first commit holds data/."""
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "data")
    git(root, "commit", "-q", "-m", "台账")


def write_data(repo: Path, files: dict[str, str]) -> None:
    """Write files under the repository's data/, by name relative to it."""
    for name, text in files.items():
        path = repo / "data" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
