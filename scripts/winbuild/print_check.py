"""Print a real ledger through the Windows vector path (ui.vector_print) under Wine, with the
bundle's own Python, and measure what a Windows spooler would hold. Run by
scripts/check-windows-build:

    python print_check.py OUT_FOLDER LEDGER.pdf [--database DB]

1. Installs a test printer in the Wine prefix: Wine's PostScript driver with a PPD written
   here (600 dpi laser, A4/A3, 4.2 mm unprintable margins), on the FILE: port.
2. Prints the ledger to it as the 台账 page does (QPrinter with the page's layout, grey,
   ``print_vector``): a real OpenPrinter / DocumentProperties / CreateDC / StartDoc … EndDoc
   job, its output sent to OUT_FOLDER/job.prn (PostScript).
3. Sends the same pages through the same loop (``send_pages``) into one enhanced metafile per
   page recorded against that printer's device context — what Windows' EMF spooler stores —
   and says each page's size; and, for the first page, the size of the metafile the raster
   path made (Qt's Windows print engine hands GDI the page as a 32-bit bitmap).
4. Plays the first page's metafile back into a bitmap and compares it with PDFium's own
   picture of the page (the vector page must be the ledger, at true size).
5. With ``--database DB``: the 台账 page itself (as a clerk uses it, sys.platform "win32")
   generates the 2018 低保 ledger and prints it to the test printer; the audit log must say so.

Prints one JSON object on its last line; exit 0 when every step worked.
"""

from __future__ import annotations

import ctypes
import json
import os
import sys
import time
from ctypes import byref, c_void_p, sizeof
from pathlib import Path

from suining_desk.app import window_module  # the window's package: suining_desk_ui in the bundle, ui in a checkout

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PRINTER = "Suining Test Laser"
DPI = 600
PPD = """*PPD-Adobe: "4.3"
*FormatVersion: "4.3"
*FileVersion: "1.0"
*LanguageVersion: English
*LanguageEncoding: ISOLatin1
*PCFileName: "SDLASER.PPD"
*Manufacturer: "Suining Desk"
*Product: "(Test Laser)"
*ModelName: "Suining Desk test laser"
*ShortNickName: "Suining Desk test laser"
*NickName: "Suining Desk test laser"
*PSVersion: "(3010.000) 0"
*LanguageLevel: "3"
*ColorDevice: False
*DefaultColorSpace: Gray
*LandscapeOrientation: Plus90
*TTRasterizer: Type42
*DefaultResolution: 600dpi
*OpenUI *PageSize/Media Size: PickOne
*DefaultPageSize: A4
*PageSize A4/A4: "<</PageSize[595 842]>>setpagedevice"
*PageSize A3/A3: "<</PageSize[842 1191]>>setpagedevice"
*CloseUI: *PageSize
*OpenUI *PageRegion/Media Size: PickOne
*DefaultPageRegion: A4
*PageRegion A4/A4: "<</PageSize[595 842]>>setpagedevice"
*PageRegion A3/A3: "<</PageSize[842 1191]>>setpagedevice"
*CloseUI: *PageRegion
*DefaultImageableArea: A4
*ImageableArea A4/A4: "12 12 583 830"
*ImageableArea A3/A3: "12 12 830 1179"
*DefaultPaperDimension: A4
*PaperDimension A4/A4: "595 842"
*PaperDimension A3/A3: "842 1191"
*OpenUI *Duplex/Two-sided: PickOne
*DefaultDuplex: None
*Duplex None/Off: "<</Duplex false>>setpagedevice"
*Duplex DuplexNoTumble/Long edge: "<</Duplex true/Tumble false>>setpagedevice"
*Duplex DuplexTumble/Short edge: "<</Duplex true/Tumble true>>setpagedevice"
*CloseUI: *Duplex
*DefaultFont: Courier
*Font Courier: Standard "(002.004S)" Standard ROM
"""


class DRIVER_INFO_3W(ctypes.Structure):
    _fields_ = [("cVersion", ctypes.c_uint32)] + [(name, ctypes.c_wchar_p) for name in (
        "pName", "pEnvironment", "pDriverPath", "pDataFile", "pConfigFile", "pHelpFile", "pDependentFiles",
        "pMonitorName", "pDefaultDataType")]


class PRINTER_INFO_2W(ctypes.Structure):
    _fields_ = [(name, ctypes.c_wchar_p) for name in (
        "pServerName", "pPrinterName", "pShareName", "pPortName", "pDriverName", "pComment", "pLocation")] + [
        ("pDevMode", c_void_p), ("pSepFile", ctypes.c_wchar_p), ("pPrintProcessor", ctypes.c_wchar_p),
        ("pDatatype", ctypes.c_wchar_p), ("pParameters", ctypes.c_wchar_p), ("pSecurityDescriptor", c_void_p)] + [
        (name, ctypes.c_uint32) for name in ("Attributes", "Priority", "DefaultPriority", "StartTime", "UntilTime",
                                             "Status", "cJobs", "AveragePPM")]


class BITMAPINFOHEADER(ctypes.Structure):
    _fields_ = [("biSize", ctypes.c_uint32), ("biWidth", ctypes.c_int32), ("biHeight", ctypes.c_int32),
                ("biPlanes", ctypes.c_uint16), ("biBitCount", ctypes.c_uint16), ("biCompression", ctypes.c_uint32),
                ("biSizeImage", ctypes.c_uint32), ("biXPelsPerMeter", ctypes.c_int32),
                ("biYPelsPerMeter", ctypes.c_int32), ("biClrUsed", ctypes.c_uint32),
                ("biClrImportant", ctypes.c_uint32)]


def install_printer(folder: Path) -> None:
    """Wine's PostScript driver (wineps.drv) with our PPD, on the FILE: port."""
    winspool = ctypes.WinDLL("winspool.drv", use_last_error=True)
    ppd = folder / "sdlaser.ppd"
    ppd.write_text(PPD, encoding="latin-1")
    driver = DRIVER_INFO_3W(3, PRINTER, None, "wineps.drv", str(ppd), "wineps.drv", None, None, None, "RAW")
    if not winspool.AddPrinterDriverExW(None, 3, byref(driver), 0x1 | 0x10):  # APD_COPY_NEW_FILES|FROM_DIRECTORY
        raise SystemExit(f"AddPrinterDriverExW failed: {ctypes.get_last_error()}")
    winspool.AddPrinterW.restype = c_void_p
    info = PRINTER_INFO_2W(pPrinterName=PRINTER, pPortName="FILE:", pDriverName=PRINTER,
                           pPrintProcessor="winprint", pDatatype="RAW")
    handle = winspool.AddPrinterW(None, 2, byref(info))
    if handle:
        winspool.ClosePrinter(c_void_p(handle))
    elif ctypes.get_last_error() != 1802:  # ERROR_PRINTER_ALREADY_EXISTS: a second run in the same prefix
        raise SystemExit(f"AddPrinterW failed: {ctypes.get_last_error()}")


def raster_metafile_size(pages, api, reference: int, sheet, folder: Path) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    """Before: the first page as the raster path sends it on Windows (Qt's print engine turns
    the page image into a 32-bit bitmap for GDI), recorded into a metafile: its size."""
    MAX_PRINT_DPI = window_module("pdf_pages").MAX_PRINT_DPI  # noqa: N806 - the module's constant

    image = pages.print_image(0, min(sheet.dpi_x, MAX_PRINT_DPI))
    width, height = image.width(), image.height()
    bgrx = pages.image(0, min(sheet.dpi_x, MAX_PRINT_DPI) / 72)  # 32 bits a pixel, as GDI receives it
    bits = bytes(bgrx.constBits())[: width * height * 4] if bgrx.width() == width else b""
    header = BITMAPINFOHEADER(sizeof(BITMAPINFOHEADER), width, -height, 1, 32, 0, 0, 0, 0, 0, 0)
    frame = api_rect(sheet)
    hdc = api.gdi.CreateEnhMetaFileW(reference, str(folder / "raster-page-0001.emf"), byref(frame), None)
    gdi = ctypes.WinDLL("gdi32")
    gdi.StretchDIBits.argtypes = [c_void_p] + [ctypes.c_int] * 8 + [ctypes.c_char_p, c_void_p, ctypes.c_uint,
                                                                     ctypes.c_uint32]
    gdi.StretchDIBits(hdc, 0, 0, sheet.printable_width, sheet.printable_height, 0, 0, width, height, bits,
                      byref(header), 0, 0x00CC0020)  # DIB_RGB_COLORS, SRCCOPY
    metafile = api.gdi.CloseEnhMetaFile(hdc)
    size = int(api.gdi.GetEnhMetaFileBits(metafile, 0, None))
    api.gdi.DeleteEnhMetaFile(metafile)
    return size, width, height


def api_rect(sheet):  # type: ignore[no-untyped-def]
    win_gdi = window_module("win_gdi")

    return win_gdi.RECT(0, 0, round(sheet.printable_width * 2540 / sheet.dpi_x),
                        round(sheet.printable_height * 2540 / sheet.dpi_y))


def play_back(api, emf: Path, sheet, dpi: int):  # type: ignore[no-untyped-def]
    """The metafile drawn into a white 24-bit bitmap at ``dpi``: a PIL image of the printable area."""
    from PIL import Image

    gdi = ctypes.WinDLL("gdi32")
    for name, res, args in (("CreateCompatibleDC", c_void_p, [c_void_p]),
                            ("CreateDIBSection", c_void_p, [c_void_p, c_void_p, ctypes.c_uint,
                                                            ctypes.POINTER(c_void_p), c_void_p, ctypes.c_uint32]),
                            ("SelectObject", c_void_p, [c_void_p, c_void_p]),
                            ("PatBlt", ctypes.c_bool, [c_void_p] + [ctypes.c_int] * 4 + [ctypes.c_uint32]),
                            ("GetEnhMetaFileW", c_void_p, [ctypes.c_wchar_p]),
                            ("DeleteObject", ctypes.c_bool, [c_void_p]), ("GdiFlush", ctypes.c_bool, [])):
        getattr(gdi, name).restype, getattr(gdi, name).argtypes = res, args
    width = round(sheet.printable_width * dpi / sheet.dpi_x)
    height = round(sheet.printable_height * dpi / sheet.dpi_y)
    stride = (width * 3 + 3) & ~3
    header = BITMAPINFOHEADER(sizeof(BITMAPINFOHEADER), width, -height, 1, 24, 0, 0, 0, 0, 0, 0)
    memory = gdi.CreateCompatibleDC(None)
    bits = c_void_p()
    bitmap = gdi.CreateDIBSection(memory, byref(header), 0, byref(bits), None, 0)
    old = gdi.SelectObject(memory, bitmap)
    gdi.PatBlt(memory, 0, 0, width, height, 0x00FF0062)  # WHITENESS
    metafile = gdi.GetEnhMetaFileW(str(emf))
    win_gdi = window_module("win_gdi")

    api.gdi.PlayEnhMetaFile(memory, metafile, byref(win_gdi.RECT(0, 0, width, height)))
    gdi.GdiFlush()
    data = ctypes.string_at(bits, stride * height)
    image = Image.frombuffer("RGB", (width, height), data, "raw", "BGR", stride, 1).convert("L")
    api.gdi.DeleteEnhMetaFile(metafile)
    gdi.SelectObject(memory, old)
    gdi.DeleteObject(bitmap)
    api.gdi.DeleteDC(memory)
    return image


def difference(played, pages, sheet, dpi: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Compare the played-back page with PDFium's picture of the page at the same place: both
    averaged over 5×5-pixel cells (GDI fills without anti-aliasing, PDFium with it)."""
    from PIL import Image, ImageChops

    place_page = window_module("print_layout").place_page

    place = place_page(*pages.size_points(0), sheet)
    scale = dpi / sheet.dpi_x
    bitmap = pages._doc[0].render(scale=dpi / 72, grayscale=True)
    picture = bitmap.to_pil().convert("L")
    canvas = Image.new("L", played.size, 255)
    canvas.paste(picture, (round(place.x * scale), round(place.y * scale)))
    cells = (played.width // 5, played.height // 5)
    a = played.resize(cells, Image.Resampling.BOX)
    b = canvas.resize(cells, Image.Resampling.BOX)
    diff = ImageChops.difference(a, b)
    histogram = diff.histogram()
    total = sum(histogram)
    ink = sum(h for v, h in enumerate(b.histogram()) if v < 200) / total
    return {"mean": sum(v * h for v, h in enumerate(histogram)) / total,
            "cells_off": sum(histogram[64:]) / total, "ink_cells": ink}


def page_step(database: Path, out: Path) -> dict[str, object]:
    """The 台账 page's own print button path: generate, then print to the test printer."""
    from suining_desk.db import open_database
    from suining_desk.db.models import AuditEntry

    ledgers_page, ledgers_output = window_module("pages.ledgers"), window_module("pages.ledgers.output")
    open_database(database)
    window_module("tasks").SYNCHRONOUS = True  # the ledger is made at once, as the tests do
    page = ledgers_page.LedgersPage(window_module("session").Session(database, username="admin"))
    page.kind.setCurrentIndex(page.kind.findText("资金发放台账"))
    page.program.setCurrentIndex(page.program.findText("低保"))
    page.year.setText("2018")
    page.generate_button.click()
    if page.result is None:
        raise SystemExit(f"the 台账 page made no ledger: {page.status.text()}")
    job_file = out / "page-job.prn"

    def choose_test_printer(printer, _parent, _pages):  # type: ignore[no-untyped-def]
        printer.setPrinterName(PRINTER)  # what the clerk picks in the Windows print dialog
        printer.setOutputFileName(str(job_file))
        return True

    ledgers_output.ask_printer = choose_test_printer
    before = AuditEntry.select().where(AuditEntry.action == "ledger_sent_to_printer").count()
    page.print_ledger()
    logged = AuditEntry.select().where(AuditEntry.action == "ledger_sent_to_printer").count() - before
    said = page.status.text()
    page.preview.clear()
    return {"status": said, "logged": logged, "pages": page.result.pages if page.result else 0,
            "file_bytes": job_file.stat().st_size if job_file.is_file() else 0,
            "path": ledgers_output.print_path(sys.platform, native_printer=True).value}


def main(argv: list[str]) -> int:
    out, ledger = Path(argv[1]), Path(argv[2])
    out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication

    win_gdi = window_module("win_gdi")
    PdfPages, page_layout_for = window_module("pdf_pages").PdfPages, window_module("pdf_pages").page_layout_for  # noqa: N806
    vector = window_module("vector_print")
    MetafileTarget, print_vector, send_pages, sheet_of = (  # noqa: N806 - a class among the functions
        vector.MetafileTarget, vector.print_vector, vector.send_pages, vector.sheet_of)

    app = QApplication([argv[0]])  # noqa: F841 - QPrinter and the 台账 page want one
    install_printer(out)
    pages = PdfPages(ledger)
    report: dict[str, object] = {"pages": len(pages)}

    # 2. The real job, as the 台账 page sends it.
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(PRINTER)
    printer.setPageLayout(page_layout_for(pages))
    printer.setColorMode(QPrinter.ColorMode.GrayScale)
    printer.setDocName("绥宁县2018年低保资金发放台账")
    job_file = out / "job.prn"
    printer.setOutputFileName(str(job_file))
    started = time.perf_counter()
    sent = print_vector(pages, printer, range(len(pages)))
    report["job"] = {"printer": printer.printerName(), "sent": sent, "file_bytes": job_file.stat().st_size,
                     "seconds": round(time.perf_counter() - started, 2)}

    # 3. The same pages into metafiles recorded against that printer (landscape A4, 600 dpi).
    api = win_gdi.api()
    devmode = ctypes.create_string_buffer(sizeof(win_gdi.DEVMODEW))
    dm = win_gdi.DEVMODEW.from_buffer(devmode)
    dm.dmSize, dm.dmSpecVersion = sizeof(win_gdi.DEVMODEW), 0x0401
    win_gdi.apply_choice(dm, win_gdi.DevModeChoice(landscape=True, paper=9, copies=1, collate=True, duplex=None,
                                                   monochrome=True))
    reference = api.gdi.CreateDCW("WINSPOOL", PRINTER, None, devmode)
    sheet = sheet_of(api, reference)
    target = MetafileTarget(reference, sheet, out / "emf")
    started = time.perf_counter()
    send_pages(pages, target, range(len(pages)))
    report["sheet"] = sheet.__dict__
    report["emf_bytes"] = target.sizes
    report["emf_seconds"] = round(time.perf_counter() - started, 2)
    size, width, height = raster_metafile_size(pages, api, reference, sheet, out / "emf")
    report["raster_first_page"] = {"emf_bytes": size, "image": [width, height], "image_bytes_32bit": width * height * 4}

    # 4. Is the vector page the ledger, at true size?
    played = play_back(api, target.files[0], sheet, 120)
    played.save(out / "page-0001-played.png")
    report["played_vs_pdfium"] = difference(played, pages, sheet, 120)
    api.gdi.DeleteDC(reference)
    pages.close()
    if "--database" in argv:
        report["page"] = page_step(Path(argv[argv.index("--database") + 1]), out)
    print(json.dumps(report), flush=True)  # ASCII: the console may be cp1252 (Wine)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
