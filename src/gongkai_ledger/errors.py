"""Errors that end a command, kept free of imports: the entry point loads this on every run."""

from __future__ import annotations


class LedgerUnreadable(Exception):
    """The ledger cannot be read at all (no directory, no tasks.yaml): exit code 2."""
