"""Database layer: models, opening with pragmas, numbered migrations."""

from suining_desk.db.connection import DatabaseOpenError, close_database, open_database
from suining_desk.db.models import database

__all__ = ["DatabaseOpenError", "close_database", "database", "open_database"]
