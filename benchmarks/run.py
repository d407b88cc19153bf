"""Benchmarks: every number is a ratio to a baseline measured in the same run.

    python benchmarks/run.py            # a few minutes on 2 cores
    python benchmarks/run.py --quick    # well under a minute: smaller ledgers, fewer runs

1. Start-up on the shipped data, against `python -c pass`:
   `ledger --version` and `ledger overdue --unit 市财政局` (target: overdue < 8×).
2. `ledger check` on the 1× synthetic ledger (benchmarks/generate.py, with a few mistakes)
   against a bare PyYAML CSafeLoader `yaml.load` of the same files, time and peak memory
   (target: < 2× each). Each run is its own process; peak RSS comes from wait4().
3. `ledger overdue` and `ledger report` at 1×, 2×, 4× (--quick: ¼×, ½×, 1×): the time
   per unit of scale should stay flat if they are linear.

Medians of several runs: the machine is shared and noisy. A command that does not exist
yet prints 未实现 instead of a number.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHIPPED = REPO / "data"
AS_OF = "2022-12-31"

# The baseline: what any tool that reads these files with PyYAML's C loader must pay.
BARE_LOAD = """
import gc, sys, yaml
from pathlib import Path
if sys.argv[2] == "off":
    gc.disable()
root = Path(sys.argv[1])
files = [root / "tasks.yaml", root / "units.yaml", *sorted((root / "progress").glob("*.yaml"))]
documents = [yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader) for f in files]
"""

# The floor for any command with an option: typer (0.2x) coerces option values through
# pydantic, which it imports when it parses the first option.
MINIMAL_TYPER = """
import typer
app = typer.Typer()
@app.command()
def main(unit: str = typer.Option("")) -> None:
    pass
app()
"""


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    returncode: int


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller ledgers, fewer runs")
    parser.add_argument("--runs", type=int, help="runs per measurement (median is reported)")
    parser.add_argument("--work", type=Path, help="keep generated ledgers here (reused)")
    args = parser.parse_args()
    runs = args.runs or 3
    scales = (0.25, 0.5, 1.0) if args.quick else (1.0, 2.0, 4.0)
    check_scale = 0.25 if args.quick else 1.0
    work = args.work or Path(tempfile.mkdtemp(prefix="ledger-bench-"))
    started = time.perf_counter()
    print(f"Python {sys.version.split()[0]},{os.cpu_count()} 核;每项取 {runs} 次的中位数\n")
    try:
        start_up(runs * 3)
        check_against_bare(_ledger(work, check_scale, mistakes=True), check_scale, runs)
        scaling(work, scales, max(1, runs // 3))
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\n总用时 {time.perf_counter() - started:.0f} 秒")


def start_up(runs: int) -> None:
    print("## 启动(仓库自带的台账)")
    bare = _median([sys.executable, "-c", "pass"], runs)
    rows = [
        ("python -c pass", bare, ""),
        (
            "python -c 'import typer, ruamel.yaml'",
            _median(_py("import typer, ruamel.yaml"), runs),
            "",
        ),
        ("最小的 typer 应用,一个选项", _median([*_py(MINIMAL_TYPER), "--unit", "x"], runs), ""),
        ("ledger --version", _median([*_ledger_cmd(), "--version"], runs), ""),
    ]
    overdue = [*_ledger_cmd(), "overdue", "--unit", "市财政局", "--as-of", AS_OF]
    overdue_time = (
        _median([*overdue, "--ledger", str(SHIPPED)], runs) if _exists("overdue") else None
    )
    rows.append(("ledger overdue --unit 市财政局", overdue_time, "目标 < 8×"))
    for name, seconds, target in rows:
        print(_row(name, seconds, bare, target))
    print()


def check_against_bare(root: Path, scale: float, runs: int) -> None:
    print(f"## ledger check 与裸 yaml.load(CSafeLoader)对比({_size(root, scale)})")
    bare = _runs([*_py(BARE_LOAD), str(root), "on"], runs)
    bare_no_gc = _runs([*_py(BARE_LOAD), str(root), "off"], runs)
    check = _runs([*_ledger_cmd(), "check", "--ledger", str(root), "--as-of", AS_OF], runs)
    assert check.returncode == 1, "the benchmark ledger has deliberate mistakes: exit code 1"
    print(
        _pad("", 30)
        + _pad("时间", 10, right=True)
        + _pad("倍数", 8, right=True)
        + _pad("峰值内存", 12, right=True)
        + _pad("倍数", 8, right=True)
    )
    for name, run, target in (
        ("yaml.load(基准)", bare, ""),
        ("yaml.load,关闭 gc(参考)", bare_no_gc, ""),
        ("ledger check", check, "目标均 < 2×"),
    ):
        print(
            f"{_pad(name, 30)}{run.seconds:9.2f}s{run.seconds / bare.seconds:7.2f}×"
            f"{run.peak_mb:9.0f} MB{run.peak_mb / bare.peak_mb:7.2f}×  {target}"
        )
    print()


def scaling(work: Path, scales: Sequence[float], runs: int) -> None:
    print("## 规模:overdue 与 report(每 1× 规模的用时应当持平,即线性)")
    commands = {
        "ledger overdue": ["overdue", "--as-of", AS_OF],
        "ledger report": ["report", "--month", AS_OF[:7]],
    }
    roots = {scale: _ledger(work, scale, mistakes=False) for scale in scales}
    for scale, root in roots.items():
        print(f"  {scale:g}×:{_size(root, scale)}")
    for name, args in commands.items():
        if not _exists(args[0]):
            print(f"{_pad(name, 16)}未实现")
            continue
        first: float | None = None
        for scale, root in roots.items():
            run = _runs([*_ledger_cmd(), *args, "--ledger", str(root)], runs)
            if run.returncode != 0:
                print(f"{_pad(name, 16)}{scale:4g}×  失败(退出码 {run.returncode})")
                continue
            per_scale = run.seconds / scale
            first = first or per_scale
            print(
                f"{_pad(name, 16)}{scale:4g}×{run.seconds:8.2f}s  每 1× {per_scale:6.2f}s"
                f"(相对 {per_scale / first:4.2f}){run.peak_mb:8.0f} MB"
            )
    print()


def _ledger(work: Path, scale: float, *, mistakes: bool) -> Path:
    root = work / f"ledger-{scale:g}x{'-mistakes' if mistakes else ''}"
    if not (root / "tasks.yaml").exists():
        sys.path.insert(0, str(HERE))
        from generate import generate

        generate(root, scale, seed=2022, mistakes=mistakes)
    return root


def _size(root: Path, scale: float) -> str:
    tasks = (root / "tasks.yaml").read_text(encoding="utf-8").count('      - id: "')
    files = list(root.rglob("*.yaml"))
    megabytes = sum(f.stat().st_size for f in files) / 1e6
    return f"{scale:g}× = {tasks:,} 条目,{len(files) - 2} 个进展文件,{megabytes:.0f} MB"


def _ledger_cmd() -> list[str]:
    script = Path(sys.executable).parent / "ledger"
    return [str(script)] if script.exists() else [sys.executable, "-m", "gongkai_ledger"]


def _py(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def _exists(command: str) -> bool:
    found = subprocess.run([*_ledger_cmd(), command, "--help"], capture_output=True)
    return found.returncode == 0


def _run(command: Sequence[str]) -> Run:
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return Run(seconds, usage.ru_maxrss / 1024, process.returncode)  # ru_maxrss: KB on Linux


def _runs(command: Sequence[str], runs: int) -> Run:
    results = [_run(command) for _ in range(runs)]
    return Run(
        statistics.median(r.seconds for r in results),
        statistics.median(r.peak_mb for r in results),
        results[-1].returncode,
    )


def _median(command: Sequence[str], runs: int) -> float:
    return _runs(command, runs).seconds


def _row(name: str, seconds: float | None, bare: float, target: str) -> str:
    if seconds is None:
        return f"{_pad(name, 40)}未实现"
    return f"{_pad(name, 40)}{seconds * 1000:7.0f} ms{seconds / bare:7.1f}×  {target}"


def _pad(text: str, width: int, *, right: bool = False) -> str:
    """Pad to `width` terminal columns: a Chinese character takes two."""
    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    fill = " " * max(0, width - used)
    return fill + text if right else text + fill


if __name__ == "__main__":
    main()
