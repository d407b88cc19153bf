"""The CI and pre-commit examples in docs/ and the README use commands and options that exist."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.main import get_command

import gongkai_ledger.commands  # noqa: F401  (registers the commands)
from gongkai_ledger._app import app

from .cli_run import run_ledger
from .conftest import Write
from .ledgers import REPO, TASKS

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
    assert any("ledger check --ledger data --format github" in r for r in runs)
    assert any("ledger diff" in r for r in runs)
    assert any("gh pr comment" in r for r in runs)
    assert workflow["permissions"]["pull-requests"] == "write"


def test_gitlab_code_quality_conversion(
    write_ledger: Write, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    job = yaml.safe_load((REPO / "docs" / "gitlab-ci-ledger.yml").read_text(encoding="utf-8"))[
        "ledger"
    ]
    assert job["variables"]["GIT_DEPTH"] == "0"
    (script,) = [s for s in job["script"] if "<<'PY'" in s]
    program = script.split("<<'PY'\n", 1)[1].split("\nPY", 1)[0]
    root = write_ledger(tasks=TASKS.replace("owners: [县财政局]", "owners: [县财正局]"))
    checked = run_ledger(
        capsys, "check", "--ledger", str(root), "--format", "json", "--as-of", "2022-12-31"
    )
    assert checked.code == 1
    (tmp_path / "ledger-check.json").write_text(checked.out, encoding="utf-8")
    subprocess.run([sys.executable, "-c", program], cwd=tmp_path, check=True)
    (issue,) = json.loads((tmp_path / "gl-code-quality.json").read_text(encoding="utf-8"))
    assert issue["description"] == "[unknown-unit] 未知责任单位“县财正局”(是否为“县财政局”?)"
    assert issue["severity"] == "major"
    assert issue["location"] == {"path": f"{root}/tasks.yaml", "lines": {"begin": 20}}
    assert re.fullmatch(r"[0-9a-f]{32}", issue["fingerprint"])
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality.json"
