"""The quick cell reader gives exactly the values openpyxl's read-only rows give."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from suining_desk.exchange.fast_xlsx import fast_rows
from tests import exchange_sheets as sheets


def both(path: Path) -> list[tuple[list[tuple[int, tuple[Any, ...]]], list[tuple[int, tuple[Any, ...]]]]]:
    book = load_workbook(path, read_only=True, data_only=True)
    found = []
    for ws in book.worksheets:
        ws.reset_dimensions()
        reference = [(n, tuple(r)) for n, r in enumerate(ws.iter_rows(values_only=True), start=1) if r]
        found.append((reference, [(n, r) for n, r in fast_rows(ws) if r]))  # empty rows: skipped by both
    book.close()
    return found


def varied(path: Path, *, mac: bool = False) -> Path:
    book = Workbook()
    if mac:
        book.epoch = CALENDAR_MAC_1904
    ws = book.active
    ws.append(["text", "  spaced  ", "全角　空格", 42, -7, 3.25, 1e-7, 4.30527196803122e17, True, False, None, "=1+1"])
    ws.append([dt.datetime(2018, 11, 1, 8, 30), dt.date(2018, 11, 1), dt.time(8, 30), dt.timedelta(hours=36),
               "#N/A", "2018年11月1日", 43405, "x" * 300])
    ws["A5"] = CellRichText([TextBlock(InlineFont(b=True), "加粗"), "普通"])
    ws["C7"] = 12345678901234567890
    ws["D7"].number_format = "yyyy/m/d"
    ws["D7"] = 43405
    ws["Z9"] = "far"
    book.create_sheet("二").append(["第二页", 1])
    book.save(path)
    return path


@pytest.mark.parametrize("mac", [False, True])
def test_varied_cells(tmp_path: Path, mac: bool) -> None:
    for reference, fast in both(varied(tmp_path / "v.xlsx", mac=mac)):
        assert fast == reference


def test_the_messy_register_and_an_export(tmp_path: Path) -> None:
    for reference, fast in both(sheets.messy_register(tmp_path / "m.xlsx")):
        assert fast == reference
    from openpyxl import Workbook as W

    book = W(write_only=True)  # inline strings, as exports are written
    ws = book.create_sheet("s")
    ws.append(["户编号", "姓名", 1, dt.date(2018, 1, 2)])
    ws.append([])
    ws.append(["H1", "杨桂花", 2.5, None, "尾"])
    book.save(tmp_path / "w.xlsx")
    for reference, fast in both(tmp_path / "w.xlsx"):
        assert fast == reference


def test_prefixed_tags_and_cells_without_references(tmp_path: Path) -> None:
    """Some programs write ``<x:c>`` with a namespace prefix, or leave out ``r="B2"``."""
    source = varied(tmp_path / "v.xlsx")
    target = tmp_path / "edited.xlsx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8")
                text = re.sub(r'(<c) r="A2"', r"\1", text)  # the first cell of a row: no reference
                text = re.sub(r"<(/?)(worksheet|sheetData|row|c|v|is|t)\b", r"<\1x:\2", text)
                text = text.replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
                                    'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"')
                data = text.encode("utf-8")
            zout.writestr(item, data)
    for reference, fast in both(target)[:1]:
        assert fast == reference
