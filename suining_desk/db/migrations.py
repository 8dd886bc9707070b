"""Numbered schema migrations, each all-or-nothing, with a backup taken first."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from peewee import Database

from suining_desk.db import capture as audit_capture
from suining_desk.db import models
from suining_desk.db.audit_chain import write_entry
from suining_desk.db.clerk_schema import v7_clerks_day
from suining_desk.db.ledger_schema import v6_ledger_forms
from suining_desk.db.payment_schema import v4_batches_and_totals, v5_lean_payment_indexes
from suining_desk.domain.problems import InvalidInput
from suining_desk.storage.sqlite_files import integrity_problems
from suining_desk.storage.tempfiles import create_private, remove_with_sidecars, temp_beside

# Tables whose rows are never changed or removed once written (history and money).
_APPEND_ONLY = ("audit_entry", "member_change", "status_change", "payment_outcome", "period_lock")

APPEND_ONLY_TRIGGERS = [
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
    for sql in APPEND_ONLY_TRIGGERS:
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


def _columns(db: Database, table: str) -> set[str]:
    return {str(r[1]) for r in db.execute_sql(f'PRAGMA table_info("{table}")').fetchall()}


V3_TRIGGERS = (
    """CREATE TRIGGER IF NOT EXISTS audit_digest_no_update BEFORE UPDATE ON audit_digest
    BEGIN SELECT RAISE(ABORT, 'audit_digest is append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS audit_digest_no_delete BEFORE DELETE ON audit_digest
    BEGIN SELECT RAISE(ABORT, 'audit_digest is append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS user_no_delete BEFORE DELETE ON user
    BEGIN SELECT RAISE(ABORT, 'users are never deleted: disable them'); END""",
)


def _v3_accounts_and_audit_states(db: Database) -> None:
    """Accounts (forced password change, last login), row states in the audit log and
    bulk digests; a database that already holds records gets one baseline entry with a
    digest of every audited table, so ``audit verify`` has a state to compare with."""
    users = _columns(db, "user")
    if "must_change_password" not in users:
        db.execute_sql("ALTER TABLE user ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0")
    if "last_login_at" not in users:
        db.execute_sql("ALTER TABLE user ADD COLUMN last_login_at DATETIME")
    if "states" not in _columns(db, "audit_entry"):
        db.execute_sql("ALTER TABLE audit_entry ADD COLUMN states TEXT NOT NULL DEFAULT ''")
    db.create_tables([models.AuditDigest], safe=True)
    for sql in V3_TRIGGERS:
        db.execute_sql(sql)
    filled = [t for t in audit_capture.AUDITED_TABLES
              if db.execute_sql(f'SELECT EXISTS (SELECT 1 FROM "{t}")').fetchone()[0]]
    audit_capture.install(db.connection())
    audit_capture.drain(db.connection())
    if filled:
        write_entry("audit_baseline", username="system", after={"tables": filled}, whole_tables=tuple(filled))


MIGRATIONS: list[tuple[int, Callable[[Database], None]]] = [
    (1, _v1_initial),
    (2, _v2_active_household_sorts),
    (3, _v3_accounts_and_audit_states),
    (4, v4_batches_and_totals),  # batch lines frozen outside drafts; payment_total
    (5, v5_lean_payment_indexes),  # fewer index writes per batch line
    (6, v6_ledger_forms),  # allocations, bank names, aid details, housing facts
    (7, v7_clerks_day),  # retired areas, members' 入户日期, reasons for amounts above a cap
]
LATEST = MIGRATIONS[-1][0]


class NewerSchemaError(Exception):
    def __init__(self, found: int, known: int):
        super().__init__(f"schema {found} is newer than {known}")
        self.found = found
        self.known = known


class TamperedSchemaError(Exception):
    """The schema versions were changed by hand: what the database's structure is cannot be known."""

    def __init__(self, versions: list[object]):
        shown = "、".join(str(v) for v in versions[:20]) or "无"
        super().__init__(f"schema versions {shown}")
        self.versions = shown


def checked_version(db: Database) -> int:
    """The database's schema version, once the versions recorded are ones migrations write:
    whole numbers 1, 2, 3 … each once (numbers above this program's are a newer program's).
    A version set to -1 or 0, one missing, written twice or not a number, or no versions at all
    in a database that has the program's tables, is refused (:class:`TamperedSchemaError`)
    before anything is copied or migrated: the migrations would run again over tables that are
    there, fail, and leave a "before" copy at every start."""
    if not db.table_exists("schema_version"):
        if db.table_exists("user") or db.table_exists("audit_entry"):
            raise TamperedSchemaError([])
        return 0
    versions = [row[0] for row in db.execute_sql("SELECT version FROM schema_version ORDER BY version, id")]
    known = [v for v in versions if isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= LATEST]
    others = [v for v in versions if not (isinstance(v, int) and not isinstance(v, bool)) or v < 1]
    if others or known != list(range(1, len(known) + 1)) or len(set(versions)) < len(versions) \
            or (not versions and db.table_exists("user")):
        raise TamperedSchemaError(versions)
    return max(versions, default=0)


def current_version(db: Database) -> int:
    if not db.table_exists("schema_version"):
        return 0
    row = db.execute_sql("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def backup_to(db: Database, target: Path) -> Path:
    """Copy the live database with SQLite's backup API (safe while it is in use) into an
    owner-only file, checked with ``integrity_check`` before it takes its name: a migration
    runs only once this copy is known good."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = temp_beside(target)
    try:
        create_private(temp)
        dest = sqlite3.connect(str(temp))
        try:
            db.connection().backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            dest.close()
        problems = integrity_problems(temp)
        if problems:
            raise InvalidInput(problems)
        os.replace(temp, target)
    finally:
        remove_with_sidecars(temp)
    return target


def upgrade(db: Database, path: Path) -> int:
    """Apply every migration newer than the database; returns the version reached."""
    version = checked_version(db)
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
