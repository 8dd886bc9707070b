"""The ledger's record in the PDF's document information, written and read back.

reportlab writes only the standard keys of the information dictionary, so the canvas gets
an information object that adds one more, ``/SuiningLedger``, holding the ASCII payload
(base64 of compressed JSON, see :mod:`suining_desk.ledgers.stamp`). Reading needs no PDF
library: the information dictionary is never inside a compressed stream, so the key and
its base64 string are found in the file's bytes as they are.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Final

from reportlab.pdfbase.pdfdoc import PDFDate, PDFDictionary, PDFInfo, PDFName, PDFString
from reportlab.pdfgen.canvas import Canvas

INFO_KEY: Final = "SuiningLedger"
_FIND = re.compile(rb"/" + INFO_KEY.encode() + rb"\s*\(([A-Za-z0-9+/=\s\\]*)\)")


class _LedgerInfo(PDFInfo):  # type: ignore[misc]
    """The standard entries reportlab writes, plus the ledger payload."""

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
        }
        entries["CreationDate"] = entries["ModDate"] = PDFDate(
            ts=document._timeStamp, dateFormatter=self._dateFormatter
        )
        return PDFDictionary(entries).format(document)


def attach_payload(canvas: Canvas, payload: str) -> None:
    """Store ``payload`` (ASCII, no parentheses or backslashes) in the file's information."""
    doc: Any = canvas._doc
    info = _LedgerInfo()
    info.__dict__.update(doc.info.__dict__)
    info.payload = payload
    doc.info = info


def read_payload(data: bytes) -> str | None:
    """The payload stored by :func:`attach_payload`, or None if the file has none."""
    matches = _FIND.findall(data)
    if not matches:
        return None
    raw = matches[-1]  # an incremental update appends a newer information dictionary
    return re.sub(rb"\\\r?\n|\s", b"", raw).decode("ascii")


def read_payload_file(path: Path) -> str | None:
    return read_payload(path.read_bytes())
