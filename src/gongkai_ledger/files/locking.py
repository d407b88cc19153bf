"""The lock every writer of a ledger file holds while it reads, changes and replaces it.

Why `flock` on the file itself rather than a lock file beside it: a lock file belongs to
whoever made it first (0644 under the usual umask), so in a checkout shared by several
accounts it shuts out everyone else, and it stays behind after every command. `flock`
needs only a descriptor opened for reading, which everyone who may write the file has,
creates nothing, and is released by the kernel when the holder exits, even if killed.

Writers replace the file (temp file + rename), so the lock taken on the old file would
not exclude a writer that opens the new one: after waiting, the holder checks that the
path still names the file it locked and starts again if not. A file that does not exist
yet is created under the lock of its directory, checked the same way. Where there is no
`flock` (Windows) a lock file beside the target (`czj.yaml.lock`) is used instead.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

LOCK_SUFFIX = ".lock"  # the lock file, where there is no flock


class LockTimeout(Exception):
    """Another process held the lock for longer than the caller would wait."""


class LockFailed(Exception):
    """The file or its directory could not be opened to lock it."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


@contextmanager
def file_lock(path: Path, timeout: float) -> Iterator[None]:
    """Hold the writers' lock of `path` (which may not exist yet).

    Raises LockTimeout or LockFailed while acquiring; what the body raises passes through.
    """
    if fcntl is None:
        with _lock_file(path, timeout):
            yield
        return
    try:
        fd = _acquire(path, time.monotonic() + timeout)
    except OSError as error:
        raise LockFailed(error) from None
    try:
        yield
    finally:
        os.close(fd)  # releases the lock


def _acquire(path: Path, deadline: float) -> int:
    while True:
        exists = os.path.exists(path)
        target = path if exists else path.parent
        fd = os.open(target, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        try:
            _wait(fd, deadline)
            if _still(fd, path, exists):
                return fd
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)  # another writer replaced or created the file meanwhile: lock that one


def _wait(fd: int, deadline: float) -> None:
    pause = 0.005
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise LockTimeout from None
            time.sleep(pause)
            pause = min(pause * 2, 0.1)


def _still(fd: int, path: Path, existed: bool) -> bool:
    """Whether `path` is still what was locked: the same file, or still no file."""
    try:
        now = os.stat(path)
    except FileNotFoundError:
        return not existed
    return existed and os.path.samestat(os.fstat(fd), now)


@contextmanager
def _lock_file(path: Path, timeout: float) -> Iterator[None]:
    from filelock import FileLock, Timeout

    lock = FileLock(path.with_name(path.name + LOCK_SUFFIX), timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise LockTimeout from None
    except OSError as error:
        raise LockFailed(error) from None
    try:
        yield
    finally:
        lock.release()
