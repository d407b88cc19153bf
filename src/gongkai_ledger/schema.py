"""The shape of the ledger files, defined once: JSON Schema for editors, key order for `fmt`.

Each `Node` lists its keys in the canonical order (`ledger fmt` writes them so), each key
with a Chinese description (hover help in an editor with the YAML language server) and
its JSON Schema. `json_schema(kind)` turns the definition into a draft 2020-12 schema.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from .deadline import ACCEPTED_FORMS
from .model import UNIT_ID, Cadence, Status

DRAFT = "https://json-schema.org/draft/2020-12/schema"

JSON = dict[str, Any]


class FileKind(StrEnum):
    TASKS = "tasks"
    UNITS = "units"
    PROGRESS = "progress"


@dataclass(frozen=True)
class Key:
    name: str
    description: str
    schema: Mapping[str, Any] = field(default_factory=dict)
    node: Node | None = None  # the value is this node type (`many`: a list of them)
    many: bool = False
    required: bool = False
    quoted: bool = False  # an id that YAML would misread unquoted: `fmt` writes "5.10"


@dataclass(frozen=True)
class Node:
    name: str  # the name under $defs
    description: str
    keys: tuple[Key, ...]
    extra: Mapping[str, Any] = field(default_factory=dict)  # e.g. if/then between keys

    @property
    def order(self) -> tuple[str, ...]:
        return tuple(key.name for key in self.keys)

    def key(self, name: str) -> Key | None:
        return next((k for k in self.keys if k.name == name), None)


_TEXT: JSON = {"type": "string", "minLength": 1}
_DATE: JSON = {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
_NAMES: JSON = {"type": "array", "items": _TEXT}
# Numbered as in a 重点任务分解表: task 5, items "5.1", "5.10".
_TASK_ID: JSON = {"type": ["integer", "string"], "minimum": 1, "pattern": r"^[1-9][0-9]*$"}
_ITEM_ID: JSON = {"type": "string", "pattern": r"^[1-9][0-9]*(\.[1-9][0-9]*)+$"}
_DEADLINE: JSON = {
    "type": "string",
    "minLength": 1,
    "examples": [form for form in ACCEPTED_FORMS if "“" not in form],
}
_DEADLINE_HELP = "照录原文;可用写法如 2022年9月、2022年9月底前、年底前、2022-09-30、常态化更新,后面可加“并持续更新”"

PLAN = Node(
    "plan",
    "文件信息:工作要点的标题、发文机关、文号、年度和督办参数",
    (
        Key(
            "title",
            "工作要点的标题,照录原文件,如“2022年庐山市政务公开工作要点”",
            _TEXT,
            required=True,
        ),
        Key("issuer", "发文机关,如“庐山市人民政府办公室”", _TEXT),
        Key("doc_no", "文号,如“庐府办发〔2022〕31号”", _TEXT),
        Key("issued", "印发日期,写成 YYYY-MM-DD", _DATE),
        Key(
            "year",
            "年度:不写年份的完成时间(如“年底前”)按这一年理解",
            {"type": "integer", "minimum": 1900, "maximum": 2999},
            required=True,
        ),
        Key(
            "update_every",
            "持续更新事项的报送周期:月、季 或 年;不写时为 月",
            {"enum": [c.value for c in Cadence]},
        ),
        Key(
            "warn_days",
            "临期提醒天数:到期前这么多天内未完成即为“临期”;不写时为 15",
            {"type": "integer", "minimum": 0},
        ),
        Key(
            "timezone",
            "时区(IANA 名称):“今天”按此地的日期计算;不写时为 Asia/Shanghai(北京时间)",
            {"type": "string", "pattern": r"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*$"},
        ),
    ),
)

SECTION = Node(
    "section",
    "章节:分解表中的一个部分",
    (
        Key("id", "章节编号,如“一”", {"type": ["string", "integer"]}, required=True),
        Key("title", "章节标题,照录原文", _TEXT, required=True),
    ),
)

MILESTONE = Node(
    "milestone",
    "时间节点:条目正文中写明的阶段性完成时间",
    (
        Key("deadline", "节点的完成时间;" + _DEADLINE_HELP, _DEADLINE, required=True),
        Key("what", "到这个时间要完成的事", _TEXT, required=True),
    ),
)

ITEM = Node(
    "item",
    "条目:任务下的一项具体工作,有责任单位和完成时间",
    (
        Key(
            "id",
            '条目编号,一律加引号,如 "5.1";不加引号的 5.10 会被读成数字 5.1',
            _ITEM_ID,
            required=True,
            quoted=True,
        ),
        Key("content", "条目内容,照录原文全文", _TEXT, required=True),
        Key(
            "owners",
            "责任单位:units.yaml 中单位或单位组的名称、别名,如 [市财政局, 各乡镇]",
            {**_NAMES, "minItems": 1},
            required=True,
        ),
        Key("lead", "牵头单位(须是责任单位之一)", _TEXT),
        Key("deadline", "条目自己的完成时间,覆盖任务的完成时间;" + _DEADLINE_HELP, _DEADLINE),
        Key("milestones", "正文中写明的时间节点", node=MILESTONE, many=True),
    ),
)

TASK = Node(
    "task",
    "重点任务:分解表中的一行,含若干条目",
    (
        Key("id", "任务编号,如 5", _TASK_ID, required=True),
        Key("section", "所属章节的编号(sections 中的 id)", {"type": ["string", "integer"]}),
        Key("title", "任务名称,照录原文", _TEXT, required=True),
        Key("deadline", "任务的完成时间,条目可各自覆盖;" + _DEADLINE_HELP, _DEADLINE),
        Key("items", "任务下的条目", node=ITEM, many=True, required=True),
    ),
)

TASKS_FILE = Node(
    "tasks-file",
    "政务公开工作要点重点任务分解表(tasks.yaml)",
    (
        Key("plan", "文件信息", node=PLAN, required=True),
        Key("sections", "章节", node=SECTION, many=True),
        Key("tasks", "重点任务,按分解表的顺序", node=TASK, many=True, required=True),
    ),
)

UNIT = Node(
    "unit",
    "责任单位",
    (
        Key(
            "id",
            "单位编号:小写 ASCII,如 czj;用作进展文件名 progress/<编号>.yaml,一经使用不要改",
            {"type": "string", "pattern": f"^{UNIT_ID.pattern}$"},  # the rule's own
            required=True,
        ),
        Key("name", "单位名称,照分解表的写法,如“市财政局”", _TEXT, required=True),
        Key("aliases", "其他写法(别名),如 [财政局]", _NAMES),
        Key("kind", "分类标签,如 政府工作部门、乡镇", _TEXT),
    ),
)

GROUP = Node(
    "group",
    "集体责任单位(单位组):展开为全部成员",
    (
        Key("name", "单位组名称,照分解表的写法,如“各乡(镇、处)”", _TEXT, required=True),
        Key("aliases", "其他写法(别名),如 [各乡镇]", _NAMES),
        Key("members", "成员:单位或其他单位组的名称", _NAMES, required=True),
    ),
)

UNITS_FILE = Node(
    "units-file",
    "责任单位名录(units.yaml)",
    (
        Key("units", "单位,每个单位一项", node=UNIT, many=True, required=True),
        Key("groups", "分解表中的集体责任单位,如“市政府各部门”", node=GROUP, many=True),
    ),
)

REPORT = Node(
    "report",
    "一条进展报告",
    (
        Key("item", '条目编号,加引号,如 "5.1"', _ITEM_ID, required=True, quoted=True),
        Key("date", "报送日期,写成 YYYY-MM-DD", _DATE, required=True),
        Key(
            "status",
            "状态:" + "、".join(s.value for s in Status),
            {"enum": [s.value for s in Status]},
            required=True,
        ),
        Key("summary", "进展摘要:做了什么、在哪里公开(状态为“不涉及”时可省略)", _TEXT),
        Key("reason", "不涉及的理由(状态为“不涉及”时必填)", _TEXT),
        Key("evidence", "佐证材料:公开的网址或文件,如 [https://……]", _NAMES),
    ),
    extra={
        "if": {
            "properties": {"status": {"const": Status.NOT_APPLICABLE.value}},
            "required": ["status"],
        },
        "then": {"required": ["reason"]},
        "else": {"required": ["summary"]},
    },
)

PROGRESS_FILE = Node(
    "progress-file",
    "一个单位的进展报送(progress/<单位编号>.yaml)",
    (
        Key("unit", "报送单位的名称;文件名须是该单位的编号", _TEXT, required=True),
        Key("reports", "进展报告,新的追加在末尾", node=REPORT, many=True, required=True),
    ),
)

ROOTS: dict[FileKind, Node] = {
    FileKind.TASKS: TASKS_FILE,
    FileKind.UNITS: UNITS_FILE,
    FileKind.PROGRESS: PROGRESS_FILE,
}


def json_schema(kind: FileKind) -> JSON:
    """The draft 2020-12 schema of one kind of ledger file."""
    root = ROOTS[kind]
    definitions: dict[str, JSON] = {}
    _collect(root, definitions)
    body = definitions.pop(root.name)
    return {
        "$schema": DRAFT,
        "title": root.description,
        **{k: v for k, v in body.items() if k != "description"},
        "$defs": definitions,
    }


def _collect(node: Node, definitions: dict[str, JSON]) -> None:
    if node.name in definitions:
        return
    properties: JSON = {}
    for key in node.keys:
        if key.node is not None:
            _collect(key.node, definitions)
            ref: JSON = {"$ref": f"#/$defs/{key.node.name}"}
            value: JSON = {"type": "array", "items": ref} if key.many else ref
        else:
            value = dict(key.schema)
        properties[key.name] = {"description": key.description, **value}
    definitions[node.name] = {
        "description": node.description,
        "type": "object",
        "properties": properties,
        "required": [key.name for key in node.keys if key.required],
        "additionalProperties": False,
        **node.extra,
    }


def schema_json(kind: FileKind) -> str:
    """The schema as the file `ledger schema` writes: UTF-8 JSON, Chinese as is."""
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"


def schema_file_name(kind: FileKind) -> str:
    return f"{kind.value}.schema.json"
