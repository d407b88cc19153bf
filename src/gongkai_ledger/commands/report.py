"""`ledger report`: the monthly 通报 (Markdown or printable HTML), or one unit's 督办单."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from ..core.errors import UsageError
from ._app import (
    LedgerOption,
    SkipInvalidOption,
    app,
    chosen_unit,
    emit,
    ledger_today,
    now_in,
    output_format,
    output_option,
    parse_day,
)

FORMATS = {"md": (".md", ".markdown", ".txt"), "html": (".html", ".htm")}  # format: -o extensions


@app.command()
def report(
    month: Annotated[
        str | None,
        typer.Option("--month", help="通报月份 YYYY-MM(如 2022-12)。"),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="统计截至日期 YYYY-MM-DD,须在通报月份之内;默认为该月最后一天,本月则为今天。",
            show_default=False,
        ),
    ] = None,
    given_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="输出格式:md(Markdown)或 html(可打印);不写时按 -o 文件的扩展名,默认 md。",
        ),
    ] = None,
    output: Annotated[
        Path | None, output_option("写入文件(- 为标准输出);不写时输出到屏幕。")
    ] = None,
    unit: Annotated[
        str | None,
        typer.Option("--unit", help="只看一个单位(督办单):名称、别名或编号。"),
    ] = None,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates",
            help="自定义模板目录:其中的同名文件替换内置模板;"
            "不写时用台账目录旁的 templates/(有则用)。",
        ),
    ] = None,
    timestamp: Annotated[
        bool,
        typer.Option(
            "--timestamp", help="写明生成时间(默认不写:相同数据和参数生成完全相同的文件)。"
        ),
    ] = False,
    skip_invalid: SkipInvalidOption = False,
    ledger: LedgerOption = Path("data"),
) -> None:
    """月度通报:总体情况、各项任务进展、逾期通报、更新滞后、本月报送、下月到期。

    统计截至该月最后一天;本月尚未结束时截至今天(--as-of 可指定该月中的另一天),通报写明截至日期。
    数据所在目录属于 git 仓库时,通报写明数据版本(提交号,有未提交的修改时注明)。
    退出码:0 正常;2 用法错误、台账有错误(先运行 ledger check)或模板错误;
    4 加了 --skip-invalid 且跳过了有错误的进展文件(通报开头列出)。
    """
    from ..core.registry import Registry
    from ..ops.valid import SKIPPED_EXIT, skipped_notice, valid_or_skipped
    from ..render.templates import repository_templates, to_html, to_markdown
    from ..views.report import parse_month, report_context

    if month is None:
        raise UsageError("请用 --month 指定通报月份,例如 --month 2022-12")
    year_month = parse_month(month)
    fmt = output_format(given_format, FORMATS, "md", output, ledger)

    today = ledger_today(ledger)
    asked = parse_day(as_of, "--as-of") if as_of is not None else None
    counted_to = _counted_to(year_month, asked, today)
    valid_data = valid_or_skipped(ledger, today, skip_invalid=skip_invalid)
    data = valid_data.ledger
    registry = Registry.of(data)
    chosen = chosen_unit(registry, unit)
    commit, dirty = _data_version(ledger)
    context = report_context(
        data,
        year_month,
        unit=chosen,
        commit=commit,
        dirty=dirty,
        generated_at=(now_in(data.plan.timezone).strftime("%Y-%m-%d %H:%M") if timestamp else ""),
        registry=registry,
        as_of=counted_to,
        skipped=valid_data.skipped,
    )
    user_dir = templates if templates is not None else repository_templates(ledger)
    text = {"md": to_markdown, "html": to_html}[fmt](context, user_dir)
    if notice := skipped_notice(valid_data.skipped):
        sys.stderr.write("\n".join(notice) + "\n")
    from ..core.safetext import visible

    # A template that forgets `| md` cannot pass terminal codes on either.
    emit(output, visible(text).encode("utf-8"), ledger)
    if valid_data.skipped:
        raise typer.Exit(SKIPPED_EXIT)


def _counted_to(month: tuple[int, int], as_of: date | None, today: date) -> date:
    """The day the report counts to: --as-of (within the month), else the month's end or
    today, whichever is earlier (a report of the current month is never dated ahead)."""
    from ..views.report import month_end, month_start

    first, last = month_start(*month), month_end(*month)
    label = f"{month[0]}年{month[1]}月"
    if as_of is not None:
        if not first <= as_of <= last:
            raise UsageError(
                f"--as-of {as_of.isoformat()} 不在通报月份{label}之内"
                f"(应在 {first.isoformat()} 至 {last.isoformat()} 之间)"
            )
        return as_of
    if today < first:
        raise UsageError(
            f"{label}尚未开始(今天是 {today.isoformat()}),没有可通报的情况;"
            f"如需预览,请用 --as-of 指定该月中的日期"
        )
    return min(today, last)


def _data_version(ledger: Path) -> tuple[str, bool]:
    """The short commit of the git repository holding the ledger, and whether the ledger
    has uncommitted changes; ("", False) outside a repository, and a note when git fails."""
    from ..files.gitio import data_version

    version = data_version(ledger)
    if version.problem:
        sys.stderr.write(f"注意:通报中没有写数据版本。{version.problem}\n")
    return version.commit, version.dirty
