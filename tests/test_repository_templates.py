"""The built-in templates live in the repository's top-level templates/ and ship in the wheel
from there; a ledger repository's own templates/ beside its data overrides them without an
option, and `--templates DIR` wins over both."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from gongkai_ledger.render.templates import PACKAGE_TEMPLATES

from .cli_run import Run, run_ledger
from .git_repo import git
from .ledgers import REPO

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "report_ledger"
MONTH = ("--month", "2022-12")


def report(capsys: pytest.CaptureFixture[str], *args: str) -> Run:
    return run_ledger(capsys, "report", *MONTH, *args)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A ledger repository laid out as the card says: data/ and, beside it, templates/."""
    shutil.copytree(FIXTURE, tmp_path / "repo" / "data")
    (tmp_path / "repo" / "templates").mkdir()
    return tmp_path / "repo"


def test_the_built_in_templates_are_the_top_level_folder() -> None:
    assert (REPO / "templates").resolve() == PACKAGE_TEMPLATES
    names = sorted(p.name for p in PACKAGE_TEMPLATES.glob("*.j2"))
    assert names == [
        "_macros.html.j2",
        "_macros.md.j2",
        "_style.css.j2",
        "report.html.j2",
        "report.md.j2",
    ]
    assert not (REPO / "src" / "gongkai_ledger" / "templates").exists()


def test_pyproject_ships_the_folder_and_lists_every_package() -> None:
    """find cannot see templates/ outside src/, so the packages are listed: the list is the tree."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]
    assert config["package-dir"] == {"": "src", "gongkai_ledger.templates": "templates"}
    assert config["package-data"]["gongkai_ledger.templates"] == ["*.j2"]
    src = REPO / "src"
    tree = {
        ".".join(init.parent.relative_to(src).parts)
        for init in src.glob("gongkai_ledger/**/__init__.py")
    }
    assert sorted(config["packages"]) == sorted({*tree, "gongkai_ledger.templates"})


def test_the_repository_templates_replace_the_built_in_ones(
    capsys: pytest.CaptureFixture[str], repository: Path
) -> None:
    (repository / "templates" / "report.md.j2").write_text(
        "本县格式:{{ header.title | md }}\n", encoding="utf-8"
    )
    run = report(capsys, "--ledger", str(repository / "data"))
    assert (run.code, run.out) == (0, "本县格式:2022年某县政务公开工作要点重点任务落实情况通报\n")
    # a part alone: the rest, and builtin/…, still come from the package
    (repository / "templates" / "_style.css.j2").write_text(
        "body { color: #000; } /* 本县样式 */\n", encoding="utf-8"
    )
    run = report(capsys, "--ledger", str(repository / "data"), "--format", "html")
    assert run.code == 0
    assert run.out.startswith("<!DOCTYPE html>")
    assert "/* 本县样式 */" in run.out


@pytest.mark.slow
def test_an_empty_or_missing_templates_folder_changes_nothing(
    capsys: pytest.CaptureFixture[str], repository: Path, tmp_path: Path
) -> None:
    plain = tmp_path / "plain"
    shutil.copytree(FIXTURE, plain)
    expected = report(capsys, "--ledger", str(plain))
    assert expected.code == 0
    assert report(capsys, "--ledger", str(repository / "data")).out == expected.out
    (repository / "templates").rmdir()
    assert report(capsys, "--ledger", str(repository / "data")).out == expected.out


def test_the_option_wins_over_the_repository_templates(
    capsys: pytest.CaptureFixture[str], repository: Path, tmp_path: Path
) -> None:
    (repository / "templates" / "report.md.j2").write_text("仓库的模板\n", encoding="utf-8")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "report.md.j2").write_text("选项的模板\n", encoding="utf-8")
    run = report(capsys, "--ledger", str(repository / "data"), "--templates", str(mine))
    assert (run.code, run.out) == (0, "选项的模板\n")
    # a --templates folder without report.md.j2 falls back to the built-in one, not the repository's
    (mine / "report.md.j2").unlink()
    run = report(capsys, "--ledger", str(repository / "data"), "--templates", str(mine))
    assert run.code == 0
    assert run.out.startswith("# 2022年某县政务公开工作要点重点任务落实情况通报")


def test_a_repository_template_error_names_its_file(
    capsys: pytest.CaptureFixture[str], repository: Path
) -> None:
    (repository / "templates" / "report.md.j2").write_text("{{ nope }}\n", encoding="utf-8")
    run = report(capsys, "--ledger", str(repository / "data"))
    assert run.code == 2
    assert run.err == (
        f"模板错误:{repository / 'templates' / 'report.md.j2'}:1: "
        "使用了未定义的变量或属性(变量“nope”未定义)\n"
    )


def test_in_git_a_folder_outside_the_work_tree_is_not_used(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A ledger at the root of its work tree has nothing of the repository beside it."""
    ledger = tmp_path / "ledger"
    shutil.copytree(FIXTURE, ledger)
    git(ledger, "init", "-q", "-b", "main")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "report.md.j2").write_text("别人的模板\n", encoding="utf-8")
    run = report(capsys, "--ledger", str(ledger))
    assert run.code == 0
    assert run.out.startswith("# 2022年某县政务公开工作要点重点任务落实情况通报")


def test_in_git_the_folder_beside_the_data_is_used(
    capsys: pytest.CaptureFixture[str], repository: Path
) -> None:
    git(repository, "init", "-q", "-b", "main")
    (repository / "templates" / "report.md.j2").write_text("仓库的模板\n", encoding="utf-8")
    run = report(capsys, "--ledger", str(repository / "data"))
    assert (run.code, run.out) == (0, "仓库的模板\n")
