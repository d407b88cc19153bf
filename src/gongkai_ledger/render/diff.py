"""`ledger diff` output: the changes as a pull-request comment (GitHub-flavoured Markdown)."""

from __future__ import annotations

from collections.abc import Sequence

from ..core.model import Report
from ..core.status import OWED_KINDS
from ..files.gitio import Side
from ..views.diff import Changes
from .mdtext import md_code, md_escape

# -- markdown --------------------------------------------------------------------------


def side_label(side: Side) -> str:
    """One end of the comparison as the comment's heading names it."""
    if side.commit is None:
        return "工作区"
    if side.merge_base_of is not None:
        return f"{md_escape(side.merge_base_of)} 的合并基点 `{side.commit[:7]}`"
    rev = side.rev or side.commit
    if side.commit.startswith(rev):
        return md_code(rev)
    return f"{md_code(rev)}(`{side.commit[:7]}`)"


def to_markdown(
    changes: Changes,
    base: Side,
    head: Side,
    warnings: Sequence[str] = (),
    *,
    partial: bool = False,
) -> str:
    """A pull-request comment: headed by what was compared, each section only when needed.
    `partial`: a file of either side could not be read, so "nothing changed" is not claimed."""
    day = changes.as_of.isoformat()
    lines = [f"## 台账变更:{side_label(base)} → {side_label(head)}", ""]
    lines += [f"> ⚠️ {md_escape(w)}" for w in warnings]
    if warnings:
        lines.append("")
    if changes.nothing and partial:
        lines += ["能读取的台账内容没有变化;无法读取的文件(见上)中的改动未能比较。"]
        return "\n".join(lines) + "\n"
    if changes.nothing:
        lines += ["台账内容没有变化(只改了注释、排版或台账以外的文件)。"]
        return "\n".join(lines) + "\n"
    if changes.added or changes.removed or changes.changed:
        lines += ["### 条目", ""]
        for item in changes.added:
            lines.append(
                f"- 新增 **{md_escape(item.id)}**:{md_escape(item.content)}"
                f"(责任单位:{md_escape('、'.join(o.text for o in item.owners))};"
                f"完成时间:{md_escape(item.deadline.text if item.deadline else '(无)')})"
            )
        for item in changes.removed:
            lines.append(f"- 删除 **{md_escape(item.id)}**:{md_escape(item.content)}")
        for change in changes.changed:
            if change.what == "内容":
                lines += [
                    f"- **{md_escape(change.item)}** 内容:",
                    f"  - 原:{md_escape(change.before)}",
                    f"  - 新:{md_escape(change.after)}",
                ]
            else:
                lines.append(
                    f"- **{md_escape(change.item)}** {change.what}:{md_escape(change.before)} → {md_escape(change.after)}"
                )
        lines.append("")
    if changes.roster:
        lines += ["### 单位名录", "", *(f"- {md_escape(r.text)}" for r in changes.roster), ""]
    if changes.reports:
        lines += ["### 进展报送", ""]
        for reports in changes.reports:
            counts = []
            if reports.added:
                counts.append(f"新增 {len(reports.added)} 条")
            if reports.removed:
                counts.append(f"删除或修改 {len(reports.removed)} 条")
            lines.append(f"- **{md_escape(reports.unit)}**:{','.join(counts)}")
            lines += [f"  - 新增 {_report(r)}" for r in reports.added]
            lines += [f"  - 删除 {_report(r)}" for r in reports.removed]
        lines.append("")
    if changes.statuses:
        lines += [
            f"### 状态变化(截至 {day})",
            "",
            "| 条目 | 单位 | 变更前 | 变更后 |",
            "|---|---|---|---|",
        ]
        lines += [
            f"| {md_escape(s.item)} | {md_escape(s.unit)} | {s.before.value} | {s.after.value} |"
            for s in changes.statuses
        ]
        lines.append("")
    lines += [
        f"### 逾期、临期、更新滞后(截至 {day})",
        "",
        "| | 变更前 | 变更后 | 变化 |",
        "|---|---:|---:|---:|",
    ]
    for label, field in OWED_KINDS:
        old, new = getattr(changes.before, field), getattr(changes.after, field)
        lines.append(f"| {label} | {old} | {new} | {_delta(new - old)} |")
    if changes.units:
        lines += ["", "| 单位 | 逾期 | 临期 | 更新滞后 |", "|---|---|---|---|"]
        for counts_of in changes.units:
            cells = [
                _from_to(getattr(counts_of.before, f), getattr(counts_of.after, f))
                for _, f in OWED_KINDS
            ]
            lines.append(f"| {md_escape(counts_of.unit)} | {' | '.join(cells)} |")
    return "\n".join(lines) + "\n"


def _report(report: Report) -> str:
    text = report.summary or report.reason
    return f"{md_escape(report.item)} {report.status.value}({report.date.isoformat()})" + (
        f":{md_escape(text)}" if text else ""
    )


def _delta(number: int) -> str:
    return f"+{number}" if number > 0 else str(number)


def _from_to(old: int, new: int) -> str:
    return str(new) if old == new else f"{old} → {new}"
