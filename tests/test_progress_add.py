"""`ledger progress add`: the diff is only the added lines; checked first; atomic; locked."""

from __future__ import annotations

import codecs
import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from gongkai_ledger import commands
from gongkai_ledger.commands._app import app
from gongkai_ledger.core.errors import UserError
from gongkai_ledger.core.model import Source, Status, Unit
from gongkai_ledger.files.load import Reader
from gongkai_ledger.files.splice import NewReport, append_report
from gongkai_ledger.files.yamlio import parse_document

from .cli_run import run_process
from .conftest import Write, found
from .profiles import examples

commands.register()  # every command on the app, as `ledger --help` sees them

UNIT = Unit("czj", "县财政局", ("财政局",), "政府工作部门", Source("units.yaml", 2, 5))
REPORT = NewReport(
    item="1.1",
    date=date(2022, 10, 8),
    status=Status.DONE,
    summary="在门户网站“财政预决算”专栏公开: 2022 年预算 #1",
    evidence=("https://example.gov.cn/czyjs?id=1#top",),
)
OPTIONS = {
    "--unit": "财政局",
    "--status": "已完成",
    "--summary": "在门户网站“财政预决算”专栏公开: 2022 年预算 #1",
    "--evidence": "https://example.gov.cn/czyjs?id=1#top",
    "--date": "2022-10-08",
}


def add(item: str = "1.1", **changes: str) -> list[str]:
    """`progress add` arguments: REPORT, with some options changed (`unit="县财正局"`)."""
    options = OPTIONS | {f"--{key}": value for key, value in changes.items()}
    return ["progress", "add", item, *(part for pair in options.items() for part in pair)]


# What add() appends to a file written in the default style.
ADDED = """\
  - item: "1.1"
    date: 2022-10-08
    status: 已完成
    summary: '在门户网站“财政预决算”专栏公开: 2022 年预算 #1'
    evidence: [https://example.gov.cn/czyjs?id=1#top]
"""

EXISTING = """\
# 县财政局的进展。手工维护,请勿改动本注释。
unit: 县财政局

reports:
  - item: '1.1'         # 单引号也可以
    date: 2022-09-20
    status: 推进中
    summary: >-
      已起草公开方案
    evidence:
      - https://example.gov.cn/a

  - {item: "1.1", date: 2022-09-25, status: 推进中, summary: 方案已印发}
  # 下一次报送写在这里之后
"""


def invoke(root: Path, *args: str) -> tuple[int, str, str]:
    """The command in-process; a UserError printed as cli.main prints it."""
    result = CliRunner().invoke(app, [*args, "--ledger", str(root)])
    error = result.exception
    if isinstance(error, UserError):
        return error.exit_code, result.stdout + error.stdout, result.stderr + error.stderr
    if error is not None and not isinstance(error, SystemExit):
        raise error
    return result.exit_code, result.stdout, result.stderr


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The installed command, with its error boundary (usage errors in Chinese, exit 2)."""
    return run_process(*args, "--ledger", str(root))


def reports(path: Path) -> list[tuple[str, date, str, str, tuple[str, ...], str]]:
    document = parse_document(path.read_bytes(), path.name)
    progress = Reader(path.name, document, []).progress_file()
    assert progress is not None
    return [
        (r.item, r.date, r.status.value, r.summary, r.evidence, r.reason) for r in progress.reports
    ]


# -- the diff is exactly the added lines ------------------------------------


def test_appends_after_the_last_report_keeping_every_byte(write_ledger: Write) -> None:
    root = write_ledger(progress={"czj.yaml": EXISTING})
    path = root / "progress" / "czj.yaml"
    old = path.read_bytes()

    code, out, err = invoke(root, *add())

    assert (code, err) == (0, "")
    assert out == f"已向 {path} 追加县财政局对条目 1.1 的进展(已完成,2022-10-08)\n"
    added = (
        "\n"  # the reports in this file are separated by a blank line
        '  - {item: "1.1", date: 2022-10-08, status: 已完成, '
        "summary: '在门户网站“财政预决算”专栏公开: 2022 年预算 #1', "
        "evidence: [https://example.gov.cn/czyjs?id=1#top]}\n"
    )
    assert path.read_bytes() == old + added.encode()
    assert found(root) == []


def test_inserts_before_a_footer_comment(write_ledger: Write) -> None:
    root = write_ledger(
        progress={
            "czj.yaml": """\
                unit: 县财政局
                reports:
                  - item: "1.1"
                    date: 2022-09-20
                    status: 推进中
                    summary: 已起草
                    # evidence 待补
                # 以上为 2022 年报送
                """
        }
    )
    path = root / "progress" / "czj.yaml"
    old = path.read_text(encoding="utf-8")

    assert invoke(root, *add())[0] == 0

    at = old.index("# 以上")
    assert path.read_text(encoding="utf-8") == old[:at] + ADDED + old[at:]
    assert found(root) == []


def test_creates_the_file_with_a_header(write_ledger: Write) -> None:
    root = write_ledger()
    path = root / "progress" / "czj.yaml"

    code, out, _ = invoke(root, *add())

    assert code == 0
    assert out == f"已新建 {path},写入县财政局对条目 1.1 的进展(已完成,2022-10-08)\n"
    text = path.read_text(encoding="utf-8")
    header, body = text.split("unit:", 1)
    assert header.startswith("# 县财政局的政务公开工作进展报告")
    assert all(line.startswith("# ") for line in header.splitlines())
    assert "unit:" + body == "unit: 县财政局\nreports:\n" + ADDED
    assert found(root) == []


def test_creates_the_progress_directory(write_ledger: Write) -> None:
    root = write_ledger()
    (root / "progress").rmdir()
    assert invoke(root, *add())[0] == 0
    assert found(root) == []


def test_crlf_and_bom_are_kept(write_ledger: Write) -> None:
    root = write_ledger()
    path = root / "progress" / "czj.yaml"
    old = codecs.BOM_UTF8 + (
        b'unit: \xe5\x8e\xbf\xe8\xb4\xa2\xe6\x94\xbf\xe5\xb1\x80\r\nreports:\r\n  - item: "1.1"\r\n'
        b"    date: 2022-09-20\r\n    status: \xe6\x8e\xa8\xe8\xbf\x9b\xe4\xb8\xad\r\n"
        b"    summary: x\r\n"
    )
    path.write_bytes(old)
    before = found(root)

    assert invoke(root, *add())[0] == 0

    assert path.read_bytes() == old + ADDED.replace("\n", "\r\n").encode()
    assert found(root) == before == [("czj.yaml", 1, 1, "bom")]  # a warning, as before


def test_a_file_without_a_final_newline(write_ledger: Write) -> None:
    text = 'unit: 县财政局\nreports:\n  - item: "1.1"\n    date: 2022-09-20\n    status: 推进中\n    summary: x'
    root = write_ledger(progress={"czj.yaml": text})
    path = root / "progress" / "czj.yaml"

    assert invoke(root, *add())[0] == 0

    assert path.read_text(encoding="utf-8") == text + "\n" + ADDED
    assert found(root) == []


@pytest.mark.parametrize(
    ("empty", "becomes"),
    [
        ("reports: []\n", "reports:\n"),
        ("reports:\n", "reports:\n"),
        ("reports: ~  # 还没有\n", "reports:   # 还没有\n"),
        ("reports:\n  # 在下面追加\n", "reports:\n  # 在下面追加\n"),
    ],
)
def test_empty_reports(write_ledger: Write, empty: str, becomes: str) -> None:
    root = write_ledger(progress={"czj.yaml": "unit: 县财政局\n" + empty + "# 完\n"})
    path = root / "progress" / "czj.yaml"

    assert invoke(root, *add())[0] == 0

    assert path.read_text(encoding="utf-8") == "unit: 县财政局\n" + becomes + ADDED + "# 完\n"
    assert found(root) == []


# -- the file's own style is followed ----------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        pytest.param(
            """\
            unit: 县财政局
            reports:
            - item: "1.1"
              status: 推进中
              date: 2022-09-20
              summary: x
              evidence:
              - https://example.gov.cn/a
            """,
            """\
            unit: 县财政局
            reports:
            - item: "1.1"
              status: 推进中
              date: 2022-09-20
              summary: x
              evidence:
              - https://example.gov.cn/a
            - item: "1.1"
              status: 已完成
              date: 2022-10-08
              summary: '在门户网站“财政预决算”专栏公开: 2022 年预算 #1'
              evidence:
              - https://example.gov.cn/czyjs?id=1#top
            """,
            id="indentless, own key order, block evidence",
        ),
        pytest.param(
            """\
            unit: 县财政局
            reports:
                -   item: '1.2'
                    date: 2022-09-20
                    status: 推进中
                    summary: x
                    evidence:
                        - https://example.gov.cn/a
            """,
            """\
            unit: 县财政局
            reports:
                -   item: '1.2'
                    date: 2022-09-20
                    status: 推进中
                    summary: x
                    evidence:
                        - https://example.gov.cn/a
                -   item: '1.1'
                    date: 2022-10-08
                    status: 已完成
                    summary: '在门户网站“财政预决算”专栏公开: 2022 年预算 #1'
                    evidence:
                        - https://example.gov.cn/czyjs?id=1#top
            """,
            id="four spaces, single quotes",
        ),
        pytest.param(
            """\
            reports: [{item: "1.2", date: 2022-09-20, status: 推进中, summary: x}]
            unit: 县财政局
            """,
            """\
            reports: [{item: "1.2", date: 2022-09-20, status: 推进中, summary: x}, {item: "1.1", date: 2022-10-08, status: 已完成, summary: '在门户网站“财政预决算”专栏公开: 2022 年预算 #1', evidence: [https://example.gov.cn/czyjs?id=1#top]}]
            unit: 县财政局
            """,
            id="flow list",
        ),
        pytest.param(
            """\
            unit: 县财政局
            reports: [
              {item: "1.2", date: 2022-09-20, status: 推进中, summary: x},
            ]
            """,
            """\
            unit: 县财政局
            reports: [
              {item: "1.2", date: 2022-09-20, status: 推进中, summary: x},
              {item: "1.1", date: 2022-10-08, status: 已完成, summary: '在门户网站“财政预决算”专栏公开: 2022 年预算 #1', evidence: [https://example.gov.cn/czyjs?id=1#top]},
            ]
            """,
            id="flow list, one report a line",
        ),
        pytest.param(
            """\
            unit: 县财政局
            """,
            """\
            unit: 县财政局
            reports:
              - item: "1.1"
                date: 2022-10-08
                status: 已完成
                summary: '在门户网站“财政预决算”专栏公开: 2022 年预算 #1'
                evidence: [https://example.gov.cn/czyjs?id=1#top]
            """,
            id="no reports key",
        ),
    ],
)
def test_follows_the_file_style(old: str, new: str) -> None:
    written = append_report(textwrap.dedent(old).encode(), UNIT, REPORT, "czj.yaml")
    assert written.decode() == textwrap.dedent(new)


@pytest.mark.parametrize(
    "summary",
    [
        "a: b",
        "#1 号文件",
        "- 列表",
        "[方括号]",
        "{花括号}",
        "'单引号'",
        '"双引号"',
        "no",
        "12:30",
        "2022-10-08",
        "0x1F",
        "  前后空格  ",
        "多行\n文本",
        "@某人",
        "`代码`",
        "! ! !",
        "% 百分号",
        "a\tb",
        "行\u2028分隔",
        "逗号, 与 # 号",
    ],
)
def test_summary_reads_back_exactly(summary: str) -> None:
    report = NewReport("1.1", date(2022, 10, 8), Status.IN_PROGRESS, summary, ("https://x/y,z",))
    old = 'unit: 县财政局\nreports:\n  - item: "1.1"\n    date: 2022-09-20\n    status: 推进中\n    summary: x\n'
    new = append_report(old.encode(), UNIT, report, "czj.yaml")
    assert new.startswith(old.encode())
    assert new.decode()[len(old) :].count("\n") == 5  # one line per key
    document = parse_document(new, "czj.yaml")
    progress = Reader("czj.yaml", document, []).progress_file()
    assert progress is not None
    last = progress.reports[-1]
    assert (last.item, last.summary, last.evidence) == ("1.1", summary, ("https://x/y,z",))


_LAYOUTS = [
    'unit: 县财政局\nreports:\n  - item: "1.1"\n    date: 2022-09-20\n    status: 推进中\n    summary: x\n',
    "unit: 县财政局\r\nreports:\r\n- item: '1.1'\r\n  date: 2022-09-20\r\n  status: 推进中\r\n  summary: x\r\n",
    'unit: 县财政局\nreports: [{item: "1.1", date: 2022-09-20, status: 推进中, summary: x}]\n',
    "unit: 县财政局\nreports:\n",
]
_TEXT = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=30)


@settings(max_examples=examples(150))
@given(
    layout=st.sampled_from(_LAYOUTS),
    summary=_TEXT.filter(lambda s: bool(s.strip())),
    evidence=st.lists(_TEXT.map(str.strip).filter(bool), max_size=3),
    reason=_TEXT.map(str.strip),
)
def test_any_text_appends_and_reads_back(
    layout: str, summary: str, evidence: list[str], reason: str
) -> None:
    report = NewReport(
        "1.1", date(2022, 10, 8), Status.IN_PROGRESS, summary, tuple(evidence), reason
    )
    old = layout.encode()
    new = append_report(old, UNIT, report, "czj.yaml")
    if not layout.endswith("]\n") and not layout.endswith("reports:\n"):
        assert new.startswith(old)
    before = parse_document(old, "czj.yaml")
    after = parse_document(new, "czj.yaml")
    old_reports = Reader("czj.yaml", before, []).progress_file()
    new_reports = Reader("czj.yaml", after, []).progress_file()
    assert old_reports is not None and new_reports is not None
    assert new_reports.reports[:-1] == old_reports.reports
    last = new_reports.reports[-1]
    assert (last.summary, last.evidence, last.reason) == (summary, tuple(evidence), reason)


# -- refused: nothing written ------------------------------------------------


@pytest.mark.parametrize(
    ("change", "rule"),
    [
        ({"item": "9.9"}, "unknown-item"),
        ({"item": "1.2"}, "not-owner"),
        ({"status": "不涉及"}, "na-reason"),
        ({"date": "2999-01-01"}, "future-report"),
    ],
)
@pytest.mark.parametrize("exists", [True, False])
def test_refused_report_leaves_the_file_untouched(
    write_ledger: Write, change: dict[str, str], rule: str, exists: bool
) -> None:
    root = write_ledger(progress={"czj.yaml": EXISTING} if exists else {})
    path = root / "progress" / "czj.yaml"
    old = path.read_bytes() if exists else None

    code, out, err = invoke(root, *add(**change))

    assert code == 1
    assert f"[{rule}]" in out and out.startswith(f"{path}:")
    assert "未写入" in err and "保持不变" in err
    assert (path.read_bytes() if path.exists() else None) == old
    assert found(root) == []


def test_unknown_item_gets_a_hint(write_ledger: Write) -> None:
    root = write_ledger()
    code, out, _ = invoke(root, *add("1.11"))
    assert code == 1
    assert "未知条目“1.11”(是否为“1.1”?)" in out


def test_an_existing_error_does_not_block_an_unrelated_report(write_ledger: Write) -> None:
    broken = EXISTING.replace("status: 推进中\n    summary: >-", "status: 推进\n    summary: >-")
    root = write_ledger(progress={"czj.yaml": broken})
    assert [r for *_, r in found(root)] == ["unknown-status"]
    assert invoke(root, *add())[0] == 0
    assert [r for *_, r in found(root)] == ["unknown-status"]


def test_a_file_that_does_not_parse_is_not_touched(write_ledger: Write) -> None:
    root = write_ledger(progress={"czj.yaml": "unit: 县财政局\nreports: [\n"})
    path = root / "progress" / "czj.yaml"
    old = path.read_bytes()
    code, out, err = invoke(root, *add())
    assert code == 1
    assert "[syntax]" in out and "无法安全追加" in err
    assert path.read_bytes() == old


def test_unknown_unit_gets_a_hint(write_ledger: Write) -> None:
    result = run(write_ledger(), *add(unit="县财正局"))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "错误:未知单位“县财正局”(是否为“县财政局”?)\n"


def test_a_group_is_not_a_unit(write_ledger: Write) -> None:
    result = run(write_ledger(), *add(unit="各乡镇"))
    assert result.returncode == 2
    assert "“各乡镇”是单位组" in result.stderr and "甲镇、乙乡" in result.stderr


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"status": "完成"},
            "--status 只能是 未启动、推进中、已完成、不涉及,不能是“完成”是否为“已完成”?",
        ),
        ({"date": "2022-13-01"}, "--date“2022-13-01”不是有效日期"),
        ({"summary": " "}, "请用 --summary 写明进展摘要"),
    ],
)
def test_usage_errors_in_chinese(write_ledger: Write, change: dict[str, str], message: str) -> None:
    root = write_ledger()
    result = run(root, *add(**change))
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (root / "progress" / "czj.yaml").exists()


def test_not_applicable_with_a_reason_needs_no_summary(write_ledger: Write) -> None:
    root = write_ledger()
    code, _, _ = invoke(
        root, "progress", "add", "1.2", "--unit", "甲镇", "--status", "不涉及",
        "--reason", "本镇无此项工作", "--date", "2022-10-08",
    )  # fmt: skip
    assert code == 0
    assert (
        (root / "progress" / "aaz.yaml")
        .read_text(encoding="utf-8")
        .endswith(
            '  - item: "1.2"\n    date: 2022-10-08\n    status: 不涉及\n    reason: 本镇无此项工作\n'
        )
    )
    assert found(root) == []


# -- symlinks ----------------------------------------------------------------

needs_symlinks = pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges")


@needs_symlinks
def test_refuses_a_progress_directory_linked_outside(write_ledger: Write, tmp_path: Path) -> None:
    root = write_ledger()
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (root / "progress").rmdir()
    (root / "progress").symlink_to(outside)

    code, _, err = invoke(root, *add())

    assert code == 2
    assert "拒绝写入" in err and "符号链接" in err
    assert list(outside.iterdir()) == []


@needs_symlinks
def test_refuses_a_progress_file_linked_outside(write_ledger: Write, tmp_path: Path) -> None:
    root = write_ledger()
    victim = tmp_path / "victim.yaml"
    victim.write_text(textwrap.dedent(EXISTING), encoding="utf-8")
    old = victim.read_bytes()
    (root / "progress" / "czj.yaml").symlink_to(victim)

    code, _, err = invoke(root, *add())

    assert code == 2
    assert "拒绝写入" in err
    assert victim.read_bytes() == old
    assert not (tmp_path / "victim.yaml.lock").exists()


@needs_symlinks
def test_an_old_lock_file_that_is_a_symlink_is_never_opened(
    write_ledger: Write, tmp_path: Path
) -> None:
    """The lock is the file's own flock: a `czj.yaml.lock` planted beside it is not touched."""
    root = write_ledger()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    (root / "progress" / "czj.yaml.lock").symlink_to(victim)

    code, _, err = invoke(root, *add())

    assert (code, err) == (0, "")
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert (root / "progress" / "czj.yaml.lock").is_symlink()


@needs_symlinks
def test_follows_a_symlink_inside_the_ledger(write_ledger: Write) -> None:
    root = write_ledger()
    (root / "archive").mkdir()
    real = root / "archive" / "czj.yaml"
    real.write_text("unit: 县财政局\nreports:\n", encoding="utf-8")
    link = root / "progress" / "czj.yaml"
    link.symlink_to(Path("..") / "archive" / "czj.yaml")

    assert invoke(root, *add())[0] == 0

    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "unit: 县财政局\nreports:\n" + ADDED
    assert found(root) == []


# -- atomic writes and concurrency ------------------------------------------


def test_a_failed_write_leaves_the_old_file(
    write_ledger: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_ledger(progress={"czj.yaml": EXISTING})
    path = root / "progress" / "czj.yaml"
    old = path.read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    code, _, err = invoke(root, *add())
    monkeypatch.undo()

    assert code == 2
    assert err.startswith(f"错误:写入 {path} 失败:磁盘已满")
    assert path.read_bytes() == old
    assert sorted(p.name for p in path.parent.iterdir()) == ["czj.yaml"]


CRASH = """\
import os, sys, time
from pathlib import Path

marker = Path(sys.argv[1])

def stalled(src, dst):  # the new content is in the temp file; the old file not yet replaced
    marker.write_text(str(src), encoding="utf-8")
    time.sleep(120)

os.replace = stalled
from gongkai_ledger.cli import main
sys.argv = ["ledger", *sys.argv[2:]]
main()
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_process_killed_mid_write_leaves_the_old_file(
    write_ledger: Write, tmp_path: Path
) -> None:
    root = write_ledger(progress={"czj.yaml": EXISTING})
    path = root / "progress" / "czj.yaml"
    old = path.read_bytes()
    marker = tmp_path / "temp-file-written"
    process = subprocess.Popen(
        [sys.executable, "-c", CRASH, str(marker), *add(), "--ledger", str(root)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert marker.exists(), "the writer never reached the replace step"
        temp = Path(marker.read_text(encoding="utf-8"))
        assert temp.parent == path.parent and temp.name.startswith(".czj.yaml.")
        assert temp.read_bytes().startswith(old)  # fully written, fsynced, not yet in place
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()

    assert process.returncode == -signal.SIGKILL
    assert path.read_bytes() == old
    assert found(root) == []  # the stray temp file is not a ledger file
    # The dead process's lock is gone with it: the next writer gets through.
    assert invoke(root, *add())[0] == 0
    assert len(reports(path)) == 3
    assert found(root) == []


@pytest.mark.slow
def test_twenty_concurrent_writers_leave_twenty_reports(write_ledger: Write) -> None:
    root = write_ledger(progress={"czj.yaml": EXISTING})
    path = root / "progress" / "czj.yaml"
    old = path.read_bytes()
    command = [sys.executable, "-m", "gongkai_ledger", "progress", "add", "1.1"]
    processes = [
        subprocess.Popen(
            [
                *command,
                *("--unit", "县财政局", "--status", "推进中", "--date", "2022-10-08"),
                *("--summary", f"第 {n} 次报送", "--ledger", str(root)),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(20)
    ]
    results = [(p.wait(timeout=300), *p.communicate()) for p in processes]

    assert [(code, err) for code, _, err in results] == [(0, "")] * 20
    new = path.read_bytes()
    assert new.startswith(old)
    summaries = [summary for _, _, _, summary, _, _ in reports(path)[2:]]
    assert sorted(summaries) == sorted(f"第 {n} 次报送" for n in range(20))
    assert found(root) == []
    assert sorted(p.name for p in path.parent.iterdir()) == ["czj.yaml"]


@pytest.mark.slow
def test_added_report_is_already_in_fmt_layout(write_ledger: Write) -> None:
    """`progress add` writes keys in the order `ledger fmt` keeps, so fmt --check stays clean."""

    root = write_ledger()
    add = run_process(
        "progress", "add", "1.2", "--unit", "甲镇", "--status", "不涉及",
        "--reason", "本镇无此事项", "--evidence", "https://example.gov.cn/n",
        "--date", "2022-10-01", "--ledger", str(root),
    )  # fmt: skip
    assert add.returncode == 0, add.stderr
    fmt = run_process("fmt", "--check", str(root / "progress" / "aaz.yaml"))
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr
