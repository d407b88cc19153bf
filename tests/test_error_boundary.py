"""One error boundary: user errors are raised anywhere, printed only by cli.main."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

import gongkai_ledger
from gongkai_ledger.core import errors
from gongkai_ledger.core.model import Group, Name, Source, Unit
from gongkai_ledger.core.problems import Level, Problem, format_text
from gongkai_ledger.core.registry import Registry, unit_named
from gongkai_ledger.render.problems import FORMATTERS

from .cli_run import run_ledger
from .conftest import Write

PACKAGE = Path(gongkai_ledger.__file__).parent


def _modules() -> dict[str, ast.Module]:
    return {
        path.relative_to(PACKAGE).as_posix(): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
    }


def _user_errors() -> set[str]:
    """The names of every UserError class in the package (all modules imported)."""
    for info in pkgutil.walk_packages(gongkai_ledger.__path__, "gongkai_ledger."):
        if info.name != "gongkai_ledger.__main__":  # that one runs the command
            importlib.import_module(info.name)
    found, todo = set(), [errors.UserError]
    while todo:
        cls = todo.pop()
        found.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return found


# -- what the boundary prints ------------------------------------------------------


def test_a_user_error_says_prefix_message_and_hint() -> None:
    assert errors.UserError("无法写入 a.yaml", hint="原文件未改动").stderr == (
        "错误:无法写入 a.yaml(原文件未改动)\n"
    )
    assert errors.LedgerUnreadable("“x”中没有 tasks.yaml").stderr == "错误:“x”中没有 tasks.yaml\n"
    assert errors.UsageError("请用 --month 指定").stderr == "用法错误:请用 --month 指定\n"
    assert errors.TemplateProblem("a.j2:2: 出错").stderr == "模板错误:a.j2:2: 出错\n"
    assert [e.exit_code for e in (errors.UsageError(""), errors.OutputUnwritable(""))] == [2, 2]


def test_rejected_puts_the_problems_on_stdout_and_exits_1() -> None:
    problem = Problem(Source("p/czj.yaml", 3, 5), "unknown-item", Level.ERROR, "未知条目“9.9”")
    rejected = errors.Rejected("p/czj.yaml", [problem], "未写入:……")
    assert (rejected.exit_code, rejected.stdout, rejected.stderr) == (
        1,
        format_text([problem]),
        "未写入:……\n",
    )


def test_not_one_of_is_the_one_wording_of_a_choice() -> None:
    error = errors.not_one_of("--view", "x", ("a", "b"), "是否为“a”?")
    assert error.stderr == "用法错误:--view 只能是 a、b,不能是“x”是否为“a”?\n"


@pytest.mark.parametrize(
    ("command", "formats"),
    [
        (["check"], tuple(FORMATTERS)),
        (["overdue"], ("table", "json", "csv", "md")),
        (["show", "1.1"], ("table", "json")),
        (["units"], ("table", "json")),
        (["export"], ("json", "csv", "xlsx")),
        (["report", "--month", "2022-12"], ("md", "html", "docx", "pdf")),
    ],
)
def test_every_format_option_is_checked_one_way(
    capsys: pytest.CaptureFixture[str],
    write_ledger: Write,
    command: list[str],
    formats: tuple[str, ...],
) -> None:
    run = run_ledger(capsys, *command, "--format", "xml", "--ledger", str(write_ledger()))
    assert (run.code, run.out) == (2, "")
    assert run.err == f"用法错误:--format 只能是 {'、'.join(formats)},不能是“xml”\n"


def test_a_file_written_with_o_is_said_one_way(
    capsys: pytest.CaptureFixture[str], write_ledger: Write, tmp_path: Path
) -> None:
    root = write_ledger()
    for command in (["export", "--as-of", "2022-12-31"], ["report", "--month", "2022-12"]):
        out = tmp_path / "输出" / ("a.json" if command[0] == "export" else "a.md")
        out.parent.mkdir(exist_ok=True)
        run = run_ledger(capsys, *command, "--ledger", str(root), "-o", str(out))
        assert (run.code, run.out, run.err) == (0, "", f"已写入:{out.as_posix()}\n")


def test_progress_add_rejected_through_the_boundary(
    capsys: pytest.CaptureFixture[str], write_ledger: Write
) -> None:
    root = write_ledger()
    add = ["progress", "add", "9.9", "--unit", "czj", "--status", "推进中", "--summary", "x"]
    run = run_ledger(capsys, *add, "--date", "2022-06-01", "--ledger", str(root))
    assert run.code == 1
    assert "未知条目" in run.out and run.out.count("\n") == 1
    assert run.err.startswith("未写入:这条进展会使 ledger check 报告上述错误")
    assert not (root / "progress" / "czj.yaml").exists()


# -- the one unit lookup ---------------------------------------------------------------


AT = Source("units.yaml", 1, 1)
REGISTRY = Registry(
    [Unit("czj", "县财政局", ("财政局",), "政府工作部门", AT), Unit("aaz", "甲镇", (), "乡镇", AT)],
    [Group("各乡镇", (), (Name("甲镇", AT),), AT)],
)


def test_a_unit_option_names_a_unit() -> None:
    assert unit_named(REGISTRY, " 财政局 ").id == "czj"
    assert unit_named(REGISTRY, "aaz", units_file="data/units.yaml").name == "甲镇"


def test_an_unknown_or_group_unit_option_is_a_usage_error() -> None:
    with pytest.raises(errors.UsageError) as unknown:
        unit_named(REGISTRY, "县财正局")
    assert unknown.value.stderr == "用法错误:未知单位“县财正局”,是否为“县财政局”?\n"
    with pytest.raises(errors.UsageError) as group:
        unit_named(REGISTRY, "各乡镇")
    assert "“各乡镇”是单位组,不是单位" in group.value.stderr


def test_the_reporting_unit_names_the_units_file_and_the_members() -> None:
    with pytest.raises(errors.UserError) as unknown:
        unit_named(REGISTRY, "xyz", units_file="data/units.yaml")
    assert unknown.value.stderr == "错误:未知单位“xyz”(单位名录见 data/units.yaml)\n"
    with pytest.raises(errors.UserError) as group:
        unit_named(REGISTRY, "各乡镇", units_file="data/units.yaml")
    assert group.value.hint == "成员单位:甲镇"


# -- where errors may be caught, and who may exit ------------------------------------


@pytest.mark.slow
def test_commands_catch_no_user_error() -> None:
    names = _user_errors()
    assert {"UsageError", "EditError", "Rejected", "TemplateProblem", "GitError"} <= names
    caught = []
    for module, tree in _modules().items():
        if not module.startswith("commands/"):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ExceptHandler) and node.type is not None:
                kinds = node.type.elts if isinstance(node.type, ast.Tuple) else [node.type]
                caught += [
                    f"{module}:{node.lineno} {ast.unparse(kind)}"
                    for kind in kinds
                    if ast.unparse(kind).split(".")[-1] in names
                ]
    assert caught == []


@pytest.mark.slow
def test_only_the_command_layer_exits() -> None:
    exits = []
    for module, tree in _modules().items():
        if module.startswith("commands/") or module == "cli.py":
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and ast.unparse(node) in ("sys.exit", "typer.Exit"):
                exits.append(f"{module}:{node.lineno}")
    assert exits == []


@pytest.mark.slow
def test_git_runs_in_one_place() -> None:
    users = [
        module
        for module, tree in _modules().items()
        for node in ast.walk(tree)
        if (
            isinstance(node, ast.Import | ast.ImportFrom)
            and any(alias.name == "subprocess" for alias in node.names)
        )
        or (isinstance(node, ast.ImportFrom) and node.module == "subprocess")
    ]
    assert users == ["files/gitio.py", "render/pdf.py"]  # git, and Chromium for the PDF


def test_a_unit_is_found_by_value_as_well_as_by_identity() -> None:
    """`includes` answers this registry's own units by identity; a unit from another load
    (equal, not the same object) and a unit listed twice are still found by value."""
    twin = Unit("aaz", "甲镇", (), "乡镇", AT)
    registry = Registry([*REGISTRY.units, twin], REGISTRY.groups)
    own, foreign = REGISTRY.units[1], Unit("aaz", "甲镇", (), "乡镇", AT)
    assert REGISTRY.includes("各乡镇", own)
    assert REGISTRY.includes("各乡镇", foreign)
    assert not REGISTRY.includes("各乡镇", REGISTRY.units[0])
    first = registry.units[1]  # the name 甲镇 finds its twin, listed after it
    assert first is not registry.unit("甲镇")
    assert registry.includes("各乡镇", first)  # equal to the member, so == answers
