"""`ledger init`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..core.errors import EditError
from ._app import app
from ._common import now_in


@app.command("init")
def init_command(
    directory: Annotated[
        Path,
        typer.Argument(
            metavar="目录", help="新台账的目录,默认 data;可以不存在。", show_default=False
        ),
    ] = Path("data"),
    year: Annotated[
        int | None,
        typer.Option(
            "--year", metavar="年份", min=1900, max=2999, help="工作要点的年份,默认今年(北京时间)。"
        ),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option("--title", metavar="标题", help="工作要点的标题,默认为按年份生成的示例标题。"),
    ] = None,
    issuer: Annotated[
        str | None,
        typer.Option("--issuer", metavar="发文机关", help="发文机关,默认为示例的市政府办公室。"),
    ] = None,
) -> None:
    """新建一个台账:带注释的示例分解表和单位名录,以及持续集成、提交前检查的示例。

    写入 tasks.yaml、units.yaml、progress 目录及其说明、忽略临时文件的设置,和持续集成、
    提交前检查的示例(在台账目录中,复制到仓库根目录后才生效)。结果能通过 ledger check
    和 ledger fmt --check。任何一个文件已经存在时什么也不写。

    退出码:0 已写入;2 用法错误或有文件已存在。
    """
    from ..core.model import DEFAULT_TIMEZONE
    from ..files.scaffold import DEFAULT_ISSUER, Plan, default_title, existing, scaffold, write_all

    plan_year = year if year is not None else now_in(DEFAULT_TIMEZONE).year
    plan = Plan(
        plan_year,
        _given(title, "--title") or default_title(plan_year),
        _given(issuer, "--issuer") or DEFAULT_ISSUER,
    )
    files = scaffold(plan, _ci_path(directory))
    there = existing(directory, files)
    if there:
        listed = "\n".join(f"  {p.as_posix()}" for p in there)
        raise EditError(
            f"以下文件已存在,ledger init 不覆盖任何文件,什么也没有写:\n{listed}\n",
            hint="换一个目录,或先移走这些文件",
        )
    try:
        write_all(directory, files)
    except OSError as error:
        from ..core.errors import os_reason

        raise EditError(f"无法写入“{directory.as_posix()}”:{os_reason(error)}") from None
    sys.stdout.write(next_steps(directory))


def _given(text: str | None, option: str) -> str | None:
    if text is None:
        return None
    value = " ".join(text.split())
    if not value:
        from ..core.errors import UsageError

        raise UsageError(f"{option} 不能为空")
    return value


def _ci_path(directory: Path) -> str:
    """The ledger directory as the CI examples name it: from the repository's root (here)."""
    if not directory.is_absolute():
        return directory.as_posix()
    try:
        return directory.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return directory.name


def next_steps(directory: Path) -> str:
    d = directory.as_posix()
    ledger = "" if d == "data" else f" --ledger {d}"
    return f"""\
已新建台账:{d}/
  tasks.yaml          分解表(示例任务,请照原文件改写)
  units.yaml          单位名录(示例单位和单位组)
  progress/           各单位的进展报送,每单位一个 <单位编号>.yaml
  .gitignore          写文件时的临时文件和锁文件
  ci-examples/        GitHub Actions、GitLab CI、pre-commit 的示例(复制到仓库根目录才生效)

下一步:
  1. 照分解表改写 {d}/tasks.yaml 和 {d}/units.yaml;
     或从 Word、Excel 分解表导入草稿:ledger import 分解表.docx -o {d}
  2. 检查:ledger check{ledger}
  3. 在仓库根目录生成评审规则:ledger codeowners{ledger} -o .github/CODEOWNERS
  4. 提交:git add {d} && git commit -m "新建台账"
  计算工作日用 chinesecalendar 的节假日安排;它还没有收录的年份,按国务院办公厅通知写
  {d}/calendar.yaml(写法见 docs/format.md)。
"""
