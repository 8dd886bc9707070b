"""The audit log's chain, as the database holds it: one entry per change, each hashing the one
before it (its record format, and the one way an entry is written).

:func:`suining_desk.audit.append` writes through here; so does migration 3's baseline entry,
which must be written exactly as any other (the migrations live below the audit log).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

from suining_desk.db import capture
from suining_desk.db.models import AuditEntry, database

GENESIS = "0" * 64

# Row sets logged by one hash each (suining_desk.audit.sets): what the entry logs of them.
SetLogger = Callable[[sqlite3.Connection, dict[str, list[int]]], list[dict[str, Any]]]


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


def write_entry(
    action: str,
    *,
    username: str,
    table_name: str = "",
    record_id: object = "",
    before: Any = None,
    after: Any = None,
    at: dt.datetime | None = None,
    whole_tables: Sequence[str] = (),
    log_sets: SetLogger | None = None,
) -> AuditEntry:
    """Append one entry with the states of the rows this connection wrote since the last one
    (:mod:`suining_desk.db.capture`); call inside the write transaction, after its writes."""
    last = AuditEntry.select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).first()
    seq = (last.seq + 1) if last else 1
    prev = last.hash if last else GENESIS
    stamp = (at or dt.datetime.now()).isoformat(timespec="seconds")
    conn = database.connection()
    dirty = capture.drain(conn)
    sets = log_sets(conn, dirty) if log_sets is not None else []
    logged = capture.states_json(conn, seq, dirty, whole_tables, sets)
    before_s, after_s, rid, states_s = canonical(before), canonical(after), str(record_id), canonical(logged)
    digest = entry_hash(prev, seq, stamp, username, action, table_name, rid, before_s, after_s, states_s)
    return AuditEntry.create(
        seq=seq, at=stamp, username=username, action=action, table_name=table_name,
        record_id=rid, before=before_s, after=after_s, prev_hash=prev, hash=digest, states=states_s,
    )
