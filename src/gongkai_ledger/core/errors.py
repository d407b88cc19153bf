"""Errors that end a command, kept free of heavy imports: the entry point loads this on every run.

Every mistake a user can make that stops a command is a `UserError`: a Chinese message, an
optional hint, an exit code, and what to print. `cli.main` is the one place that prints
them; lower layers raise them and commands let them pass.
"""

from __future__ import annotations

import errno
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .problems import Problem


class UserError(Exception):
    """A command cannot do what was asked, for a reason the user can fix (exit code 2).

    Printed on stderr as `<prefix><message>(<hint>)`; `stdout` is printed first, if any.
    """

    prefix = "错误:"
    exit_code = 2

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    @property
    def stdout(self) -> str:
        """What goes on standard output before the message (problems a user can act on)."""
        return ""

    @property
    def stderr(self) -> str:
        hint = f"({self.hint})" if self.hint else ""
        return f"{self.prefix}{self.message}{hint}\n"


class UsageError(UserError):
    """A bad option value or a missing one."""

    prefix = "用法错误:"


class LedgerUnreadable(UserError):
    """The ledger cannot be read at all (no directory, no tasks.yaml)."""


class OutputUnwritable(UserError):
    """A command's output cannot be written (-o file, device, standard output)."""


class EditError(UserError):
    """Nothing was written: a wrong option or a file that cannot be edited safely."""


class TemplateProblem(UserError):
    """A report template cannot be loaded or rendered: a Chinese message with file and line."""

    prefix = "模板错误:"


class Rejected(UserError):
    """Nothing was written: the edit would add these errors to the ledger (exit code 1).

    The problems go to standard output, like `ledger check`'s; the explanation to stderr.
    """

    prefix = ""
    exit_code = 1

    def __init__(self, path: str, problems: Sequence[Problem], explanation: str) -> None:
        super().__init__(explanation)
        self.path = path
        self.problems = list(problems)
        self.explanation = explanation

    @property
    def stdout(self) -> str:
        from .problems import format_text

        return format_text(self.problems)


def not_one_of(option: str, value: str, choices: Iterable[str], hint: str = "") -> UsageError:
    """The one wording of "this option takes one of these values"."""
    return UsageError(f"{option} 只能是 {'、'.join(choices)},不能是“{value}”{hint}")


# The operating system's reasons in the words of an office user; its own strerror is English.
_OS_REASONS_ZH = {
    errno.ENOENT: "文件或目录不存在",
    errno.EISDIR: "这是一个目录",
    errno.ENOTDIR: "路径中有一段不是目录",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.ENOSPC: "磁盘已满",
    errno.EDQUOT: "磁盘配额已用完",
    errno.EROFS: "文件系统只读",
    errno.EEXIST: "文件已存在",
    errno.ENAMETOOLONG: "文件名太长",
    errno.ELOOP: "符号链接层数过多(可能成环)",
    errno.EMFILE: "打开的文件太多",
    errno.ENFILE: "打开的文件太多",
    errno.EIO: "输入输出错误(磁盘或设备故障)",
    errno.EBUSY: "文件或设备正忙",
    errno.ETXTBSY: "文件正忙",
    errno.EXDEV: "不能跨文件系统移动",
    errno.EINVAL: "参数无效(该文件或设备不支持这种操作)",
    errno.ENXIO: "设备不存在",
    errno.ENODEV: "设备不存在",
    errno.EFBIG: "文件太大",
    errno.ENOMEM: "内存不足",
    errno.EAGAIN: "资源暂时不可用",
    errno.ENOTEMPTY: "目录不是空的",
    errno.EPIPE: "输出管道已关闭",
}


def os_reason(error: OSError) -> str:
    """Why an OS call failed, in Chinese (the errno's name kept for an unknown reason)."""
    code = error.errno or 0
    if code in _OS_REASONS_ZH:
        return _OS_REASONS_ZH[code]
    name = errno.errorcode.get(code)
    return f"系统错误 {name}" if name else "系统错误"


class FillRejected(UserError):
    """Nothing was written: rows of a returned 填报表 are wrong (exit code 1).

    Each wrong cell, with its sheet, row and column, goes to standard output; the
    explanation to stderr.
    """

    prefix = ""
    exit_code = 1

    def __init__(self, lines: Sequence[str], explanation: str) -> None:
        super().__init__(explanation)
        self.lines = list(lines)

    @property
    def stdout(self) -> str:
        return "".join(line + "\n" for line in self.lines)
