"""Refused where it enters: ids, invisible characters, editor positions, digits, list hints.

Every test goes through the real `ledger` entry point.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .cli_run import run_ledger, run_process
from .conftest import Write
from .ledgers import TASKS, UNITS

PROGRESS_OK = """\
unit: 县财政局
reports:
  - item: "1.1"
    date: 2022-09-26
    status: 已完成
    summary: 已在门户网站公开
    evidence: [https://example.gov.cn/1]
"""

Capsys = pytest.CaptureFixture[str]


def checked(capsys: Capsys, root: Path, *args: str) -> tuple[int, list[dict[str, object]]]:
    run = run_ledger(
        capsys, "check", "--ledger", str(root), "--format", "json", "--as-of", "2022-12-31", *args
    )
    assert "Traceback" not in run.err
    return run.code, json.loads(run.out)


def where(problems: list[dict[str, object]]) -> list[tuple[str, object, object, object]]:
    return [(Path(str(p["path"])).name, p["line"], p["col"], p["rule"]) for p in problems]


def write_bytes(root: Path, name: str, text: str, encoding: str = "utf-8") -> None:
    (root / name).write_bytes(text.encode(encoding))


# -- item 2: ids follow a strict pattern --------------------------------------

INJECTED_ID = '"1.1 | x\\n## 已通过审核 [点此](https://evil.example) ![](https://t.example/p.png)"'


def test_an_item_id_with_markup_and_a_newline_is_refused(
    capsys: Capsys, write_ledger: Write
) -> None:
    root = write_ledger(tasks=TASKS.replace('id: "1.1"', f"id: {INJECTED_ID}"))
    code, problems = checked(capsys, root)
    assert code == 1
    assert ("tasks.yaml", 18, 13, "control-char") in where(problems)
    message = next(p["message"] for p in problems if p["rule"] == "control-char")
    assert "条目编号" in str(message) and "换行符 U+000A" in str(message)


@pytest.mark.parametrize(
    "ident", ["1.1 | x", "1.1](https://evil.example)", "##", "1..1", "(一)", "1.1a-b_c" + "1" * 30]
)
def test_item_ids_outside_the_pattern_are_refused(
    capsys: Capsys, write_ledger: Write, ident: str
) -> None:
    root = write_ledger(tasks=TASKS.replace('id: "1.1"', f"id: {json.dumps(ident)}"))
    code, problems = checked(capsys, root)
    assert code == 1
    assert ("tasks.yaml", 18, 13, "id-format") in where(problems)


def test_section_and_task_ids_follow_the_pattern(capsys: Capsys, write_ledger: Write) -> None:
    tasks = TASKS.replace("  - id: 一\n", "  - id: 一 二\n").replace(
        "section: 一", "section: 一 二"
    )
    tasks = tasks.replace("  - id: 1\n", '  - id: "1#"\n')
    code, problems = checked(capsys, write_ledger(tasks=tasks))
    assert code == 1
    assert [w for w in where(problems) if w[3] == "id-format"] == [
        ("tasks.yaml", 10, 9, "id-format"),
        ("tasks.yaml", 13, 9, "id-format"),
    ]


@pytest.mark.parametrize("ident", ["5", "5.1", "5.1a", "一", "十二", "A-3_b", "〇.零"])
def test_well_formed_section_ids_pass(capsys: Capsys, write_ledger: Write, ident: str) -> None:
    tasks = TASKS.replace("  - id: 一\n", f'  - id: "{ident}"\n').replace(
        "section: 一", f'section: "{ident}"'
    )
    code, problems = checked(capsys, write_ledger(tasks=tasks))
    assert (code, problems) == (0, [])


# -- item 2: names and texts refuse invisible characters ----------------------


def test_a_unit_name_with_a_newline_is_refused_at_the_newline(
    capsys: Capsys, write_ledger: Write
) -> None:
    units = UNITS.replace("    name: 县财政局\n", "    name: |-\n      丁局\n      * @attacker\n")
    code, problems = checked(capsys, write_ledger(units=units))
    assert code == 1
    assert ("units.yaml", 4, 9, "control-char") in where(problems)  # just after 丁局
    assert "单位名称中有换行符 U+000A" in [p["message"] for p in problems]


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\u200b", "零宽空格 U+200B"),
        ("\u202e", "双向覆盖符(从右到左) U+202E"),
        ("\u2066", "双向隔离符(从左到右) U+2066"),
        ("\ufeff", "零宽不换行空格(BOM) U+FEFF"),
        ("\u061c", "阿拉伯字母标记 U+061C"),
        ("\u00ad", "软连字符 U+00AD"),
        ("\u180e", "蒙古文元音分隔符 U+180E"),
        ("\ufff9", "行间注释符 U+FFF9"),
        ("\U000e0041", "标签字符 U+E0041"),
        ("\u2061", "格式字符 U+2061"),
        ("\u034f", "组合用字形连接符 U+034F"),
        ("\u3164", "韩文填充符 U+3164"),
        ("\u115f", "韩文填充符 U+115F"),
        ("\u2800", "盲文空白 U+2800"),
    ],
)
def test_invisible_characters_are_named_at_their_editor_position(
    capsys: Capsys, write_ledger: Write, char: str, name: str
) -> None:
    root = write_ledger()
    tasks = TASKS.replace("title: 任务一", f"title: 任务{char}一")
    write_bytes(root, "tasks.yaml", tasks)
    code, problems = checked(capsys, root)
    assert code == 1
    assert where(problems) == [("tasks.yaml", 15, 14, "control-char")]
    assert problems[0]["message"] == f"任务 1 的标题中有{name}"


def test_a_hint_shows_an_invisible_character_as_its_code(
    capsys: Capsys, write_ledger: Write
) -> None:
    root = write_ledger()
    write_bytes(root, "units.yaml", UNITS.replace("name: 县财政局", 'name: "县财\\u00ad政局"'))
    run = run_ledger(capsys, "check", "--ledger", str(root), "--as-of", "2022-12-31")
    assert run.code == 1
    assert "软连字符 U+00AD" in run.out
    assert "\u00ad" not in run.out and "\\xad" in run.out


def test_a_bidi_override_in_a_comment_is_refused_where_it_is(
    capsys: Capsys, write_ledger: Write
) -> None:
    progress = PROGRESS_OK.replace("unit: 县财政局", "unit: 县财政局  # 注释\u202e反转")
    progress += '# "#\u2066" in a comment line\n'
    code, problems = checked(capsys, write_ledger(progress={"czj.yaml": progress}))
    assert code == 1
    assert where(problems) == [
        ("czj.yaml", 1, 17, "control-char"),
        ("czj.yaml", 8, 5, "control-char"),
    ]
    assert "注释中有双向覆盖符(从右到左) U+202E" in str(problems[0]["message"])


def test_a_hash_inside_a_quoted_value_is_not_a_comment(capsys: Capsys, write_ledger: Write) -> None:
    progress = PROGRESS_OK.replace("summary: 已在门户网站公开", 'summary: "已公开 # \u202e"')
    code, problems = checked(capsys, write_ledger(progress={"czj.yaml": progress}))
    assert code == 1
    assert where(problems) == [("czj.yaml", 6, 21, "control-char")]
    assert "注释" not in str(problems[0]["message"])


@pytest.mark.parametrize(
    ("escaped", "name"),
    [("\\e]0;PWNED\\a", "转义符(ESC) U+001B"), ("\\x85", "下一行符(NEL) U+0085"), ("\\x9b", "C1")],
)
def test_escaped_control_characters_in_a_status_or_summary_are_refused(
    capsys: Capsys, write_ledger: Write, escaped: str, name: str
) -> None:
    progress = PROGRESS_OK.replace("summary: 已在门户网站公开", f'summary: "已公开{escaped}"')
    code, problems = checked(capsys, write_ledger(progress={"czj.yaml": progress}))
    assert code == 1
    assert where(problems) == [("czj.yaml", 6, 14, "control-char")]
    assert name in str(problems[0]["message"])


def test_multi_line_texts_keep_line_breaks_but_no_tab(capsys: Capsys, write_ledger: Write) -> None:
    progress = PROGRESS_OK.replace(
        "summary: 已在门户网站公开", "summary: |\n      第一行\n      第二行"
    )
    root = write_ledger(progress={"czj.yaml": progress})
    assert checked(capsys, root) == (0, [])
    tasks = TASKS.replace("content: 条目一", 'content: "条目\\t一"')
    code, problems = checked(capsys, write_ledger(tasks=tasks))
    assert code == 1
    assert where(problems) == [("tasks.yaml", 19, 18, "control-char")]
    assert "制表符 U+0009" in str(problems[0]["message"])


def test_progress_add_refuses_an_invisible_character_in_its_options(
    capsys: Capsys, write_ledger: Write
) -> None:
    root = write_ledger()
    for option, value in (
        ("--summary", "已公开\u200b"),
        ("--summary", "已公开\x1b[2J"),
        ("--evidence", "https://example.gov.cn/\u202e"),
        ("--summary", "a\u00adb"),
        ("--summary", "a\U000e0041b"),
        ("--summary", "a\u3164b"),
        ("--unit", "县财政局\n* @attacker"),
    ):
        args = {"--unit": "县财政局", "--status": "已完成", "--summary": "已公开"}
        args[option] = value
        flat = [part for pair in args.items() for part in pair]
        run = run_ledger(capsys, "progress", "add", "1.1", *flat, "--ledger", str(root))
        assert run.code == 2, (option, value)
        assert option in run.err and "U+" in run.err and "Traceback" not in run.err
        assert not (root / "progress" / "czj.yaml").exists()


def test_progress_add_refuses_bytes_that_are_not_utf8(write_ledger: Write) -> None:
    root = write_ledger()
    done = run_process(
        "progress",
        "add",
        "1.1",
        "--unit",
        "县财政局",
        "--status",
        "已完成",
        b"--summary",
        "已公开".encode("gbk"),
        "--ledger",
        str(root),
        env={"LC_ALL": "C.UTF-8", "PYTHONUTF8": "1"},
        text=False,
    )
    err = done.stderr.decode("utf-8", errors="replace")
    assert done.returncode == 2, err
    # the option parser refuses it first (usage.py), naming the option and the byte
    assert "--summary" in err and "不是 UTF-8" in err and "Traceback" not in err
    assert not (root / "progress" / "czj.yaml").exists()


# -- item 15: pasted line separators keep editor line numbers -----------------


@pytest.mark.parametrize("char", ["\u2028", "\x85", "\u2029"])
def test_a_pasted_line_separator_is_named_not_a_missing_colon(
    capsys: Capsys, write_ledger: Write, char: str
) -> None:
    root = write_ledger()
    write_bytes(root, "tasks.yaml", TASKS.replace("title: 任务一", f"title: 任务{char}一"))
    code, problems = checked(capsys, root)
    assert code == 1
    assert where(problems) == [("tasks.yaml", 15, 14, "control-char")]
    assert f"U+{ord(char):04X}" in str(problems[0]["message"])


@pytest.mark.parametrize("title", ['"任务\u2028一"', "'任务\u2028一'"])
def test_after_a_separator_problems_keep_the_editor_line_numbers(
    capsys: Capsys, write_ledger: Write, title: str
) -> None:
    root = write_ledger()
    tasks = TASKS.replace("title: 任务一", f"title: {title}") + "    colour: 红\n"
    write_bytes(root, "tasks.yaml", tasks)
    code, problems = checked(capsys, root)
    assert code == 1
    assert where(problems) == [  # once, at the character; the next problem on the editor's line
        ("tasks.yaml", 15, 15, "control-char"),
        ("tasks.yaml", 25, 5, "unknown-key"),
    ]


@pytest.mark.parametrize(("space", "name"), [("\u3000", "全角空格"), ("\u00a0", "不间断空格")])
def test_full_width_or_no_break_spaces_as_indentation(
    capsys: Capsys, write_ledger: Write, space: str, name: str
) -> None:
    root = write_ledger()
    units = UNITS.replace("    name: 县财政局", f"  {space}{space}name: 县财政局")
    write_bytes(root, "units.yaml", units)
    code, problems = checked(capsys, root)
    assert code == 1
    ours = [p for p in problems if p["path"] == str(root / "units.yaml")]
    assert where(ours) == [("units.yaml", 3, 3, "indent-space")]
    assert f"缩进中有{name}" in str(ours[0]["message"])
    assert not any(p["rule"] == "syntax" for p in problems)


IME_PROGRESS = """\
unit: 县财政局
reports:
  - item: "1.1"
    date: 2022-09-26
    status: 已完成
    summary: 已在门户网站公开
"""


@pytest.mark.parametrize(
    ("old", "new", "line", "col", "named"),
    [
        ("status: ", "status:\u3000", 5, 12, "冒号“:”后面是全角空格(U+3000)"),
        ("status: ", "status:\u00a0", 5, 12, "冒号“:”后面是不间断空格(U+00A0)"),
        ("status: ", "status\uff1a", 5, 11, "键“status”后面是全角冒号“：”(U+FF1A)"),
        ("  - item", "  -\u3000item", 3, 4, "列表符“-”后面是全角空格(U+3000)"),
    ],
)
def test_an_ime_space_or_colon_after_a_key_or_dash_is_named_on_its_line(
    capsys: Capsys, write_ledger: Write, old: str, new: str, line: int, col: int, named: str
) -> None:
    root = write_ledger(progress={"czj.yaml": IME_PROGRESS.replace(old, new, 1)})
    code, problems = checked(capsys, root)
    assert code == 1
    assert where(problems) == [("czj.yaml", line, col, "indent-space")]
    assert named in str(problems[0]["message"])


def test_a_full_width_indent_of_a_key_is_not_also_an_unknown_key(
    capsys: Capsys, write_ledger: Write
) -> None:
    progress = IME_PROGRESS.replace("    status: ", "  \u3000\u3000status: ", 1)
    code, problems = checked(capsys, write_ledger(progress={"czj.yaml": progress}))
    assert code == 1
    assert where(problems) == [("czj.yaml", 5, 3, "indent-space")]


def test_an_ime_colon_inside_a_text_that_reads_is_text(capsys: Capsys, write_ledger: Write) -> None:
    progress = IME_PROGRESS.replace(
        "summary: 已在门户网站公开", "summary: |\n      note：已公开\n      a:\u3000b"
    )
    code, problems = checked(capsys, write_ledger(progress={"czj.yaml": progress}))
    assert code == 0
    assert not [p for p in problems if p["level"] == "error"]


def test_a_full_width_space_opening_a_paragraph_is_text(
    capsys: Capsys, write_ledger: Write
) -> None:
    root = write_ledger()
    tasks = TASKS.replace("content: 条目一", "content: |\n          \u3000\u3000第一段。")
    write_bytes(root, "tasks.yaml", tasks)
    assert checked(capsys, root) == (0, [])


def test_gb18030_beyond_gbk_is_named(capsys: Capsys, write_ledger: Write) -> None:
    root = write_ledger()
    write_bytes(root, "units.yaml", UNITS.replace("甲镇", "𠀾镇"), encoding="gb18030")
    code, problems = checked(capsys, root)
    assert code == 1
    assert "GB18030" in str(problems[0]["message"])
    assert "不是文本文件" not in str(problems[0]["message"])


# -- item 14: numbers Python will not convert ---------------------------------


@pytest.mark.parametrize("number", ["9" * 5000, "0x" + "f" * 5000])
def test_a_5000_digit_unquoted_id_is_a_problem_not_a_crash(
    capsys: Capsys, write_ledger: Write, number: str
) -> None:
    root = write_ledger(tasks=TASKS.replace('id: "1.1"', f"id: {number}"))
    code, problems = checked(capsys, root)
    assert code == 1
    assert ("tasks.yaml", 18, 13, "numeric-id") in where(problems)
    assert ("tasks.yaml", 18, 13, "id-format") in where(problems)
    ours = [p for p in problems if p["rule"] in ("numeric-id", "id-format")]
    assert all(len(str(p["message"]) + str(p["hint"])) < 200 for p in ours)


@pytest.mark.parametrize("number", ["9" * 5000, "0x" + "f" * 5000])
def test_a_5000_digit_year_is_a_problem_not_a_crash(
    capsys: Capsys, write_ledger: Write, number: str
) -> None:
    root = write_ledger(tasks=TASKS.replace("year: 2022", f"year: {number}"))
    code, problems = checked(capsys, root)
    assert code == 1
    assert ("tasks.yaml", 6, 9, "wrong-type") in where(problems)
    assert all(len(str(p["message"])) < 200 for p in problems)


# -- item 17: one rule for digits ---------------------------------------------


def test_full_width_digits_in_a_date_are_refused_with_the_ascii_form(
    capsys: Capsys, write_ledger: Write
) -> None:
    progress = PROGRESS_OK.replace("date: 2022-09-26", "date: ２０２２-０９-２６")
    code, problems = checked(capsys, write_ledger(progress={"czj.yaml": progress}))
    assert code == 1
    assert where(problems) == [("czj.yaml", 4, 11, "impossible-date")]
    assert problems[0]["hint"] == "请写成 2022-09-26"


def test_full_width_digits_in_a_deadline_are_refused_with_the_ascii_form(
    capsys: Capsys, write_ledger: Write
) -> None:
    tasks = TASKS.replace("deadline: 2022年12月", "deadline: ２０２２年１２月")
    code, problems = checked(capsys, write_ledger(tasks=tasks))
    assert code == 1
    assert where(problems) == [("tasks.yaml", 24, 19, "deadline-format")]
    assert "“2022年12月”" in str(problems[0]["message"])


@pytest.mark.slow
def test_full_width_digits_on_the_command_line_are_read(
    capsys: Capsys, write_ledger: Write
) -> None:
    root = write_ledger(progress={"czj.yaml": PROGRESS_OK})
    for command in (["overdue"], ["show", "1.1"]):
        ascii_run = run_ledger(capsys, *command, "--ledger", str(root), "--as-of", "2022-12-31")
        wide_run = run_ledger(
            capsys, *command, "--ledger", str(root), "--as-of", "２０２２－１２－３１"
        )
        assert (wide_run.code, wide_run.out) == (ascii_run.code, ascii_run.out)
        assert ascii_run.code == 0
    ascii_report = run_ledger(capsys, "report", "--ledger", str(root), "--month", "2022-12")
    wide_report = run_ledger(capsys, "report", "--ledger", str(root), "--month", "２０２２－１２")
    assert wide_report.code == ascii_report.code == 0
    assert wide_report.out.splitlines()[2:] == ascii_report.out.splitlines()[2:]


# -- item 18: the owners hint passes when followed ----------------------------


def test_the_owners_hint_is_a_list_that_passes(capsys: Capsys, write_ledger: Write) -> None:
    """owners may now be one cell (issue 11); a list-only key's hint still passes when followed."""
    tasks = TASKS.replace("owners: [县财政局]", "owners: 县财政局、甲镇")
    assert checked(capsys, write_ledger(tasks=tasks)) == (0, [])
    units = UNITS.replace("aliases: [财政局]", "aliases: 财政局、财局")  # members: a cell is ok
    code, problems = checked(capsys, write_ledger(units=units))
    assert code == 1
    hint = next(str(p["hint"]) for p in problems if p["rule"] == "wrong-type")
    assert hint.startswith("例如 [财政局, 财局]") and "英文逗号" in hint
    followed = UNITS.replace("aliases: [财政局]", "aliases: " + hint[3:].split(";")[0])
    assert checked(capsys, write_ledger(units=followed)) == (0, [])


def test_names_joined_with_a_chinese_comma_in_a_list_are_split(
    capsys: Capsys, write_ledger: Write
) -> None:
    """[县财政局、甲镇] is a table cell pasted into a list: two owners, like the cell alone."""
    tasks = TASKS.replace("owners: [县财政局]", "owners: [县财政局、甲镇]")
    assert checked(capsys, write_ledger(tasks=tasks)) == (0, [])


def test_a_huge_warn_days_is_a_problem_not_a_crash(capsys: Capsys, write_ledger: Write) -> None:
    root = write_ledger(tasks=TASKS.replace("warn_days: 15", "warn_days: 99999999999"))
    code, problems = checked(capsys, root)
    assert (code, where(problems)) == (1, [("tasks.yaml", 8, 14, "wrong-type")])
    run = run_ledger(capsys, "overdue", "--ledger", str(root), "--as-of", "2022-12-31")
    assert run.code == 2 and "warn_days" in run.err and "Traceback" not in run.err


# -- one shortening rule for every quoted value -----------------------------------


def test_every_quoted_value_in_a_message_is_shortened_by_one_rule(
    capsys: Capsys, write_ledger: Write
) -> None:
    long_id = "9." + "1" * 5000
    progress = PROGRESS_OK.replace("status: 已完成", "status: " + "S" * 100_000).replace(
        "unit: 县财政局", "unit: " + "市" * 100_000
    )
    root = write_ledger(
        tasks=TASKS.replace('id: "1.1"', f'id: "{long_id}"'), progress={"czj.yaml": progress}
    )
    code, problems = checked(capsys, root)
    assert code == 1
    rules = {p["rule"] for p in problems}
    assert {"item-id-prefix", "unknown-status", "unknown-unit", "id-format"} <= rules
    for problem in problems:
        assert len(str(problem["message"]) + str(problem["hint"])) < 300, problem["rule"]
    prefix = next(p for p in problems if p["rule"] == "item-id-prefix")
    assert f"“{long_id[:24]}…(共 5002 个字符)”" in str(prefix["message"])


def test_only_full_width_digits_are_read_on_the_command_line(
    capsys: Capsys, write_ledger: Write
) -> None:
    root = write_ledger(progress={"czj.yaml": PROGRESS_OK})
    for typed in ("٢٠٢٢-١٢-٣١", "𝟐𝟎𝟐𝟐-𝟏𝟐-𝟑𝟏", "20221231"):
        run = run_ledger(capsys, "overdue", "--ledger", str(root), "--as-of", typed)
        assert run.code == 2, typed
        assert "YYYY-MM-DD" in run.err
