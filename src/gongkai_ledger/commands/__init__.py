"""One module per command (or command group); importing it registers it on the app."""

from . import check

__all__ = ["check"]
