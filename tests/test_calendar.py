"""calendar.yaml: 放假/调休 years after chinesecalendar's, through the CLI."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from gongkai_ledger.files.schema import FileKind, schema_json

from .cli_run import run_ledger
from .ledgers import OWED_TASKS, OWED_UNITS

AS_OF = "2027-11-15"  # a Monday; task 2 (2027年10月) is due Sunday 2027-10-31
# Test dates, not the real 2027 arrangement (not published yet): 1–3 Nov off, Sat 6 Nov on.
CALENDAR = """\
years:
  2027:
    notice: 测试用
    holidays:
      - {name: 甲节, from: 2027-11-01, to: 2027-11-03}
    workdays: [2027-11-06]
"""


def ledger(tmp_path: Path, calendar: str | None = CALENDAR) -> Path:
    root = tmp_path / "ledger"
    (root / "progress").mkdir(parents=True)
    (root / "tasks.yaml").write_text(OWED_TASKS.replace("2022", "2027"), encoding="utf-8")
    (root / "units.yaml").write_text(OWED_UNITS, encoding="utf-8")
    if calendar is not None:
        (root / "calendar.yaml").write_text(textwrap.dedent(calendar), encoding="utf-8")
    return root


def workdays_late(capsys: pytest.CaptureFixture[str], root: Path) -> set[object]:
    args = ("overdue", "--ledger", str(root), "--as-of", AS_OF, "--format", "json")
    data = json.loads(run_ledger(capsys, *args).out)
    return {i["workdays_late"] for u in data["units"] for i in u["items"] if i["item"] == "2.1"}


def test_a_2027_plan_counts_workdays_with_calendar_yaml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Nov 1–15: 11 weekdays, less 3 days off, plus the Saturday on.
    assert workdays_late(capsys, ledger(tmp_path)) == {9}
    shown = run_ledger(
        capsys, "show", "2.1", "--ledger", str(ledger_dir(tmp_path)), "--as-of", AS_OF
    )
    assert "(9 工作日)" in shown.out and "?" not in shown.out


def ledger_dir(tmp_path: Path) -> Path:
    return tmp_path / "ledger"


def test_without_it_the_workdays_are_unknown_and_check_warns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = ledger(tmp_path, None)
    assert workdays_late(capsys, root) == {None}
    result = run_ledger(capsys, "check", "--ledger", str(root), "--as-of", AS_OF)
    assert result.code == 0
    assert (
        f"{root.as_posix()}/tasks.yaml:2:3: 警告 [calendar-gap] 计划年度 2027 年没有法定节假日数据"
        in (result.out + result.err).replace("\\", "/")
    )


def test_a_year_the_package_has_merges_with_calendar_yaml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = ledger(tmp_path, None)
    (root / "tasks.yaml").write_text(OWED_TASKS, encoding="utf-8")  # 2022: the package has it
    args = ("overdue", "--ledger", str(root), "--as-of", "2022-11-15", "--format", "json")
    first = json.loads(run_ledger(capsys, *args).out)
    (root / "calendar.yaml").write_text(
        "years:\n  2022:\n    notice: 测试用\n    holidays:\n"
        "      - {name: 甲节, from: 2022-11-01, to: 2022-11-04}\n",
        encoding="utf-8",
    )
    second = json.loads(run_ledger(capsys, *args).out)

    def late(data: dict[str, object], item: str) -> set[object]:
        units = data["units"]
        assert isinstance(units, list)
        return {i["workdays_late"] for u in units for i in u["items"] if i["item"] == item}

    assert (late(first, "2.1"), late(second, "2.1")) == ({11}, {7})
    # 1.1 is due 2022-09-30: the package's 国庆 (1–7 Oct off, 8–9 Oct on) still counts
    assert (late(first, "1.1"), late(second, "1.1")) == ({29}, {25})


def test_a_quoted_year_and_a_december_workday_are_accepted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    calendar = CALENDAR.replace("  2027:", '  "2027":').replace(
        "workdays: [2027-11-06]", "workdays: [2026-12-26, 2027-11-06]"
    )
    root = ledger(tmp_path, calendar)
    result = run_ledger(capsys, "check", "--ledger", str(root), "--as-of", AS_OF)
    assert result.code == 0 and "calendar" not in result.out + result.err
    assert workdays_late(capsys, root) == {9}


BAD = """\
years:
  2027:
    notice: 测试用
    holidays:
      - {name: 甲节, from: 2027-11-01, to: 2027-11-03}
      - {name: 乙节, from: 2027-11-03, to: 2027-11-02}
      - {name: 丙节, from: 2026-06-01}
      - {name: 丁节, from: 2027-11-02}
    workdays: [2027-11-06, 2027-11-09, 2027-11-01, 2028-01-01, 2027-02-30]
"""


def test_each_calendar_rule_fires_with_its_position(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = ledger(tmp_path, BAD)
    result = run_ledger(capsys, "check", "--ledger", str(root), "--as-of", AS_OF)
    assert result.code == 1
    found = [
        line.split(" ", 3)[:3]
        for line in (result.out + result.err).splitlines()
        if "calendar.yaml:" in line
    ]
    path = f"{root.as_posix()}/calendar.yaml"
    assert [(where.replace("\\", "/").removeprefix(path), rule) for where, _, rule in found] == [
        (":6:42:", "[calendar-date]"),
        (":7:9:", "[calendar-date]"),
        (":8:9:", "[calendar-overlap]"),
        (":9:28:", "[calendar-weekday]"),
        (":9:40:", "[calendar-overlap]"),
        (":9:40:", "[calendar-weekday]"),
        (":9:52:", "[calendar-date]"),
        (":9:64:", "[impossible-date]"),
    ]
    text = result.out + result.err
    assert "调休上班日 2027-11-09 是星期二,不是周末" in text
    assert "丁节(2027-11-02)与甲节(2027-11-01 至 2027-11-03)的放假日期重叠" in text


def test_new_years_holiday_may_start_in_the_previous_december(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    calendar = CALENDAR.replace(
        "from: 2027-11-01, to: 2027-11-03", "from: 2026-12-31, to: 2027-01-02"
    )
    root = ledger(tmp_path, calendar)
    result = run_ledger(capsys, "check", "--ledger", str(root), "--as-of", AS_OF)
    assert result.code == 0 and "calendar-" not in result.out + result.err


def test_schema_file_calendar(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_ledger(capsys, "schema", "--file", "calendar")
    assert (result.code, result.out) == (0, schema_json(FileKind.CALENDAR))
    assert '"calendar-year"' in result.out and '"workdays"' in result.out


def test_fmt_orders_calendar_keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = ledger(
        tmp_path,
        """\
        years:
          2027:
            workdays: [2027-11-06]
            holidays:
              - {to: 2027-11-03, name: 甲节, from: 2027-11-01}  # 测试
            notice: 测试用
        """,
    )
    assert run_ledger(capsys, "fmt", str(root / "calendar.yaml")).code == 0
    assert (root / "calendar.yaml").read_text(encoding="utf-8") == (
        "years:\n  2027:\n    notice: 测试用\n    holidays:\n      - name: 甲节  # 测试\n"
        "        from: 2027-11-01\n        to: 2027-11-03\n    workdays: [2027-11-06]\n"
    )
    check = run_ledger(capsys, "fmt", "--check", str(root / "calendar.yaml"))
    assert (check.code, check.out) == (0, "")
