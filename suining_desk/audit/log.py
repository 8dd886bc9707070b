"""The audit log: one append-only entry per change, each hashing the one before it.

Callers append inside the transaction of the change they log, so a change and its
entry are committed together or not at all. Each entry also logs the canonical state of
every row the transaction wrote (captured by the database: :mod:`suining_desk.db.capture`),
which ``audit verify`` (:mod:`suining_desk.audit.verify`) compares with today's records.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from suining_desk.audit.sets import RowSet, log_sets
from suining_desk.db import capture as audit_capture
from suining_desk.db.models import AuditEntry, database

GENESIS = "0" * 64


def canonical(value: Any) -> str:
    """One spelling for a value: sorted keys, no spaces, dates as ISO text."""
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def entry_hash(
    prev_hash: str, seq: int, at: str, username: str, action: str,
    table_name: str, record_id: str, before: str, after: str, states: str = "",
) -> str:
    parts = [prev_hash, str(seq), at, username, action, table_name, record_id, before, after]
    if states:  # entries written before migration 3 have none
        parts.append(states)
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
    whole_tables: tuple[str, ...] = (),
    row_sets: tuple[RowSet, ...] = (),
) -> AuditEntry:
    """Append one entry; call inside the write transaction of the change it records,
    after its writes. ``whole_tables``: a bulk load logs a digest of these tables' rows;
    ``row_sets``: rows written with capture paused, each set logged by one hash."""
    last = AuditEntry.select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).first()
    seq = (last.seq + 1) if last else 1
    prev = last.hash if last else GENESIS
    stamp = (at or dt.datetime.now()).isoformat(timespec="seconds")
    conn = database.connection()
    dirty = audit_capture.drain(conn)
    sets = log_sets(conn, row_sets, dirty)
    logged = audit_capture.states_json(conn, seq, dirty, whole_tables, sets)
    before_s, after_s, rid, states_s = canonical(before), canonical(after), str(record_id), canonical(logged)
    digest = entry_hash(prev, seq, stamp, username, action, table_name, rid, before_s, after_s, states_s)
    return AuditEntry.create(
        seq=seq, at=stamp, username=username, action=action, table_name=table_name,
        record_id=rid, before=before_s, after=after_s, prev_hash=prev, hash=digest, states=states_s,
    )


@dataclass(frozen=True)
class ChainBreak:
    """The first entry that does not fit: ``reason`` is 'changed' (its content or hash was
    altered), 'removed' (an entry before it is missing), 'inserted' (it was slipped into
    the chain) or 'reordered' (entries were swapped)."""

    seq: int
    reason: str


def verify_chain() -> ChainBreak | None:
    """Walk the whole log; the first entry that does not fit, or None if all do."""
    from suining_desk.audit.verify import verify_chain as walk

    return walk()


__all__ = ["GENESIS", "ChainBreak", "append", "canonical", "entry_hash", "verify_chain"]
