"""The few Win32 printing calls the vector print path needs (winspool and GDI), through ctypes.

The structures are laid out with fixed-size fields so this module imports, and the DEVMODE
logic is tested, on Linux too; :func:`api` loads the DLLs and works on Windows only.
"""

from __future__ import annotations

import ctypes
import sys
from ctypes import POINTER, Structure, c_int, c_int16, c_uint16, c_uint32, c_void_p, c_wchar_p
from dataclasses import dataclass
from functools import cache
from typing import Any

# DEVMODE fields (wingdi.h)
DM_ORIENTATION = 0x0001
DM_PAPERSIZE = 0x0002
DM_COPIES = 0x0100
DM_COLOR = 0x0800
DM_DUPLEX = 0x1000
DM_COLLATE = 0x8000
DMORIENT_PORTRAIT, DMORIENT_LANDSCAPE = 1, 2
DMCOLOR_MONOCHROME = 1
DMDUP_SIMPLEX, DMDUP_VERTICAL, DMDUP_HORIZONTAL = 1, 2, 3  # one-sided, long edge, short edge
DM_OUT_BUFFER, DM_IN_BUFFER = 2, 8
DC_COPIES = 18

# GetDeviceCaps indexes
HORZRES, VERTRES = 8, 10
LOGPIXELSX, LOGPIXELSY = 88, 90
PHYSICALWIDTH, PHYSICALHEIGHT, PHYSICALOFFSETX, PHYSICALOFFSETY = 110, 111, 112, 113


class DEVMODEW(Structure):
    """The public part of a DEVMODEW (220 bytes); the driver's private bytes follow it in the
    buffer DocumentPropertiesW fills. Names are UTF-16 code units (WCHAR is 2 bytes on Windows)."""

    _fields_ = [
        ("dmDeviceName", c_uint16 * 32),
        ("dmSpecVersion", c_uint16),
        ("dmDriverVersion", c_uint16),
        ("dmSize", c_uint16),
        ("dmDriverExtra", c_uint16),
        ("dmFields", c_uint32),
        ("dmOrientation", c_int16),
        ("dmPaperSize", c_int16),
        ("dmPaperLength", c_int16),
        ("dmPaperWidth", c_int16),
        ("dmScale", c_int16),
        ("dmCopies", c_int16),
        ("dmDefaultSource", c_int16),
        ("dmPrintQuality", c_int16),
        ("dmColor", c_int16),
        ("dmDuplex", c_int16),
        ("dmYResolution", c_int16),
        ("dmTTOption", c_int16),
        ("dmCollate", c_int16),
        ("dmFormName", c_uint16 * 32),
        ("dmLogPixels", c_uint16),
        ("dmBitsPerPel", c_uint32),
        ("dmPelsWidth", c_uint32),
        ("dmPelsHeight", c_uint32),
        ("dmNup", c_uint32),
        ("dmDisplayFrequency", c_uint32),
        ("dmICMMethod", c_uint32),
        ("dmICMIntent", c_uint32),
        ("dmMediaType", c_uint32),
        ("dmDitherType", c_uint32),
        ("dmReserved1", c_uint32),
        ("dmReserved2", c_uint32),
        ("dmPanningWidth", c_uint32),
        ("dmPanningHeight", c_uint32),
    ]


assert ctypes.sizeof(DEVMODEW) == 220


class DOCINFOW(Structure):
    _fields_ = [("cbSize", c_int), ("lpszDocName", c_wchar_p), ("lpszOutput", c_wchar_p),
                ("lpszDatatype", c_wchar_p), ("fwType", c_uint32)]


class RECT(Structure):
    _fields_ = [("left", ctypes.c_long), ("top", ctypes.c_long), ("right", ctypes.c_long),
                ("bottom", ctypes.c_long)]


@dataclass(frozen=True)
class DevModeChoice:
    """What the print dialog chose that a DEVMODE can carry (None: leave the driver's default)."""

    landscape: bool | None
    paper: int | None  # DMPAPER_* (QPageSize.windowsId())
    copies: int
    collate: bool
    duplex: int | None  # DMDUP_*
    monochrome: bool


def apply_choice(devmode: DEVMODEW, choice: DevModeChoice) -> None:
    """Write the dialog's choices into a driver's DEVMODE and mark them in ``dmFields``."""
    fields = 0
    if choice.landscape is not None:
        devmode.dmOrientation = DMORIENT_LANDSCAPE if choice.landscape else DMORIENT_PORTRAIT
        fields |= DM_ORIENTATION
    if choice.paper:
        devmode.dmPaperSize = choice.paper
        fields |= DM_PAPERSIZE
    devmode.dmCopies = max(1, min(choice.copies, 32767))
    devmode.dmCollate = 1 if choice.collate else 0
    fields |= DM_COPIES | DM_COLLATE
    if choice.duplex is not None:
        devmode.dmDuplex = choice.duplex
        fields |= DM_DUPLEX
    if choice.monochrome:
        devmode.dmColor = DMCOLOR_MONOCHROME
        fields |= DM_COLOR
    devmode.dmFields |= fields


class Win32Api:
    """winspool.drv, gdi32 and kernel32 with argument types declared (64-bit handles)."""

    def __init__(self) -> None:
        windll: Any = getattr(ctypes, "WinDLL")  # noqa: B009 - absent on Linux; typed for mypy anywhere
        self.winspool = windll("winspool.drv", use_last_error=True)
        self.gdi = windll("gdi32", use_last_error=True)
        declare = _declare
        handle, wstr, dm = c_void_p, c_wchar_p, c_void_p
        declare(self.winspool.OpenPrinterW, ctypes.c_bool, wstr, POINTER(handle), c_void_p)
        declare(self.winspool.ClosePrinter, ctypes.c_bool, handle)
        declare(self.winspool.DocumentPropertiesW, ctypes.c_long, handle, handle, wstr, dm, dm, c_uint32)
        declare(self.winspool.DeviceCapabilitiesW, c_int, wstr, wstr, c_uint16, c_void_p, dm)
        declare(self.gdi.CreateDCW, handle, wstr, wstr, wstr, dm)
        declare(self.gdi.DeleteDC, ctypes.c_bool, handle)
        declare(self.gdi.GetDeviceCaps, c_int, handle, c_int)
        declare(self.gdi.StartDocW, c_int, handle, POINTER(DOCINFOW))
        declare(self.gdi.StartPage, c_int, handle)
        declare(self.gdi.EndPage, c_int, handle)
        declare(self.gdi.EndDoc, c_int, handle)
        declare(self.gdi.AbortDoc, c_int, handle)
        declare(self.gdi.SaveDC, c_int, handle)
        declare(self.gdi.RestoreDC, ctypes.c_bool, handle, c_int)
        declare(self.gdi.CreateEnhMetaFileW, handle, handle, wstr, POINTER(RECT), wstr)
        declare(self.gdi.CloseEnhMetaFile, handle, handle)
        declare(self.gdi.DeleteEnhMetaFile, ctypes.c_bool, handle)
        declare(self.gdi.GetEnhMetaFileBits, c_uint32, handle, c_uint32, c_void_p)
        declare(self.gdi.PlayEnhMetaFile, ctypes.c_bool, handle, handle, POINTER(RECT))

    @staticmethod
    def last_error() -> int:
        return int(getattr(ctypes, "get_last_error")())  # noqa: B009 - Windows only


def _declare(function: Any, restype: Any, *argtypes: Any) -> None:
    function.restype = restype
    function.argtypes = argtypes


@cache
def api() -> Win32Api:
    if sys.platform != "win32":
        raise OSError("Win32 printing is only available on Windows")
    return Win32Api()
