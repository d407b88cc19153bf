"""The built-in report templates (`*.j2`), installed as package data of gongkai_ledger."""
