"""Backups: SQLite's backup API (never a plain file copy of a live database), each copy
checked with ``integrity_check`` before it counts, rotated 7 daily / 4 weekly / 12 monthly.

Automatic backups live in the data folder (``backups/<name>-<path hash>/``), one folder
per database, made as private as the database itself (the folder owner-only, each file
with the database file's permissions). A backup elsewhere (``--out``) leaves the permissions
of an existing folder alone: it may be a shared folder the office set up. Beside each backup
a small JSON file records when it was made and the audit log's last entry at that moment,
and the same anchor is added
to the folder's ``anchors.jsonl``: ``audit verify`` checks the log still has each one
(:mod:`suining_desk.audit_anchors`; a log rewritten after a backup shows there).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import re
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from suining_desk import paths
from suining_desk.backup_check import BackupStopped, database_is_sound
from suining_desk.db.uri import connect_read_only
from suining_desk.os_errors import disk_full, os_reason
from suining_desk.problems import InvalidInput, Problem
from suining_desk.tempfiles import (
    clean_stale,
    create_private,
    make_private,
    remove_with_sidecars,
    temp_beside,
    write_private,
)

SUFFIX = ".sqlite3"
KEEP = {"daily": 7, "weekly": 4, "monthly": 12}
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})"
                   r"-(?P<kind>auto|manual|before-restore|before-demo|before-repair|damaged)\.sqlite3$")

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: dt.datetime
    kind: str  # auto / manual / before-restore / before-demo / before-repair / damaged
    size: int
    audit_seq: int | None = None
    audit_hash: str = ""
    check: str = "full"  # full / quick (backup_check); older backups had the full one

    @property
    def meta_path(self) -> Path:
        return meta_path(self.path)


def meta_path(backup: Path) -> Path:
    return backup.with_name(backup.name + ".json")


def backup_folder(db_path: Path) -> Path:
    """The automatic backups of one database (its name plus a hash of its full path)."""
    resolved = str(Path(db_path).expanduser().resolve())
    tag = hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:8]
    return paths.backups_dir() / f"{Path(db_path).stem}-{tag}"


def private_folder(folder: Path) -> None:
    """An owner-only folder (and, inside the data folder, every folder up to it)."""
    if is_own_folder(folder):
        paths.private_data_dir()
        for part in (paths.backups_dir(), folder):
            part.mkdir(mode=0o700, parents=True, exist_ok=True)
            make_private(part)
        return
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    make_private(folder)


def is_own_folder(folder: Path) -> bool:
    """Whether ``folder`` is inside the data folder's backups folder (which this program
    keeps private); any other folder was chosen by the user and keeps its permissions."""
    try:
        return Path(folder).resolve().is_relative_to(paths.backups_dir().resolve())
    except OSError:
        return False


def _audit_head(conn: sqlite3.Connection) -> tuple[int | None, str]:
    try:
        row = conn.execute("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1").fetchone()
    except sqlite3.DatabaseError:
        return None, ""
    return (int(row[0]), str(row[1])) if row else (None, "")


def integrity_problems(path: Path, *, full: bool = True, progress: Callable[[float], None] | None = None,
                       cancel: threading.Event | None = None) -> list[Problem]:
    """Whether ``path`` is a sound database this program can open (read-only check; the
    quick one with ``full=False``, see :mod:`suining_desk.backup_check`)."""
    from suining_desk.db.connection import SQLITE_HEADER
    from suining_desk.db.migrations import LATEST

    name = str(path)
    if not path.is_file():
        return [Problem("backup_missing", {"path": name})]
    with path.open("rb") as fh:
        if fh.read(16) != SQLITE_HEADER:
            return [Problem("backup_not_database", {"path": name})]
    try:
        conn = connect_read_only(path)
        try:
            if not database_is_sound(conn, full=full, progress=progress, cancel=cancel):
                return [Problem("backup_damaged", {"path": name})]
            version = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return [Problem("backup_damaged", {"path": name})]
    if version is None:
        return [Problem("backup_not_database", {"path": name})]
    if int(version) > LATEST:
        return [Problem("backup_newer", {"path": name, "found": version})]
    return []


def make_backup(source: Path, dest: Path, *, kind: str = "manual", now: dt.datetime | None = None,
                check: str = "full", progress: Callable[[str, float], None] | None = None,
                cancel: threading.Event | None = None) -> BackupInfo:
    """Copy the database at ``source`` to ``dest`` with the backup API (safe while the
    database is in use), check the copy (``check``: full or quick), then move it into place;
    returns its info. ``progress`` hears (stage, fraction of the whole); a set ``cancel``
    stops it with :class:`BackupStopped`, leaving nothing behind.

    The copy is written owner-only into a hidden file beside ``dest``
    (:mod:`suining_desk.tempfiles`); whatever fails (a full disk, a kill), nothing of it is
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
    from suining_desk.audit_anchors import record_anchor

    record_anchor(Path(source), seq, head, now, dest)
    size = dest.stat().st_size
    log.info("backed up (%s, %s check): %s -> %s, %d bytes, audit entry %s", kind, check, Path(source).name, dest,
             size, seq)
    return BackupInfo(dest, now, kind, size, seq, head, check)


def _why(exc: BaseException, folder: Path) -> str:
    """Why a backup could not be written, in Chinese (a full disk as the disk, not the database)."""
    from suining_desk.db.errors import storage_problem
    from suining_desk.messages import OS_REASONS, describe

    known = storage_problem(exc)
    if (known is not None and known.code == "db_disk_full") or disk_full(folder):
        return OS_REASONS["ENOSPC"]
    if isinstance(exc, OSError):
        return os_reason(exc)
    return describe(known) if known is not None else str(exc)


def backup_name(db_path: Path, now: dt.datetime, kind: str) -> str:
    return f"{Path(db_path).stem}-{now:%Y%m%d-%H%M%S}-{kind}{SUFFIX}"


def list_backups(folder: Path) -> list[BackupInfo]:
    """The backups in a folder, newest first."""
    found = []
    for path in folder.glob(f"*{SUFFIX}") if folder.is_dir() else ():
        match = _NAME.match(path.name)
        if match is None:
            continue
        created = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
        seq, head, check = None, "", "full"
        try:
            meta = json.loads(meta_path(path).read_text("utf-8"))
            seq, head = meta.get("audit_seq"), str(meta.get("audit_hash") or "")
            check = "quick" if meta.get("check") == "quick" else "full"
        except (OSError, ValueError):
            pass
        found.append(BackupInfo(path, created, match["kind"], path.stat().st_size, seq, head, check))
    return sorted(found, key=lambda b: (b.created, b.path.name), reverse=True)


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


def newest_good_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup of this database that passes the integrity check."""
    for b in list_backups(backup_folder(db_path)):
        if b.kind != "damaged" and not integrity_problems(b.path):
            return b
    return None
