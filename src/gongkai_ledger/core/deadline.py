"""The deadline grammar: 完成时间 as written in a 重点任务分解表 → `Deadline`.

Accepted forms (whitespace between parts is ignored; the user's table: docs/format.md):

    2022年9月  2022年9月底  2022年9月底前  9月底前  2023.06   end of that month
    2022年9月30日  2022年9月30日前  2022-09-30      that day
    2022-09  2022-9                                   end of that month
    2022年底前  2022年底  年底前                      31 December
    上半年 / 下半年 全年 年内                         30 June / 31 December
    第一季度 一季度 2023年第三季度                     end of the quarter
    11月上旬 / 中旬 / 下旬                            the 10th / the 20th / end of the month
    2022年11—12月 (— – - ~ 至)                        end of the last month
    2023年6月、12月  12月、次年3月                    several due dates, each owed
    …前完成  …底前完成                                as without 完成 (in each 、 part too)
    二〇二三年六月底前  十二月底前  六月              Chinese numerals: a year digit by digit,
                                                      a month or day in 十 forms (not 一二月)
    次年1月31日前                                     in the year after the plan's
    …any dated form followed by 并持续更新 / 并持续推进 / 并长期坚持   continuing after it
    常态化更新 持续更新 持续推进 长期坚持 长期 常态化 持续开展 及时 按时间节点
                                                      continuing, no date
    2023年9月起  2023年9月起并持续推进                continuing from that date
    每年 每年年底前 每年9月底前 每年1月31日前         every year (one due date in the plan year)
    每月 每月28日前 每季度 每半年                     every month / quarter / half-year:
                                                      each period of the plan's year is due

A year-less form takes the plan's `year`.
"""

from __future__ import annotations

import re
from datetime import MAXYEAR, MINYEAR, date, timedelta
from functools import cache

from .digits import ascii_digits
from .lazyre import lazy
from .model import Deadline


def accepted_forms(year: int) -> tuple[str, ...]:
    """The forms `check`'s hint lists, with examples in the plan's own year."""
    return (
        f"{year}年9月",
        f"{year}年9月底前",
        f"{year}年9月30日",
        f"{year}年底前",
        "年底前",
        f"{year}-09",
        f"{year}-09-30",
        f"{year}.06",
        "上半年",
        "下半年",
        "全年",
        "年内",
        "第三季度",
        "一季度",
        "11月中旬",
        f"{year}年11—12月",
        f"{year}年6月、12月",
        "9月底前完成",
        "十二月底前",
        "次年1月31日前",
        "以上任一形式加“并持续更新”“并持续推进”或“并长期坚持”",
        "常态化更新",
        "持续推进",
        "长期坚持",
        "长期",
        "及时",
        "按时间节点",
        f"{year}年9月起",
        "每年年底前",
        "每年1月31日前",
        "每年",
        "每半年",
        "每季度",
        "每月",
        "每月28日前",
    )


ACCEPTED_FORMS = accepted_forms(2022)

_CONTINUING_ONLY = frozenset(
    {
        "常态化更新",
        "持续更新",
        "持续推进",
        "长期坚持",
        "长期",
        "常态化",
        "持续开展",
        "及时",
        "按时间节点",  # milestones carry the dates
    }
)
_SUFFIXES = ("并持续更新", "并持续推进", "并长期坚持")
_SEPARATORS = lazy(r"[、,,]")

_YEAR = r"(?:(?P<year>[0-9]{4})年)?"
_MONTH_CN = lazy(_YEAR + r"(?P<month>[0-9]{1,2})月(?:(?P<day>[0-9]{1,2})日)?(?P<end>底)?前?")
_YEAR_END = lazy(r"(?P<year>[0-9]{4})?年底前?")  # 年底前 alone takes the plan's year
_ISO = lazy(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})(?:-(?P<day>[0-9]{1,2}))?")
_DOTTED = lazy(r"(?P<year>[0-9]{4})\.(?P<month>[0-9]{1,2})(?:\.(?P<day>[0-9]{1,2}))?")
_HALF_WORDS = ("上半年", "下半年", "全年", "年内")
_HALF = lazy(_YEAR + r"(?P<half>上半年|下半年|全年|年内)(?:底)?前?")
_QUARTER = lazy(_YEAR + r"第?(?P<quarter>[一二三四1-4])季度(?:末|底)?前?")
_TEN_DAYS = lazy(_YEAR + r"(?P<month>[0-9]{1,2})月(?P<part>[上中下])旬(?:末|底)?前?")
_RANGE_MARKS = frozenset("—–-~～至")
_RANGE = lazy(
    _YEAR
    + r"(?P<first>[0-9]{1,2})月?[—–\-~～至](?:(?P<last_year>[0-9]{4})年)?(?P<last>[0-9]{1,2})月底?前?"
)
_YEARLY = lazy(r"每年(?:(?:年底|(?P<month>[0-9]{1,2})月(?:(?P<day>[0-9]{1,2})日|底)?)前?)?")
_MONTHLY = lazy(r"每月(?:(?:月底|底|(?P<day>[0-9]{1,2})日)前?)?")
_QUARTERLY = lazy(r"每季度?(?:(?:末|底)前?)?")
# 每季度最后一个月的30日前: a day in each quarter's last month
_QUARTERLY_DAY = lazy(r"每季度?(?:最后一个月|末月)的?(?P<day>[0-9]{1,2})日前?")
_STARTS = lazy(_YEAR + r"(?P<month>[0-9]{1,2})月(?:(?P<day>[0-9]{1,2})日)?起")

_CN_DIGITS = {c: n for n, c in enumerate("〇一二三四五六七八九")} | {"零": 0}
_CN_NUMERALS = frozenset("〇零一二三四五六七八九十")
_QUARTER_NUMBER = {"一": 1, "二": 2, "三": 3, "四": 4}


@cache
def _cn_number() -> re.Pattern[str]:
    return re.compile(r"[〇零一二三四五六七八九十]+(?=[年月日])")


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
    if not _CN_NUMERALS.isdisjoint(compact):  # 十二月底前: compiled only when needed (~5 ms)
        compact = _cn_number().sub(_arabic, compact)
    suffix = next((s for s in _SUFFIXES if compact.endswith(s) and compact != s), None)
    if suffix is not None:
        compact = compact[: -len(suffix)]
    # each part of 6月底前完成、12月底前完成 or 12月、次年3月 on its own
    compact = "、".join(_plain_part(p, plan_year) for p in _SEPARATORS.split(compact))
    # every recurring form starts with 每: the other forms never compile its patterns
    if suffix is None and compact.startswith("每"):
        recurring = _recurring(compact, plan_year, text)
        if recurring is not None:
            return recurring
    if "起" in compact and (
        m := _STARTS.fullmatch(compact)
    ):  # 2023年9月起, also 2023年9月起并持续推进
        year, month = int(m["year"] or plan_year), int(m["month"])
        _month_end(year, month, text)  # the month exists
        starts = _day(year, month, int(m["day"] or 1), text)
        return Deadline(text=text, due=None, continuing=True, starts=starts)
    dues: list[date] = []
    year = plan_year
    for part in _SEPARATORS.split(compact):
        due = _parse_date_part(part, year, text)
        dues.append(due)
        year = due.year  # 2023年6月、12月: a year-less part takes the year before it
    ordered = tuple(sorted(set(dues)))
    return Deadline(text=text, due=ordered[0], continuing=suffix is not None, dues=ordered)


def _plain_part(part: str, plan_year: int) -> str:
    """One due date's words without what adds nothing: 次年 → the year, 完成, 到 / 于, 年年底."""
    if part.startswith("次年"):
        part = f"{plan_year + 1}年" + part[len("次年") :]
    if part.endswith("完成") and part != "完成":
        part = part[: -len("完成")]  # 9月底前完成, 年底前完成: the verb adds nothing
    # 到2023年底, 于9月底前: the preposition adds nothing; 2020年年底前 is 2020年底前
    part = re.sub(r"^[到于](?=[0-9年])", "", part)
    return re.sub(r"^([0-9]{4})年年底", r"\1年底", part)


def _arabic(match: re.Match[str]) -> str:
    """二〇二三年 → 2023, 十二 → 12, 二十八 → 28, 六 → 6; anything else stays (and fails later).

    Digit by digit only for a 4-digit year: 一二月 is not 12月 (a month or day is 十二, 六)."""
    word = match[0]
    tens, ten, units = word.partition("十")
    if not ten:
        year = len(word) == 4 and match.string[match.end() : match.end() + 1] == "年"
        return "".join(str(_CN_DIGITS[c]) for c in word) if year or len(word) == 1 else word
    if len(tens) > 1 or len(units) > 1 or "十" in units:
        return word
    return str((_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0))


def _recurring(compact: str, plan_year: int, text: str) -> Deadline | None:
    """每年… / 每半年 / 每季度 / 每月…: every period of the plan's year is due."""
    if m := _YEARLY.fullmatch(compact):
        month = int(m["month"] or 12)
        due = _month_end(plan_year, month, text)
        if m["day"] is not None:
            due = _day(plan_year, month, int(m["day"]), text)
        return Deadline(text=text, due=due, yearly=True, recurring="年")
    dues: tuple[date, ...]
    if compact == "每半年":
        dues = (date(plan_year, 6, 30), date(plan_year, 12, 31))
        return Deadline(text=text, due=dues[0], dues=dues, recurring="半年")
    if _QUARTERLY.fullmatch(compact):
        dues = tuple(_month_end(plan_year, month, text) for month in (3, 6, 9, 12))
        return Deadline(text=text, due=dues[0], dues=dues, recurring="季")
    if m := _QUARTERLY_DAY.fullmatch(compact):
        dues = tuple(_day(plan_year, month, int(m["day"]), text) for month in (3, 6, 9, 12))
        return Deadline(text=text, due=dues[0], dues=dues, recurring="季")
    if m := _MONTHLY.fullmatch(compact):
        day = int(m["day"]) if m["day"] is not None else 31
        if not 1 <= day <= 31:
            raise DeadlineError(f"完成时间“{text}”中的日期不存在", impossible=True)
        # 每月31日前: in a shorter month, its last day
        dues = tuple(
            date(plan_year, month, min(day, _month_end(plan_year, month, text).day))
            for month in range(1, 13)
        )
        return Deadline(text=text, due=dues[0], dues=dues, recurring="月")
    return None


def _parses(text: str, plan_year: int) -> bool:
    try:
        parse_deadline(text, plan_year)
    except DeadlineError:
        return False
    return True


def _parse_date_part(compact: str, plan_year: int, text: str) -> date:
    # each pattern tried only when the text has its one required word (compiled on first use)
    if "年底" in compact and (m := _YEAR_END.fullmatch(compact)):
        return _month_end(int(m["year"] or plan_year), 12, text)
    if any(w in compact for w in _HALF_WORDS) and (m := _HALF.fullmatch(compact)):
        return _month_end(int(m["year"] or plan_year), 6 if m["half"] == "上半年" else 12, text)
    if "季度" in compact and (m := _QUARTER.fullmatch(compact)):
        quarter = _QUARTER_NUMBER.get(m["quarter"]) or int(m["quarter"])
        return _month_end(int(m["year"] or plan_year), quarter * 3, text)
    if "旬" in compact and (m := _TEN_DAYS.fullmatch(compact)):
        year, month = int(m["year"] or plan_year), int(m["month"])
        end = _month_end(year, month, text)
        return end if m["part"] == "下" else end.replace(day=10 if m["part"] == "上" else 20)
    if not _RANGE_MARKS.isdisjoint(compact) and (m := _RANGE.fullmatch(compact)):
        year = int(m["year"] or plan_year)
        _month_end(year, int(m["first"]), text)  # the first month exists
        last = _month_end(int(m["last_year"] or year), int(m["last"]), text)
        if last < date(year, int(m["first"]), 1):
            raise DeadlineError(f"完成时间“{text}”的结束月份早于开始月份", impossible=True)
        return last
    if m := _MONTH_CN.fullmatch(compact) or _ISO.fullmatch(compact) or _DOTTED.fullmatch(compact):
        year = int(m["year"] or plan_year)
        month = int(m["month"])
        if m["day"] is None:
            return _month_end(year, month, text)
        if m.re.pattern == _MONTH_CN.pattern and m["end"]:
            raise DeadlineError(f"完成时间“{text}”既写了日又写了“底”")
        return _day(year, month, int(m["day"]), text)
    raise DeadlineError(f"无法识别的完成时间“{text}”")


def zh_date(day: date) -> str:
    """2022-09-30 → '2022年9月30日', the way the documents write a day (and this grammar reads it)."""
    return f"{day.year}年{day.month}月{day.day}日"


def month_end(year: int, month: int) -> date:
    """The last day of `month` of `year`."""
    if month == 12:  # without the calendar module (and its locale) at start-up
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


def _month_end(year: int, month: int, text: str) -> date:
    if not MINYEAR <= year <= MAXYEAR:
        raise DeadlineError(f"完成时间“{text}”中的年份 {year} 不存在", impossible=True)
    if not 1 <= month <= 12:
        raise DeadlineError(f"完成时间“{text}”中的月份 {month} 不存在", impossible=True)
    return month_end(year, month)


def _day(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DeadlineError(f"完成时间“{text}”中的日期不存在", impossible=True) from None
