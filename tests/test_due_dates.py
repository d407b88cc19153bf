"""Several due dates and recurring deadlines, as `ledger overdue --as-of` shows them.

A due date is met as docs/semantics.md says (几个到期日): a fixed one by completion on or before it, or (every due date
but the last) has any report dated after the previous due date and on or before it; overdue
counts from the first due date not met, 临期 looks at the next one (docs/semantics.md).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from .cli_run import run_ledger
from .conftest import Write

TASKS = """\
plan:
  title: 2023年某区政务公开工作要点
  issued: 2023-03-01
  year: 2023
  update_every: 月
  warn_days: 10
sections:
  - id: 一
    title: 第一部分
tasks:
  - id: 1
    section: 一
    title: 预决算公开
    items:
      - id: "1.1"
        content: 公开上半年和全年预算执行情况
        owners: [区财政局]
        deadline: 2023年6月、12月
      - id: "1.2"
        content: 报送政务公开工作信息
        owners: [区财政局]
        deadline: 每月28日前
      - id: "1.3"
        content: 开设政策解读专栏
        owners: [区财政局]
        deadline: 2023年9月起
"""

UNITS = """\
units:
  - id: czj
    name: 区财政局
    kind: 政府工作部门
"""


def progress(*reports: tuple[str, str, str]) -> dict[str, str]:
    lines = ["unit: 区财政局", "reports:"]
    for item, day, status in reports:
        lines += [f'  - item: "{item}"', f"    date: {day}", f"    status: {status}"]
        lines += ["    summary: 按要求推进。"]
    return {"czj.yaml": "\n".join(lines) + "\n"}


def owed(capsys: pytest.CaptureFixture[str], root: Path, as_of: str) -> dict[str, Any]:
    result = run_ledger(
        capsys, "overdue", "--ledger", str(root), "--as-of", as_of, "--format", "json"
    )
    assert result.code == 0, result.err
    data = json.loads(result.out)
    return {i["item"]: i for unit in data["units"] for i in unit["items"]}


def brief(row: dict[str, Any]) -> tuple[str, list[str], int, int | None]:
    return (row["due"], row["kinds"], row["days_late"], row["days_left"])


def test_two_due_dates_each_owed(capsys: pytest.CaptureFixture[str], write_ledger: Write) -> None:
    root = write_ledger(TASKS, UNITS, progress(("1.1", "2023-06-20", "推进中")))
    # the June report meets 06-30; 12-31 is the next and not yet near
    assert "1.1" not in owed(capsys, root, "2023-07-15")
    assert brief(owed(capsys, root, "2023-12-25")["1.1"]) == ("2023-12-31", ["临期"], 0, 6)
    assert brief(owed(capsys, root, "2024-01-05")["1.1"]) == ("2023-12-31", ["逾期"], 5, None)


def test_the_first_unmet_due_date_counts(
    capsys: pytest.CaptureFixture[str], write_ledger: Write
) -> None:
    root = write_ledger(TASKS, UNITS, progress(("1.1", "2023-07-10", "推进中")))
    # nothing on or before 06-30: overdue from it, even with a later report
    assert brief(owed(capsys, root, "2023-07-15")["1.1"]) == ("2023-06-30", ["逾期"], 15, None)


def test_completion_meets_every_later_due_date(
    capsys: pytest.CaptureFixture[str], write_ledger: Write
) -> None:
    root = write_ledger(TASKS, UNITS, progress(("1.1", "2023-06-20", "已完成")))
    assert "1.1" not in owed(capsys, root, "2024-01-05")


def test_every_month(capsys: pytest.CaptureFixture[str], write_ledger: Write) -> None:
    reports = progress(("1.2", "2023-01-20", "推进中"), ("1.2", "2023-02-27", "推进中"))
    root = write_ledger(TASKS, UNITS, reports)
    # January and February met; 03-28 is the next: 临期 within 10 days, then overdue
    assert "1.2" not in owed(capsys, root, "2023-03-10")
    assert brief(owed(capsys, root, "2023-03-20")["1.2"]) == ("2023-03-28", ["临期"], 0, 8)
    assert brief(owed(capsys, root, "2023-04-02")["1.2"]) == ("2023-03-28", ["逾期"], 5, None)
    # a report in April does not meet March: still late from 03-28
    later = progress(*[("1.2", d, "推进中") for d in ("2023-01-20", "2023-02-27", "2023-04-01")])
    root = write_ledger(TASKS, UNITS, later)
    assert brief(owed(capsys, root, "2023-04-02")["1.2"]) == ("2023-03-28", ["逾期"], 5, None)


def test_every_month_missed_in_january(
    capsys: pytest.CaptureFixture[str], write_ledger: Write
) -> None:
    root = write_ledger(TASKS, UNITS, progress(("1.3", "2023-09-05", "推进中")))
    assert brief(owed(capsys, root, "2023-02-01")["1.2"]) == ("2023-01-28", ["逾期"], 4, None)


def test_nothing_is_due_before_the_start(
    capsys: pytest.CaptureFixture[str], write_ledger: Write
) -> None:
    root = write_ledger(TASKS, UNITS, progress(("1.2", "2023-01-20", "推进中")))
    assert "1.3" not in owed(capsys, root, "2023-08-31")  # 2023年9月起: not yet
    assert owed(capsys, root, "2023-09-02")["1.3"]["kinds"] == ["更新滞后"]
    fresh = progress(("1.2", "2023-01-20", "推进中"), ("1.3", "2023-09-01", "推进中"))
    root = write_ledger(TASKS, UNITS, fresh)
    assert "1.3" not in owed(capsys, root, "2023-10-15")


def test_an_unknown_wording_lists_forms_in_the_plans_year(
    capsys: pytest.CaptureFixture[str], write_ledger: Write
) -> None:
    root = write_ledger(TASKS.replace("每月28日前", "尽快"), UNITS)
    result = run_ledger(capsys, "check", "--ledger", str(root))
    assert result.code != 0
    text = result.out + result.err
    assert "deadline-format" in text and "无法识别的完成时间“尽快”" in text
    assert "2023年9月底前" in text and "上半年" in text and "每季度" in text
    assert "2022年9月底前" not in text


def test_one_completion_does_not_settle_a_recurring_deadline(
    capsys: pytest.CaptureFixture[str], write_ledger: Write
) -> None:
    # 每月28日前: 已完成 in January meets January only; February is owed on its own
    root = write_ledger(TASKS, UNITS, progress(("1.2", "2023-01-20", "已完成")))
    assert brief(owed(capsys, root, "2023-03-05")["1.2"]) == ("2023-02-28", ["逾期"], 5, None)
    shown = run_ledger(capsys, "show", "1.2", "--ledger", str(root), "--as-of", "2023-03-05")
    assert "逾期" in shown.out


def test_a_recurring_year_is_done_when_every_period_is_met(
    capsys: pytest.CaptureFixture[str], write_ledger: Write
) -> None:
    days = [f"2023-{m:02d}-20" for m in range(1, 13)]
    reports = [("1.2", d, "推进中") for d in days[:-1]] + [("1.2", days[-1], "已完成")]
    root = write_ledger(TASKS, UNITS, progress(*reports))
    assert "1.2" not in owed(capsys, root, "2024-01-10")
    # every month reported but December only 推进中: the year's work is not done
    unfinished = [("1.2", d, "推进中") for d in days]
    root = write_ledger(TASKS, UNITS, progress(*unfinished))
    assert brief(owed(capsys, root, "2024-01-10")["1.2"]) == ("2023-12-28", ["逾期"], 13, None)


def test_a_not_started_report_meets_no_due_date(
    capsys: pytest.CaptureFixture[str], write_ledger: Write
) -> None:
    # 未启动 on 06-01 is no work reported: 06-30 is not met
    root = write_ledger(TASKS, UNITS, progress(("1.1", "2023-06-01", "未启动")))
    assert brief(owed(capsys, root, "2023-08-01")["1.1"]) == ("2023-06-30", ["逾期"], 32, None)


def test_chinese_digits_side_by_side_are_no_month(
    capsys: pytest.CaptureFixture[str], write_ledger: Write
) -> None:
    root = write_ledger(TASKS.replace("每月28日前", "一二月底前"), UNITS)
    result = run_ledger(capsys, "check", "--ledger", str(root))
    assert result.code != 0
    text = result.out + result.err
    assert "deadline-format" in text and "无法识别的完成时间“一二月底前”" in text
