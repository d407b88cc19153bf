"""`ledger rollover`: next year's ledger with a 回头看 section, the old ledger left as it was."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import yaml

from gongkai_ledger.core.registry import Registry
from gongkai_ledger.files.load import load_ledger
from gongkai_ledger.render.rollover import scalar, to_tasks_yaml
from gongkai_ledger.views.rollover import rollover

from .cli_run import run_ledger
from .conftest import Write
from .goldens import assert_golden
from .ledgers import HOSTILE_TEXTS, REPO, SHIPPED

ROLLOVER_LEDGER = REPO / "tests" / "fixtures" / "rollover_ledger"
WRITTEN = [
    "calendar.yaml",
    "progress/README.md",
    "report.yaml",
    "tasks.yaml",
    "units.yaml",
]


def files_under(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def old(tmp_path: Path) -> Path:
    root = tmp_path / "2022"
    shutil.copytree(ROLLOVER_LEDGER, root)
    return root


def test_rollover_writes_next_year_golden(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, old: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    before = files_under(old)
    run = run_ledger(capsys, "rollover", "--year", "2023", "-o", "2023", "--ledger", "2022")
    assert (run.code, run.err) == (0, "")
    assert_golden("rollover/stdout.txt", run.out)
    new = tmp_path / "2023"
    assert_golden("rollover/tasks.yaml", (new / "tasks.yaml").read_text(encoding="utf-8"))
    written = files_under(new)
    assert sorted(written) == WRITTEN  # progress/ is empty but for its README
    for name in ("units.yaml", "calendar.yaml", "report.yaml"):
        assert written[name] == before[name]  # copied byte for byte, comments and all
    assert files_under(old) == before  # the old ledger is untouched


def test_the_new_ledger_passes_check_and_fmt(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, old: Path
) -> None:
    new = tmp_path / "2023"
    assert (
        run_ledger(capsys, "rollover", "--year", "2023", "-o", str(new), "--ledger", str(old)).code
        == 0
    )
    checked = run_ledger(capsys, "check", "--strict", "--ledger", str(new), "--as-of", "2023-01-05")
    assert (checked.code, checked.out) == (0, ""), checked.err
    assert run_ledger(capsys, "fmt", "--check", "--ledger", str(new)).code == 0
    overdue = run_ledger(
        capsys, "overdue", "--ledger", str(new), "--as-of", "2023-07-10", "--format", "json"
    )
    assert overdue.code == 0, overdue.err
    # the old ledger reads as before
    assert run_ledger(capsys, "check", "--ledger", str(old), "--as-of", "2022-12-31").code == 0


def test_why_each_unit_is_carried_and_who_owes_it() -> None:
    view = rollover(load_ledger(ROLLOVER_LEDGER).ledger, 2023, date(2022, 12, 31))
    got = {c.item.id: ([(o.unit, o.why) for o in c.owed], list(c.owners)) for c in view.carried}
    assert got == {
        # 1.1 (on time) and 3.1 (on time) are not carried; 甲镇 reported 不涉及 on 1.3
        "1.2": ([("区住建局", "逾期完成")], ["区住建局"]),
        "1.3": ([("区财政局", "逾期未完成"), ("乙乡", "未报送")], ["区财政局", "乙乡"]),
        "2.1": ([("区住建局", "未完成")], ["区住建局"]),
        "2.2": ([("区住建局", "逾期完成")], ["区住建局"]),  # 区财政局 was on time
    }
    assert [task.id for task, _ in view.tasks] == ["1", "2"]


def test_as_of_moves_the_standing() -> None:
    view = rollover(load_ledger(ROLLOVER_LEDGER).ledger, 2023, date(2022, 8, 31))
    got = {c.item.id: [(o.unit, o.why) for o in c.owed] for c in view.carried}
    assert got["1.3"] == [("区财政局", "未报送"), ("乙乡", "未报送")]  # not due yet
    assert got["2.2"] == [("区财政局", "未报送"), ("区住建局", "未报送")]


def test_as_of_option(capsys: pytest.CaptureFixture[str], tmp_path: Path, old: Path) -> None:
    new = tmp_path / "2023"
    run = run_ledger(
        capsys,
        "rollover",
        "--year",
        "2023",
        "-o",
        str(new),
        "--ledger",
        str(old),
        "--as-of",
        "2022-06-25",
    )
    assert run.code == 0, run.err
    tasks = yaml.safe_load((new / "tasks.yaml").read_text(encoding="utf-8"))
    ids = [i["id"] for t in tasks["tasks"] for i in t["items"]]
    assert ids == ["H1.2", "H1.3", "H2.1", "H2.2"]  # 1.1 done on 06-20, 3.1 on 05-10
    assert "截至 2022-06-25" in (new / "tasks.yaml").read_text(encoding="utf-8")


def test_nothing_to_carry_still_passes_check(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, old: Path
) -> None:
    new = tmp_path / "2023"
    tasks = (old / "tasks.yaml").read_text(encoding="utf-8")
    keep = tasks[: tasks.index("  - id: 1\n")] + tasks[tasks.index("  - id: 3\n") :]
    (old / "tasks.yaml").write_text(keep, encoding="utf-8")
    for name in ("czj.yaml", "zjj.yaml", "jiaz.yaml"):
        (old / "progress" / name).unlink()
    run = run_ledger(capsys, "rollover", "--year", "2023", "-o", str(new), "--ledger", str(old))
    assert run.code == 0, run.err
    assert "回头看:0 个条目" in run.out
    text = (new / "tasks.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(text)["tasks"] == []
    assert run_ledger(capsys, "check", "--ledger", str(new), "--as-of", "2023-01-05").code == 0
    assert run_ledger(capsys, "fmt", "--check", "--ledger", str(new)).code == 0


@pytest.mark.parametrize("there", ["tasks.yaml", "units.yaml", "progress/README.md"])
def test_refuses_when_any_file_exists_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, old: Path, there: str
) -> None:
    new = tmp_path / "2023"
    (new / there).parent.mkdir(parents=True, exist_ok=True)
    (new / there).write_text("mine\n", encoding="utf-8")
    (new / "report.yaml").write_text("mine too\n", encoding="utf-8")
    run = run_ledger(capsys, "rollover", "--year", "2023", "-o", str(new), "--ledger", str(old))
    assert run.code == 2
    assert "ledger rollover 不覆盖任何文件,什么也没有写" in run.err
    assert f"  {(new / there).as_posix()}\n" in run.err
    assert f"  {(new / 'report.yaml').as_posix()}\n" in run.err  # every one is listed
    assert sorted(files_under(new)) == sorted({there, "report.yaml"})  # nothing written
    assert (new / there).read_text(encoding="utf-8") == "mine\n"


def test_refuses_a_file_where_the_directory_goes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, old: Path
) -> None:
    new = tmp_path / "2023"
    new.write_text("a file\n", encoding="utf-8")
    run = run_ledger(capsys, "rollover", "--year", "2023", "-o", str(new), "--ledger", str(old))
    assert run.code == 2
    assert f"  {new.as_posix()}\n" in run.err
    assert new.read_text(encoding="utf-8") == "a file\n"


@pytest.mark.parametrize("year", ["2022", "2021"])
def test_refuses_a_year_not_after_the_ledgers(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, old: Path, year: str
) -> None:
    new = tmp_path / "new"
    run = run_ledger(capsys, "rollover", "--year", year, "-o", str(new), "--ledger", str(old))
    assert run.code == 2
    assert f"--year {year} 应晚于原台账的年份 2022" in run.err
    assert not new.exists()


def test_refuses_a_ledger_with_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, old: Path
) -> None:
    (old / "progress" / "czj.yaml").write_text("unit: 区财正局\nreports: []\n", encoding="utf-8")
    new = tmp_path / "2023"
    run = run_ledger(capsys, "rollover", "--year", "2023", "-o", str(new), "--ledger", str(old))
    assert run.code == 2
    assert "czj.yaml:1:7" in run.err
    assert not new.exists()


def test_shipped_data_rolls_over(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    before = files_under(SHIPPED)
    new = tmp_path / "2023"
    run = run_ledger(capsys, "rollover", "--year", "2023", "-o", str(new), "--ledger", str(SHIPPED))
    assert run.code == 0, run.err
    assert files_under(SHIPPED) == before
    assert (new / "units.yaml").read_bytes() == (SHIPPED / "units.yaml").read_bytes()
    tasks = yaml.safe_load((new / "tasks.yaml").read_text(encoding="utf-8"))
    assert tasks["plan"]["title"] == "2023年庐山市政务公开工作要点"
    assert "doc_no" not in tasks["plan"] and "issued" not in tasks["plan"]  # for the office
    assert run_ledger(capsys, "check", "--ledger", str(new), "--as-of", "2023-01-05").code == 0
    assert run_ledger(capsys, "fmt", "--check", "--ledger", str(new)).code == 0


@pytest.mark.parametrize(
    "text",
    [
        *HOSTILE_TEXTS,
        *("true", "2023", "- 列表", "a: b", "a #b", "结尾:", " 空格", "[x, y]", "~"),
        *("+1", ".inf", ".5", "=", "0o17", "1_000", "2022-06-30 12:00"),
    ],
)
def test_scalar_reads_back_as_itself(text: str) -> None:
    assert yaml.safe_load(f"k: {scalar(text)}\n") == {"k": text}
    assert yaml.safe_load(f"k: [{scalar(text, flow=True)}]\n") == {"k": [text]}


def test_readme_example_is_the_real_output(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## 下一年度:ledger rollover(回头看)")[1].split("\n## ")[0]
    blocks = section.split("```")
    command, shown, excerpt = blocks[1], blocks[3], blocks[5]
    assert command.strip() == "sh\nledger rollover --year 2023 -o /tmp/2023 --ledger data"
    new = tmp_path / "2023"
    run = run_ledger(capsys, "rollover", "--year", "2023", "-o", str(new), "--ledger", str(SHIPPED))
    assert run.code == 0, run.err
    assert shown.lstrip("\n") == run.out.replace(new.as_posix(), "/tmp/2023")
    written = (new / "tasks.yaml").read_text(encoding="utf-8")
    for line in excerpt.removeprefix("yaml\n").splitlines():
        assert line.replace("……", "") in written, line


@pytest.mark.parametrize("old_dir", ["data/2022", "data"], ids=["year-dirs", "nested"])
def test_several_years_in_one_repository(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    old_dir: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROLLOVER_LEDGER, old_dir)
    run = run_ledger(capsys, "rollover", "--year", "2023", "-o", "data/2023", "--ledger", old_dir)
    assert run.code == 0, run.err
    for ledger in (old_dir, "data/2023"):  # each year is a ledger of its own
        assert run_ledger(capsys, "check", "--ledger", ledger, "--as-of", "2023-01-05").code == 0
    owners = run_ledger(capsys, "codeowners", "--ledger", "data")
    assert (owners.code, owners.err) == (0, "")
    blocks = owners.out.split("\n# 台账目录 ")[1:]
    assert [b.split("\n", 1)[0] for b in blocks] == [old_dir, "data/2023"]
    for block, ledger in zip(blocks, (old_dir, "data/2023"), strict=True):
        assert f"\n/{ledger}/ @org/zfb\n/{ledger}/tasks.yaml @org/zfb\n" in block
        assert f"\n/{ledger}/progress/czj.yaml @org/czj\n" in block
    # one year alone reads as before: no directory comment
    alone = run_ledger(capsys, "codeowners", "--ledger", "data/2023")
    assert alone.code == 0 and "# 台账目录" not in alone.out
    assert "/data/2023/progress/zjj.yaml @org/zjj\n" in alone.out


def test_format_doc_example_is_the_golden() -> None:
    doc = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
    section = doc.split("## 回头看:ledger rollover 写出的新一年台账")[1].split("\n## ")[0]
    example = section.split("```yaml\n")[1].split("```")[0]
    golden = (REPO / "tests" / "golden" / "rollover" / "tasks.yaml").read_text(encoding="utf-8")
    for line in example.splitlines():
        assert line in golden.splitlines(), line
    for word in ("state: 逾期完成\n              completed: 2022-08-10", "state: 未报送"):
        assert word in golden, word
    for word in ("state: 逾期未完成", "state: 未完成"):
        assert word in golden, word


def test_refuses_to_write_over_the_old_ledger(
    capsys: pytest.CaptureFixture[str], old: Path
) -> None:
    before = files_under(old)
    run = run_ledger(capsys, "rollover", "--year", "2023", "-o", str(old), "--ledger", str(old))
    assert run.code == 2
    for name in ("tasks.yaml", "units.yaml", "calendar.yaml", "report.yaml"):
        assert f"  {(old / name).as_posix()}\n" in run.err
    assert files_under(old) == before


@pytest.mark.parametrize(
    "content",
    ["第一行\n第二行", "第一行\n  缩进的第二行", "第一行\n\n空一行", "末尾换行\n", "一行"],
)
def test_content_reads_back_as_itself(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, old: Path, content: str
) -> None:
    tasks = (old / "tasks.yaml").read_text(encoding="utf-8")
    (old / "tasks.yaml").write_text(
        tasks.replace('"公开惠民惠农补贴: 按乡镇逐项公开。"', scalar(content)), encoding="utf-8"
    )
    new = tmp_path / "2023"
    assert (
        run_ledger(capsys, "rollover", "--year", "2023", "-o", str(new), "--ledger", str(old)).code
        == 0
    )
    tasks_new = yaml.safe_load((new / "tasks.yaml").read_text(encoding="utf-8"))
    (item,) = [i for t in tasks_new["tasks"] for i in t["items"] if i["id"] == "H1.3"]
    assert item["content"] == content
    assert run_ledger(capsys, "fmt", "--check", "--ledger", str(new)).code == 0


def test_refuses_a_result_that_would_not_pass_check(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, old: Path
) -> None:
    longest = "1." + "a" * 30  # 32 characters, the longest id; H makes it 33
    tasks = (old / "tasks.yaml").read_text(encoding="utf-8")
    (old / "tasks.yaml").write_text(tasks.replace('"1.3"', f'"{longest}"'), encoding="utf-8")
    (old / "progress" / "czj.yaml").write_text(
        (old / "progress" / "czj.yaml")
        .read_text(encoding="utf-8")
        .replace('"1.3"', f'"{longest}"'),
        encoding="utf-8",
    )
    (old / "progress" / "jiaz.yaml").unlink()
    assert run_ledger(capsys, "check", "--ledger", str(old), "--as-of", "2022-12-31").code == 0
    new = tmp_path / "2023"
    run = run_ledger(capsys, "rollover", "--year", "2023", "-o", str(new), "--ledger", str(old))
    assert run.code == 2
    assert "写出的新台账通不过 ledger check,什么也没有写" in run.err
    assert f"{new.as_posix()}/tasks.yaml:" in run.err and "[id-format]" in run.err
    assert not new.exists()


def test_show_and_export_read_carried_from(capsys: pytest.CaptureFixture[str], old: Path) -> None:
    """The provenance rollover writes is data: `show` says it, json and the export carry it."""
    new = old.parent / "2023"
    assert (
        run_ledger(capsys, "rollover", "--year", "2023", "-o", str(new), "--ledger", str(old)).code
        == 0
    )
    args = ("--ledger", str(new), "--as-of", "2023-01-05")
    shown = run_ledger(capsys, "show", "H1.3", *args).out
    assert "回头看:转自 2022 年台账条目 1.3(区财政局 逾期未完成;乙乡 未报送)" in shown
    late = run_ledger(capsys, "show", "H1.2", *args).out
    assert "回头看:转自 2022 年台账条目 1.2(区住建局 逾期完成,2022-08-10 完成)" in late
    data = json.loads(run_ledger(capsys, "show", "H1.2", *args, "--format", "json").out)
    assert data["carried_from"] == {
        "year": 2022,
        "item": "1.2",
        "units": [{"unit": "区住建局", "state": "逾期完成", "completed": "2022-08-10"}],
    }
    rows = json.loads(run_ledger(capsys, "export", *args, "--format", "json").out)["items"]
    assert [(r["item"], r["carried_from"]) for r in rows] == [
        ("H1.2", "2022年条目1.2"),
        ("H1.3", "2022年条目1.3"),
        ("H2.1", "2022年条目2.1"),
        ("H2.2", "2022年条目2.2"),
    ]
    before = json.loads(
        run_ledger(capsys, "show", "1.2", "--ledger", str(old), "--format", "json").out
    )
    assert before["carried_from"] is None


def test_a_wrong_carried_state_is_named_with_its_position(
    capsys: pytest.CaptureFixture[str], old: Path
) -> None:
    new = old.parent / "2023"
    assert (
        run_ledger(capsys, "rollover", "--year", "2023", "-o", str(new), "--ledger", str(old)).code
        == 0
    )
    tasks = new / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8")
    tasks.write_text(text.replace("state: 未报送", "state: 没报送", 1), encoding="utf-8")
    line = text.split("state: 未报送")[0].count("\n") + 1
    run = run_ledger(capsys, "check", "--ledger", str(new), "--as-of", "2023-01-05")
    assert run.code == 1
    assert (
        f"tasks.yaml:{line}:22" in run.out
        and "回头看的情况“没报送”应为 未报送、逾期未完成、未完成、待审核 或 逾期完成 之一(是否为“未报送”?)"
        in run.out
    )


def test_ascii_texts_come_out_quoted_so_check_has_nothing_to_warn(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, old: Path
) -> None:
    tasks = (old / "tasks.yaml").read_text(encoding="utf-8")
    (old / "tasks.yaml").write_text(
        tasks.replace('"公开惠民惠农补贴: 按乡镇逐项公开。"', '"+1"'), encoding="utf-8"
    )
    new = tmp_path / "2023"
    assert (
        run_ledger(capsys, "rollover", "--year", "2023", "-o", str(new), "--ledger", str(old)).code
        == 0
    )
    assert '        content: "+1"\n' in (new / "tasks.yaml").read_text(encoding="utf-8")
    run = run_ledger(capsys, "check", "--ledger", str(new), "--as-of", "2023-01-05")
    assert (run.code, "unquoted-text" in run.out + run.err) == (0, False)
    assert run_ledger(capsys, "fmt", "--check", "--ledger", str(new)).code == 0


def test_a_file_that_appears_after_the_check_is_not_replaced(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, old: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gongkai_ledger.files.scaffold as scaffold

    new = tmp_path / "2023"
    new.mkdir()
    (new / "units.yaml").write_text("someone else's\n", encoding="utf-8")
    monkeypatch.setattr(scaffold, "existing", lambda root, files: [])  # it appears meanwhile
    run = run_ledger(capsys, "rollover", "--year", "2023", "-o", str(new), "--ledger", str(old))
    assert run.code == 2
    assert "在写入时出现了,ledger rollover 不覆盖任何文件" in run.err
    assert (new / "units.yaml").read_text(encoding="utf-8") == "someone else's\n"
    assert sorted(files_under(new)) == ["units.yaml"]  # tasks.yaml, written first, removed


NOT_YET_DUE = """\
plan:
  title: 2022年某区政务公开工作要点
  year: 2022
tasks:
  - id: 1
    title: 未到期的条目
    items:
      - id: "1.1"
        content: 次年的事。
        owners: [甲局]
        deadline: 次年3月底前
      - id: "1.2"
        content: 按期批准延期到次年的事。
        owners: [甲局]
        deadline: 2022年6月底前
        extensions:
          - deadline: 2023年3月底前
            approved: 2022-05-10
      - id: "1.3"
        content: 写明年份的事。
        owners: [甲局]
        deadline: 2023年5月底前
"""


def test_a_deadline_not_yet_due_keeps_its_date_in_the_new_plan(
    capsys: pytest.CaptureFixture[str], write_ledger: Write, tmp_path: Path
) -> None:
    old = write_ledger(NOT_YET_DUE, "units:\n  - id: jj\n    name: 甲局\n")
    new = tmp_path / "2023"
    run = run_ledger(capsys, "rollover", "--year", "2023", "-o", str(new), "--ledger", str(old))
    assert run.code == 0
    text = (new / "tasks.yaml").read_text(encoding="utf-8")
    # 次年3月底前 in a 2023 plan would be 2024-03-31; 2022年6月底前 is no longer what is owed
    assert "deadline: 2023年3月31日前  # 原完成时间,未到期\n" in text
    assert "deadline: 2023年3月底前  # 延期后的完成时间,未到期\n" in text
    assert "deadline: 2023年5月底前  # 原完成时间,未到期\n" in text
    dues = {i.id: i.deadline.due for i in load_ledger(new).ledger.items() if i.deadline}
    assert dues == {"H1.1": date(2023, 3, 31), "H1.2": date(2023, 3, 31), "H1.3": date(2023, 5, 31)}


def test_a_unit_name_with_a_separator_stays_one_owner(
    capsys: pytest.CaptureFixture[str], write_ledger: Write, tmp_path: Path
) -> None:
    tasks = NOT_YET_DUE.replace("owners: [甲局]", 'owners: ["住建局;城管局"]')
    old = write_ledger(tasks, 'units:\n  - id: jj\n    name: "住建局;城管局"\n')
    new = tmp_path / "2023"
    run = run_ledger(capsys, "rollover", "--year", "2023", "-o", str(new), "--ledger", str(old))
    assert (run.code, run.err) == (0, "")
    owners = {tuple(n.text for n in i.owners) for i in load_ledger(new).ledger.items()}
    assert owners == {("住建局;城管局",)}


def test_a_claim_awaiting_review_is_carried_as_pending(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    new = tmp_path / "2023"
    ledger = str(REPO / "tests" / "fixtures" / "review_ledger")
    run = run_ledger(capsys, "rollover", "--year", "2023", "-o", str(new), "--ledger", ledger)
    assert run.code == 0
    text = (new / "tasks.yaml").read_text(encoding="utf-8")
    # claimed on time, never reviewed: the office's own backlog, not 逾期未完成
    carried = {
        i.id: [(u.unit, u.state, u.completed) for u in i.carried_from.units]
        for i in load_ledger(new).ledger.items()
        if i.carried_from
    }
    assert ("区财政局", "待审核", date(2022, 11, 10)) in [
        u for units in carried.values() for u in units
    ]
    assert ("区住建局", "待审核", date(2022, 12, 5)) in [
        u for units in carried.values() for u in units
    ]  # claimed again
    assert "state: 逾期未完成" not in text


def test_refuses_a_directory_inside_the_old_progress(
    capsys: pytest.CaptureFixture[str], old: Path
) -> None:
    before = files_under(old)
    new = old / "progress" / "2023"
    run = run_ledger(capsys, "rollover", "--year", "2023", "-o", str(new), "--ledger", str(old))
    assert run.code == 2 and "在原台账的 progress/ 目录中" in run.err
    assert files_under(old) == before and not new.exists()
    assert run_ledger(capsys, "check", "--ledger", str(old), "--as-of", "2022-12-31").code == 0


def test_roles_schedule_and_milestones_are_carried(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, old: Path
) -> None:
    """2.1 has a lead, support units, report_by, its own update_every and three milestones."""
    new = tmp_path / "2023"
    run = run_ledger(capsys, "rollover", "--year", "2023", "-o", str(new), "--ledger", str(old))
    assert run.code == 0, run.err
    ledger = load_ledger(new).ledger
    assert ledger.plan.default_deadline is not None
    assert ledger.plan.default_deadline.text == "年底前"
    (task,) = [t for t in ledger.tasks if t.id == "H2"]
    assert task.update_every is not None and task.update_every.value == "月"
    (item,) = [i for i in task.items if i.id == "H2.1"]
    assert [n.text for n in item.leads] == ["区住建局"]
    assert [n.text for n in item.support] == ["区财政局", "各乡镇"]
    assert item.report_by.value == "lead"
    assert item.update_every is not None and item.update_every.value == "季"
    # 2022年6月底前 had passed; 次年1月底前 would be 2024 in the new plan, so it is spelt out
    assert [(m.deadline.text, m.deadline.due, m.what) for m in item.milestones] == [
        ("2023年1月31日前", date(2023, 1, 31), "公布清单初稿,\n征求意见。"),
        ("2023年3月底前", date(2023, 3, 31), "公布清单。"),
    ]
    (other,) = [i for i in ledger.items() if i.id == "H2.2"]  # inherits the task's
    assert (other.leads, other.support, other.milestones) == ((), (), ())
    assert other.update_every is not None and other.update_every.value == "月"
    # as of a later date the milestones have passed too
    later = tmp_path / "later"
    args = ("--year", "2023", "-o", str(later), "--ledger", str(old), "--as-of", "2023-02-10")
    assert run_ledger(capsys, "rollover", *args).code == 0
    (again,) = [i for i in load_ledger(later).ledger.items() if i.id == "H2.1"]
    assert [m.deadline.text for m in again.milestones] == ["2023年3月底前"]


def test_support_not_in_the_registry_is_dropped() -> None:
    loaded = load_ledger(ROLLOVER_LEDGER).ledger
    registry = Registry(
        [u for u in loaded.units if u.name != "区财政局"], [g for g in loaded.groups]
    )
    view = rollover(loaded, 2023, date(2022, 12, 31), registry)
    (one,) = [c for c in view.carried if c.item.id == "2.1"]
    assert (one.leads, one.support) == (("区住建局",), ("各乡镇",))
    # with its lead gone, a report_by: lead item is read as all: it inherits all from the plan
    no_lead = tuple(
        (task, tuple(replace(c, leads=()) for c in carried)) for task, carried in view.tasks
    )
    written = to_tasks_yaml(replace(view, tasks=no_lead))
    h21 = written.split('- id: "H2.1"')[1].split("carried_from")[0]
    assert "lead:" not in h21 and "report_by" not in h21 and "support: [各乡镇]\n" in h21


REPORT_BY_LEAD = """\
plan:
  title: 2022年某区政务公开工作要点
  year: 2022
  report_by: lead
tasks:
  - id: 1
    title: 由牵头单位报告
    items:
      - id: "1.1"
        content: 有牵头单位的事。
        owners: [甲局, 乙局]
        lead: 甲局
        deadline: 2022年6月底前
      - id: "1.2"
        content: 没有牵头单位的事。
        owners: [乙局]
        report_by: all
        deadline: 2022年6月底前
"""


def test_plan_report_by_lead_keeps_the_lead_and_passes_strict_check(
    capsys: pytest.CaptureFixture[str], write_ledger: Write, tmp_path: Path
) -> None:
    old = write_ledger(
        REPORT_BY_LEAD, "units:\n  - id: jj\n    name: 甲局\n  - id: yj\n    name: 乙局\n"
    )
    assert (
        run_ledger(capsys, "check", "--strict", "--ledger", str(old), "--as-of", "2022-12-31").code
        == 0
    )
    new = tmp_path / "2023"
    run = run_ledger(capsys, "rollover", "--year", "2023", "-o", str(new), "--ledger", str(old))
    assert (run.code, run.err) == (0, "")
    text = (new / "tasks.yaml").read_text(encoding="utf-8")
    assert "  report_by: lead\n" in text
    items = {i.id: i for i in load_ledger(new).ledger.items()}
    assert [n.text for n in items["H1.1"].leads] == ["甲局"]
    assert items["H1.1"].report_by.value == "lead"
    assert items["H1.2"].report_by.value == "all"  # written on the item, as before
    checked = run_ledger(capsys, "check", "--strict", "--ledger", str(new), "--as-of", "2023-01-05")
    assert (checked.code, checked.out) == (0, ""), checked.err
    assert run_ledger(capsys, "fmt", "--check", "--ledger", str(new)).code == 0
    # had its lead gone, the item would say report_by: all rather than owe a report from no one
    view = rollover(load_ledger(old).ledger, 2023, date(2022, 12, 31))
    no_lead = tuple((t, tuple(replace(c, leads=()) for c in cs)) for t, cs in view.tasks)
    h11 = to_tasks_yaml(replace(view, tasks=no_lead)).split('- id: "H1.1"')[1].split("deadline")[0]
    assert "lead:" not in h11 and "        report_by: all\n" in h11
