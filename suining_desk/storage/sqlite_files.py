"""SQLite ``file:`` addresses built by the rules of SQLite's URI parser, never by pasting a path
into ``file:{path}?mode=ro``.

In a URI a ``#`` starts a fragment and ``?`` the parameters, and ``%HH`` is decoded: a folder
named ``备份#1`` or ``100%`` pasted as it is opens another file, or loses ``mode=ro`` (and
SQLite then creates an empty file where it should only read). Here every byte that is not
plainly safe is percent-encoded (UTF-8, as SQLite decodes it).

Windows forms (pure text, so they are tested on any system): ``C:\\a\\b.db`` →
``file:///C:/a/b.db``; a UNC path ``\\\\server\\share\\b.db`` → ``file:////server/share/b.db``
(an empty authority and the path ``//server/share/b.db``: SQLite refuses any other authority);
the long-path prefixes ``\\\\?\\C:\\…`` and ``\\\\?\\UNC\\server\\…`` are dropped, as the path
they name is the same.
"""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path
from urllib.parse import quote

_DRIVE = re.compile(r"^[A-Za-z]:")


def sqlite_uri(path: str | os.PathLike[str], *, mode: str = "ro", windows: bool | None = None) -> str:
    """The ``file:`` URI of ``path`` opened with ``mode`` (``ro``, ``rw`` or ``rwc``);
    ``windows`` reads the path as a Windows one (default: as this system does)."""
    text = os.fspath(path)
    if os.name == "nt" if windows is None else windows:
        text = text.replace("\\", "/")
        if text[:8].upper() == "//?/UNC/":
            text = "//" + text[8:]
        elif text.startswith(("//?/", "//./")):
            text = text[4:]
        if _DRIVE.match(text):
            text = "/" + text
    encoded = quote(text, safe="/:", encoding="utf-8", errors="surrogateescape")
    return f"file:{'//' if text.startswith('/') else ''}{encoded}?mode={mode}"


def connect_read_only(path: str | os.PathLike[str], *, timeout: float = 5.0) -> sqlite3.Connection:
    """A read-only connection to the database file at ``path`` (never creates it)."""
    return sqlite3.connect(sqlite_uri(Path(path).absolute()), uri=True, timeout=timeout)
