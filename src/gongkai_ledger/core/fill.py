"""The 填报表 (fill-in sheet) a unit gets and sends back: its columns, its version, its values.

One place for what `export --fill` writes and `progress import` reads: sheet and column
names, the items a unit owes (and through which name), the version of those items (a
content hash, so an import can tell whether they changed since), and how a filled cell's
status and date are read. No I/O, no clock.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from .digits import ascii_digits
from .model import Item, Ledger, Status, Unit
from .registry import Registry

SHEET = "填报"  # the sheet a unit fills
META_SHEET = "台账信息"  # hidden: what the sheet was made from
FORMAT = "gongkai-ledger 填报表 1"  # the META_SHEET's 格式, so an import knows the sheet
NOTE_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 3  # sheet rows: the note, the headers, the items

# Read-only columns, then the ones a unit fills in.
ITEM, TASK, CONTENT, DEADLINE, VIA, CURRENT = (
    "条目",
    "任务",
    "内容",
    "完成时间",
    "负责依据",
    "当前状态",
)
STATUS, SUMMARY, DAY, EVIDENCE, REASON = (
    "本次状态",
    "进展情况",
    "报送日期",
    "佐证材料",
    "不涉及理由",
)
READ_ONLY = (ITEM, TASK, CONTENT, DEADLINE, VIA, CURRENT)
TO_FILL = (STATUS, SUMMARY, DAY, EVIDENCE, REASON)
COLUMNS = (*READ_ONLY, *TO_FILL)

# The META_SHEET's keys (column A), their values in column B.
META_FORMAT, META_UNIT_ID, META_UNIT = "格式", "单位编号", "单位"
META_PLAN, META_YEAR, META_VERSION, META_MADE = "工作要点", "年度", "台账版本", "生成时间"

STATUSES = tuple(s.value for s in Status)


@dataclass(frozen=True)
class Owed:
    """One item a unit owes, and the names as written through which it owes it."""

    item: Item
    via: tuple[str, ...]


def owed_items(ledger: Ledger, registry: Registry, unit: Unit) -> list[Owed]:
    """The items `unit` owes (named itself, as lead, or through a group), in plan order."""
    return [
        Owed(item, registry.via(item, unit)) for item in ledger.items() if registry.owns(unit, item)
    ]


def items_version(unit: Unit, owed: list[Owed]) -> str:
    """A content hash of the listed items: ids, task, content, deadline, owners and leads as
    written, and through which names the unit owes each. A report added since does not
    change it; an edited item does."""
    listed = [
        [
            o.item.id,
            o.item.task_id,
            o.item.content,
            o.item.deadline.text if o.item.deadline else "",
            [name.text for name in o.item.owners],
            [name.text for name in o.item.leads],
            list(o.via),
        ]
        for o in owed
    ]
    text = json.dumps([unit.id, listed], ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def normal_text(text: str) -> str:
    """A cell's text as compared: NFKC (full-width letters and digits) and no outer spaces."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def fill_status(text: str) -> Status | None:
    """The status a cell names (“已完成 ”, “已 完成”, full-width variants), or None."""
    word = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    return next((s for s in Status if s.value == word), None)


_DATE = (
    re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"),
    re.compile(r"([0-9]{4})/([0-9]{1,2})/([0-9]{1,2})"),
    re.compile(r"([0-9]{4})\.([0-9]{1,2})\.([0-9]{1,2})"),
    re.compile(r"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日"),
)


class NotADate(ValueError):
    """Not a date: `impossible` when it has a date's shape (2022/2/30)."""

    def __init__(self, text: str, *, impossible: bool) -> None:
        super().__init__(text)
        self.impossible = impossible


def fill_date(text: str) -> date:
    """A date typed as text: 2022-10-08, 2022/10/8, 2022.10.8, 2022年10月8日 (NFKC digits)."""
    value = re.sub(r"\s+", "", ascii_digits(unicodedata.normalize("NFKC", text)))
    for pattern in _DATE:
        match = pattern.fullmatch(value)
        if match:
            try:
                return date(*map(int, match.groups()))
            except ValueError:
                raise NotADate(text, impossible=True) from None
    raise NotADate(text, impossible=False)
