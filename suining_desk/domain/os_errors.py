"""File-system errors in the clerk's words: which file, and why in Chinese.

The operating system's own text (``Permission denied``, ``Is a directory``, or on a
Chinese Windows a GBK message) is never shown; the error number picks a Chinese reason
from :data:`suining_desk.domain.messages.OS_REASONS`.
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

from suining_desk.domain.messages import OS_REASONS
from suining_desk.domain.problems import Problem

DISK_FULL_BYTES = 1 << 20  # less free space than this: the disk is full (SQLite may say "I/O error")

# Windows: ERROR_SHARING_VIOLATION / ERROR_LOCK_VIOLATION — the file is open in Excel or WPS
_WINDOWS_IN_USE = (32, 33)


def os_reason(exc: OSError) -> str:
    """Why ``exc`` happened, in Chinese."""
    if getattr(exc, "winerror", None) in _WINDOWS_IN_USE:
        return OS_REASONS["in_use"]
    name = errno.errorcode.get(exc.errno or 0, "")
    if name in OS_REASONS:
        return OS_REASONS[name]
    return OS_REASONS["other"].format(code=name or exc.errno or type(exc).__name__)


def os_path(exc: OSError) -> str:
    """The file the error is about ('' when the error names none). For a rename that is
    the target (the source is usually this program's own temporary file)."""
    name = exc.filename2 if exc.filename2 is not None else exc.filename
    if name is None:
        return ""
    return os.fsdecode(name) if isinstance(name, (str, bytes, os.PathLike)) else str(name)


def os_problem(exc: OSError) -> Problem:
    """A file-system error as a problem: ``无法读写“PATH”：REASON``."""
    path = os_path(exc)
    if not path:
        return Problem("os_error_no_path", {"reason": os_reason(exc)})
    return Problem("os_error", {"path": path, "reason": os_reason(exc)})


def disk_full(folder: Path) -> bool:
    """Whether the disk holding ``folder`` is (as good as) full. SQLite reports a full disk
    as "disk I/O error" when it is the shared-memory file that cannot grow."""
    try:
        return shutil.disk_usage(folder).free < DISK_FULL_BYTES
    except OSError:
        return False
