"""How much of a spreadsheet is read before the file is refused (decompression bombs).

An .xlsx is a zip: 18 MB of it can unpack to gigabytes of XML, one cell can hold a 200 MB
string, and a CSV or a web page saved as .xls is read as it comes. Every reader keeps to
these limits (the README states them) and refuses the file as soon as one is passed, with
a Chinese message that never repeats the oversized value: rows of a sheet (a county's
register is about 410,000), cells read, characters in one cell (Excel's own limit), the
unpacked size (the zip's declared sizes are checked first; Python's zip reader never gives
more than a part declares, and the readers count what they are given as well), and the
size of what has to be read whole (old .xls, web pages, an xlsx's shared strings and styles).
A few kilobytes can still unpack to millions of tiny elements, so what is parsed whole is
also *counted*: sheets, elements of a part, style records, defined names, shared strings
(no more than the sheets' cells), a web page's tables and how deep they nest.

The limits are read at call time (``limits.MAX_ROWS``), so tests lower them to build small bombs.
"""

from __future__ import annotations

from pathlib import Path

from suining_desk.domain.problems import Problem

MAX_ROWS = 600_000  # rows of one sheet
MAX_CELLS = 30_000_000  # cells of one sheet, each row counted up to its last cell
MAX_COLUMNS = 16_384  # Excel's last column (XFD): a cell beyond it is no spreadsheet's
MAX_CELL_CHARS = 32_767  # Excel's limit for one cell
MAX_UNPACKED_BYTES = 1 << 30  # an xlsx unpacked (all its parts), or a CSV file: 1 GB
MAX_PART_BYTES = 128 << 20  # an xlsx part read whole (shared strings, styles, workbook): 128 MB
MAX_WHOLE_FILE_BYTES = 128 << 20  # an old .xls or a web page saved as .xls (read whole): 128 MB
MAX_PARTS = 10_000  # files inside one xlsx
MAX_QUIET_BYTES = 16 << 20  # XML read without a cell or a row in it (a giant tag, a comment)
# Counted, not measured: a few kilobytes can hold millions of tiny elements (F3 of the attack).
MAX_SHEETS = 1_000  # worksheets of an .xlsx or .xls
MAX_PART_ELEMENTS = 2_000_000  # elements of one part openpyxl parses whole (styles, workbook …)
MAX_STYLE_RECORDS = 100_000  # cell formats, fonts, fills, borders … (Excel itself keeps 64,000 formats)
MAX_DEFINED_NAMES = 65_536  # defined names of a workbook
MAX_SHARED_STRINGS = 30_000_000  # texts of an .xlsx's shared strings
SHARED_STRINGS_SPARE = 100_000  # shared strings beyond the sheets' cells (texts a program kept unused)


class TooLarge(Exception):  # noqa: N818 - a refusal, not a bug
    """A limit was passed; the reader that knows the file's path turns it into a problem."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code, self.params = code, params

    def problem(self, path: Path | str) -> Problem:
        return Problem(self.code, {"path": str(path), **self.params})


def size_text(size: int) -> str:
    """``1 GB``, ``128 MB``, ``300 KB``: as the README states the limits."""
    for unit, shift in (("GB", 30), ("MB", 20), ("KB", 10)):
        if size >= 1 << shift:
            value = size / (1 << shift)
            return f"{value:.0f} {unit}" if value == int(value) or value >= 10 else f"{value:.1f} {unit}"
    return f"{size} 字节"


def check_file_size(path: Path, limit: int) -> None:
    """A file read whole (or as one stream) is no larger than ``limit``."""
    size = path.stat().st_size
    if size > limit:
        raise TooLarge("file_too_big", size=size_text(size), max=size_text(limit))


class Budget:
    """Rows, cells and cell lengths of one sheet, counted as it is read."""

    __slots__ = ("rows", "cells")

    def __init__(self) -> None:
        self.rows = 0
        self.cells = 0

    def row(self, number: int, width: int) -> None:
        """One more row, ``width`` cells wide (up to its last cell)."""
        self.rows += 1
        if self.rows > MAX_ROWS:
            raise TooLarge("file_too_many_rows", max=f"{MAX_ROWS:,}", row=number)
        if width > MAX_COLUMNS:
            raise TooLarge("file_too_many_columns", row=number, column=width, max=f"{MAX_COLUMNS:,}")
        self.take(number, width)

    def take(self, number: int, cells: int) -> None:
        self.cells += cells
        if self.cells > MAX_CELLS:
            raise TooLarge("file_too_many_cells", max=f"{MAX_CELLS:,}", row=number)

    @staticmethod
    def text(number: int, length: int) -> None:
        if length > MAX_CELL_CHARS:
            raise TooLarge("file_cell_too_long", row=number, max=f"{MAX_CELL_CHARS:,}")
