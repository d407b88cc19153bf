"""One module per command (or command group); importing it registers it on the app.

`COMMANDS` is the one list of commands, in the order `ledger --help` shows them. `ledger NAME …`
imports only NAME's module (see cli.py); `ledger --help`, no command or an unknown one import
them all. A new command is one line here: its name and its module in this package.
This module imports nothing itself: Typer comes with `_app`, which the everyday commands (a
module that declares `FAST`) import only when Typer parses them (see `_fast`).
"""

from __future__ import annotations

COMMANDS: dict[str, str] = {
    "check": "check",
    "codeowners": "codeowners",
    "diff": "diff",
    "export": "export",
    "fmt": "fmt",
    "import": "importing",
    "init": "init",
    "overdue": "overdue",
    "progress": "progress",
    "report": "report",
    "review": "review",
    "rollover": "rollover",
    "schema": "schema",
    "show": "show",
    "units": "units",
}


def register(name: str | None = None) -> None:
    """Register command `name` on the app; every command if `name` is None or not a command."""
    from importlib import import_module

    chosen = [COMMANDS[name]] if name in COMMANDS else list(dict.fromkeys(COMMANDS.values()))
    for module in chosen:
        loaded = import_module(f"{__name__}.{module}")
        if (fast := getattr(loaded, "FAST", None)) is not None:
            from ._app import adopt

            adopt(fast)
    if len(chosen) > 1:
        _in_table_order()


def _in_table_order() -> None:
    """The help lists commands in registration order: make it the table's, whatever was first."""
    from ._app import app

    order = {module: place for place, module in enumerate(dict.fromkeys(COMMANDS.values()))}

    def place(module: str) -> int:
        return order.get(module.rsplit(".", 1)[-1], len(order))

    names = {name: place for place, name in enumerate(COMMANDS)}
    app.registered_commands.sort(key=lambda info: place(getattr(info.callback, "__module__", "")))
    app.registered_groups.sort(key=lambda info: names.get(info.name or "", len(names)))
