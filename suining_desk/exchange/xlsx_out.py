"""Writing a table to xlsx in the layout the importer reads back: the header on row 1
(bold, frozen), the layout's column widths, code columns formatted as text so a clerk
who edits a cell does not turn an ID number into 4.30527E+17, and every string written as
text — an address reading ``=HYPERLINK(…)`` is never a formula (:mod:`.safe_cells`). Streamed (write-only), so
a county's 400,000 rows need no more memory than one.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import BinaryIO

from suining_desk.domain.os_errors import os_reason
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.exchange.columns import Column
from suining_desk.exchange.safe_cells import safe_row, text_cell
from suining_desk.storage.output_files import check_output
from suining_desk.storage.tempfiles import exclusive_beside

log = logging.getLogger(__name__)


def cannot_write(path: Path, exc: OSError) -> InvalidInput:
    return InvalidInput([Problem("export_cannot_write", {"path": str(path), "reason": os_reason(exc)})])


def write_table(path: Path | str, sheet_title: str, columns: Sequence[Column],
                rows: Iterable[Sequence[object]], *, title: str = "") -> int:
    """The rows under the columns' labels (and a title line above them, for a report);
    returns how many rows were written."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    path = Path(path)
    if not path.parent.is_dir():
        raise InvalidInput([Problem("ledger_out_dir_missing", {"path": str(path.parent)})])
    check_output(path, "xlsx")  # before the work: never over a database, a PDF …
    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_title)
    for index, column in enumerate(columns, start=1):
        dimension = sheet.column_dimensions[get_column_letter(index)]
        dimension.width = column.width
        if column.text:
            dimension.number_format = "@"
    sheet.freeze_panes = "A3" if title else "A2"
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    if title:
        line = text_cell(sheet, title)
        line.font = Font(bold=True, size=13)
        sheet.append([line])
    header = []
    for column in columns:
        cell = text_cell(sheet, column.label)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        header.append(cell)
    sheet.append(header)
    count = 0
    for row in rows:
        sheet.append(safe_row(sheet, row))  # user text stays text: never a formula Excel would run
        count += 1
    save_replacing(book, path)
    log.info("exported %s: %s, %d rows", sheet_title, path, count)
    return count


def save_replacing(book: object, path: Path) -> None:
    """Save beside the target, then rename: a failed save never leaves half a file.

    The temporary file is created (under a random name, exclusively: never through a link
    planted beside the target) before openpyxl starts, so a folder that cannot be written to
    fails cleanly, and openpyxl writes into that very file. When a save fails part way, the
    streamed (write-only) sheets are closed here and the zip writer openpyxl leaves behind
    writes nowhere, or they would complain on stderr when garbage-collected ("Exception
    ignored … I/O operation on closed file")."""
    partial: Path | None = None
    sink: _Sink | None = None
    try:
        partial, handle = exclusive_beside(path)
        sink = _Sink(handle)
        book.save(sink)  # type: ignore[attr-defined]
        sink.done()
        os.replace(partial, path)
    except OSError as exc:
        _abandon(book, sink, partial)
        raise cannot_write(path, exc) from exc
    except BaseException:
        _abandon(book, sink, partial)
        raise


class _Sink:
    """The temporary file as openpyxl's zip writer sees it. Once abandoned (a save failed part
    way) what the writer still does on its way out goes nowhere instead of failing."""

    def __init__(self, handle: BinaryIO) -> None:
        self._handle: BinaryIO | None = handle

    def write(self, data: bytes) -> int:
        return self._handle.write(data) if self._handle is not None else len(data)

    def tell(self) -> int:
        return self._handle.tell() if self._handle is not None else 0

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._handle.seek(offset, whence) if self._handle is not None else 0

    def flush(self) -> None:
        if self._handle is not None:
            self._handle.flush()

    def seekable(self) -> bool:
        return True

    def close(self) -> None:
        """The zip writer's close: the file itself is closed by :meth:`done` or :meth:`abandon`."""

    def done(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    abandon = done


def _abandon(book: object, sink: _Sink | None, partial: Path | None) -> None:
    _close_sheets(book)
    if sink is not None:
        sink.abandon()
    _remove_quietly(partial)


def _close_sheets(book: object) -> None:
    for sheet in getattr(book, "worksheets", ()):
        if getattr(sheet, "closed", True) is False:  # a write-only sheet still streaming
            try:
                sheet.close()
            except Exception:  # noqa: BLE001 - its file is already gone; only silence is wanted
                pass


def _remove_quietly(path: Path | None) -> None:
    if path is None:
        return
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass  # e.g. the name is taken by a folder, or the folder cannot be written to
