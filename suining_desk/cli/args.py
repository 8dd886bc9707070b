"""How the command line reads numbers, dates, years, months and periods — the way the
import reads cells: full-width digits and hyphens (``２０１８－１１``, typed with a Chinese
input method) are made plain by NFKC — and which output files it accepts by their suffix.

Every numeric, date and period argument goes through :func:`plain` (as its argparse
``type``, or via :func:`date_arg`); years and periods are then checked by the same
checkers the services use (:mod:`suining_desk.domain.periods`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import unicodedata
from pathlib import Path

from suining_desk.domain.problems import InvalidInput, Problem


def plain(text: str) -> str:
    """``２０１８－１１`` → ``2018-11``: full-width forms to ASCII, spaces around removed."""
    return unicodedata.normalize("NFKC", text).strip()


def date_arg(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(plain(text))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期“{text}”应为 2018-11-20 的格式") from exc


def year_or_none(text: str | None) -> int | None:
    """An optional ``--year`` (already plain), checked like every year."""
    from suining_desk.domain.periods import check_year

    return None if text is None else check_year(text)


def require_suffix(path: str | Path, *suffixes: str) -> Path:
    """The output file, refused unless its name ends with one of ``suffixes`` (a PDF
    named ``x.txt`` would not open where the clerk expects it)."""
    out = Path(path)
    if out.suffix.lower() not in suffixes:
        raise InvalidInput([Problem("out_bad_suffix", {"path": str(out), "suffixes": "、".join(suffixes)})])
    return out
