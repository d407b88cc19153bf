"""计划年度或检查日期所在的年份,法定节假日数据没有覆盖。

工作日按国务院办公厅的节假日安排计算:来自 chinesecalendar(它发布时已公布的年份),以及
台账目录中可选的 `calendar.yaml`。两者都没有的年份,逾期工作日数显示为“?”。
修正:在 `calendar.yaml` 的 `years` 下照录该年的通知(文号、放假、调休上班日),
或升级 chinesecalendar。不要推测日期:通知公布之前就等一等。
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..core.problems import Level
from ..core.workdays import covered_years, package_years
from . import Finding
from .context import Context

ID = "calendar-gap"
LEVEL = Level.WARNING


def check(ctx: Context) -> Iterator[Finding]:
    covered = covered_years(ctx.ledger.calendar)
    package = package_years()
    plan = ctx.ledger.plan
    if plan.year == date.min.year:  # no readable plan.year: the loader reports that
        return
    for year, what in ((plan.year, "计划年度"), (ctx.as_of.year, "检查日期所在的年份")):
        if year in covered or (what != "计划年度" and year == plan.year):
            continue
        yield (
            plan.source,
            f"{what} {year} 年没有法定节假日数据(chinesecalendar 只有 {package.start}–"
            f"{package.stop - 1} 年,calendar.yaml 中也没有):工作日数将显示为“?”",
            f"请在 calendar.yaml 中写明 {year} 年的放假安排,如 years: {{{year}: "
            "{notice: 国办发明电〔…〕…号, holidays: [{name: 元旦, from: …, to: …}], "
            "workdays: […]}}(照录国务院办公厅通知),或升级 chinesecalendar",
        )
