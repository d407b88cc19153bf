"""Issue 11's wordings from real tables: each one's due dates for a 2022 and a 2023 plan.

`Y` in an expected date is the plan's year, `Y+1` the year after; `dues` are all the due
dates in the plan's year (`due` is the first).
"""

from __future__ import annotations

from datetime import date

import pytest

from gongkai_ledger.core.deadline import parse_deadline
from gongkai_ledger.files.load import load_ledger

from .ledgers import SHIPPED

MONTH_ENDS = tuple(f"Y-{m:02d}-end" for m in range(1, 13))
QUARTER_ENDS = ("Y-03-31", "Y-06-30", "Y-09-30", "Y-12-31")

# text, expected due dates, continuing, recurring cadence, continuing from
WORDINGS: list[tuple[str, tuple[str, ...], bool, str, str | None]] = [
    # periods
    ("上半年", ("Y-06-30",), False, "", None),
    ("下半年", ("Y-12-31",), False, "", None),
    ("全年", ("Y-12-31",), False, "", None),
    ("年内", ("Y-12-31",), False, "", None),
    ("第一季度", ("Y-03-31",), False, "", None),
    ("第二季度", ("Y-06-30",), False, "", None),
    ("第三季度", ("Y-09-30",), False, "", None),
    ("第四季度", ("Y-12-31",), False, "", None),
    ("一季度", ("Y-03-31",), False, "", None),
    ("2023年第三季度", ("2023-09-30",), False, "", None),
    ("11月上旬", ("Y-11-10",), False, "", None),
    ("11月中旬", ("Y-11-20",), False, "", None),
    ("11月下旬", ("Y-11-30",), False, "", None),
    ("2022年11—12月", ("2022-12-31",), False, "", None),
    ("2022年11–12月", ("2022-12-31",), False, "", None),
    ("2022年11-12月", ("2022-12-31",), False, "", None),
    ("2022年11~12月", ("2022-12-31",), False, "", None),
    ("2022年11至12月", ("2022-12-31",), False, "", None),
    ("2023.06", ("2023-06-30",), False, "", None),
    ("2023年6月、12月", ("2023-06-30", "2023-12-31"), False, "", None),
    # with a verb
    ("6月底前完成", ("Y-06-30",), False, "", None),
    ("6月30日前完成", ("Y-06-30",), False, "", None),
    ("11月底前完成", ("Y-11-30",), False, "", None),
    ("年底前完成", ("Y-12-31",), False, "", None),
    # seen in other documents (research for issue 11): a preposition, 年年底, a quarterly day
    ("到2023年底", ("2023-12-31",), False, "", None),
    ("2020年年底前", ("2020-12-31",), False, "", None),
    ("于9月底前", ("Y-09-30",), False, "", None),
    # Chinese numerals
    ("二〇二三年六月底前", ("2023-06-30",), False, "", None),
    ("二零二三年六月底前", ("2023-06-30",), False, "", None),
    ("十二月底前", ("Y-12-31",), False, "", None),
    ("九月二十八日前", ("Y-09-28",), False, "", None),
    ("六月", ("Y-06-30",), False, "", None),
    # review of issue 11: each 、 part on its own, 起 with a suffix, a one-digit ISO month
    ("6月底前完成、12月底前完成", ("Y-06-30", "Y-12-31"), False, "", None),
    ("12月、次年3月", ("Y-12-31", "Y+1-03-31"), False, "", None),
    ("2023年9月起并持续推进", (), True, "", "2023-09-01"),
    ("2023-6", ("2023-06-30",), False, "", None),
    # recurring: every period of the plan's year
    ("每月", MONTH_ENDS, False, "月", None),
    ("每季度", QUARTER_ENDS, False, "季", None),
    ("每季度最后一个月的30日前", ("Y-03-30", "Y-06-30", "Y-09-30", "Y-12-30"), False, "季", None),
    ("每半年", ("Y-06-30", "Y-12-31"), False, "半年", None),
    ("每年", ("Y-12-31",), False, "年", None),
    ("每年1月31日前", ("Y-01-31",), False, "年", None),
    ("每月28日前", tuple(f"Y-{m:02d}-28" for m in range(1, 13)), False, "月", None),
    ("次年1月31日前", ("Y+1-01-31",), False, "", None),
    # continuing
    ("长期", (), True, "", None),
    ("常态化", (), True, "", None),
    ("持续开展", (), True, "", None),
    ("持续推进", (), True, "", None),
    ("及时", (), True, "", None),
    ("按时间节点", (), True, "", None),
    ("2023年9月起", (), True, "", "2023-09-01"),
    ("2023年6月底前并持续推进", ("2023-06-30",), True, "", None),
    ("年底前并长期坚持", ("Y-12-31",), True, "", None),
    ("9月底前并持续更新", ("Y-09-30",), True, "", None),
]


def _day(text: str, year: int) -> date:
    text = text.replace("Y+1", str(year + 1)).replace("Y", str(year))
    y, m, d = text.split("-")
    if d == "end":
        following = date(int(y) + int(m) // 12, int(m) % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    return date(int(y), int(m), int(d))


@pytest.mark.parametrize("year", [2022, 2023])
@pytest.mark.parametrize(("text", "dues", "continuing", "recurring", "starts"), WORDINGS)
def test_wording(
    year: int,
    text: str,
    dues: tuple[str, ...],
    continuing: bool,
    recurring: str,
    starts: str | None,
) -> None:
    deadline = parse_deadline(text, year)
    expected = tuple(_day(d, year) for d in dues)
    assert deadline.text == text  # kept verbatim for display
    assert deadline.dues == expected
    assert deadline.due == (expected[0] if expected else None)
    assert (deadline.continuing, deadline.recurring) == (continuing, recurring)
    assert deadline.starts == (date.fromisoformat(starts) if starts else None)
    assert deadline.yearly == (recurring == "年")


def test_every_month_in_february_of_a_leap_year() -> None:
    assert parse_deadline("每月", 2024).dues[1] == date(2024, 2, 29)
    assert parse_deadline("每月31日前", 2023).dues[:4] == (
        date(2023, 1, 31),
        date(2023, 2, 28),
        date(2023, 3, 31),
        date(2023, 4, 30),
    )


def test_the_issue_lists_every_wording() -> None:
    """All the issue's wordings are in the table (the count in the report is this list's)."""
    issue = [
        "上半年",
        "下半年",
        "全年",
        "年内",
        "第一季度",
        "第二季度",
        "第三季度",
        "第四季度",
        "一季度",
        "2023年第三季度",
        "11月中旬",
        "11月上旬",
        "11月下旬",
        "2022年11—12月",
        "2023.06",
        "2023年6月、12月",
        "11月底前完成",
        "年底前完成",
        "二〇二三年六月底前",
        "十二月底前",
        "每月",
        "每季度",
        "每半年",
        "每年",
        "每年1月31日前",
        "每月28日前",
        "次年1月31日前",
        "长期",
        "常态化",
        "持续开展",
        "持续推进",
        "及时",
        "按时间节点",
        "2023年9月起",
    ]
    table = {text for text, *_ in WORDINGS}
    assert set(issue) <= table


def test_the_shipped_ledger_means_the_same() -> None:
    """庐山市's deadlines: one due date each (or none); only 每年年底前 recurs, once a year."""
    loaded = load_ledger(SHIPPED)
    assert loaded.problems == []
    items = loaded.ledger.items()
    deadlines = [item.deadline for item in items] + [
        m.deadline for i in items for m in i.milestones
    ]
    found = set()
    for deadline in deadlines:
        assert deadline is not None
        assert deadline.dues == ((deadline.due,) if deadline.due else ())
        assert deadline.starts is None
        assert deadline.recurring == ("年" if deadline.yearly else "")
        found.add((deadline.text, deadline.due, deadline.continuing, deadline.yearly))
    assert found == {
        ("2022年10月底前", date(2022, 10, 31), False, False),
        ("2022年9月底前", date(2022, 9, 30), False, False),
        ("2022年底前", date(2022, 12, 31), False, False),
        ("每年年底前", date(2022, 12, 31), False, True),
        ("2022年12月", date(2022, 12, 31), False, False),
        ("2022年12月并持续更新", date(2022, 12, 31), True, False),
        ("2022年9月", date(2022, 9, 30), False, False),
        ("2022年9月并持续更新", date(2022, 9, 30), True, False),
        ("常态化更新", None, True, False),
    }
