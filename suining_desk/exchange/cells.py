"""Reading one spreadsheet cell as clerks fill them in.

Every reader takes what openpyxl (or the CSV reader) gives for a cell — ``None``, ``str``,
``int``, ``float``, ``bool``, ``datetime`` — and returns the value and a list of problems.
Text is cleaned of surrounding spaces (including the full-width U+3000 and the no-break
space), zero-width characters and full-width letters and digits (NFKC).

Codes typed into Excel as numbers are a trap: Excel keeps 15 significant digits, so an
18-digit ID number stored as a number has already lost its last digits (430527196803122011
becomes 430527196803122000, shown as 4.30527E+17). Such a cell is refused with that
explanation, never repaired by guessing.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Final

from suining_desk.domain.money import check_amount
from suining_desk.domain.problems import Problem

Cell = object  # what a reader gives: None, str, int, float, bool, dt.datetime, dt.date
EXCEL_EPOCH: Final = dt.date(1899, 12, 30)  # serial 1 is 1900-01-01 (Excel's 1900 leap-year bug)
SERIAL_RANGE: Final = (10_000, 80_000)  # 1927 … 2119: what a serial number of a real date looks like
EXACT_DIGITS: Final = 15  # Excel's precision: more digits than this in a number are lost

_INVISIBLE: dict[int, int | None] = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_NARROW: dict[int, int | None] = {
    **_INVISIBLE,
    **{c: c - 0xFEE0 for c in range(0xFF10, 0xFF5B) if chr(c - 0xFEE0).isalnum()},
}
_SCIENTIFIC = re.compile(r"^[0-9](\.[0-9]+)?[eE]\+?[0-9]+$")
_TEXT_DATE = re.compile(
    r"^(?P<y>\d{4})\s*(?:[-/.年]\s*(?P<m>\d{1,2})\s*(?:[-/.月]\s*(?:(?P<d>\d{1,2})\s*日?)?|月)?)?$"
)
_COMPACT_DATE = re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$")
_INTEGER = re.compile(r"^[0-9]+$")
_TIME_PART = re.compile(r"[ T]0?0:00(:00)?$")  # '2018-11-01 00:00:00' written out as text


def clean_text(value: Cell, *, nfkc: bool = False) -> str:
    """The cell as tidy text: no invisible characters, full-width letters and digits made
    ASCII, runs of spaces (the full-width one too) made one, none at either end; numbers
    without a useless ``.0``. Chinese punctuation (，：（）) is kept as typed; ``nfkc``
    folds it too (for codes, dates and numbers)."""
    if value is None:
        return ""
    if type(value) is str:  # the common case, kept quick: 400,000 rows × 30 cells
        text = value
        if not text.isascii():
            if nfkc:
                text = text.translate(_INVISIBLE)
                if not unicodedata.is_normalized("NFKC", text):
                    text = unicodedata.normalize("NFKC", text)
            else:
                text = text.translate(_NARROW)
        return " ".join(text.split())
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    text = value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)
    return clean_text(text, nfkc=nfkc)


def squeeze(text: str) -> str:
    """No spaces at all (names like ``王　五`` aligned with a full-width space)."""
    return "".join(text.split())


def is_blank(value: Cell) -> bool:
    return value is None or (isinstance(value, str) and not clean_text(value))


def code_text(value: Cell, label: str) -> tuple[str, list[Problem]]:
    """A code that must be text (ID number, bank card, household number): digits kept as
    typed; a number that has lost digits in Excel is refused with the reason."""
    if value is None or isinstance(value, bool):
        return ("" if value is None else clean_text(value)), []
    if isinstance(value, (int, float)):
        digits = _number_digits(value)
        if digits is None or len(digits) > EXACT_DIGITS:
            shown = f"{value:.5E}" if isinstance(value, float) else str(value)
            return "", [Problem("cell_number_lost_digits", {"label": label, "value": shown})]
        return digits, []
    text = squeeze(clean_text(value, nfkc=True))
    if _SCIENTIFIC.match(text):  # a CSV saved from such a sheet: 4.30527E+17
        return "", [Problem("cell_number_lost_digits", {"label": label, "value": text})]
    return text, []


def _number_digits(value: int | float) -> str | None:
    if isinstance(value, float):
        if not value.is_integer() or value < 0:
            return None
        value = int(value)
    if value < 0:
        return None
    digits = str(value)
    if len(digits) > EXACT_DIGITS:
        return None
    return digits


def _serial_date(serial: float) -> dt.date | None:
    if not SERIAL_RANGE[0] <= serial <= SERIAL_RANGE[1]:
        return None
    return EXCEL_EPOCH + dt.timedelta(days=int(serial))


def _ymd(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def read_date(value: Cell, label: str) -> tuple[dt.date | None, list[Problem]]:
    """A date from a date cell, an Excel serial number or text: ``2018-11-01``,
    ``2018/11/1``, ``2018年11月1日``, ``2018.11`` (a month: its first day), ``20181101``.

    A number like ``2018.1`` is refused: Excel dropped the zero of ``2018.10``, so it is
    October as likely as January.
    """
    if is_blank(value):
        return None, []
    if isinstance(value, dt.datetime):
        return value.date(), []
    if isinstance(value, dt.date):
        return value, []
    bad = [Problem("cell_bad_date", {"label": label, "value": clean_text(value, nfkc=True)})]
    if isinstance(value, bool):
        return None, bad
    if isinstance(value, (int, float)):
        if isinstance(value, float) and 1900 < value < 2100 and not value.is_integer():
            year, month_part = f"{value:.2f}".split(".")
            if len(repr(value).split(".")[1]) == 1:  # 2018.1: January or October?
                return None, [Problem("cell_ambiguous_month", {"label": label, "value": repr(value)})]
            found = _ymd(int(year), int(month_part), 1)
            return (found, []) if found else (None, bad)
        found = _serial_date(float(value))
        return (found, []) if found else (None, bad)
    text = _TIME_PART.sub("", clean_text(value, nfkc=True))
    match = _TEXT_DATE.match(text) or _COMPACT_DATE.match(text)
    if match is None:
        if _INTEGER.match(text) and len(text) == 5:
            found = _serial_date(int(text))
            return (found, []) if found else (None, bad)
        return None, bad
    if match["m"] is None:  # a year alone is not a date
        return None, bad
    found = _ymd(int(match["y"]), int(match["m"]), int(match["d"] or 1))
    return (found, []) if found else (None, bad)


def read_int(value: Cell, label: str, *, suffixes: str = "") -> tuple[int | None, list[Problem]]:
    """A whole number: ``2018``, ``2018.0``, ``２０１８``, ``2018年`` (with ``suffixes='年'``)."""
    if is_blank(value):
        return None, []
    if isinstance(value, bool):
        return None, [Problem("cell_not_integer", {"label": label, "value": clean_text(value)})]
    if isinstance(value, int):
        return value, []
    if isinstance(value, float):
        if value.is_integer():
            return int(value), []
        return None, [Problem("cell_not_integer", {"label": label, "value": repr(value)})]
    text = squeeze(clean_text(value, nfkc=True))
    for suffix in suffixes:
        text = text.removesuffix(suffix)
    if text.endswith(".0"):
        text = text[:-2]
    if _INTEGER.match(text) and len(text) < 10:
        return int(text), []
    return None, [Problem("cell_not_integer", {"label": label, "value": clean_text(value)})]


def read_amount(value: Cell, label: str) -> tuple[int | None, list[Problem]]:
    """Money in fen from a number cell or text: ``1,234.5``, ``1234.50元``, ``￥1,234``."""
    if is_blank(value):
        return None, []
    if isinstance(value, bool):
        return None, [Problem("money_not_number", {"value": clean_text(value)})]
    if isinstance(value, int):
        return check_amount(value)
    if isinstance(value, float):
        try:
            exact = Decimal(repr(value))
        except InvalidOperation:
            return None, [Problem("money_not_number", {"value": repr(value)})]
        cents = exact.quantize(Decimal("0.01"))
        if abs(exact - cents) > Decimal("0.000001"):  # a formula's 0.1 + 0.2 is still 0.30
            return None, [Problem("money_fraction_of_fen", {"value": repr(value)})]
        return check_amount(f"{cents:f}")
    return check_amount(clean_text(value))


def read_area_x100(value: Cell, label: str) -> tuple[int | None, list[Problem]]:
    """Square metres in hundredths: ``75``, ``75.5``, ``75.50㎡`` (NFKC makes ㎡ ``m2``)."""
    if is_blank(value):
        return None, []
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        text = repr(value) if isinstance(value, float) else str(value)
    else:
        text = squeeze(clean_text(value, nfkc=True)).removesuffix("m2").removesuffix("平方米").removesuffix("平米")
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None, [Problem("bad_area", {"value": clean_text(value)})]
    if number < 0:
        return None, [Problem("area_negative", {})]
    hundredths = number * 100
    if hundredths != hundredths.to_integral_value():
        return None, [Problem("bad_area", {"value": clean_text(value)})]
    return int(hundredths), []


YES = frozenset({"是", "有", "Y", "y", "yes", "1", "√", "✓", "TRUE", "true"})
NO = frozenset({"否", "无", "N", "n", "no", "0", "×", "FALSE", "false", ""})


def read_flag(value: Cell, label: str) -> tuple[bool | None, list[Problem]]:
    """是/否 (also 有/无, Y/N, 1/0, √)."""
    if isinstance(value, bool):
        return value, []
    text = clean_text(value)
    if text in YES:
        return True, []
    if text in NO:
        return False, []
    return None, [Problem("bad_choice", {"label": label, "value": text})]
