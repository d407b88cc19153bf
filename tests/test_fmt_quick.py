"""fmt's quick answer (files/fmt_quick): "already canonical" only when the full formatter
agrees; on anything it does not know, no answer (the full formatter decides)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai_ledger.files.fmt import Unformattable, canonical
from gongkai_ledger.files.fmt_quick import is_canonical
from gongkai_ledger.files.schema import FileKind
from gongkai_ledger.files.yamlio import parse_document

from .ledgers import SHIPPED
from .profiles import examples

TASKS = """\
# 分解表
plan:
  title: 2022年某市政务公开工作要点
  year: 2022

sections:
  - id: S1
    title: 第一部分

tasks:
  - id: 1
    section: S1
    title: 任务一
    deadline: "2022-11-30"
    items:
      - id: "1.1"
        content: 集中发布,确保信息准确。
        owners: [市财政局, 各乡镇]
      - id: "1.2"
        content: '单引号: 也行'
        owners: [市财政局]

  - id: 2
    title: 任务二
    items:
      - id: "2.1"
        content: "双引号"
        owners: [市财政局]
"""

PROGRESS = """\
unit: 市财政局
reports:
  - item: "1.1"
    date: 2022-09-11
    status: 已完成
    summary: 已公开
    evidence: [https://www.example.gov.cn/a.html, https://www.example.gov.cn/b.html]
"""

# (what changes, from, to): each a small departure from the canonical files above
VARIANTS = [
    ("key order", "    section: S1\n    title: 任务一\n", "    title: 任务一\n    section: S1\n"),
    ("no blank line between tasks", "\n\n  - id: 2", "\n  - id: 2"),
    ("no blank line after a block", "  year: 2022\n\n", "  year: 2022\n"),
    ("extra blank line", "    title: 任务二\n", "    title: 任务二\n\n"),
    ("unquoted item id", 'id: "1.2"', "id: 1.2"),
    ("single-quoted item id", 'id: "1.2"', "id: '1.2'"),
    ("flow list without spaces", "[市财政局, 各乡镇]", "[市财政局,各乡镇]"),
    ("names in one text", "[市财政局, 各乡镇]", "市财政局、各乡镇"),
    ("block list of names", "[市财政局, 各乡镇]", "\n          - 市财政局\n          - 各乡镇"),
    ("indentless sequence", '    items:\n      - id: "2.1"', '    items:\n    - id: "2.1"'),
    ("indent of 4", "  title: 2022年", "    title: 2022年"),
    ("trailing space", "任务一\n", "任务一 \n"),
    ("boolean", "title: 任务二", "title: yes"),
    ("YAML 1.2 number", "title: 任务二", "title: 1e3"),
    ("null", "title: 任务二", "title: null"),
    ("octal", "title: 任务二", "title: 0o17"),
    ("escape", 'content: "双引号"', 'content: "双\\u5f15号"'),
    ("tagged", "title: 任务二", "title: !!str 任务二"),
    ("flow mapping", "  year: 2022\n", "  year: 2022\n  extra: {a: 1}\n"),
    ("block scalar", "title: 任务二", "title: |\n      任务二"),
    ("date and time", '"2022-11-30"', "2022-11-30 10:00:00"),
    ("deadline a date elsewhere", '"2022-11-30"', "2022-11-30"),
    ("deadline a number elsewhere", '"2022-11-30"', "2022.11"),
    ("float", "  year: 2022\n", "  year: 2022.0\n"),
    ("document start", "# 分解表\n", "# 分解表\n---\n"),
    ("no final line break", "owners: [市财政局]\n", "owners: [市财政局]"),
    ("two final line breaks", "owners: [市财政局]\n", "owners: [市财政局]\n\n"),
    ("unknown key at the end", '"双引号"\n', '"双引号"\n        note: 备注\n'),
    ("unknown key first", "  - id: 2\n", "  - note: 备注\n    id: 2\n"),
]

END = '"双引号"\n        owners: [市财政局]\n'

# comments where fmt writes them: known canonical without ruamel
CANONICAL_COMMENTS = [
    ("two header lines", "# 分解表\n", "# 分解表\n#\n# 又一行\n"),
    ("line above a top-level key, after the blank", "\nsections:", "\n# 注\nsections:"),
    ("lines above a top-level key", "\nsections:", "\n# 注\n# 又一行\nsections:"),
    ("line above a key at its indent", "    title: 任务一\n", "    # 注\n    title: 任务一\n"),
    (
        "line above a nested key",
        "        owners: [市财政局]\n",
        "        # 注\n        owners: [市财政局]\n",
    ),
    (
        "line above the first item",
        '    items:\n      - id: "1.1"',
        '    items:\n      # 注\n      - id: "1.1"',
    ),
    ("line between list items", '      - id: "1.2"', '      # 注\n      - id: "1.2"'),
    ("line above a task, after the blank", "\n\n  - id: 2", "\n\n  # 注\n  - id: 2"),
    ("line without a space after #", "    title: 任务一\n", "    #注\n    title: 任务一\n"),
    ("empty comment line", "    title: 任务一\n", "    #\n    title: 任务一\n"),
    ("end of line after a plain scalar", "任务一\n", "任务一  # 注\n"),
    ("end of line after an integer", "  year: 2022\n", "  year: 2022  # 注\n"),
    ("end of line after a quoted id", 'id: "1.2"\n', 'id: "1.2"  # 注\n'),
    ("end of line after a double-quoted text", '"2022-11-30"\n', '"2022-11-30"  # 注\n'),
    ("end of line after a single-quoted text", "'单引号: 也行'\n", "'单引号: 也行'  # 注\n"),
    ("end of line after a flow list", "[市财政局, 各乡镇]\n", "[市财政局, 各乡镇]  # 注\n"),
    ("end of line after a key of a mapping", "plan:\n", "plan:  # 注\n"),
    ("end of line after a key of a list", "    items:\n", "    items:  # 注\n"),
    ("end of line after an item's first key", "  - id: 1\n", "  - id: 1  # 注\n"),
    ("end of line without a space after #", "任务一\n", "任务一  #注\n"),
    ("end of line with # in it", "任务一\n", "任务一  # 注 # 又\n"),
    ("# inside a double-quoted text", 'content: "双引号"', 'content: "双 # 引号"'),
    ("# inside a single-quoted text", "'单引号: 也行'", "'单引号 # 也行'"),
    ("# inside a plain text", "title: 任务二", "title: 任务#二"),
    ("# inside a quoted text and after it", 'content: "双引号"', 'content: "双 # 引号"  # 注'),
    ("end of the file", END, END + "# 完\n"),
    ("lines at the end of the file", END, END + "# 完\n# 又一行\n"),
    (
        "everywhere at once",
        "  - id: 2\n    title: 任务二\n",
        "  # 注\n  - id: 2  # 注\n    title: 任务二  # 注\n",
    ),
]

# comments elsewhere: fmt moves them (or keeps a block list): quick is never True
OTHER_COMMENTS = [
    ("header after a blank line", "# 分解表\n", "# 分解表\n\n# 又一行\n"),
    ("header indented", "# 分解表\n", "# 分解表\n  # 又一行\n"),
    ("line above a blank line", "  year: 2022\n\n", "  year: 2022\n# 注\n\n"),
    ("line above a task, before the blank", "\n\n  - id: 2", "\n  # 注\n\n  - id: 2"),
    ("line above a key, indented less", "    title: 任务一\n", "  # 注\n    title: 任务一\n"),
    ("line above a key, indented more", "    title: 任务一\n", "      # 注\n    title: 任务一\n"),
    ("line above a key, at column 0", "    title: 任务一\n", "# 注\n    title: 任务一\n"),
    ("line above an item, at its content", '      - id: "1.2"', '        # 注\n      - id: "1.2"'),
    ("line with trailing spaces", "    title: 任务一\n", "    # 注  \n    title: 任务一\n"),
    (
        "line with a trailing ideographic space",
        "    title: 任务一\n",
        "    # 注\u3000\n    title: 任务一\n",
    ),
    ("end of line after one space", "任务一\n", "任务一 # 注\n"),
    ("end of line after three spaces", "任务一\n", "任务一   # 注\n"),
    ("end of line with trailing spaces", "任务一\n", "任务一  # 注  \n"),
    (
        "end of line after a flow list, one space",
        "[市财政局, 各乡镇]\n",
        "[市财政局, 各乡镇] # 注\n",
    ),
    ("end of line after a key, one space", "plan:\n", "plan: # 注\n"),
    ("inside a flow list", "[市财政局, 各乡镇]", "[市财政局,  # 注\n          各乡镇]"),
    (
        "end of line in a block list",
        "[市财政局, 各乡镇]",
        "\n          - 市财政局  # 注\n          - 各乡镇",
    ),
    (
        "line in a block list",
        "[市财政局, 各乡镇]",
        "\n          - 市财政局\n          # 注\n          - 各乡镇",
    ),
    ("value on the next line", "    title: 任务一\n", "    title:  # 注\n      任务一\n"),
    ("end of the file, indented", END, END + "        # 完\n"),
    ("end of the file, after a blank line", END, END + "\n# 完\n"),
    ("end of the file, trailing spaces", END, END + "# 完 \n"),
    ("end of the file, no final line break", END, END + "# 完"),
    ("a line separator in a comment", "任务一\n", "任务一  # 注\u2028又\n"),
    ("a next line in a comment", "任务一\n", "任务一  # 注\x85又\n"),
]
VARIANTS += CANONICAL_COMMENTS + OTHER_COMMENTS


def _quick_and_full(text: str, kind: FileKind) -> tuple[bool | None, bool]:
    document = parse_document(text.encode("utf-8"), "tasks.yaml")
    try:
        full = canonical(text, kind, "x") == text
    except Unformattable:  # not YAML, or not a layout fmt can write: not canonical either
        full = False
    return is_canonical(document.text, document.node, kind), full


@pytest.mark.parametrize(("text", "kind"), [(TASKS, FileKind.TASKS), (PROGRESS, FileKind.PROGRESS)])
def test_canonical_files_are_known_without_ruamel(text: str, kind: FileKind) -> None:
    assert _quick_and_full(text, kind) == (True, True)


@pytest.mark.parametrize(("what", "old", "new"), VARIANTS, ids=[v[0] for v in VARIANTS])
def test_quick_answer_never_contradicts_the_formatter(what: str, old: str, new: str) -> None:
    assert old in TASKS, what
    quick, full = _quick_and_full(TASKS.replace(old, new, 1), FileKind.TASKS)
    assert quick in (None, full), what


@pytest.mark.parametrize(
    ("what", "old", "new"), CANONICAL_COMMENTS, ids=[v[0] for v in CANONICAL_COMMENTS]
)
def test_comments_where_fmt_writes_them_are_known_without_ruamel(
    what: str, old: str, new: str
) -> None:
    assert old in TASKS, what
    assert _quick_and_full(TASKS.replace(old, new, 1), FileKind.TASKS) == (True, True), what


@pytest.mark.parametrize(
    ("name", "kind"), [("tasks.yaml", FileKind.TASKS), ("units.yaml", FileKind.UNITS)]
)
def test_shipped_files_with_comments_are_known_without_ruamel(name: str, kind: FileKind) -> None:
    text = (SHIPPED / name).read_text(encoding="utf-8")
    body = text.split("\n")[6:]
    assert any(line.lstrip().startswith("#") for line in body), name  # lines of their own
    assert any("  # " in line.lstrip() for line in body), name  # at the end of a line
    assert _quick_and_full(text, kind) == (True, True)


COMMENT_LINES = ["# 注", "#", "  # 注", "    # 注", "      # 注", "        # 注", "# 注 ", ""]
AFTER_VALUES = ["  # 注", "  #注", " # 注", "   # 注", "  # 注 "]
WHERE = st.integers(0, TASKS.count("\n"))
EDITS = st.tuples(st.just(True), WHERE, st.sampled_from(AFTER_VALUES)) | st.tuples(
    st.just(False), WHERE, st.sampled_from(COMMENT_LINES)
)


@pytest.mark.slow
@settings(max_examples=examples(300), deadline=None)
@given(st.lists(EDITS, min_size=1, max_size=3))
def test_comments_anywhere_never_make_the_quick_answer_wrong(
    edits: list[tuple[bool, int, str]],
) -> None:
    lines = TASKS.split("\n")[:-1]
    for at_end, where, comment in edits:
        if at_end and where < len(lines) and lines[where] and "#" not in lines[where]:
            lines[where] += comment  # after the value
        else:
            lines.insert(where, comment)  # a line of its own (or a blank line)
    quick, full = _quick_and_full("\n".join(lines) + "\n", FileKind.TASKS)
    assert quick in (None, full)
