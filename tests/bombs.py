"""Decompression bombs for the tests, built small and quickly.

:func:`xlsx_with_sheet` takes an ordinary register workbook and replaces its sheet's XML
(and, if given, its shared strings) with generated content. :func:`huge_zip` writes an
xlsx whose sheet unpacks to gigabytes of rows from a couple of megabytes on disk, without
ever holding or compressing them: one block is deflated once with a full flush (which
resets the compressor, so its output can be repeated as it is), and the zip's headers are
written by hand — declaring the true size, or a lie.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path

from tests import exchange_sheets as sheets

SHEET = "xl/worksheets/sheet1.xml"
HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
TAIL = "</sheetData></worksheet>"
LABELS = ("户编号", "姓名", "证件号码", "与户主关系", "乡镇", "行政村", "村民小组")
HEADER_ROW = '<row r="1">' + "".join(
    f'<c r="{col}1" t="inlineStr"><is><t>{label}</t></is></c>' for col, label in zip("ABCDEFG", LABELS, strict=True)
) + "</row>"


def person_row(number: int) -> str:
    return (f'<row r="{number}"><c r="A{number}" t="inlineStr"><is><t>H{number}</t></is></c>'
            f'<c r="B{number}" t="inlineStr"><is><t>吴长寿</t></is></c></row>')


def xlsx_with_sheet(path: Path, body: Iterable[str], *, shared: str | None = None) -> Path:
    """A register workbook whose first sheet holds the header row and then ``body``."""
    source = sheets.register_sheet(path.with_name(path.stem + "-source.xlsx"), [])
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename == SHEET:
                with zout.open(SHEET, "w") as out:
                    out.write((HEAD + HEADER_ROW).encode())
                    for piece in body:
                        out.write(piece.encode())
                    out.write(TAIL.encode())
            else:
                zout.writestr(item, zin.read(item.filename))
        if shared is not None:
            zout.writestr("xl/sharedStrings.xml", shared)
    source.unlink()
    if shared is not None:  # the workbook must name its shared strings
        _add_shared_strings_relation(path)
    return path


def _add_shared_strings_relation(path: Path) -> None:
    rels = "xl/_rels/workbook.xml.rels"
    types = "[Content_Types].xml"
    temp = path.with_name(path.name + ".tmp")
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == rels and b"sharedStrings" not in data:
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdS" Type="http://schemas.openxml'
                                    b'formats.org/officeDocument/2006/relationships/sharedStrings" '
                                    b'Target="sharedStrings.xml"/></Relationships>')
            if item.filename == types and b"sharedStrings" not in data:
                data = data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="appl'
                                    b'ication/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                                    b"</Types>")
            zout.writestr(item, data)
    temp.replace(path)


def huge_zip(path: Path, *, rows: int, declared: int | None = None, check: bool = False) -> int:
    """An xlsx whose sheet is the header and ``rows`` person rows (whole blocks of 4,000);
    its headers declare ``declared`` bytes (default: the truth), and with ``check`` the
    sheet's true CRC-32 (else 0: a reader that gets to the end finds the file damaged).
    Returns the true size."""
    base = xlsx_with_sheet(path.with_name(path.stem + "-base.xlsx"), [person_row(2)])
    block = "".join(person_row(2) for _ in range(4000)).encode()  # ~0.5 MB of rows
    repeats = max(1, rows // 4000)
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = squeeze.compress((HEAD + HEADER_ROW).encode()) + squeeze.flush(zlib.Z_FULL_FLUSH)
    middle = squeeze.compress(block) + squeeze.flush(zlib.Z_FULL_FLUSH)
    end = squeeze.compress(TAIL.encode()) + squeeze.flush()
    size = len((HEAD + HEADER_ROW).encode()) + len(block) * repeats + len(TAIL.encode())
    compressed = len(start) + len(middle) * repeats + len(end)
    stated = size if declared is None else declared
    sheet_crc = 0
    if check:
        sheet_crc = zlib.crc32((HEAD + HEADER_ROW).encode())
        for _ in range(repeats):
            sheet_crc = zlib.crc32(block, sheet_crc)
        sheet_crc = zlib.crc32(TAIL.encode(), sheet_crc)
    with zipfile.ZipFile(base) as zin, path.open("wb") as out:
        central = []
        for item in zin.infolist():
            offset = out.tell()
            name = item.filename.encode()
            if item.filename == SHEET:
                head = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, sheet_crc, compressed, stated,
                                   len(name), 0)
                out.write(head + name + start)
                for _ in range(repeats):
                    out.write(middle)
                out.write(end)
                central.append((name, 8, sheet_crc, compressed, stated, offset))
            else:
                data = zin.read(item.filename)
                crc = zlib.crc32(data)
                head = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 0, 0, 0, crc, len(data), len(data), len(name), 0)
                out.write(head + name + data)
                central.append((name, 0, crc, len(data), len(data), offset))
        directory = out.tell()
        for name, method, crc, csize, usize, offset in central:
            out.write(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, method, 0, 0, crc, csize, usize,
                                  len(name), 0, 0, 0, 0, 0, offset) + name)
        length = out.tell() - directory
        out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(central), len(central), length, directory, 0))
    base.unlink()
    return size
