"""Shared fixtures: ledgers written to a temporary directory, the slow marker, Hypothesis profiles.

The inline ledgers themselves are in ledgers.py.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings

from gongkai_ledger.files.load import load_ledger
from gongkai_ledger.ops.check import check_ledger

from .ledgers import HOSTILE_TEXTS, TASKS, UNITS, quoted
from .profiles import in_ci, profile

settings.load_profile(profile())

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
def hostile(write_ledger: Write) -> Path:
    task_title = quoted("任务|一 `x`")  # a title is one line (control-char)
    reason = quoted("理由|<script>alert(2)</script>\n换行")
    tasks = f"""\
plan:
  title: {quoted("要点<i>|</i>")}
  issuer: {quoted("某县<script>x</script>")}
  doc_no: 某府办发〔2022〕1号
  issued: 2022-03-01
  year: 2022
  update_every: 月
  warn_days: 15
sections:
  - id: 一
    title: {quoted("第一|部分<br>")}
tasks:
  - id: 1
    section: 一
    title: {task_title}
    deadline: 2022年9月并持续更新
    items:
      - id: "1.1"
        content: {quoted(HOSTILE_TEXTS[2] + HOSTILE_TEXTS[1])}
        owners: [县财政局]
      - id: "1.2"
        content: 条目二
        owners: [各乡镇]
        deadline: 2022年12月
"""
    reports = "\n".join(
        f"""\
  - item: "1.1"
    date: 2022-12-{n + 1:02d}
    status: 推进中
    summary: {quoted(text)}
"""
        for n, text in enumerate(HOSTILE_TEXTS)
    )
    evil_links = "[javascript:alert(1), " + quoted("https://ok.example/a_b?x=1&y=<2>") + "]"
    progress = {
        "czj.yaml": "unit: 县财政局\nreports:\n" + reports,
        "aaz.yaml": f"""\
unit: 甲镇
reports:
  - item: "1.2"
    date: 2022-12-20
    status: 已完成
    summary: 完成
    evidence: {evil_links}
  - item: "1.2"
    date: 2022-12-21
    status: 已完成
    summary: 完成
    evidence: [https://ok.example/done]
""",
        "bbx.yaml": f"""\
unit: 乙乡
reports:
  - item: "1.2"
    date: 2022-12-20
    status: 不涉及
    summary: {quoted("无|此事<script>")}
    reason: {reason}
""",
    }
    root = write_ledger(tasks=tasks, progress=progress)
    assert load_ledger(root).problems == []
    return root


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
