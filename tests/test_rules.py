"""Each check rule on an inline ledger: the expected (file, line, col, rule)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import Write, found
from .ledgers import TASKS, UNITS

PROGRESS_OK = """\
unit: 县财政局
reports:
  - item: "1.1"
    date: 2022-09-26
    status: 已完成
    summary: 已在门户网站公开
    evidence: [https://example.gov.cn/1]
"""


def test_clean_progress_file(write_ledger: Write) -> None:
    assert found(write_ledger(progress={"czj.yaml": PROGRESS_OK})) == []


# -- reading the file --------------------------------------------------------


def test_syntax(write_ledger: Write) -> None:
    tasks = TASKS.replace("  title: 2022年某县政务公开工作要点", "  title: [未闭合")
    assert found(write_ledger(tasks=tasks)) == [("tasks.yaml", 2, 10, "syntax")]


def test_tabs(write_ledger: Write) -> None:
    tasks = TASKS.replace("  year: 2022", "\tyear: 2022")
    assert found(write_ledger(tasks=tasks)) == [("tasks.yaml", 6, 1, "tabs")]


def test_duplicate_key(write_ledger: Write) -> None:
    tasks = TASKS.replace("  year: 2022\n", "  year: 2022\n  year: 2023\n")
    assert found(write_ledger(tasks=tasks)) == [("tasks.yaml", 7, 3, "duplicate-key")]


def test_anchor_and_alias(write_ledger: Write) -> None:
    tasks = TASKS.replace("owners: [县财政局]", "owners: &o [县财政局]").replace(
        "owners: [各乡镇]", "owners: *o"
    )
    assert found(write_ledger(tasks=tasks)) == [
        ("tasks.yaml", 20, 17, "anchor"),
        ("tasks.yaml", 23, 17, "anchor"),
    ]


def test_python_tag_is_refused_not_run(write_ledger: Write, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    tasks = TASKS.replace(
        "content: 条目一", f"content: !!python/object/apply:os.system ['touch {marker}']"
    )
    assert found(write_ledger(tasks=tasks)) == [("tasks.yaml", 19, 18, "yaml-tag")]
    assert not marker.exists()


def test_gbk_file(write_ledger: Write) -> None:
    root = write_ledger()
    (root / "tasks.yaml").write_bytes(TASKS.encode("gbk"))
    assert found(root) == [("tasks.yaml", 2, 14, "encoding")]


def test_bom_is_a_warning(write_ledger: Write) -> None:
    root = write_ledger()
    (root / "units.yaml").write_bytes(b"\xef\xbb\xbf" + UNITS.encode())
    assert found(root) == [("units.yaml", 1, 1, "bom")]


# -- shape --------------------------------------------------------------------


def test_unknown_key_with_hint(write_ledger: Write) -> None:
    tasks = TASKS.replace("        owners: [县财政局]", "        owner: [县财政局]")
    assert found(write_ledger(tasks=tasks)) == [
        ("tasks.yaml", 18, 9, "missing-key"),
        ("tasks.yaml", 20, 9, "unknown-key"),
    ]


def test_wrong_type(write_ledger: Write) -> None:
    tasks = TASKS.replace("  year: 2022", "  year: 二〇二二")
    assert found(write_ledger(tasks=tasks)) == [("tasks.yaml", 6, 9, "wrong-type")]


def test_numeric_item_id(write_ledger: Write) -> None:
    tasks = TASKS.replace('- id: "1.2"', "- id: 1.10")
    assert found(write_ledger(tasks=tasks)) == [("tasks.yaml", 21, 13, "numeric-id")]


def test_impossible_dates(write_ledger: Write) -> None:
    tasks = TASKS.replace("issued: 2022-03-01", "issued: 2022-02-30").replace(
        "deadline: 2022年12月", "deadline: 2022年2月30日"
    )
    assert found(write_ledger(tasks=tasks)) == [
        ("tasks.yaml", 5, 11, "impossible-date"),
        ("tasks.yaml", 24, 19, "impossible-date"),
    ]


def test_deadline_outside_grammar(write_ledger: Write) -> None:
    tasks = TASKS.replace("deadline: 2022年12月", "deadline: 尽快")
    problems = found(write_ledger(tasks=tasks))
    assert problems == [("tasks.yaml", 24, 19, "deadline-format")]


def test_missing_deadline(write_ledger: Write) -> None:
    tasks = TASKS.replace("    deadline: 2022年9月并持续更新\n", "")
    assert found(write_ledger(tasks=tasks)) == [("tasks.yaml", 17, 9, "missing-deadline")]


# -- meaning ------------------------------------------------------------------


def test_duplicate_item_id(write_ledger: Write) -> None:
    tasks = TASKS.replace('- id: "1.2"', '- id: "1.1"')
    assert found(write_ledger(tasks=tasks)) == [("tasks.yaml", 21, 9, "duplicate-id")]


def test_item_id_prefix(write_ledger: Write) -> None:
    tasks = TASKS.replace('- id: "1.2"', '- id: "2.1"')
    assert found(write_ledger(tasks=tasks)) == [("tasks.yaml", 21, 9, "item-id-prefix")]


def test_unknown_section(write_ledger: Write) -> None:
    tasks = TASKS.replace("    section: 一", "    section: 二")
    assert found(write_ledger(tasks=tasks)) == [("tasks.yaml", 14, 14, "unknown-section")]


def test_unknown_unit_with_suggestion(write_ledger: Write) -> None:
    from datetime import date

    from gongkai_ledger.ops.check import check_ledger

    root = write_ledger(tasks=TASKS.replace("owners: [县财政局]", "owners: [县财正局]"))
    problems = check_ledger(root, date(2022, 12, 31))
    assert [(p.source.line, p.source.col, p.rule) for p in problems] == [(20, 18, "unknown-unit")]
    assert problems[0].hint == "是否为“县财政局”?"


def test_empty_owners(write_ledger: Write) -> None:
    tasks = TASKS.replace("owners: [县财政局]", "owners: []")
    assert found(write_ledger(tasks=tasks)) == [("tasks.yaml", 20, 17, "no-owner")]


def test_task_without_items(write_ledger: Write) -> None:
    tasks = TASKS.split("    items:")[0] + "    items: []\n"
    assert found(write_ledger(tasks=tasks)) == [("tasks.yaml", 17, 12, "no-owner")]


def test_duplicate_unit_name_and_alias(write_ledger: Write) -> None:
    units = UNITS.replace("    name: 乙乡\n", "    name: 乙乡\n    aliases: [财政局]\n")
    assert found(write_ledger(units=units)) == [("units.yaml", 9, 5, "duplicate-unit")]


def test_unit_id_format(write_ledger: Write) -> None:
    units = UNITS.replace("  - id: bbx", "  - id: 乙乡")
    assert found(write_ledger(units=units)) == [("units.yaml", 9, 9, "unit-id-format")]


def test_group_cycle(write_ledger: Write) -> None:
    units = UNITS + "  - name: 全部\n    members: [各乡镇]\n"
    units = units.replace("members: [甲镇, 乙乡]", "members: [甲镇, 乙乡, 全部]")
    assert found(write_ledger(units=units)) == [("units.yaml", 13, 5, "group-cycle")]


def test_a_lead_outside_owners_is_no_problem(write_ledger: Write) -> None:
    tasks = TASKS.replace("owners: [县财政局]", "owners: [县财政局]\n        lead: 甲镇")
    assert found(write_ledger(tasks=tasks)) == []


def test_role_conflict_support_that_also_owes(write_ledger: Write) -> None:
    tasks = TASKS.replace(
        "owners: [县财政局]", "owners: [县财政局]\n        support: [财政局, 甲镇]"
    )
    assert found(write_ledger(tasks=tasks)) == [("tasks.yaml", 21, 19, "role-conflict")]


def test_role_conflict_report_by_lead_without_a_lead(write_ledger: Write) -> None:
    tasks = TASKS.replace("owners: [县财政局]", "owners: [县财政局]\n        report_by: lead")
    assert found(write_ledger(tasks=tasks)) == [("tasks.yaml", 18, 9, "role-conflict")]


def test_empty_group(write_ledger: Write) -> None:
    units = UNITS + "  - name: 各街道\n    members: []\n  - name: 全部街道\n    members: [各街道]\n"
    assert found(write_ledger(units=units)) == [
        ("units.yaml", 15, 5, "empty-group"),
        ("units.yaml", 17, 5, "empty-group"),
    ]


def test_direct_na_is_a_warning_through_a_group_it_is_not(write_ledger: Write) -> None:
    na = "    status: 不涉及\n    reason: 本单位无此职能\n"
    direct = PROGRESS_OK.replace("    status: 已完成\n", na)
    through_group = 'unit: 甲镇\nreports:\n  - item: "1.2"\n    date: 2022-09-26\n' + na
    assert found(write_ledger(progress={"czj.yaml": direct, "aaz.yaml": through_group})) == [
        ("czj.yaml", 5, 13, "direct-na")
    ]


# -- progress files -----------------------------------------------------------


def test_report_in_another_units_file(write_ledger: Write) -> None:
    assert found(write_ledger(progress={"aaz.yaml": PROGRESS_OK})) == [
        ("aaz.yaml", 1, 7, "progress-file")
    ]


def test_report_on_unknown_item(write_ledger: Write) -> None:
    progress = PROGRESS_OK.replace('item: "1.1"', 'item: "1.9"')
    assert found(write_ledger(progress={"czj.yaml": progress})) == [
        ("czj.yaml", 3, 11, "unknown-item")
    ]


def test_report_by_a_unit_that_does_not_own_the_item(write_ledger: Write) -> None:
    progress = PROGRESS_OK.replace('item: "1.1"', 'item: "1.2"')
    assert found(write_ledger(progress={"czj.yaml": progress})) == [
        ("czj.yaml", 3, 11, "not-owner")
    ]


def test_report_through_a_group_is_owned(write_ledger: Write) -> None:
    progress = PROGRESS_OK.replace("unit: 县财政局", "unit: 甲镇").replace('"1.1"', '"1.2"')
    assert found(write_ledger(progress={"aaz.yaml": progress})) == []


def test_unknown_status(write_ledger: Write) -> None:
    progress = PROGRESS_OK.replace("status: 已完成", "status: 完成了")
    assert found(write_ledger(progress={"czj.yaml": progress})) == [
        ("czj.yaml", 5, 13, "unknown-status")
    ]


def test_report_dated_after_as_of(write_ledger: Write) -> None:
    progress = PROGRESS_OK.replace("date: 2022-09-26", "date: 2023-01-05")
    assert found(write_ledger(progress={"czj.yaml": progress})) == [
        ("czj.yaml", 4, 11, "future-report")
    ]


def test_not_applicable_needs_a_reason(write_ledger: Write) -> None:
    progress = """\
    unit: 甲镇
    reports:
      - item: "1.2"
        date: 2022-10-01
        status: 不涉及
    """
    assert found(write_ledger(progress={"aaz.yaml": progress})) == [
        ("aaz.yaml", 5, 13, "na-reason")
    ]
    with_reason = progress.replace("status: 不涉及", "status: 不涉及\n        reason: 本镇无此事项")
    assert found(write_ledger(progress={"aaz.yaml": with_reason})) == []


def test_done_without_evidence_is_a_warning(write_ledger: Write) -> None:
    progress = PROGRESS_OK.replace("    evidence: [https://example.gov.cn/1]\n", "")
    assert found(write_ledger(progress={"czj.yaml": progress})) == [
        ("czj.yaml", 5, 13, "no-evidence")
    ]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "unit: 县财政局\nreports:\n  - item: 1.1\n    date: 2022-09-26\n"
            "    status: 推进中\n    summary: x\n",
            "numeric-id",
        ),
        (
            'unit: 县财政局\nreports:\n  - item: "1.1"\n    date: 2022-9-31\n'
            "    status: 推进中\n    summary: x\n",
            "impossible-date",
        ),
    ],
)
def test_progress_value_rules(write_ledger: Write, text: str, rule: str) -> None:
    assert [p[3] for p in found(write_ledger(progress={"czj.yaml": text}))] == [rule]


@pytest.mark.parametrize("deadline", ["0000年底前", "0000年9月", "0000-09"])
def test_out_of_range_years_are_impossible_dates(write_ledger: Write, deadline: str) -> None:
    tasks = TASKS.replace("deadline: 2022年12月", f"deadline: {deadline}")
    assert found(write_ledger(tasks=tasks)) == [("tasks.yaml", 24, 19, "impossible-date")]


def test_plan_year_out_of_range(write_ledger: Write) -> None:
    tasks = TASKS.replace("  year: 2022", "  year: 0")
    assert ("tasks.yaml", 6, 9, "wrong-type") in found(write_ledger(tasks=tasks))


def test_an_anchor_alone_does_not_hide_other_problems(write_ledger: Write) -> None:
    tasks = TASKS.replace("owners: [县财政局]", "owners: &o [县财正局]")
    assert found(write_ledger(tasks=tasks)) == [
        ("tasks.yaml", 20, 17, "anchor"),
        ("tasks.yaml", 20, 21, "unknown-unit"),
    ]


@pytest.mark.parametrize("reserved", ["con", "nul", "aux", "prn", "com1", "lpt9"])
def test_a_unit_id_windows_cannot_use_as_a_file_name(write_ledger: Write, reserved: str) -> None:
    units = UNITS.replace("  - id: bbx", f"  - id: {reserved}")
    assert "unit-id-format" in {rule for _, _, _, rule in found(write_ledger(units=units))}
