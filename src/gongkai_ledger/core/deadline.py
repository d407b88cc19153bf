"""The deadline grammar: 完成时间 as written in a 重点任务分解表 → `Deadline`.

Accepted forms (whitespace between parts is ignored):

    2022年9月  2022年9月底  2022年9月底前  9月底前        end of that month
    2022年9月30日  2022年9月30日前  2022-09-30      that day
    2022-09                                           end of that month
    2022年底前  2022年底  年底前                      31 December
    …any of the above followed by 并持续更新            continuing after the date
    常态化更新  持续更新  持续推进  长期坚持            continuing, no date
    每年年底前  每年9月底前                           every year

A year-less form takes the plan's `year`.
"""

from __future__ import annotations

import calendar
import re
from datetime import MAXYEAR, MINYEAR, date

from .digits import ascii_digits
from .model import Deadline

ACCEPTED_FORMS = (
    "2022年9月",
    "2022年9月底前",
    "2022年9月30日",
    "2022年底前",
    "年底前",
    "2022-09",
    "2022-09-30",
    "以上任一形式加“并持续更新”",
    "常态化更新",
    "持续推进",
    "长期坚持",
    "每年年底前",
)

_CONTINUING_ONLY = frozenset({"常态化更新", "持续更新", "持续推进", "长期坚持"})
_SUFFIX = "并持续更新"

_YEAR = r"(?:(?P<year>[0-9]{4})年)?"
_MONTH_CN = re.compile(_YEAR + r"(?P<month>[0-9]{1,2})月(?:(?P<day>[0-9]{1,2})日)?(?P<end>底)?前?")
_YEAR_END = re.compile(r"(?P<year>[0-9]{4})?年底前?")  # 年底前 alone takes the plan's year
_ISO = re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?")
_YEARLY = re.compile(r"每年(?:年底|(?P<month>[0-9]{1,2})月底?)前?")


class DeadlineError(ValueError):
    """The text is not in the grammar, or names a day that does not exist."""

    def __init__(self, message: str, *, impossible: bool = False) -> None:
        super().__init__(message)
        self.impossible = impossible


def parse_deadline(text: str, plan_year: int) -> Deadline:
    """Parse `text`; raise DeadlineError with a Chinese message if it is not in the grammar."""
    if (ascii := ascii_digits(text)) != text and _parses(ascii, plan_year):
        raise DeadlineError(f"完成时间“{text}”用了全角或非 ASCII 数字,请写成“{ascii}”")
    compact = re.sub(r"\s+", "", text)
    if compact in _CONTINUING_ONLY:
        return Deadline(text=text, due=None, continuing=True)
    yearly = _YEARLY.fullmatch(compact)
    if yearly:
        month = int(yearly["month"] or 12)
        return Deadline(text=text, due=_month_end(plan_year, month, text), yearly=True)
    continuing = compact.endswith(_SUFFIX) and compact != _SUFFIX
    if continuing:
        compact = compact[: -len(_SUFFIX)]
    return Deadline(
        text=text, due=_parse_date_part(compact, plan_year, text), continuing=continuing
    )


def _parses(text: str, plan_year: int) -> bool:
    try:
        parse_deadline(text, plan_year)
    except DeadlineError:
        return False
    return True


def _parse_date_part(compact: str, plan_year: int, text: str) -> date:
    if m := _YEAR_END.fullmatch(compact):
        return _month_end(int(m["year"] or plan_year), 12, text)
    if m := _MONTH_CN.fullmatch(compact) or _ISO.fullmatch(compact):
        year = int(m["year"] or plan_year)
        month = int(m["month"])
        if m["day"] is None:
            return _month_end(year, month, text)
        if m.re is _MONTH_CN and m["end"]:
            raise DeadlineError(f"完成时间“{text}”既写了日又写了“底”")
        return _day(year, month, int(m["day"]), text)
    raise DeadlineError(f"无法识别的完成时间“{text}”")


def _month_end(year: int, month: int, text: str) -> date:
    if not MINYEAR <= year <= MAXYEAR:
        raise DeadlineError(f"完成时间“{text}”中的年份 {year} 不存在", impossible=True)
    if not 1 <= month <= 12:
        raise DeadlineError(f"完成时间“{text}”中的月份 {month} 不存在", impossible=True)
    return date(year, month, calendar.monthrange(year, month)[1])


def _day(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DeadlineError(f"完成时间“{text}”中的日期不存在", impossible=True) from None
