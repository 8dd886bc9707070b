"""Dates in the window: to and from Qt's QDate, and a date in a table cell (ISO, as
everywhere in the program)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def day_text(value: dt.date | None) -> str:
    """A date in a table cell (ISO, as everywhere in the program); '' for none."""
    return value.isoformat() if value else ""
