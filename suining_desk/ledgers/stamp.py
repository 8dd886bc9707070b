"""Verification: a digest of what a ledger was made from, its short code and the payload.

The digest covers the spec, the ids of the records the ledger was made from, the row count,
the totals, a hash of every printed cell, the largest record id and the sequence number of
the latest audit-log change among the records shown. Its first 60 bits, in an alphabet
without look-alike characters, are the code printed on every page (``ABCD-EFGH-JKLM``).
The payload stores the same facts (and the ids) so ``verify`` can say what differs; a
sectioned ledger (一户一档) also stores a short hash per section, so verify can name the
sections whose printed content changed. From version 2 on, the file must also hold a
digest of what its pages draw (:mod:`suining_desk.ledgers.pdfmeta`), so pages edited or
swapped with the payload kept are told apart from the ledger as printed.
"""

from __future__ import annotations

import base64
import hashlib
import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from suining_desk.domain.money import fen_to_yuan_str
from suining_desk.ledgers.model import LedgerContent, Row, Stamp, fen_total_index
from suining_desk.ledgers.spec import LedgerSpec

PAYLOAD_VERSION: Final = 2  # 2: the file also holds a digest of what its pages draw
READABLE_VERSIONS: Final = (1, 2)
CODE_ALPHABET: Final = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no I, O, 0, 1
QR_PREFIX: Final = "SUINING-LEDGER"


@dataclass(frozen=True)
class Fingerprint:
    """The facts a ledger's digest is made of."""

    source_table: str
    source_ids: tuple[int, ...]  # sorted
    rows: int
    totals: tuple[int, ...]  # one per summed column
    total_fen: int
    max_id: int
    audit_seq: int
    content_sha: str  # every printed cell, in order
    page_hashes: tuple[str, ...]  # eight hex digits per page
    # Sectioned ledgers: (section title, eight hex digits) each; derived from the content, so
    # not part of the digest.
    section_hashes: tuple[tuple[str, str], ...] = ()

    def digest(self, spec: LedgerSpec) -> str:
        facts = {
            "spec": spec.canonical(), "source": self.source_table, "ids": list(self.source_ids),
            "rows": self.rows, "totals": list(self.totals), "max_id": self.max_id,
            "audit_seq": self.audit_seq, "content": self.content_sha,
        }
        text = json.dumps(facts, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode("ascii")).hexdigest()


def _rows_hash(title_lines: Sequence[str], rows: Sequence[Row]) -> str:
    h = hashlib.sha256()
    for line in title_lines:
        h.update(line.encode("utf-8") + b"\x1e")
    for row in rows:
        h.update("\x1f".join(row.cells).encode("utf-8"))
        if row.tally is not None:  # whom it paid, as 共X户Y人 counts it
            h.update(f"\x1d{row.tally.household}\x1d{','.join(row.tally.people)}".encode())
        h.update(b"\x1e")
    return h.hexdigest()


def _totals(content: LedgerContent, rows: Sequence[Row]) -> tuple[tuple[int, ...], int]:
    """The summed columns' totals and the money total (sections: the sum of their money columns)."""
    if content.sections:
        totals = tuple(t for section in content.sections for t in section.totals())
        fens = [f for section in content.sections if (f := section.total_fen()) is not None]
        return totals, sum(fens)
    width = len(rows[0].numbers) if rows else 0
    totals = tuple(sum(r.numbers[k] for r in rows) for k in range(width))
    fen_at = fen_total_index(content.columns)
    return totals, totals[fen_at] if fen_at is not None and totals else 0


def fingerprint(content: LedgerContent, pages: Sequence[range], audit_seq: int) -> Fingerprint:
    """``pages``: the range of :meth:`LedgerContent.printed_rows` each page shows."""
    rows = content.printed_rows()
    totals, total_fen = _totals(content, rows)
    ids = tuple(sorted(content.source_ids))
    heading = (content.title, content.unit, content.period_label, *(c.title for c in content.columns),
               *("\x1d".join((s.title, *(c.title for c in s.columns))) for s in content.sections),
               *content.notes, *content.data_signers)
    return Fingerprint(
        source_table=content.source_table, source_ids=ids, rows=len(rows), totals=totals,
        total_fen=total_fen, max_id=ids[-1] if ids else 0, audit_seq=audit_seq,
        content_sha=_rows_hash(heading, rows),
        page_hashes=tuple(_rows_hash((), rows[p.start:p.stop])[:8] for p in pages),
        section_hashes=tuple((s.title, _rows_hash((s.title,), s.items())[:8]) for s in content.sections),
    )


def short_code(digest_hex: str) -> str:
    bits = int(digest_hex[:15], 16)  # 60 bits
    chars = [CODE_ALPHABET[(bits >> (5 * i)) & 31] for i in range(11, -1, -1)]
    return "-".join("".join(chars[i:i + 4]) for i in (0, 4, 8))


def _delta(ids: Sequence[int]) -> list[int]:
    return [b - a for a, b in zip((0, *ids), ids, strict=False)]


def _undelta(deltas: Sequence[int]) -> list[int]:
    out, running = [], 0
    for d in deltas:
        running += d
        out.append(running)
    return out


def make_stamp(spec: LedgerSpec, fp: Fingerprint) -> Stamp:
    digest = fp.digest(spec)
    code = short_code(digest)
    record = {
        "v": PAYLOAD_VERSION, "spec": spec.to_json(), "code": code, "digest": digest,
        "source": fp.source_table, "ids": _delta(fp.source_ids), "rows": fp.rows,
        "totals": list(fp.totals), "total_fen": fp.total_fen, "max_id": fp.max_id,
        "audit_seq": fp.audit_seq, "content": fp.content_sha, "pages": list(fp.page_hashes),
    }
    if fp.section_hashes:  # absent for one-table ledgers: their files stay as they were
        record["sections"] = [list(pair) for pair in fp.section_hashes]
    raw = json.dumps(record, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    payload = base64.b64encode(zlib.compress(raw.encode("ascii"), 9)).decode("ascii")
    filters = "/".join(str(v) for _, v in sorted(spec.filters.items()))
    qr = f"{QR_PREFIX} {code} {spec.kind} {filters} R{fp.rows} T{fen_to_yuan_str(fp.total_fen)}"
    keywords = json.dumps(spec.to_json(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Stamp(code=code, qr_text=qr, payload=payload, keywords=keywords)


@dataclass(frozen=True)
class Recorded:
    """What a ledger file says it was made from."""

    spec: LedgerSpec
    code: str
    digest: str
    fingerprint: Fingerprint
    version: int = PAYLOAD_VERSION


def decode_payload(payload: str) -> Recorded:
    """The record stored in a ledger; raises ``ValueError`` if the payload is not one."""
    try:
        data: Any = json.loads(zlib.decompress(base64.b64decode(payload, validate=True)))
        if data.get("v") not in READABLE_VERSIONS:
            raise ValueError(f"unknown payload version {data.get('v')!r}")
        fp = Fingerprint(
            source_table=str(data["source"]), source_ids=tuple(_undelta(data["ids"])),
            rows=int(data["rows"]), totals=tuple(int(t) for t in data["totals"]),
            total_fen=int(data["total_fen"]), max_id=int(data["max_id"]),
            audit_seq=int(data["audit_seq"]), content_sha=str(data["content"]),
            page_hashes=tuple(str(p) for p in data["pages"]),
            section_hashes=tuple((str(t), str(h)) for t, h in data.get("sections", [])),
        )
        return Recorded(LedgerSpec.from_json(data["spec"]), str(data["code"]), str(data["digest"]), fp,
                        version=int(data["v"]))
    except (KeyError, TypeError, AttributeError, ValueError, zlib.error) as exc:
        raise ValueError(f"not a ledger payload: {exc}") from exc
