"""`ledger export`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from ..core.errors import UsageError, not_one_of
from ._app import LedgerOption, SkipInvalidOption, app, output_option
from ._common import emit, ledger_today, output_format, parse_day

FORMATS = {"json": (".json",), "csv": (".csv",), "xlsx": (".xlsx",)}  # format: -o extensions
VIEWS = ("items", "unit-items", "overdue")  # export.VIEW_NAMES, without importing it here


@app.command("export")
def export_command(
    given_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="导出格式:json、csv 或 xlsx(Excel/WPS);不写时按 -o 文件的扩展名,默认 json。",
            show_default=False,
        ),
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="状态的截至日期 YYYY-MM-DD,默认今天。")
    ] = None,
    view: Annotated[
        str | None,
        typer.Option(
            "--view",
            help="csv 导出哪个视图:items(条目)、unit-items(条目 × 单位,默认)或 overdue(逾期、临期、更新滞后)。",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        output_option("写入此文件(- 为标准输出);json、csv 默认输出到标准输出,xlsx 必须指定。"),
    ] = None,
    skip_invalid: SkipInvalidOption = False,
    fill: Annotated[
        bool,
        typer.Option(
            "--fill",
            help="导出 --unit 单位的填报表(xlsx):每个应报条目一行,单位填好后用 ledger progress import 导入。",
        ),
    ] = False,
    unit: Annotated[
        str | None,
        typer.Option("--unit", help="填报表的单位(与 --fill 同用):名称、别名或编号,如 市财政局。"),
    ] = None,
    ledger: LedgerOption = Path("data"),
) -> None:
    """导出整个台账及截至某日的状态,供 Excel 台账和其他系统使用。

    三个视图:items(每个条目一行)、unit-items(每个“条目 × 责任单位”一行:状态、完成日期、
    逾期/临期/更新滞后、最近进展)、overdue(有逾期、临期或更新滞后的,按单位从重到轻)。
    json 含全部视图;csv 为一个视图(--view);xlsx 每个视图一个工作表,另有“说明”表。

    退出码:0 完成;2 用法错误或台账有错误(先运行 ledger check);
    4 加了 --skip-invalid 且跳过了有错误的进展文件(导出不完整,跳过的文件列在标准错误输出)。

    加 --fill --unit 单位:导出该单位的填报表(只读的条目、任务、内容、完成时间、负责依据、
    当前状态,待填的本次状态、进展情况、报送日期、佐证材料、不涉及理由)。
    """
    fmt = output_format(given_format, FORMATS, "json", output, ledger)
    if fill or unit is not None:
        _check_fill(fill, unit, fmt, view, output)
    if view is not None and fmt != "csv":
        raise UsageError("--view 只用于 csv;json 和 xlsx 包含全部视图")
    if view is not None and view not in VIEWS:
        raise not_one_of("--view", view, VIEWS)
    if fmt == "xlsx":
        if output is None:
            raise UsageError("xlsx 是二进制文件,请用 -o 指定输出文件,如 -o 台账.xlsx")
        try:
            import openpyxl  # noqa: F401  (needed by export_render.to_xlsx)
        except ImportError:
            raise UsageError(
                "导出 xlsx 需要 openpyxl,请安装:pip install 'gongkai-ledger[xlsx]'"
            ) from None
    today = ledger_today(ledger)
    day = parse_day(as_of, "--as-of", today)

    from ..ops.valid import SKIPPED_EXIT, skipped_notice, valid_or_skipped
    from ..render import export as export_render
    from ..views.export import export
    from ._output import print_notice

    valid_data = valid_or_skipped(ledger, today, skip_invalid=skip_invalid)
    print_notice(skipped_notice(valid_data.skipped), fmt)
    if fill:
        _export_fill(valid_data.ledger, unit or "", day, output, ledger)
        if valid_data.skipped:
            raise typer.Exit(SKIPPED_EXIT)
        return
    data = export(valid_data.ledger, day)
    if fmt == "json":
        content = export_render.to_json(data).encode("utf-8")
    elif fmt == "csv":
        content = export_render.to_csv(data.view(view or "unit-items")).encode("utf-8")
    else:
        notes: list[str] = []
        content = export_render.to_xlsx(data, notes)
        _say_changed(notes)
    emit(output, content, ledger)
    if valid_data.skipped:
        raise typer.Exit(SKIPPED_EXIT)


SHOWN_NOTES = 20


def _check_fill(
    fill: bool, unit: str | None, fmt: str, view: str | None, output: Path | None
) -> None:
    if not fill:
        raise UsageError("--unit 只与 --fill 同用(导出该单位的填报表)")
    if unit is None or not unit.strip():
        raise UsageError("--fill 需要 --unit 指定填报单位,如 --unit 市财政局")
    if fmt != "xlsx":
        raise UsageError("填报表只有 xlsx 格式:请加 --format xlsx")
    if view is not None:
        raise UsageError("--view 不能与 --fill 同用")


def _export_fill(data: Any, unit: str, day: date, output: Path | None, ledger: Path) -> None:
    from ..core.registry import Registry
    from ..render.fill import to_fill_xlsx
    from ..views.fill import fill_sheet
    from ._common import chosen_unit, now_in

    chosen = chosen_unit(Registry.of(data), unit)
    assert chosen is not None
    notes: list[str] = []
    sheet = fill_sheet(data, chosen, day, now_in(data.plan.timezone))
    content = to_fill_xlsx(sheet, notes)
    _say_changed(notes)
    emit(output, content, ledger)
    import sys

    sys.stderr.write(f"{chosen.name}的填报表:{len(sheet.rows)} 个条目,台账版本 {sheet.version}\n")


def _say_changed(notes: list[str]) -> None:
    """What the workbook holds differently from the ledger (escaped or cut text), on stderr."""
    import sys

    for note in notes[:SHOWN_NOTES]:
        sys.stderr.write(f"注意:{note}\n")
    if len(notes) > SHOWN_NOTES:
        sys.stderr.write(f"注意:另有 {len(notes) - SHOWN_NOTES} 处同类改动未列出\n")
