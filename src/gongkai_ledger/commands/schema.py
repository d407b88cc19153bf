"""`ledger schema`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..core.errors import UsageError, not_one_of
from ._app import app, output_option
from ._common import written

KINDS = (
    "tasks",
    "units",
    "progress",
    "calendar",
    "reviews",
)  # schema.FileKind, without importing it here


@app.command("schema")
def schema_command(
    file: Annotated[
        str | None,
        typer.Option(
            "--file", help="哪种文件的 Schema:tasks、units、progress、calendar 或 reviews。"
        ),
    ] = None,
    output: Annotated[
        Path | None,
        output_option(
            "写入此目录(<种类>.schema.json,不能在台账的 progress/ 中);"
            "不写或写 - 则输出 --file 指定的一种到标准输出。"
        ),
    ] = None,
) -> None:
    """输出台账文件的 JSON Schema(draft 2020-12),供编辑器补全、校验和悬停提示。

    每个键都有中文说明;状态、报送周期有可选值,编号有格式要求。
    例:ledger schema -o schema 写出 schema/tasks.schema.json、units.schema.json、
    progress.schema.json、calendar.schema.json、reviews.schema.json;ledger schema --file progress 输出进展文件的 Schema。

    退出码:0 完成;2 用法错误。
    """
    import os

    from ..files.outfile import is_stdout, output_directory, write_output
    from ..files.schema import FileKind, schema_file_name, schema_json
    from ._common import LEDGER_ENV

    if file is not None and file not in KINDS:
        raise not_one_of("--file", file, KINDS)
    kinds = [FileKind(file)] if file is not None else list(FileKind)
    if is_stdout(output):
        if file is None:
            raise UsageError(
                "请用 --file 选择 tasks、units、progress、calendar 或 reviews,或用 -o 目录 写出全部五个文件"
            )
        write_output(None, schema_json(kinds[0]).encode("utf-8"), ())
        return
    assert output is not None
    ledgers = (Path(os.environ.get(LEDGER_ENV) or "data"),)  # and any ledger around the path
    output_directory(output, ledgers)
    for kind in kinds:
        target = output / schema_file_name(kind)
        write_output(target, schema_json(kind).encode("utf-8"), ledgers)
        sys.stdout.write(written(target) + "\n")
