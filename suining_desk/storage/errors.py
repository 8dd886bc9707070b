"""What an SQLite or file-system failure means for a clerk (disk full, another writer, a
read-only or damaged file), as a problem with a Chinese message; None when it is none of these.
Raised as :class:`suining_desk.db.errors.StorageError` by the database connection."""

from __future__ import annotations

import errno
import sqlite3

import peewee

from suining_desk.domain.problems import InvalidInput, Problem

_PATTERNS = (
    ("database or disk is full", "db_disk_full"),
    ("disk is full", "db_disk_full"),
    ("database is locked", "db_busy"),
    ("database is busy", "db_busy"),
    ("database table is locked", "db_busy"),
    ("readonly database", "db_readonly"),
    ("disk i/o error", "db_io_error"),
    ("database disk image is malformed", "db_corrupt"),
    ("file is not a database", "db_corrupt"),
    ("not authorized", "db_unprotected_write"),  # the authorizer while the protections are gone
)



def storage_problem(exc: BaseException) -> Problem | None:
    """The problem behind an SQLite or file-system error, or None if it is not one of ours."""
    if isinstance(exc, InvalidInput):
        return exc.problems[0] if exc.problems else None
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return Problem("db_disk_full")
    if not isinstance(exc, (sqlite3.Error, peewee.DatabaseError, OSError)):
        return None
    text = str(exc).lower()
    for pattern, code in _PATTERNS:
        if pattern in text:
            return Problem(code)
    return None
