"""`ledger overdue`: who owes what (逾期, 临期, 更新滞后) as of a date."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from ._common import chosen_unit, loaded_today, output_format, parse_day
from ._fast import AS_OF, LEDGER, SKIP_INVALID, VIEW_FORMAT, Fast, Opt

if TYPE_CHECKING:  # the annotations are for Typer, which registers it only for help and errors
    import typer

    from ..views.overdue import Owed
    from ._app import AsOfOption, LedgerOption, SkipInvalidOption

FORMATS: dict[str, tuple[str, ...]] = dict.fromkeys(
    ("table", "json", "csv", "md"), ()
)  # stdout only


def overdue(
    unit: Annotated[
        str | None,
        typer.Option("--unit", help="只看一个单位:名称、别名或编号(如 市财政局、财政局、czj)。"),
    ] = None,
    as_of: AsOfOption = None,
    given_format: Annotated[
        str, typer.Option("--format", help="输出格式:table、json、csv(UTF-8 带 BOM)或 md。")
    ] = "table",
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="有逾期事项时退出码为 1(供脚本使用)。")
    ] = False,
    skip_invalid: SkipInvalidOption = False,
    ledger: LedgerOption = Path("data"),
    min_level: Annotated[
        str | None,
        typer.Option(
            "--min-level",
            help="按亮灯列出该级及更严重的条目:绿、蓝、黄、红(也可写对应的英文颜色名);"
            "不加时列出逾期、临期、更新滞后的条目。",
        ),
    ] = None,
) -> None:
    """督办清单:各单位逾期、临期、更新滞后的条目,最严重的在前。

    不加 --unit 时列出所有有欠账的单位;加 --unit 时列出该单位(含通过单位组负责)的条目。
    退出码:0 正常;1 加了 --exit-code 且有逾期;2 用法错误或台账有错误(先运行 ledger check);
    4 加了 --skip-invalid 且跳过了有错误的进展文件(结果不完整)。
    """
    from ..core.registry import Registry
    from ..files.load import load_ledger
    from ..ops.valid import SKIPPED_EXIT, skipped_notice, valid_loaded
    from ..views.overdue import owed

    fmt = output_format(given_format, FORMATS, "table")
    level = _level(min_level)
    given = parse_day(as_of, "--as-of") if as_of is not None else None
    loaded = load_ledger(ledger)
    today = loaded_today(ledger, loaded)
    day = given or today
    found = valid_loaded(loaded, today, skip_invalid=skip_invalid)
    data = found.ledger
    registry = Registry.of(data)
    chosen = chosen_unit(registry, unit)
    result = owed(data, day, chosen, registry, level)
    _print(result, fmt, skipped_notice(found.skipped))
    if found.skipped:
        raise SystemExit(SKIPPED_EXIT)
    raise SystemExit(1 if exit_code and result.anything_overdue else 0)


def _level(text: str | None) -> str | None:
    """The level --min-level names, or a usage error that lists the words it takes."""
    if text is None:
        return None
    from ..core.errors import UsageError
    from ..core.levels import parse_level

    if (level := parse_level(text)) is None:
        raise UsageError(
            f"--min-level“{text}”不是亮灯等级,请写 绿、蓝、黄 或 红(也可写 green、blue、yellow、red)"
        )
    return level


def _print(result: Owed, output_format: str, notice: list[str]) -> None:
    from ..render import overdue as owed_render
    from ._output import print_notice, print_view, write_utf8

    print_notice(notice, output_format)
    if output_format == "table":
        print_view(lambda width, plain: owed_render.to_table(result, width, plain=plain))
        return
    render = {"json": owed_render.to_json, "csv": owed_render.to_csv, "md": owed_render.to_markdown}
    write_utf8(render[output_format](result))
    if output_format != "md" and (note := owed_render.calendar_note(result)):
        sys.stderr.write(note + "\n")


FAST = Fast(
    overdue,
    (
        Opt("unit", ("--unit",), "str"),
        AS_OF,
        VIEW_FORMAT,
        Opt("exit_code", ("--exit-code",), "flag", False),
        SKIP_INVALID,
        LEDGER,
        Opt("min_level", ("--min-level",), "str"),
    ),
)
