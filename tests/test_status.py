"""The as-of semantics of docs/semantics.md, rule by rule, on small inline ledgers with fixed dates."""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path

import pytest

from gongkai_ledger.core.model import Cadence, Status
from gongkai_ledger.core.status import (
    Standing,
    item_done,
    previous_period_start,
    standings,
)
from gongkai_ledger.files.load import load_ledger
from gongkai_ledger.ops.check import check_ledger
from gongkai_ledger.views.overdue import uncovered_years

from .conftest import Write
from .ledgers import SHIPPED

UNITS = """\
units:
  - {id: czj, name: 县财政局, aliases: [财政局], kind: 政府工作部门}
  - {id: fgw, name: 县发改委, kind: 政府工作部门}
  - {id: aaz, name: 甲镇, kind: 乡镇}
  - {id: bbx, name: 乙乡, kind: 乡镇}
groups:
  - name: 各乡镇
    members: [甲镇, 乙乡]
  - name: 县政府各部门
    members: [县财政局, 县发改委]
  - name: 各单位          # a group of groups
    members: [县政府各部门, 各乡镇]
"""

UNIT_IDS = {"县财政局": "czj", "县发改委": "fgw", "甲镇": "aaz", "乙乡": "bbx"}


@pytest.fixture
def write(write_ledger: Write) -> Write:
    """`write_ledger` with this module's registry (nested groups)."""
    return functools.partial(write_ledger, units=UNITS)


def tasks(
    *items: tuple[str, str],
    warn_days: int = 15,
    update_every: str = "月",
    issued: str | None = "2022-03-01",
) -> str:
    """One task per item; an item is (deadline, owners), numbered 1.1, 2.1, …"""
    lines = [
        "plan:",
        "  title: 2022年某县政务公开工作要点",
        f"  issued: {issued}" if issued else "",
        "  year: 2022",
        f"  update_every: {update_every}",
        f"  warn_days: {warn_days}",
        "tasks:",
    ]
    for n, (deadline, owners) in enumerate(items, start=1):
        lines += [
            f"  - id: {n}",
            f"    title: 任务{n}",
            f"    deadline: {deadline}",
            "    items:",
            f'      - id: "{n}.1"',
            f"        content: 条目{n}",
            f"        owners: [{owners}]",
        ]
    return "\n".join(line for line in lines if line) + "\n"


def report(item: str, day: str, status: str, reason: str = "") -> str:
    text = f'  - item: "{item}"\n    date: {day}\n    status: {status}\n'
    if status == "不涉及":
        return text + (f"    reason: {reason}\n" if reason else "")
    return text + "    summary: 已公开\n    evidence: [https://example.gov.cn/x]\n"


def progress(**reports_by_unit: list[str]) -> dict[str, str]:
    return {
        f"{UNIT_IDS[unit]}.yaml": f"unit: {unit}\nreports:\n" + "".join(reports)
        for unit, reports in reports_by_unit.items()
    }


def at(root: Path, as_of: date) -> dict[tuple[str, str], Standing]:
    """Standings keyed by (item id, unit name)."""
    ledger = load_ledger(root).ledger
    return {(s.item.id, s.unit.name): s for s in standings(ledger, as_of)}


def one(root: Path, as_of: date, item: str = "1.1", unit: str = "县财政局") -> Standing:
    return at(root, as_of)[(item, unit)]


# -- owners -------------------------------------------------------------------


def test_owned_directly_and_through_nested_groups(write: Write) -> None:
    root = write(
        tasks(("2022年9月", "县财政局"), ("2022年9月", "各单位"), ("2022年9月", "县发改委, 各单位"))
    )
    assert check_ledger(root, date(2022, 12, 31)) == []
    pairs = [
        (s.item.id, s.unit.name) for s in standings(load_ledger(root).ledger, date(2022, 10, 15))
    ]
    assert pairs == [
        ("1.1", "县财政局"),
        ("2.1", "县财政局"),
        ("2.1", "县发改委"),
        ("2.1", "甲镇"),
        ("2.1", "乙乡"),
        ("3.1", "县发改委"),  # named directly and through 各单位: once, in the order written
        ("3.1", "县财政局"),
        ("3.1", "甲镇"),
        ("3.1", "乙乡"),
    ]


def test_a_report_counts_for_its_own_unit_only(write: Write) -> None:
    root = write(
        tasks(("2022年9月", "各乡镇")),
        progress=progress(甲镇=[report("1.1", "2022-09-20", "已完成")]),
    )
    found = at(root, date(2022, 10, 15))
    assert found[("1.1", "甲镇")].status is Status.DONE
    assert not found[("1.1", "甲镇")].overdue
    assert found[("1.1", "乙乡")].status is Status.NOT_STARTED
    assert found[("1.1", "乙乡")].overdue


# -- 已完成, 不涉及, reports after the as-of date -------------------------------


def test_done_is_not_overdue_and_knows_when(write: Write) -> None:
    root = write(
        tasks(("2022年9月", "县财政局")),
        progress=progress(县财政局=[report("1.1", "2022-10-03", "已完成")]),
    )
    standing = one(root, date(2022, 10, 15))
    assert (standing.status, standing.completed_on, standing.overdue) == (
        Status.DONE,
        date(2022, 10, 3),
        False,
    )
    assert not standing.on_time  # done after the due date
    assert standing.settled and not standing.owes


def test_a_report_dated_after_the_as_of_date_does_not_exist_yet(write: Write) -> None:
    root = write(
        tasks(("2022年9月", "县财政局")),
        progress=progress(
            县财政局=[report("1.1", "2022-09-10", "推进中"), report("1.1", "2022-10-20", "已完成")]
        ),
    )
    before = one(root, date(2022, 10, 19))
    assert (before.status, before.overdue, before.days_late) == (Status.IN_PROGRESS, True, 19)
    assert [r.date for r in before.reports] == [date(2022, 9, 10)]
    after = one(root, date(2022, 10, 20))
    assert (after.status, after.overdue, after.completed_on) == (
        Status.DONE,
        False,
        date(2022, 10, 20),
    )


def test_completion_is_sticky(write: Write) -> None:
    root = write(
        tasks(("2022年9月", "县财政局")),
        progress=progress(
            县财政局=[
                report("1.1", "2022-09-20", "已完成"),
                report("1.1", "2022-10-10", "推进中"),
                report("1.1", "2022-10-12", "未启动"),
            ]
        ),
    )
    standing = one(root, date(2022, 10, 15))
    assert (standing.status, standing.completed_on, standing.overdue) == (
        Status.DONE,
        date(2022, 9, 20),
        False,
    )
    assert standing.latest is not None and standing.latest.status is Status.NOT_STARTED


def test_same_day_reports_do_not_depend_on_file_order(write: Write) -> None:
    for order in (["已完成", "推进中"], ["推进中", "已完成"]):
        root = write(
            tasks(("2022年9月", "县财政局")),
            progress=progress(县财政局=[report("1.1", "2022-09-20", s) for s in order]),
        )
        standing = one(root, date(2022, 10, 15))
        assert standing.status is Status.DONE
        assert [r.status for r in standing.reports] == [Status.IN_PROGRESS, Status.DONE]


def test_not_applicable_removes_the_unit(write: Write) -> None:
    root = write(
        tasks(("2022年9月并持续更新", "各乡镇")),
        progress=progress(
            甲镇=[report("1.1", "2022-09-20", "已完成")],
            乙乡=[report("1.1", "2022-09-21", "不涉及", reason="本乡无此类事项")],
        ),
    )
    assert check_ledger(root, date(2022, 12, 31)) == []
    found = at(root, date(2022, 12, 15))
    na = found[("1.1", "乙乡")]
    assert na.status is Status.NOT_APPLICABLE
    assert na.settled and not (na.overdue or na.due_soon or na.stale)
    assert item_done([found[("1.1", "甲镇")], na])


def test_not_applicable_without_a_reason_removes_nobody(write: Write) -> None:
    root = write(
        tasks(("2022年9月", "各乡镇")),
        progress=progress(乙乡=[report("1.1", "2022-09-21", "不涉及")]),
    )
    assert [p.rule for p in check_ledger(root, date(2022, 12, 31))] == ["na-reason"]
    standing = one(root, date(2022, 10, 15), unit="乙乡")
    assert (standing.status, standing.overdue, standing.settled) == (
        Status.NOT_STARTED,
        True,
        False,
    )


def test_item_done_needs_every_owning_unit(write: Write) -> None:
    root = write(
        tasks(("2022年9月", "各乡镇")),
        progress=progress(甲镇=[report("1.1", "2022-09-20", "已完成")]),
    )
    found = list(at(root, date(2022, 10, 15)).values())
    assert not item_done(found)
    assert item_done(s for s in found if s.unit.name == "甲镇")


# -- 逾期 and 临期 ----------------------------------------------------------------


def test_overdue_starts_the_day_after_the_due_date(write: Write) -> None:
    root = write(tasks(("2022年12月", "县财政局")))
    on_due = one(root, date(2022, 12, 31))
    assert (on_due.overdue, on_due.due_soon, on_due.days_left) == (False, True, 0)
    late = one(root, date(2023, 1, 1))
    assert (late.overdue, late.due_soon, late.days_late, late.days_left) == (True, False, 1, None)


def test_due_soon_window_edges(write: Write) -> None:
    root = write(tasks(("2022年12月", "县财政局"), warn_days=15))
    outside = one(root, date(2022, 12, 15))  # 16 days left
    assert (outside.due_soon, outside.days_left, outside.owes) == (False, 16, False)
    edge = one(root, date(2022, 12, 16))  # 15 days left
    assert (edge.due_soon, edge.days_left, edge.owes) == (True, 15, True)


def test_due_soon_with_no_window(write: Write) -> None:
    root = write(tasks(("2022年12月", "县财政局"), warn_days=0))
    assert not one(root, date(2022, 12, 30)).due_soon
    assert one(root, date(2022, 12, 31)).due_soon


def test_done_is_never_due_soon(write: Write) -> None:
    root = write(
        tasks(("2022年12月", "县财政局")),
        progress=progress(县财政局=[report("1.1", "2022-12-01", "已完成")]),
    )
    assert not one(root, date(2022, 12, 20)).due_soon


def test_month_ends(write: Write) -> None:
    root = write(tasks(("2022年2月", "县财政局"), ("2024年2月", "县财政局")))
    assert one(root, date(2022, 2, 28)).due == date(2022, 2, 28)
    assert not one(root, date(2022, 2, 28)).overdue
    assert one(root, date(2022, 3, 1)).days_late == 1
    assert one(root, date(2024, 2, 29), item="2.1").due == date(2024, 2, 29)
    assert not one(root, date(2024, 2, 29), item="2.1").overdue
    assert one(root, date(2024, 3, 1), item="2.1").days_late == 1


# -- 工作日 -----------------------------------------------------------------------


def test_workdays_across_the_2022_national_day_holiday(write: Write) -> None:
    # 1–7 October 2022 were holidays; Saturday 8 and Sunday 9 October were working days.
    root = write(tasks(("2022年9月", "县财政局")))
    late = {d: one(root, date(2022, 10, d)) for d in (1, 7, 8, 9, 10, 15)}
    assert {d: (s.days_late, s.workdays_late) for d, s in late.items()} == {
        1: (1, 0),
        7: (7, 0),
        8: (8, 1),
        9: (9, 2),
        10: (10, 3),
        15: (15, 7),  # 8, 9, 10–14 October; Saturday 15 October is a rest day
    }


def test_an_ordinary_weekend_is_not_working_days(write: Write) -> None:
    root = write(tasks(("2022-10-14", "县财政局")))  # a Friday
    sunday = one(root, date(2022, 10, 16))
    assert (sunday.days_late, sunday.workdays_late) == (2, 0)
    assert one(root, date(2022, 10, 17)).workdays_late == 1


def test_a_year_the_calendar_does_not_cover(write: Write) -> None:
    root = write(tasks(("2099年9月", "县财政局"), ("2022年9月", "县财政局")))
    found = at(root, date(2099, 10, 15))
    gap = found[("1.1", "县财政局")]
    assert (gap.overdue, gap.days_late, gap.workdays_late) == (True, 15, None)
    assert found[("2.1", "县财政局")].workdays_late is None  # due 2022, as of 2099
    assert uncovered_years(found.values(), date(2099, 10, 15)) == (2099,)
    assert uncovered_years(at(root, date(2022, 10, 15)).values(), date(2022, 10, 15)) == ()


# -- 更新滞后 ---------------------------------------------------------------------


def test_continuing_item_goes_stale_and_fresh_again(write: Write) -> None:
    root = write(
        tasks(("2022年9月并持续更新", "县财政局"), update_every="月"),
        progress=progress(
            县财政局=[report("1.1", "2022-09-20", "已完成"), report("1.1", "2022-11-10", "推进中")]
        ),
    )
    stale = {d: one(root, d).stale for d in (date(2022, 10, 31), date(2022, 11, 1))}
    # 31 October: September is the previous month; 1 November: only October and November count
    assert stale == {date(2022, 10, 31): False, date(2022, 11, 1): True}
    fresh = one(root, date(2022, 11, 10))
    assert (fresh.stale, fresh.status) == (False, Status.DONE)  # a later report does not undo
    assert not one(root, date(2022, 12, 31)).stale
    assert one(root, date(2023, 1, 1)).stale
    assert one(root, date(2023, 1, 1)).owes  # done, yet an update is owed


def test_no_stale_before_the_first_deadline_has_passed(write: Write) -> None:
    root = write(tasks(("2022年9月并持续更新", "县财政局")))
    assert not one(root, date(2022, 9, 30)).stale
    on_the_day_after = one(root, date(2022, 10, 1))
    assert (on_the_day_after.stale, on_the_day_after.overdue) == (True, True)


def test_not_continuing_items_are_never_stale(write: Write) -> None:
    root = write(tasks(("2022年9月", "县财政局")))
    assert not one(root, date(2023, 6, 1)).stale


def test_continuing_without_a_date_is_stale_from_the_issue_date(write: Write) -> None:
    root = write(tasks(("常态化更新", "县财政局")))  # issued 2022-03-01
    before = one(root, date(2022, 2, 15))
    assert (before.due, before.stale, before.overdue, before.due_soon) == (
        None,
        False,
        False,
        False,
    )
    assert one(root, date(2022, 5, 10)).stale


def test_continuing_without_a_date_or_issue_date(write: Write) -> None:
    root = write(tasks(("持续推进", "县财政局"), issued=None))
    assert one(root, date(2022, 5, 10)).stale


def test_quarterly_cadence(write: Write) -> None:
    root = write(
        tasks(("2022年6月并持续更新", "县财政局"), update_every="季"),
        progress=progress(县财政局=[report("1.1", "2022-07-05", "推进中")]),
    )
    assert not one(root, date(2022, 12, 31)).stale  # Q3 is the previous quarter
    assert one(root, date(2023, 1, 1)).stale


def test_yearly_cadence(write: Write) -> None:
    root = write(
        tasks(("2022年6月并持续更新", "县财政局"), update_every="年"),
        progress=progress(县财政局=[report("1.1", "2022-01-05", "推进中")]),
    )
    assert not one(root, date(2023, 12, 31)).stale
    assert one(root, date(2024, 1, 1)).stale


def test_not_applicable_is_never_stale(write: Write) -> None:
    root = write(
        tasks(("常态化更新", "各乡镇")),
        progress=progress(乙乡=[report("1.1", "2022-03-02", "不涉及", reason="无此职能")]),
    )
    found = at(root, date(2022, 12, 1))
    assert not found[("1.1", "乙乡")].stale
    assert found[("1.1", "甲镇")].stale


def test_previous_period_start() -> None:
    cases = {
        (date(2022, 1, 15), Cadence.MONTH): date(2021, 12, 1),
        (date(2022, 3, 31), Cadence.MONTH): date(2022, 2, 1),
        (date(2022, 2, 1), Cadence.QUARTER): date(2021, 10, 1),
        (date(2022, 5, 1), Cadence.QUARTER): date(2022, 1, 1),
        (date(2022, 12, 31), Cadence.QUARTER): date(2022, 7, 1),
        (date(2022, 6, 30), Cadence.YEAR): date(2021, 1, 1),
    }
    assert {k: previous_period_start(*k) for k in cases} == cases


def test_on_the_shipped_data_the_finance_bureau_owes_by_national_day() -> None:
    ledger = load_ledger(SHIPPED).ledger
    owed = [
        s.item.id
        for s in standings(ledger, date(2022, 10, 15))
        if s.unit.name == "市财政局" and s.owes
    ]
    assert owed == ["2.2", "5.1", "5.2", "5.3", "6.1", "7.1", "8.1", "13.1"]
