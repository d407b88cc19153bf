"""What start-up no longer builds: regexes before their first use, chinesecalendar's tables
to learn the years it covers, a time zone database for Beijing's day. Each stand-in must
mean what it replaces."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import chinese_calendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai_ledger.core import deadline, lazyre, safetext, timezones, workdays
from gongkai_ledger.core.model import (
    DEFAULT_TIMEZONE,
    CalendarDay,
    CalendarYear,
    Holiday,
    Source,
)


def test_a_lazy_pattern_compiles_at_first_use_and_then_matches_as_compiled() -> None:
    pattern = lazyre.lazy(r"(?P<month>[0-9]{1,2})月", re.IGNORECASE)
    assert pattern.pattern == r"(?P<month>[0-9]{1,2})月"
    assert "fullmatch" not in vars(pattern)  # .pattern compiles nothing
    found = pattern.fullmatch("12月")
    assert found is not None and found["month"] == "12"
    assert "fullmatch" in vars(pattern)  # bound once: later calls skip __getattr__
    compiled = re.compile(pattern.pattern, re.IGNORECASE)
    assert pattern.flags == compiled.flags
    assert pattern.sub("-", "1月2月") == compiled.sub("-", "1月2月") == "--"
    assert pattern.split("1月x") == compiled.split("1月x")


def test_module_patterns_are_lazy_and_mean_the_same() -> None:
    text = "a\u202eb\x1bc\nd"
    assert safetext.visible(text) == "a\\u202eb\\x1bc\nd"
    assert safetext.one_line(text) == "a\\u202eb\\x1bc\\nd"
    assert not isinstance(deadline._QUARTER, re.Pattern)


@pytest.mark.parametrize(
    "text, due",
    [
        ("2022年第三季度", date(2022, 9, 30)),
        ("3季度末", date(2022, 9, 30)),
        ("10月中旬", date(2022, 10, 20)),
        ("上半年", date(2022, 6, 30)),
        ("年内", date(2022, 12, 31)),
        ("2022年底前", date(2022, 12, 31)),
        ("年底前", date(2022, 12, 31)),
        ("3月至6月", date(2022, 6, 30)),
        ("3-6月", date(2022, 6, 30)),
        ("2022-06", date(2022, 6, 30)),
        ("2022.6.15", date(2022, 6, 15)),
        ("6月底前", date(2022, 6, 30)),
        ("每年6月底前", date(2022, 6, 30)),
        ("每季度", date(2022, 3, 31)),
    ],
)
def test_each_form_is_still_read_behind_its_required_word(text: str, due: date) -> None:
    assert deadline.parse_deadline(text, 2022).due == due


def test_a_recurring_form_with_a_suffix_still_fails_as_before() -> None:
    with pytest.raises(deadline.DeadlineError, match="无法识别"):
        deadline.parse_deadline("每月并持续更新", 2022)


def test_the_known_years_of_the_installed_chinesecalendar_are_the_packages() -> None:
    years = {day.year for day in chinese_calendar.constants.holidays}
    assert workdays._package_version() == chinese_calendar.__version__
    assert workdays._YEARS_BY_VERSION[chinese_calendar.__version__] == range(
        min(years), max(years) + 1
    )


def test_a_chinesecalendar_release_not_listed_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workdays, "_YEARS_BY_VERSION", {})
    workdays.package_years.cache_clear()
    try:
        years = {day.year for day in chinese_calendar.constants.holidays}
        assert workdays.package_years() == range(min(years), max(years) + 1)
    finally:
        workdays.package_years.cache_clear()


def _instants() -> list[datetime]:
    found = []
    for year in range(1992, 2041):
        for month, day in ((1, 1), (3, 31), (6, 30), (9, 15), (12, 31)):
            start = datetime(year, month, day, tzinfo=UTC)
            found += [start + timedelta(hours=15, minutes=59), start + timedelta(hours=16)]
    return found


def test_beijing_day_without_the_database_is_the_databases() -> None:
    beijing = ZoneInfo(DEFAULT_TIMEZONE)
    for instant in _instants():
        assert timezones.day_in(instant, DEFAULT_TIMEZONE) == instant.astimezone(beijing).date()


def test_before_1992_beijing_day_comes_from_the_database() -> None:
    summer_1991 = datetime(1991, 7, 1, 15, 30, tzinfo=UTC)  # 00:30 the next day with summer time
    assert timezones.day_in(summer_1991, DEFAULT_TIMEZONE) == date(1991, 7, 2)


def _working(day: date, calendar: tuple[CalendarYear, ...]) -> bool:
    """The rule day by day (the old prefix table's): calendar.yaml's days first, then the
    package's in its years, Monday to Friday elsewhere."""
    if any(d.day == day for y in calendar for d in y.workdays):
        return True
    if any(h.start <= day <= h.end for y in calendar for h in y.holidays):
        return False
    if day.year in workdays.package_years():
        official = chinese_calendar.constants
        return day in official.workdays or (day.weekday() < 5 and day not in official.holidays)
    return day.weekday() < 5


_AT = Source("calendar.yaml", 1, 1)
_DAYS = st.dates(date(2022, 12, 1), date(2027, 12, 31))


@st.composite
def _calendars(draw: st.DrawFn) -> tuple[CalendarYear, ...]:
    found = []
    for year in draw(st.sets(st.sampled_from([2022, 2023, 2026, 2027]), max_size=3)):
        days = st.dates(date(year, 1, 1), date(year, 12, 31))
        spans = draw(st.lists(st.tuples(days, st.integers(0, 9)), max_size=3))
        holidays = tuple(Holiday("假", d, d + timedelta(days=n), _AT) for d, n in spans)
        on = tuple(CalendarDay(d, _AT) for d in draw(st.lists(days, max_size=3)))
        found.append(CalendarYear(year, "", holidays, on, _AT))
    return tuple(found)


@given(_calendars(), _DAYS, _DAYS)
def test_workdays_late_count_each_day_by_the_rule(
    calendar: tuple[CalendarYear, ...], a: date, b: date
) -> None:
    start, end = min(a, b), max(a, b)
    if start == end:  # nothing to count, whatever the calendar covers
        assert workdays.workdays_after(start, end, calendar) == 0
        return
    covered = workdays.covered_years(calendar)
    if not all(y in covered for y in range(start.year, end.year + 1)):
        with pytest.raises(workdays.CalendarGap):
            workdays.workdays_after(start, end, calendar)
        return
    expected = sum(
        _working(start + timedelta(days=n), calendar) for n in range(1, (end - start).days + 1)
    )
    assert workdays.workdays_after(start, end, calendar) == expected
