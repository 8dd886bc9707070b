"""The open database as the window sees it: opening and closing it, a worker thread's own
connection, the write-ahead log's checkpoint, the state of its protections, and the newest
good backup to offer when a file is damaged. (The window never imports the database layer:
the import contract ``ui-through-services``.)"""

from __future__ import annotations

from pathlib import Path

from suining_desk.db import DatabaseOpenError, close_database, open_database
from suining_desk.db.connection import checkpoint
from suining_desk.db.migrations import LATEST
from suining_desk.db.models import database
from suining_desk.db.protections import ProtectionState
from suining_desk.storage.backups import BackupInfo
from suining_desk.storage.backups import newest_good_backup as _newest_good

__all__ = ["DatabaseOpenError", "checkpoint", "close_database", "close_thread_connection", "newest_good_backup",
           "open_database", "protection_state"]


def newest_good_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup of the database that this program can restore (sound, and of no
    newer schema than this program knows)."""
    return _newest_good(db_path, newest_schema=LATEST)


def close_thread_connection() -> None:
    """Close this thread's connection (a worker's, when its work is done)."""
    if not database.is_closed():
        database.close()


def protection_state() -> ProtectionState | None:
    """What is missing or altered of the open database's protective triggers (None: no database open)."""
    state = getattr(database.obj, "protections", None)
    return state if isinstance(state, ProtectionState) else None
