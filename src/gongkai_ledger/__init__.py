"""gongkai-ledger: a ledger of 政务公开工作要点 key tasks, kept as YAML in git."""

__version__ = "0.1.0"  # the same as pyproject.toml (a test checks): `ledger --version` reads it
