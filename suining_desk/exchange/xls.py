"""Old Excel 97–2003 workbooks (``.xls``, and WPS ``.et`` files saved in that format), read with xlrd.

Township offices still keep many lists, and banks send many return files, as ``.xls``.
xlrd gives every number as a float and dates as serial numbers; here they become what
openpyxl gives for an ``.xlsx`` (whole numbers of up to 15 digits as ``int``, dates as ``datetime``, errors
as their ``#N/A`` text), so the same cell readers apply to both.

xlrd reads the whole file into memory, so it may be at most ``MAX_WHOLE_FILE_BYTES``
(:mod:`.limits`). Its sheets are loaded one at a time, when their rows are read, and unloaded
after (``on_demand``), and rows are as long as their cells (``ragged_rows``): an 18 KB file of
32 sheets, each with one cell at the last row and column, took 41 s and 5.2 GB when every
sheet was loaded and every row padded to the widest. A loaded sheet's cells are counted
before its first row is given; rows, cells and the characters of a cell are checked as read.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

from suining_desk.exchange import limits

XLS_SUFFIXES = (".xls", ".et")
EXACT = 10**15  # Excel keeps 15 significant digits


class XlsUnreadable(Exception):
    """Not an Excel 97–2003 workbook xlrd can read (damaged, encrypted, or another format)."""


class XlsSheet:
    """One sheet, loaded only while its rows are read."""

    def __init__(self, book: Any, index: int, title: str, visible: bool) -> None:
        self._book, self.index, self.title, self.visible = book, index, title, visible
        self.nrows: int | None = None  # known once the sheet was loaded

    def rows(self) -> Generator[tuple[object, ...], None, None]:
        sheet = self._book.sheet_by_index(self.index)
        try:
            self.nrows = sheet.nrows
            _count_cells(sheet)
            budget = limits.Budget()
            for r in range(sheet.nrows):
                row = tuple(_value(cell, self._book.datemode) for cell in sheet.row(r))
                budget.row(r + 1, len(row))
                for value in row:
                    if isinstance(value, str) and len(value) > limits.MAX_CELL_CHARS:
                        budget.text(r + 1, len(value))
                yield row
        finally:
            self._book.unload_sheet(self.index)


def _count_cells(sheet: Any) -> None:
    """Rows and cells of a loaded sheet, before its first row is given (each row up to its last cell)."""
    if sheet.nrows > limits.MAX_ROWS:
        raise limits.TooLarge("file_too_many_rows", max=f"{limits.MAX_ROWS:,}", row=limits.MAX_ROWS + 1)
    cells = 0
    for r in range(sheet.nrows):
        cells += sheet.row_len(r)
        if cells > limits.MAX_CELLS:
            raise limits.TooLarge("file_too_many_cells", max=f"{limits.MAX_CELLS:,}", row=r + 1)


class XlsBook:
    """An open .xls: its sheets (:class:`XlsSheet`), none loaded yet; close when done."""

    def __init__(self, book: Any) -> None:
        self._book = book
        visibility = getattr(book, "_sheet_visibility", [])
        self.sheets = [XlsSheet(book, n, name, n >= len(visibility) or visibility[n] == 0)
                       for n, name in enumerate(book.sheet_names())]

    def close(self) -> None:
        self._book.release_resources()

    def __enter__(self) -> XlsBook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __iter__(self) -> Iterator[XlsSheet]:
        return iter(self.sheets)


def open_xls(path: Path) -> XlsBook:
    """The workbook, its sheets not yet loaded; raises :class:`XlsUnreadable`, ``PermissionError``
    or :class:`~.limits.TooLarge` (a file too large to be read whole, too many sheets)."""
    import xlrd

    limits.check_file_size(path, limits.MAX_WHOLE_FILE_BYTES)
    try:
        # xlrd writes warnings about odd files to its log file: keep them off the clerk's console.
        book = xlrd.open_workbook(str(path), logfile=io.StringIO(), on_demand=True, ragged_rows=True)
    except PermissionError:
        raise
    except (xlrd.XLRDError, xlrd.compdoc.CompDocError, OSError, ValueError, IndexError, KeyError,
            AssertionError, UnicodeDecodeError) as exc:
        raise XlsUnreadable(str(exc)) from exc
    if book.nsheets > limits.MAX_SHEETS:
        book.release_resources()
        raise limits.TooLarge("file_too_many_sheets", max=f"{limits.MAX_SHEETS:,}")
    return XlsBook(book)


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
