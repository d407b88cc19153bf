"""Golden files under tests/golden/: exact expected output, regenerated on request.

Run `GOLDEN_UPDATE=1 pytest …` to rewrite them after a deliberate change, then
review the diff like any other change.
"""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden"


def assert_golden(name: str, actual: bytes | str) -> None:
    path = GOLDEN / name
    data = actual.encode("utf-8") if isinstance(actual, str) else actual
    if os.environ.get("GOLDEN_UPDATE"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    assert path.is_file(), f"no golden file {path}; run with GOLDEN_UPDATE=1 to create it"
    expected = path.read_bytes()
    if isinstance(actual, str):
        assert actual == expected.decode("utf-8")
    else:
        assert data == expected
