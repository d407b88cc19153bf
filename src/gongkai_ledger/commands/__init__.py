"""One module per command (or command group); importing it registers it on the app."""

from . import (
    check,
    codeowners,
    diff,
    export,
    fmt,
    importing,
    init,
    overdue,
    progress,
    report,
    schema,
    show,
    units,
)

__all__ = [
    "check",
    "codeowners",
    "diff",
    "export",
    "fmt",
    "importing",
    "init",
    "overdue",
    "progress",
    "report",
    "schema",
    "show",
    "units",
]
