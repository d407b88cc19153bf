"""`ledger rollover`: start next year's ledger from this year's, with a 回头看 section."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from ..core.errors import EditError, UsageError
from ._app import LedgerOption, app
from ._common import ledger_today, parse_day

COPIED = ("units.yaml", "calendar.yaml", "report.yaml")  # byte for byte, when there


@app.command("rollover")
def rollover_command(
    year: Annotated[
        int,
        typer.Option("--year", metavar="年份", min=1900, max=2999, help="新台账的年份,如 2023。"),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "-o", "--output", metavar="目录", help="新台账的目录;其中不能已有要写的文件。"
        ),
    ],
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="日期",
            help="按这一天的状态列回头看 YYYY-MM-DD,默认原台账年度的 12 月 31 日。",
            show_default=False,
        ),
    ] = None,
    ledger: LedgerOption = Path("data"),
) -> None:
    """新一年的台账:沿用单位名录,把上一年未完成、逾期完成的条目列为“回头看”章节。

    写入 tasks.yaml(plan 换成新年份,文号和印发日期留待填写;“回头看”章节中的每个条目
    注明原条目、原完成时间和各单位的情况)、units.yaml(原样复制)、calendar.yaml 和
    report.yaml(有则原样复制)和空的 progress 目录。状态截至上一年的 12 月 31 日(或 --as-of)。
    原台账不做任何改动。任何一个文件已经存在时什么也不写。

    退出码:0 已写入;2 用法错误、台账有错误或有文件已存在。
    """
    from ..files.scaffold import PROGRESS_README, existing
    from ..ops.valid import valid_ledger
    from ..render.rollover import to_tasks_yaml
    from ..views.rollover import rollover

    data = valid_ledger(ledger, ledger_today(ledger))
    _refuse_inside_progress(ledger, output, year)
    old_year = data.plan.year
    if year <= old_year:
        raise UsageError(f"--year {year} 应晚于原台账的年份 {old_year}(plan.year)")
    day = parse_day(as_of, "--as-of", date(old_year, 12, 31))
    view = rollover(data, year, day)
    texts = {"tasks.yaml": to_tasks_yaml(view).encode("utf-8")}
    for name in COPIED:
        if (ledger / name).is_file():
            texts[name] = (ledger / name).read_bytes()
    texts["progress/README.md"] = PROGRESS_README.encode("utf-8")
    _refuse_unless_valid(texts, output, year)
    there = existing(output, dict.fromkeys(texts, ""))
    if there:
        listed = "\n".join(f"  {p.as_posix()}" for p in there)
        raise EditError(
            f"以下文件已存在,ledger rollover 不覆盖任何文件,什么也没有写:\n{listed}\n",
            hint="换一个目录,或先移走这些文件",
        )
    _write(output, texts)
    sys.stdout.write(_done(output, view.year, len(view.carried), day))


def _refuse_inside_progress(ledger: Path, output: Path, year: int) -> None:
    """The old ledger stays readable: a directory in its progress/ would be a progress-file
    error of it (progress/ holds only <单位编号>.yaml)."""
    import os

    from ..files.load import PROGRESS_DIR

    progress = Path(os.path.realpath(ledger / PROGRESS_DIR))
    if Path(os.path.realpath(output)).is_relative_to(progress):
        raise UsageError(
            f"-o {output.as_posix()} 在原台账的 {PROGRESS_DIR}/ 目录中:那里只能放各单位的进展文件,"
            "原台账会因此通不过 ledger check",
            hint=f"换一个目录,如 {(ledger.parent / str(year)).as_posix()}",
        )


def _refuse_unless_valid(texts: dict[str, bytes], root: Path, year: int) -> None:
    """The new ledger is checked before anything is written: it must pass `ledger check`.

    Only an unusual old ledger fails here, e.g. an id of 32 characters (the longest) that
    becomes 33 with the section's H.
    """
    from ..core.problems import Level, format_text
    from ..files.load import load_ledger_from
    from ..ops.check import check_loaded

    loaded = load_ledger_from(texts, root.as_posix())
    errors = [p for p in check_loaded(loaded, date(year, 1, 1)) if p.level is Level.ERROR]
    if errors:
        raise EditError(
            "写出的新台账通不过 ledger check,什么也没有写:\n" + format_text(errors),
            hint="先在原台账中改正相应的编号或名称,再运行 ledger rollover",
        )


def _write(root: Path, texts: dict[str, bytes]) -> None:
    """Each file created, never replaced: one that appeared since the check stops the writing,
    and the files written so far are removed again (the directory is left as it was found)."""
    from ..files.atomic import write_new

    written: list[Path] = []
    try:
        for name, data in texts.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            write_new(path, data)
            written.append(path)
    except OSError as error:
        from ..core.errors import os_reason

        for path in written:
            path.unlink(missing_ok=True)
        if isinstance(error, FileExistsError):
            raise EditError(
                f"“{(root / name).as_posix()}”在写入时出现了,ledger rollover 不覆盖任何文件,"
                "已写的文件已删除",
                hint="换一个目录,或先移走这个文件",
            ) from None
        raise EditError(f"无法写入“{root.as_posix()}”:{os_reason(error)}") from None


def _done(root: Path, year: int, carried: int, day: date) -> str:
    d = root.as_posix()
    return f"""\
已新建 {year} 年的台账:{d}/
  回头看:{carried} 个条目(截至 {day.isoformat()} 未完成或逾期完成),在 {d}/tasks.yaml 的章节 H
下一步:照新一年的分解表改写 {d}/tasks.yaml,逐条决定回头看的条目保留还是删去;
  检查:ledger check --ledger {d}
"""
