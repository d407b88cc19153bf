"""The deadline grammar: every accepted form, its due date, and the forms refused."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai_ledger.core.deadline import ACCEPTED_FORMS, DeadlineError, parse_deadline

PLAN_YEAR = 2022


@pytest.mark.parametrize(
    ("text", "due", "continuing", "yearly"),
    [
        # end of a month
        ("2022年9月", date(2022, 9, 30), False, False),
        ("2022年9月底", date(2022, 9, 30), False, False),
        ("2022年9月底前", date(2022, 9, 30), False, False),
        ("2022年12月", date(2022, 12, 31), False, False),
        ("9月底前", date(2022, 9, 30), False, False),
        ("2022-09", date(2022, 9, 30), False, False),
        ("2022年2月", date(2022, 2, 28), False, False),
        ("2024年2月", date(2024, 2, 29), False, False),
        ("2024-02", date(2024, 2, 29), False, False),
        ("2023年2月底前", date(2023, 2, 28), False, False),
        # a day
        ("2022年9月30日", date(2022, 9, 30), False, False),
        ("2022年9月30日前", date(2022, 9, 30), False, False),
        ("2022-09-30", date(2022, 9, 30), False, False),
        ("2024-02-29", date(2024, 2, 29), False, False),
        # end of a year
        ("2022年底前", date(2022, 12, 31), False, False),
        ("2023年底", date(2023, 12, 31), False, False),
        ("年底前", date(2022, 12, 31), False, False),
        # continuing after a first deadline
        ("2022年9月并持续更新", date(2022, 9, 30), True, False),
        ("2022年12月并持续更新", date(2022, 12, 31), True, False),
        ("2022年9月底前并持续更新", date(2022, 9, 30), True, False),
        ("2022-09并持续更新", date(2022, 9, 30), True, False),
        ("2022-09-30并持续更新", date(2022, 9, 30), True, False),
        ("年底前并持续更新", date(2022, 12, 31), True, False),
        # continuing, no date
        ("常态化更新", None, True, False),
        ("持续更新", None, True, False),
        ("持续推进", None, True, False),
        ("长期坚持", None, True, False),
        # every year: the first occurrence is in the plan's year
        ("每年年底前", date(2022, 12, 31), False, True),
        ("每年9月底前", date(2022, 9, 30), False, True),
        # whitespace between the parts is ignored
        ("2022 年 9 月 并持续更新", date(2022, 9, 30), True, False),
        (" 常态化更新 ", None, True, False),
    ],
)
def test_accepted(text: str, due: date | None, continuing: bool, yearly: bool) -> None:
    deadline = parse_deadline(text, PLAN_YEAR)
    assert (deadline.due, deadline.continuing, deadline.yearly) == (due, continuing, yearly)
    assert deadline.text == text  # kept verbatim for display


def test_year_less_forms_take_the_plan_year() -> None:
    assert parse_deadline("年底前", 2031).due == date(2031, 12, 31)
    assert parse_deadline("9月底前", 2031).due == date(2031, 9, 30)
    assert parse_deadline("每年年底前", 2031).due == date(2031, 12, 31)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "尽快",
        "2022年",
        "2022",
        "20229",  # the garbled table text: 2022年9月 lost its characters
        "2022/09/30",
        "一二月底前",  # digit by digit only for a year: a month is 十二
        "二〇二二年一二月",
        "九月二八日前",
        "底前",
        "每年前",
        "每半年底",
        "上半年并持续",
        "第五季度",
        "11月初旬",
        "并持续更新",
        "并持续推进",
        "每月并持续推进",  # recurring is not continuing
        "常态化更新并持续更新",
        "每年年底前并持续更新",
        "2022年9月30日底前",  # a day and 底 at once
        "2022年9月并持续",
    ],
)
def test_rejected(text: str) -> None:
    with pytest.raises(DeadlineError) as raised:
        parse_deadline(text, PLAN_YEAR)
    assert not raised.value.impossible
    assert f"“{text}”" in str(raised.value)


@pytest.mark.parametrize(
    "text",
    [
        "2022年2月29日",
        "2022-02-29",
        "2022年13月",
        "2022年0月",
        "2022-13",
        "2022年4月31日",
        "每年13月底前",
        "每月32日前",
        "2022年12—11月",  # the range ends before it starts
        "2022年11—13月",
        "次年2月30日前",
    ],
)
def test_impossible_dates(text: str) -> None:
    with pytest.raises(DeadlineError) as raised:
        parse_deadline(text, PLAN_YEAR)
    assert raised.value.impossible


def test_every_documented_form_parses() -> None:
    """The forms listed in check's hint are all accepted, dated ones also with 并持续更新."""
    for form in ACCEPTED_FORMS:
        if form.startswith("以上"):
            continue
        deadline = parse_deadline(form, PLAN_YEAR)
        if deadline.due is not None and not deadline.recurring:
            assert parse_deadline(form + "并持续更新", PLAN_YEAR).continuing
