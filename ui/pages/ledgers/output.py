"""A generated ledger, out of the program: printed through the system print dialog (its pages
drawn by PDFium, sent in grey, the printing logged as ``ledger_sent_to_printer``) or saved as
a copy where the clerk chooses. On Windows the pages go to the printer as vectors
(ui.vector_print); elsewhere as images through Qt (ui.pdf_pages). The dialogs are module
functions: tests replace them."""

from __future__ import annotations

import logging
import os
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from suining_desk.domain.messages import describe
from suining_desk.domain.os_errors import os_reason
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.ledgers import LedgerResult, record_sent_to_printer
from suining_desk.storage.output_files import check_output
from suining_desk.storage.tempfiles import exclusive_beside

from ... import tasks, vector_print
from ...pdf_pages import PdfPages, chosen_pages, page_layout_for, print_pages
from ...print_layout import FailureKind, PrintFailure, PrintPath, print_path
from ...settings import app_settings
from .form import SETTINGS_GROUP

Say = Callable[..., None]  # say(text, ok=True): the page's status line
log = logging.getLogger("suining_desk.window.ledgers")  # the program's log file (suining_desk.storage.activity_log)


def ask_printer(printer: QPrinter, parent: QWidget, pages: int) -> bool:
    """The system print dialog (tests replace this function: the dialog is modal)."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("LedgersPage", "打印台账"))
    dialog.setMinMax(1, pages)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, True)
    return bool(dialog.exec() == QPrintDialog.DialogCode.Accepted)


def ask_save_path(parent: QWidget, suggested: Path) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("LedgersPage", "保存台账"),
                                          str(suggested),
                                          QCoreApplication.translate("LedgersPage", "PDF 文件 (*.pdf)"))
    if not path:
        return None
    chosen = Path(path)
    return chosen if chosen.suffix.lower() == ".pdf" else chosen.with_name(chosen.name + ".pdf")


def file_name_for(title: str) -> str:
    """The ledger's title as a file name (no characters Windows refuses)."""
    return re.sub(r'[\\/:*?"<>|\s]+', "_", title).strip("._") + ".pdf"


def save_copy(parent: QWidget, result: LedgerResult, say: Say) -> None:
    """A copy of the ledger where the clerk chooses (never over a database or a spreadsheet)."""
    settings = app_settings()
    folder = Path(str(settings.value(f"{SETTINGS_GROUP}/save_dir", "") or Path.home()))
    target = ask_save_path(parent, folder / file_name_for(result.title))
    if target is None:
        return
    try:  # an earlier ledger may be replaced (the dialog asked); a database or a spreadsheet never
        check_output(target, "pdf", inputs=(result.path,))
    except InvalidInput as exc:
        say("\n".join(describe(p) for p in exc.problems), ok=False)
        return
    temp: Path | None = None
    try:
        temp, handle = exclusive_beside(target, "tmp")  # a random name, never through a planted link
        with handle, result.path.open("rb") as source:
            shutil.copyfileobj(source, handle)
        os.replace(temp, target)
    except OSError as exc:
        if temp is not None:
            temp.unlink(missing_ok=True)
        say(describe(Problem("ledger_cannot_write", {"path": str(target), "reason": os_reason(exc)})), ok=False)
        return
    settings.setValue(f"{SETTINGS_GROUP}/save_dir", str(target.parent))
    say(QCoreApplication.translate("LedgersPage", "已保存到 {path}").format(path=target))


def print_ledger(parent: QWidget, pages: PdfPages, current: int, result: LedgerResult, username: str,
                 say: Say) -> QMessageBox | None:
    """The chosen pages to the chosen printer, logged; an error box when the log refused it."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout_for(pages))
    printer.setColorMode(QPrinter.ColorMode.GrayScale)  # the pages are sent in grey (ui.pdf_pages)
    printer.setDocName(result.title)
    if not ask_printer(printer, parent, len(pages)):
        return None
    indexes = chosen_pages(printer, len(pages), current)
    progress = QProgressDialog(QCoreApplication.translate("LedgersPage", "正在送打印机…"),
                               QCoreApplication.translate("LedgersPage", "取消"), 0, len(indexes), parent)
    progress.setObjectName("print_progress")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(500)

    def on_page(done: int) -> bool:
        progress.setValue(done)
        return not progress.wasCanceled()

    native = printer.outputFormat() is QPrinter.OutputFormat.NativeFormat
    vector = print_path(sys.platform, native_printer=native) is PrintPath.VECTOR
    try:
        if vector:  # Windows: vector pages straight to the printer (ui.vector_print)
            sent = vector_print.print_vector(pages, printer, indexes, on_page=on_page)
        else:
            sent = print_pages(pages, printer, indexes, on_page=on_page)
    except PrintFailure as failure:
        if failure.kind is FailureKind.CANCELLED:
            say(QCoreApplication.translate("LedgersPage", "已取消打印。"))
        else:
            say(vector_print.failure_text(failure, printer.printerName()), ok=False)
        return None
    except OSError:
        say(QCoreApplication.translate("LedgersPage", "无法打印：打印机没有响应或不可用。"), ok=False)
        return None
    finally:
        progress.reset()
    if sent < len(indexes):
        say(QCoreApplication.translate("LedgersPage", "已取消打印。"))
        return None
    where = printer.printerName() or printer.outputFileName()
    try:
        record_sent_to_printer(result, username=username, printer=where, pages=sent, copies=printer.copyCount())
    except InvalidInput as exc:
        return tasks.show_error(parent, QCoreApplication.translate("LedgersPage", "打印台账"), exc)
    log.info("ledger sent to printer %s: %s, %d pages x %d, code %s", where, result.title, sent,
             printer.copyCount(), result.code)
    say(QCoreApplication.translate("LedgersPage", "已送打印机：{title}，{pages} 页（校验码 {code}）").format(
        title=result.title, pages=sent, code=result.code))
    return None
