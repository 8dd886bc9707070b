"""SQLite failures a clerk can meet (disk full, another writer, read-only file), as problems.

:class:`StorageError` is both an :class:`~suining_desk.domain.problems.InvalidInput` (so every
dialog and the CLI that show a refusal show these in Chinese) and a peewee
``OperationalError`` (so code that expects SQLite's own errors still catches them).
The write that failed is rolled back by its transaction: nothing partial is kept.
"""

from __future__ import annotations

import peewee

from suining_desk.domain.problems import InvalidInput
from suining_desk.storage.errors import storage_problem


class StorageError(InvalidInput, peewee.OperationalError):
    """A write could not be stored; ``problems`` say why (in Chinese through messages)."""


def as_storage_error(exc: BaseException) -> StorageError | None:
    problem = storage_problem(exc)
    if problem is None or isinstance(exc, InvalidInput):
        return None
    return StorageError([problem])


__all__ = ["StorageError", "as_storage_error", "storage_problem"]
