"""Writers and readers of ledger files: one lock for every writer, nothing left behind, only
regular files inside the repository are read, and every failure is a Chinese message."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

import gongkai_ledger

from .cli_run import LEDGER, run_ledger, run_process
from .conftest import Write, found
from .ledgers import TASKS, UNITS

NOBODY = 65534  # an account with no rights of its own: the "other user" of a shared checkout


def progress_yaml(count: int, newline: str = "\n") -> str:
    """A progress file of 县财政局 with `count` reports, in a layout `fmt` changes."""
    lines = ["unit: 县财政局", "reports:"]
    for n in range(count):
        lines += [
            "- item: '1.1'",  # an indentless list and single quotes: fmt rewrites both
            "  date: 2022-09-20",
            "  status: 推进中",
            f"  summary: 旧进展 {n}",
        ]
    return newline.join(lines) + newline


def summaries(root: Path) -> list[str]:
    from gongkai_ledger.files.load import load_ledger

    ledger = load_ledger(root).ledger
    return [r.summary for p in ledger.progress for r in p.reports]


# -- item 1: fmt and progress add take the same lock and read under it ------------------------


@pytest.mark.slow
def test_twenty_adds_against_twenty_fmts_lose_no_report(write_ledger: Write) -> None:
    root = write_ledger()
    path = root / "progress" / "czj.yaml"
    path.write_bytes(progress_yaml(600, "\r\n").encode("utf-8"))

    def add(n: int) -> list[str]:
        return [
            *LEDGER,
            *("progress", "add", "1.1", "--unit", "县财政局", "--status", "推进中"),
            *("--date", "2022-10-08", "--summary", f"新进展 {n}", "--ledger", str(root)),
        ]

    commands = [c for n in range(20) for c in (add(n), [*LEDGER, "fmt", str(path)])]
    processes = [
        subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for c in commands
    ]
    results = [(p.wait(timeout=600), *p.communicate()) for p in processes]

    saved = [
        f"新进展 {n}"
        for n, (code, out, _) in enumerate(results[0::2])
        if code == 0 and "追加" in out
    ]
    assert sorted(s for s in summaries(root) if s.startswith("新进展")) == sorted(saved)
    assert [(code, err) for code, _, err in results[0::2]] == [(0, "")] * 20
    assert [code for code, _, _ in results[1::2]] == [0] * 20, [e for _, _, e in results[1::2]]
    assert found(root) == []
    assert sorted(p.name for p in path.parent.iterdir()) == ["czj.yaml"]


# -- item 13: shared checkouts -----------------------------------------------------------------


@pytest.fixture
def shared(tmp_path: Path) -> Iterator[Path]:
    """A ledger every account may write (pytest's own tmp_path is private to root)."""
    base = Path(tempfile.mkdtemp(prefix="ledger-shared-"))
    try:
        base.chmod(0o755)
        root = base / "ledger"
        (root / "progress").mkdir(parents=True)
        (root / "tasks.yaml").write_text(textwrap.dedent(TASKS), encoding="utf-8")
        (root / "units.yaml").write_text(textwrap.dedent(UNITS), encoding="utf-8")
        for directory in (root, root / "progress"):
            directory.chmod(0o777)
        yield root
    finally:
        shutil.rmtree(base)


def as_other_user(*args: str) -> subprocess.CompletedProcess[str]:
    """`ledger …` in a separate process of another account (when the tests run as root)."""
    user = NOBODY if os.geteuid() == 0 else None
    return subprocess.run(
        [_interpreter_for(user), "-m", "gongkai_ledger", *args],
        capture_output=True,
        text=True,
        check=False,
        user=user,
        group=user,
        extra_groups=[] if user is not None else None,
        env={**os.environ, "HOME": "/nonexistent", "PYTHONPATH": os.pathsep.join(_IMPORTABLE)},
        timeout=300,
    )


# This package and its dependencies, for an interpreter that is not this virtualenv's.
_IMPORTABLE = (
    str(Path(gongkai_ledger.__file__).resolve().parent.parent),
    sysconfig.get_paths()["purelib"],
)


@functools.cache
def _interpreter_for(user: int | None) -> str:
    """This interpreter, or the system's of the same version (ours may be in root's home)."""
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    for candidate in (sys.executable, f"/usr/bin/python{version}", "/usr/bin/python3"):
        try:
            probe = subprocess.run(
                [candidate, "-c", "import sys; print(*sys.version_info[:2], sep='.')"],
                capture_output=True,
                text=True,
                check=False,
                user=user,
                group=user,
                extra_groups=[] if user is not None else None,
            )
        except OSError:
            continue
        if probe.returncode == 0 and probe.stdout.strip() == version:
            return candidate
    raise AssertionError(f"no Python {version} that uid {user} may run")


def add_args(root: Path, summary: str) -> list[str]:
    return [
        *("progress", "add", "1.1", "--unit", "县财政局", "--status", "推进中"),
        *("--date", "2022-10-08", "--summary", summary, "--ledger", str(root)),
    ]


@pytest.mark.slow  # over a second (--durations)
def test_another_accounts_lock_does_not_block_and_nothing_is_left(shared: Path) -> None:
    progress = shared / "progress"
    first = run_process(*add_args(shared, "第一个账户"), text=False)
    assert first.returncode == 0, first.stderr.decode()
    (progress / "czj.yaml").chmod(0o666)  # the shared checkout: everyone may write the file
    assert sorted(p.name for p in progress.iterdir()) == ["czj.yaml"]

    stale = progress / "aaz.yaml.lock"  # as an older version left it: 0644, another owner
    stale.write_bytes(b"")
    stale.chmod(0o644)
    aaz = progress / "aaz.yaml"
    aaz.write_text(progress_yaml(0).replace("县财政局", "甲镇"), encoding="utf-8")
    aaz.chmod(0o666)

    second = as_other_user(*add_args(shared, "第二个账户"))
    town = as_other_user(
        *("progress", "add", "1.2", "--unit", "甲镇", "--status", "推进中"),
        *("--date", "2022-10-08", "--summary", "乡镇报送", "--ledger", str(shared)),
    )
    formatted = as_other_user("fmt", str(shared))

    assert (second.returncode, second.stderr) == (0, "")
    assert (town.returncode, town.stderr) == (0, "")
    assert formatted.returncode == 0, formatted.stderr
    assert sorted(summaries(shared)) == ["乡镇报送", "第一个账户", "第二个账户"]
    assert sorted(p.name for p in progress.iterdir()) == ["aaz.yaml", "aaz.yaml.lock", "czj.yaml"]
    stale.unlink()
    assert found(shared) == []


# -- item 14: failures to read or write are messages, not internal errors ----------------------


def test_fmt_in_a_read_only_directory_says_so(shared: Path) -> None:
    path = shared / "progress" / "czj.yaml"
    path.write_text(progress_yaml(2), encoding="utf-8")
    path.chmod(0o666)
    before = path.read_bytes()
    (shared / "progress").chmod(0o555)

    result = as_other_user("fmt", str(path))

    assert result.returncode == 2
    assert f"错误:写入 {path} 失败:没有权限" in result.stderr
    assert "程序内部错误" not in result.stderr
    assert result.stderr.endswith("(原文件未改动)\n1 个文件无法写入,未改动\n")
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["czj.yaml"]


def test_fmt_on_a_full_disk_leaves_the_file(
    write_ledger: Write, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_ledger(progress={"czj.yaml": progress_yaml(2)})
    path = root / "progress" / "czj.yaml"
    before = path.read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    result = run_ledger(capsys, "fmt", str(path))
    monkeypatch.undo()

    assert result.code == 2
    assert result.err.startswith(f"错误:写入 {path} 失败:磁盘已满(原文件未改动)\n")
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["czj.yaml"]


@pytest.mark.slow
def test_an_unreadable_progress_directory_is_a_message(shared: Path) -> None:
    (shared / "progress" / "czj.yaml").write_text(progress_yaml(1), encoding="utf-8")
    (shared / "progress").chmod(0o000)
    try:
        for args in (["check"], ["overdue"], ["fmt"]):
            result = as_other_user(*args, "--ledger", str(shared))
            assert result.returncode == 2, (args, result.stderr)
            assert f"错误:无法读取目录 {shared / 'progress'}:没有权限" in result.stderr, args
    finally:
        (shared / "progress").chmod(0o777)


def test_add_to_a_file_ending_in_a_block_scalar_without_a_line_break(
    write_ledger: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_ledger()
    path = root / "progress" / "czj.yaml"
    path.write_text(
        'unit: 县财政局\nreports:\n  - item: "1.1"\n    date: 2022-09-20\n'
        "    status: 推进中\n    summary: |\n      已起草\n      方案",
        encoding="utf-8",
    )

    result = run_ledger(capsys, *add_args(root, "再次报送"))

    assert (result.code, result.err) == (0, "")
    assert summaries(root) == ["已起草\n方案", "再次报送"]
    assert path.read_text(encoding="utf-8").startswith(
        'unit: 县财政局\nreports:\n  - item: "1.1"\n    date: 2022-09-20\n'
        "    status: 推进中\n    summary: |-\n      已起草\n      方案\n  - item:"
    )
    assert found(root) == []


def test_fmt_on_a_value_400_levels_deep_is_a_problem(
    write_ledger: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = "[" * 400 + "]" * 400
    root = write_ledger(progress={"czj.yaml": progress_yaml(1) + f"note: {deep}\n"})
    before = (root / "progress" / "czj.yaml").read_bytes()

    result = run_ledger(capsys, "fmt", "--ledger", str(root))

    assert result.code == 1
    assert "progress/czj.yaml:1:1: 错误 [syntax] 嵌套层级过深,无法自动排版,文件未改动" in result.out
    assert (root / "progress" / "czj.yaml").read_bytes() == before


def test_a_huge_max_file_mb_reads_with_a_bounded_buffer(
    write_ledger: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    """The largest --max-file-mb (1024) does not allocate its size up front; a larger one is
    a usage error."""
    root = write_ledger()
    result = run_ledger(
        capsys, "check", "--max-file-mb", "1024", "--as-of", "2022-12-31", "--ledger", str(root)
    )
    assert (result.code, result.out) == (0, "")
    result = run_ledger(capsys, "check", "--max-file-mb", "30000000", "--ledger", str(root))
    assert result.code == 2 and "不大于 1024 的整数" in result.err


# -- item 5: ledger files that resolve outside the repository are not read ---------------------

SECRET = "unit: 县财政局\nreports:\n  - item: 秘密内容-请勿外传\n"


@pytest.mark.parametrize("name", ["progress/leak.yaml", "tasks.yaml", "units.yaml"])
def test_a_link_out_of_the_repository_is_refused_and_never_echoed(
    write_ledger: Write, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    root = write_ledger()
    secret = tmp_path / "elsewhere" / "secret.yml"
    secret.parent.mkdir()
    secret.write_text(SECRET, encoding="utf-8")
    link = root / name
    link.unlink(missing_ok=True)
    link.symlink_to(secret)
    problem = f"{link}:1:1: 错误 [foreign-file] {link} 指向仓库之外的 {secret},不会被读取"

    checked = run_ledger(capsys, "check", "--format", "github", "--ledger", str(root))
    formatted = run_ledger(capsys, "fmt", "--ledger", str(root))
    overdue = run_ledger(capsys, "overdue", "--ledger", str(root))
    added = run_ledger(capsys, *add_args(root, "报送"))

    assert checked.code == 1
    assert "title=foreign-file" in checked.out and "指向仓库之外" in checked.out
    assert formatted.code == 1 and problem in formatted.out
    assert overdue.code == 2 and "foreign-file" in overdue.out + overdue.err
    assert added.code == (2 if name == "units.yaml" else 1 if name == "tasks.yaml" else 0)
    if name == "units.yaml":
        assert added.err == f"错误:{link} 指向仓库之外的 {secret},不会被读取\n"
    for result in (checked, formatted, overdue, added):
        assert "秘密内容" not in result.out + result.err
    assert secret.read_text(encoding="utf-8") == SECRET


def test_a_link_inside_the_git_work_tree_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = tmp_path / "repo"
    root = repo / "data"
    (root / "progress").mkdir(parents=True)
    (repo / ".git").mkdir()  # the work tree is what holds .git
    (root / "tasks.yaml").write_text(textwrap.dedent(TASKS), encoding="utf-8")
    (root / "units.yaml").write_text(textwrap.dedent(UNITS), encoding="utf-8")
    (repo / "archive").mkdir()
    (repo / "archive" / "czj.yaml").write_text(progress_yaml(1), encoding="utf-8")
    (root / "progress" / "czj.yaml").symlink_to(Path("../../archive/czj.yaml"))

    result = run_ledger(capsys, "check", "--as-of", "2022-12-31", "--ledger", str(root))
    formatted = run_ledger(capsys, "fmt", str(root / "progress" / "czj.yaml"))

    assert (result.code, result.out) == (0, "")
    assert formatted.code == 0 and formatted.out.startswith("已排版")
    assert (root / "progress" / "czj.yaml").is_symlink()  # fmt writes the file, keeps the link
    assert (
        (repo / "archive" / "czj.yaml")
        .read_text(encoding="utf-8")
        .startswith('unit: 县财政局\nreports:\n  - item: "1.1"\n')
    )
    assert summaries(root) == ["旧进展 0"]


# -- item 8: one size cap and regular files only -----------------------------------------------


@pytest.mark.slow  # over a second (--durations)
def test_a_fifo_in_progress_does_not_hang_any_reader(write_ledger: Write) -> None:
    root = write_ledger()
    fifo = root / "progress" / "pipe.yaml"
    os.mkfifo(fifo)
    message = f"{fifo.relative_to(root)}:1:1: 错误 [foreign-file] "
    for args in (["check"], ["fmt"], ["fmt", "--check"], ["overdue"]):
        # The timeout only stops a hang from stopping the suite; nothing is timed.
        result = run_process(*args, "--ledger", ".", cwd=root, timeout=120)
        assert result.returncode in (1, 2), (args, result.stderr)
        assert message + "progress/pipe.yaml 是命名管道(FIFO),不是普通文件,不会被读取" in (
            result.stdout + result.stderr
        ), args


def test_a_fifo_as_tasks_yaml_is_named_as_such(write_ledger: Write) -> None:
    root = write_ledger()
    (root / "tasks.yaml").unlink()
    os.mkfifo(root / "tasks.yaml")
    # the timeout only so that a hang cannot stop the suite
    result = run_process("check", "--ledger", ".", cwd=root, timeout=120)
    assert result.returncode == 2
    assert "tasks.yaml 是命名管道(FIFO),不是普通文件" in result.stderr


def test_a_link_to_dev_zero_is_not_read(
    write_ledger: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_ledger()
    (root / "progress" / "zero.yaml").symlink_to("/dev/zero")

    for args in (["fmt"], ["check"]):
        result = run_ledger(capsys, *args, "--ledger", str(root))
        assert result.code == 1, args
        assert "[foreign-file]" in result.out and "指向仓库之外的 /dev/zero" in result.out


# -- item 18: the file's place decides its kind; a file named progress is reported ------------


def test_the_progress_file_of_a_unit_named_tasks_is_formatted_as_progress(
    write_ledger: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    units = textwrap.dedent(UNITS).replace("id: czj", "id: tasks")
    root = write_ledger(units=units, progress={"tasks.yaml": progress_yaml(1)})
    path = root / "progress" / "tasks.yaml"
    canonical = (
        'unit: 县财政局\nreports:\n  - item: "1.1"\n    date: 2022-09-20\n'
        "    status: 推进中\n    summary: 旧进展 0\n"
    )

    for args in (["fmt", str(path)], ["fmt", "--ledger", str(root)]):
        path.write_text(progress_yaml(1), encoding="utf-8")
        result = run_ledger(capsys, *args)
        assert result.code == 0, result.out + result.err
        assert path.read_text(encoding="utf-8") == canonical, args
    assert found(root) == []


def test_a_regular_file_named_progress_is_reported(
    write_ledger: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_ledger()
    (root / "progress").rmdir()
    (root / "progress").write_text(progress_yaml(1), encoding="utf-8")

    result = run_ledger(capsys, "check", "--ledger", str(root))

    assert result.code == 1
    assert (
        f"{root / 'progress'}:1:1: 错误 [foreign-file] {root / 'progress'} 不是目录" in result.out
    )
