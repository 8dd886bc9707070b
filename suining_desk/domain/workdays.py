"""Counting a notice period (公示期) in calendar days or in working days (工作日).

Working days skip weekends and public holidays and count the weekend days made working
days (调休), as the State Council announces them each year. That calendar comes from the
maintained ``chinese-calendar`` package (its data: every year from 2004 to its last year;
the next year is added once the State Council's notice is out, usually in November or
December). Its known special cases are kept: 2015-09-03/04 (the 70th anniversary) were
holidays and 2015-09-06 a working day; the 2020 Spring Festival was extended to February 2
(国办发明电〔2020〕1号).

Past the package's last year nothing is known of holidays: the count falls back to Monday
to Friday and says which years it guessed, so the caller can warn that the period may end
too early (a holiday inside it would have lengthened it). Never a hand-typed list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from suining_desk.domain.enums import CALENDAR_DAYS, WORKING_DAYS

PACKAGE: Final = "chinese-calendar"
MAX_SPAN: Final = 400  # days scanned for a working-day count (90 working days fit easily)


@lru_cache(maxsize=1)
def coverage() -> tuple[int, int]:
    """The first and last year the holiday calendar knows."""
    from chinese_calendar import constants

    years = [d.year for d in constants.holidays] + [d.year for d in constants.workdays]
    return min(years), max(years)


def package_version() -> str:
    try:
        from importlib.metadata import version

        return f"{PACKAGE} {version(PACKAGE)}"
    except Exception:  # noqa: BLE001 - the name alone then
        return PACKAGE


def is_working_day(day: dt.date) -> bool | None:
    """Whether ``day`` is a working day; None when the calendar does not know its year."""
    first, last = coverage()
    if not first <= day.year <= last:
        return None
    import chinese_calendar

    return bool(chinese_calendar.is_workday(day))


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    guessed_years: tuple[int, ...] = ()  # years counted Monday to Friday: holidays unknown


def notice_period(start: dt.date, days: int, unit: str) -> Period:
    """The notice posted on ``start`` for ``days`` days: in calendar days it ends ``days - 1``
    days later; in working days it ends on its ``days``-th working day (the start counts
    when it is one)."""
    if days < 1:
        raise ValueError(f"a notice lasts at least a day, not {days}")
    if unit == CALENDAR_DAYS:
        return Period(start, start + dt.timedelta(days=days - 1))
    if unit != WORKING_DAYS:
        raise ValueError(f"unknown unit {unit!r}")
    guessed: set[int] = set()
    day, counted = start, 0
    for _ in range(MAX_SPAN):
        working = is_working_day(day)
        if working is None:
            guessed.add(day.year)
            working = day.weekday() < 5
        if working:
            counted += 1
            if counted == days:
                return Period(start, day, tuple(sorted(guessed)))
        day += dt.timedelta(days=1)
    raise ValueError(f"{days} working days do not fit in {MAX_SPAN} days")
