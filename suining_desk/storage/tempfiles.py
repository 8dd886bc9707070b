"""Private temporary database files beside their target, and the ones a killed run left.

A backup, a restore and a demo build each write a whole database into a hidden file beside
where it will go (``.NAME.PID@HOST.tmp``), check it, then rename it into place: a kill at
any moment leaves the old file or the new one, never half of one. What a kill leaves behind
(the hidden file, and SQLite's ``-journal``, ``-wal`` and ``-shm`` beside it) is removed the
next time one of them runs in that folder — only files named our way, only when the process
that wrote them is gone: one from this computer whose process id is no longer running (a
name from before the computer name was in it: also an hour old). A file another computer is
writing into a shared folder is left alone.

Each file is created owner-only (0600 on POSIX); SQLite gives its journal and WAL the same
permissions as the database file.

Outputs (exports, bank files, ledgers) are written the same way through :func:`exclusive_beside`:
a hidden file under a random name, created exclusively — a file or a link someone planted under
a predictable name (``.NAME.partial`` was one) can neither receive the write nor redirect it.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import socket
import time
from pathlib import Path
from typing import BinaryIO

SIDECARS = ("-journal", "-wal", "-shm")
TAGS = ("tmp", "restore", "building")
LEGACY_AGE = 3600.0  # seconds: a name without the computer name is stale only when this old
_HEADER = b"SQLite format 3\x00"
_NAME = re.compile(r"^\.(?P<name>.+\.(?:sqlite3|db))\.(?P<pid>\d+)(?:@(?P<host>[A-Za-z0-9-]+))?"
                   r"\.(?P<tag>tmp|restore|building)(?P<side>-journal|-wal|-shm)?$", re.IGNORECASE)


def host_tag() -> str:
    """This computer's name, reduced to what is safe in a file name."""
    name = re.sub(r"[^A-Za-z0-9-]", "", socket.gethostname())[:40]
    return name or "pc"


def temp_beside(target: Path, tag: str = "tmp") -> Path:
    """The hidden temporary file of this process for ``target``."""
    target = Path(target)
    return target.with_name(f".{target.name}.{os.getpid()}@{host_tag()}.{tag}")


def exclusive_beside(target: Path, tag: str = "partial", *, mode: int = 0o666) -> tuple[Path, BinaryIO]:
    """A new hidden file beside ``target`` (``.NAME.<random>.TAG``) open for writing: created
    with ``O_EXCL`` (and ``O_NOFOLLOW`` where there is one), so nothing that already lies there —
    a file, a link to a database — is ever written through. ``mode`` before the umask (an
    output keeps the usual permissions; 0o600 for a private note)."""
    target = Path(target)
    flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(16):
        path = target.with_name(f".{target.name}.{secrets.token_hex(8)}.{tag}")
        try:
            fd = os.open(path, flags, mode)
        except FileExistsError:
            continue  # 64 random bits taken: someone is guessing; another name
        return path, os.fdopen(fd, "wb")
    raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))


def create_private(path: Path) -> None:
    """Create ``path`` empty and owner-only; an existing file is an error (FileExistsError)."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0), 0o600)
    os.close(fd)


def write_private(path: Path, text: str) -> None:
    """Write a small text file (UTF-8) readable by its owner only."""
    fd = os.open(path, os.O_CREAT | os.O_TRUNC | os.O_WRONLY | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(text.encode("utf-8"))
    make_private(path)


def make_private(path: Path) -> None:
    """Take group and others' access away from an existing file or folder (POSIX; one that
    is not ours, or a system without such permissions, is left as it is)."""
    if os.name != "posix":
        return
    try:
        mode = os.stat(path).st_mode & 0o777
        if mode & 0o077:
            os.chmod(path, mode & 0o700)
    except OSError:
        pass


def remove_with_sidecars(path: Path) -> None:
    """The file and SQLite's journal, WAL and shared-memory files beside it, quietly."""
    for suffix in ("", *SIDECARS):
        try:
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        except OSError:
            pass  # a folder we cannot write to: nothing of ours is in it either


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this computer."""
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - Windows only
        import ctypes

        kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _ours(main: Path) -> bool:
    """A temporary file we wrote holds a database, or nothing yet, or a database whose first
    page SQLite had not written yet when it was killed (zeros)."""
    try:
        with main.open("rb") as fh:
            head = fh.read(16)
    except FileNotFoundError:
        return True  # only its sidecars are left
    except OSError:
        return False
    return head in (b"", _HEADER) or head == bytes(len(head))


def _stale(match: re.Match[str], path: Path, now: float) -> bool:
    pid, host = int(match["pid"]), match["host"]
    if pid == os.getpid() or (host is not None and host != host_tag()):
        return False
    if host is None:
        try:
            if now - path.stat().st_mtime < LEGACY_AGE:
                return False
        except OSError:
            return False
    return not pid_alive(pid)


def clean_stale(folder: Path) -> list[Path]:
    """Remove what killed runs left in ``folder``; returns the files removed."""
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    for path in entries:
        match = _NAME.match(path.name)
        if match is None or not path.is_file():
            continue
        main = path.with_name(path.name[: len(path.name) - len(match["side"] or "")])
        if _stale(match, path, now) and _ours(main):
            try:
                path.unlink()
            except OSError:
                continue
            removed.append(path)
    return removed


__all__ = ["clean_stale", "create_private", "host_tag", "make_private", "pid_alive", "remove_with_sidecars",
           "temp_beside", "write_private"]
