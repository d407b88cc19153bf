"""Snapshot what the commands print, to prove that a refactoring changed nothing.

    python benchmarks/outputs.py snapshot OUT_DIR      # run the commands, keep their outputs
    python benchmarks/outputs.py compare OLD_DIR NEW_DIR

`snapshot` runs `check`, `overdue`, `report` and `export` (every format each has) on the
shipped ledger, the test fixture ledger and two small synthetic ledgers from generate.py
(one clean, one with deliberate mistakes), at a fixed --as-of, and stores stdout, stderr
and the exit code of each run as files. `compare` lists every run whose files differ and
exits 1 if any does. Take a snapshot before a change and one after, from the same checkout
layout, and compare them.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
AS_OF = "2022-12-31"
# The report names the data's commit (and whether the tree had changes): it differs per checkout.
DATA_VERSION = re.compile(
    r"(数据版本[ :]?)[0-9a-f]{7,40}(?:\(有未提交的修改\)|,有未提交的修改)?".encode()
)
SCALE = "0.02"

# (name, arguments after `ledger`); every ledger gets each of these.
RUNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("check-text", ("check", "--format", "text")),
    ("check-json", ("check", "--format", "json")),
    ("check-github", ("check", "--format", "github")),
    ("overdue-table", ("overdue", "--format", "table")),
    ("overdue-json", ("overdue", "--format", "json")),
    ("overdue-csv", ("overdue", "--format", "csv")),
    ("overdue-md", ("overdue", "--format", "md")),
    ("report-md", ("report", "--month", "2022-12", "--format", "md")),
    ("report-html", ("report", "--month", "2022-12", "--format", "html")),
    ("export-json", ("export", "--format", "json")),
    ("export-csv", ("export", "--format", "csv")),
)


def _ledgers(work: Path) -> Iterator[tuple[str, Path]]:
    yield "shipped", REPO / "data"
    yield "fixture", REPO / "tests" / "fixtures" / "report_ledger"
    for name, extra in (("synthetic", ()), ("mistakes", ("--mistakes",))):
        out = work / name
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), str(out), "--scale", SCALE, *extra],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        yield name, out


def _masked(output: bytes, work: str) -> bytes:
    return DATA_VERSION.sub(rb"\1$COMMIT", output.replace(work.encode(), b"$WORK"))


def snapshot(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TZ": "UTC"}
    env.pop("GITHUB_ACTIONS", None)
    with tempfile.TemporaryDirectory() as work:
        for ledger_name, ledger in _ledgers(Path(work)):
            for run_name, args in RUNS:
                as_of = () if args[0] == "report" else ("--as-of", AS_OF)
                command = [sys.executable, "-m", "gongkai_ledger", *args, *as_of]
                done = subprocess.run(
                    [*command, "--ledger", str(ledger)], env=env, capture_output=True, cwd=REPO
                )
                stem = out_dir / f"{ledger_name}.{run_name}"
                # the synthetic ledgers live in a temporary directory of a different name each run
                Path(f"{stem}.out").write_bytes(_masked(done.stdout, work))
                Path(f"{stem}.err").write_bytes(_masked(done.stderr, work))
                Path(f"{stem}.code").write_text(f"{done.returncode}\n")
    print(f"{len(list(out_dir.iterdir()))} files in {out_dir}")


def compare(old: Path, new: Path) -> int:
    names = sorted({p.name for p in old.iterdir()} | {p.name for p in new.iterdir()})
    different = [
        n
        for n in names
        if not (old / n).exists()
        or not (new / n).exists()
        or not filecmp.cmp(old / n, new / n, shallow=False)
    ]
    for name in different:
        print(f"differs: {name}")
    print(f"{len(names) - len(different)} of {len(names)} files identical")
    return 1 if different else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="action", required=True)
    sub.add_parser("snapshot").add_argument("out_dir", type=Path)
    both = sub.add_parser("compare")
    both.add_argument("old", type=Path)
    both.add_argument("new", type=Path)
    args = parser.parse_args()
    if args.action == "snapshot":
        snapshot(args.out_dir)
    else:
        sys.exit(compare(args.old, args.new))


if __name__ == "__main__":
    main()
