"""Who owes what as of a date: the rows of `ledger overdue`, as plain data.

Built from `status.standings`, so the 通报 (`ledger report`) and exports can
reuse the same rows and the same worst-first order. No I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from ..core.levels import GREEN, NO_LIGHT, YELLOW, Light, level_rank, light
from ..core.model import CalendarYear, Item, Ledger, Task, Unit
from ..core.record import record
from ..core.registry import Registry
from ..core.status import Standing, standings
from ..core.workdays import covered_years


@record
class OwedItem:
    """One item one unit owes: 逾期, 临期 and/or 更新滞后."""

    unit: Unit
    item: Item
    task: Task
    via: tuple[str, ...]  # the owners as written that make the unit an owner
    direct: bool  # named itself (by name or alias), not only through a group
    standing: Standing
    light: Light = NO_LIGHT  # 亮灯 as of the list's date

    @property
    def kinds(self) -> tuple[str, ...]:
        """What is owed, worst first: 逾期, 临期, 更新滞后."""
        return self.standing.kinds

    @property
    def level(self) -> str:
        return self.light.level

    @property
    def groups(self) -> tuple[str, ...]:
        """The collective owners (as written) through which the unit owns the item."""
        return tuple(name for name in self.via if name not in self.unit_names)

    @property
    def unit_names(self) -> tuple[str, ...]:
        return (self.unit.name, *self.unit.aliases, self.unit.id)


@record
class UnitOwes:
    """Everything one unit owes, worst first."""

    unit: Unit
    items: tuple[OwedItem, ...]

    @property
    def overdue(self) -> int:
        return sum(o.standing.overdue for o in self.items)

    @property
    def due_soon(self) -> int:
        return sum(o.standing.due_soon for o in self.items)

    @property
    def stale(self) -> int:
        return sum(o.standing.stale for o in self.items)

    @property
    def yellow(self) -> int:
        """The items listed lit 黄 (behind 序时进度: 更新滞后, 节点滞后, 过半未启动)."""
        return sum(o.level == YELLOW for o in self.items)

    @property
    def level(self) -> str:
        """The worst level among the unit's items listed (绿 when none)."""
        return max((o.level for o in self.items), key=level_rank, default=GREEN)

    @property
    def worst(self) -> OwedItem | None:
        """The longest overdue item, if any."""
        return self.items[0] if self.items and self.items[0].standing.overdue else None

    @property
    def max_days_late(self) -> int:
        return self.worst.standing.days_late if self.worst else 0

    @property
    def max_workdays_late(self) -> int | None:
        return self.worst.standing.workdays_late if self.worst else 0


@record
class Owed:
    """The answer of `ledger overdue`: units that owe (or the one asked about), worst first."""

    as_of: date
    units: tuple[UnitOwes, ...]
    unit: Unit | None  # the unit asked about, if any
    uncovered_years: tuple[int, ...]  # years whose 工作日 the official calendar cannot count
    min_level: str | None = None  # --min-level: pairs lit this or worse, not only what is owed

    @property
    def items(self) -> tuple[OwedItem, ...]:
        return tuple(o for u in self.units for o in u.items)

    @property
    def counts_yellow(self) -> bool:
        """Listed by 亮灯 at 黄 or milder (--min-level 绿/蓝/黄): a 黄灯 count belongs beside
        逾期/临期/更新滞后, since 节点滞后 and 过半未启动 are in none of them."""
        return self.min_level is not None and level_rank(self.min_level) <= level_rank(YELLOW)

    @property
    def anything_overdue(self) -> bool:
        return any(u.overdue for u in self.units)


def owed(
    ledger: Ledger,
    as_of: date,
    unit: Unit | None = None,
    registry: Registry | None = None,
    min_level: str | None = None,
) -> Owed:
    """What every unit (or `unit` alone) owes as of `as_of`; with `min_level`, every pair lit
    at that level or worse (亮灯) instead."""
    registry = registry if registry is not None else Registry.of(ledger)
    found = standings(ledger, as_of, registry)
    return owed_from(ledger, found, as_of, unit, registry, min_level)


def owed_from(
    ledger: Ledger,
    all_standings: Sequence[Standing],
    as_of: date,
    unit: Unit | None = None,
    registry: Registry | None = None,
    min_level: str | None = None,
) -> Owed:
    """Like `owed`, from standings already computed for `as_of` (in plan order)."""
    registry = registry if registry is not None else Registry.of(ledger)
    tasks = {task.id: task for task in ledger.tasks}
    ranked: dict[str, list[tuple[tuple[int, int, int], OwedItem]]] = {
        u.id: [] for u in registry.units
    }
    for n, s in enumerate(all_standings):
        lit = light(s, ledger.plan, as_of)
        listed = s.owes if min_level is None else lit.rank >= level_rank(min_level)
        if not listed or (unit is not None and s.unit.id != unit.id) or s.unit.id not in ranked:
            continue
        via = registry.via(s.item, s.unit)
        direct = registry.named(s.item, s.unit)
        task = tasks.get(s.item.task_id)
        if task is not None:
            ranked[s.unit.id].append(
                (_item_rank(s, n, lit), OwedItem(s.unit, s.item, task, via, direct, s, lit))
            )
    result = [
        UnitOwes(u, tuple(o for _, o in sorted(ranked[u.id], key=lambda pair: pair[0])))
        for u in registry.units
        if ranked[u.id] or (unit is not None and u.id == unit.id)
    ]
    unit_order = {u.id: n for n, u in enumerate(registry.units)}
    result.sort(key=lambda u: _unit_rank(u, unit_order))
    shown = (o.standing for u in result for o in u.items)
    years = uncovered_years(shown, as_of, ledger.calendar)
    return Owed(as_of, tuple(result), unit, years, min_level)


def _item_rank(s: Standing, plan_order: int, lit: Light) -> tuple[int, int, int]:
    """逾期 (longest first), then 临期 (soonest first), then 更新滞后 (and the other 黄);
    plan order within; 绿 (listed only with --min-level 绿) last."""
    if s.overdue:
        return (0, -s.days_late, plan_order)
    if s.due_soon:
        return (1, s.days_left or 0, plan_order)
    return (2 if lit.level != GREEN else 3, 0, plan_order)


def _unit_rank(u: UnitOwes, unit_order: dict[str, int]) -> tuple[int, ...]:
    """Most overdue items, then most days late, then most 临期, most 更新滞后; registry order."""
    return (-u.overdue, -u.max_days_late, -u.due_soon, -u.stale, unit_order[u.unit.id])


def uncovered_years(
    shown: Iterable[Standing], as_of: date, calendar: Iterable[CalendarYear] = ()
) -> tuple[int, ...]:
    """Years the official calendar (the package's and calendar.yaml's) lacks, for the overdue
    standings whose 工作日 are unknown."""
    covered = covered_years(calendar)
    years = {
        year
        for s in shown
        if s.overdue and s.workdays_late is None and s.due is not None
        for year in (s.due.year, as_of.year)
        if year not in covered
    }
    return tuple(sorted(years))
