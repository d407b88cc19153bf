"""What the command bodies share, without Typer: the clock, the ledger's today, dates, units,
output formats and writing the output. `_app` re-exports it for the commands Typer parses;
the everyday commands (`_fast`) import it directly so that they run without Typer.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.errors import UsageError

if TYPE_CHECKING:
    from ..core.model import Unit
    from ..core.registry import Registry
    from ..files.load import Loaded

LEDGER_ENV = "GONGKAI_LEDGER_DIR"

# `show` and `units`: a terminal view or its JSON, on standard output only
VIEW_FORMATS: dict[str, tuple[str, ...]] = dict.fromkeys(("table", "json"), ())


def now() -> datetime:
    """The one reading of the clock (STYLE principle 1); tests replace it."""
    return datetime.now(UTC)


def now_in(timezone: str) -> datetime:
    """The time now in `timezone` (an IANA name; the default zone if unknown)."""
    from ..core.model import DEFAULT_TIMEZONE
    from ..core.timezones import zone

    return now().astimezone(zone(timezone) or zone(DEFAULT_TIMEZONE))


def ledger_today(ledger: Path) -> date:
    """Today in the ledger's plan.timezone (Beijing by default), wherever this machine runs."""
    from ..core.timezones import day_in
    from ..files.load import plan_timezone

    return day_in(now(), plan_timezone(ledger))


def loaded_today(ledger: Path, loaded: Loaded) -> date:
    """`ledger_today` from the ledger just loaded, without reading tasks.yaml a second time.

    When the loader found nothing wrong, its plan.timezone is the one `plan_timezone` reads;
    otherwise (a bad value, a duplicate key, a file too large…) it is read the old way.
    """
    if loaded.problems:
        return ledger_today(ledger)
    from ..core.timezones import day_in

    return day_in(now(), loaded.ledger.plan.timezone)


def parse_day(text: str | None, what: str, today: date | None = None) -> date:
    """The date in `text`; without one, `today` (by default, today in Beijing)."""
    if text is None:
        if today is not None:
            return today
        from ..core.model import DEFAULT_TIMEZONE
        from ..core.timezones import day_in

        return day_in(now(), DEFAULT_TIMEZONE)
    import re

    from ..core.digits import ascii_digits

    value = ascii_digits(text)  # ２０２２－１２－３１ as typed in Chinese
    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):  # not 20221231, not ٢٠٢٢
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{what}“{text}”不是有效日期,请写成 YYYY-MM-DD") from None


def chosen_unit(registry: Registry, text: str | None) -> Unit | None:
    """The unit named by a --unit option (name, alias or id), or a UsageError that helps."""
    if text is None:
        return None
    from ..core.registry import unit_named

    return unit_named(registry, text)


def output_format(
    given: str | None,
    formats: Mapping[str, tuple[str, ...]],
    default: str,
    output: Path | None = None,
    ledger: Path | None = None,
    *,
    option: bool = True,
) -> str:
    """The one way a command settles its output format: --format, else the -o file's
    extension, else `default`; `formats` maps each to its -o extensions (none: stdout only).
    A UsageError for a format not in `formats`; see outfile.choose_format."""
    from ..files.outfile import choose_format

    ledgers = () if ledger is None else (ledger,)
    return choose_format(given, output, formats, default, option=option, ledgers=ledgers)


def emit(
    output: Path | None,
    data: bytes,
    ledger: Path,
    *,
    make_parents: bool = False,
    notes: Sequence[str] = (),
) -> None:
    """A command's output to stdout (`-`, None) or the -o file, device or pipe (see outfile);
    then `notes` and, for a file, where it went, on stderr."""
    from ..files.outfile import is_stdout, write_output

    write_output(output, data, (ledger,), make_parents=make_parents)
    for note in notes:
        sys.stderr.write(note + "\n")
    if output is not None and not is_stdout(output):
        sys.stderr.write(written(output) + "\n")


def written(path: Path) -> str:
    """What a command says after writing a file."""
    return f"已写入:{path.as_posix()}"
