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

The other way, :func:`database_path` is the one reading of an address a person gives (``--db``,
``backup --out``, ``restore FILE``, the window's ``--db``): a path, ``sqlite:///path``, or a
``file:`` URI read as SQLite reads it (``%HH`` decoded, ``file:///C:/…`` and ``file:////server/…``
on Windows) — so ``file:/data/x.sqlite3`` is that file, not a folder ``file:`` beside the program.
Parameters (``?mode=ro``) and fragments are refused: the program decides how it opens a database.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, unquote

from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.storage.backup_check import database_is_sound

SQLITE_HEADER = b"SQLite format 3\x00"  # the first 16 bytes of every SQLite database file
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


def database_path(address: str | os.PathLike[str], *, windows: bool | None = None) -> Path:
    """The file a person's database address names (see the module's notes); raises
    :class:`InvalidInput` for another kind of address or one with parameters."""
    text = os.fspath(address)
    if text.startswith("sqlite:///"):
        return Path(text[len("sqlite:///"):]).expanduser()
    if text[:5].lower() == "file:":
        return Path(_file_uri_path(text, os.name == "nt" if windows is None else windows))
    if "://" in text:
        raise InvalidInput([Problem("db_unsupported_url", {"url": text, "scheme": text.split("://", 1)[0]})])
    return Path(text).expanduser()


def _file_uri_path(uri: str, windows: bool) -> str:
    if "?" in uri or "#" in uri:
        raise InvalidInput([Problem("db_uri_parameters", {"url": uri})])
    rest = uri[5:]
    if rest.startswith("//"):
        host, slash, rest = rest[2:].partition("/")
        if host not in ("", "localhost"):
            raise InvalidInput([Problem("db_uri_host", {"url": uri, "host": host})])
        rest = slash + rest
    path = unquote(rest, encoding="utf-8", errors="surrogateescape")
    if not path:
        raise InvalidInput([Problem("db_uri_parameters", {"url": uri})])
    if windows and re.match(r"^/[A-Za-z]:", path):
        path = path[1:]  # file:///C:/a.db
    return path


def connect_read_only(path: str | os.PathLike[str], *, timeout: float = 5.0) -> sqlite3.Connection:
    """A read-only connection to the database file at ``path`` (never creates it)."""
    return sqlite3.connect(sqlite_uri(Path(path).absolute()), uri=True, timeout=timeout)


def integrity_problems(path: Path, *, newest_schema: int | None = None, full: bool = True,
                       progress: Callable[[float], None] | None = None,
                       cancel: threading.Event | None = None) -> list[Problem]:
    """Whether ``path`` is a sound database of this program (read-only check): an SQLite file
    that passes ``integrity_check`` (the quick one with ``full=False``; table by table with
    ``progress`` and ``cancel``: :mod:`suining_desk.storage.backup_check`) and has a schema
    version — no newer than ``newest_schema`` when given (a backup to restore: the caller knows
    the program's newest schema)."""
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
    if newest_schema is not None and int(version) > newest_schema:
        return [Problem("backup_newer", {"path": name, "found": version})]
    return []
