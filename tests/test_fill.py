"""The Excel 填报 round trip on the shipped ledger: `export --fill` → a unit fills it → `progress import`."""

from __future__ import annotations

import json
import shutil
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai_ledger.commands import _common

from .cli_run import run_ledger
from .ledgers import SHIPPED

TODAY = date(2022, 10, 20)
NOON_IN_BEIJING = datetime(2022, 10, 20, 4, 0, tzinfo=UTC)

# The columns of sheet 填报 (row 2 is the header, items from row 3)
ITEM, TASK, CONTENT, DEADLINE, VIA, CURRENT = "ABCDEF"
STATUS, SUMMARY, DAY, EVIDENCE, REASON = "GHIJK"


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_common, "now", lambda: NOON_IN_BEIJING)


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(SHIPPED, root)
    return root


def make_sheet(capsys: pytest.CaptureFixture[str], root: Path, unit: str) -> Path:
    path = root.parent / f"{unit}填报.xlsx"
    run = run_ledger(
        capsys, "export", "--unit", unit, "--format", "xlsx", "--fill", "-o", str(path),
        "--ledger", str(root),
    )  # fmt: skip
    assert run.code == 0, run.err
    return path


def rows_of(path: Path) -> dict[str, int]:
    """Item id → its sheet row."""
    sheet = openpyxl.load_workbook(path)["填报"]
    return {str(sheet[f"A{n}"].value): n for n in range(3, sheet.max_row + 1)}


def fill(path: Path, cells: dict[str, Any]) -> None:
    """Type into cells as a unit would ("G3": "已完成")."""
    book = openpyxl.load_workbook(path)
    sheet = book["填报"]
    for ref, value in cells.items():
        sheet[ref] = value
    book.save(path)


def import_(capsys: pytest.CaptureFixture[str], path: Path, root: Path, *more: str) -> Any:
    return run_ledger(capsys, "progress", "import", str(path), *more, "--ledger", str(root))


def test_the_sheet_of_a_unit_lists_what_it_owes_with_fill_columns_unlocked(
    capsys: pytest.CaptureFixture[str], ledger: Path
) -> None:
    path = make_sheet(capsys, ledger, "市财政局")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["填报", "台账信息"]
    sheet, meta = book["填报"], book["台账信息"]
    assert [c.value for c in sheet[2]] == [
        "条目", "任务", "内容", "完成时间", "负责依据", "当前状态",
        "本次状态", "进展情况", "报送日期", "佐证材料", "不涉及理由",
    ]  # fmt: skip
    note = sheet["A1"].value
    assert "未启动、推进中、已完成、不涉及" in note and "市财政局" in note
    assert sheet.data_validations.dataValidation == []
    items = list(rows_of(path))
    assert "5.1" in items and "5.3" in items and "7.1" in items
    row = rows_of(path)["5.1"]
    assert sheet[f"{VIA}{row}"].value == "本单位"
    assert sheet[f"{VIA}{rows_of(path)['7.1']}"].value == "通过 市政府相关部门"
    assert sheet[f"{CURRENT}{row}"].value == "未启动"
    assert sheet.protection.sheet is True
    assert all(sheet[f"{c}{row}"].protection.locked for c in "ABCDEF")
    assert not any(sheet[f"{c}{row}"].protection.locked for c in "GHIJK")
    assert sheet.column_dimensions[CONTENT].width == 60
    assert meta.sheet_state == "hidden"
    values = {r[0]: r[1] for r in meta.iter_rows(values_only=True)}
    assert values["单位编号"] == "czj" and values["单位"] == "市财政局"
    assert values["工作要点"] == "2022年庐山市政务公开工作要点" and values["年度"] == "2022"
    assert values["台账版本"].startswith("sha256:")
    assert values["生成时间"] == "2022-10-20T12:00:00+08:00"


@pytest.mark.slow
def test_a_township_fills_its_sheet_and_the_reports_are_appended(
    capsys: pytest.CaptureFixture[str], ledger: Path
) -> None:
    path = make_sheet(capsys, ledger, "南康镇")
    rows = rows_of(path)
    book = openpyxl.load_workbook(path)
    assert book["填报"][f"{VIA}{rows['7.1']}"].value == "通过 各乡(镇、处)"
    r71, r81, r113 = rows["7.1"], rows["8.1"], rows["11.3"]
    fill(
        path,
        {
            f"{STATUS}{r71}": "已完成 ",  # a trailing space
            f"{SUMMARY}{r71}": "完成标准化建设\r\n已报送市政府",  # CRLF typed in the cell
            f"{DAY}{r71}": "2022/10/8",  # a date typed as text
            f"{EVIDENCE}{r71}": "https://example.gov.cn/a\r\nhttps://example.gov.cn/b",
            f"{STATUS}{r81}": "\u3000推进中",  # an ideographic (full-width) space
            f"{SUMMARY}{r81}": "正在梳理",
            f"{DAY}{r81}": "２０２２年１０月９日",
            # 11.3 left empty
        },
    )
    assert r113
    run = import_(capsys, path, ledger)
    assert run.code == 0, run.err
    assert run.out.splitlines() == [
        "追加:条目 7.1(已完成,2022-10-08)",
        "追加:条目 8.1(推进中,2022-10-09)",
        f"已向 {ledger.as_posix()}/progress/nkz.yaml 追加南康镇的 2 条进展",
    ]
    text = (ledger / "progress" / "nkz.yaml").read_text(encoding="utf-8")
    assert "\r" not in text
    assert text.endswith(
        "reports:\n"
        '  - item: "7.1"\n'
        "    date: 2022-10-08\n"
        "    status: 已完成\n"
        '    summary: "完成标准化建设\\n已报送市政府"\n'
        "    evidence: [https://example.gov.cn/a, https://example.gov.cn/b]\n"
        '  - item: "8.1"\n'
        "    date: 2022-10-09\n"
        "    status: 推进中\n"
        "    summary: 正在梳理\n"
    )
    assert run_ledger(capsys, "check", "--ledger", str(ledger)).code == 0
    shown = run_ledger(capsys, "show", "7.1", "--as-of", "2022-10-20", "--ledger", str(ledger))
    line = next(x for x in shown.out.splitlines() if x.startswith("南康镇"))
    assert "已完成" in line and "2022-10-08" in line
    again = make_sheet(capsys, ledger, "南康镇")
    assert openpyxl.load_workbook(again)["填报"][f"{CURRENT}{r71}"].value == "已完成(2022-10-08)"


def test_the_existing_bytes_of_the_progress_file_are_kept(
    capsys: pytest.CaptureFixture[str], ledger: Path
) -> None:
    added = run_ledger(
        capsys, "progress", "add", "5.1", "--unit", "czj", "--status", "推进中",
        "--date", "2022-09-20", "--summary", "正在梳理", "--ledger", str(ledger),
    )  # fmt: skip
    assert added.code == 0, added.err
    progress = ledger / "progress" / "czj.yaml"
    progress.write_bytes(
        progress.read_bytes().replace(b"reports:", b"# \xe8\xaf\xb4\xe6\x98\x8e\nreports:")
    )
    before = progress.read_bytes()
    path = make_sheet(capsys, ledger, "市财政局")
    row = rows_of(path)["5.1"]
    assert openpyxl.load_workbook(path)["填报"][f"{CURRENT}{row}"].value == "推进中(2022-09-20)"
    fill(
        path,
        {
            f"{STATUS}{row}": "已完成",
            f"{SUMMARY}{row}": "已公开",
            f"{DAY}{row}": datetime(2022, 10, 8),
        },
    )
    run = import_(capsys, path, ledger)
    assert run.code == 0, run.err
    after = progress.read_bytes()
    assert after.startswith(before)
    assert after[len(before) :].decode() == (
        '  - item: "5.1"\n    date: 2022-10-08\n    status: 已完成\n    summary: 已公开\n'
    )
    assert "no-evidence" in run.err  # the warning progress add gives, too


def test_importing_twice_adds_nothing_the_second_time(
    capsys: pytest.CaptureFixture[str], ledger: Path
) -> None:
    path = make_sheet(capsys, ledger, "市财政局")
    row = rows_of(path)["5.2"]
    fill(
        path, {f"{STATUS}{row}": "推进中", f"{SUMMARY}{row}": "梳理中", f"{DAY}{row}": "2022-10-10"}
    )
    assert import_(capsys, path, ledger).code == 0
    progress = ledger / "progress" / "czj.yaml"
    first = progress.read_bytes()
    run = import_(capsys, path, ledger)
    assert run.code == 0
    assert progress.read_bytes() == first
    assert run.out.splitlines() == [
        f"跳过:条目 5.2 的进展(推进中,2022-10-10)已在 {ledger.as_posix()}/progress/czj.yaml 中",
        "市财政局:没有需要追加的进展",
    ]


def test_dry_run_shows_what_would_be_added_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], ledger: Path
) -> None:
    path = make_sheet(capsys, ledger, "南康镇")
    row = rows_of(path)["7.1"]
    fill(
        path,
        {f"{STATUS}{row}": "不涉及", f"{REASON}{row}": "本镇无此项", f"{DAY}{row}": "2022-10-01"},
    )
    run = import_(capsys, path, ledger, "--dry-run")
    assert run.code == 0, run.err
    assert run.out.splitlines() == [
        "将追加:条目 7.1(不涉及,2022-10-01)",
        f"未写入(--dry-run):1 条进展将追加到 {ledger.as_posix()}/progress/nkz.yaml",
    ]
    assert not (ledger / "progress" / "nkz.yaml").exists()


WHERE = "工作表“填报”第{row}行“{column}”列:"


@pytest.mark.parametrize(
    ("cells", "column", "message"),
    [
        (
            {STATUS: "完成了"},
            "本次状态",
            "“完成了”不是可用的状态,只能是 未启动、推进中、已完成、不涉及",
        ),
        ({STATUS: ""}, "本次状态", "请填写本次状态:未启动、推进中、已完成、不涉及"),
        ({DAY: "2022-10-21"}, "报送日期", "2022-10-21 晚于今天(2022-10-20),不能报送将来的进展"),
        ({DAY: "2022/2/30"}, "报送日期", "“2022/2/30”不是存在的日期"),
        ({DAY: "十月八日"}, "报送日期", "“十月八日”不是日期,请写成 2022-10-08"),
        ({DAY: ""}, "报送日期", "请填写报送日期,如 2022-10-08"),
        ({SUMMARY: ""}, "进展情况", "请填写进展情况"),
        ({SUMMARY: '=HYPERLINK("x")'}, "进展情况", "是公式,请直接填写文字"),
        ({STATUS: "不涉及"}, "不涉及理由", "状态为不涉及时请写明不涉及理由"),
        ({ITEM: "1.1"}, "条目", "“1.1”不是本单位负责的条目"),
        ({ITEM: "99.9"}, "条目", "“99.9”不是台账中的条目"),
    ],
)
def test_a_wrong_cell_is_refused_with_sheet_row_and_column_and_nothing_is_written(
    capsys: pytest.CaptureFixture[str],
    ledger: Path,
    cells: dict[str, str],
    column: str,
    message: str,
) -> None:
    path = make_sheet(capsys, ledger, "南康镇")
    good, bad = rows_of(path)["7.1"], rows_of(path)["8.1"]
    typed = {STATUS: "推进中", SUMMARY: "推进中", DAY: "2022-10-08", **cells}
    fill(
        path,
        {
            f"{STATUS}{good}": "已完成",
            f"{SUMMARY}{good}": "好的一行",
            f"{DAY}{good}": "2022-10-08",
            **{f"{c}{bad}": v or None for c, v in typed.items()},
        },
    )
    run = import_(capsys, path, ledger)
    assert run.code == 1
    assert run.out == f"{path.as_posix()} " + WHERE.format(row=bad, column=column) + message + "\n"
    assert "未导入" in run.err and "进展文件保持不变" in run.err
    assert not (ledger / "progress" / "nkz.yaml").exists()


def test_a_sheet_for_another_unit_is_refused(
    capsys: pytest.CaptureFixture[str], ledger: Path
) -> None:
    path = make_sheet(capsys, ledger, "南康镇")
    row = rows_of(path)["7.1"]
    fill(path, {f"{STATUS}{row}": "已完成", f"{SUMMARY}{row}": "完成", f"{DAY}{row}": "2022-10-08"})
    run = import_(capsys, path, ledger, "--unit", "市财政局")
    assert run.code == 2
    assert f"{path.as_posix()} 是为“南康镇”生成的填报表,不是“市财政局”的" in run.err
    assert not (ledger / "progress").joinpath("nkz.yaml").exists()
    assert not (ledger / "progress").joinpath("czj.yaml").exists()


def test_a_sheet_made_before_its_items_changed_is_refused(
    capsys: pytest.CaptureFixture[str], ledger: Path
) -> None:
    path = make_sheet(capsys, ledger, "市财政局")
    row = rows_of(path)["5.1"]
    fill(path, {f"{STATUS}{row}": "已完成", f"{SUMMARY}{row}": "完成", f"{DAY}{row}": "2022-10-08"})
    tasks = ledger / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8")
    marker = "        owners: [市财政局]\n"
    assert marker in text
    tasks.write_text(
        text.replace(marker, "        owners: [市财政局, 市审计局]\n", 1), encoding="utf-8"
    )
    run = import_(capsys, path, ledger)
    assert run.code == 2
    assert "以后,台账中市财政局负责的条目已有改动" in run.err
    assert not (ledger / "progress" / "czj.yaml").exists()


def test_a_report_added_since_does_not_make_the_sheet_stale(
    capsys: pytest.CaptureFixture[str], ledger: Path
) -> None:
    path = make_sheet(capsys, ledger, "市财政局")
    added = run_ledger(
        capsys, "progress", "add", "5.1", "--unit", "czj", "--status", "推进中",
        "--date", "2022-09-20", "--summary", "正在梳理", "--ledger", str(ledger),
    )  # fmt: skip
    assert added.code == 0
    row = rows_of(path)["5.2"]
    fill(path, {f"{STATUS}{row}": "推进中", f"{SUMMARY}{row}": "梳理", f"{DAY}{row}": "2022-10-08"})
    assert import_(capsys, path, ledger).code == 0


def test_fill_needs_a_unit_and_xlsx(capsys: pytest.CaptureFixture[str], ledger: Path) -> None:
    out = str(ledger.parent / "x.xlsx")
    run = run_ledger(
        capsys, "export", "--format", "xlsx", "--fill", "-o", out, "--ledger", str(ledger)
    )
    assert run.code == 2 and "--fill 需要 --unit" in run.err
    run = run_ledger(
        capsys, "export", "--unit", "czj", "--format", "json", "--fill", "--ledger", str(ledger)
    )
    assert run.code == 2 and "填报表只有 xlsx 格式" in run.err
    run = run_ledger(
        capsys, "export", "--unit", "czj", "--format", "xlsx", "-o", out, "--ledger", str(ledger)
    )
    assert run.code == 2 and "--unit 只与 --fill 同用" in run.err


_STATUS_WORDS = ("未启动", "推进中", "已完成", "不涉及")
_summaries = st.text(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5) | st.sampled_from("abcXYZ019 :#"),
    min_size=1,
    max_size=12,
).filter(lambda s: s == s.strip())


@pytest.mark.slow
# capsys is safe to share: every run_ledger call reads (and so clears) what was captured
@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_export_fill_import_export_shows_exactly_those_reports(
    capsys: pytest.CaptureFixture[str], data: st.DataObject
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        shutil.copytree(SHIPPED, root, ignore=shutil.ignore_patterns("progress"))
        path = make_sheet(capsys, root, "市财政局")
        rows = rows_of(path)
        chosen = data.draw(st.lists(st.sampled_from(sorted(rows)), unique=True, max_size=4))
        typed: dict[str, tuple[str, date, str]] = {}
        cells: dict[str, Any] = {}
        for item in chosen:
            status = data.draw(st.sampled_from(_STATUS_WORDS))
            day = data.draw(st.dates(date(2022, 1, 1), TODAY))
            summary = data.draw(_summaries)
            typed[item] = (status, day, summary)
            row = rows[item]
            cells.update(
                {
                    f"{STATUS}{row}": status,
                    f"{SUMMARY}{row}": summary,
                    f"{DAY}{row}": day.isoformat(),
                }
            )
            if status == "不涉及":
                cells[f"{REASON}{row}"] = "无此项"
        fill(path, cells)
        run = import_(capsys, path, root)
        assert run.code == 0, run.out + run.err
        export = run_ledger(
            capsys,
            "export",
            "--format",
            "json",
            "--as-of",
            TODAY.isoformat(),
            "--ledger",
            str(root),
        )
        shown = {
            r["item"]: (r["status"], r["last_report"], r["summary"])
            for r in json.loads(export.out)["unit_items"]
            if r["unit_id"] == "czj" and r["last_report"] is not None
        }
        assert shown == {i: (s, d.isoformat(), m) for i, (s, d, m) in typed.items()}


def test_text_in_the_sheet_never_becomes_a_formula(
    capsys: pytest.CaptureFixture[str], ledger: Path
) -> None:
    tasks = ledger / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8")
    first = text.index("content: ", text.index('id: "5.1"'))
    tasks.write_text(
        text[:first] + 'content: "=HYPERLINK(\\"x\\")"\n' + text[text.index("\n", first) + 1 :],
        encoding="utf-8",
    )
    assert run_ledger(capsys, "check", "--ledger", str(ledger)).code == 0
    path = make_sheet(capsys, ledger, "市财政局")
    cell = openpyxl.load_workbook(path)["填报"][f"{CONTENT}{rows_of(path)['5.1']}"]
    assert cell.data_type == "s"
    assert cell.value == '=HYPERLINK("x")'


def test_a_workbook_that_is_not_a_fill_sheet_is_refused(
    capsys: pytest.CaptureFixture[str], ledger: Path
) -> None:
    path = ledger.parent / "其他.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "条目"
    book.save(path)
    run = import_(capsys, path, ledger)
    assert run.code == 2
    assert "不是 ledger export --fill 生成的填报表" in run.err


def test_a_sheet_for_a_unit_no_longer_in_units_yaml_is_refused(
    capsys: pytest.CaptureFixture[str], ledger: Path
) -> None:
    path = make_sheet(capsys, ledger, "南康镇")
    book = openpyxl.load_workbook(path)
    meta = book["台账信息"]
    row = next(r for r in range(1, meta.max_row + 1) if meta[f"A{r}"].value == "单位编号")
    meta[f"B{row}"] = "zzz"
    book.save(path)
    run = import_(capsys, path, ledger)
    assert run.code == 2
    assert "是为单位“南康镇”(编号 zzz)生成的,台账的 units.yaml 中没有这个单位编号" in run.err
