"""工作日: the State Council's official holiday and 调休 calendar, via `chinesecalendar`.

Weekends are not enough: the 2022 National Day holiday ran 1–7 October and
Saturday 8 and Sunday 9 October were working days. The library covers the
years the State Council has announced; outside them we say so, never guess.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache


class CalendarGap(Exception):
    """The official calendar does not cover a year we were asked about."""

    def __init__(self, year: int, covered: range) -> None:
        super().__init__(
            f"法定节假日数据未覆盖 {year} 年(仅有 {covered.start}–{covered.stop - 1} 年),"
            "无法计算工作日;请升级 chinesecalendar"
        )
        self.year = year


@cache
def _table() -> tuple[date, list[int], range]:
    """Prefix sums of working days over every covered day: one pass, then O(1) lookups."""
    import chinese_calendar

    from_year, to_year = _covered_years(chinese_calendar)
    first = date(from_year, 1, 1)
    days = (date(to_year, 12, 31) - first).days + 1
    prefix = [0]
    for offset in range(days):
        prefix.append(prefix[-1] + _is_workday(first + timedelta(days=offset), chinese_calendar))
    return first, prefix, range(from_year, to_year + 1)


def _is_workday(day: date, module: object) -> bool:
    """`chinese_calendar.is_workday` without its per-call check of the covered years, which
    scans every holiday (8,000 days took 150 ms): 调休 working days, else Monday–Friday that
    are not holidays."""
    constants = module.constants  # type: ignore[attr-defined]
    return day in constants.workdays or (day.weekday() < 5 and day not in constants.holidays)


def _covered_years(module: object) -> tuple[int, int]:
    holidays = module.constants.holidays  # type: ignore[attr-defined]
    years = {day.year for day in holidays}
    return min(years), max(years)


def covered_years() -> range:
    return _table()[2]


def workdays_after(start: date, end: date) -> int:
    """Working days in the interval (start, end]: how many 工作日 late `end` is for `start`."""
    if end <= start:
        return 0
    first, prefix, covered = _table()
    for year in (start.year, end.year):
        if year not in covered:
            raise CalendarGap(year, covered)
    return prefix[(end - first).days + 1] - prefix[(start - first).days + 1]
