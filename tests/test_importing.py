"""`ledger import`: a 分解表's tables → a draft ledger that equals what a person would type."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
import yaml

from gongkai_ledger.files import tables as tables_module
from gongkai_ledger.files.fmt import canonical
from gongkai_ledger.files.schema import FileKind
from gongkai_ledger.files.tables import Cell, Table
from gongkai_ledger.ops.importing import draft, header_text, pinyin_initials, unit_ids
from tests.cli_run import run_ledger

TASKS_KIND = FileKind.TASKS
UNITS_KIND = FileKind.UNITS
DATA = Path(__file__).resolve().parent.parent / "data"
HEADER: list[str | None] = ["序号", "重点任务", "具体内容", "责任单位", "完成\n时间"]
# 附表 writes 9.1's owners this way; the shipped ledger keeps the five named units.
SEED_9_1 = "市教体局、市卫健委、市住建局、市生态环境局、市交通运输局等行业主管部门"


def grid(source: str, texts: Sequence[Sequence[str | None]]) -> Table:
    """A table from texts; None repeats the cell above (a vertical merge), "<" the one left."""
    rows: list[tuple[Cell, ...]] = []
    origins: dict[tuple[int, int], tuple[int, int]] = {}
    for r, line in enumerate(texts, start=1):
        cells: list[Cell] = []
        for c, text in enumerate(line, start=1):
            if text is None or text == "<":
                above = (r - 1, c) if text is None else (r, c - 1)
                origin = origins.get(above, above)
                origins[(r, c)] = origin
                cells.append(
                    Cell(
                        rows[origin[0] - 1][origin[1] - 1].text
                        if origin[0] < r
                        else cells[origin[1] - 1].text,
                        r,
                        c,
                        origin,
                    )
                )
            else:
                cells.append(Cell(text, r, c))
        rows.append(tuple(cells))
    return Table(source, tuple(rows))


def seed_rows() -> list[list[str | None]]:
    """The seed's 附表 as its merged cells are: 序号/任务 over the task's rows, one 完成时间 cell
    per task (tasks 11 and 14: one per item), 5.1–5.3 in one 责任单位 cell."""
    tasks = yaml.safe_load((DATA / "tasks.yaml").read_text(encoding="utf-8"))["tasks"]
    rows: list[list[str | None]] = [["重点任务分解表", "<", "<", "<", "<"], list(HEADER)]
    for task in tasks:
        for n, item in enumerate(task["items"]):
            owners = "、".join(item["owners"]) if item["id"] != "9.1" else SEED_9_1
            if item["id"] in ("5.2", "5.3"):
                owners_cell: str | None = None
            else:
                owners_cell = owners
            deadline = task.get("deadline")
            rows.append(
                [
                    str(task["id"]) if n == 0 else None,
                    task["title"] if n == 0 else None,
                    item["content"],
                    owners_cell,
                    (deadline if n == 0 else None) if deadline else item["deadline"],
                ]
            )
    return rows


def shipped_items() -> list[tuple[object, ...]]:
    tasks = yaml.safe_load((DATA / "tasks.yaml").read_text(encoding="utf-8"))["tasks"]
    return [
        (t["id"], t.get("deadline"), i["id"], i["content"], i["owners"], i.get("deadline"))
        for t in tasks
        for i in t["items"]
    ]


def imported_items(text: str) -> list[tuple[object, ...]]:
    tasks = yaml.safe_load(text)["tasks"]
    return [
        (t["id"], t.get("deadline"), i["id"], i["content"], i["owners"], i.get("deadline"))
        for t in tasks
        for i in t["items"]
    ]


def initials(text: str) -> str:
    return pinyin_initials(text)


def test_header_text_normalises_line_breaks_and_notes() -> None:
    assert header_text("完成\n时间") == "完成时间"
    assert header_text(" 责任单位(牵头) ") == "责任单位"


def test_the_seed_table_imports_to_the_shipped_ledger_item_by_item() -> None:
    result = draft([grid("附表.docx 表1", seed_rows())], source="附表.docx", title="t", year=2022)
    assert result.tasks_yaml is not None
    assert imported_items(result.tasks_yaml) == shipped_items()
    assert result.tasks == 15 and result.items == 32
    # the shared 责任单位 cell: 5.2 and 5.3 owned by 市财政局 too
    assert '- id: "5.3"  # 原表第' in result.tasks_yaml
    # in fmt's layout already
    assert canonical(result.tasks_yaml, TASKS_KIND, "tasks.yaml") == result.tasks_yaml
    assert result.units_yaml is not None
    assert canonical(result.units_yaml, UNITS_KIND, "units.yaml") == result.units_yaml
    messages = [n.message for n in result.notes]
    assert any("“市交通运输局等行业主管部门”只取了“市交通运输局”" in m for m in messages)
    units = yaml.safe_load(result.units_yaml)
    assert {"id": "czj", "name": "市财政局"} in units["units"]
    groups = [g["name"] for g in units["groups"]]
    assert groups == [
        "市政府各部门",
        "市政府相关部门",
        "各乡(镇、处)",
        "市政府各相关部门",
        "各单位",
        "各乡镇",
    ]


def test_provenance_comment_names_the_table_row() -> None:
    result = draft([grid("附表.docx 表1", seed_rows())], source="附表.docx", title="t", year=2022)
    assert result.tasks_yaml is not None
    assert '      - id: "1.1"  # 原表第3行\n' in result.tasks_yaml
    assert result.tasks_yaml.startswith("# 由 ledger import 从“附表.docx”生成的草稿")


def test_lead_and_support_columns_two_leads_and_a_second_header_row() -> None:
    table = grid(
        "表.xlsx",
        [
            ["序号", "工作任务", "工作要求", "责任单位", "<", "时限要求"],
            [None, None, None, "牵头单位", "配合单位", None],
            ["一、主动公开", "<", "<", "<", "<", "<"],
            [
                "1",
                "做好重大建设项目信息公开",
                "公开批准信息。",
                "区发改委、区工信局",
                "区财政局",
                "2023年6月底前",
            ],
            [None, None, "公开实施信息。", "区住建局", "各街道", "2023年12月底前"],
        ],
    )
    result = draft([table], source="表.xlsx", title="t", year=2023)
    assert result.tasks_yaml is not None
    task = yaml.safe_load(result.tasks_yaml)["tasks"][0]
    assert task["section"] == "一" and task["title"] == "做好重大建设项目信息公开"
    first, second = task["items"]
    assert first == {
        "id": "1.1",
        "content": "公开批准信息。",
        "owners": ["区发改委", "区工信局"],
        "lead": ["区发改委", "区工信局"],
        "support": ["区财政局"],
        "deadline": "2023年6月底前",
    }
    assert second["lead"] == "区住建局" and second["support"] == ["各街道"]
    assert yaml.safe_load(result.tasks_yaml)["sections"] == [{"id": "一", "title": "主动公开"}]


def test_pinyin_ids_collide_deterministically() -> None:
    ids = unit_ids(["市财政局", "县财政局", "财政局", "南康镇"], initials, taken=["czj2"])
    assert ids == {"市财政局": "czj", "县财政局": "czj3", "财政局": "czj4", "南康镇": "nkz"}


def seeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: list[list[str | None]]) -> Path:
    source = tmp_path / "2022年庐山市政务公开工作要点.docx"
    source.write_bytes(b"")
    monkeypatch.setattr(
        tables_module, "read_tables", lambda path: [grid(f"{path.name} 表1", rows)], raising=False
    )
    return source


def test_cli_writes_a_draft_that_check_accepts_but_for_the_review_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = seed_rows()
    rows[2][4] = "尽快"  # task 1's deadline: a wording the grammar refuses
    source = seeds(tmp_path, monkeypatch, rows)
    out = tmp_path / "draft"
    run = run_ledger(capsys, "import", str(source), "-o", str(out))
    assert run.code == 0, run.err
    assert "已写入" in run.out and "15 个任务,32 个条目" in run.out
    tasks = (out / "tasks.yaml").read_text(encoding="utf-8")
    deadline_line = tasks.splitlines().index("    deadline: 尽快") + 1
    assert f"{out}/tasks.yaml:{deadline_line}: 完成时间无法识别" in run.out
    assert "(原表第3行第5列)" in run.out
    assert "title: 2022年庐山市政务公开工作要点" in tasks
    group_line = (out / "units.yaml").read_text(encoding="utf-8").splitlines().index(
        "  - name: 各单位"
    ) + 1
    assert f"{out}/units.yaml:{group_line}: 单位组“各单位”没有成员单位" in run.out
    check = run_ledger(capsys, "check", "--ledger", str(out), "--format", "json")
    assert check.code == 1
    reported = {(p["path"], str(p["line"]), p["rule"]) for p in json.loads(check.out)}
    expected_rules = {rule for _, _, rule in reported}
    assert expected_rules <= {"deadline-format", "empty-group", "no-owner", "missing-deadline"}
    assert (f"{out}/tasks.yaml", str(deadline_line), "deadline-format") in reported
    listed = {
        tuple(line.strip().split(":")[:2]) for line in run.out.splitlines() if ".yaml:" in line
    }
    assert {
        (path, line) for path, line, _ in reported
    } <= listed  # check finds only the review list
    assert (f"{out}/units.yaml", str(group_line), "empty-group") in reported


def test_alias_like_units_are_in_the_review_list() -> None:
    table = grid(
        "t",
        [
            HEADER,
            ["1", "任务", "内容。", "市财政局", "2022年12月"],
            ["2", "任务二", "内容。", "财政局", "2022年12月"],
        ],
    )
    result = draft([table], source="t.html", title="t", year=2022)
    assert result.units_yaml is not None
    lines = result.units_yaml.splitlines()
    note = next(n for n in result.notes if "像是同一单位" in n.message)
    assert note.file == "units.yaml" and lines[note.line - 1] == "  - id: czj2"
    assert "“财政局”和“市财政局”像是同一单位" in note.message


def test_import_into_an_existing_ledger_maps_names_through_its_units(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "ledger"
    out.mkdir()
    units = (DATA / "units.yaml").read_bytes()
    (out / "units.yaml").write_bytes(units)
    rows: list[list[str | None]] = [
        HEADER,
        ["1", "任务", "内容。", "财政局、各乡镇", "2022年12月"],
        ["2", "任务二", "内容。", "审计局", "2022年12月"],
    ]
    source = seeds(tmp_path, monkeypatch, rows)
    run = run_ledger(capsys, "import", str(source), "-o", str(out))
    assert run.code == 0, run.err
    assert (out / "units.yaml").read_bytes() == units  # not rewritten
    assert "units.yaml 中没有单位“审计局”,是否为“市审计局”?" not in run.out
    assert "units.yaml 中没有单位“审计局”" in run.out
    assert "财政局" not in run.out.split("需要核对")[1].replace("审计局", "")
    check = run_ledger(capsys, "check", "--ledger", str(out), "--format", "json")
    problems = json.loads(check.out)
    assert [p["message"] for p in problems if p["rule"] == "unknown-unit"] == [
        "未知责任单位“审计局”"
    ]


def test_refuses_to_overwrite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "draft"
    out.mkdir()
    (out / "tasks.yaml").write_text("keep\n", encoding="utf-8")
    source = seeds(tmp_path, monkeypatch, seed_rows())
    run = run_ledger(capsys, "import", str(source), "-o", str(out))
    assert run.code == 2
    assert "已存在,不覆盖" in run.err
    assert (out / "tasks.yaml").read_text(encoding="utf-8") == "keep\n"
    assert not (out / "units.yaml").exists()


def test_several_tables_continue_one_plan_and_repeated_headers_are_skipped() -> None:
    first = grid(
        "表.docx 表1",
        [
            HEADER,
            ["1", "任务一", "内容一。", "市财政局", "2022年12月"],
            HEADER,
            ["2", "任务二", "内容二。", "市财政局", "2022年12月"],
        ],
    )
    # the next page: no header, a row the text reader had to guess
    second = Table(
        "表.docx 表2",
        (
            (
                Cell("3", 1, 1),
                Cell("任务三", 1, 2),
                Cell("内容三。", 1, 3),
                Cell("市财政局", 1, 4),
                Cell("2022年12月", 1, 5, guess="按行数推断为完成时间"),
            ),
        ),
    )
    result = draft([first, second], source="表.docx", title="t", year=2022)
    assert result.tasks_yaml is not None
    tasks = yaml.safe_load(result.tasks_yaml)["tasks"]
    assert [t["id"] for t in tasks] == [1, 2, 3]
    assert '- id: "3.1"  # 原表表2第1行' in result.tasks_yaml
    assert [(n.cell, n.message) for n in result.notes if "猜测" in n.message] == [
        ("表2第1行第5列", "读取时猜测:按行数推断为完成时间")
    ]


def test_numbers_per_row_under_a_merged_task_are_the_items_own_ids() -> None:
    table = grid(
        "t",
        [
            ["序号", "主要任务", "任务内容", "责任单位", "完成时限"],
            ["1", "基础信息公开", "公开机构职能。", "区政府办", "2023年6月"],
            ["2", None, "公开政策文件。", "区司法局", "2023年6月"],
        ],
    )
    result = draft([table], source="t", title="t", year=2023)
    assert result.tasks_yaml is not None
    data = yaml.safe_load(result.tasks_yaml)
    assert data["plan"]["item_ids"] == "free"
    assert [i["id"] for i in data["tasks"][0]["items"]] == ["1", "2"]
    assert [i["deadline"] for i in data["tasks"][0]["items"]] == ["2023年6月", "2023年6月"]


def test_missing_pypinyin_is_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "pypinyin", None)  # import pypinyin now raises ImportError
    source = seeds(tmp_path, monkeypatch, seed_rows())
    run = run_ledger(capsys, "import", str(source), "-o", str(tmp_path / "draft"))
    assert run.code == 2
    assert "pip install 'gongkai-ledger[import]'" in run.err
    assert not (tmp_path / "draft" / "tasks.yaml").exists()


def test_other_commands_do_not_import_the_importer() -> None:
    code = (
        "import sys; from gongkai_ledger import cli; "
        "print('pypinyin' in sys.modules, 'gongkai_ledger.ops.importing' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "False False\n"


def test_cells_it_could_not_split_point_at_the_owners_line() -> None:
    table = grid(
        "t",
        [
            HEADER,
            ["1", "任务", "内容。", "市发改委 市工信局", "2022年12月"],
            ["2", "任务二", "内容。", "牵头:市财政局", "2022年12月"],
        ],
    )
    result = draft([table], source="t", title="t", year=2022)
    assert result.tasks_yaml is not None
    lines = result.tasks_yaml.splitlines()
    found = {
        (lines[n.line - 1].strip(), n.message, n.cell)
        for n in result.notes
        if n.file == "tasks.yaml"
    }
    assert found == {
        (
            "owners: [市发改委, 市工信局]",
            "“市发改委 市工信局”按空格拆成了 [市发改委, 市工信局],请核对",
            "原表第2行第4列",
        ),
        (
            'owners: ["牵头:市财政局"]',
            "“牵头:市财政局”不像一个单位名称,未能拆分,请核对",
            "原表第3行第4列",
        ),
    }


def test_an_output_that_is_a_file_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "draft"
    out.write_text("x", encoding="utf-8")
    source = seeds(tmp_path, monkeypatch, seed_rows())
    run = run_ledger(capsys, "import", str(source), "-o", str(out))
    assert run.code == 2 and "不是目录" in run.err and "Traceback" not in run.err
