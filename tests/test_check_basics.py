from __future__ import annotations

from datetime import date

from gongkai_ledger.ops.check import check_ledger

from .conftest import Write, found
from .ledgers import SHIPPED


def test_fixture_ledger_is_clean(write_ledger: Write) -> None:
    assert found(write_ledger()) == []


def test_shipped_ledger_is_clean() -> None:
    assert check_ledger(SHIPPED, date(2022, 12, 31)) == []
