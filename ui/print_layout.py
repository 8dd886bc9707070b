"""What a print job decides before it touches a printer: which way the pages go (vector GDI
on Windows, Qt's raster engine elsewhere), which pages, where each lands on the sheet, how
the copies are made, and what a Win32 failure means to a clerk. No Qt, no ctypes: tested on
Linux (tests/ui/test_print_layout.py); ui.vector_print does the printing.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

POINTS_PER_INCH = 72
# A page up to 1 mm larger than the paper still prints at true size (PDF sizes are rounded).
FIT_TOLERANCE_INCH = 1 / 25.4


class PrintPath(Enum):
    VECTOR = "vector"  # Windows: PDFium draws on the printer's device context (ui.vector_print)
    RASTER = "raster"  # Qt's print engine paints page images (ui.pdf_pages.print_pages)


# `SUINING_PRINT=raster` forces the image path on Windows: an escape hatch for a printer driver
# that mishandles GDI vector output (docs/windows.md, 打印).
PRINT_PATH_VARIABLE = "SUINING_PRINT"


def print_path(platform: str, *, native_printer: bool, env: Mapping[str, str] | None = None) -> PrintPath:
    """Vector pages on Windows when the job goes to a Windows printer (not Qt's PDF writer)."""
    choice = (env if env is not None else os.environ).get(PRINT_PATH_VARIABLE, "").strip().lower()
    if platform != "win32" or not native_printer or choice == PrintPath.RASTER.value:
        return PrintPath.RASTER
    return PrintPath.VECTOR


class RangeMode(Enum):
    ALL = "all"
    PAGES = "pages"  # from first to last, counted from 1; last 0 = to the end
    CURRENT = "current"


def page_indexes(mode: RangeMode, first: int, last: int, count: int, current: int) -> Sequence[int]:
    """The page indexes (from 0) that the print dialog asked for, clipped to the document."""
    if mode is RangeMode.CURRENT:
        return [min(max(current, 0), count - 1)] if count else []
    if mode is RangeMode.PAGES and first > 0:
        last = last or count
        return range(max(first, 1) - 1, min(last, count))
    return range(count)


@dataclass(frozen=True)
class Sheet:
    """A printer's page in its device pixels (GetDeviceCaps): the paper, and the printable area
    that the device context's origin sits at (``offset`` from the paper's corner)."""

    dpi_x: int
    dpi_y: int
    paper_width: int
    paper_height: int
    offset_x: int
    offset_y: int
    printable_width: int
    printable_height: int

    def __post_init__(self) -> None:
        if min(self.dpi_x, self.dpi_y, self.printable_width, self.printable_height) <= 0:
            raise ValueError(f"not a printer page: {self}")

    @property
    def paper(self) -> tuple[int, int]:
        """The paper's size; a driver that reports none gets its printable area."""
        if self.paper_width > 0 and self.paper_height > 0:
            return self.paper_width, self.paper_height
        return self.printable_width, self.printable_height


@dataclass(frozen=True)
class Placement:
    """Where FPDF_RenderPage draws: device pixels from the printable area's corner, and PDFium's
    rotation (0, or 3 = a quarter turn anticlockwise when page and paper disagree)."""

    x: int
    y: int
    width: int
    height: int
    rotate: int
    scale: float  # 1.0 = true size


def place_page(width_pt: float, height_pt: float, sheet: Sheet) -> Placement:
    """True size, centred on the paper (the ledger's own margins stay where they are printed),
    when the page fits the paper; otherwise shrunk to the printable area, centred. A landscape
    page on portrait paper (or the reverse) is turned a quarter so it fills the sheet."""
    paper_w, paper_h = sheet.paper
    page_landscape = width_pt > height_pt
    paper_landscape = paper_w / sheet.dpi_x > paper_h / sheet.dpi_y
    rotate = 3 if width_pt != height_pt and page_landscape != paper_landscape else 0
    across_in, down_in = (height_pt, width_pt) if rotate else (width_pt, height_pt)
    across_in, down_in = across_in / POINTS_PER_INCH, down_in / POINTS_PER_INCH
    fits = (across_in <= paper_w / sheet.dpi_x + FIT_TOLERANCE_INCH
            and down_in <= paper_h / sheet.dpi_y + FIT_TOLERANCE_INCH)
    width, height = across_in * sheet.dpi_x, down_in * sheet.dpi_y
    if fits:
        scale = 1.0
        x = (paper_w - width) / 2 - sheet.offset_x
        y = (paper_h - height) / 2 - sheet.offset_y
    else:
        scale = min(sheet.printable_width / width, sheet.printable_height / height)
        width, height = width * scale, height * scale
        x = (sheet.printable_width - width) / 2
        y = (sheet.printable_height - height) / 2
    return Placement(round(x), round(y), round(width), round(height), rotate, scale)


@dataclass(frozen=True)
class CopiesPlan:
    """How the copies the dialog asked for are made: by the driver (``driver_copies`` in the
    DEVMODE), or, when the driver cannot make that many, by sending the pages ``repeats`` times."""

    driver_copies: int
    repeats: int
    collate: bool

    def order(self, count: int) -> list[int]:
        """Positions into the chosen pages, in the order they are sent."""
        if self.collate:
            return [i for _ in range(self.repeats) for i in range(count)]
        return [i for i in range(count) for _ in range(self.repeats)]


def copies_plan(requested: int, driver_max: int, collate: bool) -> CopiesPlan:
    """The driver makes the copies when it can (DeviceCapabilities DC_COPIES); otherwise each
    page goes out the right number of times, collated (1 2 3 1 2 3) or not (1 1 2 2 3 3)."""
    requested = max(requested, 1)
    if driver_max >= requested:
        return CopiesPlan(requested, 1, collate)
    return CopiesPlan(1, requested, collate)


# --- failures ---

class FailureKind(Enum):
    CANCELLED = "cancelled"  # the clerk said no in a driver's own dialog, or the job was deleted
    NO_PRINTER = "no_printer"
    ACCESS = "access"
    DISK_FULL = "disk_full"
    MEMORY = "memory"
    SPOOLER = "spooler"
    PAGE = "page"  # PDFium could not draw a page
    OTHER = "other"


# Win32 error codes (winerror.h) and what they mean for a print job.
WIN32_FAILURES: dict[int, FailureKind] = {
    2: FailureKind.NO_PRINTER,      # ERROR_FILE_NOT_FOUND (a printer's driver files gone)
    5: FailureKind.ACCESS,          # ERROR_ACCESS_DENIED
    8: FailureKind.MEMORY,          # ERROR_NOT_ENOUGH_MEMORY
    14: FailureKind.MEMORY,         # ERROR_OUTOFMEMORY
    39: FailureKind.DISK_FULL,      # ERROR_HANDLE_DISK_FULL
    63: FailureKind.CANCELLED,      # ERROR_PRINT_CANCELLED (the job was deleted from the queue)
    112: FailureKind.DISK_FULL,     # ERROR_DISK_FULL
    1223: FailureKind.CANCELLED,    # ERROR_CANCELLED (e.g. a "save as" dialog of a PDF printer)
    1058: FailureKind.SPOOLER,      # ERROR_SERVICE_DISABLED
    1062: FailureKind.SPOOLER,      # ERROR_SERVICE_NOT_ACTIVE
    1722: FailureKind.SPOOLER,      # RPC_S_SERVER_UNAVAILABLE: the Print Spooler is not running
    1797: FailureKind.NO_PRINTER,   # ERROR_UNKNOWN_PRINTER_DRIVER
    1801: FailureKind.NO_PRINTER,   # ERROR_INVALID_PRINTER_NAME
    1905: FailureKind.NO_PRINTER,   # ERROR_PRINTER_DELETED
}


class PrintFailure(Exception):
    """A step of a Windows print job failed: ``step`` is the Win32 call (or "render"),
    ``code`` its GetLastError(), ``page`` the page number (from 1) when one was being sent."""

    def __init__(self, step: str, code: int = 0, page: int | None = None) -> None:
        super().__init__(f"{step} failed (Win32 error {code}" + (f", page {page})" if page else ")"))
        self.step, self.code, self.page = step, code, page

    @property
    def kind(self) -> FailureKind:
        if self.step == "render":
            return FailureKind.PAGE
        return WIN32_FAILURES.get(self.code, FailureKind.OTHER)
