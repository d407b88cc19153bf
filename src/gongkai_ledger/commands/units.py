"""`ledger units`: the unit registry, groups expanded, each unit's open items."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ._common import VIEW_FORMATS, loaded_today, output_format, parse_day
from ._fast import AS_OF, LEDGER, SKIP_INVALID, VIEW_FORMAT, Fast

if TYPE_CHECKING:  # the annotations are for Typer, which registers it only for help and errors
    from ._app import AsOfOption, LedgerOption, SkipInvalidOption, ViewFormatOption


def units(
    as_of: AsOfOption = None,
    given_format: ViewFormatOption = "table",
    skip_invalid: SkipInvalidOption = False,
    ledger: LedgerOption = Path("data"),
) -> None:
    """单位名录:各单位的编号、名称、别名、类别和负责条目数;单位组及其展开后的单位。

    退出码:0 正常;2 用法错误或台账有错误(先运行 ledger check);
    4 加了 --skip-invalid 且跳过了有错误的进展文件(结果不完整)。
    """
    from ..core.registry import Registry
    from ..files.load import load_ledger
    from ..ops.valid import SKIPPED_EXIT, skipped_notice, valid_loaded
    from ..views.units import registry_view

    fmt = output_format(given_format, VIEW_FORMATS, "table")
    given = parse_day(as_of, "--as-of") if as_of is not None else None
    loaded = load_ledger(ledger)
    today = loaded_today(ledger, loaded)
    day = given or today
    valid_data = valid_loaded(loaded, today, skip_invalid=skip_invalid)
    data = valid_data.ledger
    view = registry_view(data, day, Registry.of(data))

    from ..render import units as units_render
    from ._output import print_notice, print_view, write_utf8

    print_notice(skipped_notice(valid_data.skipped), fmt)
    if fmt == "json":
        write_utf8(units_render.to_json(view))
    else:
        print_view(lambda width, plain: units_render.to_table(view, plain=plain))
    if valid_data.skipped:
        raise SystemExit(SKIPPED_EXIT)


FAST = Fast(
    units,
    (
        AS_OF,
        VIEW_FORMAT,
        SKIP_INVALID,
        LEDGER,
    ),
)
