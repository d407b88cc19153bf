"""`ledger diff`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..core.errors import UsageError
from ._app import LedgerOption, app, output_option
from ._common import emit, ledger_today, output_format, parse_day

FORMATS = {"md": (".md", ".markdown", ".txt")}  # format: -o extensions
# A GitHub comment holds 65,536 characters; the rest is room for what CI adds around it.
DEFAULT_MAX_CHARS = 60_000
MIN_MAX_CHARS = 2_000


@app.command("diff")
def diff_command(
    base: Annotated[
        str | None,
        typer.Argument(
            metavar="起点",
            help="比较的起点:提交、分支或标签;默认为与主分支(origin/main 或 main)的合并基点。",
            show_default=False,
        ),
    ] = None,
    head: Annotated[
        str | None,
        typer.Argument(
            metavar="终点",
            help="比较的终点:提交、分支或标签;默认为工作区(含未提交的改动)。",
            show_default=False,
        ),
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="状态和逾期数的截至日期 YYYY-MM-DD,默认今天。")
    ] = None,
    output: Annotated[
        Path | None, output_option("写入此文件(- 为标准输出);默认输出到标准输出。")
    ] = None,
    max_chars: Annotated[
        int,
        typer.Option(
            "--max-chars",
            help="摘要最多多少个字符(默认适合 GitHub 评论),超出的行省略并注明;0 为不限。",
        ),
    ] = DEFAULT_MAX_CHARS,
    ledger: LedgerOption = Path("data"),
) -> None:
    """两个 git 修订版之间台账的变化,输出可直接贴到 PR 评论的 Markdown。

    列出新增、删除的条目,责任单位、牵头单位、完成时间、内容的改动,单位名录的改动,
    各单位新增(或删除)的进展,截至某日状态有变化的“条目 × 单位”(如 5.1 市财政局
    推进中 → 已完成),以及逾期、临期、更新滞后的数目变化(总数和各单位)。

    通过 git 读取修订版;浅克隆中缺少所需的提交时,说明缺什么、怎样取得(退出码 2)。
    摘要超过 --max-chars 时只保留开头和最后的逾期统计,并注明省略了多少行、在哪些部分。

    退出码:0 完成;2 不在 git 仓库中、修订版不存在或台账无法读取。
    """
    from ..core.problems import Level
    from ..files.gitio import Repo
    from ..files.load import load_ledger
    from ..ops.check import check_loaded, unreadable_files
    from ..render.diff import to_markdown
    from ..render.mdlimit import cap_markdown, describe
    from ..views.diff import compare

    output_format(None, FORMATS, "md", output, ledger, option=False)
    if max_chars < 0 or 0 < max_chars < MIN_MAX_CHARS:
        raise UsageError(f"--max-chars 至少为 {MIN_MAX_CHARS}(0 为不限),不能是 {max_chars}")
    today = ledger_today(ledger)
    day = parse_day(as_of, "--as-of", today)
    repo = Repo.of(ledger)
    base_side, head_side = repo.sides(base, head)
    before = repo.ledger_at(base_side.commit) if base_side.commit else load_ledger(ledger)
    after = repo.ledger_at(head_side.commit) if head_side.commit else load_ledger(ledger)
    warnings = []
    unread = False
    for loaded, when in ((before, "变更前"), (after, "变更后")):
        errors = [p for p in check_loaded(loaded, today) if p.level is Level.ERROR]
        if errors:
            warnings.append(
                f"{when}的台账有 {len(errors)} 个错误,以下结果可能不完整;请运行 ledger check 查看。"
            )
        if files := unreadable_files(loaded.problems):
            unread = True
            named = "、".join(f"{path}({rule})" for path, rule in files)
            warnings.append(f"{when}的台账中无法读取的文件(其内容未参与比较):{named}")
    text = to_markdown(
        compare(before.ledger, after.ledger, day),
        base_side,
        head_side,
        warnings,
        partial=unread,
    )
    text, omitted = cap_markdown(text, max_chars, "ledger diff --max-chars 0 -o 文件")
    notes = (
        [] if omitted is None else [f"提示:摘要超过 --max-chars {max_chars},{describe(omitted)}"]
    )
    emit(output, text.encode("utf-8"), ledger, notes=notes)
