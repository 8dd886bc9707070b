"""The parts of an .xlsx that openpyxl parses whole — the workbook, its styles, the
relationships and the like — counted before anything parses them.

A limit in bytes does not bound them: 20 KB on disk unpack to 2.5 million ``<xf/>`` style
records (12 MB of XML, under every byte limit), which openpyxl turned into 1.6 GB and a
minute; 300,000 defined names in the workbook took a tree of as many elements. So each such
part is streamed once through expat (nothing kept) and its elements counted: all of them
(``MAX_PART_ELEMENTS``), and in the workbook its sheets and defined names, in the styles its
records (cell formats, fonts, fills, borders, number formats …), each against its own limit
in :mod:`.limits`. Only a part that passes is parsed.
"""

from __future__ import annotations

import zipfile
from typing import Any
from xml.parsers import expat

from suining_desk.exchange import limits

BLOCK = 1 << 20
STYLE_RECORDS = frozenset({"xf", "font", "fill", "border", "numFmt", "dxf", "cellStyle", "tableStyle"})


def part_too_big(info: zipfile.ZipInfo) -> limits.TooLarge:
    return limits.TooLarge("file_part_too_big", part=info.filename, size=limits.size_text(info.file_size),
                           max=limits.size_text(limits.MAX_PART_BYTES))


def check_part(archive: zipfile.ZipFile, part: str, kind: str = "") -> None:
    """``part`` (read whole by openpyxl) is small enough and holds few enough elements;
    ``kind`` ``workbook`` or ``styles`` counts their records as well."""
    info = archive.getinfo(part)
    if info.file_size > limits.MAX_PART_BYTES:
        raise part_too_big(info)
    counts = {"elements": 0, "sheet": 0, "definedName": 0, "styles": 0}
    caps = {"sheet": ("file_too_many_sheets", limits.MAX_SHEETS),
            "definedName": ("file_too_many_names", limits.MAX_DEFINED_NAMES)}

    def start(name: str, _attrs: Any) -> None:
        counts["elements"] += 1
        if counts["elements"] > limits.MAX_PART_ELEMENTS:
            raise limits.TooLarge("file_part_too_many_elements", part=part, max=f"{limits.MAX_PART_ELEMENTS:,}")
        tag = name.rpartition("}")[2]
        if kind == "workbook" and tag in caps:
            counts[tag] += 1
            code, cap = caps[tag]
            if counts[tag] > cap:
                raise limits.TooLarge(code, max=f"{cap:,}")
        elif kind == "styles" and tag in STYLE_RECORDS:
            counts["styles"] += 1
            if counts["styles"] > limits.MAX_STYLE_RECORDS:
                raise limits.TooLarge("file_too_many_styles", max=f"{limits.MAX_STYLE_RECORDS:,}")

    parser = expat.ParserCreate(namespace_separator="}")
    parser.StartElementHandler = start
    with archive.open(part) as stream:
        while block := stream.read(BLOCK):
            parser.Parse(block, False)
    parser.Parse(b"", True)
