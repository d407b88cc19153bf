"""`ledger show ITEM`: one item, its owners expanded, each unit's status and reports."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from ..core.errors import UsageError
from ._common import VIEW_FORMATS, loaded_today, output_format, parse_day
from ._fast import AS_OF, LEDGER, SKIP_INVALID, VIEW_FORMAT, Arg, Fast

if TYPE_CHECKING:  # the annotations are for Typer, which registers it only for help and errors
    import typer

    from ._app import AsOfOption, LedgerOption, SkipInvalidOption, ViewFormatOption


def show(
    item: Annotated[
        str, typer.Argument(metavar="条目编号", help="条目编号,如 5.1。", show_default=False)
    ],
    as_of: AsOfOption = None,
    given_format: ViewFormatOption = "table",
    skip_invalid: SkipInvalidOption = False,
    ledger: LedgerOption = Path("data"),
) -> None:
    """查看一个条目:任务、内容、完成时间、责任单位(展开单位组)及各单位的进展。

    退出码:0 正常;2 条目不存在、用法错误或台账有错误(先运行 ledger check);
    4 加了 --skip-invalid 且跳过了有错误的进展文件(结果不完整)。
    """
    from ..core.registry import Registry
    from ..files.load import load_ledger
    from ..ops.valid import SKIPPED_EXIT, skipped_notice, valid_loaded
    from ..views.show import find_item, item_hint, item_view

    fmt = output_format(given_format, VIEW_FORMATS, "table")
    given = parse_day(as_of, "--as-of") if as_of is not None else None
    loaded = load_ledger(ledger)
    today = loaded_today(ledger, loaded)
    day = given or today
    valid_data = valid_loaded(loaded, today, skip_invalid=skip_invalid)
    data = valid_data.ledger
    found = find_item(data, item)
    if found is None:
        hint = item_hint(data, item) or "条目编号写在 tasks.yaml 的 items 中,如 5.1"
        raise UsageError(f"未知条目“{item}”,{hint}")
    view = item_view(data, found, day, Registry.of(data))

    from ..render import show as show_render
    from ._output import print_notice, print_view, write_utf8

    print_notice(skipped_notice(valid_data.skipped), fmt)
    if fmt == "json":
        write_utf8(show_render.to_json(view))
    else:
        print_view(lambda width, plain: show_render.to_table(view, width, plain=plain))
    if valid_data.skipped:
        raise SystemExit(SKIPPED_EXIT)


FAST = Fast(
    show,
    (
        AS_OF,
        VIEW_FORMAT,
        SKIP_INVALID,
        LEDGER,
    ),
    (Arg("item", "str"),),
)
