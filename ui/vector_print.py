"""Printing on Windows as vectors: PDFium draws each page straight onto the printer's device
context (FPDF_RenderPage), so text and lines reach the spooler as GDI records instead of a
32-bit page image (~35 MB a page through Qt's print engine). docs/windows.md, 打印, has the
figures. The printer comes from the Qt print dialog's choice (name, paper, orientation,
copies, duplex, grey); the page loop is shared with the check under Wine, which records the
pages into enhanced metafiles (what Windows' EMF spooler stores) to measure them.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter

from . import win_gdi
from .pdf_pages import PdfPages
from .print_layout import CopiesPlan, FailureKind, PrintFailure, Sheet, copies_plan, place_page

FPDF_ANNOT, FPDF_GRAYSCALE, FPDF_PRINTING = 0x01, 0x08, 0x800
FPDF_PRINTMODE_EMF = 0


class Target(Protocol):
    """Where the pages go: a printer job, or (the check) one metafile per page."""

    sheet: Sheet

    def start(self) -> None: ...
    def begin_page(self) -> int: ...
    def end_page(self) -> None: ...
    def finish(self) -> None: ...
    def abort(self) -> None: ...


def sheet_of(api: win_gdi.Win32Api, hdc: int) -> Sheet:
    caps = api.gdi.GetDeviceCaps
    return Sheet(caps(hdc, win_gdi.LOGPIXELSX), caps(hdc, win_gdi.LOGPIXELSY),
                 caps(hdc, win_gdi.PHYSICALWIDTH), caps(hdc, win_gdi.PHYSICALHEIGHT),
                 caps(hdc, win_gdi.PHYSICALOFFSETX), caps(hdc, win_gdi.PHYSICALOFFSETY),
                 caps(hdc, win_gdi.HORZRES), caps(hdc, win_gdi.VERTRES))


def send_pages(pages: PdfPages, target: Target, order: Sequence[int], *, grey: bool = True,
               on_sheet: Callable[[int], bool] | None = None) -> int:
    """Draw the pages ``order`` (indexes, repeats allowed) on ``target``, one GDI page each;
    returns how many were sent. ``on_sheet(done)`` returning False aborts the job (nothing
    prints). Any failure aborts it too and raises :class:`PrintFailure`."""
    api = win_gdi.api()
    flags = FPDF_ANNOT | FPDF_PRINTING | (FPDF_GRAYSCALE if grey else 0)
    pages.set_print_mode(FPDF_PRINTMODE_EMF)  # text and paths as GDI records (the default; be sure)
    target.start()
    sent = 0
    try:
        for index in order:
            if on_sheet is not None and not on_sheet(sent):
                target.abort()
                return sent
            hdc = target.begin_page()
            place = place_page(*pages.size_points(index), target.sheet)
            saved = api.gdi.SaveDC(hdc)
            drawn = pages.draw_on_dc(index, hdc, (place.x, place.y, place.width, place.height), place.rotate, flags)
            api.gdi.RestoreDC(hdc, saved)
            if not drawn:
                raise PrintFailure("render", 0, index + 1)
            target.end_page()
            sent += 1
        target.finish()
    except BaseException:
        target.abort()
        raise
    if on_sheet is not None:
        on_sheet(sent)
    return sent


class PrinterJob:
    """A job on a Windows printer: its DEVMODE from the driver's defaults plus the dialog's
    choices, a device context on it, StartDoc … EndDoc."""

    def __init__(self, name: str, choice: win_gdi.DevModeChoice, *, doc_name: str, output: str | None = None) -> None:
        self.api = win_gdi.api()
        self.name, self.doc_name, self.output = name, doc_name, output
        devmode, driver_max = self._devmode(choice)
        self.copies: CopiesPlan = copies_plan(choice.copies, driver_max, choice.collate)
        win_gdi.DEVMODEW.from_buffer(devmode).dmCopies = self.copies.driver_copies
        self.hdc = self.api.gdi.CreateDCW("WINSPOOL", name, None, devmode)
        if not self.hdc:
            raise PrintFailure("CreateDCW", self.api.last_error())
        self.sheet = sheet_of(self.api, self.hdc)
        self._started = False

    def _devmode(self, choice: win_gdi.DevModeChoice) -> tuple[ctypes.Array[ctypes.c_char], int]:
        api, name = self.api, self.name
        handle = ctypes.c_void_p()
        if not api.winspool.OpenPrinterW(name, ctypes.byref(handle), None):
            raise PrintFailure("OpenPrinterW", api.last_error())
        try:
            size = api.winspool.DocumentPropertiesW(None, handle, name, None, None, 0)
            if size < ctypes.sizeof(win_gdi.DEVMODEW):
                raise PrintFailure("DocumentPropertiesW", api.last_error())
            buffer = ctypes.create_string_buffer(size)
            if api.winspool.DocumentPropertiesW(None, handle, name, buffer, None, win_gdi.DM_OUT_BUFFER) < 0:
                raise PrintFailure("DocumentPropertiesW", api.last_error())
            driver_max = api.winspool.DeviceCapabilitiesW(name, None, win_gdi.DC_COPIES, None, buffer)
            win_gdi.apply_choice(win_gdi.DEVMODEW.from_buffer(buffer), choice)
            # The driver merges the choices with its private part and drops what it cannot do.
            merged = ctypes.create_string_buffer(size)
            if api.winspool.DocumentPropertiesW(None, handle, name, merged, buffer,
                                                win_gdi.DM_IN_BUFFER | win_gdi.DM_OUT_BUFFER) >= 0:
                buffer = merged
            return buffer, max(driver_max, 1)
        finally:
            api.winspool.ClosePrinter(handle)

    def start(self) -> None:
        info = win_gdi.DOCINFOW(ctypes.sizeof(win_gdi.DOCINFOW), self.doc_name, self.output, None, 0)
        if self.api.gdi.StartDocW(self.hdc, ctypes.byref(info)) <= 0:
            raise PrintFailure("StartDocW", self.api.last_error())
        self._started = True

    def begin_page(self) -> int:
        if self.api.gdi.StartPage(self.hdc) <= 0:
            raise PrintFailure("StartPage", self.api.last_error())
        return int(self.hdc)

    def end_page(self) -> None:
        if self.api.gdi.EndPage(self.hdc) <= 0:
            raise PrintFailure("EndPage", self.api.last_error())

    def finish(self) -> None:
        self._started = False
        if self.api.gdi.EndDoc(self.hdc) <= 0:
            raise PrintFailure("EndDoc", self.api.last_error())

    def abort(self) -> None:
        if self._started:
            self._started = False
            self.api.gdi.AbortDoc(self.hdc)

    def close(self) -> None:
        if self.hdc:
            self.api.gdi.DeleteDC(self.hdc)
            self.hdc = None


class MetafileTarget:
    """Each page into its own enhanced metafile, recorded against ``reference`` (a printer's
    or the screen's DC) on ``sheet``: what the EMF spooler would store. For the check."""

    def __init__(self, reference: int, sheet: Sheet, folder: Path) -> None:
        self.api = win_gdi.api()
        self.reference, self.sheet, self.folder = reference, sheet, folder
        self.files: list[Path] = []
        self.sizes: list[int] = []
        self._hdc: int | None = None

    def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)

    def begin_page(self) -> int:
        path = self.folder / f"page-{len(self.files) + 1:04d}.emf"
        s = self.sheet  # the frame: the printable area, in 0.01 mm
        frame = win_gdi.RECT(0, 0, round(s.printable_width * 2540 / s.dpi_x),
                             round(s.printable_height * 2540 / s.dpi_y))
        hdc = self.api.gdi.CreateEnhMetaFileW(self.reference, str(path), ctypes.byref(frame), None)
        if not hdc:
            raise PrintFailure("CreateEnhMetaFileW", self.api.last_error())
        self._hdc = hdc
        self.files.append(path)
        return int(hdc)

    def end_page(self) -> None:
        metafile = self.api.gdi.CloseEnhMetaFile(self._hdc)
        self._hdc = None
        if not metafile:
            raise PrintFailure("CloseEnhMetaFile", self.api.last_error())
        self.sizes.append(int(self.api.gdi.GetEnhMetaFileBits(metafile, 0, None)))
        self.api.gdi.DeleteEnhMetaFile(metafile)  # the handle; the file stays

    def finish(self) -> None:
        pass

    def abort(self) -> None:
        if self._hdc:
            self.api.gdi.DeleteEnhMetaFile(self.api.gdi.CloseEnhMetaFile(self._hdc))
            self._hdc = None


DUPLEX = {
    QPrinter.DuplexMode.DuplexNone: win_gdi.DMDUP_SIMPLEX,
    QPrinter.DuplexMode.DuplexLongSide: win_gdi.DMDUP_VERTICAL,
    QPrinter.DuplexMode.DuplexShortSide: win_gdi.DMDUP_HORIZONTAL,
}  # DuplexAuto: the driver's own default


def dialog_choice(printer: QPrinter) -> win_gdi.DevModeChoice:
    """What the print dialog chose, as a DEVMODE carries it."""
    layout = printer.pageLayout()
    return win_gdi.DevModeChoice(
        landscape=layout.orientation() == QPageLayout.Orientation.Landscape,
        paper=layout.pageSize().windowsId() or None,
        copies=printer.copyCount(), collate=printer.collateCopies(),
        duplex=DUPLEX.get(printer.duplex()),
        monochrome=printer.colorMode() == QPrinter.ColorMode.GrayScale)


def print_vector(pages: PdfPages, printer: QPrinter, indexes: Sequence[int], *,
                 on_page: Callable[[int], bool] | None = None) -> int:
    """Send ``indexes`` to the printer the dialog chose, as vectors; returns how many pages were
    sent (fewer than asked: cancelled). Raises :class:`PrintFailure` (see :func:`failure_text`)."""
    try:
        win_gdi.api()
    except OSError as exc:  # winspool or gdi32 would not load: not a usable Windows
        raise PrintFailure("LoadLibrary", getattr(exc, "winerror", None) or 0) from exc
    job = PrinterJob(printer.printerName(), dialog_choice(printer), doc_name=printer.docName(),
                     output=printer.outputFileName() or None)
    repeats = job.copies.repeats
    try:
        order = [indexes[i] for i in job.copies.order(len(indexes))]

        def on_sheet(done: int) -> bool:
            return on_page(done // repeats) if on_page is not None else True

        sheets = send_pages(pages, job, order, grey=printer.colorMode() == QPrinter.ColorMode.GrayScale,
                            on_sheet=on_sheet)
    finally:
        job.close()
    # Copies made here: the document counts as sent only when every copy went out.
    return len(indexes) if sheets == len(order) else min(sheets // repeats, len(indexes) - 1)


def failure_text(failure: PrintFailure, printer: str) -> str:
    """The clerk's message for a failed print job (Chinese; tr() context WindowsPrinting)."""
    kind = failure.kind
    if kind is FailureKind.NO_PRINTER:
        text = QCoreApplication.translate("WindowsPrinting",
                                         "找不到打印机“{printer}”：它可能已被删除或改名。请重新选择打印机。")
    elif kind is FailureKind.ACCESS:
        text = QCoreApplication.translate("WindowsPrinting",
                                         "没有使用打印机“{printer}”的权限。请找管理员。")
    elif kind is FailureKind.DISK_FULL:
        text = QCoreApplication.translate("WindowsPrinting",
                                         "系统盘空间不足，打印内容无法暂存。请清理磁盘后再打印。")
    elif kind is FailureKind.MEMORY:
        text = QCoreApplication.translate("WindowsPrinting",
                                         "内存不足，无法打印。请关闭其他程序后再试，或分几次打印（页码范围）。")
    elif kind is FailureKind.SPOOLER:
        text = QCoreApplication.translate("WindowsPrinting",
                                         "Windows 的打印服务（Print Spooler）没有运行。请重启电脑或请管理员启动它。")
    elif kind is FailureKind.PAGE:
        text = QCoreApplication.translate("WindowsPrinting",
                                         "第 {page} 页无法送到打印机“{printer}”，打印已取消。")
    else:
        text = QCoreApplication.translate("WindowsPrinting",
                                         "无法打印：打印机“{printer}”没有响应或不可用（Windows 错误 {code}）。")
    return text.format(printer=printer, page=failure.page or 0, code=failure.code)
