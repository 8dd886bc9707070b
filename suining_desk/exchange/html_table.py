"""Web pages saved as ``.xls``: online systems often export a list as an HTML table with an
Excel file name, which Excel opens (after a warning) but xlrd cannot. Their tables are read
here, cell by cell, as text — the same cells a clerk sees when Excel opens the file.

Merged cells (``colspan``/``rowspan``) leave empty cells where Excel would show the merge,
so columns stay under their headers. ``<br>`` inside a cell becomes a space.

The page is read whole, so it may be at most ``MAX_WHOLE_FILE_BYTES``; rows, cells (a merge
counts every cell it covers) and the characters of a cell keep to :mod:`.limits` as it is read,
and tables are counted: at most ``MAX_TABLES``, nested at most ``MAX_DEPTH`` deep.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from suining_desk.exchange import limits

_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)
MAX_SPAN = 1000  # a span larger than this is a broken page, not a layout
MAX_PENDING = 1_000_000  # cells of rows below still covered by merges (each held until its row comes)
MAX_TABLES = 10_000  # tables of one page (an export has one, or a few nested for the layout)
MAX_DEPTH = 32  # tables inside tables: ``<table>`` eight million times took 99 s and 2.4 GB


def looks_like_html(head: bytes) -> bool:
    """The first bytes of a file are those of a web page (markup with a table or an html element)."""
    lower = head.lower()
    return lower.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") and (b"<table" in lower or b"<html" in lower)


def decode(raw: bytes) -> str:
    """The page's text: its declared charset, else UTF-8, else GB18030 (what GBK pages are)."""
    declared = _CHARSET.search(raw[:4096])
    candidates = [declared.group(1).decode("ascii")] if declared else []
    for encoding in [*candidates, "utf-8-sig", "gb18030"]:
        try:
            return raw.decode("gb18030" if encoding.lower() in ("gbk", "gb2312") else encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return raw.decode("gb18030", errors="replace")


@dataclass
class _Table:
    rows: list[list[str]] = field(default_factory=list)
    spans: dict[tuple[int, int], str] = field(default_factory=dict)  # cells taken by a rowspan from above
    cell: list[str] | None = None  # the open cell's text parts
    colspan: int = 1
    rowspan: int = 1
    budget: limits.Budget = field(default_factory=limits.Budget)  # shared by the page's tables
    length: int = 0  # characters of the open cell

    def start_row(self) -> None:
        self.end_cell()
        self.rows.append([])
        self.budget.row(len(self.rows), 0)
        self._fill_spans()

    def start_cell(self, colspan: int, rowspan: int) -> None:
        self.end_cell()
        if not self.rows:
            self.rows.append([])
        self.budget.take(len(self.rows), colspan * rowspan)  # a merge: every cell it covers
        self.cell, self.colspan, self.rowspan, self.length = [], colspan, rowspan, 0

    def text(self, data: str) -> None:
        if self.cell is not None:
            self.length += len(data)
            self.budget.text(len(self.rows), self.length)
            self.cell.append(data)

    def end_cell(self) -> None:
        if self.cell is None:
            return
        row, number = self.rows[-1], len(self.rows) - 1
        column = len(row)
        if len(self.spans) + (self.rowspan - 1) * self.colspan > MAX_PENDING:  # merges held for rows to come
            raise limits.TooLarge("file_too_many_cells", max=f"{MAX_PENDING:,}", row=number + 1)
        row.append(" ".join("".join(self.cell).split()))
        row.extend("" for _ in range(self.colspan - 1))
        for below in range(1, self.rowspan):
            for offset in range(self.colspan):
                self.spans[(number + below, column + offset)] = ""
        self.cell = None
        self._fill_spans()

    def _fill_spans(self) -> None:
        row, number = self.rows[-1], len(self.rows) - 1
        while (number, len(row)) in self.spans:
            row.append(self.spans.pop((number, len(row))))


class _Tables(HTMLParser):
    """Collects every table; a table inside a cell of another is a table of its own."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self._open: list[_Table] = []
        self.budget = limits.Budget()
        self.opened = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.opened += 1
            if self.opened > MAX_TABLES or len(self._open) >= MAX_DEPTH:
                raise limits.TooLarge("file_html_too_many_tables", max=f"{MAX_TABLES:,}", depth=MAX_DEPTH)
            self._open.append(_Table(budget=self.budget))
        elif not self._open:
            return
        elif tag == "tr":
            self._open[-1].start_row()
        elif tag in ("td", "th"):
            values = dict(attrs)
            self._open[-1].start_cell(_span(values.get("colspan")), _span(values.get("rowspan")))
        elif tag == "br":
            self._open[-1].text(" ")

    def handle_endtag(self, tag: str) -> None:
        if not self._open:
            return
        if tag in ("td", "th", "tr"):
            self._open[-1].end_cell()
        elif tag == "table":
            table = self._open.pop()
            table.end_cell()
            self.tables.append(table.rows)

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open[-1].text(data)


def _span(value: str | None) -> int:
    try:
        return max(1, min(MAX_SPAN, int(value or 1)))
    except ValueError:
        return 1


def html_tables(path: Path) -> list[list[list[str]]]:
    """Every table of the page (an inner one before the one around it), each as rows of cell texts."""
    limits.check_file_size(path, limits.MAX_WHOLE_FILE_BYTES)
    parser = _Tables()
    parser.feed(decode(path.read_bytes()))
    parser.close()
    return [table for table in parser.tables if table]
