"""--skip-invalid: one unit's broken progress file does not stop the office's views."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from .cli_run import run_ledger
from .conftest import Write
from .ledgers import TASKS

AS_OF = "2022-12-31"
CZJ = 'unit: 县财政局\nreports:\n  - item: "1.1"\n    date: 2022-09-26\n    status: 推进中\n    summary: 已公开\n'
# 甲镇 completed 1.2, then mistyped an item id: the whole file is left out, the done report too.
AAZ = (
    'unit: 甲镇\nreports:\n  - item: "1.2"\n    date: 2022-10-08\n    status: 已完成\n'
    '    summary: 已完成\n    evidence: ["https://example.org/1"]\n'
    '  - item: "1.9"\n    date: 2022-10-09\n    status: 推进中\n    summary: 推进\n'
)
NOTICE = "注意:以下 1 个进展文件有错误,未计入(各列出第一个错误,修正后重新生成):"


@pytest.fixture
def root(write_ledger: Write) -> Path:
    return write_ledger(progress={"czj.yaml": CZJ, "aaz.yaml": AAZ})


def problem(root: Path) -> str:
    return f"{root}/progress/aaz.yaml:8:11: 错误 [unknown-item] 未知条目“1.9”"


VIEWS = [
    ("overdue",),
    ("overdue", "--format", "md"),
    ("overdue", "--format", "json"),
    ("overdue", "--format", "csv"),
    ("show", "1.2"),
    ("show", "1.2", "--format", "json"),
    ("units",),
    ("units", "--format", "json"),
    ("export", "--format", "json"),
    ("export", "--format", "csv"),
    ("report", "--month", "2022-12"),
    ("report", "--month", "2022-12", "--format", "html"),
]


@pytest.mark.parametrize("args", VIEWS, ids=" ".join)
def test_by_default_a_broken_progress_file_still_refuses_and_names_the_option(
    capsys: pytest.CaptureFixture[str], root: Path, args: tuple[str, ...]
) -> None:
    run = run_ledger(capsys, *args, "--as-of", AS_OF, "--ledger", str(root))
    assert (run.code, run.out) == (2, "")
    assert "加 --skip-invalid 可跳过这些文件" in run.err
    assert problem(root) in run.err


@pytest.mark.parametrize("args", VIEWS, ids=" ".join)
def test_skip_invalid_leaves_the_file_out_says_so_and_exits_4(
    capsys: pytest.CaptureFixture[str], root: Path, args: tuple[str, ...]
) -> None:
    run = run_ledger(capsys, *args, "--as-of", AS_OF, "--skip-invalid", "--ledger", str(root))
    assert run.code == 4, run.err
    machine = "json" in args or "csv" in args
    where = run.err if machine or args[0] == "report" else run.out
    flat = where.replace("\\", "")  # Markdown escapes the brackets
    assert NOTICE in flat and problem(root) in flat
    if machine:  # the data stays parseable; the notice is on stderr only
        assert NOTICE not in run.out
        if "json" in args:
            json.loads(run.out)
        else:
            list(csv.reader(io.StringIO(run.out.lstrip("\ufeff"))))
    elif args[0] != "report":
        assert flat.startswith(("> **" + NOTICE, NOTICE))  # at the top of the output
    else:  # and a visible notice in the report itself
        assert NOTICE.replace("未计入", "未计入本通报") in run.out.replace("\\", "")


def test_the_skipped_files_reports_are_not_counted(
    capsys: pytest.CaptureFixture[str], root: Path
) -> None:
    args = ("show", "1.2", "--format", "json", "--as-of", AS_OF, "--ledger", str(root))
    view = json.loads(run_ledger(capsys, *args, "--skip-invalid").out)
    statuses = {u["unit"]: u["status"] for u in view["units"]}
    assert statuses["甲镇"] == "未启动"
    (root / "progress" / "aaz.yaml").write_text(AAZ.split('  - item: "1.9"')[0], encoding="utf-8")
    fixed = run_ledger(capsys, *args, "--skip-invalid")
    assert (fixed.code, fixed.err) == (0, "")
    assert {u["unit"]: u["status"] for u in json.loads(fixed.out)["units"]}["甲镇"] == "已完成"


def test_report_lists_the_skipped_files_in_markdown_and_html(
    capsys: pytest.CaptureFixture[str], root: Path, tmp_path: Path
) -> None:
    base = ("report", "--month", "2022-12", "--skip-invalid", "--ledger", str(root))
    md = run_ledger(capsys, *base)
    assert md.code == 4
    assert (
        "> **注意:以下 1 个进展文件有错误,未计入本通报(各列出第一个错误,修正后重新生成):**\n>\n"
        f"> - {root}/progress/aaz.yaml:8:11 未知条目“1.9”" in md.out.replace("\\", "")
    )
    out = tmp_path / "通报.html"
    html = run_ledger(capsys, *base, "-o", str(out))
    assert html.code == 4
    page = out.read_text(encoding="utf-8")
    assert '<aside class="skipped" role="alert">' in page
    assert f"<code>{root}/progress/aaz.yaml:8:11</code> 未知条目“1.9”" in page


def test_errors_in_the_offices_files_still_refuse(
    capsys: pytest.CaptureFixture[str], write_ledger: Write
) -> None:
    root = write_ledger(
        TASKS.replace("owners: [县财政局]", "owners: [县财正局]"),
        progress={"czj.yaml": CZJ, "aaz.yaml": AAZ},
    )
    run = run_ledger(capsys, "overdue", "--skip-invalid", "--as-of", AS_OF, "--ledger", str(root))
    assert (run.code, run.out) == (2, "")
    assert run.err.startswith(
        "错误:台账有 1 个错误,在分解表或单位名录中(政府办的文件),"
        "--skip-invalid 只跳过有错误的进展文件,这些错误不能跳过"
    )
    assert "[unknown-unit] 未知责任单位“县财正局”" in run.err
    assert "aaz.yaml" not in run.err


def test_a_valid_ledger_is_unaffected(
    capsys: pytest.CaptureFixture[str], write_ledger: Write
) -> None:
    root = write_ledger(progress={"czj.yaml": CZJ})
    plain = run_ledger(capsys, "overdue", "--as-of", AS_OF, "--ledger", str(root))
    skipping = run_ledger(
        capsys, "overdue", "--as-of", AS_OF, "--skip-invalid", "--ledger", str(root)
    )
    assert (skipping.code, skipping.out, skipping.err) == (0, plain.out, plain.err)
