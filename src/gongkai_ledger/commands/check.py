"""`ledger check`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from .._app import LedgerOption, UsageError, app, parse_day


@app.command()
def check(
    ledger: LedgerOption = Path("data"),
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="输出格式:text、json 或 github(GitHub Actions 注释;"
            "在 GITHUB_ACTIONS=true 时默认)。",
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="警告也视为失败。")] = False,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="检查日期 YYYY-MM-DD,默认今天。")
    ] = None,
    max_file_mb: Annotated[
        int,
        typer.Option("--max-file-mb", min=1, help="单个台账文件的大小上限(MB),超过则不读取。"),
    ] = 64,  # yamlio.DEFAULT_MAX_FILE_BYTES; not imported here: yaml would slow start-up
) -> None:
    """检查台账:列出所有问题(文件:行:列、规则、说明)。

    退出码:0 无问题;1 有错误(加 --strict 时警告也算);2 台账无法读取。
    """
    import os

    from ..check import check_ledger, exit_code
    from ..problems import FORMATTERS

    fmt = output_format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if fmt not in FORMATTERS:
        raise UsageError(f"--format 只能是 {'、'.join(FORMATTERS)},不能是“{fmt}”")
    problems = check_ledger(
        ledger, parse_day(as_of, "--as-of"), max_file_bytes=max_file_mb * 1024 * 1024
    )
    sys.stdout.write(FORMATTERS[fmt](problems))
    if problems and fmt == "text":
        errors = sum(p.level == "error" for p in problems)
        sys.stderr.write(f"共 {errors} 个错误,{len(problems) - errors} 个警告\n")
    raise typer.Exit(exit_code(problems, strict=strict))
