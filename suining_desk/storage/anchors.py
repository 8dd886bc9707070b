"""Anchors: the audit log's last entry (sequence and hash) noted outside the database at
each backup, so a log rewritten consistently afterwards — every hash recomputed, which the
chain walk alone cannot see — is caught by ``audit verify``.

Each backup appends one line to ``anchors.jsonl`` in the database's backup folder (kept
when the rotation deletes the backup itself) and writes the same anchor into the backup's
``.json`` note. ``verify`` checks that today's log still has every anchored (seq, hash);
when it does not, the backup (if still there) tells from which entry on the log differs.

A restore deliberately rolls the log back to the backup's: it appends a line naming the
anchors the restored log no longer has (they belonged to the replaced database), and
those are not checked again.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from suining_desk.storage.backup_files import backup_folder, list_backups, private_folder
from suining_desk.storage.sqlite_files import connect_read_only

MANIFEST = "anchors.jsonl"


@dataclass(frozen=True)
class Anchor:
    seq: int
    hash: str
    at: str  # when the backup was made (ISO)
    backup: str = ""  # the backup file, to find where the log starts to differ


@dataclass(frozen=True)
class AnchorBreak:
    """The first anchor today's log no longer has, and the first entry that differs
    from that backup (None when the backup file is gone)."""

    anchor: Anchor
    now: str  # today's hash at the anchored sequence ('' when the entry is gone)
    first: int | None


def manifest_path(db_path: Path) -> Path:
    return backup_folder(db_path) / MANIFEST


def _append(db_path: Path, record: dict[str, object]) -> None:
    path = manifest_path(db_path)
    private_folder(path.parent)
    with path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    if os.name == "posix":
        os.chmod(path, 0o600)


def record_anchor(db_path: Path, seq: int | None, head: str, at: dt.datetime, backup: Path) -> None:
    """Note a backup's anchor (nothing when the log was empty)."""
    if seq is None:
        return
    _append(db_path, {"seq": seq, "hash": head, "at": at.isoformat(), "backup": str(backup)})


def _read_manifest(db_path: Path) -> tuple[list[Anchor], set[tuple[int, str]]]:
    anchors: list[Anchor] = []
    superseded: set[tuple[int, str]] = set()
    try:
        lines = manifest_path(db_path).read_text("utf-8").splitlines()
    except OSError:
        return anchors, superseded
    for line in lines:
        try:
            record = json.loads(line)
        except ValueError:
            continue  # a line cut off by a crash while it was written
        if "superseded" in record:
            superseded.update((int(seq), str(head)) for seq, head in record["superseded"])
        elif record.get("seq") is not None:
            anchors.append(Anchor(int(record["seq"]), str(record["hash"]), str(record.get("at", "")),
                                  str(record.get("backup", ""))))
    return anchors, superseded


def anchors_of(db_path: Path) -> list[Anchor]:
    """Every anchor still to check, oldest sequence first: the manifest's and those in the
    notes of the backups in the folder, less those a restore superseded."""
    anchors, superseded = _read_manifest(db_path)
    for info in list_backups(backup_folder(db_path)):
        if info.audit_seq is not None and info.audit_hash:
            anchors.append(Anchor(int(info.audit_seq), info.audit_hash, info.created.isoformat(), str(info.path)))
    unique: dict[tuple[int, str], Anchor] = {}
    for anchor in anchors:  # one per (seq, hash); the one whose backup is still there, to compare with
        key = (anchor.seq, anchor.hash)
        if key not in superseded and (key not in unique or Path(anchor.backup).is_file()):
            unique[key] = anchor
    return sorted(unique.values(), key=lambda a: (a.seq, a.at))


def _hash_at(conn: sqlite3.Connection, seq: int) -> str:
    row = conn.execute("SELECT hash FROM audit_entry WHERE seq = ?", (seq,)).fetchone()
    return str(row[0]) if row else ""


def record_restore(db_path: Path, conn: sqlite3.Connection, source: Path, at: dt.datetime) -> int:
    """After a restore: the anchors the restored log does not have are set aside."""
    gone = [[a.seq, a.hash] for a in anchors_of(db_path) if _hash_at(conn, a.seq) != a.hash]
    _append(db_path, {"restored": str(source), "at": at.isoformat(), "superseded": gone})
    return len(gone)


def _chain(conn: sqlite3.Connection, upto: int) -> dict[int, str]:
    return {int(seq): str(head) for seq, head in conn.execute(
        "SELECT seq, hash FROM audit_entry WHERE seq <= ?", (upto,))}


def _first_difference(conn: sqlite3.Connection, anchor: Anchor) -> int | None:
    """The first entry up to the anchor where today's log and the backup's differ."""
    backup = Path(anchor.backup)
    if not anchor.backup or not backup.is_file():
        return None
    try:
        old = connect_read_only(backup)
        try:
            then = _chain(old, anchor.seq)
        finally:
            old.close()
    except sqlite3.DatabaseError:
        return None
    if then.get(anchor.seq) != anchor.hash:
        return None  # not the backup the anchor was taken from
    now = _chain(conn, anchor.seq)
    return next((seq for seq in range(1, anchor.seq + 1) if now.get(seq) != then.get(seq)), anchor.seq)


def check_anchors(conn: sqlite3.Connection, anchors: list[Anchor]) -> AnchorBreak | None:
    """The oldest anchor today's log no longer has, or None."""
    for anchor in anchors:
        now = _hash_at(conn, anchor.seq)
        if now != anchor.hash:
            return AnchorBreak(anchor, now, _first_difference(conn, anchor))
    return None


__all__ = ["Anchor", "AnchorBreak", "anchors_of", "check_anchors", "record_anchor", "record_restore"]
