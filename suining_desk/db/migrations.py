"""Numbered schema migrations, each all-or-nothing, with a backup taken first."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

from peewee import Database

from suining_desk.db import models

# Tables whose rows are never changed or removed once written (history and money).
_APPEND_ONLY = ("audit_entry", "member_change", "status_change", "payment_outcome", "period_lock")

_TRIGGERS = [
    *(
        f"""CREATE TRIGGER {t}_no_{op} BEFORE {op.upper()} ON {t}
        BEGIN SELECT RAISE(ABORT, '{t} is append-only'); END"""
        for t in _APPEND_ONLY
        for op in ("update", "delete")
    ),
    """CREATE TRIGGER payment_posted_no_update BEFORE UPDATE ON payment WHEN OLD.posted = 1
    BEGIN SELECT RAISE(ABORT, 'posted payments are append-only'); END""",
    """CREATE TRIGGER payment_posted_no_delete BEFORE DELETE ON payment WHEN OLD.posted = 1
    BEGIN SELECT RAISE(ABORT, 'posted payments are append-only'); END""",
]


def _v1_initial(db: Database) -> None:
    db.create_tables(models.ALL_MODELS)
    for sql in _TRIGGERS:
        db.execute_sql(sql)


# The households list sorts the county's active households by any column; partial indexes
# that hold only active rows and end in the unique household_no make each sort an index scan.
_ACTIVE_HOUSEHOLD_SORTS = {
    "no": "household_no",
    "village": "village_id, household_no",
    "group": "group_id, household_no",
    "head": "head_name, household_no",
    "head_id": "head_id_number, household_no",
    "members": "member_count, household_no",
    "status": "status, household_no",
    "cause": "main_cause, household_no",
    "aid": "dibao, tekun, household_no",
    "phone": "phone, household_no",
}


def _v2_active_household_sorts(db: Database) -> None:
    for name, columns in _ACTIVE_HOUSEHOLD_SORTS.items():
        db.execute_sql(
            f"CREATE INDEX household_active_{name} ON household ({columns}) WHERE removed_on IS NULL"
        )


MIGRATIONS: list[tuple[int, Callable[[Database], None]]] = [
    (1, _v1_initial),
    (2, _v2_active_household_sorts),
]
LATEST = MIGRATIONS[-1][0]


class NewerSchemaError(Exception):
    def __init__(self, found: int, known: int):
        super().__init__(f"schema {found} is newer than {known}")
        self.found = found
        self.known = known


def current_version(db: Database) -> int:
    if not db.table_exists("schema_version"):
        return 0
    row = db.execute_sql("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def backup_to(db: Database, target: Path) -> Path:
    """Copy the live database with SQLite's backup API (safe while it is in use)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    dest = sqlite3.connect(str(target))
    try:
        db.connection().backup(dest)
    finally:
        dest.close()
    return target


def upgrade(db: Database, path: Path) -> int:
    """Apply every migration newer than the database; returns the version reached."""
    version = current_version(db)
    if version > LATEST:
        raise NewerSchemaError(version, LATEST)
    if version == LATEST:
        return version
    if version > 0:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup_to(db, path.with_name(f"{path.stem}.before-v{LATEST}-{stamp}{path.suffix}"))
    for number, step in MIGRATIONS:
        if number <= version:
            continue
        with db.atomic("IMMEDIATE"):
            step(db)
            models.SchemaVersion.create(version=number)
    return LATEST
