"""The audit log: one append-only entry per change, each hashing the one before it.

Callers append inside the transaction of the change they log, so a change and its
entry are committed together or not at all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from suining_desk.db.models import AuditEntry

GENESIS = "0" * 64


def canonical(value: Any) -> str:
    """One spelling for a value: sorted keys, no spaces, dates as ISO text."""
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def entry_hash(
    prev_hash: str, seq: int, at: str, username: str, action: str,
    table_name: str, record_id: str, before: str, after: str,
) -> str:
    parts = [prev_hash, str(seq), at, username, action, table_name, record_id, before, after]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def append(
    action: str,
    *,
    username: str,
    table_name: str = "",
    record_id: object = "",
    before: Any = None,
    after: Any = None,
    at: dt.datetime | None = None,
) -> AuditEntry:
    """Append one entry; call inside the write transaction of the change it records."""
    last = AuditEntry.select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).first()
    seq = (last.seq + 1) if last else 1
    prev = last.hash if last else GENESIS
    stamp = (at or dt.datetime.now()).isoformat(timespec="seconds")
    before_s, after_s, rid = canonical(before), canonical(after), str(record_id)
    digest = entry_hash(prev, seq, stamp, username, action, table_name, rid, before_s, after_s)
    return AuditEntry.create(
        seq=seq, at=stamp, username=username, action=action, table_name=table_name,
        record_id=rid, before=before_s, after=after_s, prev_hash=prev, hash=digest,
    )


@dataclass(frozen=True)
class ChainBreak:
    seq: int
    reason: str  # 'changed' | 'broken_link' | 'gap'


def verify_chain() -> ChainBreak | None:
    """Walk the whole log; the first entry that does not fit, or None if all do."""
    prev, expected_seq = GENESIS, 1
    for e in AuditEntry.select().order_by(AuditEntry.seq).iterator():
        if e.seq != expected_seq:
            return ChainBreak(e.seq, "gap")
        if e.prev_hash != prev:
            return ChainBreak(e.seq, "broken_link")
        digest = entry_hash(
            e.prev_hash, e.seq, e.at, e.username, e.action,
            e.table_name, e.record_id, e.before, e.after,
        )
        if digest != e.hash:
            return ChainBreak(e.seq, "changed")
        prev, expected_seq = e.hash, e.seq + 1
    return None
