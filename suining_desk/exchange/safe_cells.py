"""Text that a spreadsheet program would run as a formula: written as text, neutralised, refused.

Excel and WPS take a cell that starts with ``=`` as a formula, and one typed (or read from
a CSV) that starts with ``+``, ``-`` or ``@`` too (Lotus habits); ``=HYPERLINK(…)`` or
``=cmd|' /C calc'!A0`` then runs on the clerk's PC. What the program writes:

- xlsx: every string is an inline string, never an ``<f>`` element — openpyxl would make
  ``=…`` a formula (and ``#N/A`` an error), so such cells are given the string type, plus
  Excel's quote prefix so that editing the cell keeps it text (:func:`text_cell`, :func:`guard`);
- CSV: a text cell starting with ``= + - @``, a tab or a carriage return gets a leading
  ``'``, as OWASP recommends (:func:`csv_text`); numbers (a negative amount) are not text
  and are written as they are;
- imports refuse such text where it can never be meant (:func:`formula_problem`).

"Starts" looks past leading spaces, tabs and line breaks (the full-width space too: a
spreadsheet trims them, or a CSV reader does, and the formula is there again), and takes the
full-width signs ＝＋－＠ as the signs themselves (Excel and WPS with a Chinese input method
turn ``＝1+1`` into a formula).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from suining_desk.domain.problems import Problem

CSV_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
FORMULA_STARTS = "=+-@"
_WIDE = str.maketrans("＝＋－＠", "=+-@")  # full-width signs, read as the signs
_LEADING = " \t\r\n\u3000"  # what may stand before the sign
ERROR_TEXTS = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"})
# Free text (notes, reasons) may start with + - @ as a clerk writes it; = never.
NOTE_KEYS = frozenset({"notes", "reason", "end_reason", "exit_reason", "household_removal_reason"})


def _start(text: str) -> str:
    """``text`` from its first visible character, full-width signs read as ASCII ones."""
    return text.lstrip(_LEADING)[:2].translate(_WIDE)


def risky(text: str) -> bool:
    """Text a spreadsheet program could take for a formula (or an error value)."""
    start = _start(text)
    return (len(start) > 1 and start[0] in FORMULA_STARTS) or text.strip(_LEADING) in ERROR_TEXTS


def csv_text(value: object) -> object:
    """A CSV cell: text starting like a formula (behind spaces, or in full width, too) gets a
    leading ``'``; anything else unchanged."""
    if isinstance(value, str) and (value.startswith(CSV_TRIGGERS) or _start(value)[:1] in FORMULA_STARTS):
        return "'" + value
    return value


def guard(cell: Any) -> Any:
    """An openpyxl cell holding user text: kept a string (never a formula or an error), with
    Excel's quote prefix when the text looks like a formula. Returns the cell."""
    value = cell.value
    if isinstance(value, str) and (cell.data_type != "s" or risky(value)):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def text_cell(sheet: Any, value: str) -> Any:
    """A write-only cell with ``value`` as text."""
    from openpyxl.cell import WriteOnlyCell

    return guard(WriteOnlyCell(sheet, value))


def safe_row(sheet: Any, values: Iterable[object]) -> list[object]:
    """A row for a write-only sheet in which no string becomes a formula or an error value;
    cells already made (styled) are guarded too."""
    out: list[object] = []
    for value in values:
        if isinstance(value, str):
            out.append(text_cell(sheet, value) if risky(value) else value)
        elif hasattr(value, "data_type"):
            out.append(guard(value))
        else:
            out.append(value)
    return out


def safe_rows(sheet: Any, rows: Iterable[Iterable[object]]) -> Iterator[list[object]]:
    for row in rows:
        yield safe_row(sheet, row)


def formula_problem(text: str, label: str, *, note: bool = False) -> Problem | None:
    """Refuse imported text that starts like a formula (``=`` anywhere; in names, addresses,
    bank names and the like also ``+ - @``), where it can never be meant — behind spaces or
    in full width too."""
    shown = text.lstrip(_LEADING)
    start = _start(text)
    if len(start) < 2:
        return None
    if start[0] == "=" or (not note and start[0] in FORMULA_STARTS):
        return Problem("cell_formula", {"label": label, "value": text, "first": shown[0]})
    return None
