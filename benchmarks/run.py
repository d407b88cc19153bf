"""Benchmarks: every number is a ratio to a baseline measured in the same run, run for run.

    python benchmarks/run.py            # several minutes on 2 cores
    python benchmarks/run.py --quick    # about a minute: smaller ledgers, fewer runs

Each row names its baseline. A row's runs are interleaved with its baseline's (command,
baseline, command, baseline, …), so that a noisy neighbour slows both alike; a row shows the
fastest run of each (the least disturbed) and their ratio. Peak memory is the median peak RSS
(from wait4()); each run is its own process.

Bytecode is controlled: this machine may set PYTHONDONTWRITEBYTECODE=1, and an editable install
then compiles every module on every start (about 2.3× slower than a pip-installed user sees).
The measured runs therefore get a fresh PYTHONPYCACHEPREFIX (the package compiled into it first
with `python -m compileall`, everything else written by a warm-up run) and no
PYTHONDONTWRITEBYTECODE; the output says so.

1. Start-up on the shipped data, against `python -c pass`: the everyday commands.
2. Scale, on the synthetic ledger (benchmarks/generate.py, with a few mistakes):
   `check` against a bare PyYAML CSafeLoader `yaml.load` of the same files with the cyclic
   collector off (the fair baseline: `ledger` runs with it off too), time and peak memory;
   `fmt --check` and `progress add` against `check`.
3. `ledger overdue` and `ledger report` at 1×, 2×, 4× (--quick: ¼×, ½×, 1×): the time per unit
   of scale should stay flat if they are linear.

A command that does not exist yet prints 未实现 instead of a number.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHIPPED = REPO / "data"
AS_OF = "2022-12-31"

# The baseline for `check`: what any tool that reads these files with PyYAML's C loader pays.
BARE_LOAD = """
import gc, sys, yaml
from pathlib import Path
if sys.argv[2] == "off":
    gc.disable()
root = Path(sys.argv[1])
files = [root / "tasks.yaml", root / "units.yaml", *sorted((root / "progress").glob("*.yaml"))]
documents = [yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader) for f in files]
"""

ENV: dict[str, str] = {}  # the environment of every measured run (see _control_bytecode)


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    returncode: int


@dataclass(frozen=True)
class Pair:
    command: Run
    baseline: Run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller ledgers, fewer runs")
    parser.add_argument("--runs", type=int, help="runs per measurement (the fastest is shown)")
    parser.add_argument("--work", type=Path, help="keep generated ledgers here (reused)")
    parser.add_argument("--start-up", action="store_true", help="only the start-up table")
    parser.add_argument("--no-start-up", action="store_true", help="only the scale tables")
    args = parser.parse_args()
    runs = args.runs or (5 if args.quick else 15)
    scales = (0.25, 0.5, 1.0) if args.quick else (1.0, 2.0, 4.0)
    check_scale = 0.25 if args.quick else 1.0
    work = args.work or Path(tempfile.mkdtemp(prefix="ledger-bench-"))
    started = time.perf_counter()
    cache = Path(tempfile.mkdtemp(prefix="ledger-bench-pyc-"))
    try:
        _control_bytecode(cache)
        print(
            f"Python {sys.version.split()[0]},{os.cpu_count()} 核;每行与其基准交替运行 {runs} 次,"
            "取各自最快一次;内存取峰值 RSS 的中位数"
        )
        print(
            "字节码:先用 python -m compileall 编译到临时 PYTHONPYCACHEPREFIX,"
            "测量时不设 PYTHONDONTWRITEBYTECODE(与 pip 安装的用户相同)\n"
        )
        if not args.no_start_up:
            start_up(runs)
        if args.start_up:
            return
        at_scale(work, check_scale, max(3, runs // 3))
        scaling(work, scales, max(1, runs // 5))
    finally:
        shutil.rmtree(cache, ignore_errors=True)
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\n总用时 {time.perf_counter() - started:.0f} 秒")


def _control_bytecode(cache: Path) -> None:
    ENV.update(os.environ)
    ENV.pop("PYTHONDONTWRITEBYTECODE", None)
    ENV["PYTHONPYCACHEPREFIX"] = str(cache)
    import gongkai_ledger

    package = Path(gongkai_ledger.__file__).parent
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(package), str(HERE)],
        env=ENV,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    # A warm-up run of every path writes the bytecode of the rest (stdlib, dependencies).
    for command in _start_up_rows().values():
        _run(command[0])
        _run(command[0], terminal=True)


def _start_up_rows() -> dict[str, tuple[list[str], str]]:
    ledger = [*_ledger_cmd()]
    shipped = ["--ledger", str(SHIPPED)]
    on = ["--as-of", AS_OF]
    return {
        "ledger --version": ([*ledger, "--version"], "≤ 3×"),
        "ledger check": ([*ledger, "check", *shipped, *on], "≤ 5×"),
        "ledger overdue --unit 市财政局": (
            [*ledger, "overdue", "--unit", "市财政局", *shipped, *on],
            "≤ 5×",
        ),
        "ledger show 5.1": ([*ledger, "show", "5.1", *shipped, *on], "≤ 5×"),
        "ledger units": ([*ledger, "units", *shipped], "≤ 5×"),
        "ledger fmt --check": ([*ledger, "fmt", "--check", *shipped], "≤ 6×"),
        "ledger report --month 2022-12 --format md": (
            [*ledger, "report", "--month", "2022-12", "--format", "md", *shipped],
            "≤ 8×",
        ),
        "ledger overdue(终端,rich 表格)": ([*ledger, "overdue", *shipped, *on], "≤ 8×"),
        "ledger --help": ([*ledger, "--help"], ""),
    }


def start_up(runs: int) -> None:
    print("## 启动(仓库自带的台账;输出到管道,除非注明终端)")
    bare = [sys.executable, "-c", "pass"]
    print(_header("基准", time_only=True))
    for name, (command, target) in _start_up_rows().items():
        if not _exists(command):
            print(f"{_pad(name, 44)}未实现")
            continue
        pair = _pairs(command, bare, runs, terminal="终端" in name)
        print(_line(name, "python -c pass", pair, target, time_only=True))
    print()


def at_scale(work: Path, scale: float, runs: int) -> None:
    root = _ledger(work, scale, mistakes=True)
    clean = _ledger(work, scale, mistakes=False)  # already in fmt's layout: what pre-commit sees
    print(f"## 规模({_size(root, scale)};fmt 用同样大小、没有错误的台账)")
    print(_header("基准"))
    check = [*_ledger_cmd(), "check", "--ledger", str(root), "--as-of", AS_OF]
    bare = [*_py(BARE_LOAD), str(root), "off"]
    bare_gc = [*_py(BARE_LOAD), str(root), "on"]
    pair = _pairs(check, bare, runs)
    assert pair.command.returncode == 1, "the benchmark ledger has deliberate mistakes: exit 1"
    print(_line("ledger check", "yaml.load,关闭 gc", pair, "时间 ≤ 1.2×,内存 ≤ 1.0×"))
    print(_line("ledger check", "yaml.load,开启 gc", _pairs(check, bare_gc, runs), "(参考)"))
    fmt = [*_ledger_cmd(), "fmt", "--check", "--ledger", str(clean)]
    check_clean = [*_ledger_cmd(), "check", "--ledger", str(clean), "--as-of", AS_OF]
    if _exists(fmt):
        pair = _pairs(fmt, check_clean, runs)
        print(_line("ledger fmt --check", "ledger check", pair, "均 ≤ 2×"))
    add, restore = _progress_add(root)
    if _exists(add):
        pair = _pairs(add, check, runs, before=restore)
        restore()
        print(_line("ledger progress add", "ledger check", pair, "时间 ≤ 1.2×"))
    print()


def _progress_add(root: Path) -> tuple[list[str], Callable[[], None]]:
    """`progress add` of a report on an item the unit owns, and how to undo it between runs."""
    target = sorted((root / "progress").glob("*.yaml"))[0]
    original = target.read_bytes()
    text = original.decode("utf-8")
    item = text.split("item: ", 1)[1].split("\n", 1)[0].strip().strip("\"'")
    command = [
        *_ledger_cmd(),
        "progress",
        "add",
        item,
        "--unit",
        target.stem,
        "--status",
        "推进中",
        "--summary",
        "基准测试追加的进展",
        "--date",
        AS_OF,
        "--ledger",
        str(root),
    ]
    return command, lambda: target.write_bytes(original)


def scaling(work: Path, scales: Sequence[float], runs: int) -> None:
    print("## 线性:overdue 与 report(每 1× 规模的用时应当持平)")
    commands = {
        "ledger overdue": ["overdue", "--as-of", AS_OF],
        "ledger report": ["report", "--month", AS_OF[:7]],
    }
    roots = {scale: _ledger(work, scale, mistakes=False) for scale in scales}
    for scale, root in roots.items():
        print(f"  {scale:g}×:{_size(root, scale)}")
    for name, args in commands.items():
        if not _exists([*_ledger_cmd(), *args]):
            print(f"{_pad(name, 16)}未实现")
            continue
        first: float | None = None
        for scale, root in roots.items():
            run = _fastest([*_ledger_cmd(), *args, "--ledger", str(root)], runs)
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


def _exists(command: Sequence[str]) -> bool:
    """Whether the command (or command group) is there: its --help succeeds."""
    words = [w for w in command[len(_ledger_cmd()) :] if not w.startswith("-")][:2]
    if not words:
        return True
    found = subprocess.run([*_ledger_cmd(), *words[:1], "--help"], capture_output=True)
    return found.returncode == 0


def _run(command: Sequence[str], *, terminal: bool = False) -> Run:
    if terminal:
        return _run_on_terminal(command)
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=ENV or None
    )
    assert process.stdout is not None
    while process.stdout.read(1 << 16):  # a real pipe, read as a pager or `| grep` would
        pass
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    return Run(seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status))


def _run_on_terminal(command: Sequence[str]) -> Run:
    """The command with its standard output on a pseudo-terminal of 100 columns."""
    import fcntl
    import struct
    import termios

    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
    env = {**(ENV or os.environ), "COLUMNS": "100", "TERM": "xterm-256color"}

    def drain() -> None:
        try:
            while os.read(master, 1 << 16):
                pass
        except OSError:  # the terminal closed
            pass

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=slave, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    os.close(slave)
    reader.join(timeout=5)
    os.close(master)
    return Run(seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status))


def _fastest_of(results: Sequence[Run]) -> Run:
    return Run(
        min(r.seconds for r in results),
        statistics.median(r.peak_mb for r in results),
        results[-1].returncode,
    )


def _fastest(command: Sequence[str], runs: int) -> Run:
    return _fastest_of([_run(command) for _ in range(runs)])


def _pairs(
    command: Sequence[str],
    baseline: Sequence[str],
    runs: int,
    *,
    terminal: bool = False,
    before: Callable[[], None] | None = None,
) -> Pair:
    """`runs` runs of each, interleaved: command, baseline, command, baseline, …"""
    ours: list[Run] = []
    theirs: list[Run] = []
    for _ in range(runs):
        if before is not None:
            before()
        ours.append(_run(command, terminal=terminal))
        theirs.append(_run(baseline))
    return Pair(_fastest_of(ours), _fastest_of(theirs))


def _header(baseline: str, *, time_only: bool = False) -> str:
    head = _pad("", 44) + _pad(baseline, 20) + _pad("时间", 10, right=True)
    head += _pad("基准", 10, right=True) + _pad("倍数", 8, right=True)
    if not time_only:
        head += _pad("峰值内存", 10, right=True) + _pad("倍数", 8, right=True)
    return head


def _line(name: str, baseline: str, pair: Pair, target: str, *, time_only: bool = False) -> str:
    ours, theirs = pair.command, pair.baseline
    line = _pad(name, 44) + _pad(baseline, 20)
    line += f"{_seconds(ours.seconds)}{_seconds(theirs.seconds)}"
    line += f"{ours.seconds / theirs.seconds:7.2f}×"
    if not time_only:
        line += f"{ours.peak_mb:7.0f} MB{ours.peak_mb / theirs.peak_mb:7.2f}×"
    return f"{line}  {target}".rstrip()


def _seconds(seconds: float) -> str:
    return f"{seconds * 1000:8.0f}ms" if seconds < 10 else f"{seconds:8.1f}s "


def _pad(text: str, width: int, *, right: bool = False) -> str:
    """Pad to `width` terminal columns: a Chinese character takes two."""
    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    fill = " " * max(0, width - used)
    return fill + text if right else text + fill


if __name__ == "__main__":
    main()
