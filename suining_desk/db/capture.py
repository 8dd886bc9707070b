"""Which rows a change wrote, captured by the database itself, for the audit log.

Every connection gets TEMP triggers on the audited tables that note ``(table, id)`` of
each row inserted, updated or deleted in a small TEMP table. :func:`suining_desk.audit.append`
drains that set inside the same transaction and logs each row's canonical after-state
(``None`` for a deleted row) in the entry, so no service has to list what it touched and
``audit verify`` can compare today's records with the last logged state.

A raw connection (someone editing the file with another tool) has no such triggers:
what it changes is not logged, and verify names it.

Large writes (more than :data:`FULL_STATE_LIMIT` rows) and bulk loads log a *digest*
instead: the rows' 8-byte hashes, in chunks, in ``audit_digest``; the entry lists each
chunk's SHA-256, so the chunks are as tamper-evident as the entry itself.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from peewee import Database

AUDITED_TABLES = (
    "area", "user", "household", "person", "member_change", "status_change", "settlement_site",
    "relocation", "renovation", "attachment", "program", "standard", "enrolment", "payment_batch",
    "payment", "payment_outcome", "period_lock", "setting", "allocation",
)
FULL_STATE_LIMIT = 2000  # more rows than this in one entry: a digest instead of full states
CHUNK_ROWS = 4096
HASH_BYTES = 8
ABSENT = b"\0" * HASH_BYTES  # the hash of a row that was deleted
_OPS = (("insert", ("NEW",)), ("update", ("OLD", "NEW")), ("delete", ("OLD",)))


def _trigger_name(table: str, op: str) -> str:
    return f"audit_cap_{table}_{op}"


def install(conn: sqlite3.Connection, tables: Sequence[str] = AUDITED_TABLES) -> None:
    """Create the capture table and triggers on this connection (idempotent); tables
    that do not exist yet are skipped (call again after migrations)."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS audit_dirty "
                 "(tbl TEXT NOT NULL, rid INTEGER NOT NULL, PRIMARY KEY (tbl, rid)) WITHOUT ROWID")
    existing = {r[0] for r in conn.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'")}
    for table in tables:
        if table not in existing:
            continue
        for op, refs in _OPS:
            body = " ".join(f"INSERT OR IGNORE INTO audit_dirty VALUES ('{table}', {r}.id);" for r in refs)
            conn.execute(f'CREATE TEMP TRIGGER IF NOT EXISTS {_trigger_name(table, op)} '
                         f'AFTER {op.upper()} ON main."{table}" BEGIN {body} END')


def uninstall(conn: sqlite3.Connection, tables: Sequence[str] = AUDITED_TABLES) -> None:
    for table in tables:
        for op, _ in _OPS:
            conn.execute(f"DROP TRIGGER IF EXISTS temp.{_trigger_name(table, op)}")


@contextmanager
def paused(db: Database, tables: Sequence[str] = AUDITED_TABLES) -> Iterator[None]:
    """No capture of ``tables`` while a bulk write runs: a bulk load logs a whole-table
    digest instead, a batch's lines a row set (:mod:`suining_desk.audit.sets`)."""
    conn = db.connection()
    uninstall(conn, tables)
    try:
        yield
    finally:
        install(conn, tables)


def pending(db: Database) -> list[tuple[str, int]]:
    """Rows written on this connection since the last entry (tests: a service logged all)."""
    try:
        rows = db.connection().execute("SELECT tbl, rid FROM temp.audit_dirty ORDER BY tbl, rid").fetchall()
    except sqlite3.OperationalError:
        return []
    return [(str(t), int(r)) for t, r in rows]


def drain(conn: sqlite3.Connection) -> dict[str, list[int]]:
    try:
        rows = conn.execute("SELECT tbl, rid FROM temp.audit_dirty ORDER BY tbl, rid").fetchall()
    except sqlite3.OperationalError:  # a connection without capture
        return {}
    conn.execute("DELETE FROM temp.audit_dirty")
    dirty: dict[str, list[int]] = {}
    for table, rid in rows:
        dirty.setdefault(str(table), []).append(int(rid))
    return dirty


# --- canonical row values -----------------------------------------------------------


def _sha(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def canonical_value(table: str, column: str, value: Any) -> Any:
    """The value as logged: content (blobs) and password hashes by their SHA-256 only."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return _sha(bytes(value))
    if table == "user" and column == "password_hash" and value:
        return _sha(str(value).encode("utf-8"))
    return value


def canonical_row(table: str, columns: Sequence[str], values: Sequence[Any]) -> dict[str, Any]:
    return {c: canonical_value(table, c, v) for c, v in zip(columns, values, strict=True)}


def row_expr(conn: sqlite3.Connection, table: str, columns: Sequence[str], *, guarded: bool = False) -> str:
    """SQL that spells a row as one JSON array, built by SQLite in C — what digests hash.

    BLOB columns are spelled in hex. ``guarded``: also any value that is a blob where
    none belongs (only after tampering; the plain spelling fails on it, and is 2× faster).
    """
    blobs = {str(r[1]) for r in conn.execute(f'PRAGMA main.table_info("{table}")') if str(r[2]).upper() == "BLOB"}
    parts = []
    for c in columns:
        if c in blobs:
            parts.append(f'hex("{c}")')
        elif guarded:
            parts.append(f"""iif(typeof("{c}") = 'blob', 'blob:' || hex("{c}"), "{c}")""")
        else:
            parts.append(f'"{c}"')
    return f"json_array({', '.join(parts)})"


def spelled_rows(conn: sqlite3.Connection, table: str, columns: Sequence[str], where: str = "",
                 params: Sequence[Any] = ()) -> list[tuple[int, str]] | Iterator[tuple[int, str]]:
    """``(id, spelling)`` of the rows, in id order."""
    sql = 'SELECT id, {} FROM main."{}" {} ORDER BY id'
    try:
        cursor = conn.execute(sql.format(row_expr(conn, table, columns), table, where), params)
        first = cursor.fetchmany(CHUNK_ROWS)
    except sqlite3.OperationalError:  # a blob where none belongs
        return conn.execute(sql.format(row_expr(conn, table, columns, guarded=True), table, where),
                            params).fetchall()

    def rest() -> Iterator[tuple[int, str]]:
        yield from first
        yield from cursor

    return rest()


def row_hash(text: str) -> bytes:
    """8 bytes of SHA-256 over a row spelled by :func:`row_expr`."""
    return hashlib.sha256(text.encode("utf-8")).digest()[:HASH_BYTES]


def columns_of(conn: sqlite3.Connection, table: str) -> list[str]:
    return [str(r[1]) for r in conn.execute(f'PRAGMA main.table_info("{table}")')]


def read_rows(conn: sqlite3.Connection, table: str, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """Canonical state of each row that exists (missing ids are left out)."""
    found: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        part = list(ids[start:start + 500])
        cursor = conn.execute(f'SELECT * FROM main."{table}" WHERE id IN ({",".join("?" * len(part))})', part)
        columns = [d[0] for d in cursor.description]
        for values in cursor:
            row = canonical_row(table, columns, values)
            found[int(row["id"])] = row
    return found


# --- ids as runs --------------------------------------------------------------------


def encode_ids(ids: Sequence[int]) -> str:
    """Sorted ids as runs: ``1-4096`` or ``3,5,7-9``."""
    parts: list[str] = []
    i = 0
    while i < len(ids):
        j = i
        while j + 1 < len(ids) and ids[j + 1] == ids[j] + 1:
            j += 1
        parts.append(str(ids[i]) if i == j else f"{ids[i]}-{ids[j]}")
        i = j + 1
    return ",".join(parts)


def decode_ids(text: str) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for part in filter(None, text.split(",")):
        lo, _, hi = part.partition("-")
        runs.append((int(lo), int(hi or lo)))
    return runs


def chunk_sha(table: str, ids: str, columns: str, hashes: bytes) -> str:
    head = "\x1f".join((table, ids, columns)).encode("utf-8")
    return hashlib.sha256(head + b"\x1f" + hashes).hexdigest()


# --- what an entry logs -------------------------------------------------------------


def _write_chunk(conn: sqlite3.Connection, seq: int, table: str, ids: list[int], columns: list[str],
                 hashes: bytes) -> dict[str, Any]:
    id_text, column_text = encode_ids(ids), ",".join(columns)
    cursor = conn.execute(
        "INSERT INTO audit_digest (entry_seq, table_name, ids, columns, hashes) VALUES (?, ?, ?, ?, ?)",
        (seq, table, id_text, column_text, hashes))
    return {"table": table, "chunk": cursor.lastrowid, "rows": len(ids),
            "sha256": chunk_sha(table, id_text, column_text, hashes)}


def _digest_ids(conn: sqlite3.Connection, seq: int, table: str, ids: list[int]) -> list[dict[str, Any]]:
    columns = columns_of(conn, table)
    chunks = []
    for start in range(0, len(ids), CHUNK_ROWS):
        part = ids[start:start + CHUNK_ROWS]
        found: dict[int, str] = {}
        for at in range(0, len(part), 500):
            some = part[at:at + 500]
            found.update(spelled_rows(conn, table, columns, f'WHERE id IN ({",".join("?" * len(some))})', some))
        hashes = b"".join(row_hash(found[i]) if i in found else ABSENT for i in part)
        chunks.append(_write_chunk(conn, seq, table, part, columns, hashes))
    return chunks


def _digest_table(conn: sqlite3.Connection, seq: int, table: str) -> list[dict[str, Any]]:
    columns = columns_of(conn, table)
    chunks: list[dict[str, Any]] = []
    ids: list[int] = []
    hashes: list[bytes] = []
    for rid, text in spelled_rows(conn, table, columns):
        ids.append(int(rid))
        hashes.append(row_hash(text))
        if len(ids) == CHUNK_ROWS:
            chunks.append(_write_chunk(conn, seq, table, ids, columns, b"".join(hashes)))
            ids, hashes = [], []
    if ids:
        chunks.append(_write_chunk(conn, seq, table, ids, columns, b"".join(hashes)))
    return chunks


def states_json(conn: sqlite3.Connection, seq: int, dirty: dict[str, list[int]],
                whole_tables: Sequence[str] = (), sets: Sequence[dict[str, Any]] = ()) -> dict[str, Any] | None:
    """What the entry ``seq`` logs of the rows written: full states for a few rows, a
    digest for many; ``whole_tables`` are digested completely (bulk loads); ``sets``:
    row sets already logged (:mod:`suining_desk.audit.sets`), each by one hash."""
    logged: dict[str, Any] = {"sets": list(sets)} if sets else {}
    digests: list[dict[str, Any]] = []
    for table in whole_tables:
        digests += _digest_table(conn, seq, table)
        dirty.pop(table, None)
    if not dirty and not digests:
        return logged or None
    if sum(len(ids) for ids in dirty.values()) > FULL_STATE_LIMIT or digests:
        for table, ids in sorted(dirty.items()):
            digests += _digest_ids(conn, seq, table, ids)
        return {"digests": digests, **logged}
    rows: dict[str, Any] = {}
    for table, ids in sorted(dirty.items()):
        found = read_rows(conn, table, ids)
        for rid in ids:
            rows[f"{table}:{rid}"] = found.get(rid)
    return {"rows": rows, **logged}
