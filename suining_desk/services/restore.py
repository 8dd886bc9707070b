"""Restoring a backup over a database.

A restore checks the backup first, refuses while another program holds the database,
keeps a copy of the current file (a checked backup, or — when the current file is
damaged — its bytes as they are, for whoever investigates), then puts the backup in
place through SQLite's backup API and logs the restore in the restored audit log (the
anchors of the replaced log's later entries are set aside: :mod:`suining_desk.storage.anchors`).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import sqlite3
from pathlib import Path

from suining_desk import audit
from suining_desk.db import close_database, open_database
from suining_desk.db.migrations import LATEST
from suining_desk.db.models import database
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.storage import seen as audit_seen
from suining_desk.storage.anchors import record_restore
from suining_desk.storage.backups import (
    BackupInfo,
    backup_folder,
    backup_name,
    list_backups,
    make_backup,
    private_folder,
)
from suining_desk.storage.locks import lock_holder
from suining_desk.storage.sqlite_files import connect_read_only, integrity_problems
from suining_desk.storage.tempfiles import clean_stale, create_private, remove_with_sidecars, temp_beside


def _keep_current(db_path: Path, now: dt.datetime) -> Path | None:
    """A copy of the database being replaced, in its backup folder."""
    if not db_path.exists():
        return None
    folder = backup_folder(db_path)
    if not integrity_problems(db_path, newest_schema=LATEST):
        return make_backup(db_path, folder / backup_name(db_path, now, "before-restore"),
                           kind="before-restore", now=now).path
    damaged = folder / backup_name(db_path, now, "damaged")
    private_folder(folder)
    for extra in ("", "-wal", "-shm"):
        if Path(f"{db_path}{extra}").exists():
            create_private(Path(f"{damaged}{extra}"))
            shutil.copyfile(f"{db_path}{extra}", f"{damaged}{extra}")
    return damaged


def restore_backup(source: Path, db_path: Path, *, user: str = "system",
                   now: dt.datetime | None = None) -> Path | None:
    """Put the backup ``source`` in place of ``db_path``; returns the copy kept of the
    replaced database (None if there was none). The database is left open."""
    now = (now or dt.datetime.now()).replace(microsecond=0)
    source, db_path = Path(source), Path(db_path)
    problems = integrity_problems(source, newest_schema=LATEST)
    if problems:
        raise InvalidInput(problems)
    holder = lock_holder(db_path)
    if holder is not None and holder[0] != os.getpid():
        raise InvalidInput([Problem("restore_in_use", {"path": str(db_path), "pid": holder[0]})])
    close_database()
    kept = _keep_current(db_path, now)
    temp = temp_beside(db_path, "restore")
    clean_stale(db_path.parent)
    try:
        create_private(temp)
        src, out = connect_read_only(source), sqlite3.connect(str(temp))
        try:
            src.backup(out)
        finally:
            out.close()
            src.close()
        problems = integrity_problems(temp, newest_schema=LATEST)
        if problems:
            raise InvalidInput(problems)
        for extra in ("-wal", "-shm"):
            Path(f"{db_path}{extra}").unlink(missing_ok=True)
        os.replace(temp, db_path)
    finally:
        remove_with_sidecars(temp)
    open_database(db_path)
    with database.atomic("IMMEDIATE"):
        audit.append("backup_restored", username=user, after={
            "source": source.name, "kept": kept.name if kept else ""})
    # the log is now the backup's: anchors of the replaced database's later entries are set aside,
    # and what this computer has seen of it is the restored head (a rollback made on purpose)
    record_restore(db_path, database.connection(), source, now)
    audit_seen.note(database.connection(), db_path, force=True)
    logging.getLogger(__name__).info("restored %s from %s by %s; the replaced copy kept as %s", db_path,
                                     source.name, user, kept.name if kept else "-")
    return kept


def backups_of(db_path: Path) -> list[BackupInfo]:
    return list_backups(backup_folder(db_path))
