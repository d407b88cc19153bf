"""Which calendar day it is for a ledger: the date in the plan's time zone (plan.timezone).

CI machines run in UTC while the office is in Beijing; "today" is the office's
today. No clock here: the command layer passes the instant in.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import cache

from .lazyre import lazy
from .model import DEFAULT_TIMEZONE

# An IANA name such as Asia/Shanghai or Etc/GMT-8: no dots, no absolute or parent paths.
_NAME = lazy(r"[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+)*")


@cache
def zone(name: str) -> tzinfo | None:
    """The time zone called `name`, or None when there is no such IANA zone."""
    if len(name) > 64 or _NAME.fullmatch(name) is None:
        return None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # only for a day not given by --as-of

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


# Asia/Shanghai has kept UTC+8 all year since its last summer time ended in September 1991:
# the default zone's day needs no time zone database (a test checks it against tzdata).
_BEIJING_FIXED_SINCE = datetime(1992, 1, 1, tzinfo=UTC)
_BEIJING_OFFSET = timedelta(hours=8)


def day_in(instant: datetime, name: str) -> date:
    """The calendar date of `instant` (timezone-aware) in zone `name` (the default if unknown)."""
    if name == DEFAULT_TIMEZONE and instant >= _BEIJING_FIXED_SINCE:
        return (instant.astimezone(UTC) + _BEIJING_OFFSET).date()
    found = zone(name) or zone(DEFAULT_TIMEZONE)
    if found is None:  # no time zone database at all (Windows without tzdata)
        raise RuntimeError("找不到时区数据库,请安装 tzdata")
    return instant.astimezone(found).date()
