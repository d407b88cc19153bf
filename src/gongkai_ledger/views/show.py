"""What `ledger show ITEM` shows, as plain data: an item, its owners and their standings.

No I/O, no clock; `show_render` formats it.
"""

from __future__ import annotations

from datetime import date

from ..core.model import Group, Item, Ledger, Section, Task, Unit
from ..core.record import record
from ..core.registry import Registry, did_you_mean, suggest_item
from ..core.sections import document_order, parent_ids
from ..core.status import Standing, item_done, standings


@record
class Owner:
    """An owner as written on an item, and the units it stands for."""

    name: str
    units: tuple[Unit, ...]
    group: Group | None  # None when the name is a unit's


@record
class ItemView:
    item: Item
    task: Task
    section: Section | None
    owners: tuple[Owner, ...]
    standings: tuple[Standing, ...]  # one per owning unit, in owner order
    as_of: date
    # The task's section and those above it, from the top: label (as written or derived) and title.
    section_path: tuple[tuple[str, str], ...] = ()

    @property
    def done(self) -> bool:
        return bool(self.standings) and item_done(self.standings)

    def via(self, unit: Unit) -> tuple[str, ...]:
        """The owners as written through which `unit` owns the item."""
        return tuple(o.name for o in self.owners if unit in o.units)


def find_item(ledger: Ledger, item_id: str) -> Item | None:
    return next((i for i in ledger.items() if i.id == item_id.strip()), None)


def item_hint(ledger: Ledger, item_id: str) -> str:
    """A '是否为…' hint for an unknown item id, or ''."""
    return did_you_mean(suggest_item(item_id, {i.id for i in ledger.items()}))


def item_view(
    ledger: Ledger, item: Item, as_of: date, registry: Registry | None = None
) -> ItemView:
    registry = registry if registry is not None else Registry.of(ledger)
    task = next(t for t in ledger.tasks if any(i is item for i in t.items))
    section = next((s for s in ledger.sections if s.id == task.section), None)
    owners = []
    for name in item.owners:
        found = registry.lookup(name.text)
        owners.append(
            Owner(
                name.text, registry.expand(name.text), found if isinstance(found, Group) else None
            )
        )
    own = tuple(s for s in standings(ledger, as_of, registry) if s.item is item)
    return ItemView(item, task, section, tuple(owners), own, as_of, _path(ledger, task.section))


def _path(ledger: Ledger, section_id: str) -> tuple[tuple[str, str], ...]:
    placed = {p.section.id: p for p in document_order(ledger.sections)}
    parents = parent_ids(ledger.sections)
    path: list[tuple[str, str]] = []
    while section_id in placed:
        path.insert(0, (placed[section_id].label, placed[section_id].section.title))
        section_id = parents[section_id]
    return tuple(path)
