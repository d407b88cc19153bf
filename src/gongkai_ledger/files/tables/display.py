"""Numbers and dates from a spreadsheet as its cells show them (xlsx and xls readers)."""

from __future__ import annotations

import datetime as dt


def date_text(value: dt.datetime | dt.date, number_format: str) -> str:
    """2022-09-30, or 2022年9月 / 2022年9月30日 when the cell's format writes 年 and 月."""
    fmt = number_format.lower()
    if "年" in fmt and "月" in fmt:
        if "日" in fmt or "d" in fmt.replace("[$-", ""):
            return f"{value.year}年{value.month}月{value.day}日"
        return f"{value.year}年{value.month}月"
    if isinstance(value, dt.datetime) and value.time() != dt.time(0):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.strftime("%Y-%m-%d")


def number_text(value: float, number_format: str) -> str:
    """An integral number without ".0", a percentage with %, otherwise Python's shortest form."""
    if number_format.endswith("%"):
        return f"{value * 100:g}%"
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value))
