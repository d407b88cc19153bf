"""Multiset difference that keeps order: what one list holds that another does not."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

T = TypeVar("T")


def unmatched(items: Iterable[T], others: Iterable[T], key: Callable[[T], Hashable]) -> list[T]:
    """The `items` (in order) with no equal (by `key`) in `others`; each of those matches once.

    `unmatched([a, a, b], [a], key)` is `[a, b]`: a repeated item is new as often as it is
    repeated more than before.
    """
    left = Counter(key(other) for other in others)
    result = []
    for item in items:
        k = key(item)
        if left[k]:
            left[k] -= 1
        else:
            result.append(item)
    return result
