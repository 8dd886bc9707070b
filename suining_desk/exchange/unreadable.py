"""A file that cannot be used at all (exit code 2), and rows that say so when they fail.

Reading a sheet is lazy: a file damaged half-way down (a copy cut short, a sheet whose
XML stops in the middle) or one that passes a limit shows only while its rows are read,
long after it was opened. :func:`guarded` turns what the readers raise then into the same
Chinese refusal, naming the row reached — never "程序内部出错".
"""

from __future__ import annotations

import csv
import zlib
from collections.abc import Iterator
from pathlib import Path

from suining_desk.domain.os_errors import os_reason
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.exchange import limits
from suining_desk.exchange.xlsx_guard import DAMAGE

# What the readers raise on a file damaged part way (zip, zlib, expat, csv, decoding, openpyxl).
ROW_DAMAGE: tuple[type[BaseException], ...] = (zlib.error, csv.Error, UnicodeError, *DAMAGE)


class FileUnreadable(InvalidInput):
    """The file cannot be used at all (missing, not a spreadsheet, no header): exit code 2."""


def unreadable(code: str, **params: object) -> FileUnreadable:
    return FileUnreadable([Problem(code, dict(params))])


def damaged(path: Path, sheet: str, row: int) -> FileUnreadable:
    """The file stops making sense after ``row`` (0: within its first rows)."""
    named = f"工作表“{sheet}”" if sheet else "工作表"
    where = f"{named}第{row}行之后" if row else f"{named}开头"
    return unreadable("file_damaged_at", path=str(path), where=where)


def guarded(rows: Iterator[tuple[int, tuple[object, ...]]], path: Path, sheet: str
            ) -> Iterator[tuple[int, tuple[object, ...]]]:
    """``rows`` as they come; a limit passed or damage found on the way ends them with
    :class:`FileUnreadable`."""
    last = 0
    try:
        for item in rows:
            last = item[0]
            yield item
    except InvalidInput:
        raise
    except limits.TooLarge as exc:
        raise FileUnreadable([exc.problem(path)]) from exc
    except MemoryError as exc:
        raise unreadable("file_out_of_memory", path=str(path)) from exc
    except PermissionError as exc:
        raise unreadable("file_in_use", path=str(path)) from exc
    except OSError as exc:  # e.g. the USB stick was pulled out
        raise unreadable("file_read_failed", path=str(path), reason=os_reason(exc)) from exc
    except ROW_DAMAGE as exc:
        raise damaged(path, sheet, last) from exc
