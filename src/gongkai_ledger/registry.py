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
        # Large ledgers ask these again and again (once per report): answered once.
        self._owning: dict[tuple[str, ...], tuple[Unit, ...]] = {}
        self._owner_ids: dict[tuple[str, ...], frozenset[int]] = {}
        self._member_ids: dict[str, frozenset[int]] = {}
        self._suggested: dict[str, str] = {}

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
        return _unique(unit for member in found.members for unit in self._walk(member.text, seen))

    def owning_units(self, item: Item) -> tuple[Unit, ...]:
        owners = tuple(owner.text for owner in item.owners)
        if owners not in self._owning:
            self._owning[owners] = tuple(
                _unique(unit for owner in owners for unit in self.expand(owner))
            )
        return self._owning[owners]

    def includes(self, name: str, unit: Unit) -> bool:
        """Whether `name` (a unit, a group, an alias) stands for `unit`: `unit in expand(name)`,
        without walking a large group for every standing."""
        if name not in self._member_ids:
            self._member_ids[name] = frozenset(map(id, self.expand(name)))
        return id(unit) in self._member_ids[name] or unit in self.expand(name)

    def via(self, item: Item, unit: Unit) -> tuple[str, ...]:
        """The owners as written through which `unit` owns `item`: its own name, or a group."""
        return tuple(o.text for o in item.owners if self.includes(o.text, unit))

    def named(self, item: Item, unit: Unit) -> bool:
        """Whether `item` names `unit` itself (by name, alias or id), not only through a group."""
        # identity, not ==: units are frozen dataclasses and == compares every field
        return any(self.lookup(o.text) is unit for o in item.owners)

    def owns(self, unit: Unit, item: Item) -> bool:
        owners = tuple(owner.text for owner in item.owners)
        if owners not in self._owner_ids:
            self._owner_ids[owners] = frozenset(map(id, self.owning_units(item)))
        # identity first (fast); equality for a unit taken from another registry
        return id(unit) in self._owner_ids[owners] or unit in self.owning_units(item)

    def suggest(self, name: str) -> str:
        """A '是否为…' hint for an unknown name, or ''."""
        if name not in self._suggested:
            self._suggested[name] = self._suggest(name)
        return self._suggested[name]

    def _suggest(self, name: str) -> str:
        names = list(self._by_name) + list(self._by_id)
        close = difflib.get_close_matches(name, names, n=1, cutoff=0.5)
        if not close:
            return ""
        found = self.lookup(close[0])
        canonical = found.name if found is not None else close[0]
        return f"是否为“{canonical}”?"


def _unique(units: Iterable[Unit]) -> list[Unit]:
    """In order, each unit once."""
    return list(dict.fromkeys(units))
