"""The Typer app and what every command shares: options, option parsing, usage errors.

Commands live in `commands/`, one module each; they import heavy modules inside
the command function so that `ledger --version` and `--help` stay fast.
Only the command layer reads the clock or the environment.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup
from typer.models import CommandFunctionType

if TYPE_CHECKING:
    from .model import Unit
    from .registry import Registry

HELP_TEXT = "显示此帮助并退出。"


def _in_chinese(option: Any) -> Any:
    """Click's --help option says 'Show this message and exit.'; our users read Chinese."""
    if option is not None:
        option.help = HELP_TEXT
    return option


def _chinese_help_panels() -> None:
    """Typer's help screen labels (imported only when help is shown: rich is slow to load)."""
    from typer import rich_utils

    rich_utils.DEFAULT_STRING = "[默认:{}]"
    rich_utils.ENVVAR_STRING = "[环境变量:{}]"
    rich_utils.REQUIRED_LONG_STRING = "[必填]"
    rich_utils.ARGUMENTS_PANEL_TITLE = "参数"
    rich_utils.OPTIONS_PANEL_TITLE = "选项"
    rich_utils.COMMANDS_PANEL_TITLE = "命令"


class ChineseCommand(TyperCommand):
    def get_help_option(self, ctx: Any) -> Any:
        return _in_chinese(super().get_help_option(ctx))

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _chinese_help_panels()
        super().format_help(ctx, formatter)


class ChineseGroup(TyperGroup):
    def get_help_option(self, ctx: Any) -> Any:
        return _in_chinese(super().get_help_option(ctx))

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _chinese_help_panels()
        super().format_help(ctx, formatter)


class App(typer.Typer):
    """A Typer app whose commands and sub-apps all have Chinese --help text."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("cls", ChineseGroup)
        kwargs.setdefault("add_completion", False)
        kwargs.setdefault("pretty_exceptions_enable", False)
        kwargs.setdefault("context_settings", {"help_option_names": ["-h", "--help"]})
        super().__init__(**kwargs)

    def command(
        self, name: str | None = None, **kwargs: Any
    ) -> Callable[[CommandFunctionType], CommandFunctionType]:
        kwargs.setdefault("cls", ChineseCommand)
        return super().command(name, **kwargs)


app = App(
    name="ledger",
    help="政务公开工作要点重点任务台账:检查、督办、通报。",
    no_args_is_help=True,
)

LEDGER_ENV = "GONGKAI_LEDGER_DIR"

LedgerOption = Annotated[
    Path,
    typer.Option(
        "--ledger",
        envvar=LEDGER_ENV,
        help=f"台账目录,默认 data(也可用环境变量 {LEDGER_ENV})。",
        show_default=False,
        show_envvar=False,
    ),
]


AsOfOption = Annotated[
    str | None, typer.Option("--as-of", help="截至日期 YYYY-MM-DD,默认今天。", show_default=False)
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


def chosen_unit(registry: Registry, text: str | None) -> Unit | None:
    """The unit named by a --unit option (name, alias or id), or a UsageError that helps."""
    if text is None:
        return None
    from .model import Group

    found = registry.lookup(text.strip())
    if found is None:
        hint = registry.suggest(text.strip()) or "可运行 ledger units 查看所有单位"
        raise UsageError(f"未知单位“{text}”,{hint}")
    if isinstance(found, Group):
        raise UsageError(f"“{text}”是单位组,不是单位;请指定其中一个单位(ledger units 可查看成员)")
    return found


def write_output(
    path: Path | None, data: bytes, ledger: Path, *, make_parents: bool = False
) -> None:
    """Write a command's output: -o file, device or pipe, or stdout (`-`, None); see outfile."""
    from .outfile import write_output as write

    write(path, data, (ledger,), make_parents=make_parents)


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
