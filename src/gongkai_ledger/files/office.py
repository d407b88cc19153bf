"""The office's own words for a 通报: `report.yaml` beside tasks.yaml and `notes/YYYY-MM.md`.

Not part of the ledger's shape (`files/schema.py`): these files say how the office issues a
document, not what the plan is, and `ledger check` does not read them. A small loader of its
own, with positions in its errors:

    # report.yaml
    issuer: 庐山市人民政府办公室          # 发文机关(版头、落款);不写时用 plan.issuer
    mark: 庐山市人民政府办公室文件        # 发文机关标志;不写时为 issuer + “文件”
    doc_no: 庐府办字〔{year}〕{n}号       # 文号:{year} {month} {n};或固定文字
    numbers: {"2022-12": 45}             # {n} 按通报月份;没有时文号留空待填
    to: [各乡(镇、处)人民政府, 市政府各部门]   # 主送
    cc: [市委办公室, 市人大常委会办公室]      # 抄送
    printed_by: 庐山市人民政府办公室      # 印发机关;不写时用 issuer

`notes/2022-12.md` holds the month's paragraphs under `## 成效`, `## 问题`, `## 下步要求`
and `## 表扬` headings (paragraphs separated by blank lines). Everything here is plain data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.errors import UserError
from .yamlio import YAMLError, compose, position

OFFICE_FILE = "report.yaml"
NOTES_DIR = "notes"
_LIST_KEYS = {"to": "主送", "cc": "抄送"}
_TEXT_KEYS = {
    "issuer": "发文机关",
    "mark": "发文机关标志",
    "doc_no": "文号",
    "printed_by": "印发机关",
}
# The notes' parts, in document order, and the headings an office may write for each.
NOTE_PARTS = {
    "effects": ("成效", "工作成效", "主要成效", "成效和亮点", "亮点"),
    "problems": ("问题", "存在问题", "存在的问题"),
    "requests": ("下步要求", "下一步要求", "下一步工作要求", "工作要求"),
    "praise": ("表扬", "通报表扬"),
}
NOTE_TITLES = {"effects": "成效", "problems": "问题", "requests": "下步要求", "praise": "表扬"}


class OfficeError(UserError):
    """report.yaml or a notes file cannot be read; the message has file:line:col."""


@dataclass(frozen=True)
class Office:
    """The office's settings for issuing a 通报 (all optional)."""

    issuer: str = ""
    mark: str = ""
    doc_no: str = ""
    numbers: dict[str, int] = field(default_factory=dict)
    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    printed_by: str = ""
    found: bool = False  # whether report.yaml exists


def load_office(ledger: Path) -> Office:
    """`ledger/report.yaml`, or an empty Office when there is none."""
    path = ledger / OFFICE_FILE
    if not path.is_file():
        return Office()
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
        node = compose(text)
    except (OSError, UnicodeDecodeError) as error:
        raise OfficeError(f"{shown}: 无法读取({error})") from error
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{shown}:{mark.line + 1}:{mark.column + 1}" if mark else shown
        raise OfficeError(f"{where}: 不是有效的 YAML") from error
    if node is None:
        return Office(found=True)
    if node.tag != "tag:yaml.org,2002:map":
        raise OfficeError(f"{_at(shown, node)}: report.yaml 应是“键: 值”的映射")
    values: dict[str, Any] = {}
    for key, value in node.value:
        name = key.value
        if name in _TEXT_KEYS:
            values[name] = _text(shown, value, _TEXT_KEYS[name])
        elif name in _LIST_KEYS:
            values[name] = _names(shown, value, _LIST_KEYS[name])
        elif name == "numbers":
            values[name] = _numbers(shown, value)
        else:
            known = "、".join([*_TEXT_KEYS, *_LIST_KEYS, "numbers"])
            raise OfficeError(f"{_at(shown, key)}: 未知的键“{name}”(可用:{known})")
    return Office(found=True, **values)


def _at(shown: str, node: Any) -> str:
    s = position(shown, node)
    return f"{s.path}:{s.line}:{s.col}"


def _text(shown: str, node: Any, label: str) -> str:
    if node.tag != "tag:yaml.org,2002:str" or not str(node.value).strip():
        raise OfficeError(f"{_at(shown, node)}: {label}应是一段文字")
    return str(node.value).strip()


def _names(shown: str, node: Any, label: str) -> tuple[str, ...]:
    if node.tag == "tag:yaml.org,2002:str":
        return (_text(shown, node, label),)
    if node.tag != "tag:yaml.org,2002:seq":
        raise OfficeError(f"{_at(shown, node)}: {label}应是单位名称的列表")
    return tuple(_text(shown, n, label) for n in node.value)


def _numbers(shown: str, node: Any) -> dict[str, int]:
    if node.tag != "tag:yaml.org,2002:map":
        raise OfficeError(f'{_at(shown, node)}: numbers 应是“月份: 序号”,如 "2022-12": 45')
    result = {}
    for key, value in node.value:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}", str(key.value)):
            raise OfficeError(f'{_at(shown, key)}: 月份应写成 YYYY-MM(加引号),如 "2022-12"')
        if value.tag != "tag:yaml.org,2002:int" or int(value.value) < 1:
            raise OfficeError(f"{_at(shown, value)}: 文号序号应是正整数")
        result[str(key.value)] = int(value.value)
    return result


def doc_number(office: Office, month: str, year: int) -> str:
    """The 文号 for the month: the pattern filled; {n} left blank to write by hand if unknown."""
    n = office.numbers.get(month)
    return (
        office.doc_no.replace("{year}", str(year))
        .replace("{month}", str(int(month[5:])))
        .replace("{n}", str(n) if n is not None else "\u3000\u3000")
    )


def load_notes(ledger: Path, month: str) -> dict[str, list[str]]:
    """`ledger/notes/<month>.md` as {part: [paragraphs]} (parts in NOTE_PARTS); {} if absent."""
    path = ledger / NOTES_DIR / f"{month}.md"
    if not path.is_file():
        return {}
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise OfficeError(f"{path}: 无法读取({error})") from error
    parts: dict[str, list[str]] = {}
    current: list[str] | None = None
    paragraph: list[str] = []

    def flush() -> None:
        if current is not None and paragraph:
            current.append("".join(line.strip() for line in paragraph))
        paragraph.clear()

    for number, line in enumerate(text.splitlines(), start=1):
        heading = re.fullmatch(r"#{1,6}\s*(.*?)\s*#*\s*", line)
        if heading:
            flush()
            title = re.sub(r"^[一二三四五六七八九十]+、|^[0-9]+[.、]", "", heading[1]).strip()
            part = next((k for k, names in NOTE_PARTS.items() if title in names), None)
            if part is None:
                allowed = "、".join(names[0] for names in NOTE_PARTS.values())
                raise OfficeError(
                    f"{path}:{number}:1: 标题“{heading[1]}”不是通报的一部分(可用:{allowed})"
                )
            current = parts.setdefault(part, [])
        elif not line.strip():
            flush()
        elif current is None:
            raise OfficeError(f"{path}:{number}:1: 段落前应有标题,如“## 成效”")
        else:
            paragraph.append(line)
    flush()
    return parts


def office_context(
    office: Office, notes: dict[str, list[str]], month: str, year: int
) -> dict[str, Any]:
    """What the report templates and the docx see as ``office``: plain data."""
    return {
        "found": office.found,
        "issuer": office.issuer,
        "mark": office.mark or (office.issuer + "文件" if office.issuer else ""),
        "doc_no": doc_number(office, month, year) if office.doc_no else "",
        "to": list(office.to),
        "cc": list(office.cc),
        "printed_by": office.printed_by or office.issuer,
        "notes": {part: notes.get(part, []) for part in NOTE_PARTS},
        "missing_notes": [NOTE_TITLES[p] for p in NOTE_PARTS if not notes.get(p)],
    }
