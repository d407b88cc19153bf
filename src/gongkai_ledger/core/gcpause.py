"""Pausing the cyclic garbage collector around work that builds large acyclic data."""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

_P = ParamSpec("_P")
_R = TypeVar("_R")


def without_gc(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run `function` with the cyclic garbage collector paused.

    Reading a ledger allocates millions of small acyclic objects (nodes, then the model);
    the collector would walk them again and again as they pile up, for nothing, and that
    costs several times the parsing itself. Reference counting still frees them.
    """

    @functools.wraps(function)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return paused
