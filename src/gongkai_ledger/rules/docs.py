"""The rules' documentation, rendered from their docstrings (docs/rules.md is this output)."""

from __future__ import annotations

import inspect
from types import ModuleType

from .catalog import ALL

_LEVEL_ZH = {"error": "错误", "warning": "警告"}


def summary(rule: ModuleType) -> str:
    return inspect.cleandoc(rule.__doc__ or "").partition("\n")[0]


def table_row(rule: ModuleType) -> str:
    return f"| `{rule.ID}` | {_LEVEL_ZH[rule.LEVEL]} | {summary(rule)} |"


def render_markdown() -> str:
    parts = [
        "# 检查规则",
        "",
        "`ledger check` 的每条规则:编号、默认级别、说明和修正方法。"
        "本文件由 `python -m gongkai_ledger.rules.docs > docs/rules.md` 生成,请勿手改。",
        "",
    ]
    for rule in ALL:
        doc = inspect.cleandoc(rule.__doc__ or "")
        first, _, rest = doc.partition("\n")
        parts += [f"## `{rule.ID}`({_LEVEL_ZH[rule.LEVEL]})", "", first]
        if rest.strip():
            parts += ["", rest.strip()]
        parts.append("")
    return "\n".join(parts)


if __name__ == "__main__":
    print(render_markdown(), end="")
