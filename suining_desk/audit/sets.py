"""Row sets: many rows of one table logged by ONE hash (a batch's lines).

Creating or posting a county batch writes 20,000 payment lines in one statement. Noting
each row in the capture table and hashing it on its own cost more than the write itself,
so those statements run with capture paused for the table (:func:`audit_capture.paused`)
and the entry logs the set instead: its ids (as runs), its columns and one SHA-256 over
every row spelled by SQLite (:func:`audit_capture.row_expr`), each followed by a newline,
in id order. ``audit verify`` spells the same rows again while it streams the table and
compares the hash, so a posted payment changed or removed with another tool is found (the
set is named, not the row: the log holds no per-row hash of it).

A set stands while no later entry logs any of its rows; a service that writes rows of a
batch after its set was logged logs the batch's set again (``batch_lines``), so a set is
always superseded whole, never in part.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from suining_desk.db import capture as cap


@dataclass(frozen=True)
class RowSet:
    """The rows of ``table`` matching ``where`` (SQL, with ``params``); ``label`` says what
    they are (logged with the set, e.g. ``{"batch_id": 12}``)."""

    table: str
    where: str
    params: tuple[Any, ...] = ()
    label: dict[str, Any] = field(default_factory=dict)


def batch_lines(batch_id: int) -> RowSet:
    """Every line of a payment batch."""
    return RowSet("payment", "batch_id = ?", (batch_id,), {"batch_id": batch_id})


def hasher(table: str, ids: str, columns: str) -> Any:
    """A SHA-256 primed with what the set is; feed it each row's spelling + newline."""
    return hashlib.sha256("\x1f".join((table, ids, columns, "")).encode("utf-8"))


def _spelled(conn: sqlite3.Connection, rs: RowSet, columns: list[str]) -> tuple[int, str, str]:
    sql = ("SELECT COUNT(*), COALESCE(group_concat(id), ''), COALESCE(group_concat(spelled || char(10), ''), '') "
           'FROM (SELECT id, {} AS spelled FROM main."{}" WHERE {} ORDER BY id)')
    try:
        row = conn.execute(sql.format(cap.row_expr(conn, rs.table, columns), rs.table, rs.where), rs.params).fetchone()
    except sqlite3.OperationalError:  # a blob where none belongs
        row = conn.execute(sql.format(cap.row_expr(conn, rs.table, columns, guarded=True), rs.table, rs.where),
                           rs.params).fetchone()
    return int(row[0]), str(row[1]), str(row[2])


def log_set(conn: sqlite3.Connection, rs: RowSet) -> tuple[dict[str, Any], list[int]]:
    """What an entry logs of the set, and the set's ids."""
    columns = cap.columns_of(conn, rs.table)
    count, id_text, text = _spelled(conn, rs, columns)
    ids = [int(i) for i in id_text.split(",")] if id_text else []
    if any(b <= a for a, b in zip(ids, ids[1:], strict=False)):  # SQLite kept the subquery's order: make sure
        raise RuntimeError("row set not in id order")
    runs, column_text = cap.encode_ids(ids), ",".join(columns)
    digest = hasher(rs.table, runs, column_text)
    digest.update(text.encode("utf-8"))
    return ({"table": rs.table, "of": rs.label, "ids": runs, "columns": column_text, "rows": count,
             "sha256": digest.hexdigest()}, ids)


def log_sets(conn: sqlite3.Connection, sets: Sequence[RowSet], dirty: dict[str, list[int]]) -> list[dict[str, Any]]:
    """Log each set; its rows are taken out of ``dirty`` (the set logs them)."""
    logged = []
    for rs in sets:
        entry, ids = log_set(conn, rs)
        logged.append(entry)
        if rs.table in dirty:
            covered = set(ids)
            dirty[rs.table] = [i for i in dirty[rs.table] if i not in covered]
            if not dirty[rs.table]:
                del dirty[rs.table]
    return logged


# --- verify -------------------------------------------------------------------------


@dataclass
class LoggedSet:
    """A set as an entry logged it, and what verify has seen of it."""

    seq: int
    ids: str
    columns: list[str]
    rows: int
    sha256: str
    runs: list[tuple[int, int]]
    live: bool = True  # no later entry logs any of its rows
    seen: int = 0
    digest: Any = None

    @classmethod
    def from_state(cls, seq: int, table: str, ref: dict[str, Any]) -> LoggedSet:
        ids, columns = str(ref.get("ids") or ""), str(ref.get("columns") or "")
        made = cls(seq, ids, columns.split(","), int(ref.get("rows") or 0), str(ref.get("sha256") or ""),
                   cap.decode_ids(ids))
        made.digest = hasher(table, ids, columns)
        return made

    @property
    def first_last(self) -> str:
        if not self.runs:
            return ""
        lo, hi = self.runs[0][0], self.runs[-1][1]
        return str(lo) if lo == hi else f"{lo}-{hi}"

    def feed(self, text: str) -> None:
        self.seen += 1
        self.digest.update(text.encode("utf-8") + b"\n")

    def fits(self) -> bool:
        return self.seen == self.rows and self.digest.hexdigest() == self.sha256

    def recount(self, conn: sqlite3.Connection, table: str) -> bool:
        """Spell the set's rows again with its own columns (they differ from the table's)."""
        current = cap.columns_of(conn, table)
        if not all(c in current for c in self.columns):
            return False
        self.seen, self.digest = 0, hasher(table, self.ids, ",".join(self.columns))
        for lo, hi in self.runs:
            for _rid, text in cap.spelled_rows(conn, table, self.columns, "WHERE id BETWEEN ? AND ?", (lo, hi)):
                self.feed(text)
        return self.fits()
