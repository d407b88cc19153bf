"""Replacing a file all at once, so that a reader or a crash never sees half of it.

Used by every writer: `ledger fmt`, `progress add` and any command's `-o` file.
"""

from __future__ import annotations

import os
import stat
from contextlib import suppress
from pathlib import Path

TEMP_SUFFIX = ".tmp"


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` all at once: temp file beside it, fsync, os.replace.

    A reader sees the old file or the new one, never a mix; after a crash the old
    file is intact (a stray `.<name>.<random>.tmp` may stay behind). The file keeps
    its permission bits; a new file gets the usual ones (0666 less the umask).
    """
    try:
        mode: int | None = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mode = None
    temp = _written_beside(path, data, mode)
    try:
        os.replace(temp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise
    _sync_directory(path.parent)


def write_new(path: Path, data: bytes) -> None:
    """Create `path` with `data` all at once, never replacing a file: FileExistsError when
    something is already there (even one that appeared a moment ago: the link is atomic)."""
    temp = _written_beside(path, data, None)
    try:
        os.link(temp, path)
    finally:
        with suppress(OSError):
            os.unlink(temp)
    _sync_directory(path.parent)


def _written_beside(path: Path, data: bytes, mode: int | None) -> Path:
    """A new temp file `.<name>.<random>.tmp` beside `path` holding `data`, fsynced, with
    permission bits `mode` (None: the usual ones); removed again if writing it fails."""
    import secrets  # only when writing (it brings random and hashlib)

    temp = path.with_name(f".{path.name}.{secrets.token_hex(6)}{TEMP_SUFFIX}")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(temp, flags, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            if mode is not None:
                os.chmod(temp, mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise
    return temp


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); elsewhere the rename is as durable as it gets."""
    if os.name != "posix":
        return
    with suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
