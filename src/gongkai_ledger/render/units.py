"""`ledger units` output: the units and groups as rich tables (boxless when piped) and json."""

from __future__ import annotations

from ..core.safetext import json_text
from ..core.status import OVERDUE
from ..views.units import RegistryView
from .plain import Group, Text, View
from .show import names
from .textcells import view_table


def to_table(view: RegistryView, *, plain: bool = False) -> View:
    label = "" if plain else "bold"
    units = view_table(plain)
    units.add_column("编号", no_wrap=True)
    units.add_column("名称", no_wrap=True)
    units.add_column("别名", overflow="fold", ratio=1)
    units.add_column("类别", no_wrap=True)
    units.add_column("负责", justify="right", no_wrap=True)
    units.add_column("未完成", justify="right", no_wrap=True)
    units.add_column(OVERDUE, justify="right", no_wrap=True)
    supporting = any(load.supported for load in view.units)  # the column only when used
    if supporting:
        units.add_column("配合", justify="right", no_wrap=True)
    for load in view.units:
        u = load.unit
        units.add_row(
            u.id,
            u.name,
            " ".join(u.aliases),  # a space lets a cell wrap between names
            u.kind,
            str(len(load.items)),
            str(len(load.open_items)),
            str(len(load.overdue)),
            *((str(len(load.supported)),) if supporting else ()),
        )
    groups = view_table(plain)
    groups.add_column("单位组(及别名)", overflow="fold", max_width=18)
    groups.add_column("成员(原文)", overflow="fold", ratio=2)
    groups.add_column("展开后的单位", overflow="fold", ratio=3)
    for g in view.groups:
        name = g.group.name + "".join(f"\n{alias}" for alias in g.group.aliases)
        groups.add_row(
            name,
            " ".join(m.text for m in g.group.members),
            f"{len(g.units)}个单位:\n{names(g.units, ' ')}",
        )
    return Group(
        Text(
            f"单位 {len(view.units)} 个(条目数截至 {view.as_of.isoformat()};"
            "未完成 = 既未完成也非不涉及)",
            style=label,
        ),
        units,
        Text(""),
        Text(f"单位组 {len(view.groups)} 个", style=label),
        groups,
    )


def to_json(view: RegistryView) -> str:
    document = {
        "as_of": view.as_of.isoformat(),
        "units": [
            {
                "id": load.unit.id,
                "name": load.unit.name,
                "aliases": list(load.unit.aliases),
                "kind": load.unit.kind,
                "items": [i.id for i in load.items],
                "open_items": [i.id for i in load.open_items],
                "overdue_items": [i.id for i in load.overdue],
                "supported_items": [i.id for i in load.supported],
            }
            for load in view.units
        ],
        "groups": [
            {
                "name": g.group.name,
                "aliases": list(g.group.aliases),
                "members": [m.text for m in g.group.members],
                "units": [u.id for u in g.units],
            }
            for g in view.groups
        ],
    }
    return json_text(document)
