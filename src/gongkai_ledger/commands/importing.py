"""`ledger import`: a published 分解表 → a draft ledger (the module is not called `import`)."""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path
from typing import Annotated

import typer

from ._app import app


@app.command("import")
def import_command(
    source: Annotated[
        Path,
        typer.Argument(
            metavar="文件",
            help="发布的重点任务分解表:文档、电子表格、网页或纯文本文件。",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "-o",
            "--output",
            metavar="目录",
            help="写入草稿台账的目录;其中已有 units.yaml 时按它的名称和别名对应单位,只写 tasks.yaml。",
        ),
    ] = Path("data"),
    title: Annotated[
        str | None,
        typer.Option("--title", metavar="标题", help="计划标题;默认为文件名(不含扩展名)。"),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            metavar="年份",
            help="计划年份;默认取文件名中的年份,没有时取表中第一个年份。",
        ),
    ] = None,
) -> None:
    """把发布的分解表转成待核对的台账草稿(tasks.yaml、units.yaml)。

    按表头(序号、重点任务、具体内容、责任单位/牵头单位/配合单位、完成时间)找列,
    不按位置;合并的序号或任务格是一个任务,它的各行是条目。不覆盖已有文件。
    写完列出需要核对的地方(无法识别的完成时间、像是同一单位的名称、没有成员的单位组等),
    这些也是 `ledger check` 会报告的问题。

    退出码:0 已写入草稿(核对清单可能不空);2 文件无法读取,或目标文件已存在。
    """
    from ..core.errors import OutputUnwritable, UserError
    from ..files.atomic import write_atomic
    from ..files.load import shown_path
    from ..ops.importing import draft, read_registry

    tables_module = importlib.import_module("gongkai_ledger.files.tables")
    read_tables = getattr(tables_module, "read_tables", None)
    if read_tables is None:
        raise UserError(f"还不能读取“{shown_path(source)}”:本版本没有分解表读取程序")
    if output.exists() and not output.is_dir():
        raise UserError(f"“{shown_path(output)}”不是目录", hint="-o 指定写入草稿的目录")
    tasks_path, units_path = output / "tasks.yaml", output / "units.yaml"
    if tasks_path.exists():
        raise UserError(f"“{shown_path(tasks_path)}”已存在,不覆盖", hint="请用 -o 指定新的目录")
    registry = read_registry(units_path) if units_path.exists() else None
    tables = read_tables(source)
    plan_year = (
        year
        or _year_in(source.stem)
        or _year_in(" ".join(c.text for t in tables for r in t.rows for c in r))
    )
    if plan_year is None:
        raise UserError("无法确定计划年份", hint="请用 --year 指定,如 --year 2022")
    result = draft(
        tables, source=source.name, title=title or source.stem, year=plan_year, registry=registry
    )
    assert result.tasks_yaml is not None
    try:
        output.mkdir(parents=True, exist_ok=True)
        write_atomic(tasks_path, result.tasks_yaml.encode("utf-8"))
        if result.units_yaml is not None:
            write_atomic(units_path, result.units_yaml.encode("utf-8"))
    except OSError as error:
        raise OutputUnwritable(
            f"无法写入“{shown_path(output)}”:{error.strerror or error}"
        ) from None
    written = [shown_path(tasks_path)] + ([shown_path(units_path)] if result.units_yaml else [])
    out = [
        f"已写入 {'、'.join(written)}:{result.tasks} 个任务,{result.items} 个条目"
        + (f",{result.units} 个单位,{result.groups} 个单位组" if result.units_yaml else "")
    ]
    if result.notes:
        out.append(f"需要核对的地方({len(result.notes)} 处):")
        for note in result.notes:
            where = shown_path(output / note.file) + f":{note.line}: " if note.file else ""
            cell = f"({note.cell})" if note.cell else ""
            out.append(f"  {where}{note.message}{cell}")
    else:
        out.append("没有需要核对的地方。")
    out.append(f"下一步:对照原表核对草稿,然后运行 ledger check --ledger {shown_path(output)}")
    sys.stdout.write("\n".join(out) + "\n")


def _year_in(text: str) -> int | None:
    found = re.search(r"(20\d\d)", text)
    return int(found[1]) if found else None
