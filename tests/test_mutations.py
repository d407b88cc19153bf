"""Every mutation of a copy of the shipped ledger: `ledger check` exits 1, right rule, right line."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from .cli_run import run_process
from .ledgers import SHIPPED

PROGRESS = """\
unit: 市财政局
reports:
  - item: "5.1"
    date: 2022-09-26
    status: 已完成
    summary: 在政府门户网站“财政预决算”专栏集中公开
    evidence: [https://www.lushan.gov.cn/czyjs]
"""

# (file, text to replace, replacement, expected rule[, text at the expected line]); the
# expected line is that of the last occurrence of the given text (by default the
# replacement's first line), so the table stays right when the data is edited.
MUTATIONS = [
    ("tasks.yaml", "  year: 2022", "  year: [2022", "syntax"),
    ("tasks.yaml", "  year: 2022", "\tyear: 2022", "tabs"),
    (
        "tasks.yaml",
        "  warn_days: 15",
        "  warn_days: 15\n  warn_days: 10",
        "duplicate-key",
        "warn_days: 10",
    ),
    ("tasks.yaml", "owners: [市工信局]", "owners: &x [市工信局]", "anchor"),
    ("tasks.yaml", "content: 深入解读", "content: !!python/object:os.system 深入解读", "yaml-tag"),
    ("tasks.yaml", "    deadline: 常态化更新", "    dead_line: 常态化更新", "unknown-key"),
    ("tasks.yaml", "  title: 2022年庐山市政务公开工作要点", "  tilte: x", "unknown-key"),
    ("tasks.yaml", "  year: 2022", "  year: 今年", "wrong-type"),
    ("tasks.yaml", "owners: [市人社局]", "owners: {市人社局: 1}", "wrong-type"),
    ("tasks.yaml", '- id: "5.3"', "- id: 5.10", "numeric-id"),
    ("tasks.yaml", '- id: "5.3"', '- id: "5.2"', "duplicate-id", '- id: "5.2"'),
    ("tasks.yaml", '- id: "5.3"', '- id: "6.3"', "item-id-prefix"),
    ("tasks.yaml", "    section: 五", "    section: 六", "unknown-section"),
    ("tasks.yaml", "owners: [市人社局]", "owners: [市人设局]", "unknown-unit"),
    ("tasks.yaml", "deadline: 常态化更新", "deadline: 尽快", "deadline-format"),
    ("tasks.yaml", "  issued: 2022-09-20", "  issued: 2022-02-30", "impossible-date"),
    ("tasks.yaml", "deadline: 常态化更新", "deadline: 2022年2月30日", "impossible-date"),
    (
        "units.yaml",
        "    aliases: [工信局]",
        "    aliases: [财政局]",
        "duplicate-unit",
        "  - id: czj",
    ),
    ("units.yaml", "  - id: gxj", "  - id: czj", "duplicate-unit", "  - id: czj"),
    ("units.yaml", "  - id: gxj", "  - id: GXJ", "unit-id-format"),
    (
        "units.yaml",
        "members: [市政府各部门]",
        "members: [市政府各部门, 各单位]",
        "group-cycle",
        "- name: 各单位",
    ),
    ("units.yaml", "members: [市政府各部门]", "members: [市政府个部门]", "unknown-unit"),
    ("progress/czj.yaml", 'item: "5.1"', 'item: "5.9"', "unknown-item"),
    ("progress/czj.yaml", 'item: "5.1"', 'item: "1.1"', "not-owner"),
    ("progress/czj.yaml", "unit: 市财政局", "unit: 市发改委", "progress-file"),
    ("progress/czj.yaml", "status: 已完成", "status: 完成", "unknown-status"),
    ("progress/czj.yaml", "date: 2022-09-26", "date: 2023-09-26", "future-report"),
    ("progress/czj.yaml", "date: 2022-09-26", "date: 2022-09-31", "impossible-date"),
    ("progress/czj.yaml", "status: 已完成", "status: 不涉及", "na-reason"),
]


def line_of(text: str, needle: str) -> int:
    return text[: text.rindex(needle)].count("\n") + 1


@pytest.fixture
def ledger_copy(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(SHIPPED, root)
    (root / "progress").mkdir(exist_ok=True)
    (root / "progress" / "czj.yaml").write_text(PROGRESS, encoding="utf-8")
    return root


def check(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_process(
        "check", "--ledger", str(root), "--as-of", "2022-12-31", "--format", "json", *args
    )


def test_unmutated_copy_is_clean(ledger_copy: Path) -> None:
    result = check(ledger_copy)
    assert (result.returncode, result.stdout) == (0, "[]\n")


@pytest.mark.slow  # a process each
@pytest.mark.parametrize("mutation", MUTATIONS, ids=lambda m: f"{m[3]}:{m[2][:20]}")
def test_mutation(ledger_copy: Path, mutation: tuple[str, ...]) -> None:
    file, old, new, rule = mutation[:4]
    at = mutation[4] if len(mutation) > 4 else new.lstrip("\t").split("\n")[0]
    import json

    path = ledger_copy / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    mutated = text.replace(old, new, 1)
    path.write_text(mutated, encoding="utf-8")

    result = check(ledger_copy)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    problems = [(p["rule"], Path(p["path"]).name, p["line"]) for p in json.loads(result.stdout)]
    assert (rule, path.name, line_of(mutated, at)) in problems, problems


def test_gbk_copy(ledger_copy: Path) -> None:
    path = ledger_copy / "units.yaml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    result = check(ledger_copy)
    assert result.returncode == 1
    assert '"rule": "encoding"' in result.stdout
    assert '"line": 1,' in result.stdout
