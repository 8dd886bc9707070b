"""The bank's return file as a sheet: its rows as text, whatever kind of file it is.

A return file (.xlsx, .xls — also a web page saved as .xls — .csv or a delimited .txt, in any
encoding an office writes) is read row by row within the import limits
(:mod:`..exchange.limits`); a file that cannot be used at all raises :class:`BankFileUnusable`.
What the rows mean is read by the bank profile (:mod:`..exchange.bank_return`); the list sent
to the bank is written by :mod:`..exchange.bank_list`.
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Iterator
from pathlib import Path

from suining_desk.domain.os_errors import os_reason
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.exchange import limits, xlsx_guard
from suining_desk.exchange.csv_sheet import check_csv, csv_encoding, csv_rows
from suining_desk.exchange.html_table import html_tables, looks_like_html
from suining_desk.exchange.text_encoding import NotText
from suining_desk.exchange.xls import XlsUnreadable, open_xls

READ = (".xlsx", ".xls", ".csv", ".txt")  # banks still send many return files as old .xls
HEADER_ROWS = 10  # the header is looked for in the first rows


class BankFileUnusable(InvalidInput):
    """The file as a whole cannot be used (unreadable, not a spreadsheet, no header)."""


def file_suffix(path: Path, allowed: tuple[str, ...] = READ) -> str:
    suffix = path.suffix.lower()
    if suffix not in allowed:
        raise BankFileUnusable([Problem("bank_bad_format", {"suffix": path.suffix or "（无）",
                                                        "allowed": "、".join(allowed)})])
    return suffix


# --- the return file ----------------------------------------------------------------


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _texts(rows: Iterator[tuple[int, tuple[object, ...]]]) -> Iterator[tuple[int, list[str]]]:
    return ((number, [_cell_text(v) for v in cells]) for number, cells in rows)


def _numbered(rows: Iterator[tuple[object, ...]] | list[list[str]]) -> Iterator[tuple[int, tuple[object, ...]]]:
    return ((number, tuple(cells)) for number, cells in enumerate(rows, start=1))


def _csv(path: Path) -> Iterator[tuple[int, tuple[object, ...]]]:
    """A CSV or delimited TXT in any encoding an office writes (a spreadsheet renamed .csv is no text)."""
    check_csv(path)
    with path.open(encoding=csv_encoding(path), newline="") as handle:
        yield from csv_rows(handle)


def _xls(path: Path) -> Iterator[tuple[int, tuple[object, ...]]]:
    """An old .xls (its first sheet), or a bank's web page saved as .xls (its largest table)."""
    try:
        book = open_xls(path)
    except XlsUnreadable:
        with path.open("rb") as fh:
            if not looks_like_html(fh.read(1 << 16)):
                raise
        yield from _numbered(max(html_tables(path), key=len, default=[]))
        return
    with book:
        yield from _numbered(book.sheets[0].rows())


def _xlsx(path: Path) -> Iterator[tuple[int, tuple[object, ...]]]:
    from suining_desk.exchange.fast_xlsx import fast_rows  # openpyxl: only when a workbook is read

    book = xlsx_guard.open_book(path)
    try:
        yield from fast_rows(book.worksheets[0])
    finally:
        book.close()


def return_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """The first sheet's rows as text, numbered as Excel shows them, within the limits."""
    suffix = file_suffix(path, READ)
    try:
        path.stat()  # a missing file is said as such, not as "not a spreadsheet"
        if suffix in (".csv", ".txt"):
            yield from _texts(_csv(path))
        elif suffix == ".xls" and not zipfile.is_zipfile(path):
            yield from _texts(_xls(path))
        else:
            yield from _texts(_xlsx(path))
    except InvalidInput:
        raise
    except limits.TooLarge as exc:
        raise BankFileUnusable([exc.problem(path)]) from exc
    except MemoryError as exc:
        raise BankFileUnusable([Problem("file_out_of_memory", {"path": str(path)})]) from exc
    except OSError as exc:
        raise BankFileUnusable([Problem("bank_unreadable", {"path": str(path), "reason": os_reason(exc)})]) from exc
    except (UnicodeError, csv.Error, NotText) as exc:
        raise BankFileUnusable([Problem("bank_bad_encoding", {"path": str(path)})]) from exc
    except Exception as exc:  # noqa: BLE001 - a damaged, truncated or renamed file fails in many ways inside a reader
        raise BankFileUnusable([Problem("bank_not_spreadsheet", {"path": str(path)})]) from exc
