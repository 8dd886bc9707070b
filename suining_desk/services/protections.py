"""An admin restoring the database's protective triggers (:mod:`suining_desk.db.protections`
finds them missing, altered or slipped in; the database is read-only until then)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from suining_desk import audit
from suining_desk.db.models import database
from suining_desk.db.protections import EXPECTED, ProtectionState, authorizer, inspect
from suining_desk.services.access import require
from suining_desk.storage.backups import backup_folder, backup_name, make_backup


def repair(*, by: str) -> ProtectionState:
    """An admin creates the missing or altered triggers again and drops foreign ones, in one
    logged transaction; returns what was wrong (``ok`` when nothing was).

    The database as it was found is kept first (a checked backup, ``before-repair``) and the
    SQL of every trigger replaced or dropped goes into the audit entry: whoever investigates
    still has what the tampering left."""
    require(by, role="admin")
    db: Any = database.obj  # a SuiningDatabase
    conn = db.connection()
    state = inspect(conn)
    if state.ok:
        return state
    path = Path(db.database)
    now = dt.datetime.now().replace(microsecond=0)
    kept = make_backup(path, backup_folder(path) / backup_name(path, now, "before-repair"), kind="before-repair",
                       now=now)
    found = {str(name): str(sql) for name, sql in conn.execute(
        "SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger'")}
    conn.set_authorizer(None)  # the repair itself writes the schema
    try:
        with database.atomic("IMMEDIATE"):
            for name in (*state.altered, *state.foreign):
                conn.execute(f'DROP TRIGGER IF EXISTS main."{name}"')
            for name in (*state.missing, *state.altered):
                conn.execute(EXPECTED[name][1])
            audit.append("protections_restored", username=by, after={
                "missing": list(state.missing), "altered": {n: found[n] for n in state.altered},
                "removed": {n: found[n] for n in state.foreign}, "kept": kept.path.name})
    finally:
        db.protections = inspect(conn)
        if not db.protections.ok:  # the repair failed (a full disk): still read-only
            conn.set_authorizer(authorizer(lambda: not db.protections.ok))
    return state
