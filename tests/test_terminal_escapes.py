"""Terminal codes in the ledger are shown, never acted on: every text output, through the real CLI.

A summary `"\\e]0;PWNED\\a\\e[2J"` would set the terminal's title and clear the screen, a
status `"\\e[2K\\r推进中"` would erase the line before it, a bidi override would show text
reversed. The ledger prints them as `\\x1b`, `\\x0d`, `\\u202e`.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from .cli_run import run_ledger
from .conftest import Write
from .ledgers import OWED_TASKS, OWED_UNITS

# What a terminal acts on: C0 but tab and line feed, DEL, C1, bidi controls, line separators.
RAW = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)

HOSTILE = r"\e]0;PWNED\a\e[2J\e]52;c;ZWNobyBQV05FRA==\a\x9b31m\u202e倒序"

PROGRESS = {
    "czj.yaml": f"""\
        unit: 县财政局
        reports:
          - item: "1.1"
            date: 2022-09-26
            status: 推进中
            summary: "{HOSTILE}"
        """,
}


def assert_shown(text: str, bel: str = r"\x07") -> None:
    assert RAW.search(text) is None, repr(RAW.search(text))
    for code in (r"\x1b]0;PWNED" + bel, r"\x1b[2J", r"\x9b31m", r"\u202e倒序"):
        assert code in text


@pytest.fixture
def root(write_ledger: Write) -> Path:
    return write_ledger(OWED_TASKS, OWED_UNITS, PROGRESS)


@pytest.mark.usefixtures("past_the_input_check")
def test_show_prints_terminal_codes_as_codes(
    capsys: pytest.CaptureFixture[str], root: Path
) -> None:
    run = run_ledger(capsys, "show", "1.1", "--ledger", str(root), "--as-of", "2022-10-17")
    assert run.code == 0, run.err
    assert_shown(run.out)


@pytest.mark.usefixtures("past_the_input_check")
def test_overdue_table_and_units_print_codes(
    capsys: pytest.CaptureFixture[str], write_ledger: Write
) -> None:
    units = OWED_UNITS.replace("name: 乙乡", r'name: "乙\e]0;PWNED\a\e[2J\x9b31m\u202e倒序乡"')
    tasks = OWED_TASKS.replace("各乡镇", r'"乙\e]0;PWNED\a\e[2J\x9b31m\u202e倒序乡"')
    units = units.replace("members: [甲镇, 乙乡]", "members: [甲镇]")
    root = write_ledger(tasks, units, {})
    for args in (["overdue", "--as-of", "2022-12-31"], ["units"]):
        run = run_ledger(capsys, *args, "--ledger", str(root))
        assert run.code in (0, 1), run.err
        assert_shown(run.out, bel="")  # rich drops BEL, BS, VT, FF and CR from a table cell


def test_check_cannot_erase_its_own_error_line(
    capsys: pytest.CaptureFixture[str], write_ledger: Write
) -> None:
    progress = PROGRESS["czj.yaml"].replace("status: 推进中", r'status: "\e[2K\r推进中"')
    root = write_ledger(OWED_TASKS, OWED_UNITS, {"czj.yaml": progress})
    for fmt in ("text", "github"):
        run = run_ledger(capsys, "check", "--ledger", str(root), "--format", fmt)
        assert run.code == 1
        assert RAW.search(run.out + run.err) is None
        assert r"\x1b[2K" in run.out


def test_check_text_keeps_one_problem_per_line(
    capsys: pytest.CaptureFixture[str], write_ledger: Write
) -> None:
    """A line break in a quoted value cannot start a line of its own in a CI log."""
    status = r'"推进中\n::error x\r\n::stop\u2028x"'  # short: a long value is shortened
    progress = PROGRESS["czj.yaml"].replace("status: 推进中", f"status: {status}")
    root = write_ledger(OWED_TASKS, OWED_UNITS, {"czj.yaml": progress})
    run = run_ledger(capsys, "check", "--ledger", str(root), "--format", "text")
    assert run.code == 1
    assert not [line for line in run.out.splitlines() if line.startswith("::")]
    assert r"推进中\n::error x" in run.out
    assert RAW.search(run.out) is None
    run = run_ledger(capsys, "check", "--ledger", str(root), "--format", "github")
    lines = run.out.splitlines()
    assert all(line.startswith(("::error ", "::warning ")) for line in lines), lines
    assert "推进中%0A::error x%0D%0A::stop\\u2028x" in run.out


@pytest.mark.usefixtures("past_the_input_check")
def test_json_escapes_c1_and_bidi(capsys: pytest.CaptureFixture[str], root: Path) -> None:
    run = run_ledger(
        capsys, "show", "1.1", "--ledger", str(root), "--as-of", "2022-10-17", "--format", "json"
    )
    assert run.code == 0, run.err
    assert RAW.search(run.out) is None
    assert "\\u009b31m\\u202e倒序" in run.out
    assert "\x9b31m\u202e倒序" in json.dumps(json.loads(run.out), ensure_ascii=False)


@pytest.mark.usefixtures("past_the_input_check")
def test_show_on_a_colour_terminal_keeps_only_its_own_colours(
    capsys: pytest.CaptureFixture[str], root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    run = run_ledger(capsys, "show", "1.1", "--ledger", str(root), "--as-of", "2022-10-17")
    assert run.code == 0, run.err
    assert "\x1b[" in run.out  # rich's own styles get through…
    assert "\x1b]" not in run.out and "\x1b[2J" not in run.out and "\x9b" not in run.out
    assert r"\x1b]0;PWNED\x07\x1b[2J" in run.out  # …the ledger's codes are shown


@pytest.mark.usefixtures("past_the_input_check")
def test_csv_cells_keep_line_breaks_as_lf_and_show_other_codes(
    capsys: pytest.CaptureFixture[str], write_ledger: Write
) -> None:
    summary = r'"\e[31m红\r\n=1+1\u2028第二行\x85第三行\r第四行\u202e"'
    progress = PROGRESS["czj.yaml"].replace(f'"{HOSTILE}"', summary)
    tasks = OWED_TASKS.replace(
        "content: 加强财政预决算信息公开,推进非涉密部门应公开尽公开。", f"content: {summary}"
    )
    root = write_ledger(tasks, OWED_UNITS, {"czj.yaml": progress})
    args = ("--ledger", str(root), "--as-of", "2022-10-17", "--format", "csv")
    for command in (["export", "--view", "unit-items"], ["export", "--view", "items"]):
        run = run_ledger(capsys, *command, *args)
        assert run.code == 0, run.err
        text = run.out
        assert RAW.search(text.replace("\r\n", "")) is None  # CR only in the row ends
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")))
        assert len({len(row) for row in rows}) == 1  # every row as wide as the header
        cells = {cell for row in rows for cell in row if "红" in cell and cell != "红"}  # 亮灯
        assert cells == {r"\x1b[31m红" + "\n=1+1\n第二行\n第三行\n第四行" + r"\u202e"}, cells


@pytest.mark.usefixtures("past_the_input_check")
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_report_shows_codes_in_both_formats(
    fmt: str, capsys: pytest.CaptureFixture[str], write_ledger: Write
) -> None:
    progress = PROGRESS["czj.yaml"].replace("2022-09-26", "2022-12-06")
    root = write_ledger(OWED_TASKS, OWED_UNITS, {"czj.yaml": progress})
    run = run_ledger(capsys, "report", "--month", "2022-12", "--format", fmt, "--ledger", str(root))
    assert run.code == 0, run.err
    assert RAW.search(run.out) is None, repr(RAW.search(run.out))
    assert r"\u202e倒序" in run.out.replace("\\\\", "\\")


def test_with_the_input_check_the_view_refuses_and_says_so_without_codes(
    capsys: pytest.CaptureFixture[str], root: Path
) -> None:
    run = run_ledger(capsys, "show", "1.1", "--ledger", str(root), "--as-of", "2022-10-17")
    assert run.code == 2
    assert "control-char" in run.err and "U+001B" in run.err
    assert RAW.search(run.out + run.err) is None
