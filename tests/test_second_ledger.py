"""The second shipped example ledger (examples/zhangdian-2023): a real 2023 district 任务清单 of
another province, with a three-level 工作任务 column, no 完成时间 column, no 文号, and 牵头 written
in the 责任单位 column. It is written with data only: these tests prove the format carries it."""

from __future__ import annotations

import json
import re

import pytest

from .cli_run import run_ledger
from .ledgers import ZHANGDIAN

LEDGER = ("--ledger", str(ZHANGDIAN))


def test_it_passes_check_without_a_warning(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_ledger(capsys, "check", "--strict", "--as-of", "2023-12-31", *LEDGER)
    assert (run.code, run.out) == (0, "")
    assert "检查通过:2 个文件、5 个条目" in run.err


def test_it_is_in_fmt_layout(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_ledger(capsys, "fmt", "--check", *LEDGER).code == 0


def test_the_header_cites_the_source_document() -> None:
    header = (ZHANGDIAN / "tasks.yaml").read_text(encoding="utf-8").split("plan:", 1)[0]
    assert "http://www.zhangdian.gov.cn/" in header
    assert "张店区人民政府办公室" in header


def test_the_lead_owes_items_it_is_not_an_owner_of(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_ledger(
        capsys,
        "overdue",
        "--unit",
        "区司法局",
        "--as-of",
        "2023-12-31",
        "--format",
        "json",
        *LEDGER,
    )
    assert run.code == 0, run.err
    (unit,) = json.loads(run.out)["units"]
    stale = sorted(i["item"] for i in unit["items"] if i["stale"])
    # 1.1–1.3 name it only as 牵头单位; 1.5 also as owner
    assert stale == ["1.1", "1.2", "1.3", "1.5"]


def test_the_report_keeps_the_documents_shape(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_ledger(
        capsys, "report", "--month", "2023-12", "--as-of", "2023-12-31", "--format", "md", *LEDGER
    )
    assert run.code == 0, run.err
    # no 文号: no empty brackets after the title
    (basis,) = [line for line in run.out.splitlines() if line.startswith("- 依据:")]
    assert basis == "- 依据:张店区人民政府办公室《张店区2023年政务公开常态化工作任务清单》"
    # three levels, nested in order: 主动公开 > 基础信息公开 > the task
    headings = re.findall(r"^(#{3,6}) (.+)$", run.out, re.M)
    titles = [(len(marks), text) for marks, text in headings]
    top = titles.index((3, "(一)主动公开"))
    assert titles[top + 1] == (4, "(一)基础信息公开")  # as show numbers it (review finding 8)
    assert titles[top + 2][0] == 5 and titles[top + 2][1].endswith("行政规范")
    # no 完成时间 column: the plan's default, said as such
    assert run.out.count("(未写明,按常态化)") == 5


def test_the_html_report_renders(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_ledger(
        capsys, "report", "--month", "2023-12", "--as-of", "2023-12-31", "--format", "html", *LEDGER
    )
    assert run.code == 0, run.err
    assert run.out.startswith("<!DOCTYPE html>")
    assert "基础信息公开" in run.out and "()" not in run.out
