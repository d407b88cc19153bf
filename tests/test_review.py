"""办结审核 (plan.review: required, reviews.yaml): statuses as of a date, the office's 待审核
list, the review-target rule, `ledger review` and codeowners (fixture: tests/fixtures/review_ledger)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from gongkai_ledger.core.model import Status
from gongkai_ledger.core.status import Standing, standings
from gongkai_ledger.files.load import load_ledger
from gongkai_ledger.views.report import report_context

from .cli_run import run_ledger
from .conftest import found
from .goldens import assert_golden
from .ledgers import REVIEW_LEDGER


def standing(root: Path, item: str, as_of: date) -> Standing:
    loaded = load_ledger(root)
    assert loaded.problems == []
    return next(s for s in standings(loaded.ledger, as_of) if s.item.id == item)


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    root = tmp_path / "review_ledger"
    shutil.copytree(REVIEW_LEDGER, root)
    return root


def test_a_claim_is_done_only_once_closed() -> None:
    pending = standing(REVIEW_LEDGER, "1.1", date(2022, 10, 16))  # claimed 10-15
    assert (pending.status, pending.review, pending.pending_since) == (
        Status.IN_PROGRESS,
        "待审核",
        date(2022, 10, 15),
    )
    closed = standing(REVIEW_LEDGER, "1.1", date(2022, 10, 20))  # 通过 10-20
    assert (closed.status, closed.review, closed.completed_on) == (
        Status.DONE,
        "已销号",
        date(2022, 10, 15),
    )
    assert closed.on_time


def test_a_returned_claim_needs_a_new_one() -> None:
    returned = standing(REVIEW_LEDGER, "1.2", date(2022, 11, 30))  # 退回 10-25
    assert (returned.status, returned.review, returned.completed_on) == (
        Status.IN_PROGRESS,
        "已退回",
        None,
    )
    assert returned.due_soon  # still owed: 11月底前
    again = standing(REVIEW_LEDGER, "1.2", date(2022, 12, 10))  # claimed again 12-05
    assert (again.review, again.pending_since, again.overdue) == ("待审核", date(2022, 12, 5), True)


def test_without_review_required_a_claim_is_done(ledger: Path) -> None:
    tasks = ledger / "tasks.yaml"
    tasks.write_text(tasks.read_text(encoding="utf-8").replace("review: required", "review: none"))
    s = standing(ledger, "1.2", date(2022, 11, 30))
    assert (s.status, s.review, s.completed_on) == (Status.DONE, "", date(2022, 10, 18))


@pytest.mark.slow
def test_report_lists_long_pending_claims_for_the_office(
    capsys: pytest.CaptureFixture[str], ledger: Path
) -> None:
    context = report_context(load_ledger(REVIEW_LEDGER).ledger, (2022, 11))
    assert context["awaiting_review"] == [
        {"item": "1.3", "unit": "区财政局", "unit_id": "czj", "since": "2022-11-10", "workdays": 14}
    ]
    for fmt in ("md", "html"):
        run = run_ledger(
            capsys, "report", "--month", "2022-11", "--format", fmt, "--ledger", str(ledger)
        )
        assert run.code == 0, run.err
        assert_golden(f"review/report.{fmt}", run.out)
    md = run_ledger(capsys, "report", "--month", "2022-11", "--ledger", str(ledger)).out
    assert "| 推进中(已退回)(临期):区住建局 |" in md
    assert "- 1.3 区财政局:2022年11月10日报已完成,已待审核 14 个工作日" in md


def test_review_command_closes_and_returns(
    capsys: pytest.CaptureFixture[str], ledger: Path
) -> None:
    run = run_ledger(
        capsys,
        "review",
        "1.3",
        "--unit",
        "czj",
        "--pass",
        "--date",
        "2022-12-01",
        "--ledger",
        str(ledger),
    )
    assert (run.code, run.err) == (0, "")
    assert "追加区财政局对条目 1.3 的审核(销号,2022-12-01)" in run.out
    assert standing(ledger, "1.3", date(2022, 12, 1)).review == "已销号"
    args = ("review", "1.2", "--unit", "区住建局", "--date", "2022-12-06", "--ledger", str(ledger))
    assert run_ledger(capsys, *args, "--return").code == 2  # no reason
    run = run_ledger(capsys, *args, "--return", "--reason", "证据不足")
    assert run.code == 0
    assert (
        (ledger / "reviews.yaml")
        .read_text(encoding="utf-8")
        .endswith(
            '  - item: "1.2"\n    unit: "区住建局"\n    date: 2022-12-06\n    result: 退回\n'
            '    reason: "证据不足"\n'
        )
    )
    assert standing(ledger, "1.2", date(2022, 12, 6)).review == "已退回"
    assert run_ledger(capsys, "check", "--ledger", str(ledger)).code == 0
    assert run_ledger(capsys, "fmt", "--check", "--ledger", str(ledger)).code == 0


def test_review_command_refuses_what_it_cannot_review(
    capsys: pytest.CaptureFixture[str], ledger: Path
) -> None:
    before = (ledger / "reviews.yaml").read_bytes()
    base = ("review", "--ledger", str(ledger), "--date", "2022-12-02")
    run = run_ledger(capsys, *base, "1.3", "--unit", "czj")
    assert (run.code, run.err) == (2, "用法错误:请写 --pass(销号)或 --return(退回)之一\n")
    run = run_ledger(capsys, *base, "1.1", "--unit", "czj", "--pass")  # already closed
    assert run.code == 2 and "没有待审核的“已完成”" in run.err
    run = run_ledger(capsys, *base, "1.2", "--unit", "czj", "--pass")
    assert run.code == 2 and "区财政局不负责条目 1.2" in run.err
    assert (ledger / "reviews.yaml").read_bytes() == before


def test_review_command_creates_the_file(capsys: pytest.CaptureFixture[str], ledger: Path) -> None:
    (ledger / "reviews.yaml").unlink()
    run = run_ledger(
        capsys,
        "review",
        "1.1",
        "--unit",
        "czj",
        "--pass",
        "--date",
        "2022-10-20",
        "--ledger",
        str(ledger),
    )
    assert run.code == 0, run.err
    assert run.out.startswith("已新建 ")
    assert standing(ledger, "1.1", date(2022, 10, 20)).review == "已销号"


def test_check_refuses_reviews_of_nothing(capsys: pytest.CaptureFixture[str], ledger: Path) -> None:
    (ledger / "reviews.yaml").write_text(
        "reviews:\n"
        '  - {item: "9.9", unit: 区财政局, date: 2022-10-20, result: 通过}\n'
        '  - {item: "1.2", unit: 区财政局, date: 2022-10-20, result: 通过}\n'
        '  - {item: "1.2", unit: 区住建局, date: 2022-10-20, result: 退回}\n',
        encoding="utf-8",
    )
    assert found(ledger) == [
        ("reviews.yaml", 2, 5, "review-target"),  # no item 9.9
        ("reviews.yaml", 3, 25, "review-target"),  # 区财政局 does not own 1.2
        ("reviews.yaml", 4, 5, "missing-key"),  # 退回 without a reason
    ]
    run = run_ledger(capsys, "check", "--ledger", str(ledger))
    assert run.code == 1
    assert "区财政局不负责条目 1.2,无从审核" in run.out


def test_codeowners_gives_reviews_to_the_office(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_ledger(capsys, "codeowners", "--ledger", str(REVIEW_LEDGER))
    assert run.code == 0, run.err
    assert "/tests/fixtures/review_ledger/reviews.yaml @org/zfb" in run.out


def test_review_writes_through_a_symlink_within_the_ledger(
    capsys: pytest.CaptureFixture[str], ledger: Path
) -> None:
    (ledger / "office").mkdir()
    (ledger / "reviews.yaml").rename(ledger / "office" / "reviews.yaml")
    (ledger / "reviews.yaml").symlink_to(Path("office") / "reviews.yaml")
    args = ("1.3", "--unit", "czj", "--pass", "--date", "2022-12-01", "--ledger", str(ledger))
    assert run_ledger(capsys, "review", *args).code == 0
    assert (ledger / "reviews.yaml").is_symlink()  # not replaced by a copy
    assert '  - item: "1.3"\n' in (ledger / "office" / "reviews.yaml").read_text(encoding="utf-8")


def test_review_refuses_a_symlink_out_of_the_ledger(
    capsys: pytest.CaptureFixture[str], ledger: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere.yaml"
    (ledger / "reviews.yaml").rename(outside)
    (ledger / "reviews.yaml").symlink_to(outside)
    before = outside.read_bytes()
    args = ("1.3", "--unit", "czj", "--pass", "--date", "2022-12-01", "--ledger", str(ledger))
    run = run_ledger(capsys, "review", *args)
    assert run.code == 2 and "指向台账目录之外" in run.err
    assert outside.read_bytes() == before and (ledger / "reviews.yaml").is_symlink()


def test_check_warns_of_a_review_dated_after_the_check(
    capsys: pytest.CaptureFixture[str], ledger: Path
) -> None:
    """A 销号 dated after --as-of does not count yet: check says so instead of ignoring it."""
    (ledger / "reviews.yaml").write_text(
        "reviews:\n"
        '  - {item: "1.1", unit: 区财政局, date: 2022-10-20, result: 通过}\n'
        '  - {item: "1.1", unit: 区财政局, date: 2023-01-20, result: 通过}\n',
        encoding="utf-8",
    )
    assert found(ledger, date(2022, 12, 31)) == [("reviews.yaml", 3, 5, "future-review")]
    assert found(ledger, date(2023, 1, 20)) == []
    run = run_ledger(capsys, "check", "--ledger", str(ledger), "--as-of", "2022-12-31")
    assert run.code == 0  # a warning
    assert "reviews.yaml:3:5" in run.out and "[future-review]" in run.out
    assert "条目 1.1 的审核(区财政局,销号)日期 2023-01-20 晚于 2022-12-31,截至该日不算数" in run.out
    strict = run_ledger(
        capsys, "check", "--strict", "--ledger", str(ledger), "--as-of", "2022-12-31"
    )
    assert strict.code == 1
