"""Opening an .xlsx safely: checked before openpyxl reads anything, damage said as damage.

Before openpyxl is given the file, the zip itself is looked at (see :mod:`.limits`):

- how many parts and how large each says it is unpacked — the parts openpyxl reads whole
  (shared strings, styles, the workbook) at most ``MAX_PART_BYTES``, all together at most
  ``MAX_UNPACKED_BYTES``; a part cannot give more than it declares (Python's zip reader stops
  there and the check sum then fails), and the readers count what they get besides;
- each worksheet the workbook names is there (else the file is damaged, not "without a
  header"), and its rows and cells are counted in one quick pass over its XML, so a sheet
  of 1.5 million rows is refused in seconds, before any row is imported;
- the parts openpyxl parses whole have their elements counted first (:mod:`.xlsx_parts`:
  style records, defined names, sheets), so 20 KB of ``<xf/>`` never reach openpyxl;
- shared strings are counted (no more than the sheets have cells, with a spare) and each
  is no longer than a cell may be, as they stream by, never held.

What openpyxl or the zip reader then raise on a damaged file becomes the Chinese
"not a valid .xlsx" problem; :class:`~.limits.TooLarge` carries what was too large.
"""

from __future__ import annotations

import posixpath
import re
import warnings
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any
from xml.etree import ElementTree
from xml.parsers import expat

from suining_desk.domain.problems import Problem
from suining_desk.exchange import limits
from suining_desk.exchange.xlsx_parts import check_part, part_too_big

BLOCK = 1 << 20
_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s/>]")
_CELL_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
_ROOT = re.compile(rb"<([A-Za-z_][\w.-]*:)?worksheet[\s>]")
_SHEET_TYPE = "/worksheet"
_SHARED_TYPE = "/sharedStrings"
_STYLES_TYPE = "/styles"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


class Damaged(Exception):  # noqa: N818 - a refusal, not a bug
    """The file is a zip, but not a whole workbook; ``sheet`` names a missing worksheet."""

    def __init__(self, sheet: str = "") -> None:
        super().__init__(sheet)
        self.sheet = sheet


def _read_small(archive: zipfile.ZipFile, name: str, kind: str = "") -> bytes:
    """A part parsed whole: counted first (:func:`.xlsx_parts.check_part`)."""
    check_part(archive, name, kind)
    return archive.read(name)


def _resolve(base: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), target))


def _relations(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """``rId`` → (type, part name) of a part's relationships."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    if rels not in archive.NameToInfo:
        return {}
    found = {}
    for rel in ElementTree.fromstring(_read_small(archive, rels)):
        if rel.get("TargetMode") == "External":
            continue
        found[rel.get("Id", "")] = (rel.get("Type", ""), _resolve(part, rel.get("Target", "")))
    return found


def workbook_parts(archive: zipfile.ZipFile) -> tuple[list[tuple[str, str]], str | None, str | None]:
    """The worksheets as (name, part) in the workbook's order, the shared strings part and the
    styles part."""
    top = _relations(archive, "")
    book = next((p for t, p in top.values() if t.endswith("/officeDocument")), "xl/workbook.xml")
    if book not in archive.NameToInfo:
        raise Damaged()
    rels = _relations(archive, book)
    sheets = []
    for element in ElementTree.fromstring(_read_small(archive, book, "workbook")).iter():
        if element.tag.rpartition("}")[2] != "sheet":
            continue
        kind, part = rels.get(element.get(_REL_NS, ""), ("", ""))
        if not kind.endswith(_SHEET_TYPE):
            continue  # a chart sheet
        name = element.get("name", "")
        if part not in archive.NameToInfo:
            raise Damaged(name)
        sheets.append((name, part))
    shared = next((p for t, p in rels.values() if t.endswith(_SHARED_TYPE) and p in archive.NameToInfo), None)
    styles = next((p for t, p in rels.values() if t.endswith(_STYLES_TYPE) and p in archive.NameToInfo), None)
    return sheets, shared, styles


def count_rows(stream: IO[bytes], stop_above: int) -> int:
    return count_rows_and_cells(stream, stop_above)[0]


def count_rows_and_cells(stream: IO[bytes], stop_above: int) -> tuple[int, int]:
    """Rows and cells in a worksheet's XML, read a block at a time; stops once ``stop_above``
    rows are passed. Plain ``<row`` and ``<c`` tags are counted with ``bytes.count`` (600 MB
    in about a second); a sheet written with prefixed tags (``<x:row>``) with a regular expression."""
    rows, cells, tail, prefixed = 0, 0, b"", None
    while block := stream.read(BLOCK):
        chunk = tail + block
        if prefixed is None and (root := _ROOT.search(chunk)):
            prefixed = root.group(1) is not None
        cut = max(len(chunk) - 64, 0)  # a tag cut in two by the block's end is counted with the next
        rows += _count(chunk, cut, prefixed is not False, _ROW_TAG, _ROW_TAGS)  # a pattern until the root is seen
        cells += _count(chunk, cut, prefixed is not False, _CELL_TAG, _CELL_TAGS)
        tail = chunk[cut:]
        if rows > stop_above:
            return rows, cells
    return (rows + _count(tail, len(tail), prefixed is not False, _ROW_TAG, _ROW_TAGS),
            cells + _count(tail, len(tail), prefixed is not False, _CELL_TAG, _CELL_TAGS))


_ROW_TAGS = (b"<row ", b"<row>", b"<row/")
_CELL_TAGS = (b"<c ", b"<c>", b"<c/")


def _count(chunk: bytes, cut: int, prefixed: bool, pattern: re.Pattern[bytes], tags: tuple[bytes, ...]) -> int:
    if prefixed:
        return sum(1 for m in pattern.finditer(chunk) if m.start() < cut)
    return sum(chunk.count(tag, 0, cut + len(tag) - 1) for tag in tags)


def check_shared_strings(stream: IO[bytes], part: str, cells: int | None = None) -> None:
    """No shared string is longer than a cell may be; there are at most ``MAX_SHARED_STRINGS``,
    and no more than the sheets' ``cells`` (and a spare: a program may keep unused ones) —
    25 million empty ``<si/>`` in 184 KB beside one cell took openpyxl 231 s and 2.4 GB."""
    state = {"length": 0, "count": 0, "depth": 0, "phonetic": 0}
    beyond = cells + limits.SHARED_STRINGS_SPARE if cells is not None else None

    def start(name: str, _attrs: Any) -> None:
        tag = name.rpartition("}")[2]
        if tag == "si":
            state["length"] = 0
            state["count"] += 1
            if state["count"] > limits.MAX_SHARED_STRINGS:
                raise limits.TooLarge("file_too_many_texts", max=f"{limits.MAX_SHARED_STRINGS:,}")
            if beyond is not None and state["count"] > beyond:
                raise limits.TooLarge("file_texts_beyond_cells", max=f"{beyond:,}")
        elif tag == "t":
            state["depth"] += 1
        elif tag == "rPh":
            state["phonetic"] += 1

    def end(name: str) -> None:
        tag = name.rpartition("}")[2]
        if tag == "t":
            state["depth"] -= 1
        elif tag == "rPh":
            state["phonetic"] -= 1

    def chars(data: str) -> None:
        if state["depth"] and not state["phonetic"]:
            state["length"] += len(data)
            if state["length"] > limits.MAX_CELL_CHARS:
                raise limits.TooLarge("file_shared_text_too_long", max=f"{limits.MAX_CELL_CHARS:,}")

    _stream_xml(stream, start, end, chars, lambda: (state["count"], state["length"]), part)


def _stream_xml(stream: IO[bytes], start: Callable[[str, Any], None], end: Callable[[str], None],
                chars: Callable[[str], None], progress: Callable[[], object], part: str) -> None:
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    quiet, seen = 0, progress()
    while block := stream.read(BLOCK):
        parser.Parse(block, False)
        now = progress()
        quiet = 0 if now != seen else quiet + len(block)
        seen = now
        if quiet > limits.MAX_QUIET_BYTES:
            raise limits.TooLarge("file_xml_quiet", part=part, max=limits.size_text(limits.MAX_QUIET_BYTES))
    parser.Parse(b"", True)


def check_archive(archive: zipfile.ZipFile) -> list[tuple[str, int]]:
    """Everything checked before openpyxl opens the file; the worksheets' names and rows."""
    infos = archive.infolist()
    if len(infos) > limits.MAX_PARTS:
        raise limits.TooLarge("file_too_many_parts", count=f"{len(infos):,}", max=f"{limits.MAX_PARTS:,}")
    total = sum(i.file_size for i in infos)
    if total > limits.MAX_UNPACKED_BYTES:
        raise limits.TooLarge("file_unpacked_too_big_declared", size=limits.size_text(total),
                              max=limits.size_text(limits.MAX_UNPACKED_BYTES))
    sheets, shared, styles = workbook_parts(archive)
    if len(sheets) > limits.MAX_SHEETS:
        raise limits.TooLarge("file_too_many_sheets", max=f"{limits.MAX_SHEETS:,}")
    sheet_parts = {part for _, part in sheets}
    whole = [i for i in infos if i.filename not in sheet_parts and i.filename.endswith((".xml", ".rels", ".vml"))]
    for info in whole:  # what openpyxl reads whole: every XML part but the worksheets
        if info.file_size > limits.MAX_PART_BYTES:
            raise part_too_big(info)
    for info in whole:  # then their elements counted, before openpyxl parses any
        if info.filename != shared:
            check_part(archive, info.filename, "styles" if info.filename == styles else "")
    found, cells = [], 0
    for name, part in sheets:
        with archive.open(part) as stream:
            rows, in_sheet = count_rows_and_cells(stream, limits.MAX_ROWS)
        if rows > limits.MAX_ROWS:
            raise limits.TooLarge("file_sheet_too_many_rows", sheet=name, max=f"{limits.MAX_ROWS:,}")
        found.append((name, rows))
        cells += in_sheet
    if shared is not None:
        with archive.open(shared) as stream:
            check_shared_strings(stream, shared, cells)
    return found


class NotXlsx(Exception):  # noqa: N818 - a refusal, not a bug
    """Not a workbook openpyxl can open (damaged, encrypted, another format renamed)."""


# What a damaged file raises inside the zip reader, expat, ElementTree or openpyxl's descriptors.
DAMAGE: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, expat.ExpatError, ElementTree.ParseError,
    KeyError, IndexError, ValueError, TypeError, AttributeError, OverflowError, NotImplementedError,
)


def open_book(path: Path | str) -> Any:
    """openpyxl's read-only workbook of ``path``, once :func:`check_archive` passed.

    Raises :class:`~.limits.TooLarge`, :class:`Damaged`, :class:`NotXlsx` or ``PermissionError``
    (Windows: open in Excel); :func:`problem_of` says any of them in Chinese."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        if not zipfile.is_zipfile(path):
            raise NotXlsx()
        with zipfile.ZipFile(path) as archive:
            check_archive(archive)
        with warnings.catch_warnings():  # "no default style", "unknown extension": not for the clerk's console
            warnings.simplefilter("ignore")
            return load_workbook(path, read_only=True, data_only=True)
    except (limits.TooLarge, Damaged, NotXlsx, PermissionError):
        raise
    except MemoryError as exc:
        raise limits.TooLarge("file_out_of_memory") from exc
    except (OSError, zlib.error, InvalidFileException) as exc:
        raise NotXlsx() from exc
    except DAMAGE as exc:
        raise NotXlsx() from exc


def problem_of(exc: BaseException, path: Path | str) -> Problem:
    """The Chinese problem for what :func:`open_book` raised."""
    if isinstance(exc, limits.TooLarge):
        return exc.problem(path)
    if isinstance(exc, Damaged) and exc.sheet:
        return Problem("file_sheet_missing", {"path": str(path), "sheet": exc.sheet})
    if isinstance(exc, PermissionError):
        return Problem("file_in_use", {"path": str(path)})
    return Problem("file_not_xlsx", {"path": str(path)})
