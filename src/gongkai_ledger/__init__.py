"""gongkai-ledger: a ledger of 政务公开工作要点 key tasks, kept as YAML in git."""
