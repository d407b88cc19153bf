""" "Today" is the date in plan.timezone (Beijing by default), not on the machine's clock zone."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from gongkai_ledger.commands import _common

from .cli_run import run_ledger
from .conftest import Write
from .ledgers import TASKS

# 07:30 on 2022-10-10 in Beijing, still 2022-10-09 in UTC (where CI runs).
BEIJING_MORNING = datetime(2022, 10, 9, 23, 30, tzinfo=UTC)

REPORT_OF_THE_10TH = """\
unit: 县财政局
reports:
  - item: "1.1"
    date: 2022-10-10
    status: 推进中
    summary: 已公开预算
"""


@pytest.fixture(autouse=True)
def beijing_morning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_common, "now", lambda: BEIJING_MORNING)


def with_timezone(zone: str) -> str:
    return TASKS.replace("  warn_days: 15\n", f"  warn_days: 15\n  timezone: {zone}\n")


def test_a_report_dated_today_in_beijing_passes_check_before_8am(
    capsys: pytest.CaptureFixture[str], write_ledger: Write
) -> None:
    root = write_ledger(progress={"czj.yaml": REPORT_OF_THE_10TH})
    run = run_ledger(capsys, "check", "--ledger", str(root))
    assert run.code == 0, run.out
    assert "future-report" not in run.out


def test_plan_timezone_decides_what_today_is(
    capsys: pytest.CaptureFixture[str], write_ledger: Write
) -> None:
    root = write_ledger(with_timezone("UTC"), progress={"czj.yaml": REPORT_OF_THE_10TH})
    run = run_ledger(capsys, "check", "--ledger", str(root))
    assert run.code == 1
    assert "[future-report]" in run.out
    assert "2022-10-09" in run.out


def test_an_unknown_timezone_is_a_check_error_with_its_position(
    capsys: pytest.CaptureFixture[str], write_ledger: Write
) -> None:
    root = write_ledger(with_timezone("Asia/Beijing"))
    run = run_ledger(capsys, "check", "--ledger", str(root))
    assert run.code == 1
    assert "tasks.yaml:9:13: 错误 [wrong-type] plan.timezone“Asia/Beijing”不是已知的时区" in run.out
    for path in ("../../etc/passwd", "/etc/passwd", "zone.tab"):
        root = write_ledger(with_timezone(f'"{path}"'))
        assert (
            "[wrong-type] plan.timezone" in run_ledger(capsys, "check", "--ledger", str(root)).out
        )


def test_progress_add_dates_a_report_today_in_beijing(
    capsys: pytest.CaptureFixture[str], write_ledger: Write
) -> None:
    root = write_ledger()
    run = run_ledger(
        capsys, "progress", "add", "1.1", "--unit", "czj", "--status", "推进中",
        "--summary", "已公开", "--ledger", str(root),
    )  # fmt: skip
    assert run.code == 0, run.err
    assert "2022-10-10" in (root / "progress" / "czj.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args",
    [
        ("overdue", "--format", "json"),
        ("export", "--format", "json"),
        ("show", "1.1", "--format", "json"),
        ("units", "--format", "json"),
    ],
)
def test_every_view_counts_to_today_in_beijing(
    capsys: pytest.CaptureFixture[str], write_ledger: Write, args: tuple[str, ...]
) -> None:
    root = write_ledger(progress={"czj.yaml": REPORT_OF_THE_10TH})
    run = run_ledger(capsys, *args, "--ledger", str(root))
    assert run.code == 0, run.err
    assert '"2022-10-10"' in run.out


def test_the_report_timestamp_is_beijing_time(
    capsys: pytest.CaptureFixture[str], write_ledger: Write
) -> None:
    root = write_ledger()
    run = run_ledger(capsys, "report", "--month", "2022-10", "--timestamp", "--ledger", str(root))
    assert run.code == 0, run.err
    assert "生成时间:2022-10-10 07:30" in run.out
    assert "统计截至2022年10月10日" in run.out


def test_the_shipped_plan_names_its_timezone_or_defaults_to_beijing() -> None:
    from gongkai_ledger.files.load import plan_timezone

    assert plan_timezone(Path("/nonexistent")) == "Asia/Shanghai"


@pytest.mark.parametrize("command", [("check",), ("overdue",), ("show", "1.1"), ("units",)])
def test_a_clean_ledger_is_read_once_for_its_timezone(
    capsys: pytest.CaptureFixture[str],
    write_ledger: Write,
    monkeypatch: pytest.MonkeyPatch,
    command: tuple[str, ...],
) -> None:
    """The everyday commands take today's zone from the plan they loaded, not a second read."""
    from gongkai_ledger.files import load

    def second_read(root: Path) -> str:
        raise AssertionError(f"tasks.yaml read again for plan.timezone: {root}")

    monkeypatch.setattr(load, "plan_timezone", second_read)
    root = write_ledger(with_timezone("UTC"), progress={"czj.yaml": REPORT_OF_THE_10TH})
    run = run_ledger(capsys, *command, "--ledger", str(root))
    assert "tasks.yaml read again" not in run.out + run.err
    if command == ("check",):  # the loaded zone decided the day: still the 9th in UTC
        assert "[future-report]" in run.out
        assert "2022-10-09" in run.out


def test_a_ledger_the_loader_faulted_still_reads_its_timezone(
    capsys: pytest.CaptureFixture[str], write_ledger: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gongkai_ledger.files import load

    zones: list[Path] = []
    read = load.plan_timezone

    def counted(root: Path) -> str:
        zones.append(root)
        return read(root)

    monkeypatch.setattr(load, "plan_timezone", counted)
    root = write_ledger(with_timezone("Asia/Beijing"))  # a wrong-type problem from the loader
    assert run_ledger(capsys, "check", "--ledger", str(root)).code == 1
    assert zones == [root]
