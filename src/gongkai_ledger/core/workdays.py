"""工作日: the State Council's official holiday and 调休 calendar.

Weekends are not enough: the 2022 National Day holiday ran 1–7 October and
Saturday 8 and Sunday 9 October were working days. `chinesecalendar` covers the
years the State Council had announced when it was released; the ledger's own
calendar.yaml (`Ledger.calendar`) adds later years; in a year the package covers, the days
it writes override the package's and the package's other days stay. Outside both we say so,
never guess.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache

from .model import CalendarYear

Calendar = tuple[CalendarYear, ...]

# The years each chinesecalendar release covers: knowing them imports nothing (its holiday
# tables take milliseconds to build at every start); a test checks the installed release's
# entry against the package, and a release not listed is asked.
_YEARS_BY_VERSION = {"1.11.0": range(2004, 2027)}


class CalendarGap(Exception):
    """The official calendar does not cover a year we were asked about."""

    def __init__(self, year: int, covered: range) -> None:
        super().__init__(
            f"法定节假日数据未覆盖 {year} 年(chinesecalendar 仅有 {covered.start}–"
            f"{covered.stop - 1} 年),无法计算工作日;请在台账的 calendar.yaml 中写明该年的"
            "放假安排,或升级 chinesecalendar"
        )
        self.year = year


@cache
def _package() -> tuple[frozenset[date], frozenset[date], range]:
    """chinesecalendar's holidays, 调休 working days and covered years."""
    import chinese_calendar

    holidays = frozenset(chinese_calendar.constants.holidays)
    workdays = frozenset(chinese_calendar.constants.workdays)
    years = {day.year for day in holidays}
    return holidays, workdays, range(min(years), max(years) + 1)


@cache
def _exceptions(calendar: Calendar) -> tuple[list[date], list[date]]:
    """The days that break the Monday-to-Friday rule, sorted: Saturdays and Sundays at work
    (调休), and weekdays off (holidays). Counting is then arithmetic and two bisections, not a
    walk over every day of the covered years."""
    holidays, workdays, package_years = _package()
    # a year only calendar.yaml has: its other days are Monday to Friday at work
    written_only = {year.year for year in calendar} - set(package_years)
    on = {d.day for year in calendar for d in year.workdays}  # calendar.yaml's first
    years = {*package_years, *written_only}  # no day outside them is ever counted
    first, last = date(min(years), 1, 1), date(max(years), 12, 31)
    off = set(_written_holidays(calendar, first, last)) - on
    written = on | off
    at_work = {d for d in on if d.weekday() >= 5}
    at_work |= {
        d for d in workdays if d.weekday() >= 5 and d not in written and d.year not in written_only
    }
    days_off = {d for d in off if d.weekday() < 5}
    days_off |= {
        d
        for d in holidays
        if d.weekday() < 5 and d not in written and d not in workdays and d.year not in written_only
    }
    return sorted(at_work), sorted(days_off)


def _weekdays_through(day: date) -> int:
    """Mondays to Fridays from 0001-01-01 (a Monday) to `day`, inclusive."""
    weeks, rest = divmod(day.toordinal(), 7)
    return weeks * 5 + min(rest, 5)


def _written_holidays(calendar: Calendar, first: date, last: date) -> Iterable[date]:
    for year in calendar:
        for holiday in year.holidays:
            day, end = max(holiday.start, first), min(holiday.end, last)
            while day <= end:
                yield day
                day += timedelta(days=1)


@cache
def package_years() -> range:
    """The years chinesecalendar covers."""
    known = _YEARS_BY_VERSION.get(_package_version())
    return known if known is not None else _package()[2]


def _package_version() -> str:
    """chinesecalendar's `__version__` as its `__init__.py` writes it, read without importing
    the package ("" when it cannot be read that way)."""
    from importlib.util import find_spec

    spec = find_spec("chinese_calendar")
    if spec is None or spec.origin is None:
        return ""
    try:
        with open(spec.origin, encoding="utf-8") as source:
            text = source.read()
    except (OSError, UnicodeDecodeError):
        return ""
    return text.partition('\n__version__ = "')[2].partition('"')[0]


def covered_years(calendar: Iterable[CalendarYear] = ()) -> frozenset[int]:
    """The years whose 工作日 can be counted: the package's and calendar.yaml's."""
    return _covered(tuple(calendar))


@cache
def _covered(calendar: Calendar) -> frozenset[int]:  # once, not for every late pair
    return frozenset(package_years()) | {year.year for year in calendar}


def workdays_after(start: date, end: date, calendar: Iterable[CalendarYear] = ()) -> int:
    """Working days in the interval (start, end]: how many 工作日 late `end` is for `start`."""
    if end <= start:
        return 0
    written = tuple(calendar)
    covered = covered_years(written)
    for year in range(start.year, end.year + 1):
        if year not in covered:
            raise CalendarGap(year, package_years())
    at_work, days_off = _exceptions(written)
    extra = bisect_right(at_work, end) - bisect_right(at_work, start)
    off = bisect_right(days_off, end) - bisect_right(days_off, start)
    return _weekdays_through(end) - _weekdays_through(start) + extra - off
