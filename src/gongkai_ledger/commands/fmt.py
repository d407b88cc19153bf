"""`ledger fmt`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from ._fast import LEDGER, Arg, Fast, Opt

if TYPE_CHECKING:  # the annotations are for Typer, which registers it only for help and errors
    import typer

    from ._app import LedgerOption


def fmt_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="路径",
            help="要排版的台账文件或目录;默认为 --ledger 指定的台账目录。",
            show_default=False,
        ),
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="只检查不写入:列出需要排版的文件,有则退出码为 1。")
    ] = False,
    diff: Annotated[bool, typer.Option("--diff", help="同时显示改动(统一差异格式)。")] = False,
    ledger: LedgerOption = Path("data"),
) -> None:
    """把台账文件排成统一格式,保留全部注释。

    统一格式:键按文件格式的顺序,缩进 2 格,列表项缩进在键下(“  - id: 1”),
    单位名称等列表写成一行 [甲, 乙],条目编号加双引号,任务之间空一行,不折行,
    UTF-8 无 BOM,LF 换行。只改排版,不改内容;有 YAML 语法错误的文件不改动。

    退出码:0 完成(加 --check 时:都已是统一格式);1 有文件需要排版(--check)
    或有文件因错误未能排版;2 用法错误,或有文件无法读取、写入。
    """
    from ..core.problems import format_text
    from ..files.fmt import format_files, ledger_files_in, unified_diff

    results, failures = format_files(
        ledger_files_in(paths or [ledger], ledger_dirs=not paths), write=not check
    )
    for failure in failures:  # cannot lock or write it: the file is as it was
        sys.stderr.write(failure.stderr)
    failed = len(failures)
    refused = [r for r in results if r.after is None]
    changed = [r for r in results if r.changed]
    for result in changed:
        sys.stdout.write(f"需要排版:{result.shown}\n" if check else f"已排版:{result.shown}\n")
        if diff:
            sys.stdout.write(unified_diff(result))
    for result in refused:
        sys.stdout.write(format_text(list(result.problems)))
    unchanged = len(results) - len(changed) - len(refused)
    summary = [
        f"{count} 个文件{what}"
        for count, what in (
            (len(changed), "需要排版" if check else "已排版"),
            (unchanged, "已是统一格式"),
            (len(refused), "有错误,未改动"),
            (failed, "无法写入,未改动"),
        )
        if count
    ]
    sys.stderr.write(",".join(summary) + "\n")
    raise SystemExit(2 if failed else 1 if refused or (check and changed) else 0)


FAST = Fast(
    fmt_command,
    (
        Opt("check", ("--check",), "flag", False),
        Opt("diff", ("--diff",), "flag", False),
        LEDGER,
    ),
    (Arg("paths", "path", many=True),),
)
