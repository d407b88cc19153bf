"""What the speed-ups for large ledgers must not change: same answers, only sooner."""

from __future__ import annotations

import gc
from datetime import date, timedelta

import chinese_calendar
import pytest

from gongkai_ledger.core.registry import Registry
from gongkai_ledger.core.workdays import covered_years, package_years, workdays_after
from gongkai_ledger.files.load import load_ledger
from gongkai_ledger.ops.check import check_ledger

from .conftest import Write, found
from .ledgers import UNITS


def test_workday_count_agrees_with_chinese_calendar_on_every_covered_day() -> None:
    years = package_years()
    assert covered_years() == frozenset(years)
    day = date(years.start, 1, 2)  # the day before the first is not covered
    while day.year < years.stop:
        late = workdays_after(day - timedelta(days=1), day)
        assert late == chinese_calendar.is_workday(day), day
        day += timedelta(days=1)
    first, last = date(years.start, 1, 1), date(years.stop - 1, 12, 31)
    span = (last - first).days
    every = sum(chinese_calendar.is_workday(first + timedelta(days=n)) for n in range(1, span + 1))
    assert workdays_after(first, last) == every


def _big_plan(tasks: int) -> str:
    lines = ["plan:", "  title: 某县要点", "  year: 2022", "tasks:"]
    for t in range(1, tasks + 1):
        lines += [f"  - id: {t}", "    title: 任务", "    deadline: 2022年12月", "    items:"]
        lines += [
            f'      - {{id: "{t}.{i}", content: 条目, owners: [县财政局]}}' for i in range(1, 9)
        ]
    return "\n".join(lines) + "\n"


def _report(item: str) -> str:
    return (
        f"unit: 县财政局\nreports:\n  - item: {item}\n    date: 2022-09-26\n"
        "    status: 推进中\n    summary: 推进中\n"
    )


@pytest.mark.slow
def test_unknown_item_hint_in_a_large_plan(write_ledger: Write) -> None:
    # 2,400 items: too many to compare with each; the hint comes from the same task
    root = write_ledger(tasks=_big_plan(300), progress={"czj.yaml": _report('"２７．０３"')})
    problems = found(root)
    assert problems == [("czj.yaml", 3, 11, "unknown-item")]
    (problem,) = check_ledger(root, date(2022, 12, 31))
    assert problem.hint == "是否为“27.3”?"  # full-width digits and a leading zero
    root = write_ledger(tasks=_big_plan(300), progress={"czj.yaml": _report('"27.33"')})
    assert check_ledger(root, date(2022, 12, 31))[0].hint == "是否为“27.3”?"
    root = write_ledger(tasks=_big_plan(300), progress={"czj.yaml": _report('"999.1"')})
    assert check_ledger(root, date(2022, 12, 31))[0].hint == ""  # no such task: no guess


def test_owns_a_unit_from_another_registry(write_ledger: Write) -> None:
    ledger = load_ledger(write_ledger()).ledger
    again = load_ledger(write_ledger(units=UNITS)).ledger  # equal units, other objects
    registry = Registry.of(ledger)
    (item_1, item_2) = ledger.items()
    finance, town = again.units[0], again.units[1]
    assert finance is not ledger.units[0] and finance == ledger.units[0]
    assert registry.owns(finance, item_1) and not registry.owns(finance, item_2)
    assert registry.owns(town, item_2) and not registry.owns(town, item_1)
    assert registry.owning_units(item_2) == (ledger.units[1], ledger.units[2])


def test_loading_leaves_the_garbage_collector_as_it_found_it(write_ledger: Write) -> None:
    root = write_ledger()
    assert gc.isenabled()
    load_ledger(root)
    assert gc.isenabled()
    gc.disable()
    try:
        load_ledger(root)
        assert not gc.isenabled()
    finally:
        gc.enable()
