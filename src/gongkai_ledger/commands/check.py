"""`ledger check`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from ._common import loaded_today, output_format, parse_day
from ._fast import AS_OF, LEDGER, Fast, Opt

if TYPE_CHECKING:  # the annotations are for Typer, which registers it only for help and errors
    import typer

    from ._app import LedgerOption

MAX_FILE_MB = 1024  # the largest --max-file-mb: a ledger file of 1 GB is far beyond any real one


def check(
    ledger: LedgerOption = Path("data"),
    given_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="输出格式:text、json、github(GitHub Actions 注释;"
            "在 GITHUB_ACTIONS=true 时默认)或 gitlab(GitLab 代码质量报告)。",
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="警告也视为失败。")] = False,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="检查日期 YYYY-MM-DD,默认今天。")
    ] = None,
    max_file_mb: Annotated[
        int,
        typer.Option(
            "--max-file-mb",
            min=1,
            max=MAX_FILE_MB,
            help=f"单个台账文件的大小上限(MB,1 至 {MAX_FILE_MB}),超过则不读取。",
        ),
    ] = 64,  # yamlio.DEFAULT_MAX_FILE_BYTES; not imported here: yaml would slow start-up
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="不写结果摘要(没有问题时什么也不输出)。")
    ] = False,
) -> None:
    """检查台账:列出所有问题(文件:行:列、规则、说明)。

    文本格式时在标准错误输出写一行摘要(检查了多少文件、条目、进展,有几个错误和警告)。
    退出码:0 无问题;1 有错误(加 --strict 时警告也算);2 台账无法读取。
    """
    import os

    from ..core.errors import LedgerUnreadable
    from ..files.load import load_ledger
    from ..ops.check import check_loaded, exit_code
    from ..render.problems import FORMATTERS

    default = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    fmt = output_format(given_format, dict.fromkeys(FORMATTERS, ()), default)
    given = parse_day(as_of, "--as-of") if as_of is not None else None
    try:
        loaded = load_ledger(ledger, max_file_bytes=max_file_mb * 1024 * 1024)
        day = given or loaded_today(ledger, loaded)
        problems = check_loaded(loaded, day)
    except MemoryError:  # a file within --max-file-mb, but more than this machine can hold
        raise LedgerUnreadable(
            "内存不足,无法读取台账文件(可能有文件过大);"
            "请调小 --max-file-mb(默认 64),超过上限的文件会报为 file-too-large"
        ) from None
    sys.stdout.write(FORMATTERS[fmt](problems))
    if fmt == "text" and not quiet:
        errors = sum(p.level == "error" for p in problems)
        if problems:
            sys.stderr.write(f"共 {errors} 个错误,{len(problems) - errors} 个警告\n")
        else:
            data = loaded.ledger
            sys.stderr.write(
                f"检查通过:{2 + len(data.progress)} 个文件、{len(data.items())} 个条目、"
                f"{sum(len(p.reports) for p in data.progress)} 条进展,没有发现问题\n"
            )
    raise SystemExit(exit_code(problems, strict=strict))


FAST = Fast(
    check,
    (
        LEDGER,
        Opt("given_format", ("--format",), "str"),
        Opt("strict", ("--strict",), "flag", False),
        AS_OF,
        Opt("max_file_mb", ("--max-file-mb",), "int", 64, low=1, high=MAX_FILE_MB),
        Opt("quiet", ("--quiet", "-q"), "flag", False),
    ),
)
