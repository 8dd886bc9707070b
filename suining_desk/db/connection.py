"""Opening a database: SQLite file (or ``sqlite:///`` URL) with safe pragmas.

Nothing connects at import; :func:`open_database` binds the model proxy.
"""

from __future__ import annotations

import atexit
import logging
import sqlite3
import time
import weakref
from pathlib import Path
from typing import Any

import peewee
from peewee import Database, SqliteDatabase

from suining_desk.db import capture as audit_capture
from suining_desk.db import migrations
from suining_desk.db.errors import as_storage_error
from suining_desk.db.models import database
from suining_desk.db.protections import ProtectionState, authorizer
from suining_desk.db.protections import inspect as inspect_protections
from suining_desk.domain.os_errors import disk_full, os_reason
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.storage import paths
from suining_desk.storage import seen as audit_seen
from suining_desk.storage.errors import storage_problem
from suining_desk.storage.sqlite_files import SQLITE_HEADER, database_path
from suining_desk.storage.tempfiles import create_private, make_private

NOTE_EVERY = 1.0  # seconds: how often a busy writer notes the audit log's head (suining_desk.storage.seen)

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 2,  # FULL: a power cut loses nothing that was acknowledged
    "busy_timeout": 15000,  # another clerk writing: wait, don't fail
    "cache_size": -64000,
    # Copy the write-ahead log into the file in the background (the window's idle checkpoint,
    # :func:`checkpoint`) or at close, not inside a clerk's commit: posting a county batch must not
    # also wait for a checkpoint of everything before it. The log is fsynced at each commit all
    # the same (synchronous=FULL), so nothing acknowledged depends on the checkpoint.
    "wal_autocheckpoint": 16384,  # pages (64 MiB): the bound if no idle checkpoint runs
}

log = logging.getLogger(__name__)


class DatabaseOpenError(InvalidInput):
    """The database could not be opened; ``problems`` say why in Chinese-ready codes."""


class SuiningDatabase(SqliteDatabase):
    """SQLite with the audit log's row capture on every connection (each thread has its
    own), and storage failures (disk full, busy, read-only) raised as
    :class:`~suining_desk.db.errors.StorageError` with a Chinese-ready problem.

    While the database's protective triggers are gone (:mod:`suining_desk.db.protections`)
    every connection refuses changes; after each commit the audit log's head is noted for
    this computer (:mod:`suining_desk.storage.seen`)."""

    protections = ProtectionState()  # replaced at open when any is missing

    def _add_conn_hooks(self, conn: sqlite3.Connection) -> None:
        super()._add_conn_hooks(conn)  # type: ignore[misc]
        audit_capture.install(conn)
        if not self.protections.ok:
            conn.set_authorizer(authorizer(lambda: not self.protections.ok))

    def execute_sql(self, sql: str, params: Any = None) -> Any:
        if sql.startswith("ROLLBACK TO SAVEPOINT") and not self._in_transaction():
            return None  # SQLite already rolled the whole transaction back (disk full, I/O error)
        try:
            return super().execute_sql(sql, params)
        except peewee.OperationalError as exc:
            raise (as_storage_error(exc) or exc) from exc
        except peewee.DatabaseError as exc:  # the authorizer's refusal while unprotected
            raise (as_storage_error(exc) or exc) from exc

    def begin(self, lock_type: str | None = None) -> None:
        try:
            super().begin(lock_type)
        except peewee.OperationalError as exc:
            raise (as_storage_error(exc) or exc) from exc

    def commit(self) -> None:
        try:
            super().commit()
        except peewee.OperationalError as exc:
            raise (as_storage_error(exc) or exc) from exc
        self.note_head(throttled=True)

    def close(self) -> bool:
        if self._note_due and not self.is_closed():
            self.note_head()
        return bool(super().close())

    _noted_at = float("-inf")  # when the head was last noted (monotonic seconds)
    _note_due = False  # a commit since then was not noted yet

    def note_head(self, *, throttled: bool = False) -> None:
        """Note the audit log's head for this computer (never fails a commit that succeeded):
        after a commit at most once a :data:`NOTE_EVERY` (the rest at the next one, or at close)."""
        now = time.monotonic()
        if throttled and now - self._noted_at < NOTE_EVERY:
            self._note_due = True
            _due.add(self)  # noted at close, or when the process ends
            return
        self._noted_at, self._note_due = now, False
        if self.database in ("", ":memory:") or self._state.conn is None:  # type: ignore[attr-defined]
            return
        if Path(self.database).name.startswith("."):
            return  # one of our hidden temporary files (a demo being built): not a database to watch
        try:
            audit_seen.note(self._state.conn, Path(self.database))  # type: ignore[attr-defined]
        except (OSError, sqlite3.Error):
            pass  # the next commit or open notes it

    def rollback(self) -> None:
        if not self._in_transaction():
            return  # after SQLITE_FULL or an I/O error SQLite has rolled back by itself
        super().rollback()

    def _in_transaction(self) -> bool:
        conn = self._state.conn  # type: ignore[attr-defined]
        return conn is None or bool(conn.in_transaction)


_due: weakref.WeakSet[SuiningDatabase] = weakref.WeakSet()


@atexit.register
def _note_due_heads() -> None:
    """A command that wrote and ends without closing the database (most do) still notes it."""
    for db in list(_due):
        if db._note_due and not db.is_closed():
            db.note_head()


def sqlite_path(target: str | Path) -> Path:
    """The file behind a path, a ``sqlite:///`` URL or a ``file:`` URI — read one way everywhere
    (:func:`suining_desk.storage.sqlite_files.database_path`); other addresses are refused."""
    try:
        return database_path(target)
    except InvalidInput as exc:
        raise DatabaseOpenError(exc.problems) from None


def _looks_like_sqlite(path: Path) -> bool:
    if not path.exists() or path.stat().st_size == 0:
        return True
    with path.open("rb") as fh:
        return fh.read(16) == SQLITE_HEADER


def _prepare_file(path: Path) -> None:
    """The data folder (owner-only), the database's folder, and the database file itself:
    a new one is created owner-only, an existing one (and its WAL) made so."""
    paths.private_data_dir()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        try:
            create_private(path)  # SQLite gives the journal and WAL the file's permissions
        except FileExistsError:
            pass
    for suffix in ("", "-wal", "-shm"):
        make_private(Path(f"{path}{suffix}"))


def _open_problem(path: Path, exc: BaseException) -> Problem:
    """Why SQLite could not open ``path``: a full disk, a busy or read-only file, an I/O
    error, its WAL that cannot be made — or else not a database of ours."""
    if disk_full(path.parent):
        return Problem("db_open_disk_full", {"path": str(path)})
    known = storage_problem(exc)
    if known is not None and known.code in ("db_busy", "db_readonly", "db_io_error", "db_disk_full"):
        return Problem(known.code.replace("db_", "db_open_", 1), {"path": str(path)})
    if "unable to open" in str(exc).lower():
        reason = "无法打开或创建它旁边的日志文件（-wal、-shm），请检查文件夹的权限"
        return Problem("db_cannot_open", {"path": str(path), "reason": reason})
    return Problem("db_not_database", {"path": str(path)})


def open_database(target: str | Path, *, migrate: bool = True) -> Database:
    """Open (creating if needed) the database at ``target`` and bring its schema up to date.

    A file that is not an SQLite database, or fails SQLite's quick check, is refused and
    never written to. Before an existing database is migrated it is backed up beside itself.
    A database whose protective triggers are gone opens read-only for this program
    (``protections`` on the returned database says which).
    """
    path = sqlite_path(target)
    if path.is_dir():
        raise DatabaseOpenError([Problem("db_cannot_open", {"path": str(path), "reason": "这是文件夹"})])
    if not _looks_like_sqlite(path):
        raise DatabaseOpenError([Problem("db_not_database", {"path": str(path)})])
    try:
        _prepare_file(path)
    except OSError as exc:
        raise DatabaseOpenError(
            [Problem("db_cannot_open", {"path": str(path), "reason": os_reason(exc)})]
        ) from exc
    close_database()
    db = SuiningDatabase(str(path), pragmas=PRAGMAS, timeout=15)
    try:
        db.connect()
        row = db.execute_sql("PRAGMA quick_check").fetchone()
        if row is None or row[0] != "ok":
            raise DatabaseOpenError([Problem("db_not_database", {"path": str(path)})])
    except (sqlite3.DatabaseError, peewee.DatabaseError) as exc:
        if not db.is_closed():
            db.close()
        raise DatabaseOpenError([_open_problem(path, exc)]) from exc
    except DatabaseOpenError:
        db.close()
        raise
    database.initialize(db)
    if migrate:
        try:
            migrations.upgrade(db, path)
        except migrations.NewerSchemaError as exc:
            close_database()
            raise DatabaseOpenError(
                [Problem("db_newer_schema", {"found": exc.found, "known": exc.known})]
            ) from exc
        except migrations.TamperedSchemaError as exc:
            close_database()
            raise DatabaseOpenError([Problem("db_schema_tampered", {"path": str(path), "versions": exc.versions})]
                                    ) from exc
        conn = db.connection()
        audit_capture.install(conn)  # tables the migrations just created
        db.protections = inspect_protections(conn)
        if not db.protections.ok:
            conn.set_authorizer(authorizer(lambda: not db.protections.ok))
        db.note_head()
    log.info("database opened: %s%s", path, "" if migrate else " (not migrated)")
    return db


def checkpoint() -> None:
    """Copy what the write-ahead log holds into the database file, without waiting for readers
    or writers (PASSIVE: whatever cannot be copied now is copied next time)."""
    database.execute_sql("PRAGMA wal_checkpoint(PASSIVE)")


def close_database() -> None:
    db = database.obj
    if db is not None and not db.is_closed():
        db.close()
