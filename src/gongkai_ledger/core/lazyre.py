"""Regular expressions compiled on first use, not when their module is imported.

A module-level `re.compile` costs 0.1–5 ms at every start (a class of many Unicode ranges the
most), mostly for patterns the command never runs: `ledger overdue` imports the deadline
grammar, the problem texts and the table layout but matches few of their patterns.

    UNSAFE = lazy("[\\x00-\\x08…]")
    UNSAFE.sub(...)  # compiles here, once; then calls the compiled pattern's own methods

`.pattern` is there without compiling. A match's `.re` is the compiled pattern, not this
stand-in: compare patterns by `.pattern`.
"""

from __future__ import annotations

import re

# what a caller may use; each is bound to the compiled pattern at first use
_METHODS = ("match", "fullmatch", "search", "sub", "subn", "split", "finditer", "findall")


class _Lazy:
    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> object:
        compiled = re.compile(self.pattern, self._flags)
        for method in _METHODS:  # later calls find them here, without __getattr__
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, compiled when first used."""
    return _Lazy(pattern, flags)  # type: ignore[return-value]
