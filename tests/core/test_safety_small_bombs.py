"""Small files under every stated limit that still took gigabytes or minutes (the outside
tester's second round): a 20 KB styles part of 2.5 million ``<xf/>`` (63 s, 1.6 GB, also
through ``batch import-bank``), 25 million empty shared strings in 184 KB (231 s, 2.4 GB),
an 18 KB .xls of 32 sheets each holding one cell at the last row and column (41 s, 5.2 GB),
a web page of ``<table>`` eight million times (99 s, 2.4 GB). Each is refused early now —
counted, not measured in bytes — with the limits lowered where a test would otherwise be
large, and one real case each in its own process whose time and peak memory are measured.
"""

from __future__ import annotations

import subprocess
import sys
import time
import warnings
import zipfile
from pathlib import Path

import pytest

from suining_desk.domain.messages import describe
from suining_desk.domain.problems import Problem
from suining_desk.exchange import html_table, limits
from suining_desk.exchange.reader import FileUnreadable, open_rows
from suining_desk.exchange.register_layout import REGISTER
from tests import bombs
from tests.core.test_safety_bombs import ROOT, SCRIPT

SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _replace_part(path: Path, part: str, data: bytes) -> Path:
    """A register workbook (header and one person) with ``part`` replaced by ``data``."""
    base = bombs.xlsx_with_sheet(path.with_name(path.stem + "-base.xlsx"), [bombs.person_row(2)])
    with zipfile.ZipFile(base) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, data if item.filename == part else zin.read(item.filename))
    base.unlink()
    return path


def _styles(path: Path, records: int) -> Path:
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{SML}"><cellXfs count="{records}">'.encode()
           + b"<xf/>" * records + b"</cellXfs></styleSheet>")
    return _replace_part(path, "xl/styles.xml", xml)


def _names(path: Path, names: int) -> Path:
    base = bombs.xlsx_with_sheet(path.with_name(path.stem + "-base.xlsx"), [bombs.person_row(2)])
    with zipfile.ZipFile(base) as zin:
        book = zin.read("xl/workbook.xml")
    base.unlink()
    defined = b"".join(b'<definedName name="n%d">Sheet!$A$1</definedName>' % i for i in range(names))
    return _replace_part(path, "xl/workbook.xml", book.replace(b"</sheets>", b"</sheets><definedNames>" + defined
                                                                + b"</definedNames>"))


def _shared(path: Path, strings: int, cells: int = 1) -> Path:
    sst = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{SML}">' + "<si/>" * strings + "</sst>"
    body = (f'<row r="{n}"><c r="A{n}" t="s"><v>0</v></c></row>' for n in range(2, cells + 2))
    return bombs.xlsx_with_sheet(path, body, shared=sst)


def _refused(source: Path) -> Problem:
    try:
        with pytest.raises(FileUnreadable) as caught:
            with open_rows(source, REGISTER) as rows:
                for _ in rows.rows:
                    pass
    finally:
        source.unlink()
    [problem] = caught.value.problems
    return problem


def _in_a_process(source: Path, script: str = SCRIPT) -> tuple[str, float, int]:
    """(message, seconds, peak MB) of refusing ``source`` in a fresh process; the file is removed."""
    try:
        started = time.monotonic()
        child = subprocess.run([sys.executable, "-c", script, str(source)], cwd=ROOT, capture_output=True,
                               text=True, timeout=300)
        seconds = time.monotonic() - started
    finally:
        source.unlink(missing_ok=True)
    assert child.returncode == 2, (child.stdout, child.stderr)
    assert "Warning" not in child.stderr and "Traceback" not in child.stderr, child.stderr
    message, peak = child.stdout.splitlines()
    return message, seconds, int(peak)


# --- style records, defined names, sheets, elements: counted before openpyxl parses a part ---

def test_style_records_are_counted_before_openpyxl_reads_them(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import openpyxl.reader.excel

    parsed: list[object] = []
    monkeypatch.setattr(openpyxl.reader.excel, "apply_stylesheet", lambda *a: parsed.append(a))
    monkeypatch.setattr(limits, "MAX_STYLE_RECORDS", 1_000)
    problem = _refused(_styles(tmp_path / "styles.xlsx", 5_000))
    assert problem.code == "file_too_many_styles" and parsed == []
    assert "单元格格式超过1,000种" in describe(problem)
    with open_rows(_styles(tmp_path / "fine.xlsx", 900), REGISTER) as rows:  # under the limit: read
        assert [number for number, _ in rows.rows] == [2]


def test_a_real_styles_bomb_is_refused_at_once(tmp_path: Path) -> None:
    source = _styles(tmp_path / "styles.xlsx", 2_500_000)
    assert source.stat().st_size < 40_000  # the tester's: 20 KB, 63 s and 1.6 GB before
    message, seconds, peak = _in_a_process(source)
    assert "单元格格式超过100,000种" in message
    assert seconds < 20 and peak < 200, (seconds, peak)


def test_a_styles_bomb_as_a_bank_return_file_is_refused(tmp_path: Path) -> None:
    from suining_desk.exchange.bank_profiles import get_profile
    from suining_desk.exchange.bank_return import read_return
    from suining_desk.exchange.bank_sheets import BankFileUnusable

    source = _styles(tmp_path / "回盘.xlsx", 2_500_000)
    started = time.monotonic()
    with pytest.raises(BankFileUnusable) as caught:
        read_return(source, get_profile("standard"))
    assert caught.value.problems[0].code == "file_too_many_styles"
    assert time.monotonic() - started < 10


def test_defined_names_sheets_and_elements_are_counted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_DEFINED_NAMES", 100)
    assert _refused(_names(tmp_path / "names.xlsx", 1_000)).code == "file_too_many_names"
    with open_rows(_names(tmp_path / "fine.xlsx", 50), REGISTER) as rows:
        assert [number for number, _ in rows.rows] == [2]
    monkeypatch.setattr(limits, "MAX_PART_ELEMENTS", 2_000)
    problem = _refused(_styles(tmp_path / "elements.xlsx", 5_000))  # under the style limit, not the elements'
    assert problem.code == "file_part_too_many_elements" and problem.params["part"] == "xl/styles.xml"
    monkeypatch.setattr(limits, "MAX_SHEETS", 0)
    assert _refused(bombs.xlsx_with_sheet(tmp_path / "sheets.xlsx", [])).code == "file_too_many_sheets"


def test_a_real_defined_names_bomb_is_refused_at_once(tmp_path: Path) -> None:
    source = _names(tmp_path / "names.xlsx", 300_000)
    message, seconds, peak = _in_a_process(source)
    assert "定义的名称超过65,536个" in message
    assert seconds < 20 and peak < 200, (seconds, peak)


# --- shared strings: counted, and no more than the sheets' cells ---

def test_shared_strings_are_counted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "SHARED_STRINGS_SPARE", 10)
    problem = _refused(_shared(tmp_path / "beyond.xlsx", 1_000, cells=20))
    assert problem.code == "file_texts_beyond_cells"  # 1,000 texts for 27 cells (7 of the header)
    assert describe(problem).endswith("中的文字超过37段，比各工作表的单元格还多：文件已损坏或不是正常的表格，未导入")
    with open_rows(_shared(tmp_path / "fine.xlsx", 25, cells=20), REGISTER) as rows:
        assert len(list(rows.rows)) == 20
    monkeypatch.setattr(limits, "MAX_SHARED_STRINGS", 500)
    problem = _refused(_shared(tmp_path / "many.xlsx", 1_000, cells=2_000))
    assert problem.code == "file_too_many_texts" and problem.params["max"] == "500"


def test_a_real_shared_strings_bomb_is_refused_at_once(tmp_path: Path) -> None:
    source = _shared(tmp_path / "shared.xlsx", 25_000_000)
    assert source.stat().st_size < 300_000  # the tester's: 184 KB, 231 s and 2.4 GB before
    message, seconds, peak = _in_a_process(source)
    assert "中的文字超过100,008段，比各工作表的单元格还多" in message
    assert seconds < 20 and peak < 200, (seconds, peak)


def test_the_quick_count_finds_plain_and_prefixed_cells() -> None:
    import io

    from suining_desk.exchange.xlsx_guard import count_rows_and_cells

    body = "".join(bombs.person_row(n) for n in range(2, 300))
    plain = (bombs.HEAD + bombs.HEADER_ROW + body + "<cols><col/></cols>" + bombs.TAIL).encode()
    prefixed = plain.replace(b"<worksheet", b"<x:worksheet").replace(b"<row", b"<x:row").replace(b"<c ", b"<x:c ")
    for xml in (plain, prefixed):
        assert count_rows_and_cells(io.BytesIO(xml), 10_000) == (299, 7 + 298 * 2)


def test_openpyxl_warnings_never_reach_the_console(tmp_path: Path) -> None:
    """A workbook with no default style made openpyxl print a UserWarning on the clerk's console."""
    xml = f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{SML}"></styleSheet>'.encode()
    source = _replace_part(tmp_path / "nostyle.xlsx", "xl/styles.xml", xml)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with open_rows(source, REGISTER) as rows:
            assert [number for number, _ in rows.rows] == [2]
    assert [str(w.message) for w in caught] == []


# --- old .xls: one sheet at a time, rows as long as their cells ---

def _far_cells_xls(path: Path, sheets: int) -> Path:
    import xlwt  # type: ignore[import-untyped]

    book = xlwt.Workbook()
    for n in range(sheets):
        book.add_sheet(f"表{n + 1}").write(65535, 255, "x")
    book.save(str(path))
    return path


def test_a_real_xls_of_far_cells_is_read_one_sheet_at_a_time(tmp_path: Path) -> None:
    source = _far_cells_xls(tmp_path / "far.xls", 32)
    assert source.stat().st_size < 40_000  # the tester's: 18 KB, 41 s and 5.2 GB before
    message, seconds, peak = _in_a_process(source)
    assert "找不到建档立卡户花名册的表头" in message
    assert seconds < 30 and peak < 300, (seconds, peak)


def test_only_the_sheets_looked_at_are_loaded_and_each_is_unloaded(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import xlrd

    from suining_desk.exchange.xls import open_xls
    from tests import exchange_sheets as sheets

    source = sheets.register_sheet(tmp_path / "r.xlsx", [["H1", "吴长寿", "", "户主", "长铺镇", "青石村", "二组"]])
    xls = sheets.as_xls(source, tmp_path / "r.xls")
    loaded: list[int] = []
    original = xlrd.book.Book.get_sheet
    monkeypatch.setattr(xlrd.book.Book, "get_sheet",
                        lambda self, n, *a, **k: loaded.append(n) or original(self, n, *a, **k))
    with open_rows(xls, REGISTER) as rows:
        assert len(list(rows.rows)) == 1
    assert loaded == [0]
    far = _far_cells_xls(tmp_path / "far.xls", 3)
    with open_xls(far) as book:
        for sheet in book.sheets:
            for _ in sheet.rows():
                pass
        assert [book._book.sheet_loaded(n) for n in range(3)] == [False] * 3  # noqa: SLF001


def test_an_xls_sheet_beyond_the_cell_limit_is_refused_before_its_first_row(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("表")
    for r in range(300):
        for c in range(10):
            sheet.write(r, c, r * c)
    path = tmp_path / "many.xls"
    book.save(str(path))
    monkeypatch.setattr(limits, "MAX_CELLS", 2_000)
    from suining_desk.exchange.xls import open_xls

    with open_xls(path) as opened, pytest.raises(limits.TooLarge) as caught:
        next(opened.sheets[0].rows())
    assert caught.value.code == "file_too_many_cells"


# --- web pages saved as .xls: tables counted, nesting bounded ---

def test_a_page_of_open_tables_is_refused_at_once(tmp_path: Path) -> None:
    page = tmp_path / "tables.xls"
    page.write_bytes(b"<html><body>" + b"<table>" * 1_000_000)  # the tester's had 8 million: 99 s, 2.4 GB
    started = time.monotonic()
    problem = _refused(page)
    assert problem.code == "file_html_too_many_tables" and time.monotonic() - started < 10
    assert "表格套表格超过32层" in describe(problem)


def test_a_page_of_too_many_tables_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_table, "MAX_TABLES", 100)
    page = tmp_path / "tables.xls"
    page.write_bytes(b"<html><body>" + b"<table><tr><td>x</td></tr></table>" * 500)
    assert _refused(page).code == "file_html_too_many_tables"
    labels = "".join(f"<th>{h}</th>" for h in bombs.LABELS)
    nested = f"<html><table><tr><td><table><tr>{labels}</tr><tr><td>H1</td></tr></table></td></tr></table></html>"
    page.write_text(nested, encoding="utf-8")
    with open_rows(page, REGISTER) as rows:  # an export's few nested tables still read
        assert len(list(rows.rows)) == 1
