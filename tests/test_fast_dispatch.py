"""The everyday commands parsed without Typer (commands/_fast.py) behave exactly as through Typer.

Two things are checked: each command's `FAST` declaration equals the options and arguments
Typer builds from the function (names, flag or value, default, type and range, environment
variable), and, for a matrix of command lines, the fast path and the forced Typer path print
the same stdout and stderr and exit with the same code.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

import pytest
from typer._click import types as click_types
from typer.main import get_command

from gongkai_ledger import commands
from gongkai_ledger.commands import COMMANDS, _fast
from gongkai_ledger.commands._app import app

from .cli_run import run_ledger
from .ledgers import SHIPPED

commands.register()

# The everyday commands: those whose module declares FAST.
FAST_COMMANDS = tuple(
    name
    for name, module in COMMANDS.items()
    if hasattr(import_module(f"gongkai_ledger.commands.{module}"), "FAST")
)


def _click_command(name: str):  # type: ignore[no-untyped-def]
    return get_command(app).commands[name]  # type: ignore[attr-defined]


def _fast_of(name: str) -> _fast.Fast:
    from importlib import import_module

    fast: _fast.Fast = import_module(f"gongkai_ledger.commands.{COMMANDS[name]}").FAST
    return fast


def _kind(param) -> str:  # type: ignore[no-untyped-def]
    if getattr(param, "is_flag", False):
        return "flag"
    base = getattr(param.type, "wrapped", param.type)  # usage.chinese_type wraps it
    if isinstance(base, click_types.IntParamType):
        return "int"
    if type(base).__name__ == "TyperPath":
        return "path"
    assert isinstance(base, click_types.StringParamType), base
    return "str"


def _range(param) -> tuple[int | None, int | None]:  # type: ignore[no-untyped-def]
    base = getattr(param.type, "wrapped", param.type)
    return (getattr(base, "min", None), getattr(base, "max", None))


@pytest.mark.parametrize("name", FAST_COMMANDS)
def test_the_fast_declaration_is_the_one_typer_builds(name: str) -> None:
    command = _click_command(name)
    fast = _fast_of(name)
    options = [p for p in command.params if p.param_type_name == "option"]
    arguments = [p for p in command.params if p.param_type_name == "argument"]
    typer_options = [
        (
            p.name,
            tuple(p.opts),
            tuple(p.secondary_opts),
            _kind(p),
            p.default,
            p.multiple,
            p.envvar,
            _range(p) if _kind(p) == "int" else (None, None),
        )
        for p in options
    ]
    fast_options = [
        (o.param, o.names, (), o.kind, o.default, False, o.envvar, (o.low, o.high))
        for o in fast.options
    ]
    assert fast_options == typer_options
    typer_arguments = [(p.name, _kind(p), p.nargs == -1, p.required) for p in arguments]
    fast_arguments = [(a.param, a.kind, a.many, not a.many) for a in fast.arguments]
    assert fast_arguments == typer_arguments
    assert command.callback.__wrapped__ is fast.function


def test_every_option_of_a_fast_command_takes_one_value_or_is_a_flag() -> None:
    for name in FAST_COMMANDS:
        for param in _click_command(name).params:
            if param.param_type_name == "option":
                assert param.nargs == 1 and not param.count, (name, param.name)
            assert param.callback is None, (name, param.name)


DAY = ("--as-of", "2022-12-31")
LEDGER = ("--ledger", str(SHIPPED))

MATRIX: list[tuple[str, ...]] = [
    # check
    ("check", *LEDGER, *DAY),
    ("check", f"--ledger={SHIPPED}", "--as-of=2022-12-31", "--strict", "-q"),
    ("check", *LEDGER, "--format", "json", "--format", "gitlab", *DAY),
    ("check", *LEDGER, "--format", "github", "--max-file-mb", "1", "--quiet"),
    ("check", *LEDGER, "--max-file-mb", "0"),
    ("check", *LEDGER, "--max-file-mb", "1025"),
    ("check", *LEDGER, "--max-file-mb", "x"),
    ("check", *LEDGER, "--max-file-mb", "-5"),
    ("check", *LEDGER, "--max-file-mb"),
    ("check", *LEDGER, "--strict=yes"),
    ("check", *LEDGER, "--format", "xml"),
    ("check", *LEDGER, "--as-of", "2022-13-01"),
    ("check", *LEDGER, "extra"),
    ("check", *LEDGER, "--", "extra"),
    ("check", "--ledger", "no-such-dir"),
    ("check", "--ledger", ""),
    ("check", *LEDGER, "--help"),
    ("check", *LEDGER, "-h"),
    ("check", "--ledge", str(SHIPPED)),
    # overdue
    ("overdue", "--unit", "市财政局", *LEDGER, *DAY),
    ("overdue", "--unit=czj", *LEDGER, *DAY, "--format", "md", "--exit-code"),
    ("overdue", "--unit", "市财政局", "--unit", "财政局", *LEDGER, *DAY, "--format=csv"),
    ("overdue", *LEDGER, *DAY, "--format", "json", "--skip-invalid"),
    ("overdue", *LEDGER, *DAY, "--min-level", "黄"),
    ("overdue", *LEDGER, *DAY, "--min-level", "紫"),
    ("overdue", *LEDGER, *DAY, "--unit", "--format"),
    ("overdue", *LEDGER, *DAY, "--unit", "-x"),
    ("overdue", *LEDGER, *DAY, "--unit", "没有这个单位"),
    ("overdue", *LEDGER, *DAY, "--unit"),
    ("overdue", *LEDGER, *DAY, "--bogus"),
    ("overdue", *LEDGER, *DAY, "--unit", "\udcff市财政局"),  # a byte that was not UTF-8
    ("overdue", *LEDGER, *DAY, "--exit-code=1"),
    ("overdue", *LEDGER, *DAY, "--format", "yaml"),
    # show
    ("show", "5.1", *LEDGER, *DAY),
    ("show", *LEDGER, "5.1", *DAY, "--format", "json"),
    ("show", *LEDGER, *DAY, "--", "5.1"),
    ("show", *LEDGER, *DAY, "--skip-invalid", "--format=table", "1.1"),
    ("show", *LEDGER, *DAY),
    ("show", *LEDGER, *DAY, "5.1", "5.2"),
    ("show", *LEDGER, *DAY, "99.9"),
    ("show", *LEDGER, *DAY, "-"),
    ("show", *LEDGER, "--as-of", "yesterday", "5.1"),
    # units
    ("units", *LEDGER, *DAY),
    ("units", f"--ledger={SHIPPED}", "--format", "json", "--as-of", "2022-06-30"),
    ("units", *LEDGER, "--skip-invalid", "--format", "table", "--format", "json"),
    ("units", *LEDGER, "x"),
    ("units", *LEDGER, "--format"),
    # fmt
    ("fmt", "--check", *LEDGER),
    ("fmt", "--check", "--diff", str(SHIPPED / "tasks.yaml")),
    ("fmt", "--check", str(SHIPPED / "tasks.yaml"), str(SHIPPED / "units.yaml")),
    ("fmt", "--check", "--", str(SHIPPED / "units.yaml")),
    ("fmt", "--check", "no-such-file.yaml"),
    ("fmt", "--check=1", *LEDGER),
    ("fmt", "--check", ""),
    # report
    ("report", "--month", "2022-12", "--format", "md", *LEDGER),
    ("report", "--month=2022-12", "--format=html", *LEDGER, "--as-of", "2022-12-15"),
    ("report", "--quarter", "2022Q4", *LEDGER, "-o", "-"),
    ("report", "--half", "2022H2", *LEDGER, "--output=-", "--skip-invalid"),
    ("report", "--year", "2022", *LEDGER, "--no-data-version", "--timestamp"),
    ("report", "--month", "2022-11", "--month", "2022-12", *LEDGER, "--unit", "czj"),
    ("report", "--month", "2022-12", *LEDGER, "--unit", "czj", "--all-units"),
    ("report", "--month", "2022-12", *LEDGER, "--all-units"),
    ("report", "--month", "2022-12", *LEDGER, "--format", "docx"),
    ("report", "--month", "2022-12", "--quarter", "2022Q4", *LEDGER),
    ("report", *LEDGER),
    ("report", "--month", "2022-13", *LEDGER),
    ("report", "--month", "2022-12", *LEDGER, "--templates", "no-such-dir"),
    ("report", "--month", "2022-12", *LEDGER, "--issued-on", "2022-12-31", "--reply-by", "x"),
    ("report", "--month", "2022-12", *LEDGER, "-o"),
    ("report", "--month", "2022-12", *LEDGER, "-o-"),
    ("report", "--month", "2022-12", *LEDGER, "--timestamp=no"),
]


def _both(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> tuple[tuple[int, str, str], tuple[int, str, str]]:
    monkeypatch.delenv(_fast.FORCE_TYPER_ENV, raising=False)
    fast = run_ledger(capsys, *args)
    monkeypatch.setenv(_fast.FORCE_TYPER_ENV, "1")
    typer = run_ledger(capsys, *args)
    return (fast.code, fast.out, fast.err), (typer.code, typer.out, typer.err)


@pytest.mark.parametrize("args", MATRIX, ids=[" ".join(a) for a in MATRIX])
def test_the_fast_path_and_typer_agree(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
) -> None:
    fast, typer = _both(capsys, monkeypatch, args)
    assert fast == typer


def test_the_ledger_variable_is_read_as_typer_reads_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GONGKAI_LEDGER_DIR", str(SHIPPED))
    fast, typer = _both(capsys, monkeypatch, ("check", *DAY))
    assert fast == typer and fast[0] == 0
    monkeypatch.setenv("GONGKAI_LEDGER_DIR", "")  # empty: as if not set
    fast, typer = _both(capsys, monkeypatch, ("units", *DAY))
    assert fast == typer


@pytest.mark.parametrize(
    ("args", "sure"),
    [
        (("5.1",), True),
        (("--help",), False),
        (("-h", "5.1"), False),
        (("5.1", "--format"), False),
        (("5.1", "--format="), False),
        (("5.1", "--skip-invalid=1"), False),
        (("5.1", "5.2"), False),
        ((), False),
        (("--format", "--help", "5.1"), True),  # click takes it as --format's value
    ],
)
def test_the_parser_is_sure_only_of_what_typer_would_accept(
    args: tuple[str, ...], sure: bool
) -> None:
    parsed = _fast.parse(_fast_of("show"), args)
    assert (parsed is not None) == sure
    if parsed is not None:
        assert set(parsed) == {"item", "as_of", "given_format", "skip_invalid", "ledger"}
        assert parsed["ledger"] == Path("data")


def test_fmt_without_paths_receives_none_as_from_typer() -> None:
    parsed = _fast.parse(_fast_of("fmt"), ["--check"])
    assert parsed == {"check": True, "diff": False, "ledger": Path("data"), "paths": None}
