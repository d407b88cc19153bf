"""The `ledger` command: parse options → call one function → print → exit code.

This is the only module that reads the clock or the environment. Heavy modules
are imported inside the commands, so `ledger --version` stays fast.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from .problems import LedgerUnreadable

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


@app.command()
def check(
    ledger: LedgerOption = Path("data"),
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="输出格式:text、json 或 github(GitHub Actions 注释;"
            "在 GITHUB_ACTIONS=true 时默认)。",
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="警告也视为失败。")] = False,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="检查日期 YYYY-MM-DD,默认今天。")
    ] = None,
) -> None:
    """检查台账:列出所有问题(文件:行:列、规则、说明)。

    退出码:0 无问题;1 有错误(加 --strict 时警告也算);2 台账无法读取。
    """
    import os

    from .check import check_ledger, exit_code
    from .problems import FORMATTERS

    fmt = output_format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if fmt not in FORMATTERS:
        raise UsageError(f"--format 只能是 {'、'.join(FORMATTERS)},不能是“{fmt}”")
    problems = check_ledger(ledger, parse_day(as_of, "--as-of"))
    sys.stdout.write(FORMATTERS[fmt](problems))
    if problems and fmt == "text":
        errors = sum(p.level == "error" for p in problems)
        sys.stderr.write(f"共 {errors} 个错误,{len(problems) - errors} 个警告\n")
    raise typer.Exit(exit_code(problems, strict=strict))


def main() -> None:
    """Entry point: the one error boundary that turns domain errors into exit codes."""
    try:
        app()
    except LedgerUnreadable as error:
        sys.stderr.write(f"错误:{error}\n")
        sys.exit(2)
    except UsageError as error:
        sys.stderr.write(f"用法错误:{error}\n")
        sys.exit(2)
    except KeyboardInterrupt:
        sys.stderr.write("已中断\n")
        sys.exit(130)
