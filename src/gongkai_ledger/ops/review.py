"""Recording the office's review (办结审核): 销号 or 退回 of a unit's 已完成, in reviews.yaml.

`add_review` refuses a review with nothing to review (no 已完成 awaiting it), checks the whole
ledger with the new content substituted (nothing is written when that adds an error), reads
the new record back, and writes through `rewrite.update_file`, as `progress add` does.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..core.errors import EditError, Rejected, UsageError
from ..core.model import REVIEW_REQUIRED, Ledger, Unit
from ..core.problems import Level
from ..core.status import standings
from ..files.load import REVIEWS_FILE, load_ledger, shown_path
from ..files.rewrite import update_file
from .check import check_loaded
from .progress import _introduced, reporting_unit

PASS = "通过"
RETURN = "退回"


@dataclass(frozen=True)
class NewReview:
    item: str
    date: date
    passed: bool
    reason: str = ""


@dataclass(frozen=True)
class Reviewed:
    path: str
    unit: Unit
    review: NewReview
    created: bool


def add_review(
    root: Path, unit_name: str, review: NewReview, as_of: date, *, timeout: float = 120.0
) -> Reviewed:
    """Append `review` to reviews.yaml, if there is a claim to review and the ledger stays clean.

    Raises UserErrors, and nothing is written.
    """
    if review.date > as_of:
        raise UsageError(f"审核日期 {review.date.isoformat()} 晚于今天({as_of.isoformat()})")
    unit = reporting_unit(root, unit_name)
    path = root / REVIEWS_FILE
    shown = shown_path(path)
    done: list[Reviewed] = []

    def append(old: bytes | None) -> bytes:
        before = load_ledger(root)
        _refuse_nothing_to_review(before.ledger, unit, review)
        new = appended(old, unit, review)
        after = load_ledger(root, {path: new})
        introduced = _introduced(check_loaded(before, as_of), check_loaded(after, as_of))
        errors = [p for p in introduced if p.level is Level.ERROR]
        if errors:
            raise Rejected(
                shown, errors, f"未写入:这条审核会使 ledger check 报告上述错误,{shown} 保持不变。"
            )
        expected = [
            *_reviews_of(before.ledger),
            (review.item, unit.name, review.date, review.passed),
        ]
        if _reviews_of(after.ledger) != expected:
            raise EditError(
                f"{shown} 的写法无法自动追加审核,未写入", hint=f"请先运行 ledger fmt {shown}"
            )
        done.append(Reviewed(shown, unit, review, old is None))
        return new

    update_file(_real_file(root, path, shown), shown, append, timeout=timeout)
    return done[0]


def _real_file(root: Path, path: Path, shown: str) -> Path:
    """The file to write: a reviews.yaml that is a symlink within the ledger is written where
    it points (as `progress add` and `fmt` do), not replaced by a copy; one leading out of the
    ledger directory is refused."""
    real = Path(os.path.realpath(path))
    if os.path.lexists(path) and not real.is_relative_to(os.path.realpath(root)):
        raise EditError(
            f"拒绝写入:{shown} 是指向台账目录之外({real})的符号链接",
            hint="请把 reviews.yaml 改为台账目录中的普通文件",
        )
    return real


def _reviews_of(ledger: Ledger) -> list[tuple[str, str, date, bool]]:
    return [(r.item, r.unit.text, r.date, r.passed) for r in ledger.reviews]


def _refuse_nothing_to_review(ledger: Ledger, unit: Unit, review: NewReview) -> None:
    if ledger.plan.review != REVIEW_REQUIRED:
        raise UsageError(
            "台账没有实行办结审核", hint="在 tasks.yaml 的 plan 中写 review: required 后再审核"
        )
    mine = [
        s
        for s in standings(ledger, review.date)
        if s.item.id == review.item and s.unit.id == unit.id
    ]
    if not mine:
        raise UsageError(f"{unit.name}不负责条目 {review.item}(或条目不存在),无从审核")
    if mine[0].pending_since is None:
        raise UsageError(
            f"截至 {review.date.isoformat()},{unit.name}对条目 {review.item} 没有待审核的“已完成”",
            hint="单位报“已完成”(ledger progress add … --status 已完成)后才能销号或退回",
        )


def _scalar(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a YAML double-quoted scalar


def entry_lines(unit: Unit, review: NewReview) -> list[str]:
    lines = [
        f"  - item: {_scalar(review.item)}",
        f"    unit: {_scalar(unit.name)}",
        f"    date: {review.date.isoformat()}",
        f"    result: {PASS if review.passed else RETURN}",
    ]
    if review.reason:
        lines.append(f"    reason: {_scalar(review.reason)}")
    return lines


def appended(old: bytes | None, unit: Unit, review: NewReview) -> bytes:
    """reviews.yaml with the review added at the end (a new file when `old` is None).

    The text is appended as the file's last lines: right for a file of one `reviews:` block
    list, as `ledger fmt` writes it; `add_review` reads it back and refuses anything else.
    """
    body = "\n".join(entry_lines(unit, review)) + "\n"
    if old is None:
        header = "# 办结审核记录:发文机关对单位“已完成”的销号(通过)或退回,新的追加在末尾。\n"
        return (header + "reviews:\n" + body).encode("utf-8")
    text = old.decode("utf-8")
    if text and not text.endswith("\n"):
        text += "\n"
    return (text + body).encode("utf-8")
