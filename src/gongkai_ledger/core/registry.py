"""Unit and group names: lookup by name, alias or id; collective owners expanded.

Also the one way a mistyped name, id, key or status is answered with “是否为…?”: `suggest`.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable

from .errors import UsageError, UserError
from .model import Group, Item, Ledger, Name, ReportBy, Unit

# How alike a word and a candidate must be (difflib's ratio) to be suggested: one cut-off for
# every hint, so that `ledger check`, `ledger show` and the options suggest the same.
SUGGEST_CUTOFF = 0.5
# Comparing with every item id is fine for a county's plan, too slow for a province's.
_COMPARE_ALL_ITEMS_UP_TO = 2_000


def suggest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate `word` was probably meant to be, or None."""
    import difflib  # only when a name is unknown: not at every start

    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=SUGGEST_CUTOFF)
    return close[0] if close else None


def did_you_mean(suggested: str | None) -> str:
    """The hint for a suggestion: 是否为“市财政局”?, or '' without one."""
    return f"是否为“{suggested}”?" if suggested else ""


def suggest_item(ident: str, items: Collection[str]) -> str | None:
    """The item id the user probably meant: the same id in full-width or with zeros (5.01 →
    5.1), else a close one of the same task, else (in a plan of ordinary size) of any task."""
    ident = ident.strip()
    normal = unicodedata.normalize("NFKC", ident).replace("-", ".").replace("、", ".")
    normal = ".".join(part.lstrip("0") or "0" for part in normal.split("."))
    if normal in items:
        return normal
    task = normal.partition(".")[0] + "."
    candidates = [i for i in items if i.startswith(task)]
    if not candidates and len(items) <= _COMPARE_ALL_ITEMS_UP_TO:
        candidates = list(items)
    return suggest(ident, candidates)


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
        self._units_of_group: dict[str, tuple[Unit, ...]] | None = None
        # Large ledgers ask these again and again (once per report): answered once.
        self._owning: dict[tuple[str, ...], tuple[Unit, ...]] = {}
        self._owner_ids: dict[tuple[str, ...], frozenset[int]] = {}
        self._member_ids: dict[str, frozenset[int]] = {}
        self._suggested: dict[str, str] = {}
        # Units answered by identity alone: this registry's own, unless another of its units
        # has every field equal (a units file listing one unit twice), where == is the answer.
        counted = Counter(self.units)
        self._by_identity = frozenset(id(unit) for unit in self.units if counted[unit] == 1)

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
            found = self.lookup(name)
            if found is None:
                self._expanded[name] = ()
            elif isinstance(found, Unit):
                self._expanded[name] = (found,)
            else:
                self._expanded[name] = self._group_units()[found.name]
        return self._expanded[name]

    def _group_units(self) -> dict[str, tuple[Unit, ...]]:
        """The units of every group, computed once for all: each group's members in order, a
        member group by its own (already computed) units; a group in a cycle gets the units of
        its whole cycle. Linear in the members, and no recursion however deep the nesting."""
        if self._units_of_group is None:
            units: dict[str, tuple[Unit, ...]] = {}
            for component in self._components():
                inside = {group.name for group in component}
                found: dict[Unit, None] = {}
                for group in component:
                    for member in group.members:
                        target = self.lookup(member.text)
                        if isinstance(target, Unit):
                            found[target] = None
                        elif target is not None and target.name not in inside:
                            found.update(dict.fromkeys(units[target.name]))
                for group in component:
                    units[group.name] = tuple(found)
            self._units_of_group = units
        return self._units_of_group

    def _member_groups(self, group: Group) -> list[Group]:
        return [g for m in group.members if isinstance(g := self.lookup(m.text), Group)]

    def _components(self) -> list[list[Group]]:
        """The groups in strongly connected components (a cycle, or one group outside any),
        members before the groups that contain them: Tarjan's algorithm, iteratively."""
        index: dict[str, int] = {}
        low: dict[str, int] = {}
        on_stack: set[str] = set()
        stack: list[Group] = []
        components: list[list[Group]] = []
        for root in self.groups:
            if root.name in index:
                continue
            work: list[tuple[Group, list[Group], int]] = [(root, self._member_groups(root), 0)]
            index[root.name] = low[root.name] = len(index)
            stack.append(root)
            on_stack.add(root.name)
            while work:
                group, members, at = work[-1]
                if at < len(members):
                    work[-1] = (group, members, at + 1)
                    member = members[at]
                    if member.name not in index:
                        index[member.name] = low[member.name] = len(index)
                        stack.append(member)
                        on_stack.add(member.name)
                        work.append((member, self._member_groups(member), 0))
                    elif member.name in on_stack:
                        low[group.name] = min(low[group.name], index[member.name])
                    continue
                work.pop()
                if work:
                    parent = work[-1][0].name
                    low[parent] = min(low[parent], low[group.name])
                if low[group.name] == index[group.name]:
                    component: list[Group] = []
                    while True:
                        top = stack.pop()
                        on_stack.discard(top.name)
                        component.append(top)
                        if top is group:
                            break
                    components.append(component[::-1])
        return components

    def cycles(self) -> list[list[str]]:
        """One cycle of group names per strongly connected component that has one, each
        starting and ending at the component's first group: ['甲', '乙', '甲']."""
        order: dict[str, int] = {}
        for n, group in enumerate(self.groups):
            order.setdefault(group.name, n)
        found: list[list[str]] = []
        for component in self._components():
            inside = {group.name for group in component}
            start = min(component, key=lambda g: order[g.name])
            if len(component) == 1 and all(
                g.name != start.name for g in self._member_groups(start)
            ):
                continue
            found.append(self._cycle_through(start, inside))
        return sorted(found, key=lambda cycle: order[cycle[0]])

    def _cycle_through(self, start: Group, inside: set[str]) -> list[str]:
        """A path start → … → start within one strongly connected component: a depth-first
        walk that visits each group once (one must lead back to the start)."""
        seen = {start.name}
        path: list[tuple[Group, list[Group], int]] = [(start, self._member_groups(start), 0)]
        while path:
            group, members, at = path[-1]
            if at == len(members):
                path.pop()
                continue
            path[-1] = (group, members, at + 1)
            member = members[at]
            if member.name == start.name:
                return [g.name for g, _, _ in path] + [start.name]
            if member.name in inside and member.name not in seen:
                seen.add(member.name)
                path.append((member, self._member_groups(member), 0))
        return [start.name, start.name]  # unreachable for a strongly connected component

    def owning_units(self, item: Item) -> tuple[Unit, ...]:
        """The units that owe `item`: its owners and its leads (a lead owes even when it is not
        repeated in owners); with `report_by: lead`, only the leads. Never the 配合单位."""
        owners = tuple(owner.text for owner in owing_names(item))
        if owners not in self._owning:
            self._owning[owners] = tuple(
                _unique(unit for owner in owners for unit in self.expand(owner))
            )
        return self._owning[owners]

    def supporting_units(self, item: Item) -> tuple[Unit, ...]:
        """The 配合单位 of `item` that do not also owe it."""
        owing = set(map(id, self.owning_units(item)))
        found = (unit for name in item.support for unit in self.expand(name.text))
        return tuple(u for u in _unique(found) if id(u) not in owing)

    def includes(self, name: str, unit: Unit) -> bool:
        """Whether `name` (a unit, a group, an alias) stands for `unit`: `unit in expand(name)`,
        without walking a large group for every standing."""
        if name not in self._member_ids:
            self._member_ids[name] = frozenset(map(id, self.expand(name)))
        if id(unit) in self._member_ids[name]:
            return True
        return id(unit) not in self._by_identity and unit in self.expand(name)

    def via(self, item: Item, unit: Unit) -> tuple[str, ...]:
        """The owners as written through which `unit` owns `item`: its own name, or a group."""
        return tuple(o.text for o in owing_names(item) if self.includes(o.text, unit))

    def named(self, item: Item, unit: Unit) -> bool:
        """Whether `item` names `unit` itself (by name, alias or id) as an owner or a lead,
        not only through a group."""
        # identity, not ==: units are frozen dataclasses and == compares every field
        return any(self.lookup(o.text) is unit for o in (*item.owners, *item.leads))

    def owns(self, unit: Unit, item: Item) -> bool:
        owners = tuple(owner.text for owner in owing_names(item))
        if owners not in self._owner_ids:
            self._owner_ids[owners] = frozenset(map(id, self.owning_units(item)))
        # identity first (fast); equality for a unit taken from another registry (or a twin)
        if id(unit) in self._owner_ids[owners]:
            return True
        return id(unit) not in self._by_identity and unit in self.owning_units(item)

    def may_report(self, unit: Unit, item: Item) -> bool:
        """Whether `unit` may report progress on `item`: an owner, a lead or a 配合单位."""
        names = (*item.owners, *item.leads, *item.support)
        return self.owns(unit, item) or any(self.includes(n.text, unit) for n in names)

    def hint(self, name: str) -> str:
        """A '是否为…' hint for an unknown unit or group name, or ''."""
        if name not in self._suggested:
            self._suggested[name] = did_you_mean(self._suggest(name))
        return self._suggested[name]

    def _suggest(self, name: str) -> str | None:
        close = suggest(name, [*self._by_name, *self._by_id])
        found = self.lookup(close) if close is not None else None
        return found.name if found is not None else close


def unit_named(registry: Registry, text: str, *, units_file: str = "") -> Unit:
    """The unit `text` names (name, alias or id): the one unit lookup of every command.

    Raises a UserError saying what `text` is instead: unknown (with a suggestion) or a
    group. For a --unit option by default (a UsageError); with `units_file`, for the unit
    that reports (`progress add`), where a group's members are named as who should report.
    """
    found = registry.lookup(text.strip())
    if isinstance(found, Unit):
        return found
    if found is None:
        suggestion = registry.hint(text.strip())
        if units_file:
            raise UserError(f"未知单位“{text}”", hint=suggestion or f"单位名录见 {units_file}")
        raise UsageError(f"未知单位“{text}”,{suggestion or '可运行 ledger units 查看所有单位'}")
    if units_file:
        members = "、".join(u.name for u in registry.expand(found.name))
        raise UserError(
            f"“{text}”是单位组,进展应由各成员单位分别报送",
            hint=f"成员单位:{members}" if members else "",
        )
    raise UsageError(f"“{text}”是单位组,不是单位;请指定其中一个单位(ledger units 可查看成员)")


def owing_names(item: Item) -> tuple[Name, ...]:
    """The names that owe `item`, as written: the owners then the leads not among them; with
    `report_by: lead` (and a lead), the leads only."""
    if item.report_by is ReportBy.LEAD and item.leads:
        return item.leads
    written = {owner.text for owner in item.owners}
    return (*item.owners, *(lead for lead in item.leads if lead.text not in written))


def _unique(units: Iterable[Unit]) -> list[Unit]:
    """In order, each unit once."""
    return list(dict.fromkeys(units))
