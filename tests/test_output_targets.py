"""Where `-o` writes: stdout, regular files (atomically), devices and pipes (through), never
the ledger; which format a file name asks for."""

from __future__ import annotations

import os
import shutil
import stat
import threading
from pathlib import Path

import pytest

from .cli_run import run_ledger, run_process
from .git_repo import commit_all
from .ledgers import SHIPPED

AS_OF = ("--as-of", "2022-12-31")
# Every command with -o, with what it needs to run on the shipped ledger.
WITH_OUTPUT = {
    "export": ["export", "--ledger", "data", *AS_OF],
    "report": ["report", "--ledger", "data", "--month", "2022-12"],
    "codeowners": ["codeowners", "--ledger", "data"],
}


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory holding a copy of the shipped ledger as data/."""
    shutil.copytree(SHIPPED, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def device(path: Path, minor: int) -> Path:
    """A private copy of /dev/null (minor 3) or /dev/full (minor 7): the tests run as root in
    CI, where replacing the real ones would break the machine."""
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    return path


# -- item 10: special files ----------------------------------------------------------


@pytest.mark.parametrize("name", WITH_OUTPUT)
def test_a_null_device_stays_a_device(
    name: str, here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    null = device(here / "null", 3)
    result = run_ledger(capsys, *WITH_OUTPUT[name], "-o", str(null))
    assert result.code == 0, result.err
    assert stat.S_ISCHR(os.lstat(null).st_mode)


def test_a_full_device_is_a_chinese_error(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    full = device(here / "full", 7)
    result = run_ledger(capsys, *WITH_OUTPUT["report"], "-o", str(full))
    assert (result.code, result.err) == (2, f"错误:无法写入“{full}”:磁盘已满\n")
    assert stat.S_ISCHR(os.lstat(full).st_mode)


@pytest.mark.slow
def test_a_fifo_is_written_through(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = here / "pipe"
    os.mkfifo(fifo)
    os.link(fifo, here / "same-pipe")  # to release the reader if the pipe were replaced
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = run_ledger(capsys, *WITH_OUTPUT["report"], "-o", str(fifo))
    replaced = not stat.S_ISFIFO(os.lstat(fifo).st_mode)
    if replaced:
        (here / "same-pipe").open("wb").close()
    reader.join()
    assert result.code == 0, result.err
    assert not replaced
    assert received[0].decode("utf-8") == run_ledger(capsys, *WITH_OUTPUT["report"]).out


def test_a_symlink_replaces_the_file_it_points_to(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "out").mkdir()
    target = here / "out" / "通报.md"
    target.write_text("旧的\n", encoding="utf-8")
    link = here / "latest.md"
    link.symlink_to(target)
    result = run_ledger(capsys, *WITH_OUTPUT["report"], "-o", str(link))
    assert result.code == 0, result.err
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == run_ledger(capsys, *WITH_OUTPUT["report"]).out


def test_a_symlink_to_a_ledger_file_is_refused(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = here / "tasks.md"
    link.symlink_to(here / "data" / "tasks.yaml")
    before = (here / "data" / "tasks.yaml").read_bytes()
    result = run_ledger(capsys, *WITH_OUTPUT["report"], "-o", str(link))
    assert result.code == 2
    assert "是台账文件,不能用作输出文件" in result.err
    assert (here / "data" / "tasks.yaml").read_bytes() == before


@pytest.mark.slow
def test_a_path_to_an_open_descriptor_writes_to_it(tmp_path: Path) -> None:
    """/dev/stdout is a link to /proc/self/fd/1: written to, never replaced by a file."""
    shutil.copytree(SHIPPED, tmp_path / "data")
    link = tmp_path / "stdout.md"
    link.symlink_to("/proc/self/fd/1")
    result = run_process(*WITH_OUTPUT["report"], "-o", str(link), cwd=tmp_path, text=False)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode("utf-8").startswith("# ")
    assert link.is_symlink()


@pytest.mark.parametrize("name", [*WITH_OUTPUT, "diff"])
def test_dash_is_standard_output(name: str, here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if name == "diff":
        commit_all(here)
        args = ["diff", "HEAD", "--ledger", "data", *AS_OF]
    else:
        args = WITH_OUTPUT[name]
    expected = run_ledger(capsys, *args)
    result = run_ledger(capsys, *args, "-o", "-")
    assert (result.code, result.out, result.err) == (0, expected.out, "")
    assert not (here / "-").exists()


# -- item 18, item 14: output inside the ledger, unwritable directories -------------------


@pytest.mark.parametrize("output", ["data/progress", "data/progress/schema"])
def test_schema_never_writes_into_progress(
    output: str, here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(p.name for p in (here / "data" / "progress").iterdir())
    result = run_ledger(capsys, "schema", "-o", output)
    assert result.code == 2
    assert f"“{output}”是台账的进展目录 progress/ 或在其中,不能用作输出" in result.err
    assert sorted(p.name for p in (here / "data" / "progress").iterdir()) == before


def test_no_output_inside_a_progress_subfolder(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_ledger(capsys, *WITH_OUTPUT["export"], "-o", "data/progress/old/x.json")
    assert result.code == 2
    assert "进展目录 progress/ 或在其中" in result.err
    assert not (here / "data" / "progress" / "old").exists()


def test_schema_to_standard_output(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = run_ledger(capsys, "schema", "--file", "progress")
    result = run_ledger(capsys, "schema", "--file", "progress", "-o", "-")
    assert (result.code, result.out, result.err) == (0, expected.out, "")
    assert not (here / "-").exists()


def test_schema_into_a_directory_it_cannot_make(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_ledger(capsys, "schema", "-o", "/proc/sys/gongkai-ledger-test")
    assert (result.code, result.err) == (
        2,
        "错误:无法创建目录“/proc/sys/gongkai-ledger-test”:文件或目录不存在\n",
    )


# -- item 11: the format follows the file name ---------------------------------------


@pytest.mark.slow  # over a second (--durations)
def test_export_to_an_xlsx_name_writes_a_workbook(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import load_workbook

    result = run_ledger(capsys, *WITH_OUTPUT["export"], "-o", "台账.xlsx")
    assert result.code == 0, result.err
    assert load_workbook(here / "台账.xlsx").sheetnames[-1] == "说明"


def test_export_to_a_csv_name_writes_csv(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_ledger(capsys, *WITH_OUTPUT["export"], "-o", "台账.CSV").code == 0
    assert (here / "台账.CSV").read_text(encoding="utf-8").startswith("\ufeffitem,")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            [*WITH_OUTPUT["report"], "-o", "通报.odt"],
            "用法错误:不能按扩展名“.odt”写出“通报.odt”:可用的扩展名只有 "
            ".md、.markdown、.txt、.html、.htm、.docx、.pdf(也可以不写扩展名,用 --format 指定格式)\n",
        ),
        (
            [*WITH_OUTPUT["export"], "-o", "台账.docx"],
            "用法错误:不能按扩展名“.docx”写出“台账.docx”:可用的扩展名只有 "
            ".json、.csv、.xlsx(也可以不写扩展名,用 --format 指定格式)\n",
        ),
        (
            [*WITH_OUTPUT["export"], "--format", "json", "-o", "台账.xlsx"],
            "用法错误:--format json 与 -o 文件“台账.xlsx”的扩展名矛盾(“.xlsx”是 xlsx 格式);"
            "请去掉 --format,或把文件名改为 .json\n",
        ),
        (
            [*WITH_OUTPUT["report"], "--format", "md", "-o", "通报.html"],
            "用法错误:--format md 与 -o 文件“通报.html”的扩展名矛盾(“.html”是 html 格式);"
            "请去掉 --format,或把文件名改为 .md\n",
        ),
        (
            [*WITH_OUTPUT["codeowners"], "-o", "CODEOWNERS.md"],
            "用法错误:不能按扩展名“.md”写出“CODEOWNERS.md”:可用的扩展名只有 .txt(也可以不写扩展名)\n",
        ),
        (
            ["diff", "--ledger", "data", "-o", "变更.html"],
            "用法错误:不能按扩展名“.html”写出“变更.html”:可用的扩展名只有 "
            ".md、.markdown、.txt(也可以不写扩展名)\n",
        ),
    ],
    ids=["report-odt", "export-docx", "export-contradiction", "report-contradiction", "co", "diff"],
)
def test_a_name_no_format_has_is_a_usage_error(
    args: list[str], message: str, here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_ledger(capsys, *args)
    assert (result.code, result.err) == (2, message)
    assert not (here / args[-1]).exists()
