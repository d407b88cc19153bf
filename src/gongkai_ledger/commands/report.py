"""`ledger report`: the monthly 通报 (Markdown or printable HTML), or one unit's 督办单."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from .._app import LedgerOption, UsageError, app, chosen_unit, write_output

FORMATS = {"md": (".md", ".markdown", ".txt"), "html": (".html", ".htm")}  # format: -o extensions


@app.command()
def report(
    month: Annotated[
        str | None,
        typer.Option("--month", help="通报月份 YYYY-MM(如 2022-12);统计截至该月最后一天。"),
    ] = None,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="输出格式:md(Markdown)或 html(可打印);不写时按 -o 文件的扩展名,默认 md。",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="写入文件(- 为标准输出);不写时输出到屏幕。"),
    ] = None,
    unit: Annotated[
        str | None,
        typer.Option("--unit", help="只看一个单位(督办单):名称、别名或编号。"),
    ] = None,
    templates: Annotated[
        Path | None,
        typer.Option("--templates", help="自定义模板目录:其中的同名文件替换内置模板。"),
    ] = None,
    timestamp: Annotated[
        bool,
        typer.Option(
            "--timestamp", help="写明生成时间(默认不写:相同数据和参数生成完全相同的文件)。"
        ),
    ] = False,
    ledger: LedgerOption = Path("data"),
) -> None:
    """月度通报:总体情况、各项任务进展、逾期通报、更新滞后、本月报送、下月到期。

    数据所在目录属于 git 仓库时,通报写明数据版本(提交号,有未提交的修改时注明)。
    退出码:0 正常;2 用法错误、台账有错误(先运行 ledger check)或模板错误。
    """
    from datetime import date, datetime

    from ..registry import Registry
    from ..render import TemplateProblem, render_report
    from ..report import MonthError, parse_month, report_context
    from ..usable import usable_ledger

    if month is None:
        raise UsageError("请用 --month 指定通报月份,例如 --month 2022-12")
    try:
        year_month = parse_month(month)
    except MonthError as error:
        raise UsageError(str(error)) from None
    from ..outfile import choose_format

    fmt = choose_format(output_format, output, FORMATS, "md", ledgers=(ledger,))

    data = usable_ledger(ledger, date.today())
    registry = Registry.of(data)
    chosen = chosen_unit(registry, unit)
    commit, dirty = _data_version(ledger)
    context = report_context(
        data,
        year_month,
        unit=chosen,
        commit=commit,
        dirty=dirty,
        generated_at=datetime.now().strftime("%Y-%m-%d %H:%M") if timestamp else "",
        registry=registry,
    )
    try:
        text = render_report(context, fmt, templates)
    except TemplateProblem as error:
        sys.stderr.write(f"模板错误:{error}\n")
        raise typer.Exit(2) from None
    _write(text, output, ledger)


def _write(text: str, output: Path | None, ledger: Path) -> None:
    from ..outfile import is_stdout

    write_output(output, text.encode("utf-8"), ledger)
    if not is_stdout(output):
        sys.stderr.write(f"已生成 {output}\n")


def _data_version(ledger: Path) -> tuple[str, bool]:
    """The short commit of the git repository holding the ledger, and whether the ledger
    has uncommitted changes; ("", False) outside a repository or without git."""
    import subprocess

    def git(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["git", "-C", str(ledger), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=30,
            check=False,
        )

    try:
        head = git("rev-parse", "--short", "HEAD")
        if head.returncode != 0 or not head.stdout.strip():
            return "", False
        changes = git("status", "--porcelain", "--", ".")
    except (OSError, subprocess.SubprocessError):
        return "", False
    return head.stdout.strip(), changes.returncode != 0 or bool(changes.stdout.strip())
