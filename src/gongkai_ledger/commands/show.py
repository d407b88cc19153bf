"""`ledger show ITEM`: one item, its owners expanded, each unit's status and reports."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .._app import AsOfOption, LedgerOption, UsageError, app, parse_day

FORMATS = ("table", "json")


@app.command()
def show(
    item: Annotated[
        str, typer.Argument(metavar="条目编号", help="条目编号,如 5.1。", show_default=False)
    ],
    as_of: AsOfOption = None,
    output_format: Annotated[
        str, typer.Option("--format", help="输出格式:table 或 json。")
    ] = "table",
    ledger: LedgerOption = Path("data"),
) -> None:
    """查看一个条目:任务、内容、完成时间、责任单位(展开单位组)及各单位的进展。

    退出码:0 正常;2 条目不存在、用法错误或台账有错误(先运行 ledger check)。
    """
    from datetime import date

    from ..registry import Registry
    from ..usable import usable_ledger
    from ..views import find_item, item_view, suggest_item

    if output_format not in FORMATS:
        raise UsageError(f"--format 只能是 {'、'.join(FORMATS)},不能是“{output_format}”")
    day = parse_day(as_of, "--as-of")
    data = usable_ledger(ledger, date.today())
    found = find_item(data, item)
    if found is None:
        hint = suggest_item(data, item) or "条目编号写在 tasks.yaml 的 items 中,如 5.1"
        raise UsageError(f"未知条目“{item}”,{hint}")
    view = item_view(data, found, day, Registry.of(data))

    from .. import views_render
    from ._output import print_view, write_utf8

    if output_format == "json":
        write_utf8(views_render.show_json(view))
    else:
        print_view(lambda width, plain: views_render.show_table(view, width, plain=plain))
