"""User text made safe for GitHub-flavoured Markdown: one escaper for every Markdown output."""

from __future__ import annotations

import re
from typing import Any

from ..core.lazyre import lazy
from ..core.safetext import visible

_LINE_BREAKS = lazy(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")
# CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones
# that can start code, emphasis, links/images, math, a heading, or end a table cell.
_MD_PUNCTUATION = lazy(r"([\\`*_\[\]|$~#])")
# What GitHub turns into a link or a notification even when escaped: an @mention (and an
# e-mail address), a URL (`https://`) and `www.`. GitHub finds mentions in the rendered text,
# where a backslash or `&#64;` is gone; an empty HTML comment after `@`, before `//` or after
# `www` splits the text where they are found, and GitHub shows nothing of it.
_LINK_OR_MENTION = lazy(r"@|:(?=//)|(?i:www)(?=\.)")
BREAK = "<!-- -->"
# An evidence link as check accepts it: shown as a link, it shows where it goes.
_PLAIN_URL = lazy(r"https?://[A-Za-z0-9.-]+(?::[0-9]+)?(?:[/?#][A-Za-z0-9._~%&+,;=:/?#-]*)?")


def md_escape(value: Any) -> str:
    """User text made safe inside a GitHub-flavoured Markdown paragraph or table cell.

    Line breaks become one space (a newline would end a table row), control characters
    are shown as their codes (`\\x1b`, see safetext), `&`, `<` and `>` become entities
    (no HTML gets through), Markdown punctuation is backslash-escaped, `|` and `#`
    included, and `@`, `://` and `www.` are split by an empty HTML comment: a summary such
    as `见[通知](https://…) **重要** @everyone` cannot become a link, bold text or a
    notification in a PR comment.
    """
    text = visible(_LINE_BREAKS.sub(" ", str(value)))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_PUNCTUATION.sub(r"\\\1", text)
    return _LINK_OR_MENTION.sub(lambda m: m.group() + BREAK, text)


def md_url(value: Any) -> str:
    """An evidence URL: a plain http(s) URL stays a link (it shows where it goes); anything
    else is `md_escape`d."""
    text = str(value)
    return text if _PLAIN_URL.fullmatch(text) else md_escape(text)


def md_code(value: Any) -> str:
    """A code span that holds `value` whole, whatever backticks it has: a git revision name
    (which may hold `` ` ``, `|` or `<`) shown as code in a pull-request comment."""
    text = visible(_LINE_BREAKS.sub(" ", str(value)))
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{fence}{padded}{fence}"
