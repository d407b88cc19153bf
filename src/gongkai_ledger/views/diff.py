"""What changed between two versions of a ledger, in ledger terms: `ledger diff`.

Items added, removed and changed (owners, lead, deadline, content, milestones); units
and groups; progress reports added or removed per unit; each (item, unit) whose status
differs as of a date; and the 逾期 / 临期 / 更新滞后 counts before and after, overall
and per unit. `changes_render.to_markdown` renders it for a pull-request comment.
No I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from ..core.model import Item, Ledger, Report, Status, Unit
from ..core.multisets import unmatched
from ..core.registry import Registry
from ..core.status import Standing, standings

ReportKey = tuple[str, date, Status, str, str, tuple[str, ...]]


@dataclass(frozen=True)
class ItemChange:
    item: str
    what: str  # 责任单位, 牵头单位, 完成时间, 内容, 时间节点
    before: str
    after: str


@dataclass(frozen=True)
class Roster:
    """A change to the unit registry, as one line."""

    text: str


@dataclass(frozen=True)
class UnitReports:
    unit: str  # the unit's name (as the registry knows it, else as the file says)
    added: tuple[Report, ...]
    removed: tuple[Report, ...]


@dataclass(frozen=True)
class StatusChange:
    item: str
    unit: str
    before: Status
    after: Status


@dataclass(frozen=True)
class Counts:
    overdue: int = 0
    due_soon: int = 0
    stale: int = 0


@dataclass(frozen=True)
class UnitCounts:
    unit: str
    before: Counts
    after: Counts


@dataclass(frozen=True)
class Changes:
    as_of: date
    added: tuple[Item, ...]
    removed: tuple[Item, ...]
    changed: tuple[ItemChange, ...]
    roster: tuple[Roster, ...]
    reports: tuple[UnitReports, ...]
    statuses: tuple[StatusChange, ...]
    before: Counts
    after: Counts
    units: tuple[UnitCounts, ...]  # only the units whose counts changed

    @property
    def nothing(self) -> bool:
        return not (
            self.added
            or self.removed
            or self.changed
            or self.roster
            or self.reports
            or self.statuses
            or self.units
        )


def compare(base: Ledger, head: Ledger, as_of: date) -> Changes:
    base_registry, head_registry = Registry.of(base), Registry.of(head)
    base_items = {item.id: item for item in base.items()}
    head_items = {item.id: item for item in head.items()}
    base_standings = standings(base, as_of, base_registry)
    head_standings = standings(head, as_of, head_registry)
    before, after = _by_pair(base_standings), _by_pair(head_standings)
    return Changes(
        as_of=as_of,
        added=tuple(item for id_, item in head_items.items() if id_ not in base_items),
        removed=tuple(item for id_, item in base_items.items() if id_ not in head_items),
        changed=tuple(
            change
            for id_, item in head_items.items()
            if id_ in base_items
            for change in _item_changes(base_items[id_], item)
        ),
        roster=tuple(_roster(base, head)),
        reports=tuple(_reports(base, head, base_registry, head_registry)),
        statuses=tuple(
            StatusChange(s.item.id, s.unit.name, before[key].status, s.status)
            for key, s in after.items()
            if key in before and before[key].status is not s.status
        ),
        before=_counts(base_standings),
        after=_counts(head_standings),
        units=tuple(_unit_counts(base_standings, head_standings, head.units, base.units)),
    )


def _by_pair(all_standings: Iterable[Standing]) -> dict[tuple[str, str], Standing]:
    return {(s.item.id, s.unit.id): s for s in all_standings}


def _item_changes(old: Item, new: Item) -> Iterator[ItemChange]:
    def names(item: Item) -> str:
        return "、".join(o.text for o in item.owners)

    def deadline(item: Item) -> str:
        return item.deadline.text if item.deadline else "(无)"

    def milestones(item: Item) -> str:
        return ";".join(f"{m.deadline.text} {m.what}" for m in item.milestones) or "(无)"

    for what, read in (
        ("责任单位", names),
        ("牵头单位", lambda i: "、".join(n.text for n in i.leads) or "(无)"),
        ("配合单位", lambda i: "、".join(n.text for n in i.support) or "(无)"),
        ("报送方式", lambda i: i.report_by.value),
        ("完成时间", deadline),
        ("内容", lambda i: i.content),
        ("时间节点", milestones),
    ):
        if read(old) != read(new):
            yield ItemChange(new.id, what, read(old), read(new))


def _roster(base: Ledger, head: Ledger) -> Iterator[Roster]:
    old_units = {u.id: u for u in base.units}
    new_units = {u.id: u for u in head.units}
    for id_, unit in new_units.items():
        if id_ not in old_units:
            yield Roster(f"新增单位 {unit.name}({id_})")
        elif old_units[id_].name != unit.name or old_units[id_].aliases != unit.aliases:
            old = old_units[id_]
            yield Roster(f"单位 {id_}:{_unit_text(old)} → {_unit_text(unit)}")
    for id_, unit in old_units.items():
        if id_ not in new_units:
            yield Roster(f"删除单位 {unit.name}({id_})")
    old_groups = {g.name: g for g in base.groups}
    new_groups = {g.name: g for g in head.groups}
    for name, group in new_groups.items():
        members = "、".join(m.text for m in group.members)
        if name not in old_groups:
            yield Roster(f"新增单位组 {name}:{members}")
            continue
        old_members = "、".join(m.text for m in old_groups[name].members)
        if old_members != members:
            yield Roster(f"单位组 {name} 的成员:{old_members} → {members}")
    for name in old_groups:
        if name not in new_groups:
            yield Roster(f"删除单位组 {name}")


def _unit_text(unit: Unit) -> str:
    return unit.name + (f"(别名 {'、'.join(unit.aliases)})" if unit.aliases else "")


def _reports(
    base: Ledger, head: Ledger, base_registry: Registry, head_registry: Registry
) -> Iterator[UnitReports]:
    old = _reports_by_unit(base, base_registry)
    new = _reports_by_unit(head, head_registry)
    registered = [u.name for u in (*head.units, *base.units)]
    for unit in dict.fromkeys([*(n for n in registered if n in new or n in old), *new, *old]):
        before, after = old.get(unit, []), new.get(unit, [])
        added = unmatched(after, before, _key)
        removed = unmatched(before, after, _key)
        if added or removed:
            yield UnitReports(unit, tuple(added), tuple(removed))


def _reports_by_unit(ledger: Ledger, registry: Registry) -> dict[str, list[Report]]:
    found: dict[str, list[Report]] = {}
    for progress in ledger.progress:
        unit = registry.unit(progress.unit.text)
        found.setdefault(unit.name if unit else progress.unit.text, []).extend(progress.reports)
    return found


def _key(report: Report) -> ReportKey:
    return (
        report.item,
        report.date,
        report.status,
        report.summary,
        report.reason,
        report.evidence,
    )


def _counts(all_standings: Iterable[Standing]) -> Counts:
    overdue = due_soon = stale = 0
    for s in all_standings:
        overdue += s.overdue
        due_soon += s.due_soon
        stale += s.stale
    return Counts(overdue, due_soon, stale)


def _unit_counts(
    base: Sequence[Standing],
    head: Sequence[Standing],
    head_units: Sequence[Unit],
    base_units: Sequence[Unit],
) -> Iterator[UnitCounts]:
    names = {u.id: u.name for u in (*base_units, *head_units)}
    order = list(dict.fromkeys([*(u.id for u in head_units), *(u.id for u in base_units)]))
    for id_ in order:
        before = _counts(s for s in base if s.unit.id == id_)
        after = _counts(s for s in head if s.unit.id == id_)
        if before != after:
            yield UnitCounts(names[id_], before, after)
