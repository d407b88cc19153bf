"""The shipped ledger says what the source document says, item by item, owner by owner.

The expected table below was read off the 附表 (重点任务分解表) of 庐府办发〔2022〕31号
in tests/seed/, with its merged cells and lost characters resolved from the body text.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from gongkai_ledger.core.model import Ledger
from gongkai_ledger.core.registry import Registry
from gongkai_ledger.files.load import load_ledger

from .ledgers import SHIPPED

SEED = (Path(__file__).parent / "seed" / "2022-lushan-zwgk-gongzuo-yaodian.txt").read_text(
    encoding="utf-8"
)

# item id → (owners as written in the table, deadline as written, with 20229 → 2022年9月)
EXPECTED: dict[str, tuple[list[str], str]] = {
    "1.1": (["市发改委"], "2022年9月并持续更新"),
    "1.2": (["市发改委"], "2022年9月并持续更新"),
    "1.3": (["市工信局"], "2022年9月并持续更新"),
    "2.1": (
        ["市发改委", "市工信局", "市税务局", "市营商办", "市金融办", "市商务局"],
        "2022年9月并持续更新",
    ),
    "2.2": (["市财政局"], "2022年9月并持续更新"),
    "2.3": (["市营商办", "市市监局"], "2022年9月并持续更新"),
    "3.1": (["市发改委", "市工信局"], "2022年9月并持续更新"),
    "3.2": (["市人社局"], "2022年9月并持续更新"),
    "3.3": (["市发改委"], "2022年9月并持续更新"),
    "4.1": (["市卫健委"], "常态化更新"),
    "5.1": (["市财政局"], "2022年9月并持续更新"),
    "5.2": (["市财政局"], "2022年9月并持续更新"),  # merged cell with 5.1
    "5.3": (["市财政局"], "2022年9月并持续更新"),  # merged cell with 5.1
    "5.4": (["市农业农村局", "市住建局"], "2022年9月并持续更新"),
    "5.5": (["市乡村振兴局"], "2022年9月并持续更新"),
    "5.6": (["市生态环境局"], "2022年9月并持续更新"),
    "5.7": (["市水利局", "市林业局"], "2022年9月并持续更新"),
    "5.8": (["市政务服务局"], "2022年9月并持续更新"),
    "6.1": (["市司法局", "市政府办", "市政府各部门"], "2022年9月并持续更新"),
    "7.1": (["市政府办", "市政府相关部门", "各乡(镇、处)"], "2022年9月并持续更新"),
    "8.1": (["市政府办", "市财政局", "市农业农村局", "各乡(镇、处)"], "2022年9月并持续更新"),
    "9.1": (
        ["市教体局", "市卫健委", "市住建局", "市生态环境局", "市交通运输局"],
        "2022年9月并持续更新",
    ),
    "10.1": (["市政府办", "市政府各部门"], "2022年12月并持续更新"),
    "11.1": (["市政府办", "市数字经济发展中心"], "2022年12月"),
    "11.2": (["市政府办", "市数字经济发展中心"], "2022年12月"),
    "11.3": (
        ["市政府办", "市数字经济发展中心", "市政府各相关部门", "各乡(镇、处)"],
        "2022年12月",
    ),
    "12.1": (
        [
            "市政府办", "市档案馆", "市政务服务局", "市卫健委", "市教体局",
            "市人社局", "市民政局", "市税务局", "市文广新局", "各乡(镇、处)",
        ],
        "2022年12月",
    ),
    "13.1": (["市政府各部门", "各乡(镇、处)"], "2022年9月"),
    "14.1": (["各单位", "各乡镇"], "2022年12月"),
    "14.2": (["市司法局", "市委组织部"], "2022年12月"),
    "14.3": (["市政府各部门", "各乡(镇、处)"], "2022年12月"),
    "15.1": (["市政府办", "市政府各部门", "各乡(镇、处)"], "2022年12月"),
}  # fmt: skip

TASK_TITLES = {
    "1": "加强涉及数字经济发展的信息公开",
    "2": "加强涉及优化营商环境的信息公开",
    "3": "加强涉及扩大有效投资信息公开",
    "4": "规范疫情防控信息公开",
    "5": "规范重点领域信息公开",
    "6": "深化规章和行政规范性文件集中公开",
    "7": "推进基层政务公开标准化规范化建设",
    "8": "推进基层政务公开向农村和社区延伸",
    "9": "规范公共企事业单位信息公开",
    "10": "加强政策精准解读推送",
    "11": "提高政府网站与政务新媒体运营水平",
    "12": "优化线下公开渠道建设",
    "13": "积极回应群众关切",
    "14": "强化组织领导",
    "15": "抓好工作落实",
}
SECTION_OF_TASK = {
    "一": ["1", "2", "3"],
    "二": ["4", "5", "6"],
    "三": ["7", "8", "9"],
    "四": ["10", "11", "12", "13"],
    "五": ["14", "15"],
}
TOWNS = ["南康镇", "白鹿镇", "温泉镇", "蓼花镇", "华林镇", "横塘镇", "蛟塘镇", "海会镇", "牯岭镇"]


@pytest.fixture(scope="module")
def ledger() -> Ledger:
    loaded = load_ledger(SHIPPED)
    assert loaded.problems == []
    return loaded.ledger


def test_header(ledger: Ledger) -> None:
    plan = ledger.plan
    assert (plan.title, plan.issuer, plan.doc_no, plan.issued, plan.year) == (
        "2022年庐山市政务公开工作要点",
        "庐山市人民政府办公室",
        "庐府办发〔2022〕31号",
        date(2022, 9, 20),
        2022,
    )
    for text in (plan.title, plan.doc_no):
        assert text in SEED


def test_sections_are_the_five_of_the_body_text(ledger: Ledger) -> None:
    numerals = "一二三四五"
    assert [s.id for s in ledger.sections] == list(numerals)
    for section in ledger.sections:
        assert f"{section.id}、{section.title}" in SEED
    assert {s: [t.id for t in ledger.tasks if t.section == s] for s in numerals} == (
        SECTION_OF_TASK
    )


def test_fifteen_tasks_with_their_titles(ledger: Ledger) -> None:
    assert {t.id: t.title for t in ledger.tasks} == TASK_TITLES
    for title in TASK_TITLES.values():
        assert title in SEED


def test_thirty_two_items_owner_by_owner_and_deadline_by_deadline(ledger: Ledger) -> None:
    actual = {
        i.id: ([o.text for o in i.owners], i.deadline.text if i.deadline else "")
        for i in ledger.items()
    }
    assert len(actual) == 32
    assert actual == EXPECTED


def test_every_content_is_the_documents_text(ledger: Ledger) -> None:
    # The table lost characters (〔20226号, 20229月, 202210月); the body text has them whole.
    table_text = SEED.split("附表:重点任务分解表")[1]
    body_text = SEED.split("附表:重点任务分解表")[0]
    for item in ledger.items():
        assert item.content in table_text or item.content in body_text, item.id


def test_every_owner_in_the_table_appears_in_the_document(ledger: Ledger) -> None:
    table_text = SEED.split("附表:重点任务分解表")[1]
    for owners, _ in EXPECTED.values():
        for owner in owners:
            assert owner in table_text, owner


def test_owners_resolve_and_collective_owners_expand(ledger: Ledger) -> None:
    registry = Registry.of(ledger)
    towns = [u.name for u in registry.expand("各乡(镇、处)")]
    assert towns == [*TOWNS, "蓼南乡", "沙湖山管理处"]
    assert len(towns) == 11  # the 11 乡(镇、处) of task 8
    assert [u.name for u in registry.expand("各乡镇")] == towns
    departments = {u.name for u in registry.expand("市政府各部门")}
    assert {"市财政局", "市发改委", "市司法局"} <= departments
    assert "市委组织部" not in departments  # a Party organ, not a government department
    assert "市税务局" not in departments  # vertically managed
    for alias in ("市政府相关部门", "市政府各相关部门"):
        assert {u.name for u in registry.expand(alias)} == departments
    for item in ledger.items():
        assert registry.owning_units(item), item.id


def test_body_text_typo_is_not_in_the_items(ledger: Ledger) -> None:
    assert "乡市村振兴局" in SEED
    assert all("乡市村振兴局" not in [o.text for o in i.owners] for i in ledger.items())


def test_milestones_stated_inside_the_content(ledger: Ledger) -> None:
    milestones = {
        i.id: [(m.deadline.text, m.deadline.due) for m in i.milestones]
        for i in ledger.items()
        if i.milestones
    }
    assert milestones == {
        "7.1": [("2022年9月底前", date(2022, 9, 30))],
        "8.1": [("每年年底前", date(2022, 12, 31))],
        "9.1": [("2022年底前", date(2022, 12, 31))],
        "11.1": [("2022年10月底前", date(2022, 10, 31))],
    }
    for item_id, ((text, _),) in milestones.items():
        content = next(i.content for i in ledger.items() if i.id == item_id)
        assert text in content


def test_no_progress_is_invented() -> None:
    progress = SHIPPED / "progress"
    assert not progress.exists() or not list(progress.glob("*.yaml"))


def test_unit_ids_are_stable_ascii(ledger: Ledger) -> None:
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9_-]*", u.id) for u in ledger.units)
    assert next(u.id for u in ledger.units if u.name == "市财政局") == "czj"
