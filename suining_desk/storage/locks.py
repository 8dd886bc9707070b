"""Whether a window has a database open: its lock file (a QLockFile) beside the database."""

from __future__ import annotations

import socket
from pathlib import Path

from suining_desk.storage.tempfiles import pid_alive


def lock_path(db_path: Path) -> Path:
    """The window's lock file (a QLockFile) beside the database."""
    return Path(db_path).with_name(Path(db_path).name + ".lock")


def lock_holder(db_path: Path) -> tuple[int, str] | None:
    """(pid, host) of a live window holding the database, else None.

    Reads QLockFile's format (pid, application name, host name, one a line). A lock
    from another computer counts as held: its process cannot be checked from here.
    """
    try:
        lines = lock_path(db_path).read_text("utf-8", errors="replace").splitlines()
        pid = int(lines[0])
    except (OSError, ValueError, IndexError):
        return None
    host = lines[2] if len(lines) > 2 else ""
    if host and host != socket.gethostname():
        return pid, host
    return (pid, host or socket.gethostname()) if pid_alive(pid) else None
