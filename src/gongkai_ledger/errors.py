"""Errors that end a command, kept free of heavy imports: the entry point loads this on every run."""

from __future__ import annotations

import errno


class LedgerUnreadable(Exception):
    """The ledger cannot be read at all (no directory, no tasks.yaml): exit code 2."""


class OutputUnwritable(Exception):
    """A command's output cannot be written (-o file, device, standard output): exit code 2."""


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
