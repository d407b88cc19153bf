"""What a check rule sees: the ledger, its name registry and the as-of date."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..core.model import Item, Ledger
from ..core.registry import Registry


@dataclass(frozen=True)
class Context:
    ledger: Ledger
    as_of: date
    registry: Registry = field(init=False)
    items_by_id: dict[str, Item] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "registry", Registry.of(self.ledger))
        items: dict[str, Item] = {}
        for item in self.ledger.items():
            items.setdefault(item.id, item)
        object.__setattr__(self, "items_by_id", items)
