"""What a check rule sees: the ledger, its name registry and the as-of date."""

from __future__ import annotations

from datetime import date

from ..core.model import Item, Ledger
from ..core.registry import Registry


class Context:
    """Made once per check; the rules only read it (a plain class: no dataclass at start-up)."""

    __slots__ = ("as_of", "items_by_id", "ledger", "registry")

    def __init__(self, ledger: Ledger, as_of: date) -> None:
        self.ledger = ledger
        self.as_of = as_of
        self.registry = Registry.of(ledger)
        items: dict[str, Item] = {}
        for item in ledger.items():
            items.setdefault(item.id, item)
        self.items_by_id = items
