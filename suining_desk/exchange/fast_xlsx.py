"""A quicker way through a worksheet's cells than openpyxl's read-only rows, same values.

openpyxl reads the workbook (sheets, shared strings, which styles are dates, the date
epoch); only the sheet's cells are then read here with expat, the C parser, in the
handful of Python calls a cell needs instead of building an element tree and a cell
object for each. The values are those ``iter_rows(values_only=True)`` gives — numbers,
shared and inline strings, booleans, errors, cached formula results, dates by the cell's
style — as the tests check cell by cell. Rows are streamed: a block of XML at a time.

The reading keeps to :mod:`suining_desk.exchange.limits`: rows, cells (a row counts up to
its last cell), characters in a cell (counted as they arrive, so a 200 MB string is refused
after its first 32,767 characters), columns, bytes of XML with no cell in them (a giant tag
or comment), and it stops at the end of the sheet's data.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from xml.parsers import expat

from openpyxl.utils.datetime import from_excel, from_ISO8601

from suining_desk.exchange import limits

BLOCK = 1 << 16
_LETTERS = re.compile(r"[A-Z]+")


def _column_index(letters: str) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index


class _Sheet:
    """expat handlers keeping the state of the cell being read."""

    def __init__(self, shared: list[str], dates: set[int], durations: set[int], epoch: Any) -> None:
        self.shared, self.dates, self.durations, self.epoch = shared, dates, durations, epoch
        self.ready: list[tuple[int, tuple[Any, ...]]] = []
        self.row_no = 0
        self.cells: dict[int, Any] = {}
        self.col = 0
        self.kind = "n"
        self.style = 0
        self.text: list[str] | None = None  # collecting the value's characters
        self.buffer: list[str] = []
        self.phonetic = False
        self.columns: dict[str, int] = {}
        self.tags: dict[str, str] = {}
        self.budget = limits.Budget()
        self.length = 0  # characters of the value being collected
        self.max_chars = limits.MAX_CELL_CHARS
        self.max_columns = limits.MAX_COLUMNS
        self.done = False  # the sheet's data has ended

    def tag(self, name: str) -> str:
        found = self.tags.get(name)
        if found is None:
            found = self.tags[name] = name.rpartition("|")[2].rpartition(":")[2]
        return found

    def start(self, name: str, attrs: dict[str, str]) -> None:
        tag = self.tags.get(name) or self.tag(name)
        if tag == "c":
            ref = attrs.get("r")
            if ref:
                letters = _LETTERS.match(ref)
                key = letters.group() if letters else ""
                col = self.columns.get(key)
                if col is None:
                    col = self.columns[key] = _column_index(key)
                self.col = col
            else:
                self.col += 1
            if self.col > self.max_columns:
                raise limits.TooLarge("file_too_many_columns", row=self.row_no, column=self.col,
                                      max=f"{self.max_columns:,}")
            self.kind = attrs.get("t", "n")
            style = attrs.get("s")
            self.style = int(style) if style else 0
            self.buffer = []
            self.length = 0
            self.text = None
        elif tag == "v":
            self.text = self.buffer
        elif tag == "t":
            if self.kind == "inlineStr" and not self.phonetic:
                self.text = self.buffer
        elif tag == "rPh":
            self.phonetic = True
        elif tag == "row":
            number = attrs.get("r")
            self.row_no = int(float(number)) if number else self.row_no + 1
            self.cells = {}
            self.col = 0

    def end(self, name: str) -> None:
        tag = self.tags.get(name) or self.tag(name)
        if tag == "c":
            self.cells[self.col] = self.value()
        elif tag in ("v", "t"):
            self.text = None
        elif tag == "rPh":
            self.phonetic = False
        elif tag == "row":
            width = max(self.cells) if self.cells else 0
            self.budget.row(self.row_no, width)
            values = [None] * width
            for col, value in self.cells.items():
                values[col - 1] = value
            self.ready.append((self.row_no, tuple(values)))
        elif tag == "sheetData":
            self.done = True

    def chars(self, data: str) -> None:
        if self.text is not None:
            self.length += len(data)
            if self.length > self.max_chars:
                raise limits.TooLarge("file_cell_too_long", row=self.row_no, max=f"{self.max_chars:,}")
            self.text.append(data)

    def progress(self) -> tuple[int, int, int]:
        """Changes whenever a row, a cell or a value's text moves on."""
        return self.budget.rows, len(self.cells), self.length

    def value(self) -> Any:
        if not self.buffer:
            return None
        text = "".join(self.buffer)
        kind = self.kind
        if kind == "n":
            number: Any = float(text) if ("." in text or "E" in text or "e" in text) else int(text)
            if self.style in self.dates:
                try:
                    return from_excel(number, self.epoch, timedelta=self.style in self.durations)
                except (OverflowError, ValueError):
                    return "#VALUE!"
            return number
        if kind == "s":
            return self.shared[int(text)]
        if kind == "b":
            return bool(int(text))
        if kind == "d":
            return from_ISO8601(text)
        return text  # inlineStr, str (a formula's text), e (an error such as #N/A)


def fast_rows(ws: Any) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """``(row number, values)`` of every row the sheet stores, in order, for a read-only
    openpyxl worksheet (rows the file leaves out are left out here too)."""
    book = ws.parent
    sheet = _Sheet(ws._shared_strings, book._date_formats, book._timedelta_formats, book.epoch)
    parser = expat.ParserCreate(namespace_separator="|")
    parser.buffer_text = True
    parser.StartElementHandler = sheet.start
    parser.EndElementHandler = sheet.end
    parser.CharacterDataHandler = sheet.chars
    quiet, seen, unpacked = 0, sheet.progress(), 0
    with book._archive.open(ws._worksheet_path) as source:
        while not sheet.done and (block := source.read(BLOCK)):
            unpacked += len(block)
            if unpacked > limits.MAX_UNPACKED_BYTES:
                raise limits.TooLarge("file_unpacked_too_big", max=limits.size_text(limits.MAX_UNPACKED_BYTES))
            parser.Parse(block, False)
            if sheet.ready:
                yield from sheet.ready
                sheet.ready = []
            now = sheet.progress()
            quiet = 0 if now != seen else quiet + len(block)
            seen = now
            if quiet > limits.MAX_QUIET_BYTES:
                raise limits.TooLarge("file_xml_quiet", part=ws._worksheet_path,
                                      max=limits.size_text(limits.MAX_QUIET_BYTES))
        if not sheet.done:
            parser.Parse(b"", True)
    yield from sheet.ready
