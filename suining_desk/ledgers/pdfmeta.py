"""The ledger's record in the PDF's document information, written and read back.

reportlab writes only the standard keys of the information dictionary, so the canvas gets
an information object that adds two more:

* ``/SuiningLedger``: the ASCII payload (base64 of compressed JSON, see
  :mod:`suining_desk.ledgers.stamp`): what the ledger was made from;
* ``/SuiningDrawn``: a SHA-256 of what the pages draw (every page's content and the forms
  it calls, decoded). It is written as a placeholder of the same length, then filled in
  once the file is complete (:func:`seal`), so nothing else in the file moves.

Both are read back only from the information dictionary the file's last trailer names
(:mod:`suining_desk.ledgers.pdfread`), as a PDF reader finds it. :func:`check_drawn` then
says whether the pages are the ones the record was written with: the code printed on every
page is the payload's, and (payload version 2 on) the pages still draw what they drew.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any, Final

from reportlab.pdfbase.pdfdoc import PDFDate, PDFDictionary, PDFInfo, PDFName, PDFString
from reportlab.pdfgen.canvas import Canvas

from suining_desk.ledgers.pdfread import PdfFile, PdfUnreadable, PdfValue, Ref, Stream, text_value

INFO_KEY: Final = "SuiningLedger"
DRAWN_KEY: Final = "SuiningDrawn"
_PLACEHOLDER: Final = "0" * 64
_SEALED = re.compile(rb"/" + DRAWN_KEY.encode() + rb"\s*\((0{64})\)")


class _LedgerInfo(PDFInfo):  # type: ignore[misc]
    """The standard entries reportlab writes, plus the ledger payload and the drawn digest."""

    payload = ""

    def format(self, document: Any) -> Any:
        entries = {
            "Title": PDFString(self.title),
            "Author": PDFString(self.author),
            "Subject": PDFString(self.subject),
            "Keywords": PDFString(self.keywords),
            "Creator": PDFString(self.creator),
            "Producer": PDFString(self.producer),
            "Trapped": PDFName(self.trapped),
            INFO_KEY: PDFString(self.payload),
            DRAWN_KEY: PDFString(_PLACEHOLDER),
        }
        entries["CreationDate"] = entries["ModDate"] = PDFDate(
            ts=document._timeStamp, dateFormatter=self._dateFormatter
        )
        return PDFDictionary(entries).format(document)


def attach_payload(canvas: Canvas, payload: str) -> None:
    """Store ``payload`` (ASCII, no parentheses or backslashes) in the file's information,
    with room for the drawn digest :func:`seal` fills in."""
    doc: Any = canvas._doc
    info = _LedgerInfo()
    info.__dict__.update(doc.info.__dict__)
    info.payload = payload
    doc.info = info


def drawn_digest(pdf: PdfFile, code: str = "") -> tuple[str, bool]:
    """SHA-256 over every page as a reader shows it — its content streams (decoded), its
    entries (boxes, rotation, annotations …) and everything its resources reach (the font,
    forms, pictures), each object once — and whether every page draws ``code`` (an ASCII
    run, as the ledger font writes ASCII) in its content or the forms it calls."""
    h = hashlib.sha256()
    needle = code.encode("ascii")
    every_page = True
    seen: set[int] = set()
    for number, page in enumerate(pdf.pages()):
        h.update(f"\x1epage {number}".encode())
        found = False
        for label, content in pdf.page_drawings(page):
            found = found or needle in content
            h.update(b"\x1f" + label.encode("latin-1") + b"\x1f" + hashlib.sha256(content).digest())
        every_page = every_page and found
        _walk(pdf, {k: v for k, v in page.items() if k not in ("Parent", "Contents")}, h, seen, 0)
    return h.hexdigest(), every_page


def _walk(pdf: PdfFile, value: PdfValue, h: Any, seen: set[int], depth: int) -> None:
    """Feed ``value`` and every object it refers to (once each) into ``h``."""
    if depth > 64:
        raise PdfUnreadable("objects nested too deep")
    if isinstance(value, Ref):
        h.update(b"R%d " % value.number)
        if value.number not in seen:
            seen.add(value.number)
            _walk(pdf, pdf.get(value.number), h, seen, depth + 1)
    elif isinstance(value, dict):
        h.update(b"<<")
        for key in sorted(value):
            h.update(b"/" + key.encode("latin-1") + b" ")
            _walk(pdf, value[key], h, seen, depth + 1)
        h.update(b">>")
    elif isinstance(value, list):
        h.update(b"[")
        for item in value:
            _walk(pdf, item, h, seen, depth + 1)
        h.update(b"]")
    elif isinstance(value, Stream):
        _walk(pdf, value.dictionary, h, seen, depth + 1)
        h.update(b"stream " + hashlib.sha256(value.raw).digest())
    else:
        h.update(repr(value).encode("utf-8") + b" ")


def _info_span(pdf: PdfFile) -> tuple[int, int]:
    ref = pdf.trailer.get("Info")
    if not isinstance(ref, Ref) or pdf.offsets.get(ref.number, -1) < 0:
        raise PdfUnreadable("no document information")
    start = pdf.offsets[ref.number]
    end = pdf.data.find(b"endobj", start)
    return start, end if end >= 0 else len(pdf.data)


def seal(data: bytes) -> bytes:
    """The finished file: the drawn digest written over its placeholder (same length)."""
    pdf = PdfFile(data)
    start, end = _info_span(pdf)
    m = _SEALED.search(data, start, end)
    if m is None:
        raise ValueError("no drawn-digest placeholder in the ledger's information")
    return data[:m.start(1)] + drawn_digest(pdf)[0].encode("ascii") + data[m.end(1):]


@dataclass(frozen=True)
class FileRecord:
    """What a ledger file's information dictionary holds, and the file to check it against."""

    payload: str
    drawn: str  # '' when the file has none (printed before drawn digests were written)
    pdf: PdfFile


def read_record(data: bytes) -> FileRecord | None:
    """The record stored by :func:`attach_payload` and :func:`seal`; None if the file has
    none; :class:`PdfUnreadable` if the file cannot be followed as a PDF."""
    try:
        pdf = PdfFile(data)
        info = pdf.info()
    except PdfUnreadable:
        raise
    except (ValueError, IndexError, RecursionError) as exc:  # damaged beyond what the reader names
        raise PdfUnreadable(str(exc)) from exc
    payload = text_value(info.get(INFO_KEY))
    if payload is None:
        return None
    drawn = text_value(info.get(DRAWN_KEY)) or ""
    return FileRecord(re.sub(r"\s", "", payload), drawn, pdf)


def read_payload(data: bytes) -> str | None:
    """The payload alone (tests and tools)."""
    record = read_record(data)
    return record.payload if record is not None else None


def check_drawn(record: FileRecord, code: str, *, require_digest: bool) -> bool:
    """Whether the pages are those the record was written with: every page prints ``code``
    and, when the file has a drawn digest (required from payload version 2), the pages
    still draw exactly what they drew when the file was made."""
    try:
        if not record.pdf.pages():
            return False
        digest, code_everywhere = drawn_digest(record.pdf, code)
    except (ValueError, IndexError, RecursionError):  # PdfUnreadable, or damaged beyond it
        return False
    if not code_everywhere:
        return False
    if record.drawn or require_digest:
        return record.drawn == digest
    return True
