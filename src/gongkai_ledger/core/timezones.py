"""Which calendar day it is for a ledger: the date in the plan's time zone (plan.timezone).

CI machines run in UTC while the office is in Beijing; "today" is the office's
today. No clock here: the command layer passes the instant in.
"""

from __future__ import annotations

import re
from datetime import date, datetime, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .model import DEFAULT_TIMEZONE

# An IANA name such as Asia/Shanghai or Etc/GMT-8: no dots, no absolute or parent paths.
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+)*")


@cache
def zone(name: str) -> tzinfo | None:
    """The time zone called `name`, or None when there is no such IANA zone."""
    if len(name) > 64 or _NAME.fullmatch(name) is None:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def day_in(instant: datetime, name: str) -> date:
    """The calendar date of `instant` (timezone-aware) in zone `name` (the default if unknown)."""
    found = zone(name) or zone(DEFAULT_TIMEZONE)
    if found is None:  # no time zone database at all (Windows without tzdata)
        raise RuntimeError("找不到时区数据库,请安装 tzdata")
    return instant.astimezone(found).date()
