"""The everyday commands without Typer: a small parser for argv that Typer would accept as is.

`ledger check`, `overdue`, `show`, `units`, `fmt` and `report` run dozens of times a day and on
every commit; importing Typer (and its click) would be a quarter of their time. Each of those
modules declares `FAST` (a `Fast`: its function, options and arguments) next to the function
Typer registers; `tests/test_fast_dispatch.py` checks both declarations agree, option by option.

The parser only takes argv it is sure Typer would parse to the same values: `--opt value`,
`--opt=value`, `-o value`, flags, `--`, arguments between options, repeated options (the last
wins), values that start with `-` (taken as values, as click does), the option's environment
variable. Anything else — `--help`/`-h`, an unknown option, a flag given a value, a missing,
empty or bad value, an integer out of range, too many or too few arguments — returns None, and
cli.py lets Typer parse it: the help screens and usage errors stay Typer's, in Chinese.
This module imports nothing heavy, and nothing that imports Typer.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal, NamedTuple

from ._common import LEDGER_ENV

Kind = Literal["flag", "str", "path", "int"]

# cli.py lets Typer parse every command when this is set (tests compare the two paths).
FORCE_TYPER_ENV = "GONGKAI_LEDGER_FORCE_TYPER"


class Opt(NamedTuple):
    """One option: the parameter the function receives, its names, what it takes, its default."""

    param: str
    names: tuple[str, ...]
    kind: Kind
    default: Any = None
    envvar: str | None = None
    low: int | None = None  # an integer option's range, inclusive
    high: int | None = None


class Arg(NamedTuple):
    """A positional argument: one required value (`many` False) or any number (default None)."""

    param: str
    kind: Kind
    many: bool = False


class Fast(NamedTuple):
    """A command the fast path runs: its function, its options and arguments in Typer's order."""

    function: Callable[..., Any]
    options: tuple[Opt, ...]
    arguments: tuple[Arg, ...] = ()


# The options several everyday commands share, declared once (as _app's AsOfOption,
# SkipInvalidOption, LedgerOption and ViewFormatOption are for Typer).
AS_OF = Opt("as_of", ("--as-of",), "str")
SKIP_INVALID = Opt("skip_invalid", ("--skip-invalid",), "flag", False)
LEDGER = Opt("ledger", ("--ledger",), "path", Path("data"), envvar=LEDGER_ENV)
VIEW_FORMAT = Opt("given_format", ("--format",), "str", "table")


def parse(fast: Fast, args: Sequence[str]) -> dict[str, Any] | None:
    """The keyword arguments Typer would call `fast.function` with, or None if not sure."""
    by_name = {name: option for option in fast.options for name in option.names}
    given: dict[str, Any] = {}
    positional: list[str] = []
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg == "--":
            positional += rest
            break
        if arg == "-" or not arg.startswith("-"):
            positional.append(arg)
            continue
        name, equals, attached = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        option = by_name.get(name)
        if option is None:
            return None
        if option.kind == "flag":
            if equals:
                return None
            given[option.param] = True
            continue
        if equals:
            text = attached
        elif rest:
            text = rest.pop(0)
        else:
            return None
        value = _convert(option, text)
        if value is None:
            return None
        given[option.param] = value
    for option in fast.options:
        if option.param in given:
            continue
        from_env = os.environ.get(option.envvar) if option.envvar else None
        if from_env:  # click ignores an empty variable
            if (value := _convert(option, from_env)) is None:
                return None
            given[option.param] = value
        else:
            given[option.param] = option.default
    for argument in fast.arguments:
        if argument.many:
            values = [_convert(argument, text) for text in positional]
            if any(value is None for value in values):
                return None
            given[argument.param] = values or None
            positional = []
        elif positional:
            if (value := _convert(argument, positional.pop(0))) is None:
                return None
            given[argument.param] = value
        else:
            return None  # a required argument is missing: Typer says so
    return None if positional else given


def _convert(option: Opt | Arg, text: str) -> Any:
    """The value of `text` for the option, or None where Typer would refuse it or might differ."""
    if not text or (not text.isprintable() and any("\udc80" <= c <= "\udcff" for c in text)):
        return None  # empty, or bytes that were not UTF-8 (usage.Text refuses them)
    if option.kind == "path":
        return Path(text)
    if option.kind == "int":
        if not (text.isascii() and text.isdigit()):
            return None
        number = int(text)
        if isinstance(option, Opt) and not (
            (option.low is None or number >= option.low)
            and (option.high is None or number <= option.high)
        ):
            return None
        return number
    return text


def run(name: str, args: Sequence[str]) -> bool:
    """Run command `name` on `args` if it is an everyday one and sure to parse; False otherwise.

    Exits as Typer's root group would: SystemExit with the command's code, 0 when it returns,
    130 on Ctrl-C (Typer says nothing), 1 with 已中断 on end of input, 1 on a closed pipe.
    """
    from importlib import import_module

    from . import COMMANDS

    if name not in COMMANDS:
        return False
    # A command is an everyday one when its module declares FAST; any other imports Typer
    # here, as the Typer path would import it next anyway.
    fast: Fast | None = getattr(import_module(f"{__package__}.{COMMANDS[name]}"), "FAST", None)
    if fast is None:
        return False
    kwargs = parse(fast, args)
    if kwargs is None:
        return False
    try:
        fast.function(**kwargs)
    except EOFError:
        sys.stderr.write("\n已中断\n")
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    except OSError as error:
        if error.errno == errno.EPIPE:
            sys.exit(1)
        raise
    sys.exit(0)
