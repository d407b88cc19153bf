"""`ledger init`: a new ledger that passes check and fmt --check, never over an existing file;
and every command on a missing or empty ledger points to `ledger init` and `ledger import`."""

from __future__ import annotations

import fnmatch
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from gongkai_ledger.commands import _common
from gongkai_ledger.files.atomic import TEMP_SUFFIX
from gongkai_ledger.files.locking import LOCK_SUFFIX

from .cli_run import run_ledger
from .ledgers import REPO

SCAFFOLD = [
    ".gitignore",
    "ci-examples/README.md",
    "ci-examples/github-actions-ledger.yml",
    "ci-examples/gitlab-ci-ledger.yml",
    "ci-examples/pre-commit-config.example.yaml",
    "progress/README.md",
    "tasks.yaml",
    "units.yaml",
]


def files_under(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


@pytest.mark.parametrize("make_dir", [False, True], ids=["missing", "empty"])
def test_init_writes_a_ledger_that_passes_check_fmt_and_report(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make_dir: bool,
) -> None:
    monkeypatch.chdir(tmp_path)
    root = Path("repo", "data")
    if make_dir:
        root.mkdir(parents=True)
    done = run_ledger(capsys, "init", str(root), "--year", "2022")
    assert (done.code, done.err) == (0, "")
    assert files_under(root) == SCAFFOLD  # no temp file left behind either
    checked = run_ledger(
        capsys, "check", "--strict", "--ledger", str(root), "--as-of", "2022-10-01"
    )
    assert (checked.code, checked.out) == (0, "")
    assert "检查通过:2 个文件、2 个条目" in checked.err
    formatted = run_ledger(capsys, "fmt", "--check", "--ledger", str(root))
    assert formatted.code == 0, formatted.out
    report = run_ledger(capsys, "report", "--ledger", str(root), "--month", "2022-10")
    assert report.code == 0, report.err
    assert "2022年XX市政务公开工作要点" in report.out
    owners = run_ledger(capsys, "codeowners", "--ledger", str(root))
    assert owners.code == 0, owners.err  # the issuer is a unit: it reviews the plan


def test_init_example_shows_every_role_and_a_group(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run_ledger(capsys, "init", str(tmp_path / "d"), "--year", "2024").code == 0
    tasks = yaml.safe_load((tmp_path / "d" / "tasks.yaml").read_text(encoding="utf-8"))
    units = yaml.safe_load((tmp_path / "d" / "units.yaml").read_text(encoding="utf-8"))
    assert tasks["plan"]["year"] == 2024
    assert set(tasks["plan"]) >= {"title", "year", "issuer", "doc_no", "issued"}
    assert [s["id"] for s in tasks["sections"]] == ["一"]
    (task,) = tasks["tasks"]
    assert [i["id"] for i in task["items"]] == ["1.1", "1.2"]
    keys = set().union(*task["items"])
    assert keys >= {"owners", "lead", "support", "deadline"}
    (group,) = units["groups"]
    assert len(group["members"]) >= 2
    assert not (tmp_path / "d" / "calendar.yaml").exists()  # no source of record for it
    show = run_ledger(
        capsys, "show", "1.2", "--ledger", str(tmp_path / "d"), "--as-of", "2024-10-08"
    )
    assert show.code == 0, show.err
    assert "城关镇" in show.out  # the group expands to its members


def test_year_title_issuer(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    root = Path("ls")
    title = '2023年某县: "政务"公开 #工作要点'
    done = run_ledger(
        capsys,
        "init",
        str(root),
        "--year",
        "2023",
        "--title",
        title,
        "--issuer",
        "某县人民政府办公室",
    )
    assert done.code == 0, done.err
    plan = yaml.safe_load((root / "tasks.yaml").read_text(encoding="utf-8"))["plan"]
    assert (plan["year"], plan["title"], plan["issuer"]) == (2023, title, "某县人民政府办公室")
    units = yaml.safe_load((root / "units.yaml").read_text(encoding="utf-8"))["units"]
    assert "某县人民政府办公室" in units[0]["aliases"]
    checked = run_ledger(
        capsys, "check", "--strict", "--ledger", str(root), "--as-of", "2023-05-01"
    )
    assert checked.code == 0, checked.out
    assert run_ledger(capsys, "fmt", "--check", "--ledger", str(root)).code == 0
    owners = run_ledger(capsys, "codeowners", "--ledger", str(root))
    assert owners.code == 0, owners.err


def test_default_year_is_this_year_in_beijing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 2025-12-31 20:00 UTC is already 2026-01-01 in Beijing
    monkeypatch.setattr(_common, "now", lambda: datetime(2025, 12, 31, 20, 0, tzinfo=UTC))
    assert run_ledger(capsys, "init", str(tmp_path / "d")).code == 0
    plan = yaml.safe_load((tmp_path / "d" / "tasks.yaml").read_text(encoding="utf-8"))["plan"]
    assert (plan["year"], plan["title"]) == (2026, "2026年XX市政务公开工作要点")


@pytest.mark.parametrize("existing", ["tasks.yaml", "ci-examples/README.md", ".gitignore"])
def test_refuses_when_any_file_exists_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, existing: str
) -> None:
    root = tmp_path / "data"
    (root / existing).parent.mkdir(parents=True, exist_ok=True)
    (root / existing).write_bytes(b"mine\n")
    before = files_under(root)
    refused = run_ledger(capsys, "init", str(root))
    assert refused.code == 2
    assert "不覆盖任何文件" in refused.err
    assert f"  {(root / existing).as_posix()}\n" in refused.err
    assert refused.out == ""
    assert files_under(root) == before
    assert (root / existing).read_bytes() == b"mine\n"


def test_refusal_lists_every_existing_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = tmp_path / "data"
    assert run_ledger(capsys, "init", str(root), "--year", "2022").code == 0
    again = run_ledger(capsys, "init", str(root), "--year", "2022")
    assert again.code == 2
    listed = [line.strip() for line in again.err.splitlines() if line.startswith("  ")]
    assert listed == [(root / name).as_posix() for name in SCAFFOLD]


def test_refuses_a_file_in_the_way_of_a_directory(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = tmp_path / "data"
    root.mkdir()
    (root / "progress").write_text("x", encoding="utf-8")
    refused = run_ledger(capsys, "init", str(root))
    assert refused.code == 2
    assert f"  {(root / 'progress').as_posix()}\n" in refused.err
    assert files_under(root) == ["progress"]


def test_next_steps_in_chinese(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    root = tmp_path / "d"
    out = run_ledger(capsys, "init", str(root)).out
    shown = root.as_posix()
    for step in (
        f"{shown}/tasks.yaml",
        f"ledger import 分解表.docx -o {shown}",
        f"ledger check --ledger {shown}",
        f"ledger codeowners --ledger {shown}",
        f"git add {shown}",
        "calendar.yaml",
    ):
        assert step in out


def test_ci_examples_are_the_documented_ones(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run_ledger(capsys, "init").code == 0  # the default directory: data
    for name in (
        "github-actions-ledger.yml",
        "gitlab-ci-ledger.yml",
        "pre-commit-config.example.yaml",
    ):
        written = (tmp_path / "data" / "ci-examples" / name).read_text(encoding="utf-8")
        assert written == (REPO / "docs" / name).read_text(encoding="utf-8"), name


def test_ci_examples_name_the_ledger_directory(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run_ledger(capsys, "init", "ledgers/2023").code == 0
    examples = tmp_path / "ledgers" / "2023" / "ci-examples"
    for path in examples.iterdir():
        text = path.read_text(encoding="utf-8")
        assert "--ledger data" not in text and '"data/' not in text, path.name
        assert "ledgers/2023" in text, path.name
        if path.suffix in {".yml", ".yaml"}:
            yaml.safe_load(text)


def test_gitignore_covers_what_writers_leave_behind(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run_ledger(capsys, "init", str(tmp_path / "d")).code == 0
    lines = (tmp_path / "d" / ".gitignore").read_text(encoding="utf-8").splitlines()
    patterns = [line for line in lines if line and not line.startswith("#")]

    def ignored(name: str) -> bool:
        return any(fnmatch.fnmatch(name, p) for p in patterns)

    assert ignored(f".czj.yaml.0123456789ab{TEMP_SUFFIX}")  # atomic.write_atomic's temp file
    assert ignored(f"czj.yaml{LOCK_SUFFIX}")  # locking's lock file where there is no flock
    assert not ignored("czj.yaml") and not ignored("tasks.yaml")


HINT = ("ledger init", "ledger import 分解表.docx -o")


@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["overdue"],
        ["report", "--month", "2022-10"],
        ["show", "1.1"],
        ["units"],
        ["fmt", "--check"],
    ],
    ids=lambda c: c[0],
)
@pytest.mark.parametrize("state", ["missing", "empty", "no-units"])
def test_missing_ledger_points_to_init_and_import(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str], state: str
) -> None:
    root = tmp_path / "data"
    if state != "missing":
        root.mkdir()
    if state == "no-units":
        (root / "tasks.yaml").write_text("plan: {title: t, year: 2022}\n", encoding="utf-8")
        if command[0] == "fmt":  # fmt formats the files there are
            return
    failed = run_ledger(capsys, *command, "--ledger", str(root))
    assert failed.code == 2
    assert failed.out == ""
    for hint in HINT:
        assert f"{hint} {root.as_posix()}" in failed.err, failed.err
    assert failed.err.count("\n") == 1  # one message, one line
