"""Every command and every option is documented in the README (a test fails when one is not)."""

from __future__ import annotations

from collections.abc import Iterator

import typer
from typer.main import get_command

from gongkai_ledger import commands  # noqa: F401  (registers the commands)
from gongkai_ledger._app import app

from .conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _commands(group: object, prefix: str) -> Iterator[tuple[str, object]]:
    for name, command in sorted(getattr(group, "commands", {}).items()):
        path = f"{prefix} {name}"
        if getattr(command, "commands", None):
            yield from _commands(command, path)
        else:
            yield path, command


def all_commands() -> list[tuple[str, object]]:
    return list(_commands(get_command(app), "ledger"))


def test_there_are_commands() -> None:
    names = [name for name, _ in all_commands()]
    assert "ledger check" in names
    assert "ledger progress add" in names


def test_every_command_is_documented() -> None:
    missing = [name for name, _ in all_commands() if name not in README]
    assert missing == []


def test_every_option_is_documented() -> None:
    missing = []
    for name, command in all_commands():
        for param in getattr(command, "params", []):
            if isinstance(param, typer.core.TyperOption):
                documented = any(f"{opt} " in README or f"{opt}`" in README for opt in param.opts)
                if "--help" not in param.opts and not documented:
                    missing.append(f"{name} {max(param.opts, key=len)}")
    assert missing == []
