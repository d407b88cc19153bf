"""Unit and group names: lookup by name, alias or id; collective owners expanded."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from .model import Group, Item, Ledger, Unit


class Registry:
    """Resolves the names people write (市财政局, 财政局, czj, 各乡镇) to units."""

    def __init__(self, units: Iterable[Unit], groups: Iterable[Group]) -> None:
        self.units = tuple(units)
        self.groups = tuple(groups)
        self._by_name: dict[str, Unit | Group] = {}
        for group in self.groups:
            for name in (group.name, *group.aliases):
                self._by_name.setdefault(name, group)
        for unit in self.units:  # a unit wins over a group of the same name
            for name in (unit.name, *unit.aliases):
                self._by_name[name] = unit
        self._by_id = {unit.id: unit for unit in self.units}
        self._expanded: dict[str, tuple[Unit, ...]] = {}

    @classmethod
    def of(cls, ledger: Ledger) -> Registry:
        return cls(ledger.units, ledger.groups)

    def lookup(self, name: str) -> Unit | Group | None:
        return self._by_name.get(name) or self._by_id.get(name)

    def unit(self, name: str) -> Unit | None:
        found = self.lookup(name)
        return found if isinstance(found, Unit) else None

    def expand(self, name: str) -> tuple[Unit, ...]:
        """Every unit a name stands for; cycles and unknown names contribute nothing."""
        if name not in self._expanded:
            self._expanded[name] = tuple(self._walk(name, set()))
        return self._expanded[name]

    def _walk(self, name: str, seen: set[str]) -> list[Unit]:
        found = self.lookup(name)
        if found is None:
            return []
        if isinstance(found, Unit):
            return [found]
        if found.name in seen:
            return []
        seen = seen | {found.name}
        units: list[Unit] = []
        for member in found.members:
            for unit in self._walk(member.text, seen):
                if unit not in units:
                    units.append(unit)
        return units

    def owning_units(self, item: Item) -> tuple[Unit, ...]:
        units: list[Unit] = []
        for owner in item.owners:
            for unit in self.expand(owner.text):
                if unit not in units:
                    units.append(unit)
        return tuple(units)

    def owns(self, unit: Unit, item: Item) -> bool:
        return unit in self.owning_units(item)

    def suggest(self, name: str) -> str:
        """A '是否为…' hint for an unknown name, or ''."""
        names = list(self._by_name) + list(self._by_id)
        close = difflib.get_close_matches(name, names, n=1, cutoff=0.5)
        if not close:
            return ""
        found = self.lookup(close[0])
        canonical = found.name if found is not None else close[0]
        return f"是否为“{canonical}”?"
