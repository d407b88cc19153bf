"""The one way a ledger file is rewritten, and where a unit's progress file may be written.

`update_file` holds the file's writers' lock (locking.py) while it reads, changes and
replaces it atomically (atomic.py): concurrent writers queue up, a crash leaves the old
file. `progress_path` refuses a progress file that would be written outside the ledger.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..core.errors import EditError, os_reason
from ..core.model import UNIT_ID, Unit
from .atomic import write_atomic
from .load import PROGRESS_DIR, TASKS_FILE, UNITS_FILE, shown_path
from .locking import LockFailed, LockTimeout, file_lock
from .yamlio import DEFAULT_MAX_FILE_BYTES, NotRegularFile, read_capped


def progress_path(root: Path, unit: Unit) -> tuple[Path, Path]:
    """The unit's progress file: as the ledger names it, and the real file to write.

    Creates `progress/` if missing. Refuses (EditError) a progress directory, progress file
    that is a symlink leading out of the ledger directory, or anything that
    is not a plain file where the progress file should be.
    """
    if not UNIT_ID.fullmatch(unit.id):
        raise EditError(
            f"单位编号“{unit.id}”不能用作文件名", hint="请先按 ledger check 的提示修正 units.yaml"
        )
    home = Path(os.path.realpath(root))
    directory = root / PROGRESS_DIR
    if not os.path.lexists(directory):
        try:
            directory.mkdir()
        except OSError as error:
            raise EditError(f"无法创建目录 {shown_path(directory)}:{os_reason(error)}") from None
    real_directory = Path(os.path.realpath(directory))
    if not real_directory.is_relative_to(home):
        raise EditError(
            f"拒绝写入:{shown_path(directory)} 是指向台账目录之外({real_directory})的符号链接",
            hint="请把 progress 改为台账目录中的普通目录",
        )
    if not real_directory.is_dir():
        raise EditError(f"{shown_path(directory)} 不是目录")
    logical = directory / f"{unit.id}.yaml"
    physical = Path(os.path.realpath(logical))
    shown = shown_path(logical)
    if not physical.is_relative_to(home):
        raise EditError(
            f"拒绝写入:{shown} 是指向台账目录之外({physical})的符号链接",
            hint="请删除该链接,改为普通文件",
        )
    if physical in {Path(os.path.realpath(root / f)) for f in (TASKS_FILE, UNITS_FILE)}:
        raise EditError(f"拒绝写入:{shown} 是指向 {physical.name} 的符号链接")
    if os.path.lexists(physical) and not physical.is_file():
        raise EditError(f"{shown} 不是普通文件")
    return logical, physical


def update_file(
    path: Path,
    shown: str,
    change: Callable[[bytes | None], bytes | None],
    *,
    timeout: float = 120.0,
    max_bytes: int = DEFAULT_MAX_FILE_BYTES,
) -> bytes | None:
    """Rewrite a ledger file under its writers' lock: read it, change it, replace it atomically.

    Every writer (progress add, fmt) goes through here, so no writer works from a copy
    that another has replaced meanwhile. `change` gets the bytes as they are under the
    lock (None: no file yet) and returns the new content, or None to leave the file.
    Returns what was written (None: nothing). Raises EditError (the file is unchanged)
    and whatever `change` raises.
    """
    try:
        with file_lock(path, timeout):
            old = _read_locked(path, shown, max_bytes)
            new = change(old)
            if new is None or new == old:
                return None
            try:
                write_atomic(path, new)
            except OSError as error:
                raise EditError(
                    f"写入 {shown} 失败:{os_reason(error)}", hint="原文件未改动"
                ) from None
            return new
    except LockTimeout:
        raise EditError(
            f"{shown} 正由另一个进程写入,等待 {timeout:g} 秒仍未完成", hint="请稍后重试"
        ) from None
    except LockFailed as failed:
        raise EditError(f"无法锁定 {shown}:{os_reason(failed.error)}") from None


def _read_locked(path: Path, shown: str, max_bytes: int) -> bytes | None:
    try:
        return read_capped(path, max_bytes)
    except FileNotFoundError:
        return None
    except NotRegularFile as error:
        raise EditError(f"{shown} 是{error.kind},不是普通文件") from None
    except OSError as error:
        raise EditError(f"无法读取 {shown}:{os_reason(error)}") from None
