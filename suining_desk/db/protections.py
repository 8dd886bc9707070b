"""The database's own protections: the triggers that keep the audit log, member and status
history, posted payments and approved batches from being changed or removed, and that keep
the payment totals. Anyone with the file and an SQLite tool can drop them; then nothing stops
a posted payment from being edited, and nobody would know.

So every open compares the database's triggers with the ones the program creates
(:data:`EXPECTED`: by name and by their SQL text, so one rewritten to do nothing counts as
altered; a trigger the program never creates counts as foreign — it could change what is
written). While any is missing, altered or foreign the database is read-only for this
program: SQLite's authorizer refuses every change to it (:func:`authorizer`) except a login's
own bookkeeping (the user's failed-attempt count, lock, last login and password, and the
audit entry saying so), so an admin can still log in to restore them. ``audit verify`` names
them; :func:`repair` (an admin: ``suining-desk db repair-protections --user NAME`` or the
window's prompt) creates them again, drops foreign ones and logs it.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from suining_desk.db import ledger_schema, payment_schema
from suining_desk.db.migrations import APPEND_ONLY_TRIGGERS, V3_TRIGGERS

_CREATE = re.compile(r"CREATE\s+TRIGGER\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)", re.IGNORECASE)
_IF_NOT_EXISTS = re.compile(r"\bIF\s+NOT\s+EXISTS\s+", re.IGNORECASE)


def _normal(sql: str) -> str:
    """One spelling of a trigger's SQL (SQLite stores it without ``IF NOT EXISTS``)."""
    return " ".join(_IF_NOT_EXISTS.sub("", sql).split())


def _name(sql: str) -> str:
    found = _CREATE.search(sql)
    if found is None:  # pragma: no cover - a definition below without its name
        raise ValueError(sql)
    return found.group(1)


_DEFINITIONS = (  # (the migration that creates them, their SQL)
    *((1, sql) for sql in APPEND_ONLY_TRIGGERS),
    *((3, sql) for sql in V3_TRIGGERS),
    *((4, sql) for sql in payment_schema.TRIGGERS),
    *((4, sql) for sql in payment_schema.TOTALS if _CREATE.search(sql)),
    *((6, sql) for sql in ledger_schema.TRIGGERS),
)
EXPECTED: dict[str, tuple[int, str]] = {_name(sql): (version, _normal(sql)) for version, sql in _DEFINITIONS}
"""Every trigger the migrations create, by name, with the schema version that has it: a new
migration's triggers are added here (a test compares this with a new database)."""


def expected(version: int) -> dict[str, str]:
    """The triggers a database at schema ``version`` has, by name."""
    return {name: sql for name, (since, sql) in EXPECTED.items() if since <= version}


@dataclass(frozen=True)
class ProtectionState:
    missing: tuple[str, ...] = ()
    altered: tuple[str, ...] = ()
    foreign: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not (self.missing or self.altered or self.foreign)

    def describe(self) -> str:
        """The triggers concerned, for a message (``名称（缺失）`` …)."""
        parts = [*(f"{n}（缺失）" for n in self.missing), *(f"{n}（被改动）" for n in self.altered),
                 *(f"{n}（不是本软件的）" for n in self.foreign)]
        return "、".join(parts)


def inspect(conn: sqlite3.Connection) -> ProtectionState:
    """Which of the program's triggers the database lacks or has altered, and foreign ones."""
    row = conn.execute("SELECT MAX(version) FROM main.schema_version").fetchone()
    wanted = expected(int(row[0] or 0))
    found = {str(name): _normal(str(sql or "")) for name, sql in conn.execute(
        "SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger'")}
    return ProtectionState(
        missing=tuple(n for n in wanted if n not in found),
        altered=tuple(n for n, sql in wanted.items() if n in found and found[n] != sql),
        foreign=tuple(sorted(n for n in found if n not in EXPECTED)),
    )


# What a login writes (services.accounts.login): allowed while the protections are gone, so
# that an admin can still log in and restore them. Everything else in the file is refused.
LOGIN_COLUMNS = frozenset({"failed_attempts", "locked_until", "last_login_at", "password_hash",
                           "must_change_password"})
_SCHEMA_CHANGES = frozenset({
    sqlite3.SQLITE_CREATE_INDEX, sqlite3.SQLITE_CREATE_TABLE, sqlite3.SQLITE_CREATE_TRIGGER,
    sqlite3.SQLITE_CREATE_VIEW, sqlite3.SQLITE_DROP_INDEX, sqlite3.SQLITE_DROP_TABLE,
    sqlite3.SQLITE_DROP_TRIGGER, sqlite3.SQLITE_DROP_VIEW, sqlite3.SQLITE_ALTER_TABLE, sqlite3.SQLITE_REINDEX,
    sqlite3.SQLITE_ANALYZE, sqlite3.SQLITE_CREATE_VTABLE, sqlite3.SQLITE_DROP_VTABLE,
})


def read_only_policy(action: int, arg1: str | None, arg2: str | None, db_name: str | None,
                     _source: str | None) -> int:
    """SQLite authorizer: reading and the connection's TEMP tables are allowed; in the
    database file only a login's bookkeeping is."""
    if db_name != "main":
        return sqlite3.SQLITE_OK
    if action in _SCHEMA_CHANGES:
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_INSERT:
        return sqlite3.SQLITE_OK if arg1 == "audit_entry" else sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_UPDATE:
        return sqlite3.SQLITE_OK if arg1 == "user" and arg2 in LOGIN_COLUMNS else sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_DELETE:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def authorizer(unprotected: Callable[[], bool]) -> Callable[[int, str | None, str | None, str | None,
                                                              str | None], int]:
    """An authorizer that applies :func:`read_only_policy` while ``unprotected()`` is true
    (checked at each statement: once an admin restored the protections, every connection
    writes again)."""

    def check(action: int, arg1: str | None, arg2: str | None, db_name: str | None, source: str | None) -> int:
        return read_only_policy(action, arg1, arg2, db_name, source) if unprotected() else sqlite3.SQLITE_OK

    return check


__all__ = ["EXPECTED", "LOGIN_COLUMNS", "ProtectionState", "authorizer", "expected", "inspect", "read_only_policy"]
