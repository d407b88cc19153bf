"""`ledger review`: the office's 办结审核 of a unit's 已完成 (销号 or 退回), in reviews.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..core.errors import UsageError
from ._app import LedgerOption, app
from ._common import ledger_today, parse_day


@app.command("review")
def review(
    item: Annotated[
        str,
        typer.Argument(metavar="条目编号", help="条目编号,如 5.1。", show_default=False),
    ],
    unit: Annotated[
        str | None,
        typer.Option("--unit", help="报“已完成”的单位(必填):名称、别名或编号,如 市财政局。"),
    ] = None,
    passed: Annotated[bool, typer.Option("--pass", help="审核通过,销号。")] = False,
    returned: Annotated[bool, typer.Option("--return", help="退回,单位须重新报“已完成”。")] = False,
    reason: Annotated[
        str | None, typer.Option("--reason", help="退回的理由(退回时必填),或审核意见。")
    ] = None,
    day: Annotated[
        str | None, typer.Option("--date", metavar="日期", help="审核日期 YYYY-MM-DD,默认今天。")
    ] = None,
    ledger: LedgerOption = Path("data"),
) -> None:
    """办结审核:对单位报“已完成”的条目销号或退回,记入 reviews.yaml。

    --pass 销号,--return 退回(须写 --reason)。

    只在台账的 plan.review 为 required 时可用;单位须有待审核的“已完成”。记录追加在 reviews.yaml
    末尾(文件不存在时新建);写入前先检查整个台账,带来新的错误就不写入;多人同时写入会依次进行。

    退出码:0 已写入;1 检查不通过,未写入;2 用法错误或文件不能安全写入。
    """
    from ..ops.review import NewReview, add_review
    from .progress import _refuse_invisible

    _refuse_invisible("条目编号", item)
    _refuse_invisible("--unit", unit)
    _refuse_invisible("--date", day)
    _refuse_invisible("--reason", reason, multiline=True)
    if passed == returned:
        raise UsageError("请写 --pass(销号)或 --return(退回)之一")
    if unit is None or not unit.strip():
        raise UsageError("请用 --unit 指定报“已完成”的单位,如 --unit 市财政局")
    if returned and not (reason or "").strip():
        raise UsageError("退回须用 --reason 写明理由")
    today = ledger_today(ledger)
    new = NewReview(item.strip(), parse_day(day, "--date", today), passed, (reason or "").strip())
    done = add_review(ledger, unit, new, as_of=today)
    verdict = "销号" if passed else "退回"
    what = f"{done.unit.name}对条目 {new.item} 的审核({verdict},{new.date.isoformat()})"
    typer.echo(
        f"已{'新建' if done.created else '向'} {done.path}{',写入' if done.created else ' 追加'}{what}"
    )
