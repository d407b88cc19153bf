"""The Typer app and what every command shares: options, option parsing, usage errors.

Commands live in `commands/`, one module each; they import heavy modules inside
the command function so that `ledger --version` and `--help` stay fast.
Only the command layer reads the clock or the environment.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from typer._click.exceptions import UsageError as UsageErrorOfClick
from typer.core import TyperCommand, TyperGroup
from typer.models import CommandFunctionType

from ..core.errors import UsageError
from ._common import LEDGER_ENV

HELP_TEXT = "显示此帮助并退出。"


def _in_chinese(option: Any) -> Any:
    """Click's --help option says 'Show this message and exit.'; our users read Chinese."""
    if option is not None:
        option.help = HELP_TEXT
    return option


def _chinese_params(command: Any) -> None:
    """Chinese messages for bad values of every parameter (see usage.chinese_type)."""
    from .usage import chinese_type

    for param in command.params:
        param.type = chinese_type(param.type)


class _ChineseHelp:
    """Chinese parameter types, help option and help screen, for a command or a group."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _chinese_params(self)

    def get_help_option(self, ctx: Any) -> Any:
        return _in_chinese(super().get_help_option(ctx))  # type: ignore[misc]

    def format_help(self, ctx: Any, formatter: Any) -> None:
        from .usage import render_help

        formatter.write(render_help(self, ctx))


class ChineseCommand(_ChineseHelp, TyperCommand):
    """A command whose help screen and usage errors are Chinese (usage.py renders both)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # Click's own complaint about extra arguments is English; let it pass them, then say it.
        allowed = ctx.allow_extra_args
        ctx.allow_extra_args = True
        try:
            rest: list[str] = super().parse_args(ctx, args)
        except UsageErrorOfClick as error:
            error.ctx = error.ctx or ctx  # the option parser raises without one
            raise
        finally:
            ctx.allow_extra_args = allowed
        if rest and not allowed and not ctx.resilient_parsing:
            from .usage import extra_arguments

            raise extra_arguments(ctx, rest)
        return rest


class ChineseGroup(_ChineseHelp, TyperGroup):
    """A command group with Chinese help; the root one also turns usage errors into Chinese."""

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            from .usage import unknown_command

            raise unknown_command(ctx, name, self.list_commands(ctx))
        return super().resolve_command(ctx, args)

    def main(
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **kwargs: Any,
    ) -> Any:
        """Click's own error printing is English: let it raise, and say it in Chinese."""
        # Messages name the command as users type it, also under `python -m gongkai_ledger`.
        prog_name = prog_name or self.name
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, windows_expand_args, **kwargs)
        from typer._click import exceptions as click_errors

        try:
            code = super().main(args, prog_name, complete_var, False, windows_expand_args, **kwargs)
        except click_errors.NoArgsIsHelpError as error:
            sys.stderr.write(error.ctx.get_help() + "\n")
            sys.exit(2)
        except click_errors.ClickException as error:
            from .usage import explain

            raise UsageError(explain(error)) from None
        except typer.Abort:
            sys.stderr.write("已中断\n")
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


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
    str | None,
    typer.Option(
        "--as-of", metavar="日期", help="截至日期 YYYY-MM-DD,默认今天。", show_default=False
    ),
]


def output_option(help: str) -> Any:
    """`--output`/`-o` with the command's own help (where the output goes by default)."""
    return typer.Option("--output", "-o", help=help)


ViewFormatOption = Annotated[str, typer.Option("--format", help="输出格式:table 或 json。")]


SkipInvalidOption = Annotated[
    bool,
    typer.Option(
        "--skip-invalid",
        help="跳过有错误的进展文件(在输出开头列出,退出码为 4);分解表、单位名录有错误时仍不输出。",
    ),
]


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"gongkai-ledger {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="显示版本并退出。"),
    ] = False,
) -> None:
    """政务公开工作要点重点任务台账:检查、督办、通报。"""


def adopt(fast: Any) -> None:
    """Register an everyday command's function (`_fast.Fast`) on the app.

    Its module imports no Typer, so its annotations (strings, from `__future__`) name Typer's
    options without importing them; they are resolved in the module's namespace, given here.
    """
    function = fast.function
    if any(info.callback is function for info in app.registered_commands):
        return
    namespace = vars(sys.modules[function.__module__])
    namespace.update(ANNOTATION_NAMES)
    name = function.__name__.removesuffix("_command")
    app.command(name)(function)


# What the everyday commands' annotations name (see `adopt`).
ANNOTATION_NAMES: dict[str, Any] = {
    "typer": typer,
    "LedgerOption": LedgerOption,
    "AsOfOption": AsOfOption,
    "SkipInvalidOption": SkipInvalidOption,
    "ViewFormatOption": ViewFormatOption,
    "output_option": output_option,
}
