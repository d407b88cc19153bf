"""unquoted-text: a plain text other YAML readers take for a number or a date (`deadline:
2023.06`, `deadline: 2022-06-30`): `check` warns at file:line:col, `fmt` quotes it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from .cli_run import run_ledger
from .conftest import Write, found
from .ledgers import TASKS

# Task 1 keeps `id: 1` (a task id YAML reads unchanged is fine); 1.2's deadline is a float
# elsewhere (2023.06), 1.1's a date, and a report's summary an integer.
MISREAD = TASKS.replace("deadline: 2022年12月", "deadline: 2023.06").replace(
    "    deadline: 2022年9月并持续更新", "    deadline: 2022-09-30"
)
PROGRESS = {
    "czj.yaml": """\
        unit: 县财政局
        reports:
          - item: "1.1"
            date: 2022-10-10
            status: 推进中
            summary: 100
        """
}


def test_check_warns_where_the_text_is(write_ledger: Write) -> None:
    root = write_ledger(tasks=MISREAD, progress=PROGRESS)
    assert found(root) == [
        ("czj.yaml", 6, 14, "unquoted-text"),
        ("tasks.yaml", 16, 15, "unquoted-text"),
        ("tasks.yaml", 24, 19, "unquoted-text"),
    ]


def test_the_message_says_what_others_read(
    capsys: pytest.CaptureFixture[str], write_ledger: Write
) -> None:
    root = write_ledger(tasks=MISREAD, progress=PROGRESS)
    run = run_ledger(capsys, "check", "--ledger", str(root), "--as-of", "2022-12-31")
    assert run.code == 0  # a warning
    assert (
        "tasks.yaml:24:19: 警告 [unquoted-text] 条目 1.2 的完成时间“2023.06”没有加引号,"
        '在别的 YAML 工具中会被读成数字 2023.06(请写成 "2023.06")'
    ) in run.out
    assert "在别的 YAML 工具中会被读成日期" in run.out


def test_fmt_quotes_them(capsys: pytest.CaptureFixture[str], write_ledger: Write) -> None:
    root = write_ledger(tasks=MISREAD, progress=PROGRESS)
    check = run_ledger(capsys, "fmt", "--check", "--ledger", str(root))
    assert check.code != 0
    assert run_ledger(capsys, "fmt", "--ledger", str(root)).code == 0
    tasks = (root / "tasks.yaml").read_text(encoding="utf-8")
    assert 'deadline: "2023.06"' in tasks and 'deadline: "2022-09-30"' in tasks
    assert "  - id: 1\n" in tasks  # a task id stays as written
    assert 'summary: "100"' in (root / "progress" / "czj.yaml").read_text(encoding="utf-8")
    assert found(root) == []
    # other YAML readers now read text too
    assert yaml.safe_load(tasks)["tasks"][0]["items"][1]["deadline"] == "2023.06"
    assert run_ledger(capsys, "fmt", "--check", "--ledger", str(root)).code == 0


def test_a_quoted_or_a_plain_chinese_deadline_is_fine(write_ledger: Write, tmp_path: Path) -> None:
    quoted = TASKS.replace("deadline: 2022年12月", 'deadline: "2023.06"')
    assert found(write_ledger(tasks=quoted)) == []
