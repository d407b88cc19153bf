"""render/_compiled_*.py: the packaged templates' code, generated ahead and current."""

from __future__ import annotations

import sys
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

REGENERATE = ".venv/bin/python -m gongkai_ledger.render.templates"
RENDER = Path(templates.__file__).parent


def test_generated_modules_are_current() -> None:
    expected = templates.compiled_files()
    written = {p.name: p.read_text(encoding="utf-8") for p in RENDER.glob("_compiled_*.py")}
    assert written == expected, f"过期了,请运行:{REGENERATE}"


def test_generated_code_keeps_the_templates_line_numbers() -> None:
    """Jinja maps a template error to its line through the code's line numbers: the module
    is Jinja's code from its first line (our words come after it)."""
    module = templates.compiled_module_name("report.md.j2") + ".py"
    text = (RENDER / module).read_text(encoding="utf-8")
    assert text.startswith("from jinja2.runtime import ")
    env = templates.environment()
    source = (templates.PACKAGE_TEMPLATES / "report.md.j2").read_text(encoding="utf-8")
    assert text.startswith(
        env.compile(source, "report.md.j2", "x", raw=True, defer_init=True) + "\n"
    )


def test_generated_code_is_read_from_bytecode_not_compiled(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """With the modules' bytecode present (as pip leaves it), nothing turns source into code
    when the report's templates load: neither Jinja nor Python's compile."""
    import builtins
    import py_compile

    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path))  # bytecode written there only
    for name in ("_macros.md.j2", "report.md.j2"):
        py_compile.compile(str(RENDER / f"{templates.compiled_module_name(name)}.py"), doraise=True)
    compiled: list[object] = []
    original = builtins.compile

    def spy(source: Any, *args: Any, **kwargs: Any) -> Any:
        compiled.append(args[0] if args else source)
        return original(source, *args, **kwargs)

    monkeypatch.setattr(builtins, "compile", spy)
    env = templates.environment()
    env.get_template("report.md.j2")
    env.get_template("_macros.md.j2")
    assert compiled == []


def test_generated_modules_can_be_imported() -> None:
    """Importing one (as tools that walk the package do) defines its functions, nothing more."""
    import importlib

    for name in templates.compiled_files():
        module = importlib.import_module(f"gongkai_ledger.render.{name.removesuffix('.py')}")
        assert module.__name__.endswith(name.removesuffix(".py"))


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
    entries = {name: ("0" * 40, module) for name, (_, module) in generated.TEMPLATES.items()}
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
