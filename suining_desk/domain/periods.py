"""Paying periods of the aid programs, by frequency, and their labels.

A label is what the database stores in ``period``: ``2018-11`` (monthly, and one-off
aid, which is batched by month), ``2018-Q3`` (quarterly), ``2018`` (yearly), ``2018-T1``
and ``2018-T2`` (spring term March–July, autumn term September–January).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from suining_desk.domain.problems import InvalidInput, Problem

FIRST_YEAR = 2000  # the years any period, ledger or filter may name
LAST_YEAR = 2100
ANY_FORMAT = "2018-11、2018-Q3、2018 或 2018-T1"
FORMATS = {
    "monthly": "2018-11",
    "once": "2018-11",
    "quarterly": "2018-Q3",
    "yearly": "2018",
    "term": "2018-T1",
}
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")
_TERM = re.compile(r"^(\d{4})-T([12])$")


@dataclass(frozen=True, order=True)
class Period:
    start: dt.date
    end: dt.date
    label: str

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def months(self) -> list[str]:
        """The calendar months ('YYYY-MM') the period spans."""
        out, y, m = [], self.start.year, self.start.month
        while (y, m) <= (self.end.year, self.end.month):
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def month(year: int, month_no: int) -> Period:
    return Period(dt.date(year, month_no, 1), _month_end(year, month_no), f"{year:04d}-{month_no:02d}")


def quarter(year: int, q: int) -> Period:
    return Period(dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q), f"{year:04d}-Q{q}")


def year_period(year: int) -> Period:
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year:04d}")


def term(year: int, t: int) -> Period:
    if t == 1:
        return Period(dt.date(year, 3, 1), dt.date(year, 7, 31), f"{year:04d}-T1")
    return Period(dt.date(year, 9, 1), dt.date(year + 1, 1, 31), f"{year:04d}-T2")


def period_from_label(label: str) -> Period | None:
    """The period a stored label names, whatever its frequency (None if not a label)."""
    text = label.strip().upper()
    try:
        if m := _MONTH.match(text):
            return month(int(m[1]), int(m[2]))
        if m := _QUARTER.match(text):
            return quarter(int(m[1]), int(m[2]))
        if m := _YEAR.match(text):
            return year_period(int(m[1]))
        if m := _TERM.match(text):
            return term(int(m[1]), int(m[2]))
    except ValueError:
        return None
    return None


def parse_period(label: str, frequency: str | None = None) -> Period:
    """The period ``label`` names — for a program of ``frequency``, or of any frequency
    when None (a filter); refused in Chinese otherwise. Every command and service that
    takes a period checks it here."""
    found = period_from_label(label)
    expected = FORMATS.get(frequency, "2018-11") if frequency is not None else ""
    if (found is None or (expected and _kind(found.label) != _kind(expected))
            or not FIRST_YEAR <= found.start.year <= LAST_YEAR):
        raise InvalidInput([Problem("bad_period", {"value": label, "example": expected or ANY_FORMAT},
                                    field="period")])
    return found


def check_year(value: object) -> int:
    """A year as typed (``2018``): four digits from FIRST_YEAR to LAST_YEAR."""
    text = str(value).strip()
    if not re.fullmatch(r"[0-9]{4}", text) or not FIRST_YEAR <= int(text) <= LAST_YEAR:
        raise InvalidInput([Problem("ledger_bad_year", {"value": text}, field="year")])
    return int(text)


def check_month_number(value: object) -> int:
    """A month of the year as typed (``11``): 1 to 12."""
    text = str(value).strip()
    if not re.fullmatch(r"[0-9]{1,2}", text) or not 1 <= int(text) <= 12:
        raise InvalidInput([Problem("ledger_bad_month", {"value": text}, field="month")])
    return int(text)


def _kind(label: str) -> str:
    return re.sub(r"\d", "9", label)


def period_of(frequency: str, day: dt.date) -> Period:
    """The period of ``frequency`` that ``day`` falls in (a term's gap months belong to the next term)."""
    if frequency == "quarterly":
        return quarter(day.year, (day.month - 1) // 3 + 1)
    if frequency == "yearly":
        return year_period(day.year)
    if frequency == "term":
        if day.month == 1:
            return term(day.year - 1, 2)
        return term(day.year, 1 if day.month <= 7 else 2)
    return month(day.year, day.month)


def previous(period: Period, frequency: str) -> Period:
    return period_of(frequency, period.start - dt.timedelta(days=1))


def periods_of_year(frequency: str, year: int) -> list[Period]:
    if frequency == "quarterly":
        return [quarter(year, q) for q in range(1, 5)]
    if frequency == "yearly":
        return [year_period(year)]
    if frequency == "term":
        return [term(year, 1), term(year, 2)]
    return [month(year, m) for m in range(1, 13)]


def start_sql(column: str) -> str:
    """SQL for the first month (YYYYMM) of the period labelled in ``column``, so periods sort
    by calendar: as text, 2018-T1 (March) came after 2018-12. A year sorts as month 00,
    before its own January. No ", " inside: callers split sort keys on it."""
    return (f"substr({column},1,4)||CASE WHEN length({column})=4 THEN '00'"
            f" WHEN substr({column},6,1)='Q' THEN printf('%02d',substr({column},7,1)*3-2)"
            f" WHEN substr({column},6,2)='T1' THEN '03' WHEN substr({column},6,2)='T2' THEN '09'"
            f" ELSE substr({column},6,2) END")


def calendar_key(label: str) -> tuple[str, str]:
    """Python's sort key for period labels: the order :func:`start_sql` gives."""
    p = period_from_label(label)
    if p is None:
        return ("999999", label)
    return (f"{p.start.year:04d}{0 if len(p.label) == 4 else p.start.month:02d}", label)


def is_month_label(text: str) -> bool:
    return bool(_MONTH.match(text)) and 1 <= int(text[5:]) <= 12 and FIRST_YEAR <= int(text[:4]) <= LAST_YEAR


def month_of(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def period_words(label: str) -> str:
    """``2018-11`` → 2018年11月, ``2018-Q3`` → 2018年第3季度, ``2018-T1`` → 2018年春季学期."""
    p = period_from_label(label)
    if p is None:
        return label
    if _MONTH.match(p.label):
        return f"{p.start.year}年{p.start.month}月"
    if _QUARTER.match(p.label):
        return f"{p.start.year}年第{p.label[-1]}季度"
    if _TERM.match(p.label):
        return f"{p.start.year}年{'春季' if p.label.endswith('1') else '秋季'}学期"
    return f"{p.start.year}年"
