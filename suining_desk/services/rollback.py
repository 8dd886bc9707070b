"""A database put back to an older copy (:mod:`suining_desk.storage.seen`): is the open one,
and an admin accepting it as it is (logged)."""

from __future__ import annotations

from pathlib import Path

from suining_desk import audit
from suining_desk.db.models import database
from suining_desk.services.access import require
from suining_desk.storage.seen import Rollback, check, note


def current_rollback() -> Rollback | None:
    """:func:`~suining_desk.storage.seen.check` on the open database."""
    return check(database.connection(), Path(database.database))


def accept(*, by: str) -> Rollback | None:
    """An admin accepts the database as it is: the rollback (what had been seen, what is
    there now) goes into the audit log and the head is noted again. None when there was none."""
    require(by, role="admin")
    found = current_rollback()
    if found is None:
        return None
    with database.atomic("IMMEDIATE"):
        audit.append("rollback_accepted", username=by, after={
            "seen_seq": found.seen.seq, "seen_hash": found.seen.hash, "seen_at": found.seen.at,
            "seen_path": found.seen.path, "seq_now": found.now_seq})
    note(database.connection(), Path(database.database), force=True)
    return found
