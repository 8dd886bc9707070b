"""A PDF's pages as images, for the preview and the printer (PySide6-Essentials has no QtPdf).

PDFium (through pypdfium2) draws the pages; it is not thread-safe, so it is used only from
the GUI thread. The ledger's font is embedded in the file, so Chinese needs nothing installed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from .print_layout import RangeMode, page_indexes

POINTS_PER_INCH = 72
# A laser printer's own resolution; more adds nothing to a ledger's 8-point text. In grayscale an
# A4 page at 300 dpi is 8.7 MB of pixels (it was 35 MB in colour), see docs/windows.md, 打印.
MAX_PRINT_DPI = 300
PRINT_FORMAT = QImage.Format.Format_Grayscale8  # ledgers are black on white; photos print in grey


class PdfPages:
    """An open PDF file; :meth:`close` releases it (Windows cannot delete an open file)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._doc = pdfium.PdfDocument(str(self.path))

    def __len__(self) -> int:
        return len(self._doc)

    def size_points(self, index: int) -> tuple[float, float]:
        width, height = self._doc[index].get_size()
        return float(width), float(height)

    def image(self, index: int, scale: float) -> QImage:
        """Page ``index`` (from 0) at ``scale`` pixels per point, white behind it."""
        bitmap = self._doc[index].render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
        try:
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGBX8888)
            return image.copy()  # own the pixels: the bitmap's buffer goes with it
        finally:
            bitmap.close()

    def print_image(self, index: int, dpi: float) -> QImage:
        """Page ``index`` for the printer: 8-bit grey (a quarter of the colour image's bytes),
        with PDFium's print rendering."""
        bitmap = self._doc[index].render(scale=dpi / POINTS_PER_INCH, grayscale=True, optimize_mode="print")
        try:
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, PRINT_FORMAT)
            return image.copy()
        finally:
            bitmap.close()

    def draw_on_dc(self, index: int, hdc: int, box: tuple[int, int, int, int], rotate: int, flags: int) -> bool:
        """Windows only: PDFium draws page ``index`` as GDI calls (vector text and lines) on a device
        context, in ``box`` (x, y, width, height in device pixels); see ui.vector_print."""
        page = self._doc[index]
        try:
            return bool(pdfium_c.FPDF_RenderPage(hdc, page.raw, *box, rotate, flags))
        finally:
            page.close()

    @staticmethod
    def set_print_mode(mode: int) -> None:
        """Windows only: how PDFium prints on a device context (FPDF_SetPrintMode)."""
        pdfium_c.FPDF_SetPrintMode(mode)

    def close(self) -> None:
        self._doc.close()


def page_layout_for(pages: PdfPages) -> QPageLayout:
    """The paper and orientation of the first page (A4/A3, landscape or portrait), no margins:
    the ledger has its own."""
    width, height = pages.size_points(0)
    size = QPageSize(QPageSize.id(QSizeF(min(width, height), max(width, height)), QPageSize.Unit.Point,
                                  QPageSize.SizeMatchPolicy.FuzzyMatch))
    orientation = QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
    return QPageLayout(size, orientation, QPageLayout.margins(QPageLayout()))


def chosen_pages(printer: QPrinter, count: int, current: int) -> Sequence[int]:
    """The page indexes the print dialog asked for: all, a range (from 1) or the current one."""
    mode = {QPrinter.PrintRange.CurrentPage: RangeMode.CURRENT,
            QPrinter.PrintRange.PageRange: RangeMode.PAGES}.get(printer.printRange(), RangeMode.ALL)
    return page_indexes(mode, printer.fromPage(), printer.toPage(), count, current)


def print_pages(pages: PdfPages, printer: QPrinter, indexes: Sequence[int], *,
                on_page: Callable[[int], bool] | None = None) -> int:
    """Paint the pages on the printer at its resolution (at most :data:`MAX_PRINT_DPI`), in grey,
    each scaled to the whole sheet, one page in memory at a time; returns how many were sent.
    ``on_page(done)`` returning False stops (the job is aborted). ``OSError`` if the printer refuses."""
    printer.setFullPage(True)
    # Grey pages in a grey job: Qt's PDF/CUPS output then stores 8-bit grey (353 kB a page, not a
    # 1.7 MB colour JPEG), and the Windows driver is told not to print in colour.
    printer.setColorMode(QPrinter.ColorMode.GrayScale)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(printer.printerName() or printer.outputFileName())
    sent = 0
    try:
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        for index in indexes:
            if on_page is not None and not on_page(sent):
                printer.abort()
                break
            if sent:
                printer.newPage()
            image = pages.print_image(index, dpi)
            sheet = QRectF(painter.viewport())
            fitted = QSizeF(image.size()).scaled(sheet.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRectF(sheet.x() + (sheet.width() - fitted.width()) / 2,
                            sheet.y() + (sheet.height() - fitted.height()) / 2, fitted.width(), fitted.height())
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(target, image)
            del image  # released before the next page is drawn
            sent += 1
        if on_page is not None:
            on_page(sent)
    finally:
        painter.end()
    return sent

