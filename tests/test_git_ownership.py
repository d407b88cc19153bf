"""A checkout owned by another user: say what git said, in Chinese, with the fix."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from .cli_run import run_ledger
from .git_repo import git
from .ledgers import SHIPPED

OTHER_UID = 54321


def _checkout(repo: Path) -> Path:
    repo.mkdir()
    shutil.copytree(SHIPPED, repo / "data")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "ledger")
    return repo


def _owned_by_another_user(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"  # no ~/.gitconfig that could trust the directory
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    if os.geteuid() == 0:  # CI containers: a real checkout of another uid (git checks root too)
        for path in [repo, *repo.rglob("*")]:
            os.lchown(path, OTHER_UID, OTHER_UID)
    else:  # git's own switch for its ownership check, for a developer's account
        monkeypatch.setenv("GIT_TEST_ASSUME_DIFFERENT_OWNER", "1")
    return repo


@pytest.fixture
def foreign_checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A committed ledger in a repository that belongs to another account."""
    return _owned_by_another_user(_checkout(tmp_path / "repo"), tmp_path, monkeypatch)


def test_diff_says_git_refuses_another_users_checkout(
    capsys: pytest.CaptureFixture[str], foreign_checkout: Path
) -> None:
    result = run_ledger(capsys, "diff", "HEAD", "HEAD", "--ledger", str(foreign_checkout / "data"))
    assert result.code == 2
    assert "不在 git 仓库中" not in result.err
    assert "属于另一个用户" in result.err
    fix = f"git config --global --add safe.directory {foreign_checkout}"
    assert fix in result.err
    assert "dubious" not in result.err


def test_report_says_why_it_has_no_data_version(
    capsys: pytest.CaptureFixture[str], foreign_checkout: Path
) -> None:
    result = run_ledger(
        capsys, "report", "--month", "2022-12", "--ledger", str(foreign_checkout / "data")
    )
    assert result.code == 0
    assert "数据版本" not in result.out
    assert "注意:通报中没有写数据版本。" in result.err
    assert f"safe.directory {foreign_checkout}" in result.err


def test_codeowners_does_not_mistake_it_for_no_repository(
    capsys: pytest.CaptureFixture[str], foreign_checkout: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(foreign_checkout)
    result = run_ledger(capsys, "codeowners", "--ledger", "data")
    assert result.code == 2
    assert "safe.directory" in result.err


def test_other_git_failures_show_gits_first_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    repo = _checkout(tmp_path / "repo")
    (repo / ".git" / "config").write_text("[core\n")  # a config git cannot read
    result = run_ledger(capsys, "diff", "--ledger", str(repo / "data"))
    assert result.code == 2
    assert "不在 git 仓库中" not in result.err
    assert "git 报告:fatal: bad config line 1 in file .git/config" in result.err


def test_what_git_says_is_shown_without_control_characters(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _owned_by_another_user(_checkout(tmp_path / "re\x1b[2Jpo"), tmp_path, monkeypatch)
    result = run_ledger(capsys, "diff", "HEAD", "HEAD", "--ledger", str(repo / "data"))
    assert result.code == 2
    assert "属于另一个用户" in result.err
    assert "\x1b" not in result.err.replace(f"“{repo}/data”", "")


def test_outside_any_repository_is_still_said_plainly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    shutil.copytree(SHIPPED, tmp_path / "data")
    result = run_ledger(capsys, "diff", "--ledger", str(tmp_path / "data"))
    assert result.code == 2
    assert "不在 git 仓库中" in result.err


def test_codeowners_output_directory_that_cannot_be_made(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _checkout(tmp_path / "repo")
    (repo / ".github").write_text("not a directory\n")
    monkeypatch.chdir(repo)
    result = run_ledger(capsys, "codeowners", "--ledger", "data", "-o", ".github/CODEOWNERS")
    assert result.code == 2
    assert result.err.startswith("错误:无法写入“.github/CODEOWNERS”:路径中有一段不是目录")
    assert "Errno" not in result.err and "exists" not in result.err


def test_diff_over_a_file_name_that_is_not_utf8(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    repo = _checkout(tmp_path / "repo")
    progress = repo / "data" / "progress"
    progress.mkdir(exist_ok=True)
    (progress / os.fsdecode(b"x\xff.yaml")).write_text("unit: x\nreports: []\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "a file name in GBK")
    result = run_ledger(capsys, "diff", "HEAD~1", "HEAD", "--ledger", str(repo / "data"))
    assert result.code == 0, result
    assert "Traceback" not in result.err and "内部错误" not in result.err
