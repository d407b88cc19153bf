"""docs/format-keys.md is the key reference rendered from the shape definition."""

from __future__ import annotations

from gongkai_ledger.files.schema import ROOTS
from gongkai_ledger.files.schema_docs import nodes, render_markdown

from .ledgers import REPO


def test_format_keys_doc_is_current() -> None:
    committed = (REPO / "docs" / "format-keys.md").read_text(encoding="utf-8")
    assert committed == render_markdown(), (
        "docs/format-keys.md is stale: python -m gongkai_ledger.files.schema_docs > docs/format-keys.md"
    )


def test_every_key_of_every_node_is_a_row() -> None:
    text = render_markdown()
    listed = list(nodes())
    assert {root.name for root in ROOTS.values()} <= {node.name for node in listed}
    # 17, and carried-from and carried-unit
    assert len(listed) == len({node.name for node in listed}) == 17 + 2
    for node in listed:
        section = text.split(f'<a id="{node.name}"></a>', 1)[1].split("<a id=", 1)[0]
        rows = [line for line in section.splitlines() if line.startswith("| `")]
        assert [row.split("`")[1] for row in rows] == list(node.order), node.name
        required = [row.split("`")[1] for row in rows if row.split("|")[2].strip() == "是"]
        assert required == list(node.required), node.name
