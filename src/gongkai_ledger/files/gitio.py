"""Reading a ledger as it was at a git revision, through git itself (no GitPython).

`git ls-tree` lists the ledger directory at a revision and one `git cat-file --batch`
reads every file. When a revision is missing, as in a shallow CI clone, `GitError`
says which one and how to fetch it.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..core.errors import os_reason
from ..core.problems import LedgerUnreadable
from .load import Loaded, load_ledger_from

MAIN_BRANCHES = ("origin/main", "main")


class GitError(LedgerUnreadable):
    """git cannot give what is needed; the message says what and how to fix it (exit 2)."""


class NotARepository(GitError):
    """The directory is in no git repository at all (git worked, and said so)."""


_DUBIOUS = re.compile(rb"detected dubious ownership in repository at '(?P<path>[^\n]*)'")
_NOT_A_REPOSITORY = b"not a git repository"
_SHOWN_MAX = 200


def git_said(stderr: bytes) -> str:
    """What git's error output means, in Chinese when we know it, else its first line.

    git runs with LC_ALL=C, so its messages are the English ones matched here.
    """
    dubious = _DUBIOUS.search(stderr)
    if dubious is not None:
        path = _printable(dubious["path"].decode("utf-8", errors="replace"))
        return (
            f"git 拒绝读取仓库 {path}:它属于另一个用户(git 的 safe.directory 安全检查)。"
            f"如果信任这个仓库,请运行 git config --global --add safe.directory {path}"
        )
    lines = [line.strip() for line in stderr.decode("utf-8", errors="replace").splitlines()]
    first = next((line for line in lines if line), "")
    return f"git 报告:{_printable(first)}" if first else "git 出错,没有给出原因"


def _printable(text: str) -> str:
    """git's text without control characters (a path may hold any), and not too long."""
    shown = "".join(char if char.isprintable() else "?" for char in text)
    return shown if len(shown) <= _SHOWN_MAX else shown[:_SHOWN_MAX] + "……"


@dataclass(frozen=True)
class Side:
    """One end of a comparison: a commit, or the working tree (commit None)."""

    commit: str | None
    rev: str | None = None  # as the user wrote it; None for the working tree or a merge base
    merge_base_of: str | None = None  # the branch whose merge base with HEAD this is


def no_repository(ledger: Path, stderr: bytes) -> GitError:
    """Why git found no work tree for `ledger`: none at all, or one it would not read."""
    if _NOT_A_REPOSITORY in stderr:
        return NotARepository(f"“{ledger}”不在 git 仓库中")
    return GitError(f"无法读取“{ledger}”所在的 git 仓库:{git_said(stderr)}")


@dataclass(frozen=True)
class Repo:
    """A git working tree, and where the ledger directory is inside it."""

    top: Path
    ledger: PurePosixPath  # relative to `top`, e.g. data

    @classmethod
    def of(cls, ledger: Path) -> Repo:
        """The repository holding the directory `ledger`; GitError outside one."""
        start = ledger if ledger.is_dir() else ledger.parent
        result = run_git(["rev-parse", "--show-toplevel"], Path(start), check=False)
        if result.returncode != 0:
            raise no_repository(ledger, result.stderr)
        top = Path(result.stdout.decode("utf-8").strip())
        relative = os.path.relpath(os.path.realpath(ledger), os.path.realpath(top))
        return cls(top, PurePosixPath(Path(relative).as_posix()))

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[bytes]:
        return run_git(list(args), self.top, check=check)

    def commit(self, rev: str) -> str:
        """The commit id `rev` names; GitError (with a hint for shallow clones) if absent."""
        result = self.git("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}", check=False)
        if result.returncode != 0:
            raise GitError(f"本地仓库中没有修订版“{rev}”" + self._shallow_hint(rev))
        return result.stdout.decode("ascii").strip()

    def merge_base(self, base: str, head: str) -> str:
        result = self.git("merge-base", base, head, check=False)
        if result.returncode != 0:
            raise GitError(
                f"找不到“{base}”与“{head}”的共同祖先(合并基点)" + self._shallow_hint(base)
            )
        return result.stdout.decode("ascii").strip()

    def main_branch(self) -> str:
        """origin/main, else main: what a pull request is compared against."""
        for name in MAIN_BRANCHES:
            if (
                self.git(
                    "rev-parse", "--verify", "--quiet", f"{name}^{{commit}}", check=False
                ).returncode
                == 0
            ):
                return name
        raise GitError(
            "找不到主分支 origin/main 或 main,请写明要比较的修订版,如 ledger diff origin/master"
            + self._shallow_hint("origin/main")
        )

    def sides(self, base: str | None, head: str | None) -> tuple[Side, Side]:
        """What `ledger diff [BASE] [HEAD]` compares: by default, the merge base of the main
        branch and HEAD, against the working tree."""
        after = Side(None) if head is None else Side(self.commit(head), head)
        if base is not None:
            return Side(self.commit(base), base), after
        main = self.main_branch()
        tip = after.commit or self.commit("HEAD")
        return Side(self.merge_base(main, tip), merge_base_of=main), after

    def ledger_at(self, commit: str) -> Loaded:
        """The ledger as committed; problems name files like `1a2b3c4:data/tasks.yaml`."""
        return load_ledger_from(self.read_ledger(commit), f"{commit[:7]}:{self.ledger}")

    def shallow(self) -> bool:
        result = self.git("rev-parse", "--is-shallow-repository", check=False)
        return result.stdout.strip() == b"true"

    def read_ledger(self, commit: str) -> dict[str, bytes]:
        """The ledger directory's files at `commit`: path relative to it → content."""
        prefix = "" if str(self.ledger) == "." else f"{self.ledger}/"
        listing = self.git("ls-tree", "-r", "-z", "--full-tree", commit, "--", prefix or ".")
        blobs: list[tuple[str, str]] = []
        for entry in listing.stdout.split(b"\0"):
            if not entry:
                continue
            meta, _, name = entry.partition(b"\t")
            _mode, kind, sha = meta.split()
            # git stores names as bytes: one that is not UTF-8 is shown with \x escapes
            path = name.decode("utf-8", errors="backslashreplace")
            if kind == b"blob" and path.startswith(prefix):
                blobs.append((path[len(prefix) :], sha.decode("ascii")))
        return dict(zip((p for p, _ in blobs), self._blobs([s for _, s in blobs]), strict=True))

    def _blobs(self, shas: Sequence[str]) -> list[bytes]:
        if not shas:
            return []
        request = "".join(f"{sha}\n" for sha in shas).encode("ascii")
        output = run_git(["cat-file", "--batch"], self.top, stdin=request).stdout
        contents, at = [], 0
        for _ in shas:
            header_end = output.index(b"\n", at)
            size = int(output[at:header_end].split()[2])
            contents.append(output[header_end + 1 : header_end + 1 + size])
            at = header_end + 1 + size + 1  # the content is followed by a line break
        return contents

    def _shallow_hint(self, rev: str) -> str:
        if self.shallow():
            return (
                "。这是浅克隆(shallow clone),历史不完整:请运行 git fetch --deepen=100"
                f"(或 git fetch origin {rev.removeprefix('origin/')}),"
                "在 GitHub Actions 中给 actions/checkout 设置 fetch-depth: 0,"
                "在 GitLab CI 中设置 GIT_DEPTH: 0"
            )
        return "。请先 git fetch 取得它,或检查拼写"


@dataclass(frozen=True)
class DataVersion:
    """Which commit a report's data is, as the report states it."""

    commit: str  # short id; "" when unknown
    dirty: bool  # the ledger has uncommitted changes
    problem: str = ""  # why the commit is unknown although the ledger is in a repository


def ledger_directory(ledger: Path) -> PurePosixPath:
    """The ledger directory's path from the root of its git repository; outside any
    repository (not yet one), from the working directory."""
    try:
        return Repo.of(ledger).ledger
    except NotARepository:
        return PurePosixPath(Path(os.path.relpath(ledger)).as_posix())


def data_version(ledger: Path) -> DataVersion:
    """The data version of the ledger directory; no problem outside a git repository.

    Two git processes at once (each is most of the cost): one names the work tree and the
    short commit (what `Repo.of` and `rev-parse --short HEAD` would say, in one call), the
    other lists the ledger directory's uncommitted changes.
    """
    start = ledger if ledger.is_dir() else ledger.parent
    try:
        naming = start_git(["rev-parse", "--show-toplevel", "--short", "HEAD"], start)
        listing = start_git(["status", "--porcelain", "--", "."], start)
        head, changes = finish_git(naming), finish_git(listing)
    except GitError as error:
        return DataVersion("", False, str(error))
    if head.returncode != 0:
        if not head.stdout.strip():  # not even the work tree: what Repo.of would say
            found = no_repository(ledger, head.stderr)
            return DataVersion("", False, "" if isinstance(found, NotARepository) else str(found))
        return DataVersion("", False, git_said(head.stderr))  # a work tree, but no HEAD
    commit = head.stdout.decode("ascii", "replace").splitlines()[-1].strip()
    if changes.returncode != 0:
        return DataVersion(commit, True, git_said(changes.stderr))
    return DataVersion(commit, bool(changes.stdout.strip()))


# How git runs for us, every time: English messages (git_said parses them), never a
# prompt for credentials or a pager to wait on, and no index refresh written by `git status`
# (a command that only reads must not contend with the user's own git for index.lock).
GIT_ENVIRONMENT = {
    "LC_ALL": "C",
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_PAGER": "cat",
    "GIT_OPTIONAL_LOCKS": "0",
}


def run_git(
    args: list[str], cwd: Path, *, check: bool = True, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    """The one way this package runs git: in `cwd`, with GIT_ENVIRONMENT, output captured.

    GitError (in Chinese) when git cannot be run, or, with `check`, when it fails.
    """
    return finish_git(start_git(args, cwd, stdin=stdin is not None), stdin, check=check)


def start_git(args: list[str], cwd: Path, *, stdin: bool = False) -> subprocess.Popen[bytes]:
    """git started as `run_git` runs it (`finish_git` waits for it); GitError if it cannot."""
    environment = {**os.environ, **GIT_ENVIRONMENT}
    try:
        return subprocess.Popen(
            ["git", *args],
            cwd=cwd,
            stdin=subprocess.PIPE if stdin else None,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment,
        )
    except OSError as error:
        if not cwd.is_dir():
            raise GitError(f"无法进入目录“{cwd}”:{os_reason(error)}") from None
        if isinstance(error, FileNotFoundError):
            raise GitError("找不到 git 命令,请先安装 git") from None
        raise GitError(f"无法运行 git:{os_reason(error)}") from None


def finish_git(
    process: subprocess.Popen[bytes], stdin: bytes | None = None, *, check: bool = False
) -> subprocess.CompletedProcess[bytes]:
    """What a started git said once it ended; with `check`, GitError if it failed."""
    with process:
        stdout, stderr = process.communicate(stdin)
    args: list[str] = list(process.args)[1:3] if isinstance(process.args, list) else []
    if check and process.returncode != 0:
        raise GitError(f"git {' '.join(args)} 失败:{git_said(stderr)}")
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
