"""Fixture databases built once per test process and copied for each test.

Migrating an empty file (five migrations, each committed with fsync) and building a fixture
county row by row cost far more than copying a file: the builders (``build_county``,
``build_payment_county``, the window tests' ``fill_county``) and the ``db`` fixture go through
here. A test still gets its own file, in its own folder, and may change it at will.

A copy must be indistinguishable from a fresh build, to the database *and* the connection:
rows written since the last audit entry are noted in the connection's TEMP capture table
(the next entry logs them), so the template keeps that list and each copy's connection gets
it back. The value a builder returned (model instances with their ids) is deep-copied for
each test, so a test that changes one cannot change the next test's.
"""

from __future__ import annotations

import atexit
import copy
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from suining_desk.db import close_database, open_database
from suining_desk.db.models import database

T = TypeVar("T")


@dataclass(frozen=True)
class _Template:
    path: Path
    value: Any
    pending: list[tuple[str, int]]  # (table, id) noted for the next audit entry


_built: dict[str, _Template] = {}
_folder: Path | None = None


def _templates_folder() -> Path:
    global _folder
    if _folder is None:
        _folder = Path(tempfile.mkdtemp(prefix="suining-templates-"))
        atexit.register(shutil.rmtree, _folder, True)
    return _folder


def _pending() -> list[tuple[str, int]]:
    try:
        rows = database.execute_sql("SELECT tbl, rid FROM temp.audit_dirty").fetchall()
    except sqlite3.OperationalError:  # no capture table on this connection yet
        return []
    return [(str(table), int(rid)) for table, rid in rows]


def _restore_pending(rows: list[tuple[str, int]]) -> None:
    if rows:
        database.connection().executemany("INSERT OR IGNORE INTO temp.audit_dirty VALUES (?, ?)", rows)


def _is_empty() -> bool:
    return not database.execute_sql("SELECT EXISTS (SELECT 1 FROM area)").fetchone()[0]


def _copy_over(template: Path, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(template, path)


def from_template(key: str, build: Callable[[], T]) -> T:
    """Into the open database, when it is still empty: what ``build`` wrote the first time it
    ran in this process, and a copy of what it returned. A database that already holds areas
    (a test building on its own data) is built into for real."""
    path = Path(database.database)
    if not _is_empty():
        return build()
    template = _built.get(key)
    if template is None:
        value = build()
        pending = _pending()
        close_database()
        template = _Template(_templates_folder() / f"{key}.sqlite3", value, pending)
        shutil.copyfile(path, template.path)
        _built[key] = template
    else:
        close_database()
        _copy_over(template.path, path)
    open_database(path)
    _restore_pending(template.pending)
    return copy.deepcopy(template.value)


def schema_copy(target: Path) -> Path:
    """An empty database with the newest schema at ``target`` (migrated once per process)."""
    template = _built.get("schema")
    if template is None:
        template = _Template(_templates_folder() / "schema.sqlite3", None, [])
        open_database(template.path)
        close_database()
        _built["schema"] = template
    _copy_over(template.path, target)
    return target
