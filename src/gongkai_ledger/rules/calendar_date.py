"""calendar.yaml 中的日期与所在年份不符,或放假的 `to` 早于 `from`。

每一年只写国务院办公厅当年通知中的日期:`2027:` 下的放假和调休上班日都应在 2027 年内;
只有跨年的元旦假期和元旦前后的调休上班日可以在上一年 12 月(如 2023 年的元旦假期从 2022-12-31 起,
2019 年的通知写了 2018-12-29 上班)。
日期本身不存在(如 `2027-02-30`)时报 `impossible-date`。
修正:照通知改正日期,或把它移到所属的年份下。
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.problems import Level
from . import Finding
from .context import Context

ID = "calendar-date"
LEVEL = Level.ERROR


def check(ctx: Context) -> Iterator[Finding]:
    for year in ctx.ledger.calendar:
        for holiday in year.holidays:
            where = holiday.end_source or holiday.source
            if holiday.end < holiday.start:
                yield (
                    where,
                    f"{year.year} 年{holiday.name}的放假结束日 {holiday.end.isoformat()} "
                    f"早于开始日 {holiday.start.isoformat()}",
                    "to 是放假的最后一天(含),应不早于 from",
                )
                continue
            crosses_new_year = holiday.start.year == year.year - 1 and holiday.start.month == 12
            starts_ok = holiday.start.year == year.year or crosses_new_year
            if not starts_ok or holiday.end.year != year.year:
                day = holiday.start if not starts_ok else holiday.end
                yield (
                    holiday.source if not starts_ok else where,
                    f"{year.year} 年{holiday.name}的日期 {day.isoformat()} 不在 {year.year} 年内",
                    f"请照通知改正,或写到 {day.year} 年下",
                )
        for workday in year.workdays:
            previous_december = workday.day.year == year.year - 1 and workday.day.month == 12
            if workday.day.year != year.year and not previous_december:
                yield (
                    workday.source,
                    f"{year.year} 年的调休上班日 {workday.day.isoformat()} 不在 {year.year} 年内",
                    f"请照通知改正,或写到 {workday.day.year} 年下",
                )
