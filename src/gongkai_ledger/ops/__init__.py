"""Operations on a whole ledger: check, a ledger valid to compute with, adding a report."""
