"""`ledger progress add`: append one report to a unit's progress file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..core.errors import UsageError, not_one_of
from ._app import App, LedgerOption, app
from ._common import ledger_today, parse_day

STATUSES = ("未启动", "推进中", "已完成", "不涉及")  # model.Status, without importing it here

progress = App(name="progress", help="报送进展:向单位的进展文件追加报告。", no_args_is_help=True)
app.add_typer(progress, name="progress")


@progress.command("add")
def add(
    item: Annotated[
        str,
        typer.Argument(
            metavar="条目编号", help="条目编号,如 5.1(见 tasks.yaml)。", show_default=False
        ),
    ],
    unit: Annotated[
        str | None,
        typer.Option("--unit", help="报送单位(必填):名称、别名或编号,如 市财政局、财政局、czj。"),
    ] = None,
    status: Annotated[
        str | None,
        typer.Option("--status", help="进展状态(必填):未启动、推进中、已完成 或 不涉及。"),
    ] = None,
    summary: Annotated[
        str | None,
        typer.Option("--summary", help="进展摘要:做了什么、在哪里公开(状态为不涉及时可省略)。"),
    ] = None,
    day: Annotated[
        str | None, typer.Option("--date", metavar="日期", help="进展日期 YYYY-MM-DD,默认今天。")
    ] = None,
    evidence: Annotated[
        list[str] | None,
        typer.Option("--evidence", help="佐证材料网址;有几个就写几次 --evidence。"),
    ] = None,
    reason: Annotated[
        str | None, typer.Option("--reason", help="不涉及的理由(状态为不涉及时必填)。")
    ] = None,
    ledger: LedgerOption = Path("data"),
) -> None:
    """向单位的进展文件 progress/<单位编号>.yaml 追加一条进展。

    只在 reports 末尾添加,其余内容(注释、空行、格式)原样保留;文件不存在时新建。

    写入前先检查整个台账:这条进展若带来新的错误(条目不存在、不是责任单位、不涉及没写理由、日期晚于今天等),就不写入。

    多人同时追加会依次写入;写入中途中断,原文件保持不变。

    退出码:0 已写入;1 检查不通过,未写入;2 用法错误或文件不能安全写入。
    """
    from ..core.model import Status
    from ..core.problems import format_text
    from ..core.registry import did_you_mean, suggest
    from ..files.splice import NewReport
    from ..ops.progress import add_report

    _refuse_invisible("条目编号", item)
    for option, value in (("--unit", unit), ("--status", status), ("--date", day)):
        _refuse_invisible(option, value)
    _refuse_invisible("--summary", summary, multiline=True)
    _refuse_invisible("--reason", reason, multiline=True)
    for each in evidence or ():
        _refuse_invisible("--evidence", each)
    if not item.strip():
        raise UsageError("请写出条目编号,如 ledger progress add 5.1 ……")
    if unit is None or not unit.strip():
        raise UsageError("请用 --unit 指定报送单位,如 --unit 市财政局")
    if status is None:
        raise UsageError("请用 --status 指定进展状态:" + "、".join(STATUSES))
    if status.strip() not in STATUSES:
        raise not_one_of(
            "--status", status, STATUSES, did_you_mean(suggest(status.strip(), STATUSES))
        )
    state = Status(status.strip())
    if not (summary or "").strip() and state is not Status.NOT_APPLICABLE:
        raise UsageError("请用 --summary 写明进展摘要")
    today = ledger_today(ledger)
    report = NewReport(
        item=item.strip(),
        date=parse_day(day, "--date", today),
        status=state,
        summary=(summary or "").strip(),
        evidence=tuple(e.strip() for e in evidence or () if e.strip()),
        reason=(reason or "").strip(),
    )
    added = add_report(ledger, unit, report, as_of=today)
    sys.stderr.write(format_text(list(added.warnings)))
    what = f"{added.unit.name}对条目 {report.item} 的进展({state},{report.date.isoformat()})"
    if added.created:
        typer.echo(f"已新建 {added.path},写入{what}")
    else:
        typer.echo(f"已向 {added.path} 追加{what}")


def _refuse_invisible(option: str, value: str | None, *, multiline: bool = False) -> None:
    """What `ledger check` would refuse in the file (control-char), refused in the option."""
    from ..rules import control_char

    index = control_char.first_forbidden(value or "", multiline=multiline)
    if value is None or index is None:
        return
    char = value[index]  # bytes that are not UTF-8 never get here: the option parser refuses them
    raise UsageError(
        f"{option} 的第 {index + 1} 个字符是{control_char.describe(char)},不能写入台账;请删除该字符"
    )


@progress.command("import")
def import_sheet(
    book: Annotated[
        Path,
        typer.Argument(
            metavar="填报表",
            help="单位填好的填报表 .xlsx(由 ledger export 导出)。",
            show_default=False,
        ),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="只显示将追加哪些进展,不写入。")
    ] = False,
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit", help="核对填报表是否属于此单位(名称、别名或编号);不写时按表中记录。"
        ),
    ] = None,
    ledger: LedgerOption = Path("data"),
) -> None:
    """把单位填好的填报表中的进展追加到该单位的进展文件 progress/<单位编号>.yaml。

    与 progress add 相同的写入方式:先检查,一次加锁写入整张表,其余内容原样保留。
    留空的行跳过;与文件中已有进展相同(条目、日期、状态、进展情况都相同)的行跳过并说明,
    所以同一张表导入两次,第二次不会重复追加。

    任何一行有错(状态不可用、日期无效或晚于今天、不是本单位负责的条目),或表是为别的单位、
    按已改动的条目生成的,都不写入,并指出工作表、行和列。

    退出码:0 已导入(或 --dry-run 检查通过);1 表中有错误,未写入;2 用法错误或文件不能读写。
    """
    from ..core.problems import format_text
    from ..files.load import shown_path
    from ..ops.fill_import import import_fill

    if not book.is_file():
        raise UsageError(f"找不到填报表 {book.as_posix()}")
    today = ledger_today(ledger)
    imported = import_fill(ledger, book, shown_path(book), today, unit_name=unit, dry_run=dry_run)
    result = imported.result
    sys.stderr.write(format_text(list(result.warnings)))
    for report in result.repeated:
        typer.echo(
            f"跳过:条目 {report.item} 的进展({report.status},{report.date.isoformat()})"
            f"已在 {result.path} 中"
        )
    verb = "将追加" if dry_run else "追加"
    for report in result.added:
        typer.echo(f"{verb}:条目 {report.item}({report.status},{report.date.isoformat()})")
    if not result.added:
        typer.echo(f"{result.unit.name}:没有需要追加的进展")
    elif dry_run:
        typer.echo(f"未写入(--dry-run):{len(result.added)} 条进展将追加到 {result.path}")
    else:
        typer.echo(f"已向 {result.path} 追加{result.unit.name}的 {len(result.added)} 条进展")
