"""One rule for digits: ASCII in the ledger files; full-width typed on the command line is read.

A date in a ledger file must be written with ASCII digits (as the JSON Schema says), so
the loader refuses `２０２２-１０-１０` and shows the ASCII form; a date or month typed
in an option (`--as-of ２０２２－１２－３１`, from a Chinese input method) is normalised.
"""

from __future__ import annotations

# full-width ０–９ (what a Chinese input method types), －, and the minus sign −
_TO_ASCII = {0xFF10 + n: str(n) for n in range(10)} | {0xFF0D: "-", 0x2212: "-"}


def ascii_digits(text: str) -> str:
    """'２０２２－１２' → '2022-12': full-width digits and minus as ASCII; other digits stay (and fail)."""
    return text if text.isascii() else text.translate(_TO_ASCII)
