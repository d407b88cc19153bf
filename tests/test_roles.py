"""Roles as real tables write them: 牵头 (lead, one or several), 配合 (support), report_by,
owners written as one cell, groups without members and 不涉及 from a unit named directly.

Everything through the CLI, on inline ledgers.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from .cli_run import run_ledger
from .conftest import Write
from .git_repo import git, write_data
from .ledgers import TASKS, UNITS

AS_OF = "2022-11-01"  # 1.1 (2022年9月并持续更新) and 1.2 (2022年12月) are past or near due

Cap = pytest.CaptureFixture[str]


def item_11(extra: str, owners: str = "[县财政局]") -> str:
    """The basic ledger with item 1.1's owners and more keys (indented as item keys)."""
    lines = "".join(f"\n        {line}" for line in extra.splitlines())
    return TASKS.replace("owners: [县财政局]", f"owners: {owners}{lines}")


def ok(capsys: Cap, *args: str) -> str:
    result = run_ledger(capsys, *args)
    assert result.code == 0, result.err
    return result.out


def owing(capsys: Cap, root: Path, item: str = "1.1") -> list[str]:
    """The units that owe `item`, as `ledger show --format json` lists them."""
    shown = json.loads(
        ok(capsys, "show", item, "--as-of", AS_OF, "--format", "json", "--ledger", str(root))
    )
    return [u["unit"] for u in shown["units"]]


def overdue_units(capsys: Cap, root: Path) -> dict[str, list[str]]:
    document = json.loads(
        ok(capsys, "overdue", "--as-of", AS_OF, "--format", "json", "--ledger", str(root))
    )
    return {u["unit"]: [i["item"] for i in u["items"]] for u in document["units"]}


def check(capsys: Cap, root: Path) -> tuple[int, list[tuple[int, int, str]]]:
    result = run_ledger(capsys, "check", "--as-of", AS_OF, "--ledger", str(root))
    found = re.findall(r":(\d+):(\d+): \S+ \[([a-z-]+)\]", result.out + result.err)
    return result.code, [(int(line), int(col), rule) for line, col, rule in found]


# -- lead -------------------------------------------------------------------------------------


def test_a_lead_owes_even_when_not_repeated_in_owners(capsys: Cap, write_ledger: Write) -> None:
    root = write_ledger(tasks=item_11("lead: 甲镇"))
    assert check(capsys, root) == (0, [])
    assert owing(capsys, root) == ["县财政局", "甲镇"]
    assert overdue_units(capsys, root)["甲镇"] == ["1.1"]


def test_two_leads_both_owe_and_both_are_shown(capsys: Cap, write_ledger: Write) -> None:
    root = write_ledger(tasks=item_11("lead: [甲镇, 乙乡]", owners="[县财政局]"))
    assert owing(capsys, root) == ["县财政局", "甲镇", "乙乡"]
    shown = ok(capsys, "show", "1.1", "--as-of", AS_OF, "--ledger", str(root))
    assert "牵头单位:甲镇、乙乡\n" in shown
    exported = json.loads(
        ok(capsys, "export", "--as-of", AS_OF, "--format", "json", "--ledger", str(root))
    )
    assert exported["items"][0]["lead"] == "甲镇、乙乡"


# -- support ----------------------------------------------------------------------------------


@pytest.mark.slow
def test_support_is_shown_everywhere_and_never_owes(capsys: Cap, write_ledger: Write) -> None:
    root = write_ledger(tasks=item_11("support: [甲镇]"))
    assert check(capsys, root) == (0, [])
    assert owing(capsys, root) == ["县财政局"]
    assert "甲镇" not in overdue_units(capsys, root)  # 1.1 is overdue, but 甲镇 only supports

    shown = ok(capsys, "show", "1.1", "--as-of", AS_OF, "--ledger", str(root))
    assert "配合单位(不计逾期):甲镇\n" in shown
    units = json.loads(
        ok(capsys, "units", "--as-of", AS_OF, "--format", "json", "--ledger", str(root))
    )
    supported = {u["id"]: u["supported_items"] for u in units["units"]}
    assert supported == {"czj": [], "aaz": ["1.1"], "bbx": []}
    table = ok(capsys, "units", "--as-of", AS_OF, "--ledger", str(root))
    assert "配合" in table
    exported = json.loads(
        ok(capsys, "export", "--as-of", AS_OF, "--format", "json", "--ledger", str(root))
    )
    assert [i["support"] for i in exported["items"]] == [["甲镇"], []]
    report = ok(capsys, "report", "--month", "2022-10", "--ledger", str(root))
    assert "未报送(逾期、更新滞后):县财政局;配合单位:甲镇 |" in report
    html = ok(capsys, "report", "--month", "2022-10", "--format", "html", "--ledger", str(root))
    assert "<p><b>配合单位</b>:甲镇</p>" in html


def test_a_supporting_unit_may_report_progress(capsys: Cap, write_ledger: Write) -> None:
    root = write_ledger(tasks=item_11("support: [各乡镇]"))
    args = ("progress", "add", "1.1", "--unit", "甲镇", "--status", "推进中", "--summary", "已配合")
    assert run_ledger(capsys, *args, "--date", "2022-10-20", "--ledger", str(root)).code == 0
    assert check(capsys, root) == (0, [])
    assert owing(capsys, root) == ["县财政局"]
    # a unit neither owner, lead nor support still may not
    other = write_ledger(tasks=item_11(""))
    assert run_ledger(capsys, *args, "--date", "2022-10-20", "--ledger", str(other)).code != 0


def test_support_that_also_owes_is_a_role_conflict(capsys: Cap, write_ledger: Write) -> None:
    root = write_ledger(tasks=item_11("lead: 甲镇\nsupport: [各乡镇]"))
    assert check(capsys, root) == (0, [(22, 19, "role-conflict")])


# -- report_by --------------------------------------------------------------------------------


def test_report_by_lead_only_the_lead_owes(capsys: Cap, write_ledger: Write) -> None:
    tasks = item_11("lead: 甲镇\nreport_by: lead", owners="[县财政局, 各乡镇]")
    root = write_ledger(tasks=tasks)
    assert check(capsys, root) == (0, [])
    assert owing(capsys, root) == ["甲镇"]
    shown = ok(capsys, "show", "1.1", "--as-of", AS_OF, "--ledger", str(root))
    assert "责任单位(原文):县财政局、各乡镇\n" in shown  # the owners are still shown
    assert "报送:由牵头单位负责报告\n" in shown


def test_report_by_is_inherited_item_task_plan(capsys: Cap, write_ledger: Write) -> None:
    on_plan = item_11("lead: 甲镇", owners="[县财政局, 乙乡]").replace(
        "  warn_days: 15\n", "  warn_days: 15\n  report_by: lead\n"
    )
    root = write_ledger(tasks=on_plan)
    assert owing(capsys, root) == ["甲镇"]
    assert owing(capsys, root, "1.2") == ["甲镇", "乙乡"]  # no lead: everyone still owes
    on_task = on_plan.replace("  report_by: lead\n", "").replace(
        "    deadline: 2022年9月并持续更新\n",
        "    deadline: 2022年9月并持续更新\n    report_by: lead\n",
    )
    root = write_ledger(tasks=on_task)
    assert owing(capsys, root) == ["甲镇"]
    item_says_all = on_task.replace("lead: 甲镇", "lead: 甲镇\n        report_by: all")
    root = write_ledger(tasks=item_says_all)
    assert owing(capsys, root) == ["县财政局", "乙乡", "甲镇"]


def test_report_by_lead_without_a_lead_warns(capsys: Cap, write_ledger: Write) -> None:
    root = write_ledger(tasks=item_11("report_by: lead"))
    assert check(capsys, root) == (0, [(18, 9, "role-conflict")])
    assert owing(capsys, root) == ["县财政局"]


def test_report_by_refuses_other_values(capsys: Cap, write_ledger: Write) -> None:
    root = write_ledger(tasks=item_11("report_by: 牵头"))
    assert check(capsys, root) == (1, [(21, 20, "wrong-type")])


# -- owners as written ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "县财政局、甲镇",
        "县财政局,甲镇",
        "县财政局\uff0c甲镇",
        "县财政局;甲镇",
        "县财政局\uff1b 甲镇",
    ],
)
def test_owners_as_one_cell_mean_the_list(capsys: Cap, write_ledger: Write, written: str) -> None:
    root = write_ledger(tasks=item_11("", owners=written))
    assert check(capsys, root) == (0, [])
    assert owing(capsys, root) == ["县财政局", "甲镇"]


def test_a_group_name_with_a_separator_in_brackets_is_one_name(
    capsys: Cap, write_ledger: Write
) -> None:
    units = UNITS.replace("  - name: 各乡镇\n", "  - name: 各乡镇\n    aliases: [各乡(镇、处)]\n")
    root = write_ledger(tasks=item_11("", owners="县财政局、各乡(镇、处)"), units=units)
    assert check(capsys, root) == (0, [])
    assert owing(capsys, root) == ["县财政局", "甲镇", "乙乡"]


def test_fmt_writes_a_cell_as_a_list_and_keeps_comments(capsys: Cap, write_ledger: Write) -> None:
    tasks = item_11(
        "lead: 县财政局  # 牵头\nsupport: 甲镇、乙乡", owners="县财政局、甲镇  # 照表格"
    )
    root = write_ledger(tasks=tasks)
    assert run_ledger(capsys, "fmt", "--check", "--ledger", str(root)).code == 1
    ok(capsys, "fmt", "--ledger", str(root))
    text = (root / "tasks.yaml").read_text(encoding="utf-8")
    assert "        owners: [县财政局, 甲镇]  # 照表格\n" in text
    assert "        lead: 县财政局  # 牵头\n" in text  # one name stays as written
    assert "        support: [甲镇, 乙乡]\n" in text
    assert run_ledger(capsys, "fmt", "--check", "--ledger", str(root)).code == 0


@pytest.mark.parametrize(
    "value",
    ["甲镇、乙乡", "甲镇", "甲: 镇、乙乡", "[甲镇]、乙乡", "甲镇 #1、yes", "'甲'、\"乙\"", "null"],
)
def test_every_list_hint_is_a_form_that_is_accepted(
    capsys: Cap, write_ledger: Write, value: str
) -> None:
    """aliases (a list only): the wrong-type hint, pasted back, is read as a list."""
    quoted = json.dumps(value, ensure_ascii=False)
    units = UNITS.replace("aliases: [财政局]", f"aliases: {quoted}")
    result = run_ledger(capsys, "check", "--ledger", str(write_ledger(units=units)))
    hint = re.search(r"\[wrong-type\] .*?(例如 (\[.*\]))", result.out)
    assert hint is not None, result.out
    fixed = UNITS.replace("aliases: [财政局]", f"aliases: {hint[2].split(';')[0]}")
    again = run_ledger(capsys, "check", "--ledger", str(write_ledger(units=fixed)))
    assert "[wrong-type]" not in again.out and "[syntax]" not in again.out, (hint[1], again.out)


# -- groups and 不涉及 -------------------------------------------------------------------------


def test_an_empty_group_is_an_error(capsys: Cap, write_ledger: Write) -> None:
    units = UNITS + "  - name: 各街道\n    members: []\n"
    root = write_ledger(tasks=item_11("", owners="[各街道]"), units=units)
    assert check(capsys, root) == (1, [(15, 5, "empty-group")])


NA = """\
unit: 县财政局
reports:
  - item: "1.1"
    date: 2022-10-20
    status: 不涉及
    reason: 本单位无此职能
"""


def report_row(report: str, item: str) -> Any:
    """The item's row in the 各项任务进展 table (a 督办单's 亮灯 table comes before it)."""
    return [line for line in report.splitlines() if line.startswith(f"| {item} |")][-1]


@pytest.mark.slow
def test_na_from_a_unit_named_directly_warns_and_is_marked(
    capsys: Cap, write_ledger: Write
) -> None:
    root = write_ledger(progress={"czj.yaml": NA})
    assert check(capsys, root) == (0, [(5, 13, "direct-na")])
    report = ok(capsys, "report", "--month", "2022-10", "--ledger", str(root))
    assert "不涉及:县财政局(本单位直接承担,报不涉及)" in report_row(report, "1.1")
    html = ok(capsys, "report", "--month", "2022-10", "--format", "html", "--ledger", str(root))
    assert "县财政局(本单位直接承担,报不涉及)" in html
    sheet = ok(capsys, "report", "--month", "2022-10", "--unit", "czj", "--ledger", str(root))
    assert "| 不涉及(本单位直接承担,报不涉及) |" in report_row(sheet, "1.1")


def test_na_through_a_group_is_not_marked(capsys: Cap, write_ledger: Write) -> None:
    na = NA.replace("县财政局", "甲镇").replace('"1.1"', '"1.2"')
    root = write_ledger(progress={"aaz.yaml": na})
    assert check(capsys, root) == (0, [])
    report = ok(capsys, "report", "--month", "2022-10", "--ledger", str(root))
    row = report_row(report, "1.2")  # the group as written; its 不涉及 member is counted
    assert "各乡镇(2个单位,已完成 0,不涉及 1):其中未报送:乙乡 |" in row
    assert "本单位直接承担" not in row


def test_overdue_lists_the_support_of_an_owed_item(capsys: Cap, write_ledger: Write) -> None:
    root = write_ledger(tasks=item_11("support: [甲镇]"))
    table = ok(capsys, "overdue", "--unit", "czj", "--as-of", AS_OF, "--ledger", str(root))
    assert "配合单位:甲镇" in table
    document = json.loads(
        ok(capsys, "overdue", "--as-of", AS_OF, "--format", "json", "--ledger", str(root))
    )
    assert document["units"][0]["items"][0]["support"] == ["甲镇"]


def test_diff_names_changed_roles(
    capsys: Cap, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    write_data(root, {"tasks.yaml": TASKS, "units.yaml": UNITS})
    git(root, "add", "data")
    git(root, "commit", "-q", "-m", "base")
    git(root, "checkout", "-q", "-b", "feature")
    write_data(root, {"tasks.yaml": item_11("lead: [甲镇, 乙乡]\nsupport: 甲镇\nreport_by: lead")})
    git(root, "commit", "-q", "-am", "roles")
    monkeypatch.chdir(root)
    out = ok(capsys, "diff", "main", "feature", "--as-of", AS_OF)
    for line in ("牵头单位:(无) → 甲镇、乙乡", "配合单位:(无) → 甲镇", "报送方式:all → lead"):
        assert line in out, out


def test_group_members_may_be_one_joined_cell(
    capsys: pytest.CaptureFixture[str], write_ledger: Write
) -> None:
    tasks = TASKS.replace("owners: [县财政局]", "owners: 县财政局、甲镇")
    units = UNITS.replace("members: [甲镇, 乙乡]", "members: 甲镇、乙乡")
    root = write_ledger(tasks, units)
    result = run_ledger(capsys, "check", "--ledger", str(root), "--as-of", "2022-10-15")
    assert result.code == 0, result.out + result.err
    assert "empty-group" not in result.out + result.err
    out = run_ledger(
        capsys, "export", "--ledger", str(root), "--as-of", "2022-10-15", "--format", "json"
    ).out
    rows = {(r["item"], r["unit"]) for r in json.loads(out)["unit_items"]}
    assert {("1.1", "县财政局"), ("1.1", "甲镇"), ("1.2", "甲镇"), ("1.2", "乙乡")} <= rows


def test_fmt_quotes_a_listed_name_yaml_would_misread(
    capsys: pytest.CaptureFixture[str], write_ledger: Write
) -> None:
    root = write_ledger(TASKS.replace("owners: [县财政局]", 'owners: "县财政局、yes"'), UNITS)
    result = run_ledger(capsys, "fmt", str(root / "tasks.yaml"))
    assert result.code == 0, result.out + result.err
    assert 'owners: [县财政局, "yes"]' in (root / "tasks.yaml").read_text(encoding="utf-8")


def test_a_leads_na_under_report_by_lead_is_not_done(capsys: Cap, write_ledger: Write) -> None:
    """The lead reports for the whole item: its 不涉及 cannot settle an item others work on."""
    tasks = item_11("lead: 甲镇\nreport_by: lead", owners="[县财政局, 各乡镇]")
    progress = {
        "aaz.yaml": """\
            unit: 甲镇
            reports:
              - item: "1.1"
                date: 2022-10-10
                status: 不涉及
                reason: 本镇无此事项
            """
    }
    root = write_ledger(tasks=tasks, progress=progress)
    code, problems = check(capsys, root)
    assert code == 0 and [rule for _, _, rule in problems] == ["direct-na"]
    result = run_ledger(capsys, "check", "--as-of", AS_OF, "--ledger", str(root))
    assert "由牵头单位负责报告" in result.out + result.err  # the warning says why it does not count
    shown = json.loads(
        ok(capsys, "show", "1.1", "--as-of", AS_OF, "--format", "json", "--ledger", str(root))
    )
    assert shown["done"] is False
    assert [(u["unit"], u["status"], u["overdue"]) for u in shown["units"]] == [
        ("甲镇", "未启动", True)
    ]
    report = ok(capsys, "report", "--month", "2022-10", "--ledger", str(root))
    assert "| 全部完成 |" not in report and "0 个条目已全部完成" in report
    assert "1.1" in overdue_units(capsys, root)["甲镇"]


def test_a_cell_inside_a_list_is_split_like_the_cell(capsys: Cap, write_ledger: Write) -> None:
    """owners: [县财政局、甲镇] is a pasted cell in a list: two owners, as owners: 县财政局、甲镇."""
    root = write_ledger(tasks=item_11("", owners="[县财政局、甲镇]"))
    assert check(capsys, root) == (0, [])
    assert owing(capsys, root) == ["县财政局", "甲镇"]
    assert "甲镇" in overdue_units(capsys, root)
    assert run_ledger(capsys, "fmt", "--check", "--ledger", str(root)).code != 0
    assert ok(capsys, "fmt", "--ledger", str(root))
    written = (root / "tasks.yaml").read_text(encoding="utf-8")
    assert "owners: [县财政局, 甲镇]\n" in written
    assert owing(capsys, root) == ["县财政局", "甲镇"]
    assert run_ledger(capsys, "fmt", "--check", "--ledger", str(root)).code == 0
    quoted = write_ledger(tasks=item_11("", owners='["县财政局、甲镇"]'))  # as written: one name
    assert check(capsys, quoted)[1] == [(20, 18, "unknown-unit")]
