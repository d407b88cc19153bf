"""Outputs stay bounded: `diff` fits a pull-request comment, views a sane terminal width;
and a revision holding a file name that is not UTF-8 is still compared."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from .cli_run import run_ledger
from .git_repo import commit_all, git
from .ledgers import SHIPPED

AS_OF = ("--as-of", "2022-12-31")


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory holding a copy of the shipped ledger as data/."""
    shutil.copytree(SHIPPED, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_huge_terminal_width_is_clamped(
    here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100000")
    for args in (["overdue", "--unit", "市财政局"], ["show", "2.2"]):
        result = run_ledger(capsys, *args, "--ledger", "data", *AS_OF[:1], "2022-10-15")
        assert result.code == 0, result.err
        assert max(map(len, result.out.splitlines())) <= 500


def _many_reports(root: Path, count: int) -> None:
    lines = ["unit: 市财政局", "reports:"]
    for number in range(count):
        lines += [
            '  - item: "2.2"',
            f"    date: 2022-10-{number % 28 + 1:02d}",
            "    status: 推进中",
            f"    summary: 第 {number} 次报送:按要求更新收费目录清单并在门户网站公开",
        ]
    (root / "data" / "progress" / "czj.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.slow  # over a second (--durations)
def test_diff_fits_a_github_comment(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    commit_all(here)
    _many_reports(here, 3000)
    result = run_ledger(capsys, "diff", "HEAD", "--ledger", "data", *AS_OF)
    assert result.code == 0, result.err
    assert len(result.out) <= 60_000
    assert "> ✂️ 内容过长," in result.out
    assert (
        "未显示,在“进展报送”“状态变化(截至 2022-12-31)”中。"
        "完整内容请运行 `ledger diff --max-chars 0 -o 文件`。"
    ) in result.out
    assert "### 逾期、临期、更新滞后(截至 2022-12-31)" in result.out  # the totals are kept
    assert result.err.startswith("提示:摘要超过 --max-chars 60000,")

    everything = run_ledger(capsys, "diff", "HEAD", "--ledger", "data", *AS_OF, "--max-chars", "0")
    assert len(everything.out) > 100_000
    assert everything.err == ""
    assert "第 2999 次报送" in everything.out
    kept = result.out.split("\n> ✂️")[0]
    assert everything.out.startswith(kept)


def test_diff_max_chars_is_an_option(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    commit_all(here)
    _many_reports(here, 100)
    args = ["diff", "HEAD", "--ledger", "data", *AS_OF, "--max-chars"]
    result = run_ledger(capsys, *args, "3000")
    assert result.code == 0, result.err
    assert len(result.out) <= 3000
    assert "> ✂️ 内容过长," in result.out
    assert run_ledger(capsys, *args, "100").err == (
        "用法错误:--max-chars 至少为 2000(0 为不限),不能是 100\n"
    )


# -- item 14: a file name git stores that is not UTF-8 ------------------------------------


def test_diff_with_a_file_name_that_is_not_utf8(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    commit_all(here)
    name = os.path.join(os.fsencode(here / "data" / "progress"), b"\xff\xfe.yaml")
    with open(name, "wb") as handle:
        handle.write("unit: 市财政局\nreports: []\n".encode())
    git(here, "add", "data")
    git(here, "commit", "-q", "-m", "坏文件名")
    result = run_ledger(capsys, "diff", "HEAD~1", "HEAD", "--ledger", "data", *AS_OF)
    assert result.code in (0, 2), result.err
    assert "程序内部错误" not in result.err
