"""`ledger check` end to end: formats, exit codes, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .cli_run import run_process
from .conftest import Write
from .ledgers import SHIPPED, TASKS


@pytest.fixture
def broken(write_ledger: Write) -> Path:
    return write_ledger(
        tasks=TASKS.replace("owners: [县财政局]", "owners: [县财正局]").replace(
            '- id: "1.2"', "- id: 1.20"
        )
    )


def test_shipped_data_is_clean() -> None:
    result = run_process("check", "--ledger", str(SHIPPED), "--as-of", "2022-12-31", "--quiet")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_text_format(broken: Path) -> None:
    result = run_process("check", "--ledger", str(broken), "--as-of", "2022-12-31")
    path = f"{broken}/tasks.yaml"
    assert result.returncode == 1
    assert result.stdout == (
        f"{path}:20:18: 错误 [unknown-unit] 未知责任单位“县财正局”(是否为“县财政局”?)\n"
        f'{path}:21:13: 错误 [numeric-id] 条目编号“1.20”没有加引号,被读成了数字 1.2(请写成 "1.20")\n'
    )
    assert result.stderr == "共 2 个错误,0 个警告\n"


def test_json_format(broken: Path) -> None:
    result = run_process(
        "check", "--ledger", str(broken), "--format", "json", "--as-of", "2022-12-31"
    )
    rows = json.loads(result.stdout)
    assert [(r["line"], r["col"], r["rule"], r["level"]) for r in rows] == [
        (20, 18, "unknown-unit", "error"),
        (21, 13, "numeric-id", "error"),
    ]
    assert rows[0]["hint"] == "是否为“县财政局”?"
    assert rows[0]["path"] == f"{broken}/tasks.yaml"


def test_github_format_is_chosen_on_github_actions(broken: Path) -> None:
    result = run_process("check", "--ledger", str(broken), env={"GITHUB_ACTIONS": "true"})
    first = result.stdout.splitlines()[0]
    assert first == (
        f"::error file={broken}/tasks.yaml,line=20,col=18,title=unknown-unit::"
        "未知责任单位“县财正局”(是否为“县财政局”?)"
    )
    assert result.returncode == 1


@pytest.mark.slow
def test_warnings_fail_only_with_strict(write_ledger: Write) -> None:
    root = write_ledger(
        progress={
            "czj.yaml": 'unit: 县财政局\nreports:\n  - item: "1.1"\n    date: 2022-09-26\n'
            "    status: 已完成\n    summary: 已公开\n"
        }
    )
    assert run_process("check", "--ledger", str(root)).returncode == 0
    strict = run_process("check", "--ledger", str(root), "--strict")
    assert strict.returncode == 1
    assert "[no-evidence]" in strict.stdout


def test_environment_variable_chooses_the_ledger(broken: Path) -> None:
    result = run_process("check", env={"GONGKAI_LEDGER_DIR": str(broken)})
    assert result.returncode == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--ledger", "/nonexistent/ledger"], "找不到台账目录"),
        (["--as-of", "2022-02-30"], "不是有效日期"),
        (["--format", "xml"], "--format 只能是"),
    ],
)
def test_unusable_input_exits_2_without_traceback(args: list[str], message: str) -> None:
    result = run_process("check", "--ledger", str(SHIPPED), *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_missing_units_file_exits_2(write_ledger: Write) -> None:
    root = write_ledger()
    (root / "units.yaml").unlink()
    result = run_process("check", "--ledger", str(root))
    assert result.returncode == 2
    assert "没有 units.yaml" in result.stderr


def test_version_and_chinese_help() -> None:
    assert run_process("--version").stdout.startswith("gongkai-ledger ")
    help_text = run_process("--help").stdout
    assert "政务公开" in help_text
    assert "Show this message" not in help_text
    units_help = run_process("units", "--help").stdout
    assert "选项" in units_help
    assert "[默认:table]" in units_help
    assert "[default" not in units_help


def test_every_rule_is_documented() -> None:
    from gongkai_ledger.rules.catalog import ALL
    from gongkai_ledger.rules.docs import render_markdown, table_row

    from .ledgers import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for rule in ALL:
        assert table_row(rule) in readme, rule.ID
    assert (REPO / "docs" / "rules.md").read_text(encoding="utf-8") == render_markdown(), (
        "docs/rules.md is stale: python -m gongkai_ledger.rules.docs > docs/rules.md"
    )


MEMORY_LIMITED = """\
import re, resource, sys
import gongkai_ledger.cli, gongkai_ledger.ops.check, gongkai_ledger.files.load
vm = int(re.search(r"VmSize:\\s+(\\d+)", open("/proc/self/status").read())[1]) * 1024
limit = vm + 100 * 1024 * 1024
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
sys.argv = ["ledger", *sys.argv[1:]]
gongkai_ledger.cli.main()
"""


@pytest.mark.slow
def test_a_file_within_max_file_mb_but_beyond_memory_is_exit_2(write_ledger: Write) -> None:
    """A 600 MB (sparse) file under --max-file-mb 1024 and 100 MB of memory to spare."""
    root = write_ledger()
    with (root / "progress" / "czj.yaml").open("wb") as file:
        file.truncate(600 * 1024 * 1024)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            MEMORY_LIMITED,
            "check",
            "--ledger",
            str(root),
            "--max-file-mb",
            "1024",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2, result.stderr[-2000:]
    assert result.stderr.startswith("错误:内存不足,无法读取台账文件"), result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr
