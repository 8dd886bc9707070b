"""A scan of the files the test suite produced for full ID numbers and bank account
numbers where they must not be (PIPL art. 28): log files, crash reports, settings,
backup notes, command output saved to files, and public notices (公示) — PDFs and
spreadsheets whose text says 公示.

Where the full numbers belong, they are left alone: databases and their backups (and
SQLite's journal files), the clerks' own ledgers and exports (not 公示), bank files.
"""

from __future__ import annotations

import re
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"
# A number stands alone: not a run of digits inside a hex hash or an identifier.
_ID = re.compile(r"(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])")
_BANK = re.compile(r"(?<![0-9A-Za-z])[0-9]{16}(?:[0-9]{3})?(?![0-9A-Za-z])")  # 16- or 19-digit card numbers
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_DB_SIDE_FILES = ("-wal", "-shm", "-journal")


def valid_id(number: str) -> bool:
    body = number[:17]
    return "10X98765432"[sum(int(d) * w for d, w in zip(body, _WEIGHTS, strict=True)) % 11] == number[17].upper()


def findings(text: str) -> list[str]:
    found = [f"ID {m.group(0)[:6]}…" for m in _ID.finditer(text) if valid_id(m.group(0))]
    found += [f"bank …{m.group(0)[-4:]}" for m in _BANK.finditer(text)]
    return found


def _pdf_text(path: Path) -> str | None:
    """The text of every page, read in this process (pdfium: one child process per PDF cost
    more than the scan)."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError:
        return None  # not a PDF after all, or damaged on purpose
    texts = []
    try:
        for index in range(len(document)):
            texts.append(document[index].get_textpage().get_text_range())
    except pdfium.PdfiumError:
        pass  # a page damaged on purpose (a tampering test): what was read is scanned
    finally:
        document.close()
    return "\n".join(texts)


def _xlsx_text(path: Path) -> str | None:
    from suining_desk.exchange import xlsx_guard
    from suining_desk.exchange.fast_xlsx import fast_rows

    try:
        book = xlsx_guard.open_book(path)  # within the import limits: the suite's bombs are not read
    except Exception:  # noqa: BLE001 - not a workbook (or one built to be refused): nothing to scan
        return None
    parts = []
    try:
        for sheet in book.worksheets:
            parts.append(sheet.title)
            for _, row in fast_rows(sheet):
                parts.extend(str(v) for v in row if v is not None)
    except Exception:  # noqa: BLE001 - damaged part way (a test's damaged file): what was read is scanned
        pass
    finally:
        book.close()
    return "\n".join(parts)


def _xls_text(path: Path) -> str | None:
    from suining_desk.exchange.limits import TooLarge
    from suining_desk.exchange.xls import XlsUnreadable, open_xls

    try:
        with open_xls(path) as sheets:
            return "\n".join(str(v) for sheet in sheets for row in sheet.rows() for v in (sheet.title, *row)
                             if v is not None)
    except (XlsUnreadable, OSError, TooLarge):
        return None


def file_text(path: Path) -> str | None:
    """The text to scan, or None where full numbers may be."""
    name = path.name
    if name.endswith(_DB_SIDE_FILES) or ".restore" in name or path.suffix in (".sqlite3", ".sqlite", ".db"):
        return None  # database files, damaged ones too (a copy kept for whoever investigates)
    with path.open("rb") as fh:
        head = fh.read(16)
    if head == SQLITE_HEADER:
        return None
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        text = _pdf_text(path)
        return text if text and "公示" in text else None
    if suffix in (".xlsx", ".xlsm"):
        text = _xlsx_text(path)
        return text if text and "公示" in text else None
    if suffix in (".xls", ".et"):
        text = _xls_text(path)
        return text if text and "公示" in text else None
    if suffix in (".csv", ".txt") and "公示" not in name and "crash" not in name and "log" not in name:
        return None  # exports and bank files: the full numbers belong there
    if path.stat().st_size > 20_000_000:
        return None
    return path.read_bytes().decode("utf-8", errors="replace")


def scan(root: Path) -> list[tuple[Path, list[str]]]:
    found = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.is_symlink():
            continue
        try:
            text = file_text(path)
        except OSError:
            continue
        if text and (hits := findings(text)):
            found.append((path, hits[:3]))
    return found
