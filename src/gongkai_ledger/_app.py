"""The Typer app and what every command shares: options, option parsing, usage errors.

Commands live in `commands/`, one module each; they import heavy modules inside
the command function so that `ledger --version` and `--help` stay fast.
Only the command layer reads the clock or the environment.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    name="ledger",
    help="政务公开工作要点重点任务台账:检查、督办、通报。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

LEDGER_ENV = "GONGKAI_LEDGER_DIR"

LedgerOption = Annotated[
    Path,
    typer.Option(
        "--ledger",
        envvar=LEDGER_ENV,
        help="台账目录(含 tasks.yaml、units.yaml、progress/)。",
        show_default=True,
    ),
]


class UsageError(Exception):
    """A bad option value: printed in Chinese, exit code 2."""


def parse_day(text: str | None, what: str) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{what}“{text}”不是有效日期,请写成 YYYY-MM-DD") from None


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"gongkai-ledger {version('gongkai-ledger')}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="显示版本并退出。"),
    ] = False,
) -> None:
    """政务公开工作要点重点任务台账:检查、督办、通报。"""
