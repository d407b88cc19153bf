"""`ledger diff`: two commits of a ledger in a throwaway git repository, as Markdown."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai_ledger.files.load import load_ledger, load_ledger_from

from .cli_run import Run, run_ledger
from .conftest import Write
from .git_repo import git, write_data
from .ledgers import AAZ, BASE_TASKS, CZJ, SHIPPED, TASKS, UNITS

HEAD_TASKS = (
    BASE_TASKS.replace("content: 条目一", "content: 条目一(修订)")
    .replace("owners: [各乡镇]", "owners: [各乡镇, 县财政局]")
    .replace(
        "        deadline: 2022年12月\n",
        "        deadline: 2022年12月\n"
        '      - id: "1.3"\n'
        "        content: 条目三\n"
        "        owners: [甲镇]\n"
        "        deadline: 2022年10月\n",
    )
    .split("  - id: 2\n")[0]
)

HEAD_UNITS = UNITS.replace(
    "groups:",
    "  - id: ccz\n    name: 丙镇\n    kind: 乡镇\ngroups:",
).replace("members: [甲镇, 乙乡]", "members: [甲镇, 乙乡, 丙镇]")

CZJ_DONE = (
    CZJ
    + """\
  - item: "1.1"
    date: 2022-10-10
    status: 已完成
    summary: 已在门户网站公开
    evidence: [https://example.gov.cn/a]
"""
)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """main: the base ledger; feature (checked out): one commit of changes."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    write_data(root, {"tasks.yaml": BASE_TASKS, "units.yaml": UNITS, "progress/czj.yaml": CZJ})
    git(root, "add", "data")
    git(root, "commit", "-q", "-m", "base")
    git(root, "checkout", "-q", "-b", "feature")
    write_data(
        root,
        {
            "tasks.yaml": HEAD_TASKS,
            "units.yaml": HEAD_UNITS,
            "progress/czj.yaml": CZJ_DONE,
            "progress/aaz.yaml": AAZ,
        },
    )
    git(root, "add", "data")
    git(root, "commit", "-q", "-m", "changes")
    monkeypatch.chdir(root)
    return root


def short(repo: Path, rev: str) -> str:
    return git(repo, "rev-parse", "--short=7", rev)


CHANGES = """\
### 条目

- 新增 **1.3**:条目三(责任单位:甲镇;完成时间:2022年10月)
- 删除 **2.1**:条目四
- **1.1** 内容:
  - 原:条目一
  - 新:条目一(修订)
- **1.2** 责任单位:各乡镇 → 各乡镇、县财政局

### 单位名录

- 新增单位 丙镇(ccz)
- 单位组 各乡镇 的成员:甲镇、乙乡 → 甲镇、乙乡、丙镇

### 进展报送

- **县财政局**:新增 1 条
  - 新增 1.1 已完成(2022-10-10):已在门户网站公开
- **甲镇**:新增 1 条
  - 新增 1.2 推进中(2022-10-12):已起草

### 状态变化(截至 2022-10-20)

| 条目 | 单位 | 变更前 | 变更后 |
|---|---|---|---|
| 1.1 | 县财政局 | 推进中 | 已完成 |
| 1.2 | 甲镇 | 未启动 | 推进中 |

### 逾期、临期、更新滞后(截至 2022-10-20)

| | 变更前 | 变更后 | 变化 |
|---|---:|---:|---:|
| 逾期 | 2 | 0 | -2 |
| 临期 | 0 | 1 | +1 |
| 更新滞后 | 0 | 0 | 0 |

| 单位 | 逾期 | 临期 | 更新滞后 |
|---|---|---|---|
| 县财政局 | 1 → 0 | 0 | 0 |
| 甲镇 | 0 | 0 → 1 | 0 |
| 乙乡 | 1 → 0 | 0 | 0 |
"""


def diff(capsys: pytest.CaptureFixture[str], *args: str) -> Run:
    return run_ledger(capsys, "diff", *args, "--as-of", "2022-10-20")


def test_two_commits(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = diff(capsys, "main", "feature")
    assert (result.code, result.err) == (0, "")
    heading = (
        f"## 台账变更:`main`(`{short(repo, 'main')}`) → `feature`(`{short(repo, 'feature')}`)\n\n"
    )
    assert result.out == heading + CHANGES


def test_default_is_merge_base_against_working_tree(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(repo, "checkout", "-q", "main")
    git(repo, "commit", "-q", "--allow-empty", "-m", "main moves on")
    git(repo, "checkout", "-q", "feature")
    (repo / "data" / "progress" / "aaz.yaml").write_text(
        AAZ.replace("status: 推进中", "status: 已完成").replace("已起草", "已公开"),
        encoding="utf-8",
    )
    result = diff(capsys)
    assert result.code == 0
    base = short(repo, "main~1")
    lines = result.out.splitlines()
    assert lines[0] == f"## 台账变更:main 的合并基点 `{base}` → 工作区"
    assert lines[lines.index("### 进展报送") + 4 :][:2] == [
        "- **甲镇**:新增 1 条",
        "  - 新增 1.2 已完成(2022-10-12):已公开",
    ]
    assert "| 1.2 | 甲镇 | 未启动 | 已完成 |" in lines


def test_origin_main_is_preferred(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "update-ref", "refs/remotes/origin/main", "feature")
    result = diff(capsys)
    assert result.code == 0
    assert result.out == (
        f"## 台账变更:origin/main 的合并基点 `{short(repo, 'feature')}` → 工作区\n\n"
        "台账内容没有变化(只改了注释、排版或台账以外的文件)。\n"
    )


def test_a_change_of_layout_only_is_no_change(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tasks = repo / "data" / "tasks.yaml"
    tasks.write_text("# 只加了注释\n" + tasks.read_text(encoding="utf-8"), encoding="utf-8")
    result = diff(capsys, "feature")
    assert result.out.endswith("\n\n台账内容没有变化(只改了注释、排版或台账以外的文件)。\n")


def test_errors_in_a_version_are_flagged(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "data" / "progress" / "aaz.yaml").write_text(
        AAZ.replace('"1.2"', '"9.9"'), encoding="utf-8"
    )
    result = diff(capsys, "feature")
    assert result.code == 0
    assert result.out.splitlines()[2] == (
        "> ⚠️ 变更后的台账有 1 个错误,以下结果可能不完整;请运行 ledger check 查看。"
    )


def test_a_shallow_clone_says_what_is_missing(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    clone = tmp_path / "clone"
    git(
        tmp_path, "clone", "-q", "--depth", "1", "--branch", "feature", f"file://{repo}", str(clone)
    )
    monkeypatch.chdir(clone)
    hint = (
        "。这是浅克隆(shallow clone),历史不完整:请运行 git fetch --deepen=100"
        "(或 git fetch origin {}),在 GitHub Actions 中给 actions/checkout 设置 fetch-depth: 0,"
        "在 GitLab CI 中设置 GIT_DEPTH: 0\n"
    )
    result = diff(capsys, "HEAD~1", "HEAD")
    assert (result.code, result.out) == (2, "")
    assert result.err == "错误:本地仓库中没有修订版“HEAD~1”" + hint.format("HEAD~1")
    result = diff(capsys)
    assert result.code == 2
    assert result.err == (
        "错误:找不到主分支 origin/main 或 main,请写明要比较的修订版,如 ledger diff origin/master"
        + hint.format("main")
    )

    git(clone, "fetch", "-q", "--deepen=1")  # both revisions present: the shallow clone works
    result = diff(capsys, "HEAD~1", "HEAD")
    assert result.code == 0
    assert result.out.split("\n", 2)[2] == CHANGES


def test_an_unknown_revision(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = diff(capsys, "v9")
    assert (result.code, result.err) == (
        2,
        "错误:本地仓库中没有修订版“v9”。请先 git fetch 取得它,或检查拼写\n",
    )


def test_outside_a_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_data(tmp_path, {"tasks.yaml": TASKS, "units.yaml": UNITS})
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    result = diff(capsys)
    assert (result.code, result.err) == (2, "错误:“data”不在 git 仓库中\n")


def test_a_revision_without_the_ledger(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "checkout", "-q", "--orphan", "empty")
    git(repo, "rm", "-q", "-r", "--cached", "data")
    git(repo, "commit", "-q", "--allow-empty", "-m", "empty")
    result = diff(capsys, "empty", "feature")
    assert (result.code, result.err) == (
        2,
        f"错误:“{short(repo, 'empty')}:data”中没有 tasks.yaml\n",
    )


def test_output_file(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = diff(capsys, "main", "feature", "-o", "ledger-diff.md")
    assert (result.code, result.out, result.err) == (0, "", "已写入:ledger-diff.md\n")
    assert (repo / "ledger-diff.md").read_text(encoding="utf-8").endswith(CHANGES)


def test_loading_from_bytes_is_loading_from_disk() -> None:
    files = {
        path.relative_to(SHIPPED).as_posix(): path.read_bytes() for path in SHIPPED.rglob("*.yaml")
    }
    files["README.txt"] = b"not a ledger file"
    from_disk = load_ledger(SHIPPED)
    in_memory = load_ledger_from(files, "rev:data")
    assert in_memory.problems == from_disk.problems == []
    assert [i.id for i in in_memory.ledger.items()] == [i.id for i in from_disk.ledger.items()]
    assert [(u.id, u.name, u.aliases, u.kind) for u in in_memory.ledger.units] == [
        (u.id, u.name, u.aliases, u.kind) for u in from_disk.ledger.units
    ]
    assert in_memory.ledger.plan.year == from_disk.ledger.plan.year == 2022
    assert in_memory.ledger.tasks[0].source.path == "rev:data/tasks.yaml"


def test_loading_from_bytes_reports_problems_with_the_label(write_ledger: Write) -> None:
    root = write_ledger(units="units: [\n")
    on_disk = [(str(p.source), p.rule, p.message) for p in load_ledger(root).problems]
    files = {name: (root / name).read_bytes() for name in ("tasks.yaml", "units.yaml")}
    in_memory = load_ledger_from(files, "abc1234:data").problems
    assert on_disk
    assert [(str(p.source), p.rule, p.message) for p in in_memory] == [
        (path.replace(str(root), "abc1234:data"), rule, message) for path, rule, message in on_disk
    ]


def test_an_unreadable_file_is_named_and_no_change_is_not_claimed(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file that cannot be read at all (here not UTF-8; too large is the same) adds nothing
    to the comparison: the comment names it and does not say that nothing changed."""
    (repo / "data" / "progress" / "ccz.yaml").write_bytes(b"unit: \xff\xfe\n")
    result = diff(capsys, "feature")
    assert result.code == 0, result.err
    assert "台账内容没有变化(" not in result.out
    assert (
        "> ⚠️ 变更后的台账中无法读取的文件(其内容未参与比较):data/progress/ccz.yaml(encoding)"
        in (result.out)
    )
    assert result.out.endswith(
        "\n能读取的台账内容没有变化;无法读取的文件(见上)中的改动未能比较。\n"
    )
