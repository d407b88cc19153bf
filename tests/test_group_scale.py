"""Group expansion and the group-cycle rule are linear in the members: a 3,000-deep chain and
a 48-group diamond lattice (2**24 paths) are checked and expanded correctly, and a long cycle
is still reported. Each runs in its own process with a generous timeout (no timing asserted)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .cli_run import run_process
from .conftest import Write
from .ledgers import TASKS, UNITS

GROUPS = UNITS[: UNITS.index("groups:\n")] + "groups:\n"


def groups_yaml(groups: list[tuple[str, list[str]]]) -> str:
    return GROUPS + "".join(
        f"  - name: {name}\n    members: [{', '.join(members)}]\n" for name, members in groups
    )


def expanded(root: Path) -> dict[str, list[str]]:
    run = run_process(
        "units", "--format", "json", "--as-of", "2022-12-31", "--ledger", str(root), timeout=120
    )
    assert run.returncode == 0, run.stderr
    return {g["name"]: g["units"] for g in json.loads(run.stdout)["groups"]}


@pytest.mark.slow
def test_a_3000_deep_chain_is_checked_and_expanded(write_ledger: Write) -> None:
    depth = 3000
    chain = [("各乡镇", ["链1"])]
    chain += [(f"链{n}", [f"链{n + 1}"]) for n in range(1, depth)]
    chain += [(f"链{depth}", ["甲镇", "乙乡"])]
    root = write_ledger(units=groups_yaml(chain))
    run = run_process("check", "--ledger", str(root), timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Traceback" not in run.stderr
    groups = expanded(root)
    assert len(groups) == depth + 1
    assert all(units == ["aaz", "bbx"] for units in groups.values())


@pytest.mark.slow
def test_a_48_group_diamond_lattice_is_checked_and_expanded(write_ledger: Write) -> None:
    depth = 24  # two groups per layer, each containing both of the next layer: 2**24 paths
    lattice = [("各乡镇", ["格1甲", "格1乙"])]
    for n in range(1, depth):
        nxt = [f"格{n + 1}甲", f"格{n + 1}乙"]
        lattice += [(f"格{n}甲", nxt), (f"格{n}乙", nxt)]
    lattice += [(f"格{depth}甲", ["乙乡"]), (f"格{depth}乙", ["甲镇", "乙乡"])]
    root = write_ledger(units=groups_yaml(lattice))
    run = run_process("check", "--ledger", str(root), timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    groups = expanded(root)
    assert len(groups) == 2 * depth + 1
    assert groups["各乡镇"] == ["bbx", "aaz"]
    assert groups[f"格{depth}甲"] == ["bbx"]
    assert groups[f"格{depth}乙"] == ["aaz", "bbx"]


def check_lines(root: Path) -> list[str]:
    run = run_process("check", "--ledger", str(root), timeout=120)
    assert run.returncode == 1, run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    return [line for line in run.stdout.splitlines() if "group-cycle" in line]


def test_a_3000_long_cycle_is_still_reported_once(write_ledger: Write) -> None:
    depth = 3000
    chain = [("各乡镇", ["甲镇", "乙乡", "环1"])]
    chain += [(f"环{n}", [f"环{n + 1}"]) for n in range(1, depth)]
    chain += [(f"环{depth}", ["各乡镇"])]
    root = write_ledger(units=groups_yaml(chain))
    assert [line.split(": 错误 ")[1] for line in check_lines(root)] == [
        "[group-cycle] 单位组循环包含:各乡镇 → 环1 → 环2 → 环3 → 环4 → 环5 → … → 环2996 → 环2997 → 环2998"
        " → 环2999 → 环3000 → 各乡镇(共 3001 个单位组)(请去掉造成循环的成员)"
    ]


def test_each_loop_of_groups_is_reported_once_at_its_first_group(write_ledger: Write) -> None:
    groups = [
        ("各乡镇", ["甲镇", "乙乡"]),
        ("甲", ["乙"]),
        ("乙", ["丙", "各乡镇"]),
        ("丙", ["甲"]),
        ("丁", ["丁"]),
    ]
    root = write_ledger(tasks=TASKS, units=groups_yaml(groups))
    found = [line.split("units.yaml:")[1] for line in check_lines(root)]
    assert found == [
        "15:5: 错误 [group-cycle] 单位组循环包含:甲 → 乙 → 丙 → 甲(请去掉造成循环的成员)",
        "21:5: 错误 [group-cycle] 单位组循环包含:丁 → 丁(请去掉造成循环的成员)",
    ]
