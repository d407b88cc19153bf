"""The shape of the ledger files, defined once: the loader, JSON Schema, `fmt` and the docs read it.

Each `Node` lists its keys in the canonical order (`ledger fmt` writes them so). Each key has
a kind (text, id, integer in a range, date, names, deadline, one of some values, a node), a
Chinese description (hover help in an editor, docs/format-keys.md) and the Chinese label the
loader names it by in messages. `load.Reader` reads every key by its kind; `json_schema(kind)`
turns the same definition into a draft 2020-12 schema, so the two accept the same values
(tests/test_shape_agreement.py walks every key to prove it).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from ..core.deadline import ACCEPTED_FORMS
from ..core.flowlist import NAME_SEPARATORS
from ..core.model import (
    CARRIED_STATES,
    DEFAULT_REVIEW_DAYS,
    ITEM_IDS_FREE,
    ITEM_IDS_PREFIXED,
    REVIEW_NONE,
    REVIEW_REQUIRED,
    UNIT_ID,
    Cadence,
    ReportBy,
    Status,
)
from ..core.record import record
from ..rules import id_format, unit_id_format

DRAFT = "https://json-schema.org/draft/2020-12/schema"

JSON = dict[str, Any]


class FileKind(StrEnum):
    TASKS = "tasks"
    UNITS = "units"
    PROGRESS = "progress"
    CALENDAR = "calendar"
    REVIEWS = "reviews"


class Kind(StrEnum):
    """What a key's value is; the value says it in the key reference (docs/format-keys.md)."""

    TEXT = "单行文本"
    MULTILINE = "文本(可换行)"
    ID = "编号"  # a section, task or item id: id-format's pattern
    REFERENCE = "编号引用"  # an id named elsewhere: a task's section, a report's item
    UNIT_ID = "单位编号"
    INTEGER = "整数"
    DATE = "日期"
    NAMES = "名称列表"
    DEADLINE = "完成时间"
    CHOICE = "取值之一"
    TIMEZONE = "时区"
    NODE = "映射"  # `many`: a list of mappings


# Kinds whose value is text: a plain 2023.06 or 2022-06-30 is text here, a number or a date to
# other YAML readers (unquoted-text), so `fmt` quotes it.
TEXT_KINDS = frozenset({Kind.TEXT, Kind.MULTILINE, Kind.DEADLINE, Kind.TIMEZONE})


@record
class Key:
    name: str
    kind: Kind
    description: str
    # How the loader names the key in messages; {id}, {name}, {task}, {item}: of the node.
    what: str = ""
    node: Node | None = None  # Kind.NODE: the value is this node (`many`: a list of them)
    many: bool = False
    by_year: bool = False  # Kind.NODE: a mapping from a four-digit year to this node
    required: bool = False
    numbers_ok: bool = False  # an id YAML reads as an integer unchanged (task 5), not 5.10
    minimum: int | None = None  # Kind.INTEGER
    maximum: int | None = None
    too_small: str = ""  # messages for a value out of range: {what}, {written}, {minimum}…
    too_large: str = ""
    values: tuple[str, ...] = ()  # Kind.CHOICE
    unknown: str = ""  # message for a value not among them: {what}, {text}, {values}
    unknown_rule: str = "wrong-type"
    suggest: bool = False  # hint the closest of `values`
    min_items: int = 0  # a list (names or nodes) that may not be empty or null
    empty_ok: bool = False  # text that may be empty (a reason)
    rule: str = ""  # a check rule that refuses values the loader reads (unit-id-format)
    written_ok: bool = False  # Kind.NAMES: also one text “甲、乙” as tables write it (split_names)

    @property
    def quoted(self) -> bool:
        """An id that YAML would misread unquoted: `fmt` writes "5.10"."""
        return self.kind in (Kind.ID, Kind.REFERENCE) and not self.numbers_ok


@record
class Node:
    name: str  # the name under $defs
    description: str
    keys: tuple[Key, ...]
    what: str = ""  # how the loader names the mapping in messages
    extra: Mapping[str, Any] = MappingProxyType({})  # e.g. if/then between keys

    @property
    def order(self) -> tuple[str, ...]:
        return tuple(key.name for key in self.keys)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(key.name for key in self.keys if key.required)

    @property
    def optional(self) -> tuple[str, ...]:
        return tuple(key.name for key in self.keys if not key.required)

    def key(self, name: str) -> Key | None:
        return next((k for k in self.keys if k.name == name), None)


# The one true year range: a 工作要点 is a document of this century or the next; the
# schema's range since issue 9, and four digits keep 年底前 and 2022-09-30 unambiguous.
YEARS = (1900, 2999)
MAX_WARN_DAYS = 3660  # ten years: more is a typo, and date arithmetic stays in range

_YEAR_WRONG = "{what} {written} 不是有效年份"
_DEADLINE_HELP = (
    "照录原文;可用写法如 2022年9月、2022年9月底前、年底前、2022-09-30、上半年、第三季度、"
    "每月28日前、常态化更新,日期后面可加“并持续更新”"
)


_REPORT_BY_HELP = (
    "谁负责报送进展:all(全部责任单位,默认)或 lead(只由牵头单位报告,“由牵头部门负责报告”)"
)


def _report_by(description: str, what: str) -> Key:
    return Key(
        "report_by",
        Kind.CHOICE,
        description + _REPORT_BY_HELP,
        what,
        values=tuple(r.value for r in ReportBy),
        unknown="{what}“{text}”应为 {values} 之一",
    )


def _text(name: str, description: str, what: str, **more: Any) -> Key:
    return Key(name, Kind.TEXT, description, what, **more)


def _year(description: str, what: str) -> Key:
    """A required `year` within YEARS (the plan's, or the year a 回头看 item came from)."""
    return Key(
        "year",
        Kind.INTEGER,
        description,
        what,
        required=True,
        minimum=YEARS[0],
        maximum=YEARS[1],
        too_small=_YEAR_WRONG,
        too_large=_YEAR_WRONG,
    )


def _deadline(description: str, what: str, **more: Any) -> Key:
    return Key("deadline", Kind.DEADLINE, description + _DEADLINE_HELP, what, **more)


def _cadence(description: str, what: str) -> Key:
    """update_every: how often a continuing item is reported (plan, task or item)."""
    values = tuple(c.value for c in Cadence)
    return Key(
        "update_every",
        Kind.CHOICE,
        description.format(values="、".join(values[:-1]) + " 或 " + values[-1]),
        what,
        values=values,
        unknown="{what}“{text}”应为 {values} 之一",
    )


PLAN = Node(
    "plan",
    "文件信息:工作要点的标题、发文机关、文号、年度和督办参数",
    (
        _text(
            "title",
            "工作要点的标题,照录原文件,如“2022年庐山市政务公开工作要点”",
            "plan.title",
            required=True,
        ),
        _text("issuer", "发文机关,如“庐山市人民政府办公室”", "plan.issuer"),
        _text("doc_no", "文号,如“庐府办发〔2022〕31号”", "plan.doc_no"),
        Key("issued", Kind.DATE, "印发日期,写成 YYYY-MM-DD", "plan.issued"),
        _year("年度:不写年份的完成时间(如“年底前”)按这一年理解", "plan.year"),
        Key(
            "default_deadline",
            Kind.DEADLINE,
            "分解表没有“完成时间”一栏时的完成时间,用于任务和条目都没写 deadline 的条目,"
            "通报中显示为“(未写明,按年底前)”;" + _DEADLINE_HELP,
            "plan.default_deadline",
        ),
        _cadence("持续更新事项的报送周期:{values};不写时为 月", "plan.update_every"),
        Key(
            "warn_days",
            Kind.INTEGER,
            "临期提醒天数:到期前这么多天内未完成即为“临期”;不写时为 15",
            "plan.warn_days",
            minimum=0,
            maximum=MAX_WARN_DAYS,
            too_small="{what} 不能为负数",
            too_large="{what} 过大(最多 {maximum} 天)",
        ),
        Key(
            "item_ids",
            Kind.CHOICE,
            "条目编号的写法:prefixed(以任务编号加“.”开头,如 5.1)或 free(分解表不编号时,"
            "条目编号可任意,只须唯一);不写时为 prefixed",
            "plan.item_ids",
            values=(ITEM_IDS_PREFIXED, ITEM_IDS_FREE),
            unknown="{what}“{text}”应为 {values} 之一",
        ),
        Key(
            "timezone",
            Kind.TIMEZONE,
            "时区(IANA 名称):“今天”按此地的日期计算;不写时为 Asia/Shanghai(北京时间)",
            "plan.timezone",
        ),
        _report_by("全部条目的报送方式,任务和条目可各自覆盖;", "plan.report_by"),
        Key(
            "review",
            Kind.CHOICE,
            "办结审核:required(单位报“已完成”后须经发文机关在 reviews.yaml 中销号才算完成)"
            "或 none(单位报“已完成”即完成);不写时为 none",
            "plan.review",
            values=(REVIEW_NONE, REVIEW_REQUIRED),
            unknown="{what}“{text}”应为 {values} 之一",
        ),
        Key(
            "review_days",
            Kind.INTEGER,
            "待审核超过这么多个工作日,列入办公室自己的待办(overdue 中的“待审核”);"
            f"不写时为 {DEFAULT_REVIEW_DAYS}",
            "plan.review_days",
            minimum=0,
            maximum=MAX_WARN_DAYS,
            too_small="{what} 不能为负数",
            too_large="{what} 过大(最多 {maximum} 天)",
        ),
    ),
    what="plan",
)

SECTION = Node(
    "section",
    "章节:分解表中的一个部分",
    (
        Key("id", Kind.ID, "章节编号,如“一”", "章节编号", required=True, numbers_ok=True),
        _text(
            "label",
            "章节序号,照原文的写法,如“一、”“(一)”“1.”;不写时按层级生成:"
            "第一层“一、”,第二层“(一)”,第三层起“1.”",
            "章节 {id} 的 label",
        ),
        _text("title", "章节标题,照录原文", "章节标题", required=True),
        Key(
            "parent",
            Kind.REFERENCE,
            "上一级章节的编号(sections 中的 id),如 主动公开 > 基础信息公开 > 行政规范性文件;"
            "不写时为第一层",
            "章节 {id} 的 parent",
            numbers_ok=True,
        ),
    ),
    what="章节",
)

MILESTONE = Node(
    "milestone",
    "时间节点:条目正文中写明的阶段性完成时间",
    (
        _deadline("节点的完成时间;", "条目 {item} 节点的完成时间", required=True),
        Key(
            "what",
            Kind.MULTILINE,
            "到这个时间要完成的事",
            "条目 {item} 节点的内容",
            required=True,
        ),
    ),
    what="条目 {item} 的节点",
)

EXTENSION = Node(
    "extension",
    "延期:市政府办(发文机关)批准的新完成时间;批准早于原完成时间的改变完成时间,"
    "晚于原完成时间的不消除逾期(按期完成率仍按原完成时间计)",
    (
        _deadline(
            "延期后的完成时间,须写明日期且不早于原完成时间;",
            "条目 {item} 延期后的完成时间",
            required=True,
        ),
        Key(
            "approved",
            Kind.DATE,
            "批准延期的日期,写成 YYYY-MM-DD;这一天起延期生效",
            "条目 {item} 延期的批准日期",
            required=True,
        ),
        _text(
            "ref", "批准的依据:文号或合并请求,如“庐府办函〔2022〕12号”", "条目 {item} 延期的 ref"
        ),
        Key("reason", Kind.MULTILINE, "延期的理由", "条目 {item} 延期的理由"),
    ),
    what="条目 {item} 的延期",
)

CARRIED_UNIT = Node(
    "carried-unit",
    "回头看:一个单位在原台账中截至年底的情况",
    (
        _text("unit", "单位名称,照原台账的写法", "条目 {item} 回头看的单位", required=True),
        Key(
            "state",
            Kind.CHOICE,
            "截至原台账年底的情况:" + "、".join(CARRIED_STATES[:-1]) + " 或 " + CARRIED_STATES[-1],
            "条目 {item} 回头看的情况",
            required=True,
            values=CARRIED_STATES,
            unknown="{what}“{text}”应为 {values} 之一",
            suggest=True,
        ),
        Key(
            "completed",
            Kind.DATE,
            "逾期完成的完成日期、待审核的报已完成日期,写成 YYYY-MM-DD",
            "条目 {item} 的完成日期",
        ),
    ),
    what="条目 {item} 回头看的单位",
)

CARRIED_FROM = Node(
    "carried-from",
    "回头看:条目由哪一年台账的哪个条目转来(ledger rollover 写入;只记来源,不影响状态)",
    (
        _year("原台账的年度,如 2022", "条目 {item} 回头看的年度"),
        Key(
            "item",
            Kind.REFERENCE,
            '原条目编号,加引号,如 "1.2"',
            "条目 {item} 回头看的原条目编号",
            required=True,
        ),
        Key(
            "units",
            Kind.NODE,
            "原台账中未完成或逾期完成的单位,每个一项",
            "条目 {item} 回头看的 units",
            node=CARRIED_UNIT,
            many=True,
            required=True,
            min_items=1,
        ),
    ),
    what="条目 {item} 的回头看来源",
)

ITEM = Node(
    "item",
    "条目:任务下的一项具体工作,有责任单位和完成时间",
    (
        Key(
            "id",
            Kind.ID,
            '条目编号,一律加引号,如 "5.1";不加引号的 5.10 会被读成数字 5.1',
            "条目编号",
            required=True,
        ),
        Key(
            "content",
            Kind.MULTILINE,
            "条目内容,照录原文全文",
            "条目 {id} 的内容",
            required=True,
        ),
        Key(
            "owners",
            Kind.NAMES,
            "责任单位:units.yaml 中单位或单位组的名称、别名,如 [市财政局, 各乡镇];"
            "也可照表格写成一段文本“市财政局、各乡镇”(以 、 , ， ; ； 分隔)",
            "条目 {id} 的 owners",
            required=True,
            min_items=1,
            written_ok=True,
        ),
        Key(
            "lead",
            Kind.NAMES,
            "牵头单位:一个或几个,如 区发改委 或 [区发改委, 区工信局];"
            "牵头单位对条目负责(不在 owners 中也一样)",
            "条目 {id} 的牵头单位",
            written_ok=True,
        ),
        Key(
            "support",
            Kind.NAMES,
            "配合单位:单位或单位组,如 [区财政局, 各街道];列出并可报送进展,但不计逾期、临期、更新滞后",
            "条目 {id} 的配合单位",
            written_ok=True,
        ),
        _report_by("条目的报送方式,覆盖任务和 plan 的;", "条目 {id} 的 report_by"),
        _deadline("条目自己的完成时间,覆盖任务的完成时间;", "条目 {id} 的完成时间"),
        _cadence(
            "条目自己的报送周期({values}),覆盖任务和 plan 的 update_every",
            "条目 {id} 的 update_every",
        ),
        Key(
            "milestones",
            Kind.NODE,
            "正文中写明的时间节点",
            "条目 {id} 的 milestones",
            node=MILESTONE,
            many=True,
        ),
        Key(
            "extensions",
            Kind.NODE,
            "延期:经批准的新完成时间,每次一项(见 docs/format.md“延期”)",
            "条目 {id} 的 extensions",
            node=EXTENSION,
            many=True,
        ),
        Key(
            "carried_from",
            Kind.NODE,
            "回头看:由上一年台账的哪个条目转来(见 docs/format.md“回头看”)",
            "条目 {id} 的 carried_from",
            node=CARRIED_FROM,
        ),
    ),
    what="任务 {task} 的条目",
)

TASK = Node(
    "task",
    "重点任务:分解表中的一行,含若干条目",
    (
        Key("id", Kind.ID, "任务编号,如 5", "任务编号", required=True, numbers_ok=True),
        Key(
            "section",
            Kind.REFERENCE,
            "所属章节的编号(sections 中的 id)",
            "任务 {id} 的章节",
            numbers_ok=True,
        ),
        _text("title", "任务名称,照录原文", "任务 {id} 的标题", required=True),
        _deadline("任务的完成时间,条目可各自覆盖;", "任务 {id} 的完成时间"),
        _cadence(
            "任务的报送周期({values}),覆盖 plan 的 update_every,条目可各自覆盖",
            "任务 {id} 的 update_every",
        ),
        _report_by("任务下条目的报送方式,覆盖 plan 的,条目可各自覆盖;", "任务 {id} 的 report_by"),
        Key(
            "items",
            Kind.NODE,
            "任务下的条目",
            "任务 {id} 的 items",
            node=ITEM,
            many=True,
            required=True,
            min_items=1,
        ),
    ),
    what="任务",
)

TASKS_FILE = Node(
    "tasks-file",
    "政务公开工作要点重点任务分解表(tasks.yaml)",
    (
        Key("plan", Kind.NODE, "文件信息", "plan", node=PLAN, required=True),
        Key("sections", Kind.NODE, "章节", "sections", node=SECTION, many=True),
        Key(
            "tasks",
            Kind.NODE,
            "重点任务,按分解表的顺序",
            "tasks",
            node=TASK,
            many=True,
            required=True,
        ),
    ),
    what="tasks.yaml",
)

UNIT = Node(
    "unit",
    "责任单位",
    (
        Key(
            "id",
            Kind.UNIT_ID,
            "单位编号:小写 ASCII,如 czj;用作进展文件名 progress/<编号>.yaml,一经使用不要改",
            "单位编号",
            required=True,
            numbers_ok=True,
            rule=unit_id_format.ID,
        ),
        _text("name", "单位名称,照分解表的写法,如“市财政局”", "单位名称", required=True),
        Key("aliases", Kind.NAMES, "其他写法(别名),如 [财政局]", "{name}的 aliases"),
        _text("kind", "分类标签,如 政府工作部门、乡镇", "{name}的 kind"),
    ),
    what="单位",
)

GROUP = Node(
    "group",
    "集体责任单位(单位组):展开为全部成员",
    (
        _text(
            "name",
            "单位组名称,照分解表的写法,如“各乡(镇、处)”",
            "单位组名称",
            required=True,
        ),
        Key("aliases", Kind.NAMES, "其他写法(别名),如 [各乡镇]", "{name}的 aliases"),
        Key(
            "members",
            Kind.NAMES,
            "成员:单位或其他单位组的名称,如 [甲局, 乙局];也可写成一段文本“甲局、乙局”",
            "{name}的 members",
            required=True,
            written_ok=True,
        ),
    ),
    what="单位组",
)

UNITS_FILE = Node(
    "units-file",
    "责任单位名录(units.yaml)",
    (
        Key(
            "units",
            Kind.NODE,
            "单位,每个单位一项",
            "units",
            node=UNIT,
            many=True,
            required=True,
        ),
        Key(
            "groups",
            Kind.NODE,
            "分解表中的集体责任单位,如“市政府各部门”",
            "groups",
            node=GROUP,
            many=True,
        ),
    ),
    what="units.yaml",
)

REPORT = Node(
    "report",
    "一条进展报告",
    (
        Key(
            "item",
            Kind.REFERENCE,
            '条目编号,加引号,如 "5.1"',
            "进展的条目编号",
            required=True,
        ),
        Key("date", Kind.DATE, "报送日期,写成 YYYY-MM-DD", "进展日期", required=True),
        Key(
            "status",
            Kind.CHOICE,
            "状态:" + "、".join(s.value for s in Status),
            "进展状态",
            required=True,
            values=tuple(s.value for s in Status),
            unknown="未知的{what}“{text}”",
            unknown_rule="unknown-status",
            suggest=True,
        ),
        Key(
            "summary",
            Kind.MULTILINE,
            "进展摘要:做了什么、在哪里公开(状态为“不涉及”时可省略)",
            "进展摘要",
        ),
        Key(
            "reason",
            Kind.MULTILINE,
            "不涉及的理由(状态为“不涉及”时必填)",
            "不涉及的理由",
            empty_ok=True,
        ),
        Key("evidence", Kind.NAMES, "佐证材料:公开的网址或文件,如 [https://……]", "evidence"),
    ),
    what="进展",
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
        _text("unit", "报送单位的名称;文件名须是该单位的编号", "进展文件的 unit", required=True),
        Key(
            "reports",
            Kind.NODE,
            "进展报告,新的追加在末尾",
            "reports",
            node=REPORT,
            many=True,
            required=True,
        ),
    ),
    what="进展文件",
)

HOLIDAY = Node(
    "holiday",
    "放假:通知中的一个节日,从 from 到 to(含两端)放假调休",
    (
        _text("name", "节日名称,如“元旦”", "{year} 年的放假名称", required=True),
        Key(
            "from", Kind.DATE, "放假第一天,写成 YYYY-MM-DD", "{year} 年{name}的 from", required=True
        ),
        Key(
            "to",
            Kind.DATE,
            "放假最后一天(含),写成 YYYY-MM-DD;不写时只放 from 一天",
            "{year} 年{name}的 to",
        ),
    ),
    what="{year} 年的放假",
)

CALENDAR_YEAR = Node(
    "calendar-year",
    "一年的放假安排,照录国务院办公厅当年的节假日安排通知",
    (
        _text(
            "notice",
            "通知的文号,如“国办发明电〔2025〕N号”:放假安排须有出处,不要推测",
            "{year} 年的 notice",
            required=True,
        ),
        Key(
            "holidays",
            Kind.NODE,
            "放假的节日,每个一项",
            "{year} 年的 holidays",
            node=HOLIDAY,
            many=True,
            required=True,
            min_items=1,
        ),
        Key(
            "workdays",
            Kind.DATE,
            "调休上班的周末(星期六、星期日),如 [2026-01-04]",
            "{year} 年的 workdays",
            many=True,
        ),
    ),
    what="calendar.yaml 的 {year} 年",
)

CALENDAR_FILE = Node(
    "calendar-file",
    "法定节假日与调休安排(calendar.yaml,可选):补充 chinesecalendar 之后的年份,或修正它已有年份中的日子",
    (
        Key(
            "years",
            Kind.NODE,
            "按年份(四位数字)写的放假安排;chinesecalendar 已有的年份,写了的日子以此为准,其余日子仍按 chinesecalendar",
            "years",
            node=CALENDAR_YEAR,
            by_year=True,
            required=True,
            min_items=1,
        ),
    ),
    what="calendar.yaml",
)

REVIEW = Node(
    "review",
    "一条办结审核:对单位报“已完成”的条目销号(通过)或退回",
    (
        Key("item", Kind.REFERENCE, '条目编号,加引号,如 "5.1"', "审核的条目编号", required=True),
        _text("unit", "报“已完成”的单位名称,如“市财政局”", "审核的单位", required=True),
        Key("date", Kind.DATE, "审核日期,写成 YYYY-MM-DD", "审核日期", required=True),
        Key(
            "result",
            Kind.CHOICE,
            "审核结论:通过(销号)或 退回",
            "审核结论",
            required=True,
            values=("通过", "退回"),
            unknown="{what}“{text}”应为 {values} 之一",
        ),
        Key("reason", Kind.MULTILINE, "退回的理由(退回时必填),或审核意见", "审核意见"),
    ),
    what="审核",
    extra={
        "if": {"properties": {"result": {"const": "退回"}}, "required": ["result"]},
        "then": {"required": ["reason"]},
    },
)

REVIEWS_FILE = Node(
    "reviews-file",
    "办结审核记录(reviews.yaml,可选):发文机关的销号和退回,由 ledger review 追加",
    (
        Key(
            "reviews",
            Kind.NODE,
            "审核记录,新的追加在末尾",
            "reviews",
            node=REVIEW,
            many=True,
            required=True,
        ),
    ),
    what="reviews.yaml",
)

ROOTS: dict[FileKind, Node] = {
    FileKind.TASKS: TASKS_FILE,
    FileKind.UNITS: UNITS_FILE,
    FileKind.PROGRESS: PROGRESS_FILE,
    FileKind.CALENDAR: CALENDAR_FILE,
    FileKind.REVIEWS: REVIEWS_FILE,
}


_TEXT: JSON = {"type": ["string", "number"], "pattern": r"\S"}  # YAML reads 2022 as a number
_ID = f"{id_format.PATTERN.pattern}"
_LONGEST_NUMBER = int("9" * id_format.MAX_LENGTH)
# A date that exists, as the loader reads it (YYYY-M-D, spaces around ignored): a pattern
# rather than "format": "date", which refuses 2022-9-26 and which few validators assert.
_MONTH_DAY = (
    r"(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])"
    r"|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)"
    r"|0?2-(?:0?[1-9]|1[0-9]|2[0-8])"
)
_LEAP_DAY = r"(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-0?2-29"
_DATE = rf"^\s*(?!0000)(?:[0-9]{{4}}-(?:{_MONTH_DAY})|{_LEAP_DAY})\s*$"
_YEAR_KEY = r"^(19|2[0-9])[0-9]{2}$"  # YEARS, as a mapping's key
_TIMEZONE = r"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*$"


def value_schema(key: Key) -> JSON:
    """The JSON Schema of one key's value, from its kind."""
    numbers: JSON = {"type": ["string", "integer"], "minimum": 0} if key.numbers_ok else {}
    match key.kind:
        case Kind.TEXT | Kind.MULTILINE:
            return {"type": ["string", "number"]} if key.empty_ok else dict(_TEXT)
        case Kind.ID:
            return {
                "type": "string",
                "maxLength": id_format.MAX_LENGTH,
                "pattern": f"^{_ID}$",
                **numbers,
                **({"maximum": _LONGEST_NUMBER} if key.numbers_ok else {}),
            }
        case Kind.REFERENCE:
            return {"type": "string", "pattern": r"\S", **numbers}
        case Kind.UNIT_ID:  # the rule's own pattern
            return {"type": "string", "pattern": f"^{UNIT_ID.pattern}$", **numbers}
        case Kind.INTEGER:
            bounds = {"minimum": key.minimum, "maximum": key.maximum}
            return {"type": "integer", **{k: v for k, v in bounds.items() if v is not None}}
        case Kind.DATE:
            day: JSON = {"type": "string", "pattern": _DATE}
            return _list(key, day) if key.many else day
        case Kind.NAMES:
            if key.written_ok:  # a list, or one text with at least one name in it
                written = {"type": ["string", "number"], "pattern": f"[^\\s{NAME_SEPARATORS}]"}
                return {"anyOf": [_list(key, dict(_TEXT)), written]}
            return _list(key, dict(_TEXT))
        case Kind.DEADLINE:
            return {
                "type": "string",
                "pattern": r"\S",
                "examples": [form for form in ACCEPTED_FORMS if "“" not in form],
            }
        case Kind.CHOICE:
            return {"enum": list(key.values)}
        case Kind.TIMEZONE:
            return {"type": "string", "pattern": _TIMEZONE}
        case Kind.NODE:
            assert key.node is not None, key.name
            ref: JSON = {"$ref": f"#/$defs/{key.node.name}"}
            if key.by_year:
                return {
                    "type": "object",
                    "patternProperties": {_YEAR_KEY: ref},
                    "additionalProperties": False,
                    **({"minProperties": key.min_items} if key.min_items else {}),
                }
            return _list(key, ref) if key.many else ref


def _list(key: Key, items: JSON) -> JSON:
    """A list; one that may be empty may also be left blank (`aliases:`), as the loader reads it."""
    if key.min_items:
        return {"type": "array", "items": items, "minItems": key.min_items}
    return {"type": ["array", "null"], "items": items}


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
        properties[key.name] = {"description": key.description, **value_schema(key)}
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
    import json  # `ledger schema` only

    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"


def schema_file_name(kind: FileKind) -> str:
    return f"{kind.value}.schema.json"
