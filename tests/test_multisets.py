from __future__ import annotations

from gongkai_ledger.core.multisets import unmatched


def test_a_repeat_is_new_as_often_as_it_is_repeated_more() -> None:
    assert unmatched(["a", "b", "a", "c", "a"], ["a", "c"], str) == ["b", "a", "a"]


def test_the_key_decides_what_is_equal() -> None:
    assert unmatched([("x", 1), ("y", 2)], [("x", 9)], lambda pair: pair[0]) == [("y", 2)]


def test_nothing_before_keeps_everything_in_order() -> None:
    assert unmatched([3, 1, 2], [], int) == [3, 1, 2]
