"""Opening a database: SQLite file (or ``sqlite:///`` URL) with safe pragmas.

Nothing connects at import; :func:`open_database` binds the model proxy.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import peewee
from peewee import Database, SqliteDatabase

from suining_desk import audit_capture
from suining_desk.db import migrations
from suining_desk.db.errors import as_storage_error
from suining_desk.db.models import database
from suining_desk.os_errors import os_reason
from suining_desk.problems import InvalidInput, Problem

SQLITE_HEADER = b"SQLite format 3\x00"

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


class DatabaseOpenError(InvalidInput):
    """The database could not be opened; ``problems`` say why in Chinese-ready codes."""


class SuiningDatabase(SqliteDatabase):
    """SQLite with the audit log's row capture on every connection (each thread has its
    own), and storage failures (disk full, busy, read-only) raised as
    :class:`~suining_desk.db.errors.StorageError` with a Chinese-ready problem."""

    def _add_conn_hooks(self, conn: sqlite3.Connection) -> None:
        super()._add_conn_hooks(conn)  # type: ignore[misc]
        audit_capture.install(conn)

    def execute_sql(self, sql: str, params: Any = None) -> Any:
        if sql.startswith("ROLLBACK TO SAVEPOINT") and not self._in_transaction():
            return None  # SQLite already rolled the whole transaction back (disk full, I/O error)
        try:
            return super().execute_sql(sql, params)
        except peewee.OperationalError as exc:
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

    def rollback(self) -> None:
        if not self._in_transaction():
            return  # after SQLITE_FULL or an I/O error SQLite has rolled back by itself
        super().rollback()

    def _in_transaction(self) -> bool:
        conn = self._state.conn  # type: ignore[attr-defined]
        return conn is None or bool(conn.in_transaction)


def sqlite_path(target: str | Path) -> Path:
    """The file behind a path or a ``sqlite:///`` URL; other URLs are refused."""
    text = str(target)
    if "://" not in text:
        return Path(text).expanduser()
    if text.startswith("sqlite:///"):
        return Path(text[len("sqlite:///") :]).expanduser()
    scheme = text.split("://", 1)[0]
    raise DatabaseOpenError([Problem("db_unsupported_url", {"url": text, "scheme": scheme})])


def _looks_like_sqlite(path: Path) -> bool:
    if not path.exists() or path.stat().st_size == 0:
        return True
    with path.open("rb") as fh:
        return fh.read(16) == SQLITE_HEADER


def open_database(target: str | Path, *, migrate: bool = True) -> Database:
    """Open (creating if needed) the database at ``target`` and bring its schema up to date.

    A file that is not an SQLite database, or fails SQLite's quick check, is refused and
    never written to. Before an existing database is migrated it is backed up beside itself.
    """
    path = sqlite_path(target)
    if path.is_dir():
        raise DatabaseOpenError([Problem("db_cannot_open", {"path": str(path), "reason": "这是文件夹"})])
    if not _looks_like_sqlite(path):
        raise DatabaseOpenError([Problem("db_not_database", {"path": str(path)})])
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
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
        raise DatabaseOpenError([Problem("db_not_database", {"path": str(path)})]) from exc
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
        audit_capture.install(db.connection())  # tables the migrations just created
    return db


def checkpoint() -> None:
    """Copy what the write-ahead log holds into the database file, without waiting for readers
    or writers (PASSIVE: whatever cannot be copied now is copied next time)."""
    database.execute_sql("PRAGMA wal_checkpoint(PASSIVE)")


def close_database() -> None:
    db = database.obj
    if db is not None and not db.is_closed():
        db.close()
