"""Text from the ledger cannot write Markdown: every Markdown output, through the real CLI.

An id or summary holding "\\n## 已通过审核\\n[点此](https://evil)![](https://t/p.gif) @everyone"
must not give a PR comment or 通报 a fake heading, a phishing link, a tracking pixel or a
notification for everyone. The outputs are rendered (CommonMark with tables and HTML, as
GitHub renders) and the rendered HTML is searched for what the data tried to make.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from .cli_run import run_ledger
from .conftest import Write
from .git_repo import git, write_data
from .ledgers import (
    AAZ,
    BASE_TASKS,
    CZJ,
    OWED_PROGRESS,
    OWED_TASKS,
    OWED_UNITS,
    REPORT_LEDGER,
    UNITS,
)

HOSTILE = (
    r"\n## 已通过审核\n[点此](https://evil.example)![](https://t.example/p.gif) @everyone"
    r" @org/team a@b.cn www.evil.example <b>粗</b> `代码` *斜* _斜_ ~~删~~ $x$ &amp; \\ | x"
)


def rendered(markdown: str) -> str:
    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    html: str = parser.render(markdown)
    return html


def assert_inert(markdown: str) -> None:
    """Nothing of HOSTILE became Markdown: no heading, link, image, tag, code, emphasis, mention."""
    html = rendered(markdown)
    assert "## 已通过审核" not in markdown.splitlines()
    for made in ("<h2>已通过审核", "<a ", "<img", "<b>", "<code>代码", "<em>", "<s>", "<del>"):
        assert made not in html, made
    for link in (
        "@everyone",
        "@org/team",
        "a@b.cn",
        "https://evil",
        "https://t.example",
        "www.evil",
    ):
        assert link not in html, link  # GitHub links these in the rendered text
    for shown in ("@<!-- -->everyone", "https:<!-- -->//evil.example", "www<!-- -->.evil"):
        assert shown in html, shown
    for literal in (
        "[点此](https:",
        "&lt;b&gt;粗&lt;/b&gt;",
        "`代码`",
        "*斜*",
        "_斜_",
        "&amp;amp;",
    ):
        assert literal in html, literal
    assert "\x1b" not in markdown


def test_diff_comment_escapes_ids_summaries_and_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    write_data(root, {"tasks.yaml": BASE_TASKS, "units.yaml": UNITS, "progress/czj.yaml": CZJ})
    git(root, "add", "data")
    git(root, "commit", "-q", "-m", "base")
    git(root, "checkout", "-q", "-b", "x`|<b>@everyone")
    hostile_id = f'"1.9{HOSTILE}"'
    tasks = BASE_TASKS + (
        f"      - id: {hostile_id}\n"
        f'        content: "{HOSTILE}"\n'
        "        owners: [甲镇]\n"
        "        deadline: 2022年10月\n"
    )
    aaz = AAZ + (
        f"  - item: {hostile_id}\n"
        "    date: 2022-10-12\n"
        "    status: 推进中\n"
        f'    summary: "\\e]0;PWNED\\a{HOSTILE}"\n'
    )
    write_data(root, {"tasks.yaml": tasks, "progress/aaz.yaml": aaz})
    git(root, "add", "data")
    git(root, "commit", "-q", "-m", "hostile")
    monkeypatch.chdir(root)
    run = run_ledger(capsys, "diff", "main", "x`|<b>@everyone", "--as-of", "2022-10-20")
    assert run.code == 0, run.err
    assert " → ``x`|<b>@everyone``(`" in run.out.splitlines()[0]
    assert_inert(run.out.split("\n", 1)[1])
    assert r"\\x1b\]0;PWNED\\x07" in run.out  # shown as a code, its backslash escaped


@pytest.mark.usefixtures("past_the_input_check")
def test_report_md_escapes_summaries_and_titles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "report_ledger"
    shutil.copytree(REPORT_LEDGER, root)
    tasks = (root / "tasks.yaml").read_text(encoding="utf-8")
    first_title = next(line for line in tasks.splitlines() if line.startswith("    title: "))
    tasks = tasks.replace(first_title, f'    title: "{HOSTILE}"', 1)
    (root / "tasks.yaml").write_text(tasks, encoding="utf-8")
    czj = (root / "progress" / "czj.yaml").read_text(encoding="utf-8")
    czj = czj.replace("summary: 更新2022年预算执行情况。", f'summary: "{HOSTILE}"')
    (root / "progress" / "czj.yaml").write_text(czj, encoding="utf-8")
    run = run_ledger(capsys, "report", "--month", "2022-12", "--ledger", str(root))
    assert run.code == 0, run.err
    assert_inert(run.out)
    assert "\\| x |" in run.out and "https://example.gov.cn/sjj/px" in rendered(run.out)


def test_overdue_md_escapes_unit_names(
    capsys: pytest.CaptureFixture[str], write_ledger: Write
) -> None:
    name = HOSTILE.replace("\\n", " ")  # a unit name cannot be matched across lines
    units = OWED_UNITS.replace("name: 乙乡", f'name: "乙乡{name}"').replace(
        "members: [甲镇, 乙乡]", f'members: [甲镇, "乙乡{name}"]'
    )
    progress = {f: t.replace("unit: 乙乡", f'unit: "乙乡{name}"') for f, t in OWED_PROGRESS.items()}
    root = write_ledger(OWED_TASKS, units, progress)
    run = run_ledger(
        capsys, "overdue", "--ledger", str(root), "--as-of", "2022-12-31", "--format", "md"
    )
    assert run.code == 0, run.err
    assert "乙乡" in run.out
    assert_inert(run.out)
