"""延期 (an item's `extensions`): what is owed and what counts as 按期 as of a date, the
check rule, and how the reports show both dates (golden on tests/fixtures/workflow_ledger)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from gongkai_ledger.core.status import Standing, standings
from gongkai_ledger.files.load import load_ledger
from gongkai_ledger.views.report import report_context

from .cli_run import run_ledger
from .conftest import Write, found
from .goldens import assert_golden
from .ledgers import STATES_LEDGER, WORKFLOW_LEDGER


def standing(item: str, as_of: date) -> Standing:
    loaded = load_ledger(WORKFLOW_LEDGER)
    assert loaded.problems == []
    return next(s for s in standings(loaded.ledger, as_of) if s.item.id == item)


def test_an_extension_counts_from_its_approval_date() -> None:
    before = standing("1.2", date(2022, 8, 1))  # due 6月底前, the extension not yet approved
    assert (before.overdue, before.due, before.extension) == (True, date(2022, 6, 30), None)
    after = standing("1.2", date(2022, 8, 31))  # approved 2022-08-10: 10月底前 is owed now
    assert (after.overdue, after.due, after.extension_late) == (False, date(2022, 10, 31), True)
    assert after.extension is not None and after.extension.ref.endswith("/pull/7")


def test_a_late_extension_does_not_erase_the_lateness() -> None:
    s = standing("1.2", date(2022, 12, 31))  # completed 2022-10-20, before the new date
    assert (s.completed_on, s.due, s.punctual_due) == (
        date(2022, 10, 20),
        date(2022, 10, 31),
        date(2022, 6, 30),
    )
    assert not s.on_time


def test_a_timely_extension_moves_the_due_date() -> None:
    s = standing("1.1", date(2022, 10, 15))  # was 9月底前; approved 2022-09-20
    assert (s.overdue, s.due, s.extension_late) == (False, date(2022, 12, 31), False)
    done = standing("1.1", date(2022, 12, 31))
    assert done.on_time and done.punctual_due == date(2022, 12, 31)


def test_on_time_rate_counts_against_the_original_date() -> None:
    loaded = load_ledger(WORKFLOW_LEDGER)
    summary = report_context(loaded.ledger, (2022, 12))["summary"]
    assert (summary["due"], summary["on_time"], summary["on_time_rate"]) == (3, 1, "33.3%")
    # As of 2022-08-31 only 1.2 is counted as due (against its lapsed 6月底前).
    august = report_context(loaded.ledger, (2022, 8))["summary"]
    assert (august["due"], august["on_time"], august["overdue"]) == (1, 0, 0)


@pytest.mark.slow
def test_report_shows_both_dates(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    root = tmp_path / "workflow_ledger"
    shutil.copytree(WORKFLOW_LEDGER, root)
    for fmt in ("md", "html"):
        run = run_ledger(
            capsys, "report", "--month", "2022-12", "--format", fmt, "--ledger", str(root)
        )
        assert run.code == 0, run.err
        assert_golden(f"workflow/report.{fmt}", run.out)
    md = run_ledger(capsys, "report", "--month", "2022-12", "--ledger", str(root)).out
    assert "2022年9月底前(延期至2022年12月底前,2022年9月20日批准,某府办函〔2022〕11号)" in md
    assert "逾期后批准,按期完成率按 2022年6月30日 计" in md


_TASKS = """\
plan:
  title: 2022年某县政务公开工作要点
  year: 2022
tasks:
  - id: 1
    title: 任务
    items:
      - id: "1.1"
        content: 条目
        owners: [县财政局]
        deadline: 2022年9月底前
        extensions:
{extension}
"""
_UNITS = """\
units:
  - id: czj
    name: 县财政局
"""


def _check(write_ledger: Write, extension: str) -> list[tuple[str, int, int, str]]:
    return found(write_ledger(tasks=_TASKS.format(extension=extension), units=_UNITS))


def test_check_refuses_an_extension_that_moves_the_deadline_earlier(write_ledger: Write) -> None:
    earlier = "          - deadline: 2022年8月底前\n            approved: 2022-07-01"
    assert _check(write_ledger, earlier) == [("tasks.yaml", 13, 23, "extension-date")]
    later = "          - deadline: 2022年10月底前\n            approved: 2022-07-01"
    assert _check(write_ledger, later) == []


def test_check_refuses_an_extension_without_a_date(write_ledger: Write) -> None:
    no_approval = "          - deadline: 2022年10月底前\n            ref: 某府办函〔2022〕1号"
    assert _check(write_ledger, no_approval) == [("tasks.yaml", 13, 13, "missing-key")]
    undated = "          - deadline: 常态化更新\n            approved: 2022-07-01"
    assert _check(write_ledger, undated) == [("tasks.yaml", 13, 23, "extension-date")]


def test_check_message_names_both_dates(
    capsys: pytest.CaptureFixture[str], write_ledger: Write
) -> None:
    earlier = "          - deadline: 2022年8月底前\n            approved: 2022-07-01"
    root = write_ledger(tasks=_TASKS.format(extension=earlier), units=_UNITS)
    run = run_ledger(capsys, "check", "--ledger", str(root))
    assert run.code == 1
    assert (
        "tasks.yaml:13:23: 错误 [extension-date] 条目 1.1 的延期把完成时间从 2022-09-30 提前到 2022-08-31"
        in run.out
    )


def test_next_month_lists_the_due_date_in_force() -> None:
    """1.2 (2022年6月底前) was extended to 2022年11月底前 on 2022-08-10: October's 通报 lists
    it as due in November, at its new date, not under a June date that no longer applies."""
    ledger = load_ledger(STATES_LEDGER).ledger
    rows = report_context(ledger, (2022, 10))["next_month"]["rows"]
    assert [(r["item"], r["due"], r["deadline"]) for r in rows if r["kind"] == "条目"] == [
        ("1.2", "2022-11-30", "2022年11月底前"),
        ("1.3", "2022-11-30", "2022年11月底前"),  # its task's deadline, no 延期
    ]
