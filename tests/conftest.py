"""Shared fixtures: small ledgers written inline, as the user would write them."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings

from gongkai_ledger.check import check_ledger

from .profiles import in_ci, profile

settings.load_profile(profile())

REPO = Path(__file__).resolve().parent.parent
SHIPPED = REPO / "data"

TASKS = """\
plan:
  title: 2022年某县政务公开工作要点
  issuer: 某县人民政府办公室
  doc_no: 某府办发〔2022〕1号
  issued: 2022-03-01
  year: 2022
  update_every: 月
  warn_days: 15
sections:
  - id: 一
    title: 第一部分
tasks:
  - id: 1
    section: 一
    title: 任务一
    deadline: 2022年9月并持续更新
    items:
      - id: "1.1"
        content: 条目一
        owners: [县财政局]
      - id: "1.2"
        content: 条目二
        owners: [各乡镇]
        deadline: 2022年12月
"""

UNITS = """\
units:
  - id: czj
    name: 县财政局
    aliases: [财政局]
    kind: 政府工作部门
  - id: aaz
    name: 甲镇
    kind: 乡镇
  - id: bbx
    name: 乙乡
    kind: 乡镇
groups:
  - name: 各乡镇
    members: [甲镇, 乙乡]
"""

Write = Callable[..., Path]


@pytest.fixture
def write_ledger(tmp_path: Path) -> Write:
    """Write a ledger directory; each argument is inline YAML (dedented)."""

    def write(
        tasks: str = TASKS, units: str = UNITS, progress: dict[str, str] | None = None
    ) -> Path:
        root = tmp_path / "ledger"
        (root / "progress").mkdir(parents=True, exist_ok=True)
        (root / "tasks.yaml").write_text(textwrap.dedent(tasks), encoding="utf-8")
        (root / "units.yaml").write_text(textwrap.dedent(units), encoding="utf-8")
        for name, text in (progress or {}).items():
            (root / "progress" / name).write_text(textwrap.dedent(text), encoding="utf-8")
        return root

    return write


def found(root: Path, as_of: date = date(2022, 12, 31)) -> list[tuple[str, int, int, str]]:
    """The problems of a ledger as (file name, line, col, rule) tuples."""
    return [
        (Path(p.source.path).name, p.source.line, p.source.col, p.rule)
        for p in check_ledger(root, as_of)
    ]


@pytest.fixture
def past_the_input_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """Text the control-char rule would refuse reaches the views anyway.

    Defence in depth: an output must be safe on its own, whatever got into the data (a ledger
    written before the rule existed, a git revision, a file the check was not run on).
    """
    from gongkai_ledger.rules import control_char

    monkeypatch.setattr(control_char, "forbidden", lambda char, *, multiline=False: False)
    monkeypatch.setattr(control_char, "first_forbidden", lambda text, *, multiline=False: None)


# -- the slow marker (see profiles.py) -----------------------------------------------------


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "slow: takes seconds; runs in CI (CI=1), with -m slow, or when named alone"
    )


def pytest_report_header(config: pytest.Config) -> str:
    slow = "run" if in_ci() or config.option.markexpr else "deselected (CI=1 or -m slow runs them)"
    return f"hypothesis profile {profile()} ({settings().max_examples} examples); slow tests {slow}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if in_ci() or config.option.markexpr:
        return
    slow = [item for item in items if item.get_closest_marker("slow")]
    if len(slow) == len(items):
        return  # only slow tests were asked for: run them rather than none
    config.hook.pytest_deselected(items=slow)
    items[:] = [item for item in items if not item.get_closest_marker("slow")]
