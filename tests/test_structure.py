"""Other counties' shapes: nested sections, per-task/item cadence, no 完成时间 column, no 文号,
unnumbered items, tasks without a section — through the CLI, as a user sees them."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from gongkai_ledger.core.model import Cadence
from gongkai_ledger.core.status import previous_period_start
from gongkai_ledger.files.load import load_ledger
from gongkai_ledger.views.report import report_context

from .cli_run import Run, run_ledger
from .conftest import Write, found
from .ledgers import TASKS, UNITS

Capsys = pytest.CaptureFixture[str]

# A 2023 district plan: three levels of sections, no 文号 or issuer, no 完成时间 column for
# most rows, unnumbered items, and cadences per task and item.
DISTRICT = """\
plan:
  title: 2023年某区政务公开工作要点
  year: 2023
  default_deadline: 年底前
  update_every: 月
  item_ids: free
sections:
  - id: 一
    title: 主动公开
  - id: 一.1
    parent: 一
    title: 基础信息公开
  - id: 一.1.1
    parent: 一.1
    label: "1."
    title: 行政规范性文件
  - id: 二
    title: 依申请公开
tasks:
  - id: 1
    section: 一.1.1
    title: 规范性文件公开
    deadline: 常态化更新
    update_every: 季
    items:
      - id: a
        content: 按季度公开规范性文件。
        owners: [县财政局]
      - id: b
        content: 每半年清理一次。
        owners: [县财政局]
        update_every: 半年
      - id: e
        content: 每月公开。
        owners: [县财政局]
        update_every: 月
      - id: f
        content: 按季度公开解读。
        owners: [县财政局]
  - id: 2
    section: 一
    title: 直属第一层的任务
    items:
      - id: c
        content: 没写完成时间。
        owners: [县财政局]
  - id: 3
    section: 二
    title: 依申请公开答复
    items:
      - id: d
        content: 规范答复。
        owners: [县财政局]
        deadline: 2023年6月
"""

DISTRICT_PROGRESS = """\
unit: 县财政局
reports:
  - item: a
    date: 2023-08-15
    status: 推进中
    summary: 已公开三季度文件
  - item: b
    date: 2023-02-10
    status: 推进中
    summary: 已清理
  - item: e
    date: 2023-08-15
    status: 推进中
    summary: 已公开
  - item: f
    date: 2023-05-01
    status: 推进中
    summary: 已公开
"""

AS_OF = "2023-10-20"


@pytest.fixture
def district(write_ledger: Write) -> Path:
    return write_ledger(DISTRICT, UNITS, {"czj.yaml": DISTRICT_PROGRESS})


def ok(capsys: Capsys, *args: str) -> str:
    run: Run = run_ledger(capsys, *args)
    assert (run.code, run.err) == (0, ""), run.err
    return run.out


def unit_items(capsys: Capsys, root: Path) -> dict[str, dict[str, object]]:
    out = ok(capsys, "export", "--ledger", str(root), "--as-of", AS_OF, "--format", "json")
    return {row["item"]: row for row in json.loads(out)["unit_items"]}


def test_the_district_plan_passes_check(capsys: Capsys, district: Path) -> None:
    run = run_ledger(capsys, "check", "--ledger", str(district), "--as-of", AS_OF)
    assert run.code == 0, run.out + run.err


# -- update_every on a task or an item ------------------------------------------------------


def test_cadence_item_over_task_over_plan(capsys: Capsys, district: Path) -> None:
    rows = unit_items(capsys, district)
    # a: the task's 季 (since 07-01); b: its own 半年 (since 01-01); e: its own 月 (since 09-01)
    assert {item: rows[item]["stale"] for item in "abef"} == {
        "a": False,
        "b": False,
        "e": True,
        "f": True,
    }


def test_without_overrides_the_plans_cadence_counts(capsys: Capsys, write_ledger: Write) -> None:
    plain = re.sub(r"\n *update_every: (季|半年)", "", DISTRICT)
    rows = unit_items(capsys, write_ledger(plain, UNITS, {"czj.yaml": DISTRICT_PROGRESS}))
    assert {item: rows[item]["stale"] for item in "abef"} == dict.fromkeys("abef", True)


def test_half_year_periods() -> None:
    assert previous_period_start(date(2023, 10, 20), Cadence.HALF_YEAR) == date(2023, 1, 1)
    assert previous_period_start(date(2023, 3, 1), Cadence.HALF_YEAR) == date(2022, 7, 1)
    assert previous_period_start(date(2023, 7, 1), Cadence.HALF_YEAR) == date(2023, 1, 1)


def test_the_report_and_show_name_a_cadence_other_than_the_plans(
    capsys: Capsys, district: Path
) -> None:
    md = ok(capsys, "report", "--ledger", str(district), "--month", "2023-10")
    assert "| 1 | 县财政局 | 2 | e(2023年8月15日)、f(2023年5月1日,按季报送) |" in md
    html = ok(capsys, "report", "--ledger", str(district), "--month", "2023-10", "--format", "html")
    assert "f(2023年5月1日,按季报送)" in html
    shown = ok(capsys, "show", "b", "--ledger", str(district), "--as-of", AS_OF)
    assert "报送周期:半年\n" in shown
    plain = ok(capsys, "show", "c", "--ledger", str(district), "--as-of", AS_OF)
    assert "报送周期" not in plain


def test_an_unknown_cadence_is_refused(write_ledger: Write) -> None:
    tasks = DISTRICT.replace("update_every: 半年", "update_every: 周")
    assert found(write_ledger(tasks, UNITS)) == [("tasks.yaml", 32, 23, "wrong-type")]


# -- plan.default_deadline, plan without 文号 or issuer ---------------------------------------


def test_default_deadline_fills_the_missing_column(capsys: Capsys, district: Path) -> None:
    rows = unit_items(capsys, district)
    assert (rows["c"]["deadline"], rows["c"]["due"]) == ("(未写明,按年底前)", "2023-12-31")
    assert (rows["d"]["deadline"], rows["d"]["due"]) == ("2023年6月", "2023-06-30")
    md = ok(capsys, "report", "--ledger", str(district), "--month", "2023-10")
    assert "| c | 没写完成时间。 | (未写明,按年底前) | 0/1 | 未报送:县财政局 |" in md
    shown = ok(capsys, "show", "c", "--ledger", str(district), "--as-of", AS_OF)
    assert "完成时间:(未写明,按年底前)(到期日 2023-12-31)\n" in shown


def test_without_default_deadline_the_item_has_none(write_ledger: Write) -> None:
    tasks = DISTRICT.replace("  default_deadline: 年底前\n", "")
    assert found(write_ledger(tasks, UNITS)) == [("tasks.yaml", 43, 9, "missing-deadline")]


def test_a_bad_default_deadline_is_reported_where_written(write_ledger: Write) -> None:
    tasks = DISTRICT.replace("default_deadline: 年底前", "default_deadline: 某时")
    assert found(write_ledger(tasks, UNITS)) == [("tasks.yaml", 4, 21, "deadline-format")]


def test_no_empty_brackets_without_doc_no_or_issuer(capsys: Capsys, district: Path) -> None:
    md = ok(capsys, "report", "--ledger", str(district), "--month", "2023-10")
    assert "\n- 依据:《2023年某区政务公开工作要点》\n" in md
    assert "()" not in md
    html = ok(capsys, "report", "--ledger", str(district), "--month", "2023-10", "--format", "html")
    assert "依据" not in html
    assert 'class="issuer"' not in html


def test_doc_no_without_issuer(capsys: Capsys, write_ledger: Write) -> None:
    tasks = DISTRICT.replace("  year: 2023\n", "  year: 2023\n  doc_no: 某府办发〔2023〕2号\n")
    root = write_ledger(tasks, UNITS, {"czj.yaml": DISTRICT_PROGRESS})
    md = ok(capsys, "report", "--ledger", str(root), "--month", "2023-10")
    assert "\n- 依据:《2023年某区政务公开工作要点》(某府办发〔2023〕2号)\n" in md


# -- nested sections ----------------------------------------------------------------------


def headings(text: str) -> list[str]:
    part = text.split("## 二、各项任务进展")[1].split("## 三、")[0]
    return [line for line in part.splitlines() if line.startswith("#")]


def test_the_report_keeps_the_documents_nesting(capsys: Capsys, district: Path) -> None:
    md = ok(capsys, "report", "--ledger", str(district), "--month", "2023-10")
    assert headings(md) == [
        "### (一)主动公开",
        "#### 2. 直属第一层的任务",
        "#### (一)基础信息公开",
        "##### 1.行政规范性文件",
        "###### 1. 规范性文件公开(完成时间:常态化更新)",
        "### (二)依申请公开",
        "#### 3. 依申请公开答复",
    ]
    html = ok(capsys, "report", "--ledger", str(district), "--month", "2023-10", "--format", "html")
    assert "<h3>(一)主动公开</h3>" in html
    assert "<h4>(一)基础信息公开</h4>" in html
    assert "<h5>1.行政规范性文件</h5>" in html
    shown = ok(capsys, "show", "a", "--ledger", str(district), "--as-of", AS_OF)
    assert "\n章节:一、主动公开 > (一)基础信息公开 > 1.行政规范性文件\n" in shown


def test_the_report_numbers_sections_by_place_and_label_never_by_id(
    capsys: Capsys, write_ledger: Write
) -> None:
    tasks = TASKS.replace(
        "  - id: 一\n    title: 第一部分\n", "  - id: S9\n    title: 第一部分\n"
    ).replace("section: 一\n", "section: S9\n")
    root = write_ledger(tasks, UNITS)
    md = ok(capsys, "report", "--ledger", str(root), "--month", "2022-10")
    assert "### (一)第一部分\n" in md
    assert "(S9)" not in md
    html = ok(
        capsys,
        *("report", "--ledger", str(root), "--month", "2022-10", "--format", "html"),
        *("--unit", "县财政局"),
    )
    assert ">(一)第一部分</text>" in html
    assert "(S9)" not in html


def test_a_sections_tally_includes_its_parts(capsys: Capsys, district: Path) -> None:
    html = ok(
        capsys,
        *("report", "--ledger", str(district), "--month", "2023-10", "--format", "html"),
        *("--unit", "县财政局"),
    )
    # 主动公开: its own item c and the four of 行政规范性文件, two levels down
    assert '<th scope="row">(一)主动公开</th><td class="num">5</td>' in html
    assert '<th scope="row">(一)基础信息公开</th><td class="num">4</td>' in html
    assert '<th scope="row">(二)依申请公开</th><td class="num">1</td>' in html
    context = report_context(load_ledger(district).ledger, (2023, 10))
    shape = [
        (s["id"], s["level"], s["parent"], s["label"], s["tally"]["unit_items"])
        for s in context["sections"]
    ]
    assert shape == [
        ("一", 1, "", "一、", 5),
        ("一.1", 2, "一", "(一)", 4),
        ("一.1.1", 3, "一.1", "1.", 4),
        ("二", 1, "", "二、", 1),
    ]


def test_section_parent_unknown_and_cycles(write_ledger: Write) -> None:
    tasks = DISTRICT.replace("parent: 一.1\n", "parent: 一.9\n")
    assert found(write_ledger(tasks, UNITS)) == [("tasks.yaml", 14, 13, "section-parent")]
    circle = DISTRICT.replace(
        "  - id: 一\n    title: 主动公开\n", "  - id: 一\n    parent: 一.1.1\n    title: 主动公开\n"
    )
    assert found(write_ledger(circle, UNITS)) == [
        ("tasks.yaml", 9, 13, "section-parent"),
        ("tasks.yaml", 12, 13, "section-parent"),
        ("tasks.yaml", 15, 13, "section-parent"),
    ]


def test_a_plan_without_sections_shows_every_task(capsys: Capsys, write_ledger: Write) -> None:
    tasks = re.sub(r"sections:\n(  .*\n)+", "", TASKS).replace("    section: 一\n", "")
    assert "section" not in tasks
    root = write_ledger(tasks, UNITS)
    md = ok(capsys, "report", "--ledger", str(root), "--month", "2022-12")
    assert headings(md) == ["#### 1. 任务一(完成时间:2022年9月并持续更新)"]
    assert "| 1.1 | 条目一 |" in md
    assert "| 1.2 | 条目二 |" in md


# -- plan.item_ids ----------------------------------------------------------------------------


def test_free_item_ids_need_no_task_prefix(write_ledger: Write) -> None:
    assert found(write_ledger(DISTRICT, UNITS)) == []
    prefixed = DISTRICT.replace("  item_ids: free\n", "")
    assert [f[3] for f in found(write_ledger(prefixed, UNITS))] == ["item-id-prefix"] * 6
    explicit = DISTRICT.replace("item_ids: free", "item_ids: prefixed")
    assert [f[3] for f in found(write_ledger(explicit, UNITS))] == ["item-id-prefix"] * 6


def test_an_unknown_item_ids_value_is_refused(write_ledger: Write) -> None:
    tasks = DISTRICT.replace("item_ids: free", "item_ids: 随意")
    problems = found(write_ledger(tasks, UNITS))
    assert problems[0] == ("tasks.yaml", 6, 13, "wrong-type")


# -- fmt knows the new keys --------------------------------------------------------------------


def test_fmt_writes_the_new_keys_in_order(capsys: Capsys, write_ledger: Write) -> None:
    shuffled = (
        DISTRICT.replace(
            '  - id: 一.1.1\n    parent: 一.1\n    label: "1."\n    title: 行政规范性文件\n',
            '  - parent: 一.1\n    title: 行政规范性文件\n    label: "1."\n    id: 一.1.1\n',
        )
        .replace("  item_ids: free\n", "")
        .replace(
            "  title: 2023年某区政务公开工作要点\n",
            "  item_ids: free\n  title: 2023年某区政务公开工作要点\n",
        )
    )
    formatted = []
    for text in (DISTRICT, shuffled):
        root = write_ledger(text, UNITS)
        assert run_ledger(capsys, "fmt", "--ledger", str(root)).code == 0
        formatted.append((root / "tasks.yaml").read_text(encoding="utf-8"))
    assert formatted[0] == formatted[1]
    assert (
        '  - id: 一.1.1\n    label: "1."\n    title: 行政规范性文件\n    parent: 一.1\n'
        in formatted[0]
    )


def test_tasks_outside_the_sections_come_last_as_other_tasks(
    capsys: Capsys, write_ledger: Write
) -> None:
    tasks = DISTRICT.replace("    section: 二\n", "")
    root = write_ledger(tasks, UNITS)
    assert found(root) == []  # a task without a section is no error: it is 其他任务
    context = report_context(load_ledger(root).ledger, (2023, 10))
    last = context["sections"][-1]
    assert (last["id"], last["title"], [t["id"] for t in last["tasks"]]) == ("", "其他任务", ["3"])
    assert "二" not in [s["id"] for s in context["sections"]]
    assert sum(s["tally"]["unit_items"] for s in context["sections"] if s["level"] == 1) == 6
    md = ok(capsys, "report", "--ledger", str(root), "--month", "2023-10")
    assert headings(md)[-2:] == ["### 其他任务", headings(md)[-1]]
    assert headings(md)[-1].startswith("#### 3.")


@pytest.mark.slow
def test_a_very_deep_chain_of_sections_shows_and_reports(
    capsys: Capsys, write_ledger: Write
) -> None:
    chain = "".join(
        f"  - id: s{n}\n" + (f"    parent: s{n - 1}\n" if n else "") + f"    title: 第{n}层\n"
        for n in range(1200)
    )
    tasks = TASKS.replace("  - id: 一\n    title: 第一部分\n", chain).replace(
        "section: 一\n", "section: s1199\n"
    )
    root = write_ledger(tasks, UNITS)
    shown = ok(capsys, "show", "1.1", "--ledger", str(root), "--as-of", "2022-10-15")
    assert "第1199层" in shown
    md = ok(capsys, "report", "--ledger", str(root), "--month", "2022-10")
    assert md.count("第1199层") == 1
