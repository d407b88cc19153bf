"""`ledger codeowners`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..core.errors import UsageError
from ._app import LedgerOption, app, output_option
from ._common import emit, ledger_today, output_format

FORMATS = {"codeowners": (".txt",)}  # CODEOWNERS has no extension; .txt to look at it


@app.command("codeowners")
def codeowners_command(
    owner_format: Annotated[
        str,
        typer.Option(
            "--owner-format",
            metavar="模板",
            help="单位评审人的写法,{id} 换成单位编号,如 @lushan-zwgk/{id}。",
        ),
    ] = "@org/{id}",
    office: Annotated[
        str | None,
        typer.Option(
            "--office",
            metavar="评审人",
            help="分解表和单位名录的评审人;默认为 plan.issuer 对应的单位(套用 --owner-format)。",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        output_option("写入此文件,如 .github/CODEOWNERS(- 为标准输出);默认输出到标准输出。"),
    ] = None,
    ledger: LedgerOption = Path("data"),
) -> None:
    """根据单位名录生成 CODEOWNERS:每个单位的进展文件由该单位评审。

    progress/<单位编号>.yaml 归该单位(评审人按 --owner-format 生成);tasks.yaml、units.yaml
    和台账目录中的其他文件归发文单位。路径从 git 仓库根目录算起。一个仓库放几年的台账时
    (如 data/2022 和 data/2023),--ledger data 为其中每个含 tasks.yaml 的目录各写一组规则。
    在仓库根目录运行,例如:ledger codeowners --owner-format '@lushan-zwgk/{id}' -o .github/CODEOWNERS

    退出码:0 完成;2 用法错误或台账有错误。
    """
    from ..files.gitio import ledger_directory
    from ..files.years import ledger_directories
    from ..ops.valid import valid_ledger
    from ..render.codeowners import to_codeowners_years
    from ..views.codeowners import codeowners

    output_format(None, FORMATS, "codeowners", output, ledger, option=False)
    blocks = []
    for root in ledger_directories(ledger) or [ledger]:  # none: the usual error for `ledger`
        data = valid_ledger(root, ledger_today(root))
        directory = ledger_directory(root)
        if directory.parts[:1] == ("..",):
            raise UsageError(f"台账目录“{root}”不在当前目录之下,请在仓库根目录运行")
        blocks.append((directory.as_posix(), codeowners(data, directory, owner_format, office)))
    emit(output, to_codeowners_years(blocks).encode("utf-8"), ledger, make_parents=True)
