"""What this computer has seen of each database's audit log, kept outside the database and
outside its backups folder: a database replaced by an older copy (a backup copied over it,
the backups folder moved away so the anchors cannot tell) is noticed when it is opened.

Per database file — known by the hash of its log's first entry (the same in every copy and
backup of it) and where it lies — a small file in the data folder's ``seen`` folder holds the
newest head (sequence and hash of the last entry) this computer saw there: written after each
commit that logged something and at each open, but only when the head continues the one
noted before (so an older copy never lowers it). On open the database must still hold the
noted entry: if it ends before it, or has another entry there, it was rolled back
(:func:`check`). A copy kept elsewhere (an old backup opened to look something up) is a
database of its own place and is not warned about; what is checked is the attack that
matters: an older copy put where the database was.

A deliberate rollback — restoring a backup with the program — notes the restored head;
one found on open is warned about until an admin accepts it
(:func:`suining_desk.services.rollback.accept`, logged in the audit log with what had been
seen). Nothing here can stop someone who also deletes the ``seen`` folder: it raises the bar
from "copy one file" to "know where to look".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from suining_desk.domain.problems import Problem
from suining_desk.storage import paths
from suining_desk.storage.tempfiles import exclusive_beside, make_private

FOLDER = "seen"
_written: dict[str, tuple[int, str]] = {}  # record key → the head this process last wrote
_keys: dict[tuple[str, str], str] = {}  # (identity, path as given) → record key


@dataclass(frozen=True)
class Seen:
    seq: int
    hash: str
    at: str  # when it was noted (ISO)
    path: str = ""  # where the database was then


@dataclass(frozen=True)
class Rollback:
    """The database holds less than this computer saw: ``now_seq`` is its last entry;
    ``diverged``: it has an entry at the seen sequence, but another one (rolled back, then
    used again)."""

    seen: Seen
    now_seq: int
    diverged: bool

    def problem(self) -> Problem:
        params = {"time": self.seen.at.replace("T", " ")[:19], "seen": self.seen.seq, "now": self.now_seq,
                  "lost": max(self.seen.seq - self.now_seq, 0)}
        return Problem("db_rolled_back_diverged" if self.diverged else "db_rolled_back", params)


def identity(conn: sqlite3.Connection) -> str | None:
    """The hash of the log's first entry (None while the log is empty)."""
    row = conn.execute("SELECT hash FROM main.audit_entry ORDER BY seq LIMIT 1").fetchone()
    return str(row[0]) if row else None


def _head(conn: sqlite3.Connection) -> tuple[int, str]:
    row = conn.execute("SELECT seq, hash FROM main.audit_entry ORDER BY seq DESC LIMIT 1").fetchone()
    return (int(row[0]), str(row[1])) if row else (0, "")


def _hash_at(conn: sqlite3.Connection, seq: int) -> str | None:
    row = conn.execute("SELECT hash FROM main.audit_entry WHERE seq = ?", (seq,)).fetchone()
    return str(row[0]) if row else None


def record_key(ident: str, db_path: Path) -> str:
    """The database (its first entry) at this place."""
    cached = _keys.get((ident, str(db_path)))
    if cached is None:
        cached = _keys[(ident, str(db_path))] = _key(ident, db_path)
    return cached


def _key(ident: str, db_path: Path) -> str:
    try:
        place = os.path.normcase(str(Path(db_path).resolve()))
    except OSError:
        place = os.path.normcase(str(Path(db_path).absolute()))
    return hashlib.sha256(f"{ident}\0{place}".encode("utf-8", "surrogateescape")).hexdigest()[:32]


def record_path(key: str) -> Path:
    return paths.data_dir() / FOLDER / f"{key}.json"


def read_seen(key: str) -> Seen | None:
    try:
        data = json.loads(record_path(key).read_text("utf-8"))
        return Seen(int(data["seq"]), str(data["hash"]), str(data.get("at", "")), str(data.get("path", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None  # none yet, or cut off by a crash while it was written: start again


def _write(key: str, ident: str, head: tuple[int, str], db_path: Path) -> None:
    target = record_path(key)
    paths.private_data_dir()
    target.parent.mkdir(mode=0o700, exist_ok=True)
    make_private(target.parent)
    record = {"seq": head[0], "hash": head[1], "at": dt.datetime.now().isoformat(timespec="seconds"),
              "path": str(db_path), "database": ident}
    temp, handle = exclusive_beside(target, "part", mode=0o600)  # a few bytes, if a kill leaves it
    with handle:
        handle.write(json.dumps(record, ensure_ascii=False).encode("utf-8"))
    os.replace(temp, target)
    _written[key] = head


def note(conn: sqlite3.Connection, db_path: Path, *, force: bool = False) -> None:
    """Note the database's head if it continues what was seen (always when ``force``: a
    restore or an admin's acceptance)."""
    ident = identity(conn)
    if ident is None:
        return
    key = record_key(ident, db_path)
    head = _head(conn)
    if not force and _written.get(key) == head:
        return  # nothing logged since this process noted it
    seen = read_seen(key)
    if not force and seen is not None:
        if (seen.seq, seen.hash) == head:
            _written[key] = head
            return
        if _hash_at(conn, seen.seq) != seen.hash:
            return  # an older (or other) copy: what was seen stays
    _write(key, ident, head, db_path)


def check(conn: sqlite3.Connection, db_path: Path) -> Rollback | None:
    """Whether the database at ``db_path`` holds less than this computer has seen there."""
    ident = identity(conn)
    seen = read_seen(record_key(ident, db_path)) if ident is not None else None
    if seen is None:
        return None
    there = _hash_at(conn, seen.seq)
    if there == seen.hash:
        return None
    return Rollback(seen, _head(conn)[0], diverged=there is not None)


__all__ = ["Rollback", "Seen", "check", "identity", "note", "read_seen"]
