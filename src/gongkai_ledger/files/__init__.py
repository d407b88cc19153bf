"""Ledger files: YAML reading, the file shape, loading into the model, fmt, atomic and locked
writes, git, output files. Uses core and the reading rules."""
