"""SQLite failures a clerk can meet (disk full, another writer, read-only file), as problems.

:class:`StorageError` is both an :class:`~suining_desk.domain.problems.InvalidInput` (so every
dialog and the CLI that show a refusal show these in Chinese) and a peewee
``OperationalError`` (so code that expects SQLite's own errors still catches them).
The write that failed is rolled back by its transaction: nothing partial is kept.
"""

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


class StorageError(InvalidInput, peewee.OperationalError):
    """A write could not be stored; ``problems`` say why (in Chinese through messages)."""


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


def as_storage_error(exc: BaseException) -> StorageError | None:
    problem = storage_problem(exc)
    if problem is None or isinstance(exc, InvalidInput):
        return None
    return StorageError([problem])
