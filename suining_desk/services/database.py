"""The open database as the window sees it: opening, closing, the write-ahead log's
checkpoint, and the newest good backup to offer when a file is damaged."""

from __future__ import annotations

from pathlib import Path

from suining_desk.db.migrations import LATEST
from suining_desk.storage.backups import BackupInfo
from suining_desk.storage.backups import newest_good_backup as _newest_good


def newest_good_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup of the database that this program can restore (sound, and of no
    newer schema than this program knows)."""
    return _newest_good(db_path, newest_schema=LATEST)
