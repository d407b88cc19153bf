"""calendar.yaml 中的调休上班日不是星期六或星期日。

`workdays` 只写通知中“上班”的周末;星期一至星期五本来就是工作日,写在这里多半是日期抄错了。
修正:照通知改正日期。
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.problems import Level
from . import Finding
from .context import Context

ID = "calendar-weekday"
LEVEL = Level.ERROR

_WEEKDAYS = "一二三四五六日"


def check(ctx: Context) -> Iterator[Finding]:
    for year in ctx.ledger.calendar:
        for workday in year.workdays:
            weekday = workday.day.weekday()
            if weekday < 5:
                yield (
                    workday.source,
                    f"调休上班日 {workday.day.isoformat()} 是星期{_WEEKDAYS[weekday]},不是周末",
                    "workdays 只写调休上班的星期六、星期日",
                )
