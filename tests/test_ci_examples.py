"""The CI and pre-commit examples in docs/ and the README use commands and options that exist."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.main import get_command

from gongkai_ledger import commands
from gongkai_ledger.commands._app import app

from .cli_run import run_ledger
from .conftest import Write
from .ledgers import REPO, TASKS

commands.register()  # every command on the app: run alone, nothing else registers them

EXAMPLES = [
    REPO / "docs" / "github-actions-ledger.yml",
    REPO / "docs" / "gitlab-ci-ledger.yml",
    REPO / ".pre-commit-hooks.yaml",
]
USE = re.compile(
    r"(?<![\w-])ledger ([a-z]+)((?: +(?:'[^']*'|\"[^\"]*\"|[A-Za-z0-9_@./:{}$=+~-]+))*)"
)


def options(command: str) -> set[str]:
    commands = getattr(get_command(app), "commands", {})
    found = commands.get(command)
    assert found is not None, f"ledger {command} 不存在"
    return {o for p in found.params for o in (*p.opts, *p.secondary_opts)}


def uses(text: str) -> list[tuple[str, list[str]]]:
    return [(m[1], m[2].split()) for m in USE.finditer(text)]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_parse_and_use_real_options(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    yaml.safe_load(text)
    found = uses(text)
    assert found
    for command, args in found:
        known = options(command)
        for arg in args:
            if arg.startswith("-"):
                assert arg in known, f"{path.name}: ledger {command} {arg}"


@pytest.mark.slow
def test_readme_section_uses_real_options() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## 在 git 中协作")[1].split("\n## ")[0]
    for command, args in uses(section):
        if command in {"check", "fmt", "schema", "diff", "export", "codeowners"}:
            known = options(command)
            for arg in args:
                if arg.startswith("-"):
                    assert arg in known, f"README: ledger {command} {arg}"


def test_github_workflow_fetches_history_and_comments() -> None:
    workflow = yaml.safe_load(
        (REPO / "docs" / "github-actions-ledger.yml").read_text(encoding="utf-8")
    )
    steps = workflow["jobs"]["ledger"]["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0
    runs = [s.get("run", "") for s in steps]
    assert any('ledger check --ledger "$d" --format github' in r for r in runs)
    assert any("data/tasks.yaml data/*/tasks.yaml" in r for r in runs)  # every year's ledger
    assert any("ledger diff" in r for r in runs)
    assert any("gh pr comment" in r for r in runs)
    assert workflow["permissions"]["pull-requests"] == "write"


def test_gitlab_example_writes_code_quality_natively() -> None:
    job = yaml.safe_load((REPO / "docs" / "gitlab-ci-ledger.yml").read_text(encoding="utf-8"))[
        "ledger"
    ]
    assert job["variables"]["GIT_DEPTH"] == "0"
    assert not [s for s in job["script"] if "python" in s]
    assert (
        'ledger check --ledger "$LEDGER" --format gitlab > gl-code-quality.json || true'
        in (job["script"])
    )
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality.json"


def _gitlab(capsys: pytest.CaptureFixture[str], root: Path) -> list[dict[str, Any]]:
    checked = run_ledger(
        capsys, "check", "--ledger", str(root), "--format", "gitlab", "--as-of", "2022-12-31"
    )
    assert checked.code == 1
    assert checked.err == ""
    issues: list[dict[str, Any]] = json.loads(checked.out)
    return issues


def test_check_format_gitlab(write_ledger: Write, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_ledger(tasks=TASKS.replace("owners: [县财政局]", "owners: [县财正局]"))
    (issue,) = _gitlab(capsys, root)
    assert issue == {
        "description": "[unknown-unit] 未知责任单位“县财正局”(是否为“县财政局”?)",
        "check_name": "unknown-unit",
        "fingerprint": issue["fingerprint"],
        "severity": "major",
        "location": {"path": f"{root}/tasks.yaml", "lines": {"begin": 20}},
    }
    assert re.fullmatch(r"[0-9a-f]{64}", issue["fingerprint"])


def test_gitlab_fingerprint_survives_lines_moving(
    write_ledger: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    tasks = TASKS.replace("owners: [县财政局]", "owners: [县财正局]")
    before = _gitlab(capsys, write_ledger(tasks=tasks))
    moved = tasks.replace("sections:\n", "# 新加的两行注释\n#\nsections:\n")
    after = _gitlab(capsys, write_ledger(tasks=moved))
    assert after[0]["location"]["lines"]["begin"] == before[0]["location"]["lines"]["begin"] + 2
    assert after[0]["fingerprint"] == before[0]["fingerprint"]


def test_gitlab_fingerprints_of_equal_problems_differ(
    write_ledger: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    tasks = TASKS.replace("owners: [县财政局]", "owners: [县财正局]").replace(
        "owners: [各乡镇]", "owners: [县财正局]"
    )
    first, second = _gitlab(capsys, write_ledger(tasks=tasks))
    assert (first["description"], first["location"]["path"]) == (
        second["description"],
        second["location"]["path"],
    )
    assert first["location"]["lines"]["begin"] < second["location"]["lines"]["begin"]
    assert first["fingerprint"] != second["fingerprint"]


def test_gitlab_fingerprint_ignores_line_but_not_message() -> None:
    from gongkai_ledger.core.model import Source
    from gongkai_ledger.core.problems import Level, Problem
    from gongkai_ledger.render.problems import gitlab_fingerprints

    def problem(line: int, message: str = "未知责任单位“甲”", hint: str = "") -> Problem:
        return Problem(
            Source("data/tasks.yaml", line, 3), "unknown-unit", Level.ERROR, message, hint
        )

    (a,) = gitlab_fingerprints([problem(5)])
    (b,) = gitlab_fingerprints([problem(50)])
    (c,) = gitlab_fingerprints([problem(5, "未知责任单位“乙”")])
    (d,) = gitlab_fingerprints([problem(5, hint="是否为“丙”?")])
    assert a == b
    assert len({a, c, d}) == 3


def test_gitlab_example_runs_one_job_per_ledger() -> None:
    job = yaml.safe_load((REPO / "docs" / "gitlab-ci-ledger.yml").read_text(encoding="utf-8"))[
        "ledger"
    ]
    assert job["parallel"]["matrix"] == [{"LEDGER": ["data"]}]
    assert all("--ledger data" not in s for s in job["script"])  # each job its own ledger


def test_github_example_finds_every_years_ledger(tmp_path: Path) -> None:
    """The 台账目录 step, run by a shell: the ledger itself, or each year directory in it."""
    import subprocess

    workflow = yaml.safe_load(
        (REPO / "docs" / "github-actions-ledger.yml").read_text(encoding="utf-8")
    )
    (step,) = [s for s in workflow["jobs"]["ledger"]["steps"] if s.get("name") == "台账目录"]
    env_file = tmp_path / "github-env"

    def found(*ledgers: str) -> str:
        for ledger in ledgers:
            (tmp_path / ledger).mkdir(parents=True, exist_ok=True)
            (tmp_path / ledger / "tasks.yaml").write_text("plan: {}\n", encoding="utf-8")
        env_file.write_text("", encoding="utf-8")
        subprocess.run(
            ["bash", "-e", "-c", step["run"]],
            cwd=tmp_path,
            env={"GITHUB_ENV": str(env_file), "PATH": "/usr/bin:/bin"},
            check=True,
        )
        return env_file.read_text(encoding="utf-8")

    assert found() == "LEDGERS=data\n"  # none yet: ledger check says what is missing
    assert found("data/2023", "data/2022") == "LEDGERS=data/2022 data/2023\n"
    assert found("data") == "LEDGERS=data data/2022 data/2023\n"
    for odd in ("data/2024 年", "data/[ab]", "data/x*"):
        (tmp_path / odd).mkdir()
        (tmp_path / odd / "tasks.yaml").write_text("plan: {}\n", encoding="utf-8")
        run = subprocess.run(
            ["bash", "-e", "-c", step["run"]],
            cwd=tmp_path,
            env={"GITHUB_ENV": str(env_file), "PATH": "/usr/bin:/bin"},
            capture_output=True,
            text=True,
        )
        assert run.returncode == 1 and f"::error::台账目录“{odd}”的名称中有空白" in run.stdout
        shutil.rmtree(tmp_path / odd)
