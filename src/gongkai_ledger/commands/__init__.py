"""One module per command (or command group); importing it registers it on the app."""

from . import (
    check,
    codeowners,
    diff,
    export,
    fmt,
    init,
    overdue,
    progress,
    report,
    review,
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
    "init",
    "overdue",
    "progress",
    "report",
    "review",
    "schema",
    "show",
    "units",
]
