"""`ledger fmt`: the canonical layout, every comment kept, idempotent, safe."""

from __future__ import annotations

import re
import shutil
import stat
import textwrap
from pathlib import Path

import pytest

from gongkai_ledger.files.fmt import canonical, format_bytes, kind_of, ledger_yaml_files
from gongkai_ledger.files.schema import FileKind

from .cli_run import run_ledger
from .ledgers import SHIPPED

MESSY_TASKS = """\
# 分解表
tasks:
- items:
  - owners:
    - 县财政局   # 附表合并单元格
    - 各乡镇
    content: 条目一
    # 编号加引号
    id: '1.1'
  - {deadline: 2022年12月, owners: [县财政局], id: 1.10, content: "条目二: 公开"}
  title: 任务一
  deadline: 2022年9月并持续更新   # 附表作“20229”
  section: 一
  id: 1
# 任务 2 每个条目各有完成时间
- id: 2
  title: 任务二
  items:
  - id: "2.1"
    content: 条目三
    owners: [县财政局]
    deadline: 年底前
plan:
    year: 2022
    title: 2022年某县政务公开工作要点
    issued: 2022-03-01
sections:
- {id: 一, title: 第一部分}
"""

CANONICAL_TASKS = """\
# 分解表
plan:
  title: 2022年某县政务公开工作要点
  issued: 2022-03-01
  year: 2022

sections:
  - id: 一
    title: 第一部分

tasks:
  - id: 1
    section: 一
    title: 任务一
    deadline: 2022年9月并持续更新  # 附表作“20229”
    items:
      # 编号加引号
      - id: "1.1"
        content: 条目一
        owners:
          - 县财政局  # 附表合并单元格
          - 各乡镇
      - id: "1.10"
        content: "条目二: 公开"
        owners: [县财政局]
        deadline: 2022年12月

  # 任务 2 每个条目各有完成时间
  - id: 2
    title: 任务二
    items:
      - id: "2.1"
        content: 条目三
        owners: [县财政局]
        deadline: 年底前
"""

MESSY_UNITS = """\
groups:
- members:
  - 甲镇
  - 乙乡
  name: 各乡镇
# 单位名录
units:
- name: 县财政局
  id: czj
  kind: 政府工作部门
  aliases: [财政局]
- {id: aaz, name: 甲镇, kind: 乡镇}
"""

CANONICAL_UNITS = """\
# 单位名录
units:
  - id: czj
    name: 县财政局
    aliases: [财政局]
    kind: 政府工作部门
  - id: aaz
    name: 甲镇
    kind: 乡镇

groups:
  - name: 各乡镇
    members: [甲镇, 乙乡]
"""

MESSY_PROGRESS = (
    "\ufeff# 县财政局的进展\r\n"
    "\r\n"
    "reports:\r\n"
    "- status: 已完成   # 已核实\r\n"
    "  date: 2022-09-26\r\n"
    "  item: 1.1\r\n"
    "  evidence:\r\n"
    "    - https://example.gov.cn/a   \r\n"
    "    - https://example.gov.cn/b,c\r\n"
    "  summary: 在门户网站公开\r\n"
    "# 第二条\r\n"
    "\r\n"
    "\r\n"
    "- {item: '1.2', date: 2022-10-01, status: 不涉及, reason: 本级无此事项}\r\n"
    '- item: "1.2"\r\n'
    "  reason:\r\n"
    "  summary: |   # 原文照录\r\n"
    "    第一行\r\n"
    "    # 这一行是正文,不是注释\r\n"
    "  status: 推进中\r\n"
    "  date: 2022-10-02\r\n"
    "unit: 县财政局  # 名称见 units.yaml\r\n"
    "# 文件结束\r\n"
)

CANONICAL_PROGRESS = """\
# 县财政局的进展
unit: 县财政局  # 名称见 units.yaml
reports:
  - item: "1.1"
    date: 2022-09-26
    status: 已完成  # 已核实
    summary: 在门户网站公开
    evidence: [https://example.gov.cn/a, 'https://example.gov.cn/b,c']
  # 第二条
  - item: "1.2"
    date: 2022-10-01
    status: 不涉及
    reason: 本级无此事项
  - item: "1.2"
    date: 2022-10-02
    status: 推进中
    summary: |  # 原文照录
      第一行
      # 这一行是正文,不是注释
    reason:
# 文件结束
"""

CASES = [
    (FileKind.TASKS, MESSY_TASKS, CANONICAL_TASKS),
    (FileKind.UNITS, MESSY_UNITS, CANONICAL_UNITS),
    (FileKind.PROGRESS, MESSY_PROGRESS, CANONICAL_PROGRESS),
]


@pytest.mark.parametrize(("kind", "messy", "expected"), CASES, ids=[k for k, _, _ in CASES])
def test_canonical_layout(kind: FileKind, messy: str, expected: str) -> None:
    assert format_bytes(messy.encode("utf-8"), kind, "x.yaml").decode("utf-8") == expected


@pytest.mark.parametrize(("kind", "messy", "expected"), CASES, ids=[k for k, _, _ in CASES])
def test_idempotent(kind: FileKind, messy: str, expected: str) -> None:
    assert canonical(expected, kind, "x.yaml") == expected


@pytest.mark.slow
def test_shipped_data_is_canonical(capsys: pytest.CaptureFixture[str]) -> None:
    for path in ledger_yaml_files(SHIPPED):
        kind = kind_of(path)
        assert kind is not None
        assert format_bytes(path.read_bytes(), kind, path.name) == path.read_bytes(), path
    result = run_ledger(capsys, "fmt", "--check", "--ledger", str(SHIPPED))
    assert (result.code, result.out) == (0, "")
    assert result.err.endswith("个文件已是统一格式\n")


@pytest.fixture
def shipped_copy(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(SHIPPED, root)
    return root


@pytest.mark.slow
def test_check_finds_a_layout_change_and_writes_nothing(
    shipped_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tasks = shipped_copy / "tasks.yaml"
    original = tasks.read_text(encoding="utf-8")
    changed = original.replace('      - id: "1.2"', "      - id: '1.2'").replace(
        "\n\n  - id: 2\n", "\n  - id: 2\n"
    )
    tasks.write_text(changed, encoding="utf-8")

    result = run_ledger(capsys, "fmt", "--check", "--diff", "--ledger", str(shipped_copy))
    assert result.code == 1
    assert result.out == textwrap.dedent(
        f"""\
        需要排版:{tasks}
        --- a{tasks}
        +++ b{tasks}
        @@ -32,12 +32,13 @@
               - id: "1.1"
                 content: 围绕数字经济做优做强“一号发展工程”,第一时间做好相关政策文件的发布解读,集中公开数字经济相关政策举措、工作进展、项目落地等信息。
                 owners: [市发改委]
        -      - id: '1.2'
        +      - id: "1.2"
                 content: 深入解读数字政府建设的各项政策措施。
                 owners: [市发改委]
               - id: "1.3"
                 content: 公开工业互联网、智能制造、金融科技等行业数字化转型目标、任务和进展情况。
                 owners: [市工信局]
        +
           - id: 2
             section: 一
             title: 加强涉及优化营商环境的信息公开
        """
    )
    assert result.err == "1 个文件需要排版,1 个文件已是统一格式\n"
    assert tasks.read_text(encoding="utf-8") == changed

    result = run_ledger(capsys, "fmt", "--ledger", str(shipped_copy))
    assert (result.code, result.out) == (0, f"已排版:{tasks}\n")
    assert tasks.read_text(encoding="utf-8") == original


def test_syntax_error_is_reported_and_the_file_left_alone(
    shipped_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    units = shipped_copy / "units.yaml"
    units.write_text("units:\n  - id: czj\n    aliases: [财政局\n", encoding="utf-8")
    before = units.read_bytes()
    progress = shipped_copy / "progress" / "czj.yaml"
    progress.write_text(
        "unit: 市财政局\nreports:\n- item: '5.1'\n  date: 2022-09-26\n  status: 推进中\n  summary: 已启动\n",
        encoding="utf-8",
    )

    result = run_ledger(capsys, "fmt", "--ledger", str(shipped_copy))
    assert result.code == 1
    assert result.out == (
        f"已排版:{progress}\n{units}:3:14: 错误 [syntax] 方括号或花括号没有闭合\n"
    )
    assert result.err == "1 个文件已排版,1 个文件已是统一格式,1 个文件有错误,未改动\n"
    assert units.read_bytes() == before
    assert progress.read_text(encoding="utf-8").splitlines()[2] == '  - item: "5.1"'


def test_write_is_atomic_and_keeps_the_mode(
    shipped_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    units = shipped_copy / "units.yaml"
    units.write_text(MESSY_UNITS, encoding="utf-8")
    units.chmod(0o640)
    assert run_ledger(capsys, "fmt", str(units)).code == 0
    assert units.read_text(encoding="utf-8") == CANONICAL_UNITS
    assert stat.S_IMODE(units.stat().st_mode) == 0o640
    assert sorted(p.name for p in shipped_copy.iterdir()) == [
        "progress",
        "tasks.yaml",
        "units.yaml",
    ]


def test_long_text_is_not_wrapped_and_dates_stay_dates() -> None:
    content = "加强政务公开。" * 60
    text = f"unit: 县财政局\nreports:\n- item: '1.1'\n  date: 2022-09-20\n  status: 推进中\n  summary: {content}\n"
    result = canonical(text, FileKind.PROGRESS, "x.yaml")
    assert result.splitlines()[3:6] == [
        "    date: 2022-09-20",
        "    status: 推进中",
        f"    summary: {content}",
    ]


def test_comments_only_and_empty_files() -> None:
    assert canonical("", FileKind.PROGRESS, "x.yaml") == ""
    assert (
        canonical("  # 待填报  \n\n# 第二行\n", FileKind.PROGRESS, "x.yaml")
        == "# 待填报\n# 第二行\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["notes.yaml"],
            "用法错误:“notes.yaml”不是台账文件(tasks.yaml、units.yaml 或 progress/*.yaml)\n",
        ),
        (["missing"], "用法错误:找不到“missing”\n"),
    ],
)
def test_usage_errors(
    args: list[str],
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.yaml").write_text("a: 1\n", encoding="utf-8")
    result = run_ledger(capsys, "fmt", *args)
    assert (result.code, result.out, result.err) == (2, "", message)


@pytest.mark.parametrize("name", ["tasks.yaml", "units.yaml"])
def test_reindented_shipped_file_formats_back(name: str) -> None:
    """4-space mappings, unindented sequences, every list in block style: fmt restores the file."""
    import io

    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    shipped = (SHIPPED / name).read_text(encoding="utf-8")
    rt = YAML()
    rt.indent(mapping=4, sequence=2, offset=0)
    rt.width = 1_000_000
    data = rt.load(shipped)

    def block(node: object) -> None:
        if isinstance(node, CommentedSeq):
            node.fa.set_block_style()
        if isinstance(node, CommentedMap | CommentedSeq):
            for value in node.values() if isinstance(node, CommentedMap) else node:
                block(value)

    block(data)
    out = io.StringIO()
    rt.dump(data, out)
    messy = out.getvalue()
    assert messy != shipped
    assert re.search(r"\n *(owners|aliases|members):\n *- ", messy)  # block lists now
    kind = kind_of(SHIPPED / name)
    assert kind is not None
    assert canonical(messy, kind, name) == shipped


def test_modeline_stays_first() -> None:
    text = "# yaml-language-server: $schema=../../schema/progress.schema.json\nreports: []\nunit: 甲镇\n"
    assert canonical(text, FileKind.PROGRESS, "x.yaml") == (
        "# yaml-language-server: $schema=../../schema/progress.schema.json\nunit: 甲镇\nreports: []\n"
    )


def _tasks_with(tmp_path: Path, *replacements: tuple[str, str]) -> Path:
    ledger = tmp_path / "data"
    shutil.copytree(SHIPPED, ledger)
    tasks = ledger / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8")
    for old, new in replacements:
        text, count = re.subn(old, new, text, count=1)
        assert count == 1
    tasks.write_text(text, encoding="utf-8")
    return ledger


def test_fmt_keeps_a_5000_digit_number_and_quotes_it_as_an_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = "5" * 5000
    ledger = _tasks_with(tmp_path, ('id: "5\\.1"', f"id: {huge}"), (r"year: \d+", f"year: {huge}"))
    run = run_ledger(capsys, "fmt", "--ledger", str(ledger))
    assert run.code == 0, run.err
    text = (ledger / "tasks.yaml").read_text(encoding="utf-8")
    assert f'id: "{huge}"' in text
    assert f"year: {huge}\n" in text
    check = run_ledger(capsys, "check", "--ledger", str(ledger))
    assert check.code == 1
    assert "plan.year 5555" in check.out and "过大" in check.out
    assert "应为整数" not in check.out


def test_fmt_quotes_exponent_ids_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = _tasks_with(tmp_path, ('id: "5\\.2"', "id: 1e400"), ('id: "5\\.3"', "id: 5.1e3"))
    run = run_ledger(capsys, "fmt", "--ledger", str(ledger))
    assert run.code == 0, run.err + run.out
    text = (ledger / "tasks.yaml").read_text(encoding="utf-8")
    assert 'id: "1e400"' in text and 'id: "5.1e3"' in text
