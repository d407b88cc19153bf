"""render/_compiled_templates.py: the packaged templates' code, generated ahead and current."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from gongkai_ledger.ops.valid import valid_or_skipped
from gongkai_ledger.render import _compiled_templates as generated
from gongkai_ledger.render import templates
from gongkai_ledger.render.sandbox import BudgetExceeded, BudgetSandbox, Limits
from gongkai_ledger.views.report import report_context

DATA = Path(__file__).resolve().parents[1] / "data"

REGENERATE = (
    ".venv/bin/python -m gongkai_ledger.render.templates"
    " > src/gongkai_ledger/render/_compiled_templates.py"
)


def test_generated_module_is_current() -> None:
    written = Path(generated.__file__).read_text(encoding="utf-8")
    assert written == templates.compiled_module(), f"过期了,请运行:{REGENERATE}"


def test_every_packaged_template_is_generated() -> None:
    names = {p.name for p in templates.PACKAGE_TEMPLATES.glob("*.j2")}
    assert set(generated.TEMPLATES) == names


def _compiled_by_jinja(
    monkeypatch: pytest.MonkeyPatch, user_dir: Path | None = None
) -> list[str | None]:
    """The template names the environment compiles itself (not taken from the module)."""
    compiled: list[str | None] = []
    original = BudgetSandbox.compile

    def spy(
        self: Any,
        source: str,
        name: str | None = None,
        filename: str | None = None,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        compiled.append(name)
        return original(self, source, name, filename, *args, **kwargs)

    monkeypatch.setattr(BudgetSandbox, "compile", spy)
    env = templates.environment(user_dir)
    env.get_template("report.md.j2")
    env.get_template("builtin/report.html.j2")
    return compiled


def test_packaged_templates_are_not_compiled_at_run_time(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _compiled_by_jinja(monkeypatch) == []


def test_a_users_template_is_compiled(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "report.md.j2").write_text("{{ 1 }}\n", encoding="utf-8")
    assert _compiled_by_jinja(monkeypatch, tmp_path) == ["report.md.j2"]


def test_a_stale_stamp_compiles_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(generated, "STAMP", "something else")
    assert set(_compiled_by_jinja(monkeypatch)) == {"report.html.j2", "report.md.j2"}


def test_a_changed_source_compiles_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    entries = {name: ("0" * 40, code) for name, (_, code) in generated.TEMPLATES.items()}
    monkeypatch.setattr(generated, "TEMPLATES", entries)
    assert set(_compiled_by_jinja(monkeypatch)) == {"report.html.j2", "report.md.j2"}


def test_the_sandbox_budget_applies_to_generated_code() -> None:
    """The generated code counts steps: a tiny step budget stops the packaged report."""
    ledger = valid_or_skipped(DATA, date(2023, 1, 1), skip_invalid=False).ledger
    context = report_context(ledger, (2022, 12))
    env = templates.environment()
    assert "重点任务落实情况通报" in env.render("report.md.j2", context)
    env.limits = Limits(steps=10)
    try:
        env.render("report.md.j2", context)
    except BudgetExceeded as error:
        assert "步骤过多" in str(error)
    else:
        raise AssertionError("the step budget was not applied")
