"""``verify``: does a ledger file still match the database, and if not, what differs?

The file's payload says what the ledger was made from; the same spec is run again and the
two fingerprints are compared: rows, totals, records added or removed, pages (or, in a
sectioned ledger, sections) whose printed content changed, changes logged after printing.

First, though, the file is checked against itself: the payload is read only from the
document information the PDF's trailer names, and the pages must be those it was written
with (the code on every page, and the digest of what they draw). A file whose pages were
edited, or that carries another ledger's payload, is reported as altered and not compared.

The payload's audit sequence (the latest logged change among the records shown) is also a
head the database must still reach: if its log now ends before it, the database was rolled
back to an older copy, and verify says so first.

A ledger printed in an earlier form (before funds, counts and signature lines were added:
its spec has no ``form`` 2) cannot be drawn again as it was, so its printed content is
not compared: its records, its money total and the audit log are, and the report says
that the form has changed since (:data:`OLD_FORM_NOTE`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Final

from suining_desk.db.models import database
from suining_desk.domain.money import fen_to_yuan_str
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.ledgers.kinds import get_kind
from suining_desk.ledgers.pdfmeta import FileRecord, check_drawn, read_record
from suining_desk.ledgers.pdfread import PdfUnreadable
from suining_desk.ledgers.service import latest_change_seq, prepare
from suining_desk.ledgers.spec import FORM
from suining_desk.ledgers.stamp import Fingerprint, Recorded, decode_payload

LISTED: Final = 20  # records named one by one; more are counted


OLD_FORM_NOTE: Final = "verify_old_form"
FORM_2_REFS: Final = frozenset({"program", "allocation"})  # what form 2 shows that form 1 did not


@dataclass(frozen=True)
class VerifyReport:
    recorded: Recorded
    current_code: str
    current: Fingerprint | None  # None when the ledger cannot be made again
    differences: list[Problem]
    notes: tuple[Problem, ...] = ()  # said beside the result, never a difference (an older form)

    @property
    def ok(self) -> bool:
        return not self.differences


def _read_record(path: Path) -> FileRecord:
    if path.is_dir():
        raise InvalidInput([Problem("ledger_file_is_folder", {"path": str(path)})])
    if not path.is_file():
        raise InvalidInput([Problem("ledger_file_missing", {"path": str(path)})])
    data = path.read_bytes()
    try:
        record = read_record(data)
    except PdfUnreadable as exc:
        # Our key in a file that cannot be followed: a ledger rewritten by other means.
        raise InvalidInput([Problem(_unreadable(data), {"path": str(path)})]) from exc
    if record is None:
        raise InvalidInput([Problem(_unreadable(data), {"path": str(path)})])
    return record


# Every ledger starts so (reportlab's first lines): a file cut short keeps at least this.
LEDGER_START: Final = re.compile(rb"%PDF-1\.\d\n%[\x80-\xff]{4} ReportLab Generated PDF document")


def _unreadable(data: bytes) -> str:
    """Why a file gives no record: one of our ledgers cut short (an interrupted copy or
    download: it starts as every ledger does, but has no end-of-file mark) is damaged; one
    that has our key but cannot be followed was rewritten by other means; anything else —
    a text file that merely starts with ``%PDF`` too — is not a ledger of ours (exit 2)."""
    if LEDGER_START.match(data) and b"%%EOF" not in data[-1024:]:
        return "ledger_file_damaged"
    return "verify_file_altered" if b"/SuiningLedger" in data else "ledger_not_ledger"


def _decode(record: FileRecord, path: Path) -> Recorded:
    try:
        return decode_payload(record.payload)
    except ValueError as exc:
        raise InvalidInput([Problem("ledger_not_ledger", {"path": str(path)})]) from exc


def read_ledger(path: Path) -> Recorded:
    """The record stored in a ledger file; :class:`InvalidInput` if it is not one."""
    path = Path(path)
    return _decode(_read_record(path), path)


def _listed(kind_name: str, ids: Sequence[int]) -> str:
    lines = get_kind(kind_name).describe(list(ids[:LISTED]))
    more = f"；等共{len(ids)}条" if len(ids) > LISTED else ""
    return "；".join(lines) + more


FILE_PROBLEMS: Final = frozenset({"verify_file_altered", "verify_payload_damaged", "ledger_file_damaged"})
"""What is wrong with the file itself: it was not compared with the database."""


def compare_data(recorded: Recorded, current: Fingerprint) -> list[Problem]:
    """An older form's ledger: its records, money total and logged changes only."""
    old, kind = recorded.fingerprint, recorded.spec.kind
    found: list[Problem] = []
    if old.total_fen != current.total_fen:
        found.append(Problem("verify_total", {"recorded": fen_to_yuan_str(old.total_fen),
                                              "current": fen_to_yuan_str(current.total_fen)}))
    before, after = set(old.source_ids), set(current.source_ids)
    if added := sorted(after - before):
        found.append(Problem("verify_added", {"count": len(added), "items": _listed(kind, added)}))
    if removed := sorted(before - after):
        found.append(Problem("verify_removed", {"count": len(removed), "items": _listed(kind, removed)}))
    if old.audit_seq != current.audit_seq:
        found.append(Problem("verify_changed", {"recorded": old.audit_seq, "current": current.audit_seq}))
    return found


def compare(recorded: Recorded, current: Fingerprint) -> list[Problem]:
    old, kind = recorded.fingerprint, recorded.spec.kind
    found: list[Problem] = []
    if old.rows != current.rows:
        found.append(Problem("verify_rows", {"recorded": old.rows, "current": current.rows}))
    if old.total_fen != current.total_fen:
        found.append(Problem("verify_total", {"recorded": fen_to_yuan_str(old.total_fen),
                                              "current": fen_to_yuan_str(current.total_fen)}))
    before, after = set(old.source_ids), set(current.source_ids)
    added, removed = sorted(after - before), sorted(before - after)
    if added:
        found.append(Problem("verify_added", {"count": len(added), "items": _listed(kind, added)}))
    if removed:
        found.append(Problem("verify_removed", {"count": len(removed), "items": _listed(kind, removed)}))
    if old.section_hashes and old.content_sha != current.content_sha:
        now = dict(current.section_hashes)
        changed = [title for title, digest in old.section_hashes if now.get(title) != digest]
        found.append(Problem("verify_sections", {"sections": "、".join(changed) or "标题"}))
    elif old.content_sha != current.content_sha and (not (added or removed) or old.rows == current.rows):
        # Rows added or removed shift every later page, so pages are named only when the rows
        # stayed in place — always so in a summary, whose lines sum the records.
        pages = [str(i + 1) for i, (a, b) in enumerate(zip(old.page_hashes, current.page_hashes, strict=False))
                 if a != b]
        found.append(Problem("verify_pages", {"pages": "、".join(pages) or "标题"}))
    if old.audit_seq != current.audit_seq:
        found.append(Problem("verify_changed", {"recorded": old.audit_seq, "current": current.audit_seq}))
    return found


def verify_file(path: Path) -> VerifyReport:
    """Compare a ledger file with the database it was made from (already open)."""
    path = Path(path)
    record = _read_record(path)
    recorded = _decode(record, path)
    if recorded.fingerprint.digest(recorded.spec) != recorded.digest:
        return VerifyReport(recorded, "", None, [Problem("verify_payload_damaged")])
    if not check_drawn(record, recorded.code, require_digest=recorded.version >= 2):
        return VerifyReport(recorded, "", None, [Problem("verify_file_altered", {"path": str(path)})])
    try:
        prepared = prepare(recorded.spec)
    except InvalidInput as exc:
        return VerifyReport(recorded, "", None, list(exc.problems))
    current = prepared.fingerprint
    code = prepared.document.stamp.code
    if recorded.spec.form < FORM:
        note = (Problem(OLD_FORM_NOTE, {"form": recorded.spec.form}),)
        # Changes are looked for among the records form 1 showed (not the funds form 2 adds).
        shown = {t: ids for t, ids in prepared.document.content.audit_refs.items() if t not in FORM_2_REFS}
        found = compare_data(recorded, replace(current, audit_seq=latest_change_seq(shown)))
        return VerifyReport(recorded, "", current, rolled_back(recorded.fingerprint.audit_seq) + found if found
                            else [], note)
    if code == recorded.code and current.digest(recorded.spec) == recorded.digest:
        return VerifyReport(recorded, code, current, [])
    differences = compare(recorded, current) or [
        Problem("verify_code", {"recorded": recorded.code, "current": code})
    ]
    return VerifyReport(recorded, code, current, rolled_back(recorded.fingerprint.audit_seq) + differences)


def rolled_back(recorded_seq: int) -> list[Problem]:
    """The ledger saw an audit entry the database no longer has: entries are never removed,
    so the database was put back to an older copy."""
    if recorded_seq <= 0:
        return []
    last = int(database.execute_sql("SELECT MAX(seq) FROM audit_entry").fetchone()[0] or 0)
    return [Problem("verify_rolled_back", {"recorded": recorded_seq, "current": last})] if last < recorded_seq else []
