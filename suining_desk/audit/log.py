"""The audit log: one append-only entry per change, each hashing the one before it.

Callers append inside the transaction of the change they log, so a change and its
entry are committed together or not at all. Each entry also logs the canonical state of
every row the transaction wrote (captured by the database: :mod:`suining_desk.db.capture`),
which ``audit verify`` (:mod:`suining_desk.audit.verify`) compares with today's records.
The entry's format and its writing are the database's (:mod:`suining_desk.db.audit_chain`).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

from suining_desk.audit.sets import RowSet, log_sets
from suining_desk.db.audit_chain import GENESIS, canonical, entry_hash, write_entry
from suining_desk.db.models import AuditEntry


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

    def sets(conn: sqlite3.Connection, dirty: dict[str, list[int]]) -> list[dict[str, Any]]:
        return log_sets(conn, row_sets, dirty)

    return write_entry(action, username=username, table_name=table_name, record_id=record_id, before=before,
                       after=after, at=at, whole_tables=whole_tables, log_sets=sets)


__all__ = ["GENESIS", "append", "canonical", "entry_hash"]
