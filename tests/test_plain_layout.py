"""Piped views laid out without rich (render/plain.py) are exactly what rich prints.

`plain.layout` either gives rich's text or None (then rich draws it): checked on
every view of the shipped ledger at several widths, and on tables made up at random.
"""

from __future__ import annotations

import random
from datetime import date

import pytest
from rich.cells import get_character_cell_size

from gongkai_ledger.files.load import load_ledger
from gongkai_ledger.render import overdue as owed_render
from gongkai_ledger.render import plain
from gongkai_ledger.render import show as show_render
from gongkai_ledger.render import units as units_render
from gongkai_ledger.render.textcells import piped_text, to_text
from gongkai_ledger.views.overdue import owed
from gongkai_ledger.views.show import item_view
from gongkai_ledger.views.units import registry_view

from .ledgers import SHIPPED

WIDTHS = (20, 37, 60, 80, 101, 160)
AS_OF = date(2022, 12, 31)


def test_character_widths_are_richs() -> None:
    for first, last in (*plain._NARROW, *plain._WIDE):
        for code in range(first, last + 1):
            char = chr(code)
            assert plain.sure(char)
            assert plain.cell_len(char) == get_character_cell_size(char, "auto"), hex(code)


def test_unusual_characters_are_measured_by_rich() -> None:
    assert not plain.sure("a\u0301")  # a combining accent: rich's own table decides
    assert plain.cell_len("a\u0301") == 1
    assert plain.cell_len("市财政局 2022") == 13


def _shipped_views() -> list[tuple[str, plain.View]]:
    ledger = load_ledger(SHIPPED).ledger
    from gongkai_ledger.core.registry import Registry

    registry = Registry.of(ledger)
    views: list[tuple[str, plain.View]] = []
    for width in WIDTHS:
        views.append(
            (f"overdue@{width}", owed_render.to_table(owed(ledger, AS_OF), width, plain=True))
        )
        for unit in ("市财政局", "市政府办"):
            found = owed(ledger, AS_OF, registry.unit(unit))
            views.append(
                (f"overdue {unit}@{width}", owed_render.to_table(found, width, plain=True))
            )
        views.append(
            (f"units@{width}", units_render.to_table(registry_view(ledger, AS_OF), plain=True))
        )
    for task in ledger.tasks:
        for item in task.items:
            for width in (40, 80):
                view = show_render.to_table(item_view(ledger, item, AS_OF), width, plain=True)
                views.append((f"show {item.id}@{width}", view))
    return views


@pytest.mark.slow
def test_shipped_views_are_laid_out_as_rich_does() -> None:
    laid_out = 0
    for name, view in _shipped_views():
        width = int(name.rsplit("@", 1)[1])
        text = plain.layout(view, width)
        laid_out += text is not None
        assert text is None or text == to_text(view, width), name
        assert piped_text(view, width) == to_text(view, width), name
    assert laid_out > 0


def test_everyday_views_need_no_rich_at_80_columns() -> None:
    ledger = load_ledger(SHIPPED).ledger
    from gongkai_ledger.core.registry import Registry

    czj = Registry.of(ledger).unit("市财政局")
    item = ledger.tasks[4].items[0]
    for view in (
        owed_render.to_table(owed(ledger, AS_OF, czj), 80, plain=True),
        owed_render.to_table(owed(ledger, AS_OF), 80, plain=True),
        show_render.to_table(item_view(ledger, item, AS_OF), 80, plain=True),
        units_render.to_table(registry_view(ledger, AS_OF), plain=True),
    ):
        assert plain.layout(view, 80) == to_text(view, 80)


WORDS = (
    "市财政局",
    "2022年9月",
    "并持续更新",
    "a",
    "1.2",
    "https://example.gov.cn/x",
    "、",
    "(8 工作日)",
)


def _cell(rng: random.Random) -> str:
    parts = [rng.choice(WORDS) for _ in range(rng.randint(0, 6))]
    return "".join(p + rng.choice(("", " ", "  ", "\n")) for p in parts).strip(" ")


def _random_table(rng: random.Random) -> plain.Table:
    table = plain.Table(True)
    for n in range(rng.randint(1, 6)):
        options: dict[str, object] = {}
        kind = rng.choice(("no_wrap", "fold", "fold", "width", "max_width", "plain"))
        if kind == "no_wrap":
            options["no_wrap"] = True
        elif kind != "plain":
            options["overflow"] = "fold"
        if kind == "width":
            options["width"] = rng.randint(2, 24)
        if kind == "max_width":
            options["max_width"] = rng.randint(2, 18)
        if rng.random() < 0.3:
            options["justify"] = "right"
        table.add_column(f"列{n}", **options)
    for _ in range(rng.randint(0, 5)):
        table.add_row(*(_cell(rng) for _ in table.columns))
    return table


def test_random_tables_are_laid_out_as_rich_does() -> None:
    rng = random.Random(15)
    laid_out = 0
    for _ in range(400):
        view = plain.Group(plain.Text("标题"), _random_table(rng))
        width = rng.choice((20, 30, 45, 80))
        text = plain.layout(view, width)
        laid_out += text is not None
        assert text is None or text == to_text(view, width)
    assert laid_out > 150  # many are done without rich (the real views: see above)
