"""Help screens and usage errors of every command are Chinese and readable at 80 columns."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command

from gongkai_ledger import commands
from gongkai_ledger.commands._app import app

from .cli_run import Run, run_ledger, run_process
from .ledgers import REPO

commands.register()  # every command on the app, as `ledger --help` sees them

SHIPPED = REPO / "data"

# Technical terms our own help text may use (file keys, formats, products); anything else in
# ASCII letters is English prose or a framework's placeholder.
TERMS = {
    "Actions", "BOM", "calendar", "CODEOWNERS", "DD", "Excel", "GITHUB_ACTIONS", "GONGKAI_LEDGER_DIR",
    "GitHub", "GitLab", "JSON", "LF", "MB", "MM", "Markdown", "PR", "Schema", "UTF", "WPS", "YAML",
    "YYYY", "csv", "czj", "data", "draft", "git", "github", "gitlab", "html", "id", "issuer", "items",
    "json", "ledger", "lushan", "main", "md", "org", "origin", "plan", "progress", "reports", "required", "review", "reviews",
    "table", "tasks", "templates", "text", "true", "unit", "units", "xlsx", "yaml", "zwgk",
    "docx", "pdf", "Word", "GB", "T", "notes",
    "YYYYQn", "YYYYH1", "YYYYH2", "Q4", "H2", "Q5", "H3",  # report --quarter, --half
}  # fmt: skip
FRAMEWORK_WORDS = ("Usage", "Error", "Try", "Options", "Arguments", "Commands", "Missing")


def _walk(command: Any, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Any]]:
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _walk(sub, (*path, name))


ALL = list(_walk(get_command(app), ()))
COMMAND_NAMES = {name for path, _ in ALL for name in path}
LEAVES = [(path, command) for path, command in ALL if not getattr(command, "commands", None)]


def _ids(items: list[tuple[tuple[str, ...], Any]]) -> list[str]:
    return [" ".join(("ledger", *path)) for path, _ in items]


def _options(command: Any) -> list[Any]:
    return [p for p in command.params if p.param_type_name == "option"]


def _required_arguments(command: Any) -> list[str]:
    return ["5.1" for p in command.params if p.param_type_name == "argument" and p.required]


def _width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def _english(
    text: str, command: Any, path: tuple[str, ...], argv: tuple[str, ...] = ()
) -> set[str]:
    """ASCII words of the text that are neither an option, a command, an argument we gave,
    nor one of the technical terms."""
    names = {opt for p in command.params for opt in getattr(p, "opts", ())}
    names |= {"-h", "--help"}
    text = re.sub(r"(?<![\w-])--?[A-Za-z][\w-]*", lambda m: " " if m[0] in names else m[0], text)
    words = set(re.findall(r"[A-Za-z][A-Za-z0-9_]*", text))
    given = {w for arg in argv for w in re.findall(r"[A-Za-z][A-Za-z0-9_]*", arg)}
    return words - TERMS - COMMAND_NAMES - given


def assert_chinese_usage_error(
    result: Run, command: Any, path: tuple[str, ...], argv: tuple[str, ...]
) -> None:
    assert result.code == 2, result
    assert result.out == ""
    assert result.err.startswith("用法错误:"), result.err
    assert "Traceback" not in result.err
    for word in FRAMEWORK_WORDS:
        assert word not in result.err, result.err
    assert _english(result.err, command, path, argv) == set(), result.err


@pytest.mark.parametrize(("path", "command"), ALL, ids=_ids(ALL))
def test_help_is_chinese_and_fits_80_columns(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    path: tuple[str, ...],
    command: Any,
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = run_ledger(capsys, *path, "--help")
    assert result.code == 0
    assert result.out.startswith(f"用法:ledger {' '.join(path)}".rstrip())
    for line in result.out.splitlines():
        assert _width(line) <= 80, line
    assert "…" not in result.out
    assert re.findall(r"<[A-Za-z]+>", result.out) == []  # no <str>, <path> placeholders
    for word in FRAMEWORK_WORDS:
        assert word not in result.out
    assert _english(result.out, command, path) == set()
    # nothing cut: every word of every option's help is on the screen
    flat = re.sub(r"\s+", "", result.out)
    for param in command.params:
        if getattr(param, "help", None):
            assert re.sub(r"\s+", "", param.help) in flat, param.help


def test_help_wraps_for_a_narrow_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "50")
    out = run_ledger(capsys, "report", "--help").out
    assert max(_width(line) for line in out.splitlines()) <= 50
    assert "写明生成时间(默认不写:相同数据和参数生成完全相同的文件)" in re.sub(r"\s+", "", out)


def test_a_huge_terminal_width_is_clamped(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "999999999")
    out = run_ledger(capsys, "overdue", "--help").out
    assert max(_width(line) for line in out.splitlines()) <= 80


def test_no_arguments_shows_the_chinese_help(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_ledger(capsys, "progress")
    assert result.code == 2
    assert result.err.startswith("用法:ledger progress [选项] 命令 [参数]...")
    assert "add" in result.err


@pytest.mark.slow
@pytest.mark.parametrize(("path", "command"), LEAVES, ids=_ids(LEAVES))
def test_every_usage_error_is_chinese(
    capsys: pytest.CaptureFixture[str], path: tuple[str, ...], command: Any
) -> None:
    needed = tuple(_required_arguments(command))
    attempts: list[tuple[str, ...]] = [(*path, *needed, "--no-such-option")]
    if needed:
        attempts.append(path)  # a missing argument
    if not any(p.param_type_name == "argument" and p.nargs == -1 for p in command.params):
        attempts.append((*path, *needed, "a", "b", "c", "d"))  # extra arguments
    for option in _options(command):
        name = max(option.opts, key=len)
        if option.is_flag:
            attempts.append((*path, *needed, f"{name}=1"))
        else:
            attempts.append((*path, *needed, name))  # an option without its value
        if option.type.name == "integer":
            attempts.append((*path, *needed, name, "十"))
            attempts.append((*path, *needed, name, "0"))
        if name == "--format":  # a bad choice value
            month = (
                ("--month", "2022-12")
                if "--month" in {o for p in _options(command) for o in p.opts}
                else ()
            )
            attempts.append((*path, *needed, *month, "--ledger", str(SHIPPED), name, "nope"))
    for argv in attempts:
        result = run_ledger(capsys, *argv)
        assert_chinese_usage_error(result, command, path, argv)


def test_specific_messages(capsys: pytest.CaptureFixture[str]) -> None:
    err = run_ledger(capsys, "progress", "add").err
    assert "缺少参数 条目编号" in err
    err = run_ledger(capsys, "progress", "add", "5.1", "--unit").err
    assert err.startswith("用法错误:选项 --unit 后面缺少要写的值")
    err = run_ledger(capsys, "check", "--strict=yes").err
    assert "选项 --strict 不带值" in err
    err = run_ledger(capsys, "check", "--frmat", "json").err
    assert "没有选项 --frmat,是否为 --format?" in err
    err = run_ledger(capsys, "check", "--max-file-mb", "abc").err
    assert "选项 --max-file-mb:“abc”不是整数" in err
    err = run_ledger(capsys, "check", "--max-file-mb", "0").err
    assert "应为不小于 1 且不大于 1024 的整数,不能是 0" in err
    run = run_ledger(capsys, "check", "--max-file-mb", "30000")
    assert run.code == 2 and "不大于 1024 的整数,不能是 30000" in run.err


@pytest.mark.parametrize(
    ("argv", "suggestion"), [(("unit",), "units"), (("progress", "ad"), "add")]
)
def test_unknown_command(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], suggestion: str
) -> None:
    result = run_ledger(capsys, *argv)
    assert result.code == 2
    assert f"没有命令“{argv[-1]}”。是否为“{suggestion}”?" in result.err
    assert "No such command" not in result.err and "Did you mean" not in result.err


# Bytes that are not UTF-8 on the command line (Python keeps them as lone surrogates) ----------

TEXT_OPTIONS = [
    ("--summary", ["5.1", "--unit", "czj", "--status", "推进中", "--summary", "报送\udcff"]),
    ("--reason", ["5.1", "--unit", "czj", "--status", "不涉及", "--reason", "无\udcc3"]),
    ("--evidence", ["5.1", "--unit", "czj", "--status", "推进中", "--summary", "已公开", "--evidence", "https://x/\udcff"]),
    ("--unit", ["5.1", "--unit", "\udcb2\udcc6", "--status", "推进中", "--summary", "已公开"]),
    ("参数 条目编号", ["5.\udcff", "--unit", "czj", "--status", "推进中", "--summary", "已公开"]),
]  # fmt: skip


@pytest.mark.parametrize(("where", "args"), TEXT_OPTIONS, ids=[w for w, _ in TEXT_OPTIONS])
def test_non_utf8_text_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, where: str, args: list[str]
) -> None:
    import shutil

    ledger = tmp_path / "data"
    shutil.copytree(SHIPPED, ledger)
    before = {p.name: p.read_bytes() for p in (ledger / "progress").iterdir()}
    result = run_ledger(capsys, "progress", "add", *args, "--ledger", str(ledger))
    assert result.code == 2, result
    assert where in result.err
    assert "不是 UTF-8 的字节" in result.err
    assert {p.name: p.read_bytes() for p in (ledger / "progress").iterdir()} == before


def test_non_utf8_bytes_in_a_real_argv(tmp_path: Path) -> None:
    env = {"PYTHONUTF8": "1", "LC_ALL": "C.UTF-8"}
    argv: list[str | bytes] = ["progress", "add", "5.1"]
    argv += [
        "--unit",
        "czj",
        "--status",
        "推进中",
        "--summary",
        b"\xe6\x8a\xa5\xff",
        "--ledger",
        str(tmp_path),
    ]
    result = run_process(*argv, env=env, text=False)
    assert result.returncode == 2, result
    err = result.stderr.decode("utf-8")
    assert "选项 --summary:第 2 个字符处有不是 UTF-8 的字节 0xff" in err
