"""The key reference for users, rendered from the shape definition (docs/format-keys.md)."""

from __future__ import annotations

from collections.abc import Iterator

from ..rules import id_format
from .schema import ROOTS, Key, Kind, Node

_FILES = {
    "tasks-file": "tasks.yaml",
    "units-file": "units.yaml",
    "progress-file": "progress/<单位编号>.yaml",
    "calendar-file": "calendar.yaml",
}


def value_text(key: Key) -> str:
    """What a key's value may be, in a few Chinese words."""
    match key.kind:
        case Kind.TEXT:
            return "一行文本,不能为空"
        case Kind.MULTILINE:
            return "文本,可以换行" + ("" if key.empty_ok else ",不能为空")
        case Kind.ID:
            return (
                f"编号:ASCII 数字、字母和中文数字,各段用 . - _ 连接,最长 {id_format.MAX_LENGTH} 个字符"
                + (";可写不加引号的整数" if key.numbers_ok else ";一律加引号")
            )
        case Kind.REFERENCE:
            return "编号" + (",可写不加引号的整数" if key.numbers_ok else ",加引号")
        case Kind.UNIT_ID:
            return "小写字母、数字、- 和 _,以字母或数字开头"
        case Kind.INTEGER:
            return f"整数,{key.minimum} 到 {key.maximum}"
        case Kind.DATE:
            return "日期,写成 YYYY-MM-DD"
        case Kind.NAMES:
            written = ",或一段文本 甲、乙" if key.written_ok else ""
            return "名称列表,如 [甲, 乙]" + written + (",至少一项" if key.min_items else "")
        case Kind.DEADLINE:
            return "完成时间的原文(写法见说明)"
        case Kind.CHOICE:
            return "、".join(key.values) + " 之一"
        case Kind.TIMEZONE:
            return "IANA 时区名称,如 Asia/Shanghai"
        case Kind.NODE:
            assert key.node is not None, key.name
            target = f"[{key.node.name}](#{key.node.name})"
            return (
                f"列表,每项见 {target}" + (",至少一项" if key.min_items else "")
                if key.many
                else f"见 {target}"
            )


def _escaped(text: str) -> str:
    """Markdown table text: <编号> is not an HTML tag, | does not end the cell."""
    return text.replace("<", "&lt;").replace("|", "\\|")


def nodes() -> Iterator[Node]:
    """Every node once, files first, each followed by the nodes below it."""
    seen: set[str] = set()

    def below(node: Node) -> Iterator[Node]:
        if node.name in seen:
            return
        seen.add(node.name)
        yield node
        for key in node.keys:
            if key.node is not None:
                yield from below(key.node)

    for root in ROOTS.values():
        yield from below(root)


def render_markdown() -> str:
    parts = [
        "# 台账文件的键",
        "",
        "`tasks.yaml`、`units.yaml` 和 `progress/<单位编号>.yaml` 中每个映射可写的键:"
        "必填与否、取值和说明,按 `ledger fmt` 写出的顺序排列。"
        "`ledger check` 和 `ledger schema` 的 JSON Schema 都按这份定义检查。"
        "本文件由 `python -m gongkai_ledger.files.schema_docs > docs/format-keys.md` 生成,请勿手改。",
        "",
    ]
    for node in nodes():
        title = _FILES.get(node.name, node.name)
        parts += [f'<a id="{node.name}"></a>', "", f"## `{title}`", "", _escaped(node.description)]
        parts += ["", "| 键 | 必填 | 取值 | 说明 |", "| --- | --- | --- | --- |"]
        for key in node.keys:
            note = _escaped(key.description) + (f"(另见规则 `{key.rule}`)" if key.rule else "")
            required = "是" if key.required else ""
            parts.append(f"| `{key.name}` | {required} | {value_text(key)} | {note} |")
        parts.append("")
    return "\n".join(parts)


if __name__ == "__main__":
    print(render_markdown(), end="")
