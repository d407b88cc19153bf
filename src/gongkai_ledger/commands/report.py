"""`ledger report`: the monthly 通报 (Markdown or printable HTML), or one unit's 督办单."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from ..core.errors import UsageError
from ._common import (
    chosen_unit,
    emit,
    ledger_today,
    now_in,
    output_format,
    parse_day,
)
from ._fast import AS_OF, LEDGER, SKIP_INVALID, Fast, Opt

if TYPE_CHECKING:  # the annotations are for Typer, which registers it only for help and errors
    import typer

    from ..views.period import Period
    from ._app import LedgerOption, SkipInvalidOption, output_option

FORMATS = {  # format: -o extensions
    "md": (".md", ".markdown", ".txt"),
    "html": (".html", ".htm"),
    "docx": (".docx",),
    "pdf": (".pdf",),
}
BINARY = ("docx", "pdf")
REPLY_DAYS = 10  # a 督办单 asks for the work within this many days of its date, by default


def report(
    month: Annotated[
        str | None,
        typer.Option("--month", help="通报月份 YYYY-MM(如 2022-12)。"),
    ] = None,
    quarter: Annotated[
        str | None,
        typer.Option(
            "--quarter", help="季度通报:YYYYQn(如 2022Q4,也可写 2022-Q4、2022年第四季度)。"
        ),
    ] = None,
    half: Annotated[
        str | None,
        typer.Option("--half", help="半年通报:YYYYH1 或 YYYYH2(如 2022H2,也可写 2022年下半年)。"),
    ] = None,
    year: Annotated[
        str | None,
        typer.Option("--year", help="年度通报:YYYY(如 2022),含落实上级年度政务公开工作要点情况。"),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="统计截至日期 YYYY-MM-DD,须在通报月份(或季度、半年、年度)之内;"
            "默认为该期最后一天,本期则为今天。",
            show_default=False,
        ),
    ] = None,
    given_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="输出格式:md(Markdown)、html(可打印)、docx(公文格式的 Word 文档)或 pdf;"
            "不写时按 -o 文件的扩展名,默认 md。",
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
    all_units: Annotated[
        bool,
        typer.Option(
            "--all-units",
            help="为每个有逾期、临期或更新滞后事项的单位各写一份督办单,写入 -o 目录。",
        ),
    ] = False,
    issued_on: Annotated[
        str | None,
        typer.Option(
            "--issued-on",
            help="成文日期和印发日期 YYYY-MM-DD(docx、pdf 的落款和版记);默认为统计截至日期。",
            show_default=False,
        ),
    ] = None,
    reply_by: Annotated[
        str | None,
        typer.Option(
            "--reply-by",
            help=f"督办单要求办结的日期 YYYY-MM-DD;默认为成文日期后 {REPLY_DAYS} 天。",
            show_default=False,
        ),
    ] = None,
    no_data_version: Annotated[
        bool,
        typer.Option("--no-data-version", help="docx、pdf 的版记中不写数据版本(提交号)。"),
    ] = False,
    skip_invalid: SkipInvalidOption = False,
    ledger: LedgerOption = Path("data"),
) -> None:
    """月度通报:总体情况、各项任务进展、逾期通报、更新滞后、本月报送、下月到期。

    --quarter、--half、--year 出季度、半年、年度通报(--month 与它们只能选一个):本期报送、下期到期,
    并与上期末比较(完成率、已完成、逾期的变化);年度通报另有“落实上级年度政务公开工作要点情况”。

    统计截至该月最后一天;本月尚未结束时截至今天(--as-of 可指定该月中的另一天),通报写明截至日期。
    数据所在目录属于 git 仓库时,通报末尾(docx、pdf 在版记中)写明数据版本(提交号,有未提交的修改时注明)。
    docx、pdf 为 GB/T 9704 公文格式:发文机关、文号、主送、抄送、印发机关取自台账目录中的 report.yaml,
    成效、问题、下步要求、表扬取自 notes/YYYY-MM.md;没有的部分在文中注明待填写。
    退出码:0 正常;2 用法错误、台账有错误(先运行 ledger check)或模板错误;
    4 加了 --skip-invalid 且跳过了有错误的进展文件(通报开头列出)。
    """
    from ..core.registry import Registry
    from ..ops.valid import SKIPPED_EXIT, skipped_notice, valid_or_skipped
    from ..render.templates import repository_templates, to_html, to_markdown
    from ..views.report import parse_month, report_context

    if all_units and unit is not None:
        raise UsageError("--all-units 与 --unit 不能同时使用")
    if all_units and output is None:
        raise UsageError("--all-units 须用 -o 指定写入的目录")
    period = _period(month, quarter, half, year)
    if period is None:
        assert month is not None
        year_month = parse_month(month)
    else:
        year_month = (period.year, period.months[-1][1])
    fmt = output_format(given_format, FORMATS, "md", None if all_units else output, ledger)
    if fmt in BINARY and not all_units and (output is None or str(output) == "-"):
        raise UsageError(f"{fmt} 格式须用 -o 指定文件,例如 -o 通报.{fmt}")

    today = ledger_today(ledger)
    asked = parse_day(as_of, "--as-of") if as_of is not None else None
    counted_to = (
        _counted_to(year_month, asked, today)
        if period is None
        else _counted_to_span(period.start, period.end, period.label, "期", asked, today)
    )
    valid_data = valid_or_skipped(ledger, today, skip_invalid=skip_invalid)
    data = valid_data.ledger
    registry = Registry.of(data)
    chosen = chosen_unit(registry, unit)
    commit, dirty = _data_version(ledger)
    build = report_context if period is None else _widened(period)
    context = build(
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
    if notice := skipped_notice(valid_data.skipped):
        sys.stderr.write("\n".join(notice) + "\n")
    if fmt in BINARY or all_units:
        office = _office(ledger, context, issued_on, reply_by, not no_data_version)
        if all_units:
            assert output is not None
            from ..core.levels import red_times

            times_red = red_times(data, counted_to)  # once, not per 督办单
            _all_units(
                output,
                fmt,
                ledger,
                registry,
                office,
                user_dir,
                lambda u: build(
                    data,
                    year_month,
                    unit=u,
                    commit=commit,
                    dirty=dirty,
                    registry=registry,
                    as_of=counted_to,
                    skipped=valid_data.skipped,
                    times_red=times_red,
                ),
            )
        else:
            emit(output, _document(fmt, context, office, user_dir), ledger)
        if valid_data.skipped:
            raise SystemExit(SKIPPED_EXIT)
        return
    text = {"md": to_markdown, "html": to_html}[fmt](context, user_dir)
    from ..core.safetext import visible

    # A template that forgets `| md` cannot pass terminal codes on either.
    emit(output, visible(text).encode("utf-8"), ledger)
    if valid_data.skipped:
        raise SystemExit(SKIPPED_EXIT)


def _counted_to(month: tuple[int, int], as_of: date | None, today: date) -> date:
    """The day a month's report counts to (see `_counted_to_span`)."""
    from ..core.deadline import month_end
    from ..views.report import month_start

    label = f"{month[0]}年{month[1]}月"
    return _counted_to_span(month_start(*month), month_end(*month), label, "月", as_of, today)


def _counted_to_span(
    first: date, last: date, label: str, span: str, as_of: date | None, today: date
) -> date:
    """The day the report of `first`..`last` (a 月 or a 期) counts to: --as-of (within it),
    else its last day or today, whichever is earlier (a current report is never dated ahead)."""
    if as_of is not None:
        if not first <= as_of <= last:
            raise UsageError(
                f"--as-of {as_of.isoformat()} 不在通报{'月份' if span == '月' else '期间'}{label}之内"
                f"(应在 {first.isoformat()} 至 {last.isoformat()} 之间)"
            )
        return as_of
    if today < first:
        raise UsageError(
            f"{label}尚未开始(今天是 {today.isoformat()}),没有可通报的情况;"
            f"如需预览,请用 --as-of 指定该{span}中的日期"
        )
    return min(today, last)


PERIOD_OPTIONS = ("--month", "--quarter", "--half", "--year")


def _period(month: str | None, quarter: str | None, half: str | None, year: str | None) -> Any:
    """The quarter, half or year asked for (a `views.period.Period`), or None for --month;
    exactly one of the four options."""
    given = [
        (o, t)
        for o, t in zip(PERIOD_OPTIONS, (month, quarter, half, year), strict=True)
        if t is not None
    ]
    if not given:
        raise UsageError(
            "请指定通报期间:--month 2022-12、--quarter 2022Q4、--half 2022H2 或 --year 2022(选一个)"
        )
    if len(given) > 1:
        raise UsageError(f"{'、'.join(o for o, _ in given)} 只能选一个:一份通报只有一个期间")
    option, text = given[0]
    if option == "--month":
        return None
    from ..views.period import parse_period

    return parse_period(option.removeprefix("--"), text)


def _widened(period: Period) -> Callable[..., dict[str, Any]]:
    """`report_context`'s signature, for a quarter, half or year (the month is ignored)."""
    from ..views.period import period_context

    def context(ledger: Any, _month: tuple[int, int], **kw: Any) -> dict[str, Any]:
        return period_context(ledger, period, **kw)

    return context


def _data_version(ledger: Path) -> tuple[str, bool]:
    """The short commit of the git repository holding the ledger, and whether the ledger
    has uncommitted changes; ("", False) outside a repository, and a note when git fails."""
    from ..files.gitio import data_version

    version = data_version(ledger)
    if version.problem:
        sys.stderr.write(f"注意:通报中没有写数据版本。{version.problem}\n")
    return version.commit, version.dirty


def _office(
    ledger: Path,
    context: dict[str, Any],
    issued_on: str | None,
    reply_by: str | None,
    version: bool,
) -> dict[str, Any]:
    """The office's words (report.yaml, notes/<month>.md) and the document's dates."""
    from ..files.office import load_notes, load_office, office_context

    h = context["header"]
    office = office_context(
        load_office(ledger), load_notes(ledger, h["month"]), h["month"], int(h["month"][:4])
    )
    issued = parse_day(issued_on, "--issued-on") if issued_on else date.fromisoformat(h["as_of"])
    due = parse_day(reply_by, "--reply-by") if reply_by else issued + timedelta(days=REPLY_DAYS)
    return {**office, "date": issued.isoformat(), "reply_by": due.isoformat(), "version": version}


def _document(
    fmt: str, context: dict[str, Any], office: dict[str, Any], user_dir: Path | None
) -> bytes:
    """The docx, or the PDF printed by Chromium from the HTML report."""
    if fmt == "docx":
        from ..render.docx import to_docx

        return to_docx(context, office)
    from ..core.safetext import visible
    from ..render.pdf import html_to_pdf, missing_fonts
    from ..render.templates import to_html

    if missing := missing_fonts():
        sys.stderr.write(
            f"注意:本机没有字体 {'、'.join(missing)},PDF 中以本机已有的中文字体"
            "(AR PL 楷体/明体、Noto CJK)代替;Word 或 WPS 打开 docx 时用其自带字体。\n"
        )
    # the PDF is the 公文: the HTML report with the office's 文号, 主送, 落款 and 版记
    return html_to_pdf(visible(to_html({**context, "office": office}, user_dir)))


def _all_units(
    directory: Path,
    fmt: str,
    ledger: Path,
    registry: Any,
    office: dict[str, Any],
    user_dir: Path | None,
    context_of: Callable[[Any], dict[str, Any]],
) -> None:
    """One 督办单 per unit that owes something (逾期、临期、更新滞后), as DIR/督办单-<单位>.<fmt>."""
    from ..files.outfile import output_directory
    from ..render.docx import open_items

    output_directory(directory, (ledger,))
    count = 0
    for unit in registry.units:
        context = context_of(unit)
        if not open_items(context):
            continue
        if fmt in BINARY:
            data = _document(fmt, context, office, user_dir)
        else:
            from ..core.safetext import visible
            from ..render.templates import to_html, to_markdown

            render = to_markdown if fmt == "md" else to_html
            data = visible(render(context, user_dir)).encode("utf-8")
        emit(directory / f"督办单-{unit.name}.{fmt}", data, ledger)
        count += 1
    sys.stderr.write(f"共写入 {count} 份督办单\n")


FAST = Fast(
    report,
    (
        Opt("month", ("--month",), "str"),
        Opt("quarter", ("--quarter",), "str"),
        Opt("half", ("--half",), "str"),
        Opt("year", ("--year",), "str"),
        AS_OF,
        Opt("given_format", ("--format",), "str"),
        Opt("output", ("--output", "-o"), "path"),
        Opt("unit", ("--unit",), "str"),
        Opt("templates", ("--templates",), "path"),
        Opt("timestamp", ("--timestamp",), "flag", False),
        Opt("all_units", ("--all-units",), "flag", False),
        Opt("issued_on", ("--issued-on",), "str"),
        Opt("reply_by", ("--reply-by",), "str"),
        Opt("no_data_version", ("--no-data-version",), "flag", False),
        SKIP_INVALID,
        LEDGER,
    ),
)
