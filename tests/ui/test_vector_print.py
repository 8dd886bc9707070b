"""The Windows vector print path, on Linux: the DEVMODE from the dialog's choices, the job's
Win32 calls in order (against a stand-in for winspool/gdi32), the page loop's cancel and
failure handling, the clerk's messages, and the 台账 page choosing the path and logging.
The real calls run under Wine in scripts/check-windows-build (scripts/winbuild/print_check.py)."""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

import ui.pages.ledgers.output as ledgers_output
import ui.tasks
from suining_desk.db.models import AuditEntry
from tests.ui.conftest import DemoCounty
from tests.ui.test_ledgers_page import fill_dibao
from ui import vector_print, win_gdi
from ui.pages.ledgers import LedgersPage
from ui.print_layout import FailureKind, PrintFailure, PrintPath, Sheet
from ui.session import Session
from ui.vector_print import PrinterJob, dialog_choice, failure_text, send_pages

LASER = Sheet(600, 600, 7016, 4961, 100, 100, 6816, 4761)


# --- the DEVMODE ---

def test_the_dialogs_choices_go_into_the_drivers_devmode() -> None:
    devmode = win_gdi.DEVMODEW(dmFields=0x4000, dmOrientation=1, dmPaperSize=1, dmColor=2)
    win_gdi.apply_choice(devmode, win_gdi.DevModeChoice(landscape=True, paper=9, copies=3, collate=False,
                                                        duplex=win_gdi.DMDUP_VERTICAL, monochrome=True))
    assert (devmode.dmOrientation, devmode.dmPaperSize, devmode.dmCopies, devmode.dmCollate) == (2, 9, 3, 0)
    assert (devmode.dmDuplex, devmode.dmColor) == (win_gdi.DMDUP_VERTICAL, win_gdi.DMCOLOR_MONOCHROME)
    marked = (win_gdi.DM_ORIENTATION | win_gdi.DM_PAPERSIZE | win_gdi.DM_COPIES | win_gdi.DM_COLLATE
              | win_gdi.DM_DUPLEX | win_gdi.DM_COLOR)
    assert devmode.dmFields == 0x4000 | marked  # the driver's own fields stay marked


def test_what_the_dialog_left_open_stays_the_drivers_default() -> None:
    devmode = win_gdi.DEVMODEW(dmOrientation=1, dmPaperSize=8, dmDuplex=3, dmColor=2)
    win_gdi.apply_choice(devmode, win_gdi.DevModeChoice(landscape=None, paper=None, copies=1, collate=True,
                                                        duplex=None, monochrome=False))
    assert (devmode.dmOrientation, devmode.dmPaperSize, devmode.dmDuplex, devmode.dmColor) == (1, 8, 3, 2)
    assert devmode.dmFields == win_gdi.DM_COPIES | win_gdi.DM_COLLATE


def test_the_devmode_has_windows_layout() -> None:
    assert ctypes.sizeof(win_gdi.DEVMODEW) == 220  # DEVMODEW's public part on Windows
    assert win_gdi.DEVMODEW.dmFields.offset == 72 and win_gdi.DEVMODEW.dmCopies.offset == 86
    assert win_gdi.DEVMODEW.dmCollate.offset == 100 and win_gdi.DEVMODEW.dmFormName.offset == 102


class DialogPrinter:
    """What a QPrinter says after the Windows print dialog (on Linux Qt's PDF printer keeps no
    duplex choice, so the choice is stood in for; the layout is Qt's own)."""

    def __init__(self, size: QPageSize.PageSizeId, orientation: QPageLayout.Orientation,
                 duplex: QPrinter.DuplexMode) -> None:
        self.layout = QPageLayout(QPageSize(size), orientation, QPageLayout.margins(QPageLayout()))
        self._duplex = duplex

    def pageLayout(self) -> QPageLayout:  # noqa: N802 - Qt's names
        return self.layout

    def copyCount(self) -> int:  # noqa: N802
        return 2

    def collateCopies(self) -> bool:  # noqa: N802
        return False

    def duplex(self) -> QPrinter.DuplexMode:
        return self._duplex

    def colorMode(self) -> QPrinter.ColorMode:  # noqa: N802
        return QPrinter.ColorMode.GrayScale


def test_the_print_dialogs_choice_is_read_from_the_printer() -> None:
    landscape = DialogPrinter(QPageSize.PageSizeId.A4, QPageLayout.Orientation.Landscape,
                              QPrinter.DuplexMode.DuplexLongSide)
    assert dialog_choice(landscape) == win_gdi.DevModeChoice(  # type: ignore[arg-type]
        landscape=True, paper=9, copies=2, collate=False, duplex=win_gdi.DMDUP_VERTICAL, monochrome=True)
    short = DialogPrinter(QPageSize.PageSizeId.A3, QPageLayout.Orientation.Portrait,
                          QPrinter.DuplexMode.DuplexShortSide)
    assert dialog_choice(short).duplex == win_gdi.DMDUP_HORIZONTAL  # type: ignore[arg-type]
    auto = dialog_choice(DialogPrinter(QPageSize.PageSizeId.A3, QPageLayout.Orientation.Portrait,  # type: ignore[arg-type]
                                       QPrinter.DuplexMode.DuplexAuto))
    assert (auto.landscape, auto.paper, auto.duplex) == (False, 8, None)  # Auto: the driver's own default


# --- a stand-in for winspool.drv and gdi32 ---

class FakeWin32:
    """Records the calls; ``fail`` = {call name: Win32 error} makes that call fail."""

    def __init__(self, driver_copies: int = 999, fail: dict[str, int] | None = None) -> None:
        self.calls: list[tuple[Any, ...]] = []
        self.fail = fail or {}
        self.error = 0
        self.driver_copies = driver_copies
        self.devmode_in_dc: win_gdi.DEVMODEW | None = None
        self.docinfo: tuple[str, str | None] = ("", None)
        self.winspool = SimpleNamespace(OpenPrinterW=self.OpenPrinterW, ClosePrinter=self._ok("ClosePrinter"),
                                        DocumentPropertiesW=self.DocumentPropertiesW,
                                        DeviceCapabilitiesW=self.DeviceCapabilitiesW)
        self.gdi = SimpleNamespace(CreateDCW=self.CreateDCW, DeleteDC=self._ok("DeleteDC"),
                                   GetDeviceCaps=self.GetDeviceCaps, StartDocW=self.StartDocW,
                                   StartPage=self._ok("StartPage"), EndPage=self._ok("EndPage"),
                                   EndDoc=self._ok("EndDoc"), AbortDoc=self._ok("AbortDoc"),
                                   SaveDC=self._ok("SaveDC", 7), RestoreDC=self._ok("RestoreDC"))

    def last_error(self) -> int:
        return self.error

    def _failed(self, name: str) -> bool:
        self.calls.append((name,))
        if name in self.fail:
            self.error = self.fail[name]
            return True
        return False

    def _ok(self, name: str, value: int = 1) -> Any:
        return lambda *args: 0 if self._failed(name) else value

    def OpenPrinterW(self, name: str, handle: Any, _defaults: Any) -> bool:  # noqa: N802 - Win32 names
        if self._failed("OpenPrinterW"):
            return False
        handle._obj.value = 4242
        return True

    def DocumentPropertiesW(self, _hwnd: Any, _handle: Any, _name: str, out: Any, into: Any, mode: int) -> int:  # noqa: N802
        self.calls.append(("DocumentPropertiesW", mode))
        if mode == 0:
            return 220 + 80  # the public part and the driver's private bytes
        if into is not None:
            ctypes.memmove(out, into, 300)
        else:
            default = win_gdi.DEVMODEW.from_buffer(out)
            default.dmSize, default.dmDriverExtra, default.dmOrientation, default.dmCopies = 220, 80, 1, 1
        return 1

    def DeviceCapabilitiesW(self, *_args: Any) -> int:  # noqa: N802
        return self.driver_copies

    def CreateDCW(self, driver: str, name: str, _port: Any, devmode: Any) -> int:  # noqa: N802
        if self._failed("CreateDCW"):
            return 0
        self.devmode_in_dc = win_gdi.DEVMODEW.from_buffer_copy(bytes(devmode)[:220])
        assert driver == "WINSPOOL"
        return 777

    def GetDeviceCaps(self, _hdc: int, index: int) -> int:  # noqa: N802
        return {win_gdi.LOGPIXELSX: 600, win_gdi.LOGPIXELSY: 600, win_gdi.PHYSICALWIDTH: 7016,
                win_gdi.PHYSICALHEIGHT: 4961, win_gdi.PHYSICALOFFSETX: 100, win_gdi.PHYSICALOFFSETY: 100,
                win_gdi.HORZRES: 6816, win_gdi.VERTRES: 4761}[index]

    def StartDocW(self, _hdc: int, info: Any) -> int:  # noqa: N802
        self.docinfo = (info._obj.lpszDocName, info._obj.lpszOutput)
        return 0 if self._failed("StartDocW") else 12


class FakePages:
    """A 3-page landscape A4 ledger; ``refuse`` = page indexes PDFium cannot draw."""

    def __init__(self, refuse: tuple[int, ...] = ()) -> None:
        self.drawn: list[tuple[int, int, tuple[int, int, int, int], int, int]] = []
        self.refuse = refuse
        self.mode: int | None = None

    def size_points(self, _index: int) -> tuple[float, float]:
        return 841.89, 595.28

    def draw_on_dc(self, index: int, hdc: int, box: tuple[int, int, int, int], rotate: int, flags: int) -> bool:
        self.drawn.append((index, hdc, box, rotate, flags))
        return index not in self.refuse

    def set_print_mode(self, mode: int) -> None:
        self.mode = mode

    def __len__(self) -> int:
        return 3


@pytest.fixture
def win32(monkeypatch: pytest.MonkeyPatch) -> FakeWin32:
    fake = FakeWin32()
    monkeypatch.setattr(win_gdi, "api", lambda: fake)
    return fake


def names(fake: FakeWin32) -> list[str]:
    return [call[0] for call in fake.calls if call[0] not in ("SaveDC", "RestoreDC", "DocumentPropertiesW")]


def choice(copies: int = 1, collate: bool = True) -> win_gdi.DevModeChoice:
    return win_gdi.DevModeChoice(landscape=True, paper=9, copies=copies, collate=collate, duplex=None,
                                 monochrome=True)


# --- the job ---

def test_a_job_is_one_startdoc_a_page_each_and_enddoc(win32: FakeWin32) -> None:
    pages = FakePages()
    job = PrinterJob("办公室激光打印机", choice(), doc_name="低保台账", output=None)
    assert job.sheet == LASER
    assert send_pages(pages, job, [0, 1, 2]) == 3  # type: ignore[arg-type]
    job.close()
    assert names(win32) == ["OpenPrinterW", "ClosePrinter", "CreateDCW", "StartDocW",
                            *["StartPage", "EndPage"] * 3, "EndDoc", "DeleteDC"]
    assert win32.docinfo == ("低保台账", None)
    assert pages.mode == vector_print.FPDF_PRINTMODE_EMF
    index, hdc, box, rotate, flags = pages.drawn[0]
    assert (index, hdc, rotate) == (0, 777, 0) and box == (-100, -100, 7016, 4961)  # true size, paper's corner
    assert flags == vector_print.FPDF_ANNOT | vector_print.FPDF_PRINTING | vector_print.FPDF_GRAYSCALE
    devmode = win32.devmode_in_dc
    assert devmode is not None and (devmode.dmOrientation, devmode.dmPaperSize, devmode.dmCopies) == (2, 9, 1)
    saves = [c[0] for c in win32.calls if c[0] in ("SaveDC", "RestoreDC")]
    assert saves == ["SaveDC", "RestoreDC"] * 3  # PDFium's state never leaks into the next page


def test_copies_the_driver_makes_are_asked_of_it(win32: FakeWin32) -> None:
    job = PrinterJob("P", choice(copies=3), doc_name="台账")
    assert job.copies.repeats == 1
    assert win32.devmode_in_dc is not None and win32.devmode_in_dc.dmCopies == 3


def test_copies_a_driver_cannot_make_are_sent_as_pages(win32: FakeWin32, qapp) -> None:  # type: ignore[no-untyped-def]
    win32.driver_copies = 1
    printer = QPrinter()
    printer.setPrinterName("P")
    printer.setCopyCount(2)
    printer.setCollateCopies(True)
    pages = FakePages()
    progress: list[int] = []
    sent = vector_print.print_vector(pages, printer, range(3),  # type: ignore[arg-type]
                                     on_page=lambda done: progress.append(done) or True)
    assert sent == 3
    assert [d[0] for d in pages.drawn] == [0, 1, 2, 0, 1, 2]
    assert win32.devmode_in_dc is not None and win32.devmode_in_dc.dmCopies == 1
    assert progress == [0, 0, 1, 1, 2, 2, 3]  # counted in ledger pages, not sheets


def test_the_output_file_of_print_to_file_goes_to_startdoc(win32: FakeWin32) -> None:
    job = PrinterJob("P", choice(), doc_name="台账", output=r"C:\打印\台账.prn")
    send_pages(FakePages(), job, [0])  # type: ignore[arg-type]
    assert win32.docinfo == ("台账", r"C:\打印\台账.prn")


def test_cancel_between_pages_aborts_the_job(win32: FakeWin32) -> None:
    pages = FakePages()
    job = PrinterJob("P", choice(), doc_name="台账")
    sent = send_pages(pages, job, [0, 1, 2], on_sheet=lambda done: done < 2)  # type: ignore[arg-type]
    assert sent == 2 and len(pages.drawn) == 2
    assert names(win32)[-1] == "AbortDoc" and "EndDoc" not in names(win32)


def test_a_page_pdfium_cannot_draw_aborts_the_job_and_names_the_page(win32: FakeWin32) -> None:
    job = PrinterJob("P", choice(), doc_name="台账")
    with pytest.raises(PrintFailure) as raised:
        send_pages(FakePages(refuse=(1,)), job, [0, 1, 2])  # type: ignore[arg-type]
    assert raised.value.kind is FailureKind.PAGE and raised.value.page == 2
    assert names(win32)[-1] == "AbortDoc"


@pytest.mark.parametrize(("call", "code", "kind"), [
    ("OpenPrinterW", 1801, FailureKind.NO_PRINTER),
    ("CreateDCW", 5, FailureKind.ACCESS),
    ("StartDocW", 1223, FailureKind.CANCELLED),
    ("EndPage", 112, FailureKind.DISK_FULL),
    ("EndDoc", 6, FailureKind.OTHER),
])
def test_a_failing_call_raises_with_its_win32_error(win32: FakeWin32, call: str, code: int, kind: FailureKind) -> None:
    win32.fail = {call: code}
    with pytest.raises(PrintFailure) as raised:
        job = PrinterJob("P", choice(), doc_name="台账")
        send_pages(FakePages(), job, [0, 1])  # type: ignore[arg-type]
    assert (raised.value.step, raised.value.code, raised.value.kind) == (call, code, kind)
    if call in ("EndPage",):
        assert names(win32)[-1] == "AbortDoc"  # a started job is taken off the queue
    if call in ("OpenPrinterW", "CreateDCW", "StartDocW"):
        assert "AbortDoc" not in names(win32)  # nothing was started


def test_every_failure_has_a_chinese_message(qapp) -> None:  # type: ignore[no-untyped-def]
    samples = {FailureKind.NO_PRINTER: 1801, FailureKind.ACCESS: 5, FailureKind.DISK_FULL: 112,
               FailureKind.MEMORY: 8, FailureKind.SPOOLER: 1722, FailureKind.OTHER: 31}
    texts = {kind: failure_text(PrintFailure("StartDocW", code), "财务室激光打印机") for kind, code in samples.items()}
    texts[FailureKind.PAGE] = failure_text(PrintFailure("render", 0, page=7), "财务室激光打印机")
    assert len(set(texts.values())) == len(texts)
    assert "找不到打印机“财务室激光打印机”" in texts[FailureKind.NO_PRINTER]
    assert "磁盘" in texts[FailureKind.DISK_FULL] and "Print Spooler" in texts[FailureKind.SPOOLER]
    assert "第 7 页" in texts[FailureKind.PAGE]
    assert "Windows 错误 31" in texts[FailureKind.OTHER]
    assert all("{" not in text for text in texts.values())


# --- the 台账 page ---

@pytest.fixture
def page(qtbot, demo_db: DemoCounty, monkeypatch: pytest.MonkeyPatch) -> Iterator[LedgersPage]:  # type: ignore[no-untyped-def]
    import datetime as dt

    monkeypatch.setattr(ui.tasks, "SYNCHRONOUS", True)
    page = LedgersPage(Session(demo_db.path, username="luru", fixed_today=dt.date(2018, 12, 20)))
    qtbot.addWidget(page)
    page.resize(1300, 850)
    page.show()
    yield page
    page.preview.clear()


def choose_printer(printer: QPrinter, _parent: QWidget, _pages: int) -> bool:
    return True  # a Windows printer: see the fixture below


@pytest.fixture(autouse=True)
def _windows_printer(monkeypatch: pytest.MonkeyPatch) -> None:
    """The name the Windows dialog gives QPrinter (Linux has no such printer to choose)."""
    monkeypatch.setattr(QPrinter, "printerName", lambda _self: "财务室激光打印机")


def test_on_windows_the_page_prints_vectors_and_logs_it(qtbot, page: LedgersPage,  # type: ignore[no-untyped-def]
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[str, list[int], bool]] = []
    monkeypatch.setattr(ledgers_output, "ask_printer", choose_printer)
    monkeypatch.setattr(ledgers_output, "print_path", lambda platform, native_printer: PrintPath.VECTOR)

    def fake_vector(pages: Any, printer: QPrinter, indexes: Any, *, on_page: Any) -> int:
        asked.append((printer.printerName(), list(indexes), printer.colorMode() == QPrinter.ColorMode.GrayScale))
        return len(indexes)

    monkeypatch.setattr(vector_print, "print_vector", fake_vector)
    monkeypatch.setattr(ledgers_output, "print_pages", lambda *a, **k: pytest.fail("the raster path on Windows"))
    fill_dibao(qtbot, page)
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert asked == [("财务室激光打印机", [0], True)]
    entry = AuditEntry.get(AuditEntry.action == "ledger_sent_to_printer")
    assert "财务室激光打印机" in entry.after and '"pages":1' in entry.after
    assert "已送打印机" in page.status.text()


@pytest.mark.parametrize(("failure", "said"), [
    (PrintFailure("OpenPrinterW", 1801), "找不到打印机“财务室激光打印机”"),
    (PrintFailure("EndPage", 112), "系统盘空间不足"),
    (PrintFailure("StartDocW", 1223), "已取消打印。"),
])
def test_a_failed_windows_job_says_why_and_logs_nothing(qtbot, page: LedgersPage, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                                        failure: PrintFailure, said: str) -> None:
    monkeypatch.setattr(ledgers_output, "ask_printer", choose_printer)
    monkeypatch.setattr(ledgers_output, "print_path", lambda platform, native_printer: PrintPath.VECTOR)

    def failing(*_args: Any, **_kwargs: Any) -> int:
        raise failure

    monkeypatch.setattr(vector_print, "print_vector", failing)
    fill_dibao(qtbot, page)
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert said in page.status.text()
    assert AuditEntry.select().where(AuditEntry.action == "ledger_sent_to_printer").count() == 0


def test_the_page_asks_for_the_path_by_platform_and_printer(qtbot, page: LedgersPage, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, bool]] = []

    def to_pdf(printer: QPrinter, _parent: QWidget, _pages: int) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "out.pdf"))
        return True

    def spy(platform: str, native_printer: bool) -> PrintPath:
        seen.append((platform, native_printer))
        return PrintPath.RASTER

    monkeypatch.setattr(ledgers_output, "ask_printer", to_pdf)
    monkeypatch.setattr(ledgers_output, "print_path", spy)
    fill_dibao(qtbot, page)
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    import sys

    assert seen == [(sys.platform, False)]  # Qt's PDF writer is not a Windows printer
    assert (tmp_path / "out.pdf").stat().st_size > 0
