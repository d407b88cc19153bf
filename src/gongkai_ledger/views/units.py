"""What `ledger units` shows, as plain data: every unit with what it carries, and the groups.

No I/O, no clock; `units_render` formats it.
"""

from __future__ import annotations

from datetime import date

from ..core.model import Group, Item, Ledger, Unit
from ..core.record import record
from ..core.registry import Registry
from ..core.status import Standing, standings


@record
class UnitLoad:
    """A unit of the registry and what it carries as of a date."""

    unit: Unit
    items: tuple[Item, ...]  # every item it owns, directly or through groups
    open_items: tuple[Item, ...]  # not completed and not 不涉及
    overdue: tuple[Item, ...]
    supported: tuple[Item, ...] = ()  # items it is a 配合单位 of (and does not owe)


@record
class GroupView:
    group: Group
    units: tuple[Unit, ...]  # the members expanded, nested groups included


@record
class RegistryView:
    as_of: date
    units: tuple[UnitLoad, ...]  # registry order
    groups: tuple[GroupView, ...]


def registry_view(ledger: Ledger, as_of: date, registry: Registry | None = None) -> RegistryView:
    registry = registry if registry is not None else Registry.of(ledger)
    by_unit: dict[str, list[Standing]] = {u.id: [] for u in registry.units}
    for s in standings(ledger, as_of, registry):
        by_unit.setdefault(s.unit.id, []).append(s)
    supported = _supported(ledger, registry)
    units = tuple(
        UnitLoad(
            unit,
            tuple(s.item for s in by_unit[unit.id]),
            tuple(s.item for s in by_unit[unit.id] if not s.settled),
            tuple(s.item for s in by_unit[unit.id] if s.overdue),
            supported.get(unit.id, ()),
        )
        for unit in registry.units
    )
    groups = tuple(GroupView(g, registry.expand(g.name)) for g in registry.groups)
    return RegistryView(as_of, units, groups)


def _supported(ledger: Ledger, registry: Registry) -> dict[str, tuple[Item, ...]]:
    """Per unit id, the items it is a 配合单位 of, in plan order."""
    found: dict[str, list[Item]] = {}
    for item in ledger.items():
        for unit in registry.supporting_units(item):
            found.setdefault(unit.id, []).append(item)
    return {ident: tuple(items) for ident, items in found.items()}
