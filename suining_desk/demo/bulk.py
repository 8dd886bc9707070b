"""Bulk loading for the generator: progress and cancel between chunks, raw
``executemany`` inside the caller's transaction, indexes rebuilt after the load, and
the pragmas a fresh database can be loaded with.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from typing import Any

from peewee import Database, OperationalError

from suining_desk.domain.cancel import Cancelled

ProgressFn = Callable[[str, float], None]
CHUNK = 50_000


class DemoCancelled(Cancelled):  # noqa: N818 - the name the callers know
    """The caller set the cancel event; the load's transaction is rolled back."""

    def __init__(self) -> None:
        super().__init__("已取消生成演示数据")


class Progress:
    """Reports the overall fraction done from weighted stages, and checks for cancel."""

    def __init__(
        self, stages: Sequence[tuple[str, float]], callback: ProgressFn | None,
        cancel: threading.Event | None,
    ) -> None:
        self._weights = dict(stages)
        self._total = sum(self._weights.values())
        self._before: dict[str, float] = {}
        done = 0.0
        for name, weight in stages:
            self._before[name] = done
            done += weight
        self._callback = callback
        self._cancel = cancel

    def check(self) -> None:
        if self._cancel is not None and self._cancel.is_set():
            raise DemoCancelled

    def report(self, stage: str, fraction: float = 0.0) -> None:
        """``fraction`` of ``stage`` is done; also a cancel point."""
        self.check()
        if self._callback is not None:
            part = self._weights[stage] * min(max(fraction, 0.0), 1.0)
            self._callback(stage, min((self._before[stage] + part) / self._total, 1.0))

    def finish(self, stage: str) -> None:
        if self._callback is not None:
            self._callback(stage, 1.0)


def load(
    db: Database, sql: str, rows: Iterable[Sequence[Any]], progress: Progress, stage: str,
    *, expected: int, done_before: int = 0, chunk: int = CHUNK,
) -> int:
    """``executemany`` the rows in chunks (progress and cancel between them); returns
    how many were written. Call inside the load's transaction."""
    conn = db.connection()
    it: Iterator[Sequence[Any]] = iter(rows)
    written = 0
    while True:
        part = list(islice(it, chunk))
        if not part:
            return written
        conn.executemany(sql, part)
        written += len(part)
        progress.report(stage, (done_before + written) / max(expected, 1))


def drop_indexes(db: Database, tables: Sequence[str]) -> list[tuple[str, str]]:
    """Drop the tables' explicit indexes (inside the transaction); returns (table, SQL)
    of each, to build them again with :func:`create_indexes`.

    Building an index once after the load is several times faster than keeping it up
    to date row by row; unique indexes are rebuilt too, so a duplicate still fails.
    """
    marks = ", ".join("?" * len(tables))
    found = db.execute_sql(
        f"SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' "
        f"AND sql IS NOT NULL AND tbl_name IN ({marks}) ORDER BY name", list(tables),
    ).fetchall()
    for name, _, _ in found:
        db.execute_sql(f'DROP INDEX "{name}"')
    return [(str(table), str(sql)) for _, table, sql in found]


def create_indexes(db: Database, statements: Sequence[str], progress: Progress, stage: str) -> None:
    for done, sql in enumerate(statements):
        progress.report(stage, done / max(len(statements), 1))
        db.execute_sql(sql)


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: the generator holds a few million small
    objects (none in reference cycles), which every collection would walk again."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def fast_load(db: Database) -> Iterator[None]:
    """Pragmas for loading a *fresh* database: a rollback journal instead of the WAL
    (a million-row transaction would otherwise be written twice: to the WAL, then
    checkpointed), no fsync and no foreign-key checks during the load, a larger page
    cache and sorter threads; the previous values come back afterwards.

    Safe only because the database is new: if the machine dies mid-load there is nothing
    to lose but the demo, and every id the generator writes is one it assigned itself
    (the tests run ``PRAGMA foreign_key_check`` on generated data). These pragmas must be
    set outside a transaction, so this wraps the load's transaction. If another
    connection keeps the database in WAL mode, the load simply stays in WAL mode.
    """
    names = ("synchronous", "foreign_keys", "cache_size", "threads", "busy_timeout")
    before = {n: int(db.execute_sql(f"PRAGMA {n}").fetchone()[0]) for n in names}
    journal = str(db.execute_sql("PRAGMA journal_mode").fetchone()[0])
    db.execute_sql("PRAGMA busy_timeout = 0")  # another connection open: don't wait, stay WAL
    try:
        db.execute_sql("PRAGMA journal_mode = DELETE")
    except OperationalError:
        pass
    db.execute_sql(f"PRAGMA busy_timeout = {before['busy_timeout']}")
    db.execute_sql("PRAGMA synchronous = OFF")
    db.execute_sql("PRAGMA foreign_keys = OFF")
    db.execute_sql("PRAGMA cache_size = -262144")  # 256 MB while loading
    db.execute_sql("PRAGMA threads = 2")  # helper threads sort for CREATE INDEX
    try:
        yield
    finally:
        for name in names:
            db.execute_sql(f"PRAGMA {name} = {before[name]}")
        try:
            db.execute_sql(f"PRAGMA journal_mode = {journal}")
        except OperationalError:
            pass  # open_database sets the journal mode again next time
