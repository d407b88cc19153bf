"""The Typer app and what every command shares: options, option parsing, usage errors.

Commands live in `commands/`, one module each; they import heavy modules inside
the command function so that `ledger --version` and `--help` stay fast.
Only the command layer reads the clock or the environment.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer._click.exceptions import UsageError as UsageErrorOfClick
from typer.core import TyperCommand, TyperGroup
from typer.models import CommandFunctionType

from ..core.errors import UsageError

if TYPE_CHECKING:
    from ..core.model import Unit
    from ..core.registry import Registry
    from ..files.load import Loaded

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
    str | None,
    typer.Option(
        "--as-of", metavar="日期", help="截至日期 YYYY-MM-DD,默认今天。", show_default=False
    ),
]


def output_option(help: str) -> Any:
    """`--output`/`-o` with the command's own help (where the output goes by default)."""
    return typer.Option("--output", "-o", help=help)


# `show` and `units`: a terminal view or its JSON, on standard output only
VIEW_FORMATS: dict[str, tuple[str, ...]] = dict.fromkeys(("table", "json"), ())
ViewFormatOption = Annotated[str, typer.Option("--format", help="输出格式:table 或 json。")]


SkipInvalidOption = Annotated[
    bool,
    typer.Option(
        "--skip-invalid",
        help="跳过有错误的进展文件(在输出开头列出,退出码为 4);分解表、单位名录有错误时仍不输出。",
    ),
]


def now() -> datetime:
    """The one reading of the clock (STYLE principle 1); tests replace it."""
    return datetime.now(UTC)


def now_in(timezone: str) -> datetime:
    """The time now in `timezone` (an IANA name; the default zone if unknown)."""
    from ..core.model import DEFAULT_TIMEZONE
    from ..core.timezones import zone

    return now().astimezone(zone(timezone) or zone(DEFAULT_TIMEZONE))


def ledger_today(ledger: Path) -> date:
    """Today in the ledger's plan.timezone (Beijing by default), wherever this machine runs."""
    from ..core.timezones import day_in
    from ..files.load import plan_timezone

    return day_in(now(), plan_timezone(ledger))


def loaded_today(ledger: Path, loaded: Loaded) -> date:
    """`ledger_today` from the ledger just loaded, without reading tasks.yaml a second time.

    When the loader found nothing wrong, its plan.timezone is the one `plan_timezone` reads;
    otherwise (a bad value, a duplicate key, a file too large…) it is read the old way.
    """
    if loaded.problems:
        return ledger_today(ledger)
    from ..core.timezones import day_in

    return day_in(now(), loaded.ledger.plan.timezone)


def parse_day(text: str | None, what: str, today: date | None = None) -> date:
    """The date in `text`; without one, `today` (by default, today in Beijing)."""
    if text is None:
        if today is not None:
            return today
        from ..core.model import DEFAULT_TIMEZONE
        from ..core.timezones import day_in

        return day_in(now(), DEFAULT_TIMEZONE)
    import re

    from ..core.digits import ascii_digits

    value = ascii_digits(text)  # ２０２２－１２－３１ as typed in Chinese
    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):  # not 20221231, not ٢٠٢٢
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{what}“{text}”不是有效日期,请写成 YYYY-MM-DD") from None


def chosen_unit(registry: Registry, text: str | None) -> Unit | None:
    """The unit named by a --unit option (name, alias or id), or a UsageError that helps."""
    if text is None:
        return None
    from ..core.registry import unit_named

    return unit_named(registry, text)


def output_format(
    given: str | None,
    formats: Mapping[str, tuple[str, ...]],
    default: str,
    output: Path | None = None,
    ledger: Path | None = None,
    *,
    option: bool = True,
) -> str:
    """The one way a command settles its output format: --format, else the -o file's
    extension, else `default`; `formats` maps each to its -o extensions (none: stdout only).
    A UsageError for a format not in `formats`; see outfile.choose_format."""
    from ..files.outfile import choose_format

    ledgers = () if ledger is None else (ledger,)
    return choose_format(given, output, formats, default, option=option, ledgers=ledgers)


def emit(
    output: Path | None,
    data: bytes,
    ledger: Path,
    *,
    make_parents: bool = False,
    notes: Sequence[str] = (),
) -> None:
    """A command's output to stdout (`-`, None) or the -o file, device or pipe (see outfile);
    then `notes` and, for a file, where it went, on stderr."""
    from ..files.outfile import is_stdout, write_output

    write_output(output, data, (ledger,), make_parents=make_parents)
    for note in notes:
        sys.stderr.write(note + "\n")
    if output is not None and not is_stdout(output):
        sys.stderr.write(written(output) + "\n")


def written(path: Path) -> str:
    """What a command says after writing a file."""
    return f"已写入:{path.as_posix()}"


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
