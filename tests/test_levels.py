"""亮灯 (core/levels.py): one level per (item, unit) from its standing, and where it is shown.

The fixture ledger (tests/fixtures/levels_ledger) has one pair for each way to a level.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from gongkai_ledger.core.levels import checkpoints, light, parse_level, red_counts, red_times
from gongkai_ledger.core.model import Ledger
from gongkai_ledger.core.status import standings
from gongkai_ledger.files.load import load_ledger

from .cli_run import run_ledger
from .conftest import Write
from .goldens import assert_golden
from .ledgers import (
    LEVELS_LEDGER,
    REPORT_LEDGER,
    REVIEW_LEDGER,
    STATES_LEDGER,
    WORKFLOW_LEDGER,
)

AS_OF = date(2022, 8, 20)
SHIPPED = Path(__file__).resolve().parents[1] / "data"


def lights(as_of: date = AS_OF) -> dict[tuple[str, str], tuple[str, tuple[str, ...]]]:
    ledger = load_ledger(LEVELS_LEDGER).ledger
    return {
        (s.item.id, s.unit.name): (lit.level, lit.reasons)
        for s in standings(ledger, as_of)
        for lit in [light(s, ledger.plan, as_of)]
    }


def test_each_pair_gets_the_worst_level_that_applies() -> None:
    assert lights() == {
        ("1.1", "区财政局"): ("蓝", ("临期",)),  # due 08-31, 11 days left, reported
        ("1.2", "区住建局"): ("黄", ("过半未启动",)),  # 172 of 305 days gone, nothing reported
        ("1.3", "区财政局"): ("红", ("逾期",)),
        ("2.1", "区住建局"): ("黄", ("节点滞后",)),  # milestone 07-31 passed, nothing since 05-31
        ("3.1", "区财政局"): ("黄", ("更新滞后",)),  # done, but no update since 07-01
        ("3.2", "区住建局"): ("绿", ()),  # done and updated on 08-01
        ("4.1", "甲街道"): ("绿", ()),  # 不涉及, with a reason
        ("4.1", "乙街道"): ("绿", ()),  # reported before half the time was gone
        ("5.1", "区财政局"): ("绿", ()),  # 每季度: both quarters reported, next due 09-30
    }  # 区财政局 is also 4.1's 配合单位: it owns nothing there, so it has no level


def test_levels_move_with_the_date() -> None:
    early = lights(date(2022, 5, 20))
    assert early[("1.2", "区住建局")] == ("绿", ())  # 80 of 305 days: not yet half
    assert early[("2.1", "区住建局")] == ("绿", ())  # no milestone passed yet
    assert early[("1.3", "区财政局")] == ("黄", ("过半未启动",))  # 80 of 121 days gone
    assert lights(date(2022, 4, 20))[("1.3", "区财政局")] == ("绿", ())  # 50 of 121 days
    assert lights(date(2022, 6, 20))[("1.3", "区财政局")] == ("黄", ("过半未启动", "临期"))
    later = lights(date(2022, 9, 20))
    assert later[("5.1", "区财政局")] == ("蓝", ("临期",))  # the third quarter is due 09-30
    assert later[("1.1", "区财政局")] == ("红", ("逾期",))


def test_milestone_behind_clears_with_a_report_after_the_milestone_before() -> None:
    assert lights(date(2022, 6, 15))[("2.1", "区住建局")] == ("绿", ())  # 05-31: the 04-10 report
    assert lights(date(2022, 8, 1))[("2.1", "区住建局")] == ("黄", ("节点滞后",))


@pytest.mark.parametrize(
    ("text", "level"),
    [("绿", "绿"), ("蓝", "蓝"), ("黄", "黄"), ("红", "红"), ("Yellow", "黄"), (" red ", "红")],
)
def test_level_words(text: str, level: str) -> None:
    assert parse_level(text) == level


def test_level_words_refuse_others() -> None:
    assert parse_level("橙") is None and parse_level("") is None


def test_checkpoints_are_month_ends_from_the_plan_start_then_the_day() -> None:
    plan = load_ledger(LEVELS_LEDGER).ledger.plan  # issued 2022-03-01
    assert checkpoints(plan, date(2022, 6, 30)) == [
        date(2022, 3, 31),
        date(2022, 4, 30),
        date(2022, 5, 31),
        date(2022, 6, 30),
    ]
    assert checkpoints(plan, date(2022, 4, 10)) == [date(2022, 3, 31), date(2022, 4, 10)]


def test_red_counts_count_checkpoints_at_red() -> None:
    ledger = load_ledger(LEVELS_LEDGER).ledger
    # 1.3 is due 06-30: 红 at 07-31 and at 08-20; 1.1 (due 08-31) not yet
    assert red_counts(ledger, AS_OF, "czj") == {"1.3": 2}
    assert red_counts(ledger, date(2022, 9, 30), "czj") == {"1.3": 3, "1.1": 1}


# -- ledger overdue -------------------------------------------------------------------


def overdue(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    result = run_ledger(
        capsys, "overdue", "--ledger", str(LEVELS_LEDGER), "--as-of", AS_OF.isoformat(), *args
    )
    assert result.code == 0, result.err
    return result.out


def test_overdue_without_min_level_lists_what_is_owed(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(overdue(capsys, "--format", "json"))
    assert [
        (u["unit"], u["level"], [(i["item"], i["level"]) for i in u["items"]])
        for u in data["units"]
    ] == [
        ("区财政局", "红", [("1.3", "红"), ("1.1", "蓝"), ("3.1", "黄")]),
    ]  # 1.2 and 2.1 (黄 for 序时进度 only) are not 逾期, 临期 or 更新滞后


def test_min_level_yellow_adds_behind_schedule(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(overdue(capsys, "--format", "json", "--min-level", "黄"))
    assert [
        (u["unit"], [(i["item"], i["level"], i["level_reasons"]) for i in u["items"]])
        for u in data["units"]
    ] == [
        ("区财政局", [("1.3", "红", ["逾期"]), ("3.1", "黄", ["更新滞后"])]),
        ("区住建局", [("1.2", "黄", ["过半未启动"]), ("2.1", "黄", ["节点滞后"])]),
    ]


def test_min_level_red_and_english_alias(capsys: pytest.CaptureFixture[str]) -> None:
    assert overdue(capsys, "--format", "csv", "--min-level", "red") == overdue(
        capsys, "--format", "csv", "--min-level", "红"
    )
    data = json.loads(overdue(capsys, "--format", "json", "--min-level", "red"))
    assert [i["item"] for u in data["units"] for i in u["items"]] == ["1.3"]


def test_min_level_refuses_other_words(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_ledger(capsys, "overdue", "--ledger", str(LEVELS_LEDGER), "--min-level", "橙")
    assert result.code == 2
    assert "--min-level“橙”不是亮灯等级,请写 绿、蓝、黄 或 红" in result.err


def test_min_level_nothing_lit(capsys: pytest.CaptureFixture[str]) -> None:
    out = run_ledger(
        capsys,
        "overdue",
        "--ledger",
        str(LEVELS_LEDGER),
        "--as-of",
        "2022-03-10",
        "--min-level",
        "黄",
    ).out
    assert "没有亮灯黄及以上的事项。" in out


def test_min_level_yellow_counts_the_yellow_items_per_unit(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """节点滞后 and 过半未启动 are neither 逾期, 临期 nor 更新滞后: the 黄灯 column counts them."""
    table = overdue(capsys, "--min-level", "黄").splitlines()
    assert table[1] == "合计逾期 1 项次,临期 0 项次,更新滞后 1 项次,黄灯 3 项次。"
    assert table[2].split() == [
        "单位", "亮灯", "逾期", "临期", "更新滞后", "黄灯", "最长逾期", "逾期条目"
    ]  # fmt: skip
    assert table[4].split() == ["区住建局", "黄", "0", "0", "0", "2"]
    unit = overdue(capsys, "--min-level", "黄", "--unit", "区住建局").splitlines()
    assert unit[1] == "逾期 0 项,临期 0 项,更新滞后 0 项,黄灯 2 项。"


@pytest.mark.parametrize("args", [(), ("--min-level", "红")])
def test_without_yellow_in_the_list_there_is_no_yellow_column(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    for fmt in ("table", "md"):
        out = overdue(capsys, "--format", fmt, *args)
        assert "黄灯" not in out and "更新滞后" in out


@pytest.mark.parametrize("unit", [None, "区住建局"])
def test_overdue_all_levels_golden(capsys: pytest.CaptureFixture[str], unit: str | None) -> None:
    args = ("--unit", unit) if unit else ()
    out = overdue(capsys, "--format", "md", "--min-level", "绿", *args)
    assert_golden(f"levels/overdue{'-' + 'zjj' if unit else ''}.md", out)


# -- ledger show ----------------------------------------------------------------------


def show(capsys: pytest.CaptureFixture[str], item: str, *args: str) -> str:
    result = run_ledger(
        capsys, "show", item, "--ledger", str(LEVELS_LEDGER), "--as-of", AS_OF.isoformat(), *args
    )
    assert result.code == 0, result.err
    return result.out


@pytest.mark.parametrize("item", ["2.1", "4.1"])
def test_show_golden(capsys: pytest.CaptureFixture[str], item: str) -> None:
    assert_golden(f"levels/show-{item}.txt", show(capsys, item))


def test_show_json_level_per_unit(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(show(capsys, "4.1", "--format", "json"))
    assert [(u["unit"], u["level"], u["level_reasons"]) for u in data["units"]] == [
        ("甲街道", "绿", []),
        ("乙街道", "绿", []),
    ]  # the 配合单位 区财政局 owns nothing: no level
    data = json.loads(show(capsys, "1.2", "--format", "json"))
    assert [(u["level"], u["level_reasons"]) for u in data["units"]] == [("黄", ["过半未启动"])]


# -- ledger report ----------------------------------------------------------------------


@pytest.fixture
def outside_git(tmp_path: Path) -> Path:
    """The fixture ledger outside git, so no 数据版本 line depends on this repository's HEAD."""
    root = tmp_path / "levels_ledger"
    shutil.copytree(LEVELS_LEDGER, root)
    return root


def report(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> str:
    result = run_ledger(
        capsys,
        "report",
        "--ledger",
        str(root),
        "--month",
        "2022-08",
        "--as-of",
        AS_OF.isoformat(),
        *args,
    )
    assert result.code == 0, result.err
    return result.out


def test_report_counts_levels(capsys: pytest.CaptureFixture[str], outside_git: Path) -> None:
    assert "亮灯情况:红灯 1 项,黄灯 3 项,蓝灯 1 项,绿灯 4 项。" in report(capsys, outside_git)


def test_unit_report_golden(capsys: pytest.CaptureFixture[str], outside_git: Path) -> None:
    """The 督办单: the unit's level per item and 督办次数 (1.3 was 红 on 07-31 and 08-20)."""
    assert_golden("levels/report-czj.md", report(capsys, outside_git, "--unit", "区财政局"))


def test_all_units_count_like_one(
    capsys: pytest.CaptureFixture[str], outside_git: Path, tmp_path: Path
) -> None:
    one = report(capsys, outside_git, "--unit", "区财政局")
    report(capsys, outside_git, "--all-units", "-o", str(tmp_path / "out"))
    assert (tmp_path / "out" / "督办单-区财政局.md").read_text(encoding="utf-8") == one.rstrip("\n")


MILESTONE_TASKS = """\
plan:
  title: 2022年某区政务公开工作要点
  issuer: 区政府办
  doc_no: 某府办发〔2022〕6号
  year: 2022
  update_every: 月
  warn_days: 15
tasks:
  - id: 1
    title: 推进城市更新信息公开
    deadline: 2022年12月底前
    items:
      - id: "1.1"
        content: 分阶段公开城市更新项目。
        owners: [区住建局]
        milestones:
          - deadline: 2022年5月底前
            what: 公开项目清单
          - deadline: 2022年7月底前
            what: 公开实施方案
"""
MILESTONE_UNITS = """\
units:
  - id: zjj
    name: 区住建局
    kind: 政府工作部门
"""


@pytest.mark.parametrize(
    ("reported", "level"),
    [
        ("2022-04-10", "黄"),  # before 05-31, the milestone before the last one passed (07-31)
        ("2022-06-10", "绿"),  # between the two milestones
        ("2022-08-05", "绿"),  # late, after 07-31: caught up
    ],
)
def test_a_report_since_the_milestone_before_keeps_pace(
    capsys: pytest.CaptureFixture[str], write_ledger: Write, reported: str, level: str
) -> None:
    progress = f"""\
unit: 区住建局
reports:
  - item: "1.1"
    date: {reported}
    status: 推进中
    summary: 公开项目清单。
"""
    root = write_ledger(MILESTONE_TASKS, MILESTONE_UNITS, {"zjj.yaml": progress})
    result = run_ledger(
        capsys, "show", "1.1", "--ledger", str(root), "--as-of", "2022-08-20", "--format", "json"
    )
    assert result.code == 0, result.err
    # no plan.issued: the window for 过半未启动 starts on 1 January, and a report was made
    assert [u["level"] for u in json.loads(result.out)["units"]] == [level]


EXTENDED_TASKS = """\
plan:
  title: 2022年某区政务公开工作要点
  year: 2022
  issued: 2022-03-01
tasks:
  - id: 1
    title: 推进城市更新信息公开
    deadline: 2022年6月底前
    items:
      - id: "1.1"
        content: 公开城市更新项目。
        owners: [区住建局]
        extensions:
          - deadline: 2022年10月底前
            approved: 2022-06-20
"""


def test_an_extended_deadline_has_one_window_from_the_plan_start(write_ledger: Write) -> None:
    """延期 replaces the deadline: its due date is not a second one of 几个到期日, so a report
    before the original due date still counts for 过半未启动 (window from plan.issued)."""
    progress = """\
unit: 区住建局
reports:
  - item: "1.1"
    date: 2022-06-01
    status: 推进中
    summary: 梳理项目。
"""
    root = write_ledger(EXTENDED_TASKS, MILESTONE_UNITS, {"zjj.yaml": progress})
    ledger = load_ledger(root).ledger
    as_of = date(2022, 9, 15)
    (s,) = standings(ledger, as_of)
    assert (s.due, s.overdue) == (date(2022, 10, 31), False)
    assert light(s, ledger.plan, as_of).level == "绿"


def _red_at_every_checkpoint(ledger: Ledger, as_of: date) -> dict[tuple[str, str], int]:
    """督办次数 by its definition: the standings taken at every checkpoint, counted."""
    counts: dict[tuple[str, str], int] = {}
    for day in checkpoints(ledger.plan, as_of):
        for s in standings(ledger, day):
            if s.overdue:
                counts[(s.unit.id, s.item.id)] = counts.get((s.unit.id, s.item.id), 0) + 1
    return counts


@pytest.mark.parametrize(
    "root",
    [LEVELS_LEDGER, REPORT_LEDGER, WORKFLOW_LEDGER, REVIEW_LEDGER, STATES_LEDGER, SHIPPED],
    ids=lambda p: p.name,
)
def test_red_times_equal_standings_at_every_checkpoint(root: Path) -> None:
    """red_times computes each pair once per stretch between its changes (reports, reviews,
    延期), not at every month end; the counts are those of the definition, on ledgers with
    延期 (workflow), 办结审核 (review), recurring and several due dates (states, shipped)."""
    ledger = load_ledger(root).ledger
    start = ledger.plan.issued or date(ledger.plan.year, 1, 1)
    ends = [date(start.year + y, m, d) for y in (0, 1, 2) for m, d in ((3, 15), (6, 30), (12, 31))]
    found_red = False
    for as_of in [start, *(d for d in ends if d >= start)]:
        expected = _red_at_every_checkpoint(ledger, as_of)
        assert red_times(ledger, as_of) == expected
        found_red = found_red or bool(expected)
    assert found_red  # the comparison is not between two empty dicts
