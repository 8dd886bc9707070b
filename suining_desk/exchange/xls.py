"""Old Excel 97–2003 workbooks (``.xls``, and WPS ``.et`` files saved in that format), read with xlrd.

Township offices still keep many lists, and banks send many return files, as ``.xls``.
xlrd gives every number as a float and dates as serial numbers; here they become what
openpyxl gives for an ``.xlsx`` (whole numbers of up to 15 digits as ``int``, dates as ``datetime``, errors
as their ``#N/A`` text), so the same cell readers apply to both.

xlrd reads the whole workbook into memory, so the file may be at most ``MAX_WHOLE_FILE_BYTES``
(:mod:`.limits`); rows, cells and the characters of a cell are checked as the rows are read.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from suining_desk.exchange import limits

XLS_SUFFIXES = (".xls", ".et")
EXACT = 10**15  # Excel keeps 15 significant digits


class XlsUnreadable(Exception):
    """Not an Excel 97–2003 workbook xlrd can read (damaged, encrypted, or another format)."""


@dataclass(frozen=True)
class XlsSheet:
    title: str
    visible: bool
    nrows: int
    _sheet: Any
    _datemode: int

    def rows(self) -> Iterator[tuple[object, ...]]:
        budget = limits.Budget()
        for r in range(self.nrows):
            row = tuple(_value(cell, self._datemode) for cell in self._sheet.row(r))
            budget.row(r + 1, len(row))
            for value in row:
                if isinstance(value, str) and len(value) > limits.MAX_CELL_CHARS:
                    budget.text(r + 1, len(value))
            yield row


def open_xls(path: Path) -> list[XlsSheet]:
    """The workbook's sheets; raises :class:`XlsUnreadable`, ``PermissionError`` or
    :class:`~.limits.TooLarge` (a file too large to be read whole)."""
    import xlrd

    limits.check_file_size(path, limits.MAX_WHOLE_FILE_BYTES)
    try:
        # xlrd writes warnings about odd files to its log file: keep them off the clerk's console.
        book = xlrd.open_workbook(str(path), logfile=io.StringIO(), on_demand=False)
    except PermissionError:
        raise
    except (xlrd.XLRDError, xlrd.compdoc.CompDocError, OSError, ValueError, IndexError, KeyError,
            AssertionError, UnicodeDecodeError) as exc:
        raise XlsUnreadable(str(exc)) from exc
    return [XlsSheet(s.name, s.visibility == 0, s.nrows, s, book.datemode) for s in book.sheets()]


def _value(cell: Any, datemode: int) -> object:
    import xlrd

    kind, value = cell.ctype, cell.value
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if kind == xlrd.XL_CELL_NUMBER:
        # Whole numbers within Excel's 15 digits are ints, as openpyxl reads them from an .xlsx; a longer
        # one (an ID number typed as a number) stays a float, so it is refused as having lost digits.
        number = float(value)
        return int(number) if number.is_integer() and abs(number) < EXACT else number
    if kind == xlrd.XL_CELL_DATE:
        try:
            when: dt.datetime = xlrd.xldate_as_datetime(value, datemode)
        except (xlrd.xldate.XLDateError, ValueError, OverflowError):
            return float(value)
        return when
    if kind == xlrd.XL_CELL_BOOLEAN:
        return bool(value)
    if kind == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(value, "#错误")
    return str(value)
