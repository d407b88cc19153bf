"""Commands that write an -o file never overwrite the ledger and never crash on a bad path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .cli_run import run_process
from .git_repo import git
from .ledgers import REPO, SHIPPED


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(SHIPPED, root)
    return root


COMMANDS = [
    ["export", "--as-of", "2022-10-15"],
    ["report", "--month", "2022-10"],
    ["codeowners"],
]


@pytest.mark.slow
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("target", ["tasks.yaml", "units.yaml", "progress/czj.yaml"])
def test_refuses_to_overwrite_a_ledger_file(ledger: Path, command: list[str], target: str) -> None:
    path = ledger / target
    path.parent.mkdir(exist_ok=True)
    before = path.read_bytes() if path.exists() else None
    result = run_process(*command, "--ledger", "data", "-o", str(path), cwd=ledger.parent)
    assert result.returncode == 2
    assert "是台账文件,不能用作输出文件" in result.stderr
    assert (path.read_bytes() if path.exists() else None) == before


@pytest.mark.parametrize(
    ("output", "reason"), [("missing/dir/out.json", "所在目录不存在"), (".", "这是一个目录")]
)
def test_bad_output_path_is_a_usage_error(ledger: Path, output: str, reason: str) -> None:
    target = ledger.parent / output
    result = run_process(
        "export", "--ledger", str(ledger), "--as-of", "2022-10-15", "-o", str(target)
    )
    assert result.returncode == 2
    assert reason in result.stderr
    assert "Traceback" not in result.stderr


def test_a_progress_file_with_another_extension_is_reported(ledger: Path) -> None:
    (ledger / "progress").mkdir(exist_ok=True)
    (ledger / "progress" / "czj.yml").write_text("unit: 市财政局\nreports: []\n", encoding="utf-8")
    (ledger / "progress" / "old").mkdir()
    result = run_process("check", "--ledger", str(ledger), "--as-of", "2022-12-31")
    assert result.returncode == 1
    assert [line.split(" ")[0] for line in result.stdout.splitlines()] == [
        f"{ledger}/progress/czj.yml:1:1:",
        f"{ledger}/progress/old:1:1:",
    ]
    assert "[progress-file]" in result.stdout


def test_diff_markdown_escapes_a_hostile_summary(tmp_path: Path) -> None:
    """A summary cannot put a link, bold text or HTML into the PR comment that diff writes."""
    root = tmp_path / "l"
    shutil.copytree(REPO / "tests" / "fixtures" / "report_ledger", root)

    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "base")
    progress = root / "progress" / "czj.yaml"
    hostile = '"见[通知](https://evil.example) **重要** <b>x</b> | y"'
    progress.write_text(
        progress.read_text(encoding="utf-8").replace(
            "summary: 已整理政府债务限额、余额数据,待审核后公开。", f"summary: {hostile}"
        ),
        encoding="utf-8",
    )
    result = run_process("diff", "HEAD", "--ledger", ".", "--as-of", "2022-12-31", cwd=root)
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if "通知" in line)
    assert line.endswith(
        r"见\[通知\](https:<!-- -->//evil.example) \*\*重要\*\* &lt;b&gt;x&lt;/b&gt; \| y"
    )


@pytest.mark.slow
def test_a_summary_never_becomes_a_spreadsheet_formula(tmp_path: Path) -> None:
    import zipfile

    root = tmp_path / "l"
    shutil.copytree(REPO / "tests" / "fixtures" / "report_ledger", root)
    progress = root / "progress" / "czj.yaml"
    progress.write_text(
        progress.read_text(encoding="utf-8").replace(
            "summary: 已整理政府债务限额、余额数据,待审核后公开。",
            'summary: \'=HYPERLINK("https://evil.example","点此")\'',
        ),
        encoding="utf-8",
    )
    csv_out = run_process(
        "export", "--ledger", str(root), "--format", "csv", "--as-of", "2022-12-31"
    )
    assert '"\'=HYPERLINK(""https://evil.example"",""点此"")"' in csv_out.stdout
    xlsx = tmp_path / "out.xlsx"
    result = run_process(
        "export", "--ledger", str(root), "--format", "xlsx", "--as-of", "2022-12-31",
        "-o", str(xlsx),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(xlsx) as archive:
        sheets = [archive.read(n).decode() for n in archive.namelist() if "worksheets/" in n]
    assert any("=HYPERLINK" in sheet for sheet in sheets)
    assert not any("<f>" in sheet for sheet in sheets)
