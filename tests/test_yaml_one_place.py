"""yamlio says "all YAML reading, configured in one place": no other module sets up YAML."""

from __future__ import annotations

import re
from pathlib import Path

import gongkai_ledger

PACKAGE = Path(gongkai_ledger.__file__).parent
# Constructing a reader or writer, or choosing a loader: what configuring YAML looks like.
CONFIGURING = re.compile(
    r"\bYAML\(|C?SafeLoader|Loader=|yaml\.(?:load|safe_load|compose|scan|parse)\(|^import yaml$",
    re.MULTILINE,
)


def test_only_yamlio_configures_yaml() -> None:
    found = {
        str(path.relative_to(PACKAGE)): CONFIGURING.findall(path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(PACKAGE).as_posix() != "files/yamlio.py"
    }
    assert {name: hits for name, hits in found.items() if hits} == {}


def test_the_check_sees_yamlio_itself() -> None:
    assert CONFIGURING.search((PACKAGE / "files" / "yamlio.py").read_text(encoding="utf-8"))
