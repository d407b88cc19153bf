"""`ledger show ITEM` and `ledger units`: golden output, and the mistakes a user makes."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest
from rich.cells import cell_len

from gongkai_ledger.files.load import load_ledger
from gongkai_ledger.render import show as show_render
from gongkai_ledger.render import units as units_render
from gongkai_ledger.render.textcells import to_text, wrap
from gongkai_ledger.views.show import find_item, item_view
from gongkai_ledger.views.units import registry_view

from .cli_run import run_process
from .conftest import Write
from .goldens import assert_golden
from .ledgers import OWED_AS_OF, OWED_PROGRESS, OWED_TASKS, OWED_UNITS, SHIPPED


@pytest.fixture
def root(write_ledger: Write) -> Path:
    return write_ledger(OWED_TASKS, OWED_UNITS, OWED_PROGRESS)


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return run_process(*args, text=False)


def ok(*args: str) -> bytes:
    result = run(*args)
    assert (result.returncode, result.stderr.decode()) == (0, "")
    return result.stdout


def fits(text: str, width: int = 80) -> bool:
    return all(cell_len(line) <= width for line in text.splitlines() if "证明材料" not in line)


# -- show ------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("item", ["1.2", "2.1"])
def test_show_golden(root: Path, item: str) -> None:
    text = ok("show", item, "--ledger", str(root), "--as-of", OWED_AS_OF)
    assert_golden(f"show/{item}.txt", text)
    assert fits(text.decode())
    assert_golden(
        f"show/{item}.json",
        ok("show", item, "--ledger", str(root), "--as-of", OWED_AS_OF, "--format", "json"),
    )


def test_show_terminal_golden(root: Path) -> None:
    ledger = load_ledger(root).ledger
    item = find_item(ledger, "2.1")
    assert item is not None
    view = item_view(ledger, item, date(2022, 10, 17))
    text = to_text(show_render.to_table(view, 80), 80)
    assert_golden("show/2.1.terminal.txt", text)
    assert fits(text)


def test_show_json_means(root: Path) -> None:
    data = json.loads(
        ok("show", "2.1", "--ledger", str(root), "--as-of", OWED_AS_OF, "--format", "json")
    )
    assert data["owners"] == [
        {"name": "各乡镇", "group": True, "units": ["aaz", "bbx"]},
        {"name": "财政局", "group": False, "units": ["czj"]},
    ]
    assert [(u["unit"], u["status"], u["via"]) for u in data["units"]] == [
        ("甲镇", "已完成", ["各乡镇"]),
        ("乙乡", "不涉及", ["各乡镇"]),
        ("县财政局", "未启动", ["财政局"]),
    ]
    assert data["done"] is False
    assert data["units"][1]["reports"] == [
        {
            "date": "2022-10-09",
            "status": "不涉及",
            "summary": "",
            "evidence": [],
            "reason": "本乡已整体并入甲镇政务服务中心",
        }
    ]


@pytest.mark.slow
def test_show_as_of_hides_later_reports(root: Path) -> None:
    before = json.loads(
        ok("show", "1.2", "--ledger", str(root), "--as-of", "2022-10-24", "--format", "json")
    )
    after = json.loads(
        ok("show", "1.2", "--ledger", str(root), "--as-of", "2022-10-25", "--format", "json")
    )
    czj = {
        d: next(u for u in data["units"] if u["unit_id"] == "czj")
        for d, data in (("before", before), ("after", after))
    }
    assert (czj["before"]["status"], czj["before"]["reports"]) == ("未启动", [])
    assert (czj["after"]["status"], czj["after"]["completed_on"]) == ("已完成", "2022-10-25")


def test_show_unknown_item(root: Path) -> None:
    result = run("show", "1.3", "--ledger", str(root))
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr.decode() == "用法错误:未知条目“1.3”,是否为“1.2”?\n"


@pytest.mark.parametrize(("typed", "meant"), [("12.03", "12.1"), ("５.１", "5.1")])
def test_show_suggests_the_id_that_check_suggests(typed: str, meant: str) -> None:
    # zeros and full-width digits as `check` reads them; a close id of the same task first
    result = run("show", typed, "--ledger", str(SHIPPED))
    assert result.stderr.decode() == f"用法错误:未知条目“{typed}”,是否为“{meant}”?\n"


@pytest.mark.slow
def test_show_shipped_item_with_a_milestone_and_nested_groups() -> None:
    text = ok("show", "7.1", "--ledger", str(SHIPPED), "--as-of", "2022-10-15").decode()
    assert "时间节点:2022年9月底前(到期日 2022-09-30):报送市政府“十县百乡”建设情况\n" in text
    assert "牵头单位:市政府办\n" in text
    assert "截至 2022-10-15:未办结;共 33 个单位,已完成或不涉及 0 个,逾期 33 个。\n" in text
    assert fits(text)
    data = json.loads(
        ok("show", "14.1", "--ledger", str(SHIPPED), "--format", "json", "--as-of", "2022-10-15")
    )
    # 各单位 is a group of the group 市政府各部门; 市政府办 is in both 各单位 and nowhere else
    assert data["owners"][0]["name"] == "各单位" and len(data["owners"][0]["units"]) == 22
    assert len(data["units"]) == 33


# -- units -----------------------------------------------------------------------------


@pytest.mark.slow
def test_units_golden(root: Path) -> None:
    text = ok("units", "--ledger", str(root), "--as-of", OWED_AS_OF)
    assert_golden("units/units.txt", text)
    assert fits(text.decode())
    assert_golden(
        "units/units.json",
        ok("units", "--ledger", str(root), "--as-of", OWED_AS_OF, "--format", "json"),
    )
    view = registry_view(load_ledger(root).ledger, date(2022, 10, 17))
    assert_golden("units/units.terminal.txt", to_text(units_render.to_table(view), 80))


def test_units_open_items(root: Path) -> None:
    data = json.loads(ok("units", "--ledger", str(root), "--as-of", OWED_AS_OF, "--format", "json"))
    assert {u["id"]: (u["items"], u["open_items"], u["overdue_items"]) for u in data["units"]} == {
        "czj": (["1.1", "1.2", "2.1", "4.1"], ["1.2", "2.1", "4.1"], ["1.2"]),
        "fgw": (["1.2", "3.1", "4.1"], ["1.2", "3.1", "4.1"], ["1.2"]),
        "aaz": (["2.1", "4.1"], ["4.1"], []),
        "bbx": (["2.1", "4.1"], ["4.1"], []),
    }
    assert data["groups"][1] == {
        "name": "县政府各部门",
        "aliases": ["县政府相关部门"],
        "members": ["县财政局", "县发改委"],
        "units": ["czj", "fgw"],
    }


@pytest.mark.slow
def test_units_on_the_shipped_registry() -> None:
    data = json.loads(
        ok("units", "--ledger", str(SHIPPED), "--format", "json", "--as-of", "2022-10-15")
    )
    assert len(data["units"]) == 37
    groups = {g["name"]: g for g in data["groups"]}
    assert len(groups["各乡(镇、处)"]["units"]) == 11
    assert groups["各单位"]["members"] == ["市政府各部门"]
    assert groups["各单位"]["units"] == groups["市政府各部门"]["units"]
    text = ok("units", "--ledger", str(SHIPPED), "--as-of", "2022-10-15").decode()
    assert fits(text)


@pytest.mark.parametrize("command", [("units",), ("show", "1.1")])
def test_bad_format(root: Path, command: tuple[str, ...]) -> None:
    result = run(*command, "--ledger", str(root), "--format", "csv")
    assert (result.returncode, result.stderr.decode()) == (
        2,
        "用法错误:--format 只能是 table、json,不能是“csv”\n",
    )


@pytest.mark.slow
def test_a_ledger_with_errors_is_refused(write_ledger: Write) -> None:
    root = write_ledger(
        OWED_TASKS.replace("owners: [县发改委]", "owners: [县发改委, 丙镇]"),
        OWED_UNITS,
        OWED_PROGRESS,
    )
    for command in (("units",), ("show", "3.1")):
        result = run(*command, "--ledger", str(root))
        assert result.returncode == 2
        assert result.stderr.decode().startswith("错误:台账有 1 个错误,请先修正")


# -- wrapping Chinese text -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cols", "wrapped"),
    [
        ("一二三四五", 4, "一二\n三四\n五"),
        ("一二三,四", 6, "一二\n三,四"),  # “,” never starts a line: “三” comes along
        ("一二三。", 6, "一二\n三。"),
        ("在2022年9月底前", 8, "在2022年\n9月底前"),
        ("一二2022年", 6, "一二\n2022年"),  # a year is not cut
        ("一二 三四", 5, "一二\n三四"),
        ("一二三四五六", 6, "一二三\n  四五\n  六"),
    ],
)
def test_wrap(text: str, cols: int, wrapped: str) -> None:
    indent = "  " if text == "一二三四五六" else ""
    assert wrap(text, cols, indent) == wrapped


@pytest.mark.slow
def test_show_says_when_workdays_cannot_be_counted(write_ledger: Write) -> None:
    root = write_ledger(OWED_TASKS.replace("2022年10月", "2099年10月"), OWED_UNITS)
    text = ok("show", "2.1", "--ledger", str(root), "--as-of", "2099-11-15").decode()
    assert "逾期 15 天(? 工作日)" in text
    assert "注:法定节假日数据(chinesecalendar)未覆盖 2099 年" in text
    assert "未覆盖" not in ok("show", "2.1", "--ledger", str(root), "--as-of", OWED_AS_OF).decode()
