"""core.record: the frozen records of the model mean what frozen dataclasses meant."""

from __future__ import annotations

import copy
import importlib
import os
import pickle
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from gongkai_ledger.core.model import Deadline, Ledger, Name, Source
from gongkai_ledger.core.record import FrozenInstanceError, fields, is_record, record, replace


def test_equal_by_fields_and_hashable() -> None:
    a, b = Source("tasks.yaml", 3, 5), Source("tasks.yaml", 3, 5)
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a != Source("tasks.yaml", 3, 6)
    other: object = ("市财政局", a)
    assert Name("市财政局", a) != other  # only a record of the same class


def test_frozen() -> None:
    source = Source("tasks.yaml", 3, 5)
    with pytest.raises(FrozenInstanceError):
        source.line = 4  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del source.col
    with pytest.raises(AttributeError):
        source.extra = 1  # type: ignore[attr-defined]  # slots: no new attributes


def test_repr_names_every_field() -> None:
    source = Source("tasks.yaml", 3, 5)
    assert repr(Name("市财政局", source)) == (
        "Name(text='市财政局', source=Source(path='tasks.yaml', line=3, col=5))"
    )


def test_order_compares_fields_in_order() -> None:
    assert sorted([Source("b", 1, 1), Source("a", 9, 9), Source("a", 2, 1)]) == [
        Source("a", 2, 1),
        Source("a", 9, 9),
        Source("b", 1, 1),
    ]


def test_defaults_post_init_replace_and_fields() -> None:
    due = date(2022, 6, 30)
    deadline = Deadline("2022年6月底前", due)
    assert deadline.dues == (due,) and deadline.recurring == ""  # __post_init__, defaults
    later = replace(deadline, text="2022年12月底前", due=date(2022, 12, 31), dues=())
    assert later.dues == (date(2022, 12, 31),) and deadline.text == "2022年6月底前"
    assert fields(Deadline)[:3] == ("text", "due", "continuing") == Deadline.__match_args__[:3]
    assert fields(Ledger)[-3:] == ("progress", "calendar", "reviews")
    assert is_record(deadline) and not is_record(due)
    with pytest.raises(TypeError):
        replace(deadline, nothing=1)


def test_copy_and_pickle_keep_the_value() -> None:
    deadline = Deadline("常态化更新", None, continuing=True)
    assert pickle.loads(pickle.dumps(deadline)) == deadline
    assert copy.deepcopy(deadline) == deadline == copy.copy(deadline)


def test_a_class_without_slots_keeps_its_own_methods() -> None:
    @record
    class Pair:
        left: int
        right: int = 0

        @property
        def total(self) -> int:
            return self.left + self.right

    assert (
        Pair(1).total == 1
        and Pair(1, 2) == Pair(1, 2)
        and repr(Pair(1)).endswith("Pair(left=1, right=0)")
    )
    with pytest.raises(FrozenInstanceError):
        Pair(1).left = 2  # type: ignore[misc]


def test_every_records_init_is_written_out_so_none_is_compiled_at_start_up() -> None:
    """core/_record_inits.py is generated: GOLDEN_UPDATE=1 rewrites it when a record changes."""
    import gongkai_ledger
    from gongkai_ledger.core import record as records

    package = Path(gongkai_ledger.__file__).parent
    for path in sorted(package.rglob("*.py")):
        if path.name != "__main__.py":
            parts = path.relative_to(package.parent).with_suffix("").parts
            importlib.import_module(".".join(p for p in parts if p != "__init__"))
    written = package / "core" / "_record_inits.py"
    if os.environ.get("GOLDEN_UPDATE"):
        written.write_text(records.inits_source(), encoding="utf-8")
    assert written.read_text(encoding="utf-8") == records.inits_source()
    assert len(records.SPECS) > 30  # the walk found the records


def test_the_everyday_path_compiles_no_init() -> None:
    probe = "from gongkai_ledger.ops import valid; from gongkai_ledger.views import overdue, show, units;"
    probe += "from gongkai_ledger.core import record; print(len(record.MISSES))"
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "0"
