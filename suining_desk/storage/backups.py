"""Backups: SQLite's backup API (never a plain file copy of a live database), each copy
checked with ``integrity_check`` before it counts, rotated 7 daily / 4 weekly / 12 monthly.

Automatic backups live in the data folder (``backups/<name>-<path hash>/``), one folder
per database, made as private as the database itself (the folder owner-only, each file
with the database file's permissions). A backup elsewhere (``--out``) leaves the permissions
of an existing folder alone: it may be a shared folder the office set up. Beside each backup
a small JSON file records when it was made and the audit log's last entry at that moment,
and the same anchor is added
to the folder's ``anchors.jsonl``: ``audit verify`` checks the log still has each one
(:mod:`suining_desk.storage.anchors`; a log rewritten after a backup shows there).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from suining_desk.domain.messages import OS_REASONS, describe
from suining_desk.domain.os_errors import disk_full, os_reason
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.storage.anchors import record_anchor
from suining_desk.storage.backup_check import BackupStopped
from suining_desk.storage.backup_files import (
    KEEP,
    SUFFIX,
    BackupInfo,
    backup_folder,
    backup_name,
    is_own_folder,
    list_backups,
    meta_path,
    private_folder,
)
from suining_desk.storage.errors import storage_problem
from suining_desk.storage.sqlite_files import connect_read_only, integrity_problems
from suining_desk.storage.tempfiles import (
    clean_stale,
    create_private,
    remove_with_sidecars,
    temp_beside,
    write_private,
)

log = logging.getLogger(__name__)


def _audit_head(conn: sqlite3.Connection) -> tuple[int | None, str]:
    try:
        row = conn.execute("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1").fetchone()
    except sqlite3.DatabaseError:
        return None, ""
    return (int(row[0]), str(row[1])) if row else (None, "")


def make_backup(source: Path, dest: Path, *, kind: str = "manual", now: dt.datetime | None = None,
                check: str = "full", progress: Callable[[str, float], None] | None = None,
                cancel: threading.Event | None = None) -> BackupInfo:
    """Copy the database at ``source`` to ``dest`` with the backup API (safe while the
    database is in use), check the copy (``check``: full or quick), then move it into place;
    returns its info. ``progress`` hears (stage, fraction of the whole); a set ``cancel``
    stops it with :class:`BackupStopped`, leaving nothing behind.

    The copy is written owner-only into a hidden file beside ``dest``
    (:mod:`suining_desk.storage.tempfiles`); whatever fails (a full disk, a kill), nothing of it is
    left: its SQLite journal and WAL go with it, and what a killed backup left there is
    removed the next time."""
    now = (now or dt.datetime.now()).replace(microsecond=0)
    dest = Path(dest)
    temp = temp_beside(dest)
    report = progress or (lambda _stage, _fraction: None)
    copied = 0.15 if check == "full" else 0.5  # the share of the time the copy takes
    try:
        if is_own_folder(dest.parent):
            private_folder(dest.parent)
        elif not dest.parent.is_dir():  # a new folder for the backup is made private …
            dest.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # … but an existing folder the user chose (--out, 备份到其他位置) keeps its permissions
        clean_stale(dest.parent)
        remove_with_sidecars(temp)  # left by a killed backup of the same process id
        create_private(temp)  # a folder we cannot write to fails here, with the reason
        src = sqlite3.connect(str(source), timeout=15)
        out = sqlite3.connect(str(temp))
        try:
            def step(_status: int, remaining: int, total: int) -> None:
                if cancel is not None and cancel.is_set():
                    raise BackupStopped()
                if total:
                    report("复制数据库", copied * (1.0 - remaining / total))

            report("复制数据库", 0.0)
            src.backup(out, pages=4096, progress=step)
            seq, head = _audit_head(src)
            out.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            out.close()
            src.close()
        problems = integrity_problems(temp, full=check == "full", cancel=cancel,
                                      progress=lambda f: report("检查备份", copied + (1.0 - copied) * f))
        if problems:
            raise InvalidInput(problems)
        with temp.open("r+b") as fh:  # Windows flushes only a handle open for writing
            os.fsync(fh.fileno())
        os.replace(temp, dest)
    except (sqlite3.Error, OSError) as exc:
        if cancel is not None and cancel.is_set():
            remove_with_sidecars(temp)
            raise BackupStopped() from exc
        reason = _why(exc, dest.parent)  # while the partial copy still fills the disk
        remove_with_sidecars(temp)
        raise InvalidInput([Problem("backup_cannot_write", {"path": str(dest), "reason": reason})]) from exc
    except BaseException:
        remove_with_sidecars(temp)
        raise
    meta = {"created": now.isoformat(), "kind": kind, "source": str(source), "audit_seq": seq, "audit_hash": head,
            "check": check}
    write_private(meta_path(dest), json.dumps(meta, ensure_ascii=False))
    record_anchor(Path(source), seq, head, now, dest)
    size = dest.stat().st_size
    log.info("backed up (%s): %s -> %s, %d bytes, audit entry %s, %s check", kind, Path(source).name, dest, size, seq,
             check)
    return BackupInfo(dest, now, kind, size, seq, head, check)


def _why(exc: BaseException, folder: Path) -> str:
    """Why a backup could not be written, in Chinese (a full disk as the disk, not the database)."""
    known = storage_problem(exc)
    if (known is not None and known.code == "db_disk_full") or disk_full(folder):
        return OS_REASONS["ENOSPC"]
    if isinstance(exc, OSError):
        return os_reason(exc)
    return describe(known) if known is not None else str(exc)


def to_keep(backups: list[BackupInfo], keep: dict[str, int] | None = None) -> set[Path]:
    """The automatic backups rotation keeps: the newest of each of the last 7 days,
    4 weeks and 12 months that have backups (and always the newest one)."""
    keep = keep or KEEP
    autos = [b for b in backups if b.kind == "auto"]
    kept: set[Path] = {autos[0].path} if autos else set()
    periods: dict[str, Callable[[dt.datetime], object]] = {
        "daily": lambda t: t.date(), "weekly": lambda t: t.isocalendar()[:2], "monthly": lambda t: (t.year, t.month)}
    for name, period in periods.items():
        seen: list[object] = []
        for b in autos:  # newest first
            key = period(b.created)
            if key in seen:
                continue
            if len(seen) == keep[name]:
                break
            seen.append(key)
            kept.add(b.path)
    return kept


def rotate(folder: Path, keep: dict[str, int] | None = None) -> list[Path]:
    """Delete the automatic backups the rotation no longer keeps; returns them."""
    backups = list_backups(folder)
    kept = to_keep(backups, keep)
    removed = []
    for b in backups:
        if b.kind == "auto" and b.path not in kept:
            b.path.unlink(missing_ok=True)
            b.meta_path.unlink(missing_ok=True)
            removed.append(b.path)
    return removed


def automatic_backup(db_path: Path, *, now: dt.datetime | None = None, min_age: dt.timedelta | None = None,
                     keep: dict[str, int] | None = None, check: str = "full",
                     progress: Callable[[str, float], None] | None = None,
                     cancel: threading.Event | None = None) -> BackupInfo | None:
    """Back up ``db_path`` into its folder and rotate. Skipped (None) when nothing was
    logged since the newest automatic backup, or when the newest one checked at least as
    thoroughly as ``check`` asks is younger than ``min_age`` (the daily backup while the
    window is open: a quick-checked backup on close does not stand in for the full one)."""
    now = (now or dt.datetime.now()).replace(microsecond=0)
    folder = backup_folder(db_path)
    autos = [b for b in list_backups(folder) if b.kind == "auto"]
    newest = autos[0] if autos else None
    if newest is not None:
        enough = next((b for b in autos if check == "quick" or b.check == "full"), None)
        if min_age is not None and enough is not None and now - enough.created < min_age:
            return None
        conn = connect_read_only(db_path, timeout=15)
        try:
            seq, head = _audit_head(conn)
        finally:
            conn.close()
        if seq == newest.audit_seq and head == newest.audit_hash:
            return None
    while (folder / backup_name(db_path, now, "auto")).exists():  # two within a second
        now += dt.timedelta(seconds=1)
    info = make_backup(db_path, folder / backup_name(db_path, now, "auto"), kind="auto", now=now, check=check,
                       progress=progress, cancel=cancel)
    rotate(folder, keep)
    return info


def newest_good_backup(db_path: Path, *, newest_schema: int | None = None) -> BackupInfo | None:
    """The newest backup of this database that passes the integrity check (and is of no newer
    schema than ``newest_schema``, when given)."""
    for b in list_backups(backup_folder(db_path)):
        if b.kind != "damaged" and not integrity_problems(b.path, newest_schema=newest_schema):
            return b
    return None


# Where backups are and what they are (storage.backup_files), with the making of them here.
__all__ = ["KEEP", "SUFFIX", "BackupInfo", "automatic_backup", "backup_folder", "backup_name", "integrity_problems",
           "is_own_folder", "list_backups", "make_backup", "meta_path", "newest_good_backup", "private_folder",
           "rotate", "to_keep"]
