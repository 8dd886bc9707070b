"""One window per database: a QLockFile beside the database file.

A lock left by a crashed window (its process is gone) is stale and QLockFile takes it
over; a live window on the same file keeps it, and the second one is told who has it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

from suining_desk.domain.os_errors import os_reason
from suining_desk.domain.problems import Problem
from suining_desk.storage.locks import lock_path
from suining_desk.storage.tempfiles import make_private


class DatabaseLock:
    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)
        self.path = lock_path(self.db_path)
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)  # never stale by age: only when its process is gone

    def acquire(self) -> Problem | None:
        """None when this window now holds the database; otherwise why not."""
        try:  # on a computer where the program never ran, its data folder is not there yet
            self.db_path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return Problem("db_cannot_open", {"path": str(self.db_path), "reason": os_reason(exc)})
        if self._lock.tryLock(0):  # a stale lock (its process gone) is taken over here
            make_private(self.path)  # it names the process and the computer: owner-only like the rest
            return None
        if self._lock.error() == QLockFile.LockError.LockFailedError:
            info = self._lock.getLockInfo()
            pid, host = (info[-3], info[-2]) if isinstance(info, tuple) and len(info) >= 3 else (0, "")
            if pid:
                return Problem("db_in_use", {"path": str(self.db_path), "pid": pid, "host": host or "本机"})
        reason = f"无法在文件夹“{self.path.parent}”中创建锁文件"
        return Problem("db_cannot_open", {"path": str(self.db_path), "reason": reason})

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()

    @property
    def held(self) -> bool:
        return self._lock.isLocked()
