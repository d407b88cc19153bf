"""One rule for digits: ASCII in the ledger files; full-width typed on the command line is read.

A date in a ledger file must be written with ASCII digits (as the JSON Schema says), so
the loader refuses `２０２２-１０-１０` and shows the ASCII form; a date or month typed
in an option (`--as-of ２０２２－１２－３１`, from a Chinese input method) is normalised.
"""

from __future__ import annotations

import unicodedata

_FULL_WIDTH_MINUS = {"\uff0d": "-", "\u2212": "-"}  # －, and the minus sign −


def ascii_digits(text: str) -> str:
    """'２０２２－１２' → '2022-12': full-width digits and minus as ASCII; other digits stay (and fail)."""
    if text.isascii():
        return text
    return "".join(_ascii(char) for char in text)


def _ascii(char: str) -> str:
    if "\uff10" <= char <= "\uff19":  # full-width ０–９ only: what a Chinese input method types
        return str(unicodedata.decimal(char))
    return _FULL_WIDTH_MINUS.get(char, char)
