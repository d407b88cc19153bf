"""`ledger schema`: the shipped data validates; wrong types, values and keys do not."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from gongkai_ledger.files.schema import FileKind, json_schema, schema_json

from .cli_run import run_ledger
from .ledgers import REPO, SHIPPED, TASKS, UNITS

PROGRESS = """\
unit: 县财政局
reports:
  - item: "1.1"
    date: 2022-09-26
    status: 已完成
    summary: 在门户网站公开
    evidence: [https://example.gov.cn/a]
  - item: "1.2"
    date: 2022-10-08
    status: 不涉及
    reason: 本级无此事项
"""


def as_json(text: str) -> Any:
    """YAML as an editor's language server sees it: dates are text."""
    return json.loads(json.dumps(yaml.safe_load(text), default=str))


def errors(kind: FileKind, text: str) -> list[tuple[str, str]]:
    """(path, validator) of each schema error, e.g. ("plan/year", "type")."""
    validator = Draft202012Validator(json_schema(kind))
    return sorted(
        ("/".join(str(p) for p in e.absolute_path), str(e.validator))
        for e in validator.iter_errors(as_json(text))
    )


@pytest.mark.parametrize("kind", list(FileKind))
def test_schema_is_valid_draft_2020_12(kind: FileKind) -> None:
    schema = json_schema(kind)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_shipped_data_validates() -> None:
    assert errors(FileKind.TASKS, (SHIPPED / "tasks.yaml").read_text(encoding="utf-8")) == []
    assert errors(FileKind.UNITS, (SHIPPED / "units.yaml").read_text(encoding="utf-8")) == []
    for path in sorted((SHIPPED / "progress").glob("*.yaml")):
        assert errors(FileKind.PROGRESS, path.read_text(encoding="utf-8")) == [], path
    assert errors(FileKind.PROGRESS, PROGRESS) == []


def test_test_ledger_validates() -> None:
    assert errors(FileKind.TASKS, TASKS) == []
    assert errors(FileKind.UNITS, UNITS) == []


def test_wrong_types_values_and_keys_are_rejected() -> None:
    tasks = (
        TASKS.replace("year: 2022", "year: 2022年")
        .replace("update_every: 月", "update_every: 周")
        .replace('- id: "1.1"', "- id: 1.1")
        .replace("owners: [县财政局]", "owners: 、")
        .replace("content: 条目二", "contents: 条目二")
    )
    assert errors(FileKind.TASKS, tasks) == [
        ("plan/update_every", "enum"),
        ("plan/year", "type"),
        ("tasks/0/items/0/id", "type"),
        ("tasks/0/items/0/owners", "anyOf"),
        ("tasks/0/items/1", "additionalProperties"),
        ("tasks/0/items/1", "required"),
    ]
    units = UNITS.replace("id: czj", "id: 财政局").replace(
        "members: [甲镇, 乙乡]", "members: {甲: 镇}"
    )
    assert errors(FileKind.UNITS, units) == [
        ("groups/0/members", "anyOf"),
        ("units/0/id", "pattern"),
    ]
    progress = (
        PROGRESS.replace("status: 已完成", "status: 完成")
        .replace("reason: 本级无此事项", "summary: 无")
        .replace("date: 2022-09-26", "date: 9月26日")
    )
    assert errors(FileKind.PROGRESS, progress) == [
        ("reports/0/date", "pattern"),
        ("reports/0/status", "enum"),
        ("reports/1", "required"),  # 不涉及 needs a reason
    ]


@pytest.mark.parametrize("kind", list(FileKind))
def test_every_key_has_a_chinese_description(kind: FileKind) -> None:
    schema = json_schema(kind)
    nodes = [schema, *schema["$defs"].values()]
    for node in nodes:
        for name, prop in node["properties"].items():
            assert re.search(r"[\u4e00-\u9fff]", prop.get("description", "")), (kind, name)


def test_enums_come_from_the_model() -> None:
    report = json_schema(FileKind.PROGRESS)["$defs"]["report"]["properties"]
    assert report["status"]["enum"] == ["未启动", "推进中", "已完成", "不涉及"]
    plan = json_schema(FileKind.TASKS)["$defs"]["plan"]["properties"]
    assert plan["update_every"]["enum"] == ["月", "季", "半年", "年"]
    item = json_schema(FileKind.TASKS)["$defs"]["item"]["properties"]
    assert item["update_every"]["enum"] == plan["update_every"]["enum"]
    assert plan["item_ids"]["enum"] == ["prefixed", "free"]


def test_command_prints_one_schema(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_ledger(capsys, "schema", "--file", "progress")
    assert (result.code, result.out, result.err) == (0, schema_json(FileKind.PROGRESS), "")


def test_command_writes_all_four(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "schema"
    result = run_ledger(capsys, "schema", "-o", str(out))
    assert result.code == 0
    assert result.out == "".join(
        f"已写入:{out.as_posix()}/{name}.schema.json\n"
        for name in ("tasks", "units", "progress", "calendar", "reviews")
    )
    for kind in FileKind:
        assert (out / f"{kind}.schema.json").read_text(encoding="utf-8") == schema_json(kind)


def test_command_needs_a_choice(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_ledger(capsys, "schema")
    assert (result.code, result.err) == (
        2,
        "用法错误:请用 --file 选择 tasks、units、progress、calendar 或 reviews,或用 -o 目录 写出全部五个文件\n",
    )
    result = run_ledger(capsys, "schema", "--file", "plan")
    assert (result.code, result.err) == (
        2,
        "用法错误:--file 只能是 tasks、units、progress、calendar、reviews,不能是“plan”\n",
    )


@pytest.mark.parametrize("kind", list(FileKind))
def test_committed_schema_files_are_current(kind: FileKind) -> None:
    """schema/ is what editors load; regenerate with `ledger schema -o schema`."""
    committed = REPO / "schema" / f"{kind}.schema.json"
    assert committed.read_text(encoding="utf-8") == schema_json(kind)


def test_modeline_example_in_readme_points_at_the_committed_files() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    lines = re.findall(r"# yaml-language-server: \$schema=([^\s`]+)", readme)
    assert lines, "README documents the modeline"
    for target in lines:
        assert (SHIPPED / target).resolve().is_file() or (
            SHIPPED / "progress" / target
        ).resolve().is_file(), target


def test_key_order_is_the_format_order() -> None:
    """`ledger fmt` writes keys in this order (tests/test_fmt.py)."""
    schema = json_schema(FileKind.TASKS)
    assert list(schema["$defs"]["item"]["properties"]) == [
        "id",
        "content",
        "owners",
        "lead",
        "support",
        "report_by",
        "deadline",
        "update_every",
        "milestones",
        "extensions",
        "carried_from",
    ]
