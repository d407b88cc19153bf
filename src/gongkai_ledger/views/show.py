"""What `ledger show ITEM` shows, as plain data: an item, its owners and their standings.

No I/O, no clock; `show_render` formats it.
"""

from __future__ import annotations

from datetime import date

from ..core.levels import Light, light
from ..core.model import Group, Item, Ledger, Report, Section, Task, Unit
from ..core.record import record
from ..core.registry import Registry, did_you_mean, suggest_item
from ..core.sections import document_order, parent_ids
from ..core.status import Standing, item_done, reports_by_unit_item, standings


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
    # 配合单位 that reported on the item (as of the date), in support order: never owing.
    supporting: tuple[tuple[Unit, tuple[Report, ...]], ...] = ()
    lights: tuple[Light, ...] = ()  # 亮灯, one per standing

    def light_of(self, n: int) -> Light | None:
        return self.lights[n] if n < len(self.lights) else None

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
    lit = tuple(light(s, ledger.plan, as_of) for s in own)
    return ItemView(
        item,
        task,
        section,
        tuple(owners),
        own,
        as_of,
        _path(ledger, task.section),
        supporting=supporting_reports(ledger, item, as_of, registry),
        lights=lit,
    )


def supporting_reports(
    ledger: Ledger, item: Item, as_of: date, registry: Registry
) -> tuple[tuple[Unit, tuple[Report, ...]], ...]:
    """The 配合单位 (not owning the item) and their reports on it dated by `as_of`."""
    owning = {u.id for u in registry.owning_units(item)}
    reports = reports_by_unit_item(ledger, registry, as_of)
    found: dict[str, tuple[Unit, tuple[Report, ...]]] = {}
    for name in item.support:
        for unit in registry.expand(name.text):
            mine = reports.get((unit.id, item.id), [])
            if unit.id not in owning and unit.id not in found and mine:
                found[unit.id] = (unit, tuple(mine))
    return tuple(found.values())


def _path(ledger: Ledger, section_id: str) -> tuple[tuple[str, str], ...]:
    placed = {p.section.id: p for p in document_order(ledger.sections)}
    parents = parent_ids(ledger.sections)
    path: list[tuple[str, str]] = []
    while section_id in placed:
        path.insert(0, (placed[section_id].label, placed[section_id].section.title))
        section_id = parents[section_id]
    return tuple(path)
