"""Where the demo county may be written, and writing it there without ever losing a database.

The demo writes only a database that is, or will be, a demo database:

- a new file (absent or empty), or an existing database of ours holding nothing at all (only
  our tables, all empty but the schema versions: a window closed before its first admin was
  created), which becomes one — a database with any table or view of another program, even an
  empty one, or any row anywhere, is not "empty";
- a *demo database*: one with the mark the generator writes (the ``demo_database`` setting,
  which no screen or command can add), or — made by a version from before the mark — one
  whose audit log *starts* with the generator's own entry (``demo_generated`` by ``system``,
  sequence 1, hashed on the genesis hash): a database is born a demo database or not at all.
  Neither where the file lies (a real database copied to the demo path stays real) nor the
  demo accounts and their password (anyone can set those) count.

Anything else — an office database, a damaged one, a file that is not a database — is
refused, whatever the flags. Replacing a demo database (``--replace``) first keeps a
checked backup of it in its backups folder. The new county is built into a hidden file
beside the target and renamed over it only when complete, so a kill at any moment leaves the
old database or the new one, never an empty one; what a kill left is removed next time.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from suining_desk.audit import GENESIS, entry_hash
from suining_desk.db.migrations import LATEST
from suining_desk.demo.generate import MARK, generate_demo
from suining_desk.domain.problems import InvalidInput, Problem


@dataclass(frozen=True)
class DemoBuilt:
    summary: Any  # DemoSummary
    kept: Path | None  # the backup of the demo database it replaced


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {str(r[1]) for r in conn.execute(f'PRAGMA table_info("{table}")')}


def born_demo(conn: sqlite3.Connection) -> bool:
    """Whether the audit log starts with the demo generator's entry, intact."""
    has_states = "states" in _columns(conn, "audit_entry")
    columns = "seq, at, username, action, table_name, record_id, before, after, prev_hash, hash"
    row = conn.execute(f"SELECT {columns}{', states' if has_states else ''} FROM audit_entry "
                       "ORDER BY seq LIMIT 1").fetchone()
    if row is None or (row[0], row[2], row[3], row[8]) != (1, "system", "demo_generated", GENESIS):
        return False
    at, user, action, table, rid, before, after = (str(v) for v in row[1:8])
    states = str(row[10] or "") if has_states else ""
    return entry_hash(GENESIS, 1, at, user, action, table, rid, before, after, states) == row[9]


def is_demo(conn: sqlite3.Connection) -> bool:
    marked = conn.execute("SELECT 1 FROM setting WHERE key = ?", (MARK,)).fetchone() is not None
    return marked or born_demo(conn)


def _own_tables() -> frozenset[str]:
    from suining_desk.db.models import ALL_MODELS

    return frozenset({m._meta.table_name for m in ALL_MODELS} | {"payment_total", "sqlite_sequence"})


def _holds_nothing(conn: sqlite3.Connection) -> bool:
    """Nothing would be lost: every table is one of ours and empty (``schema_version`` may
    hold the versions the migrations wrote), and there is no view or table of another
    program — an empty table of someone else's is still their design. Every table the file
    has is looked at, not only ours: a database of another program is never "empty"."""
    objects = conn.execute("SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view')").fetchall()
    own = _own_tables()
    if any(kind != "table" or str(name) not in own for kind, name in objects):
        return False
    for _kind, name in objects:
        if name == "schema_version":
            versions = conn.execute('SELECT version FROM "schema_version"').fetchall()
            if any(not isinstance(v, int) or not 1 <= v <= LATEST for (v,) in versions):
                return False
        elif conn.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone() is not None:
            return False
    return True


def target_kind(path: Path) -> str:
    """``new`` (absent, empty, or a database holding nothing) or ``demo``; anything else is
    refused with a Chinese reason."""
    if not path.exists() or (path.is_file() and path.stat().st_size == 0):
        return "new"
    refused = InvalidInput([Problem("demo_not_demo", {"path": str(path)})])
    if not path.is_file():
        raise refused
    try:
        # read only, but not through a read-only connection: that would leave an empty WAL
        # and shared-memory file beside a database it must not touch
        conn = sqlite3.connect(str(path), timeout=15)
        try:
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise refused
            if _holds_nothing(conn):
                return "new"
            if is_demo(conn):
                return "demo"
        finally:
            conn.close()
    except sqlite3.Error as exc:  # not a database, damaged, or of no schema we know
        raise refused from exc
    raise refused


def _settle(path: Path) -> None:
    """The old database as one self-contained file (its WAL copied in and removed), so the
    new file can take its name without an old WAL being read against it."""
    conn = sqlite3.connect(str(path), timeout=15)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:  # another program is writing it after all
        raise InvalidInput([Problem("demo_in_use", {"path": str(path), "pid": "?"})])
    wal.unlink(missing_ok=True)
    Path(f"{path}-shm").unlink(missing_ok=True)


def _build_beside(path: Path, *, scale: str, seed: int, progress: Any) -> Any:
    """Generate into a hidden owner-only file beside ``path``, then rename it over ``path``."""
    from suining_desk.db import close_database, open_database
    from suining_desk.storage.tempfiles import clean_stale, remove_with_sidecars, temp_beside

    path.parent.mkdir(parents=True, exist_ok=True)
    clean_stale(path.parent)
    temp = temp_beside(path, "building")
    remove_with_sidecars(temp)
    try:
        db = open_database(temp)
        summary = generate_demo(db, scale=scale, seed=seed, progress=progress, cancel=threading.Event())
        db.execute_sql("PRAGMA journal_mode = DELETE")  # one file to move
        close_database()
        with temp.open("r+b") as fh:  # Windows flushes only a handle open for writing
            os.fsync(fh.fileno())
        if path.exists():
            _settle(path)
        os.replace(temp, path)
    except BaseException:
        close_database()
        remove_with_sidecars(temp)
        raise
    return summary


def build_demo(path: Path, *, scale: str, seed: int, replace: bool, progress: Any = None) -> DemoBuilt:
    """Write the demo county to ``path`` (see the module's rules); the database is left open."""
    from suining_desk.db import close_database, open_database
    from suining_desk.storage.backups import backup_folder, backup_name, make_backup
    from suining_desk.storage.locks import lock_holder

    path = Path(path)
    kind = target_kind(path)
    if kind == "demo" and not replace:
        raise InvalidInput([Problem("demo_not_empty", {"path": str(path)})])
    holder = lock_holder(path)
    if holder is not None and holder[0] != os.getpid():
        raise InvalidInput([Problem("demo_in_use", {"path": str(path), "pid": holder[0]})])
    close_database()
    kept = None
    if kind == "demo":
        now = dt.datetime.now().replace(microsecond=0)
        kept = make_backup(path, backup_folder(path) / backup_name(path, now, "before-demo"),
                           kind="before-demo", now=now).path
    summary = _build_beside(path, scale=scale, seed=seed, progress=progress)
    open_database(path)
    return DemoBuilt(summary, kept)


__all__ = ["MARK", "DemoBuilt", "born_demo", "build_demo", "is_demo", "target_kind"]
