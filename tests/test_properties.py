"""Properties over generated ledgers (Hypothesis).

- status does not depend on the order of reports in a file or of the progress files;
- loading is deterministic, and every generated ledger is clean;
- `ledger check` never raises, whatever text stands in a ledger file;
- `fmt` keeps the model (load → fmt → load) and is idempotent, whatever the layout;
- `progress add` adds exactly the report, and every byte of the file stays where it was.
"""

from __future__ import annotations

import difflib
import json
import random
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from gongkai_ledger.core.model import Ledger, Source, Status
from gongkai_ledger.core.problems import Level
from gongkai_ledger.core.record import fields, is_record, replace
from gongkai_ledger.core.status import standings
from gongkai_ledger.files.fmt import format_bytes
from gongkai_ledger.files.load import load_ledger
from gongkai_ledger.files.schema import FileKind
from gongkai_ledger.files.splice import NewReport
from gongkai_ledger.ops.check import check_ledger
from gongkai_ledger.ops.progress import add_report
from gongkai_ledger.rules.catalog import ALL

from .ledgers import TASKS, UNITS
from .profiles import examples

# About a minute in all in CI (on 2 cores); each test says how many examples it is worth there,
# the dev profile runs a tenth (profiles.py).
pytestmark = pytest.mark.slow

SETTINGS = settings(max_examples=examples(150))
RULE_IDS = {rule.ID for rule in ALL}
AS_OF = date(2022, 12, 31)

# The fixture registry: 县财政局 alone, and 甲镇 and 乙乡 together as 各乡镇.
UNIT_IDS = {"县财政局": "czj", "甲镇": "aaz", "乙乡": "bbx"}
MEMBERS = {"县财政局": ["县财政局"], "甲镇": ["甲镇"], "乙乡": ["乙乡"], "各乡镇": ["甲镇", "乙乡"]}
DEADLINES = (
    "2022年9月", "2022年9月底前", "2022年12月", "2022年底前", "年底前", "2022-10",
    "2022-06-30", "2022年6月并持续更新", "常态化更新", "持续推进", "每年年底前",
)  # fmt: skip

# -- generated ledgers ---------------------------------------------------------------

# Text with YAML's special characters in it, never blank at either end (the loader strips).
text = st.text(
    alphabet=st.sampled_from("政务公开信息条目推进完成网站专栏解读,。、:;“”()《》ab1#-:'\"·"),
    min_size=1,
    max_size=20,
)


@dataclass(frozen=True)
class Spec:
    """A ledger as plain data: tasks of items, and each unit's reports."""

    items: list[tuple[int, list[tuple[str, str, list[str], str | None]]]]  # task → items
    deadlines: dict[int, str]
    reports: dict[str, list[dict[str, Any]]]  # unit name → reports


@st.composite
def specs(draw: st.DrawFn) -> Spec:
    n_tasks = draw(st.integers(1, 3))
    items: list[tuple[int, list[tuple[str, str, list[str], str | None]]]] = []
    owned: dict[str, list[str]] = {name: [] for name in UNIT_IDS}
    for t in range(1, n_tasks + 1):
        task_items = []
        for i in range(1, draw(st.integers(1, 12)) + 1):
            owners = draw(st.lists(st.sampled_from(list(MEMBERS)), min_size=1, max_size=3))
            owners = list(dict.fromkeys(owners))
            own_deadline = draw(st.none() | st.sampled_from(DEADLINES))
            task_items.append((f"{t}.{i}", draw(text), owners, own_deadline))
            for owner in owners:
                for unit in MEMBERS[owner]:
                    owned[unit].append(f"{t}.{i}")
        items.append((t, task_items))
    reports: dict[str, list[dict[str, Any]]] = {}
    for unit, its_items in owned.items():
        if not its_items:
            continue
        reports[unit] = [draw(report_of(its_items)) for _ in range(draw(st.integers(0, 8)))]
    deadlines = {t: draw(st.sampled_from(DEADLINES)) for t, _ in items}
    return Spec(items, deadlines, reports)


def report_of(items: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    @st.composite
    def one(draw: st.DrawFn) -> dict[str, Any]:
        status = draw(st.sampled_from(list(Status)))
        report: dict[str, Any] = {
            "item": draw(st.sampled_from(items)),
            "date": date(2022, 3, 1) + timedelta(days=draw(st.integers(0, 300))),
            "status": status.value,
        }
        if status is Status.NOT_APPLICABLE:
            report["reason"] = draw(text)
        else:
            report["summary"] = draw(text)
        if status is Status.DONE:
            report["evidence"] = [f"https://example.gov.cn/{draw(st.integers(1, 99))}"]
        return report

    return one()


@dataclass(frozen=True)
class Layout:
    """How the same ledger can be written: what `fmt` is free to change."""

    indent_lists: bool  # "  - id" under its key, or "- id" at the key's indentation
    flow_owners: bool
    single_quotes: bool  # item ids in '…' instead of "…"
    comments: bool
    crlf: bool
    shuffle_keys: random.Random | None


layouts = st.builds(
    Layout,
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.none() | st.randoms(use_true_random=False),
)
CANONICAL = Layout(True, True, False, False, False, None)


def _scalar(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if all("\u4e00" <= c <= "\u9fff" for c in str(value)):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a YAML scalar


def _block(mapping: dict[str, Any], indent: int, layout: Layout) -> list[str]:
    """A mapping as block YAML lines at `indent`; the first line starts the list entry."""
    keys = list(mapping)
    if layout.shuffle_keys is not None:
        layout.shuffle_keys.shuffle(keys)
    lines = []
    pad = " " * indent
    for key in keys:
        value = mapping[key]
        if isinstance(value, list) and not value:
            lines.append(f"{pad}{key}: []")
        elif isinstance(value, list) and (layout.flow_owners or not isinstance(value[0], str)):
            if isinstance(value[0], dict):
                lines.append(f"{pad}{key}:")
                lines += _sequence(value, indent, layout)
            else:
                lines.append(f"{pad}{key}: [{', '.join(_scalar(v) for v in value)}]")
        elif isinstance(value, list):
            lines.append(f"{pad}{key}:")
            step = indent + 2 if layout.indent_lists else indent
            lines += [f"{' ' * step}- {_scalar(v)}" for v in value]
        elif isinstance(value, dict):
            lines.append(f"{pad}{key}:")
            lines += _block(value, indent + 2, layout)
        elif isinstance(value, Quoted):
            quote = "'" if layout.single_quotes else '"'
            lines.append(f"{pad}{key}: {quote}{value.text}{quote}")
        else:
            lines.append(f"{pad}{key}: {_scalar(value)}")
        if layout.comments and key == keys[0]:
            lines[-1] += "  # 注:第一项"
    return lines


def _sequence(entries: list[dict[str, Any]], indent: int, layout: Layout) -> list[str]:
    step = indent + 2 if layout.indent_lists else indent
    lines = []
    for n, entry in enumerate(entries):
        if layout.comments and n % 2:
            lines.append(f"{' ' * step}# 说明 {n}")
        body = _block(entry, step + 2, layout)
        lines.append(f"{' ' * step}- {body[0].lstrip()}")
        lines += body[1:]
    return lines


@dataclass(frozen=True)
class Quoted:
    text: str  # written in quotes: an item id


def render(spec: Spec, layout: Layout) -> dict[str, str]:
    """The ledger's files (relative path → text)."""
    tasks = []
    for t, items in spec.items:
        task: dict[str, Any] = {"id": t, "title": f"任务{t}", "deadline": spec.deadlines[t]}
        task["items"] = []
        for ident, content, owners, own_deadline in items:
            item: dict[str, Any] = {"id": Quoted(ident), "content": content, "owners": owners}
            if own_deadline is not None:
                item["deadline"] = own_deadline
            task["items"].append(item)
        tasks.append(task)
    plan = {"title": "某县要点", "issued": date(2022, 3, 1), "year": 2022, "warn_days": 15}
    files = {"tasks.yaml": _document({"plan": plan, "tasks": tasks}, layout)}
    files["units.yaml"] = UNITS
    for unit, reports in spec.reports.items():
        document = {"unit": unit, "reports": reports}
        files[f"progress/{UNIT_IDS[unit]}.yaml"] = _document(document, layout)
    if layout.crlf:
        files = {name: body.replace("\n", "\r\n") for name, body in files.items()}
    return files


def _document(mapping: dict[str, Any], layout: Layout) -> str:
    header = "# 由测试生成\n" if layout.comments else ""
    return header + "\n".join(_block(mapping, 0, layout)) + "\n"


@contextmanager
def ledger_dir(files: dict[str, str]) -> Iterator[Path]:
    root = Path(tempfile.mkdtemp(prefix="ledger-prop-"))
    try:
        write(root, files)
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


def write(root: Path, files: dict[str, str]) -> None:
    (root / "progress").mkdir(exist_ok=True)
    for stale in (root / "progress").glob("*.yaml"):
        stale.unlink()
    for name, body in files.items():
        (root / name).write_bytes(body.encode("utf-8"))


# -- what is compared ----------------------------------------------------------------


def shape(value: Any) -> Any:
    """The model without positions: what the user wrote, not where."""
    if isinstance(value, Source):
        return None
    if is_record(value) and not isinstance(value, type):
        return (
            type(value).__name__,
            tuple((name, shape(getattr(value, name))) for name in fields(value)),
        )
    if isinstance(value, tuple | list):
        return tuple(shape(v) for v in value)
    return value


def standing_rows(ledger: Ledger, as_of: date) -> list[Any]:
    return [
        (
            s.item.id,
            s.unit.id,
            s.status,
            s.completed_on,
            s.overdue,
            s.days_late,
            s.workdays_late,
            s.due_soon,
            s.days_left,
            s.stale,
            shape(s.reports),
        )
        for s in standings(ledger, as_of)
    ]


# -- properties ----------------------------------------------------------------------


@SETTINGS
@given(specs(), st.randoms(use_true_random=False), st.dates(date(2022, 1, 1), date(2023, 6, 30)))
def test_status_does_not_depend_on_report_or_file_order(
    spec: Spec, rnd: random.Random, as_of: date
) -> None:
    shuffled = Spec(
        spec.items, spec.deadlines, {u: rnd.sample(r, len(r)) for u, r in spec.reports.items()}
    )
    with ledger_dir(render(spec, CANONICAL)) as root:
        ledger = load_ledger(root).ledger
        write(root, render(shuffled, CANONICAL))
        reordered = load_ledger(root).ledger
    files_reordered = replace(
        reordered, progress=tuple(rnd.sample(reordered.progress, len(reordered.progress)))
    )
    expected = standing_rows(ledger, as_of)
    assert standing_rows(reordered, as_of) == expected
    assert standing_rows(files_reordered, as_of) == expected


@SETTINGS
@given(specs(), layouts)
def test_loading_is_deterministic_and_generated_ledgers_are_clean(
    spec: Spec, layout: Layout
) -> None:
    with ledger_dir(render(spec, layout)) as root:
        first, second = load_ledger(root), load_ledger(root)
        assert first == second
        problems = check_ledger(root, AS_OF)
        # the generator lets any owner report 不涉及: from a unit named directly that is the
        # direct-na warning, by design; nothing else may be found
        assert [p for p in problems if p.rule != "direct-na"] == []
        assert {p.level for p in problems} <= {Level.WARNING}


def _never_raises(name: str, data: bytes) -> None:
    with ledger_dir({"tasks.yaml": TASKS, "units.yaml": UNITS, **PROGRESS}) as root:
        (root / name).write_bytes(data)
        for problem in check_ledger(root, AS_OF):  # only problems, never an exception
            assert problem.rule in RULE_IDS
            assert problem.source.line >= 1 and problem.source.col >= 1
            assert problem.message


PROGRESS = {
    "progress/czj.yaml": (
        'unit: 县财政局\nreports:\n  - item: "1.1"\n    date: 2022-09-26\n'
        "    status: 已完成\n    summary: 已公开\n    evidence: [https://example.gov.cn/1]\n"
    )
}
TARGETS = st.sampled_from(["tasks.yaml", "units.yaml", "progress/czj.yaml"])


@settings(max_examples=examples(1000))
@given(TARGETS, st.text() | st.binary())
def test_check_never_raises_on_arbitrary_input(name: str, data: str | bytes) -> None:
    _never_raises(name, data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)


TOKENS = st.sampled_from(
    [":", "- ", "[", "]", "{", "}", '"', "'", "#", "&a ", "*a", "!!str ", "!x ", "? ", "|",
     ">", "\t", "\n", "  ", "~", "null", "1.10", "0x1F", "2022-02-30", "\ufeff", "\x00",
     "---\n", "...\n", "%YAML 1.1\n", "各乡镇", "不涉及", "\r", "\u2028", "\x85"]
)  # fmt: skip


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, str]:
    name = draw(TARGETS)
    source = {"tasks.yaml": TASKS, "units.yaml": UNITS, **PROGRESS}[name]
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(source)))
        how = draw(st.sampled_from(["insert", "delete", "duplicate", "truncate"]))
        if how == "insert":
            source = source[:at] + draw(TOKENS) + source[at:]
        elif how == "delete":
            source = source[:at] + source[at + draw(st.integers(1, 12)) :]
        elif how == "duplicate":
            lines = source.split("\n")
            line = draw(st.integers(0, len(lines) - 1))
            lines.insert(line, lines[line])
            source = "\n".join(lines)
        else:
            source = source[:at]
    return name, source


@settings(max_examples=examples(2000))
@given(mutations())
def test_check_never_raises_on_mutations_of_a_valid_ledger(mutated: tuple[str, str]) -> None:
    name, source = mutated
    _never_raises(name, source.encode("utf-8"))


def _formatted(files: dict[str, str]) -> dict[str, str]:
    kinds = {"tasks.yaml": FileKind.TASKS, "units.yaml": FileKind.UNITS}
    out = {}
    for name, body in files.items():
        kind = kinds.get(name, FileKind.PROGRESS)
        out[name] = format_bytes(body.encode("utf-8"), kind, name).decode("utf-8")
    return out


@settings(max_examples=examples(300))
@given(specs(), layouts)
def test_fmt_keeps_the_model_and_is_idempotent(spec: Spec, layout: Layout) -> None:
    files = render(spec, layout)
    formatted = _formatted(files)
    assert _formatted(formatted) == formatted  # idempotent
    with ledger_dir(files) as root:
        before = load_ledger(root)
        write(root, formatted)
        after = load_ledger(root)
    assert shape(after.ledger) == shape(before.ledger)
    assert before.problems == after.problems == []
    if not layout.comments:
        return
    for name, body in files.items():  # every comment survives
        comments = [line.split("#", 1)[1] for line in body.splitlines() if "#" in line]
        for comment in comments:
            assert comment in formatted[name], (name, comment)


@settings(max_examples=examples(200))
@given(specs(), layouts, st.data())
def test_progress_add_adds_exactly_the_report_and_keeps_every_byte(
    spec: Spec, layout: Layout, data: st.DataObject
) -> None:
    units = [u for u, reports in spec.reports.items() if reports]
    assume(units)
    unit = data.draw(st.sampled_from(units))
    owned = sorted({r["item"] for r in spec.reports[unit]})
    drawn = data.draw(report_of(owned))
    report = NewReport(
        item=drawn["item"],
        date=drawn["date"],
        status=Status(drawn["status"]),
        summary=drawn.get("summary", ""),
        evidence=tuple(drawn.get("evidence", ())),
        reason=drawn.get("reason", ""),
    )
    name = f"progress/{UNIT_IDS[unit]}.yaml"
    with ledger_dir(render(spec, layout)) as root:
        before_bytes = (root / name).read_bytes()
        before = load_ledger(root).ledger
        add_report(root, unit, report, AS_OF)
        after_bytes = (root / name).read_bytes()
        after = load_ledger(root).ledger
    old, new = before_bytes.splitlines(keepends=True), after_bytes.splitlines(keepends=True)
    changes = difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes()
    assert {op for op, *_ in changes} <= {"equal", "insert"}, "only added lines"
    (file_before,) = [p for p in before.progress if p.path.endswith(name)]
    (file_after,) = [p for p in after.progress if p.path.endswith(name)]
    added = file_after.reports[-1]
    assert shape(file_after.reports[:-1]) == shape(file_before.reports)
    assert (added.item, added.date, added.status, added.summary, added.evidence, added.reason) == (
        report.item,
        report.date,
        report.status,
        report.summary,
        report.evidence,
        report.reason,
    )
    assert shape(replace(after, progress=())) == shape(replace(before, progress=()))
