"""User text made safe for GitHub-flavoured Markdown: one escaper for every Markdown output."""

from __future__ import annotations

import re
from typing import Any

_LINE_BREAKS = re.compile(r"[\r\n\v\f\x85\u2028\u2029]+")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones
# that can start code, emphasis, links/images, math, or end a table cell.
_MD_PUNCTUATION = re.compile(r"([\\`*_\[\]|$~])")


def md_escape(value: Any) -> str:
    """User text made safe inside a GitHub-flavoured Markdown paragraph or table cell.

    Line breaks and runs of spaces become one space (a newline would end a table row),
    control characters go, `&`, `<` and `>` become entities (no HTML gets through), and
    Markdown punctuation is backslash-escaped, `|` included, so a summary such as
    `见[通知](https://…) **重要**` cannot become a link or bold text in a PR comment.
    """
    text = _CONTROLS.sub("", _LINE_BREAKS.sub(" ", str(value)))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_PUNCTUATION.sub(r"\\\1", text)
