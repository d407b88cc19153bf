"""Where a command's `-o` output goes, and which format a file name asks for.

`-o -` is standard output. A regular file, or a path that does not exist yet, is replaced
atomically (a symlink: the file it resolves to). A character device or a pipe (/dev/null,
/dev/full, a FIFO, /dev/stdout) is written through, as a shell's `>` would. Anything else
(a directory, a block device, a socket) is refused. Never a ledger file, never a file or
folder inside a ledger's progress/.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Mapping
from pathlib import Path

from ..core.errors import OutputUnwritable, UsageError, not_one_of, os_reason
from ..core.lazyre import lazy
from .load import PROGRESS_DIR, TASKS_FILE, UNITS_FILE

STDOUT = "-"
# `.pdf`, `.xlsx`, `.md`: a suffix that names a format; `通报-2022.12` has none.
_EXTENSION = lazy(r"\.[A-Za-z][A-Za-z0-9]{0,9}")
# A path that names one of this process's open descriptors: written to it, not reopened.
_OWN_DESCRIPTOR = lazy(rf"/(?:proc/(?:self|{os.getpid()})|dev)/fd/(\d+)")
_STANDARD_STREAMS = {"/dev/stdout": 1, "/dev/stderr": 2}


def is_stdout(path: Path | None) -> bool:
    return path is None or str(path) == STDOUT


def extension(path: Path | None) -> str:
    """The format-naming suffix of an -o file, lower case (`.xlsx`), or "" when it has none."""
    if is_stdout(path):
        return ""
    assert path is not None
    suffix = path.suffix
    return suffix.lower() if _EXTENSION.fullmatch(suffix) else ""


def choose_format(
    given: str | None,
    output: Path | None,
    suffixes: Mapping[str, tuple[str, ...]],
    default: str,
    *,
    option: bool = True,
    ledgers: tuple[Path, ...] = (),
) -> str:
    """The format from --format, else from the -o file's extension, else `default`.

    `suffixes` maps each format to the extensions that mean it (the first one is suggested).
    An extension no format has, or one that contradicts --format, is a UsageError.
    `option` False: the command has no --format option. A ledger file of `ledgers` is
    refused first, whatever its extension.
    """
    if not is_stdout(output):
        assert output is not None
        refuse_ledger_path(output, Path(os.path.realpath(output)), ledgers)
    if given is not None and given not in suffixes:
        raise not_one_of("--format", given, suffixes)
    suffix = extension(output)
    if not suffix:
        return given or default
    implied = next((name for name, names in suffixes.items() if suffix in names), None)
    if implied is None:
        accepted = "、".join(s for names in suffixes.values() for s in names)
        otherwise = "也可以不写扩展名,用 --format 指定格式" if option else "也可以不写扩展名"
        raise UsageError(
            f"不能按扩展名“{suffix}”写出“{output}”:可用的扩展名只有 {accepted}({otherwise})"
        )
    if given is not None and given != implied:
        wanted = f",或把文件名改为 {suffixes[given][0]}" if suffixes[given] else ""
        raise UsageError(
            f"--format {given} 与 -o 文件“{output}”的扩展名矛盾(“{suffix}”是 {implied} 格式);"
            f"请去掉 --format{wanted}"
        )
    return implied


def write_output(
    path: Path | None, data: bytes, ledgers: tuple[Path, ...], *, make_parents: bool = False
) -> None:
    """Write a command's output to `path` (None or `-`: standard output); see the module doc.

    Refuses (UsageError) a ledger file of any of `ledgers` or of a ledger found around the
    path; an OS error is OutputUnwritable, in Chinese.
    """
    if is_stdout(path):
        _write_stdout(data)
        return
    assert path is not None
    descriptor = _descriptor(path)
    if descriptor is not None:
        _write_descriptor(path, descriptor, data)
        return
    target = Path(os.path.realpath(path))
    refuse_ledger_path(path, target, ledgers)
    try:
        kind = os.stat(target).st_mode
    except FileNotFoundError:
        kind = None
    except OSError as error:
        raise OutputUnwritable(f"无法写入“{path}”:{os_reason(error)}") from None
    if kind is None or stat.S_ISREG(kind):
        _replace(path, target, data, make_parents)
    elif stat.S_ISDIR(kind):
        raise OutputUnwritable(f"无法写入“{path}”:这是一个目录,请写出文件名")
    elif stat.S_ISCHR(kind) or stat.S_ISFIFO(kind):
        _write_through(path, target, data)
    else:
        what = "块设备(磁盘)" if stat.S_ISBLK(kind) else "套接字或其他特殊文件"
        raise OutputUnwritable(f"不写入“{path}”:它是{what},不是普通文件")


def output_directory(path: Path, ledgers: tuple[Path, ...]) -> None:
    """Make sure the directory `path` exists for output files; never inside a ledger."""
    target = Path(os.path.realpath(path))
    refuse_ledger_path(path, target, ledgers)
    if target.exists() and not target.is_dir():
        raise UsageError(f"“{path}”不是目录")
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputUnwritable(f"无法创建目录“{path}”:{os_reason(error)}") from None


def refuse_ledger_path(path: Path, target: Path, ledgers: tuple[Path, ...]) -> None:
    """UsageError when the resolved `target` is a ledger's tasks.yaml or units.yaml, or is
    (or is inside) its progress/: the ledgers given, and any ledger the path itself is in."""
    roots = {Path(os.path.realpath(root)) for root in ledgers}
    for folder in (target, *target.parents):
        if folder.name == PROGRESS_DIR and (folder.parent / TASKS_FILE).is_file():
            roots.add(folder.parent)
    if target.name in (TASKS_FILE, UNITS_FILE) and (target.parent / TASKS_FILE).is_file():
        roots.add(target.parent)
    for root in roots:
        progress = root / PROGRESS_DIR
        if target in (root / TASKS_FILE, root / UNITS_FILE) or (
            target.parent == progress and target.suffix == ".yaml"
        ):
            raise UsageError(f"“{path}”是台账文件,不能用作输出文件;请换一个文件名")
        if target == progress or progress in target.parents:
            raise UsageError(
                f"“{path}”是台账的进展目录 {progress.name}/ 或在其中,不能用作输出;请换一个位置"
            )


def _descriptor(path: Path) -> int | None:
    """The descriptor a path such as /dev/stdout or /dev/fd/3 names, following links."""
    here = os.path.abspath(path)
    for _ in range(40):
        if here in _STANDARD_STREAMS:
            return _STANDARD_STREAMS[here]
        if match := _OWN_DESCRIPTOR.fullmatch(here):
            return int(match.group(1))
        if not os.path.islink(here):
            return None
        try:
            link = os.readlink(here)
        except OSError:
            return None
        parent = os.path.realpath(os.path.dirname(here))
        here = os.path.normpath(os.path.join(parent, link))
    return None


def _write_stdout(data: bytes) -> None:
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except OSError as error:
        raise OutputUnwritable(f"无法写入标准输出:{os_reason(error)}") from None


def _write_descriptor(path: Path, descriptor: int, data: bytes) -> None:
    if descriptor in (1, 2):  # through Python's own stream, so nothing is written out of order
        stream = sys.stdout if descriptor == 1 else sys.stderr
        try:
            stream.flush()
            stream.buffer.write(data)
            stream.buffer.flush()
        except OSError as error:
            raise OutputUnwritable(f"无法写入“{path}”:{os_reason(error)}") from None
        return
    try:
        _write_all(descriptor, data)
    except OSError as error:
        reason = "该文件描述符没有打开" if error.errno == 9 else os_reason(error)
        raise OutputUnwritable(f"无法写入“{path}”:{reason}") from None


def _write_through(path: Path, target: Path, data: bytes) -> None:
    """A device or a pipe: opened for writing (never created, never replaced) and written."""
    try:
        fd = os.open(target, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
        try:
            _write_all(fd, data)
        finally:
            os.close(fd)
    except OSError as error:
        raise OutputUnwritable(f"无法写入“{path}”:{os_reason(error)}") from None


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _replace(path: Path, target: Path, data: bytes, make_parents: bool) -> None:
    from .atomic import write_atomic

    try:
        if make_parents:
            target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, data)
    except OSError as error:
        reason = "所在目录不存在" if isinstance(error, FileNotFoundError) else os_reason(error)
        raise OutputUnwritable(f"无法写入“{path}”:{reason}") from None
