"""calendar.yaml 中两个放假的日期重叠,或调休上班日落在放假期间。

同一天不能既放假又上班,也不会属于两个节日(中秋、国庆连休时通知写成一项)。
修正:照通知改正日期;连休的两个节日合写成一项。
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.model import Holiday
from ..core.problems import Level
from . import Finding
from .context import Context

ID = "calendar-overlap"
LEVEL = Level.ERROR


def check(ctx: Context) -> Iterator[Finding]:
    seen: list[Holiday] = []
    for year in ctx.ledger.calendar:
        for holiday in year.holidays:
            if holiday.end < holiday.start:
                continue  # calendar-date reports it
            earlier = next(
                (h for h in seen if h.start <= holiday.end and holiday.start <= h.end), None
            )
            if earlier is not None:
                yield (
                    holiday.source,
                    f"{holiday.name}({_span(holiday)})与{earlier.name}({_span(earlier)})"
                    "的放假日期重叠",
                    f"{earlier.name}写在 {earlier.source}",
                )
            seen.append(holiday)
    for year in ctx.ledger.calendar:
        for workday in year.workdays:
            inside = next((h for h in seen if h.start <= workday.day <= h.end), None)
            if inside is not None:
                yield (
                    workday.source,
                    f"调休上班日 {workday.day.isoformat()} 在{inside.name}放假期间"
                    f"({_span(inside)})",
                    "同一天不能既放假又上班",
                )


def _span(holiday: Holiday) -> str:
    if holiday.start == holiday.end:
        return holiday.start.isoformat()
    return f"{holiday.start.isoformat()} 至 {holiday.end.isoformat()}"
