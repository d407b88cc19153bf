"""Start-up: a command imports only what it uses (not a timing test: which modules load).

`ledger NAME` imports only NAME's command module (commands.COMMANDS, cli._dispatch); the
heavy libraries load where they are needed: rich for a table on a terminal (piped tables are
laid out by render/plain.py),
Jinja2 for a template, ruamel.yaml for an edit, openpyxl for xlsx, git for history,
chinesecalendar to count 工作日 (the years it covers are a constant), zoneinfo for a
plan.timezone other than Beijing's, csv for --format csv, hashlib for --format gitlab.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import gongkai_ledger
from gongkai_ledger.commands import COMMANDS

from .ledgers import REPO, SHIPPED
from .test_fmt_quick import TASKS

HEAVY = (
    "typer",
    "click",
    "rich",
    "jinja2",
    "ruamel",
    "openpyxl",
    "git",
    "json",
    "difflib",
    "dataclasses",
    "chinese_calendar",
    "zoneinfo",
    "csv",
    "calendar",
    "hashlib",
    "random",
)

# Runs the CLI in a fresh interpreter, output piped, and names the heavy modules it loaded.
PROBE = """
import sys
from gongkai_ledger import cli
sys.argv = ["ledger", *sys.argv[1:]]
try:
    cli.main()
except SystemExit:
    pass
loaded = sorted({m.split(".")[0] for m in sys.modules} & set(HEAVY))
sys.stderr.write("LOADED " + " ".join(loaded) + "\\n")
""".replace("HEAVY", repr(HEAVY))


def _loaded(*args: str, env: dict[str, str] | None = None) -> set[str]:
    run = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )
    line = run.stderr.strip().splitlines()[-1]
    assert line.startswith("LOADED"), run.stderr
    return set(line.split()[1:])


DAY = ("--as-of", "2022-12-31", "--ledger", str(SHIPPED))
EARLY = ("--as-of", "2022-03-01", "--ledger", str(SHIPPED))  # nothing overdue yet


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [("check", *DAY), ("overdue", "--unit", "市财政局", *DAY), ("show", "5.1", *DAY)],
    ids=["check", "overdue", "show"],
)
def test_everyday_commands_load_no_template_editor_or_export_library(args: tuple[str, ...]) -> None:
    loaded = _loaded(*args)
    assert not loaded & {"typer", "click", "jinja2", "ruamel", "openpyxl", "git", "json"}


def test_check_loads_no_rich() -> None:
    assert "rich" not in _loaded("check", *DAY)


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ("overdue", "--unit", "市财政局", *DAY),
        ("overdue", *DAY),
        ("show", "5.1", *DAY),
        ("units", "--ledger", str(SHIPPED)),
    ],
    ids=["overdue-unit", "overdue", "show", "units"],
)
def test_piped_tables_load_no_rich(args: tuple[str, ...]) -> None:
    assert "rich" not in _loaded(*args)


def test_a_terminal_table_loads_rich() -> None:
    assert "rich" in _loaded("overdue", *DAY, env={"FORCE_COLOR": "1"})


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ("check", *DAY),
        ("overdue", "--unit", "市财政局", *DAY),
        ("show", "5.1", *DAY),
        ("units", "--ledger", str(SHIPPED)),
    ],
    ids=["check", "overdue", "show", "units"],
)
def test_everyday_commands_build_no_dataclass(args: tuple[str, ...]) -> None:
    """The model and views are core.record classes: no dataclass generation at start-up.
    (difflib still comes with Typer; the package itself imports it only to suggest a name.)"""
    loaded = _loaded(*args)
    assert not loaded & {"jinja2", "ruamel", "openpyxl", "git", "json"}
    assert ("dataclasses" in loaded) == ("rich" in loaded)  # rich brings its own; check has none


def test_version_loads_no_typer() -> None:
    assert _loaded("--version") == set()


def test_version_is_the_package_version() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert gongkai_ledger.__version__ == project["project"]["version"]


@pytest.mark.slow
def test_fmt_check_of_a_canonical_file_loads_no_ruamel(tmp_path: Path) -> None:
    (tmp_path / "tasks.yaml").write_text(TASKS, encoding="utf-8")
    (tmp_path / "units.yaml").write_text("units:\n  - id: czj\n    name: 市财政局\n", "utf-8")
    assert "ruamel" not in _loaded("fmt", "--check", "--ledger", str(tmp_path))
    (tmp_path / "units.yaml").write_text("units:\n- id: czj\n  name: 市财政局\n", "utf-8")
    assert "ruamel" in _loaded("fmt", "--check", "--ledger", str(tmp_path))  # not canonical


@pytest.mark.slow
def test_fmt_check_of_the_shipped_ledger_loads_no_ruamel() -> None:
    # its files carry comments (lines of their own, ends of lines): known canonical without it
    assert "ruamel" not in _loaded("fmt", "--check", "--ledger", str(SHIPPED))


def test_every_command_module_is_in_the_table() -> None:
    modules = {p.stem for p in (REPO / "src/gongkai_ledger/commands").glob("*.py")}
    shared = {"__init__", "_app", "_common", "_fast", "_output", "usage"}
    assert modules - shared == set(COMMANDS.values())


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ("check", *DAY),
        ("overdue", "--unit", "市财政局", *DAY),
        ("show", "5.1", *DAY),
        ("units", "--ledger", str(SHIPPED)),
        ("fmt", "--check", "--ledger", str(SHIPPED)),
        ("report", "--month", "2022-12", "--format", "md", *DAY),
    ],
    ids=["check", "overdue", "show", "units", "fmt", "report"],
)
def test_everyday_commands_run_without_typer(args: tuple[str, ...]) -> None:
    """commands._fast parses their argv; Typer and click are not even imported."""
    assert not _loaded(*args) & {"typer", "click"}


@pytest.mark.parametrize(
    "args",
    [
        ("overdue", "--help"),
        ("show", "-h"),
        ("check", "--max-file-mb", "0", *DAY),  # a usage error: Typer says it
        ("units", "--no-such-option"),
        ("report", "--month"),
    ],
    ids=["help", "short-help", "bad-value", "unknown-option", "missing-value"],
)
def test_help_and_usage_errors_still_go_through_typer(args: tuple[str, ...]) -> None:
    assert "typer" in _loaded(*args)


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ("check", *DAY),
        ("check", "--ledger", str(SHIPPED)),  # today, in Beijing
        ("overdue", "--unit", "市财政局", *EARLY),
        ("show", "5.1", *EARLY),
        ("units", *EARLY),
        ("fmt", "--check", "--ledger", str(SHIPPED)),
    ],
    ids=["check", "check-today", "overdue", "show", "units", "fmt-check"],
)
def test_no_workday_count_loads_no_holiday_tables_time_zone_database_or_csv(
    args: tuple[str, ...],
) -> None:
    assert not _loaded(*args) & {"chinese_calendar", "zoneinfo", "csv", "calendar", "hashlib"}


def test_counting_workdays_late_loads_the_holiday_tables() -> None:
    loaded = _loaded("overdue", "--unit", "市财政局", *DAY)  # 逾期 92 天(62 工作日)
    assert "chinese_calendar" in loaded
    assert not loaded & {"zoneinfo", "csv"}


def test_csv_output_loads_csv() -> None:
    assert "csv" in _loaded("overdue", "--format", "csv", *DAY)


@pytest.mark.slow
def test_another_plan_timezone_loads_the_time_zone_database(tmp_path: Path) -> None:
    shipped = (SHIPPED / "tasks.yaml").read_text(encoding="utf-8")
    assert "\n  year: 2022\n" in shipped and "timezone" not in shipped
    (tmp_path / "tasks.yaml").write_text(
        shipped.replace("\n  year: 2022\n", "\n  year: 2022\n  timezone: Europe/Paris\n", 1),
        encoding="utf-8",
    )
    (tmp_path / "units.yaml").write_bytes((SHIPPED / "units.yaml").read_bytes())
    assert "zoneinfo" in _loaded("check", "--ledger", str(tmp_path))


def test_gitlab_output_loads_hashlib_for_its_fingerprints() -> None:
    assert "hashlib" in _loaded("check", "--format", "gitlab", *DAY)


@pytest.mark.slow
def test_fmt_check_builds_no_dataclass_and_loads_no_random() -> None:
    # fmt's records are core.record classes; secrets (random, hashlib) only to write a file
    assert not _loaded("fmt", "--check", "--ledger", str(SHIPPED)) & {
        "dataclasses",
        "random",
        "hashlib",
    }
