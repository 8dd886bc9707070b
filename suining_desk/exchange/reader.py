"""Opening a clerk's spreadsheet and streaming its rows below the header.

``.xlsx`` (and ``.xlsm``) are read with openpyxl in read-only mode — one row at a time,
so a county's 400,000 rows need no more memory than a few — old ``.xls`` workbooks with
xlrd (:mod:`suining_desk.exchange.xls`) — or, when an online system saved a web page as
``.xls``, its tables (:mod:`suining_desk.exchange.html_table`) — and ``.csv``/``.txt``
with the csv module, in whatever encoding the file is written (:mod:`.text_encoding`).
The header is looked for in the first rows of each sheet: titles,
merged cells and notes above it are skipped, and the first sheet whose header names the
layout's required columns is read. Row numbers are those Excel shows.

Every file is read within :mod:`suining_desk.exchange.limits` (an .xlsx is checked before
openpyxl opens it: :mod:`.xlsx_guard`), and what goes wrong on the way — a limit passed, a
file damaged half-way down — ends the rows with :class:`FileUnreadable` (:func:`.unreadable.guarded`).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any

from suining_desk.exchange import limits, xlsx_guard
from suining_desk.exchange.cells import Cell
from suining_desk.exchange.columns import HeaderMatch, Layout
from suining_desk.exchange.csv_sheet import check_csv, csv_rows, open_csv_text
from suining_desk.exchange.fast_xlsx import fast_rows
from suining_desk.exchange.html_table import html_tables, looks_like_html
from suining_desk.exchange.text_encoding import NotText
from suining_desk.exchange.unreadable import ROW_DAMAGE, FileUnreadable, damaged, guarded, unreadable
from suining_desk.exchange.xls import XLS_SUFFIXES, XlsBook, XlsUnreadable, open_xls

HEADER_SCAN = 30  # rows looked at for the header
FAST = True  # cells through fast_xlsx (same values as openpyxl's rows, in a third of the time)
XLSX_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")
CSV_SUFFIXES = (".csv", ".txt")
OLD_SUFFIXES = (".wps", ".ods")  # asked to be saved as .xlsx


_OPEN_DAMAGE: tuple[type[BaseException], ...] = (OSError, *ROW_DAMAGE)
__all__ = ["FileUnreadable", "SheetRows", "no_data_rows", "open_rows", "peek"]
_unreadable = unreadable


@dataclass
class SheetRows:
    """The chosen sheet: its header and an iterator over ``(row number, cells)`` below it."""

    path: Path
    sheet: str
    header: HeaderMatch
    total_rows: int | None  # the sheet's last row, when the file says (for progress)
    rows: Iterator[tuple[int, tuple[Cell, ...]]]
    _close: Any = None

    def close(self) -> None:
        if self._close is not None:
            self._close()
            self._close = None

    def __enter__(self) -> SheetRows:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _text(value: Cell) -> str:
    return "" if value is None else " ".join(str(value).split())


def two_row_header(upper: Sequence[Cell], lower: Sequence[Cell]) -> tuple[list[str], list[str]] | None:
    """The names and group titles of a header in two rows — group titles merged across the
    columns they head, above the column names; a column outside any group merged down both
    rows (its name in the upper cell only). The name is the lower cell (or, merged down, the
    upper one); a group title reaches right over the empty upper cells of its merge. None
    when the upper row is no group row (a title line has one cell)."""
    width = max(len(upper), len(lower))
    up = [_text(upper[i]) if i < len(upper) else "" for i in range(width)]
    low = [_text(lower[i]) if i < len(lower) else "" for i in range(width)]
    if sum(1 for t in up if t) < 2:
        return None
    names, groups, current = [], [], ""
    for top, name in zip(up, low, strict=True):
        if name:
            current = top or current
            names.append(name)
            groups.append(current)
        else:  # merged down (or empty): no group over it, and none reaches past it
            names.append(top)
            groups.append("")
            current = ""
    return names, groups


def _best_header(layout: Layout, head: list[tuple[int, tuple[Cell, ...]]]) -> HeaderMatch | None:
    """The header row that names most of the layout's columns — or a two-row header, when the
    row above it makes it name more of them (or tells apart a name it has twice)."""
    best: HeaderMatch | None = None
    previous: tuple[Cell, ...] | None = None
    for number, cells in head:
        found = layout.match(cells, number)
        combined = two_row_header(previous, cells) if previous is not None else None
        if combined is not None:
            both = layout.match(combined[0], number, combined[1])
            if (both.recognised, -len(both.duplicates)) > (found.recognised, -len(found.duplicates)):
                found = both
        if found.recognised >= 2 and (best is None or found.recognised > best.recognised):
            best = found
        previous = cells
    return best


def _numbered(rows: Iterable[Sequence[Cell]]) -> Iterator[tuple[int, tuple[Cell, ...]]]:
    return ((number, tuple(cells)) for number, cells in enumerate(rows, start=1))


def _split_head(
    rows: Iterator[tuple[int, tuple[Cell, ...]]],
) -> tuple[list[tuple[int, tuple[Cell, ...]]], Iterator[tuple[int, tuple[Cell, ...]]]]:
    head = []
    for item in rows:
        head.append(item)
        if len(head) >= HEADER_SCAN:
            break
    return head, rows


def _after_header(head: list[tuple[int, tuple[Cell, ...]]], header: HeaderMatch,
                  rest: Iterator[tuple[int, tuple[Cell, ...]]]) -> Iterator[tuple[int, tuple[Cell, ...]]]:
    return chain((item for item in head if item[0] > header.row), rest)


def open_rows(path: Path | str, layout: Layout, *, sheet: str | None = None) -> SheetRows:
    """The sheet to import and its rows; raises :class:`FileUnreadable` with the reason."""
    source = _open(Path(path), layout, sheet)
    marker = layout.report_marker(source.header)
    if marker is not None:  # e.g. a payments export: refused as a whole, not row by row
        source.close()
        raise _unreadable(layout.report_problem, path=str(source.path), sheet=source.sheet,
                          row=source.header.row, column=marker)
    return source


def _open(path: Path, layout: Layout, sheet: str | None) -> SheetRows:
    try:
        source = _open_any(path, layout, sheet)
    except FileUnreadable:
        raise
    except limits.TooLarge as exc:  # the file as a whole, or its first rows
        raise FileUnreadable([exc.problem(path)]) from exc
    except MemoryError as exc:
        raise _unreadable("file_out_of_memory", path=str(path)) from exc
    except ROW_DAMAGE as exc:  # damaged within the first rows
        raise damaged(path, "", 0) from exc
    source.rows = guarded(source.rows, path, source.sheet)
    return source


def _open_any(path: Path, layout: Layout, sheet: str | None) -> SheetRows:
    if not path.exists():
        raise _unreadable("file_missing", path=str(path))
    if path.is_dir():
        raise _unreadable("file_not_spreadsheet", path=str(path))
    suffix = path.suffix.lower()
    if suffix in OLD_SUFFIXES:
        raise _unreadable("file_old_format", path=str(path), suffix=suffix)
    if suffix in CSV_SUFFIXES:
        return _open_csv(path, layout)
    if suffix in XLS_SUFFIXES and not zipfile.is_zipfile(path):  # an .xlsx renamed .xls reads as .xlsx
        return _open_xls(path, layout, sheet)
    return _open_xlsx(path, layout, sheet)


def _open_xls(path: Path, layout: Layout, sheet: str | None) -> SheetRows:
    try:
        book = open_xls(path)
    except PermissionError as exc:
        raise _unreadable("file_in_use", path=str(path)) from exc
    except XlsUnreadable as exc:
        with path.open("rb") as fh:
            start = fh.read(1 << 16)
        if looks_like_html(start):  # a web page saved as .xls by an online system
            return _open_html(path, layout)
        raise _unreadable("file_old_format", path=str(path), suffix=path.suffix.lower()) from exc
    try:
        return _xls_sheet(path, book, layout, sheet)
    except BaseException:
        book.close()
        raise


def _xls_sheet(path: Path, book: XlsBook, layout: Layout, sheet: str | None) -> SheetRows:
    """The sheet with the header; the others are loaded only for their first rows, one at a time."""
    sheets = book.sheets
    if sheet is not None:
        chosen = [s for s in sheets if s.title == sheet]
        if not chosen:
            raise _unreadable("file_no_sheet", path=str(path), sheet=sheet, sheets="、".join(s.title for s in sheets))
    else:
        chosen = [s for s in sheets if s.visible]
    candidate: HeaderMatch | None = None
    for ws in chosen:
        rows = ws.rows()
        head, rest = _split_head(_numbered(rows))
        header = _best_header(layout, head)
        if header is None or layout.missing_required(header):
            rows.close()  # unloads the sheet before the next is loaded
            if header is not None and (candidate is None or header.recognised > candidate.recognised):
                candidate = header
            continue
        return SheetRows(path, ws.title, header, ws.nrows, _after_header(head, header, rest), book.close)
    raise _no_header(path, layout, candidate)


def _open_xlsx(path: Path, layout: Layout, sheet: str | None) -> SheetRows:
    try:
        book = xlsx_guard.open_book(path)
    except (limits.TooLarge, xlsx_guard.Damaged, xlsx_guard.NotXlsx, PermissionError) as exc:
        raise FileUnreadable([xlsx_guard.problem_of(exc, path)]) from exc
    candidate: HeaderMatch | None = None
    title = ""
    try:
        sheets = book.worksheets
        if sheet is not None:
            sheets = [ws for ws in sheets if ws.title == sheet]
            if not sheets:
                raise _unreadable("file_no_sheet", path=str(path), sheet=sheet,
                                  sheets="、".join(ws.title for ws in book.worksheets))
        for ws in sheets:
            if getattr(ws, "sheet_state", "visible") != "visible" and sheet is None:
                continue
            title = ws.title
            total = getattr(ws, "max_row", None)
            ws.reset_dimensions()  # some programs write a wrong size: read to the real end
            rows = fast_rows(ws) if FAST else _numbered(ws.iter_rows(values_only=True))
            head, rest = _split_head(rows)
            header = _best_header(layout, head)
            if header is None or layout.missing_required(header):
                if header is not None and (candidate is None or header.recognised > candidate.recognised):
                    candidate = header
                continue
            return SheetRows(path, ws.title, header, total if isinstance(total, int) else None,
                             _after_header(head, header, rest), book.close)
    except (FileUnreadable, limits.TooLarge):
        book.close()
        raise
    except _OPEN_DAMAGE as exc:  # a sheet damaged within its first rows
        book.close()
        raise damaged(path, title, 0) from exc
    book.close()
    raise _no_header(path, layout, candidate)


def _open_html(path: Path, layout: Layout) -> SheetRows:
    """The first table of the page whose header names the layout's required columns."""
    candidate: HeaderMatch | None = None
    tables = html_tables(path)
    for number, table in enumerate(tables, start=1):
        head, rest = _split_head(_numbered(table))
        header = _best_header(layout, head)
        if header is None or layout.missing_required(header):
            if header is not None and (candidate is None or header.recognised > candidate.recognised):
                candidate = header
            continue
        return SheetRows(path, f"表{number}", header, len(table), _after_header(head, header, rest))
    if not tables:
        raise _unreadable("file_html_no_table", path=str(path))
    raise _no_header(path, layout, candidate)


def no_data_rows(source: SheetRows) -> FileUnreadable:
    """Only a header (and perhaps a 合计 line or notes): nothing to import, as unusable as no header."""
    return _unreadable("file_no_data_rows", path=str(source.path), sheet=source.sheet, row=source.header.row)


def _no_header(path: Path, layout: Layout, candidate: HeaderMatch | None) -> FileUnreadable:
    if candidate is not None:
        missing = "、".join(c.label for c in layout.missing_required(candidate))
        return _unreadable("file_missing_columns", path=str(path), row=candidate.row, missing=missing)
    required = "、".join(c.label for c in layout.columns if c.required)
    return _unreadable("file_no_header", path=str(path), title=layout.title, required=required)


def _open_csv(path: Path, layout: Layout) -> SheetRows:
    try:
        total = check_csv(path)
        handle = open_csv_text(path)
    except PermissionError as exc:
        raise _unreadable("file_in_use", path=str(path)) from exc
    except NotText as exc:  # e.g. a workbook renamed .csv
        raise _unreadable("file_not_spreadsheet", path=str(path)) from exc
    try:
        rows = csv_rows(handle)
        head, rest = _split_head(rows)
    except BaseException:
        handle.close()
        raise
    header = _best_header(layout, head)
    if header is None or layout.missing_required(header):
        handle.close()
        raise _no_header(path, layout, header)
    return SheetRows(path, path.stem, header, total, _after_header(head, header, rest), handle.close)


def peek(path: Path | str, layout: Layout, *, rows: int = 20) -> tuple[SheetRows, list[tuple[int, tuple[Cell, ...]]]]:
    """The header and the first data rows, for a preview (the file is closed again)."""
    source = open_rows(path, layout)
    with source:
        first: list[tuple[int, tuple[Cell, ...]]] = []
        for item in source.rows:
            if any(v is not None and str(v).strip() for v in item[1]):
                first.append(item)
            if len(first) >= rows:
                break
    return source, first


def sheet_rows(path: Path | str, sheet: str) -> Iterator[tuple[int, tuple[Cell, ...]]]:
    """Every row of one sheet from its first, numbered as Excel shows them (empty rows
    included), within the limits — what an import report copies."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        handle = open_csv_text(path)
        with handle:
            yield from guarded(csv_rows(handle), path, sheet)
        return
    if suffix in XLS_SUFFIXES and not zipfile.is_zipfile(path):
        yield from guarded(_numbered(_xls_rows(path, sheet)), path, sheet)
        return
    try:
        book = xlsx_guard.open_book(path)
    except (limits.TooLarge, xlsx_guard.Damaged, xlsx_guard.NotXlsx, PermissionError) as exc:
        raise FileUnreadable([xlsx_guard.problem_of(exc, path)]) from exc
    try:
        ws = book[sheet]
        ws.reset_dimensions()
        last = 0
        for number, cells in guarded(fast_rows(ws), path, sheet):
            for gap in range(last + 1, number):  # rows the file leaves out: empty
                yield gap, ()
            last = number
            yield number, cells
    finally:
        book.close()


def _xls_rows(path: Path, sheet: str) -> Iterator[Sequence[Cell]]:
    try:
        books = open_xls(path)
    except XlsUnreadable:  # a web page saved as .xls: its tables are 表1, 表2 …
        tables = html_tables(path)
        number = sheet.removeprefix("表")
        index = int(number) - 1 if number.isdigit() else 0
        yield from tables[index] if 0 <= index < len(tables) else []
        return
    with books:
        for ws in books.sheets:
            if ws.title == sheet:
                yield from ws.rows()
                return
