"""Where the backups of a database are and what is known of each (its name says when and
why it was made; the note beside it, the audit log's last entry at that moment).
Making, rotating and restoring them: :mod:`suining_desk.storage.backups`,
:mod:`suining_desk.services.restore`."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from suining_desk.storage import paths
from suining_desk.storage.tempfiles import make_private

SUFFIX = ".sqlite3"
KEEP = {"daily": 7, "weekly": 4, "monthly": 12}
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})"
                   r"-(?P<kind>auto|manual|before-restore|before-demo|before-repair|damaged)\.sqlite3$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: dt.datetime
    kind: str  # auto / manual / before-restore / before-demo / before-repair / damaged
    size: int
    audit_seq: int | None = None
    audit_hash: str = ""
    check: str = "full"  # full / quick (storage.backup_check); older backups had the full one

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
