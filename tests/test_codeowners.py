"""`ledger codeowners`, the pre-commit hooks, and the examples in docs/ that use them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from .cli_run import run_ledger
from .conftest import Write
from .git_repo import git
from .ledgers import REPO, SHIPPED

EXPECTED = """\
# 由 `ledger codeowners` 根据单位名录生成,请勿手工修改;单位名录变化后重新生成。
# 后面的规则优先:台账目录默认由发文单位评审,每个单位的进展文件由该单位评审。

# 发文单位:分解表、单位名录及台账目录中的其他文件
/ledger/ @county/office
/ledger/tasks.yaml @county/office
/ledger/units.yaml @county/office

# 各单位的进展文件
# 县财政局
/ledger/progress/czj.yaml @county/czj
# 甲镇
/ledger/progress/aaz.yaml @county/aaz
# 乙乡
/ledger/progress/bbx.yaml @county/bbx
"""


def test_each_unit_reviews_its_own_progress_file(
    write_ledger: Write, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_ledger()
    monkeypatch.chdir(root.parent)
    result = run_ledger(
        capsys,
        "codeowners",
        "--ledger",
        "ledger",
        "--owner-format",
        "@county/{id}",
        "--office",
        "@county/office",
    )
    assert (result.code, result.out, result.err) == (0, EXPECTED, "")


def test_office_is_the_unit_that_issued_the_plan(
    write_ledger: Write, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_ledger()
    monkeypatch.chdir(root.parent)
    result = run_ledger(
        capsys, "codeowners", "--ledger", "ledger", "--owner-format", "@county/{id}"
    )
    assert result.code == 2
    assert result.err == (
        "用法错误:plan.issuer“某县人民政府办公室”不是单位名录中的单位,"
        "无法确定由谁评审分解表;请用 --office 指定,如 --office @org/zfb\n"
    )
    units = (root / "units.yaml").read_text(encoding="utf-8")
    (root / "units.yaml").write_text(
        units.replace(
            "units:\n",
            "units:\n  - id: zfb\n    name: 县政府办\n    aliases: [某县人民政府办公室]\n",
        ),
        encoding="utf-8",
    )
    result = run_ledger(
        capsys, "codeowners", "--ledger", "ledger", "--owner-format", "@county/{id}"
    )
    assert result.code == 0
    assert result.out.splitlines()[3:5] == [
        "# 县政府办(发文单位):分解表、单位名录及台账目录中的其他文件",
        "/ledger/ @county/zfb",
    ]


def test_paths_are_from_the_repository_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(SHIPPED, repo / "county" / "data")
    git(repo, "init", "-q")
    monkeypatch.chdir(repo / "county")
    result = run_ledger(capsys, "codeowners", "--owner-format", "@lushan/{id}")
    assert result.code == 0
    assert "/county/data/progress/czj.yaml @lushan/czj\n" in result.out


@pytest.mark.parametrize(
    ("template", "message"),
    [
        (
            "@org/{name}",
            "--owner-format“@org/{name}”只能含占位符 {id}(单位编号),不能有其他花括号,如 @org/{id}",
        ),
        (
            "@o/{id:>2000000000}",
            "--owner-format“@o/{id:>2000000000}”只能含占位符 {id}(单位编号),不能有其他花括号,如 @org/{id}",
        ),
        (
            "@o/{id.__class__}",
            "--owner-format“@o/{id.__class__}”只能含占位符 {id}(单位编号),不能有其他花括号,如 @org/{id}",
        ),
        (
            "@o/{id[0]}",
            "--owner-format“@o/{id[0]}”只能含占位符 {id}(单位编号),不能有其他花括号,如 @org/{id}",
        ),
        (
            "@o/{id!r}",
            "--owner-format“@o/{id!r}”只能含占位符 {id}(单位编号),不能有其他花括号,如 @org/{id}",
        ),
        (
            "@o/{{id}}",
            "--owner-format“@o/{{id}}”只能含占位符 {id}(单位编号),不能有其他花括号,如 @org/{id}",
        ),
        (
            "@o/{id}}",
            "--owner-format“@o/{id}}”只能含占位符 {id}(单位编号),不能有其他花括号,如 @org/{id}",
        ),
        ("org/{id}", "“org/czj”不是有效的评审人:应为 @用户、@组织/团队 或电子邮件地址"),
    ],
)
def test_bad_template(
    template: str,
    message: str,
    write_ledger: Write,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(write_ledger().parent)
    result = run_ledger(
        capsys, "codeowners", "--ledger", "ledger", "--owner-format", template, "--office", "@o/x"
    )
    assert (result.code, result.err) == (2, f"用法错误:{message}\n")


def test_writes_a_file(
    write_ledger: Write, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_ledger()
    monkeypatch.chdir(root.parent)
    args = [
        "codeowners",
        "--ledger",
        "ledger",
        "--owner-format",
        "@county/{id}",
        "--office",
        "@county/office",
    ]
    result = run_ledger(capsys, *args, "-o", ".github/CODEOWNERS")
    assert (result.code, result.out, result.err) == (0, "", "已写入:.github/CODEOWNERS\n")
    assert (root.parent / ".github" / "CODEOWNERS").read_text(encoding="utf-8") == EXPECTED


def test_docs_example_is_what_the_command_generates(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(REPO)
    result = run_ledger(capsys, "codeowners", "--owner-format", "@lushan-zwgk/{id}")
    assert result.code == 0
    assert (REPO / "docs" / "CODEOWNERS.example").read_text(encoding="utf-8") == result.out


# -- pre-commit ------------------------------------------------------------------------

LEDGER_FILES = re.compile(yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())[0]["files"])


def test_pre_commit_hooks() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [(h["id"], h["entry"], h["language"], h["pass_filenames"]) for h in hooks] == [
        ("ledger-check", "ledger check", "python", False),
        ("ledger-fmt", "ledger fmt --check --diff", "python", False),
    ]
    assert hooks[0]["files"] == hooks[1]["files"]


@pytest.mark.parametrize(
    ("path", "ledger_file"),
    [
        ("data/tasks.yaml", True),
        ("data/units.yaml", True),
        ("data/progress/czj.yaml", True),
        ("tasks.yaml", True),
        ("county/ledger/progress/nkz.yaml", True),
        ("README.md", False),
        ("docs/gitlab-ci-ledger.yml", False),
        ("data/progress/old/czj.yaml", False),
        ("data/mytasks.yaml", False),
    ],
)
def test_hooks_run_on_ledger_files_only(path: str, ledger_file: bool) -> None:
    assert bool(LEDGER_FILES.search(path)) is ledger_file


def test_pre_commit_example_uses_the_hooks() -> None:
    config = yaml.safe_load(
        (REPO / "docs" / "pre-commit-config.example.yaml").read_text(encoding="utf-8")
    )
    ids = {
        h["id"]
        for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    }
    (repo,) = config["repos"]
    assert {h["id"] for h in repo["hooks"]} == ids


def test_a_name_cannot_add_a_rule(
    write_ledger: Write, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from .ledgers import UNITS

    name = r'"丁局\n* @attacker\n#"'
    root = write_ledger(
        units=UNITS.replace("name: 乙乡", f"name: {name}").replace("乙乡]", f"{name}]")
    )
    monkeypatch.chdir(root.parent)
    result = run_ledger(capsys, "codeowners", "--ledger", "ledger", "--office", "@county/office")
    rules = [line for line in result.out.splitlines() if line and not line.startswith("#")]
    assert all(line.startswith("/ledger/") for line in rules), rules
    if result.code == 0:  # (check may refuse the name; then nothing is written at all)
        assert r"# 丁局\n* @attacker\n#" in result.out.splitlines()
    else:
        assert result.out == ""


def test_paths_are_escaped_for_codeowners(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A space would end the path and `#` start a comment; wildcards would match other files."""
    ledger = tmp_path / "台账 数据#1*"
    shutil.copytree(SHIPPED, ledger)
    monkeypatch.chdir(tmp_path)
    result = run_ledger(capsys, "codeowners", "--ledger", ledger.name, "--office", "@o/zfb")
    assert result.code == 0, result.err
    assert r"/台账\ 数据\#1\*/tasks.yaml @o/zfb" in result.out.splitlines()
    assert r"/台账\ 数据\#1\*/progress/czj.yaml @org/czj" in result.out.splitlines()


@pytest.mark.parametrize(
    "office", ["@o/zfb\n* @attacker", "@o/zfb *", "a@b", "<x>@b.cn", "@o/zfb#", "@o/zfb @x"]
)
def test_owners_must_be_handles(
    office: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(SHIPPED.parent)
    result = run_ledger(capsys, "codeowners", "--ledger", "data", "--office", office)
    assert (result.code, result.out) == (2, "")
    assert "不是有效的评审人" in result.err and "\n" not in result.err.rstrip("\n")


def test_a_ledger_path_with_a_line_break_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = tmp_path / "台账\n* @attacker"
    shutil.copytree(SHIPPED, ledger)
    monkeypatch.chdir(tmp_path)
    result = run_ledger(capsys, "codeowners", "--ledger", ledger.name, "--office", "@o/zfb")
    assert (result.code, result.out) == (2, "")
    assert r"路径“台账\n* @attacker”含控制字符" in result.err


def test_the_rules_are_data_and_the_file_a_function_of_them(write_ledger: Write) -> None:
    from pathlib import PurePosixPath

    from gongkai_ledger.files.load import load_ledger
    from gongkai_ledger.render.codeowners import to_codeowners
    from gongkai_ledger.views.codeowners import Rule, codeowners

    ledger = load_ledger(write_ledger()).ledger
    data = codeowners(ledger, PurePosixPath("ledger"), "@county/{id}", "@county/office")
    assert data.units[0] == Rule("县财政局", "/ledger/progress/czj.yaml", "@county/czj")
    assert [r.pattern for r in data.plan] == ["/ledger/tasks.yaml", "/ledger/units.yaml"]
    assert to_codeowners(data) == EXPECTED
