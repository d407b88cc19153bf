"""Several years in one repository: which directories under a ledger directory are ledgers.

The layout (README “一个仓库放几年的台账”): one directory per year, each a full ledger with its
own tasks.yaml, e.g. `data/2022/`, `data/2023/`; a ledger directory may also hold next year's
ledger in a subdirectory (`data/` as 2022, `data/2023/`). A ledger is a directory with a tasks.yaml.
"""

from __future__ import annotations

from pathlib import Path

TASKS_FILE = "tasks.yaml"


def ledger_directories(root: Path) -> list[Path]:
    """`root` when it is a ledger, then each subdirectory of it that is one, by name."""
    found = [root] if (root / TASKS_FILE).is_file() else []
    if root.is_dir():
        found += sorted(
            (d for d in root.iterdir() if d.is_dir() and (d / TASKS_FILE).is_file()),
            key=lambda d: d.name,
        )
    return found
