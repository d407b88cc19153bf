"""`ledger report` of the month not yet over counts to today, and says so; --as-of within the month."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from gongkai_ledger.commands import _common

from .cli_run import run_ledger
from .conftest import Write
from .ledgers import REPORT_LEDGER

# What a template sees: the day counted to, each unit's overdue days, the month's reports.
DUMP = (
    "{{ header.as_of }}|{{ header.month_end }}|"
    "{% for u in overdue %}{{ u.unit_id }}={{ u.max_days_late }};{% endfor %}|"
    "{% for r in received %}{{ r.date }};{% endfor %}"
)


def at(monkeypatch: pytest.MonkeyPatch, instant: datetime) -> None:
    monkeypatch.setattr(_common, "now", lambda: instant)


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    templates = tmp_path / "dump"  # not templates/: beside the ledger, that would be used always
    templates.mkdir()
    (templates / "report.md.j2").write_text(DUMP, encoding="utf-8")
    return templates


def test_the_current_month_counts_to_today_like_overdue(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    write_ledger: Write,
    dump: Path,
) -> None:
    at(monkeypatch, datetime(2022, 12, 1, 2, 0, tzinfo=UTC))  # 10:00 on 12-01 in Beijing
    root = write_ledger()
    run = run_ledger(capsys, "report", "--month", "2022-12", "--ledger", str(root))
    assert run.code == 0, run.err
    assert "统计截至2022年12月1日" in run.out

    counted = run_ledger(
        capsys, "report", "--month", "2022-12", "--templates", str(dump), "--ledger", str(root)
    )
    as_of, month_end, late, _ = counted.out.split("|")
    assert (as_of, month_end) == ("2022-12-01", "2022-12-31")
    owed = json.loads(run_ledger(capsys, "overdue", "--format", "json", "--ledger", str(root)).out)
    assert owed["as_of"] == as_of
    assert late == "".join(f"{u['unit_id']}={u['max_days_late']};" for u in owed["units"])
    assert late == "czj=62;"


def test_a_past_month_still_counts_to_its_last_day(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, dump: Path, tmp_path: Path
) -> None:
    at(monkeypatch, datetime(2023, 3, 1, 2, 0, tzinfo=UTC))
    root = shutil.copytree(REPORT_LEDGER, tmp_path / "ledger")
    run = run_ledger(
        capsys, "report", "--month", "2022-12", "--templates", str(dump), "--ledger", str(root)
    )
    assert run.code == 0, run.err
    assert run.out.startswith("2022-12-31|2022-12-31|")


def test_as_of_within_the_month_counts_reports_up_to_that_day(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, dump: Path, tmp_path: Path
) -> None:
    at(monkeypatch, datetime(2023, 3, 1, 2, 0, tzinfo=UTC))
    root = shutil.copytree(REPORT_LEDGER, tmp_path / "ledger")
    args = ("report", "--month", "2022-12", "--templates", str(dump), "--ledger", str(root))
    whole = run_ledger(capsys, *args).out.split("|")[3].split(";")[:-1]
    run = run_ledger(capsys, *args, "--as-of", "2022-12-10")
    assert run.code == 0, run.err
    as_of, _, _, received = run.out.split("|")
    assert as_of == "2022-12-10"
    assert received.split(";")[:-1] == [d for d in whole if d <= "2022-12-10"]
    assert len(whole) > len(received.split(";")[:-1]) > 0


@pytest.mark.parametrize("as_of", ["2022-11-30", "2023-01-01"])
def test_as_of_outside_the_month_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], write_ledger: Write, as_of: str
) -> None:
    root = write_ledger()
    run = run_ledger(
        capsys, "report", "--month", "2022-12", "--as-of", as_of, "--ledger", str(root)
    )
    assert (run.code, run.out) == (2, "")
    assert run.err == (
        f"用法错误:--as-of {as_of} 不在通报月份2022年12月之内(应在 2022-12-01 至 2022-12-31 之间)\n"
    )


def test_a_month_not_yet_begun_needs_an_explicit_as_of(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, write_ledger: Write
) -> None:
    at(monkeypatch, datetime(2022, 12, 1, 2, 0, tzinfo=UTC))
    root = write_ledger()
    run = run_ledger(capsys, "report", "--month", "2023-01", "--ledger", str(root))
    assert (run.code, run.out) == (2, "")
    assert run.err.startswith("用法错误:2023年1月尚未开始(今天是 2022-12-01)")
    preview = run_ledger(
        capsys, "report", "--month", "2023-01", "--as-of", "2023-01-31", "--ledger", str(root)
    )
    assert preview.code == 0, preview.err
    assert "统计截至2023年1月31日" in preview.out
