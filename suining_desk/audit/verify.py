"""``audit verify``: walk the hash chain, then compare today's records with the log.

The chain: each entry's hash covers its content and the previous entry's hash, so the
first entry that does not fit is named: *changed* (content altered), *removed* (an entry
is missing), *inserted* (an entry was slipped in) or *reordered* (entries swapped).

The records: every audited row must equal the state the log last recorded for it —
either a full canonical state (a service's write) or an 8-byte row hash in a digest
(bulk loads and large writes; see :mod:`suining_desk.db.capture`). Whichever of the
two is the newer entry governs the row. A row the log never saw is *inserted* (written
outside the program), a logged row that is gone is *removed*, a differing one *changed*.

The anchors: the log's last (seq, hash) noted beside each backup must still be in the log
(a log rewritten consistently after a backup; :mod:`suining_desk.storage.anchors`).

The database itself: its protective triggers are all there, and it holds what this computer
has seen of it (:mod:`suining_desk.db.protections`, :mod:`suining_desk.storage.seen`).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from suining_desk.audit.labels import table_label
from suining_desk.audit.sets import LoggedSet
from suining_desk.db import capture as cap
from suining_desk.db.audit_chain import GENESIS, entry_hash
from suining_desk.db.models import database
from suining_desk.db.protections import ProtectionState
from suining_desk.db.protections import inspect as inspect_protections
from suining_desk.domain.cancel import Cancelled
from suining_desk.domain.problems import Problem
from suining_desk.storage.anchors import AnchorBreak, anchors_of, check_anchors
from suining_desk.storage.seen import Rollback
from suining_desk.storage.seen import check as check_rollback

MAX_PROBLEMS = 1000
_COLUMNS = "seq, at, username, action, table_name, record_id, before, after, prev_hash, hash, states"


@dataclass(frozen=True)
class ChainBreak:
    """The first entry that does not fit: ``reason`` is 'changed' (its content or hash was
    altered), 'removed' (an entry before it is missing), 'inserted' (it was slipped into
    the chain) or 'reordered' (entries were swapped)."""

    seq: int
    reason: str


@dataclass(frozen=True)
class RecordProblem:
    table: str
    record_id: str
    reason: str  # 'changed' | 'removed' | 'inserted' | 'set_changed' (ids first-last of a row set)
    seq: int | None = None  # the entry whose logged state the row no longer matches
    fields: tuple[str, ...] = ()
    rows: int = 0  # a row set: how many rows it holds


@dataclass
class VerifyReport:
    entries: int = 0
    chain: ChainBreak | None = None
    anchor: AnchorBreak | None = None  # the oldest backup anchor the log no longer has
    anchors_checked: int = 0
    records: list[RecordProblem] = field(default_factory=list)
    record_problems: int = 0  # all of them; ``records`` keeps the first MAX_PROBLEMS
    rows_checked: int = 0
    protections: ProtectionState = field(default_factory=ProtectionState)
    rollback: Rollback | None = None  # it holds less than this computer has seen of it

    @property
    def ok(self) -> bool:
        return (self.chain is None and self.anchor is None and self.record_problems == 0
                and self.protections.ok and self.rollback is None)

    def add(self, problem: RecordProblem) -> None:
        self.record_problems += 1
        if len(self.records) < MAX_PROBLEMS:
            self.records.append(problem)


@dataclass
class _Logged:
    """What the chain says each row should be."""

    rows: dict[str, dict[int, tuple[int, dict[str, Any] | None]]] = field(default_factory=dict)
    chunks: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # table → (seq, chunk id)
    sets: dict[str, list[LoggedSet]] = field(default_factory=dict)


class VerifyCancelled(Cancelled):  # noqa: N818 - the name callers know
    """The check was stopped (nothing was written: it only reads)."""


ProgressFn = Callable[[str, float], None]
TICK_ROWS = 20_000  # progress and cancel are looked at every so many rows or entries


class _Ticker:
    """Progress over the whole check, weighted by rows; raises on cancel."""

    def __init__(self, progress: ProgressFn | None, cancel: threading.Event | None, total: int) -> None:
        self.progress, self.cancel, self.total, self.done = progress, cancel, max(total, 1), 0
        self.stage = ""

    def begin(self, stage: str) -> None:
        self.stage = stage
        self.tick(0)

    def tick(self, rows: int) -> None:
        self.done += rows
        if self.cancel is not None and self.cancel.is_set():
            raise VerifyCancelled
        if self.progress is not None:
            self.progress(self.stage, min(self.done / self.total, 1.0))


def _chunk_fits(conn: sqlite3.Connection, ref: dict[str, Any]) -> bool:
    row = conn.execute("SELECT table_name, ids, columns, hashes FROM audit_digest WHERE id = ?",
                       (ref.get("chunk"),)).fetchone()
    if row is None or row[0] != ref.get("table"):
        return False
    return cap.chunk_sha(row[0], row[1], row[2], bytes(row[3])) == ref.get("sha256")


def _collect(conn: sqlite3.Connection, seq: int, states: str, logged: _Logged) -> bool:
    """Note the entry's row states; False if its digest chunks do not fit."""
    if not states:
        return True
    data = json.loads(states)
    for key, state in (data.get("rows") or {}).items():
        table, _, rid = key.partition(":")
        logged.rows.setdefault(table, {})[int(rid)] = (seq, state)
    fits = True
    for ref in data.get("digests") or ():
        fits = fits and _chunk_fits(conn, ref)
        logged.chunks.setdefault(str(ref.get("table")), []).append((seq, int(ref.get("chunk") or 0)))
    for ref in data.get("sets") or ():
        table = str(ref.get("table"))
        logged.sets.setdefault(table, []).append(LoggedSet.from_state(seq, table, ref))
    return fits


def _walk(conn: sqlite3.Connection, logged: _Logged | None = None,
          ticker: _Ticker | None = None) -> tuple[int, ChainBreak | None]:
    known = {r[0][:16] for r in conn.execute("SELECT hash FROM audit_entry")}
    prev, prev2, prev_seq, expected, count = GENESIS, None, 0, 1, 0
    found: ChainBreak | None = None
    for e in conn.execute(f"SELECT {_COLUMNS} FROM audit_entry ORDER BY seq"):
        seq, at, user, action, table, rid, before, after, prev_hash, stored, states = e
        count += 1
        if ticker is not None and count % TICK_ROWS == 0:
            ticker.tick(TICK_ROWS)
        intact = entry_hash(prev_hash, seq, at, user, action, table, rid, before, after, states or "") == stored
        fits = _collect(conn, seq, states or "", logged) if logged is not None else True
        if found is None:
            found = _judge(seq, intact and fits, prev_hash, prev, prev2, prev_seq, expected, known)
        prev, prev2, prev_seq, expected = stored, prev, seq, seq + 1
        if found is not None and logged is None:
            break
    return count, found


def _judge(seq: int, intact: bool, prev_hash: str, prev: str, prev2: str | None, prev_seq: int,
           expected: int, known: set[str]) -> ChainBreak | None:
    if prev_hash == prev:
        if not intact:
            return ChainBreak(seq, "changed")
        return ChainBreak(expected, "removed") if seq != expected else None
    if prev2 is not None and prev_hash == prev2:
        return ChainBreak(prev_seq, "inserted")  # the entry before this one does not belong
    if prev_hash[:16] in known:
        return ChainBreak(seq, "reordered")
    if seq != expected:
        return ChainBreak(expected, "removed")
    # Intact but pointing at an entry that is not there: the one before it was rewritten
    # (content and hash); not intact either: entries were removed and the rest renumbered.
    return ChainBreak(prev_seq, "changed") if intact else ChainBreak(seq, "removed")


def verify_chain() -> ChainBreak | None:
    return _walk(database.connection())[1]


# --- records ------------------------------------------------------------------------


@dataclass
class _Digests:
    ranges: list[tuple[int, int, int, int, int]]  # (seq, lo, hi, offset, chunk index)
    chunks: list[tuple[list[str], bytes]]  # (columns, hashes)
    governs: array[int]  # id → 1 + index into ranges of the newest digest covering it


def _load_digests(conn: sqlite3.Connection, refs: list[tuple[int, int]]) -> _Digests:
    ranges: list[tuple[int, int, int, int, int]] = []
    chunks: list[tuple[list[str], bytes]] = []
    for seq, chunk_id in refs:
        row = conn.execute("SELECT ids, columns, hashes FROM audit_digest WHERE id = ?", (chunk_id,)).fetchone()
        if row is None:
            continue  # the chain walk names the entry
        offset = 0
        for lo, hi in cap.decode_ids(row[0]):
            ranges.append((seq, lo, hi, offset, len(chunks)))
            offset += hi - lo + 1
        chunks.append((str(row[1]).split(","), bytes(row[2])))
    top = max((r[2] for r in ranges), default=0)
    governs = array("l", bytes(8 * (top + 1))) if ranges else array("l", [0])
    for index in sorted(range(len(ranges)), key=lambda i: -ranges[i][0]):
        _, lo, hi, _, _ = ranges[index]
        for rid in range(lo, hi + 1):
            if governs[rid] == 0:
                governs[rid] = index + 1
    return _Digests(ranges, chunks, governs)


def _expected_hash(d: _Digests, index: int, rid: int) -> tuple[list[str], bytes]:
    _, lo, _, offset, chunk = d.ranges[index]
    columns, hashes = d.chunks[chunk]
    at = (offset + rid - lo) * cap.HASH_BYTES
    return columns, hashes[at:at + cap.HASH_BYTES]


def _compare_state(table: str, rid: int, row: dict[str, Any] | None, seq: int, state: dict[str, Any] | None,
                   report: VerifyReport) -> None:
    if state is None:
        report.add(RecordProblem(table, str(rid), "inserted", seq))  # logged as deleted, yet here
        return
    if row is None:
        return  # gone: the removal check names it
    differs = tuple(sorted(c for c, v in state.items() if c not in row or row[c] != v))
    if differs:
        report.add(RecordProblem(table, str(rid), "changed", seq, differs))


@dataclass
class _Sets:
    """The row sets logged of a table; ``governs``: id → 1 + index of the newest set holding it."""

    sets: list[LoggedSet]
    governs: array[int]

    @classmethod
    def load(cls, sets: list[LoggedSet]) -> _Sets:
        top = max((hi for s in sets for _, hi in s.runs), default=0)
        governs = array("l", bytes(8 * (top + 1)))
        for index in sorted(range(len(sets)), key=lambda i: -sets[i].seq):
            for lo, hi in sets[index].runs:
                for rid in range(lo, hi + 1):
                    if governs[rid] == 0:
                        governs[rid] = index + 1
        return cls(sets, governs)

    def newest(self, rid: int) -> LoggedSet | None:
        index = self.governs[rid] - 1 if rid < len(self.governs) else -1
        return self.sets[index] if index >= 0 else None

    def seq(self, rid: int) -> int:
        found = self.newest(rid)
        return found.seq if found is not None else -1

    def mark_superseded(self, newer_seq: Callable[[int], int]) -> None:
        """A set stands only while no later entry logs any of its rows."""
        for index, s in enumerate(self.sets):
            s.live = all(self.governs[rid] == index + 1 and newer_seq(rid) <= s.seq
                         for lo, hi in s.runs for rid in range(lo, hi + 1))


def _check_table(conn: sqlite3.Connection, table: str, logged: _Logged, report: VerifyReport,
                 ticker: _Ticker) -> None:
    rows = logged.rows.get(table, {})
    d = _load_digests(conn, logged.chunks.get(table, []))
    top = len(d.governs) - 1
    seen = bytearray(top + 1)
    current = cap.columns_of(conn, table)
    # Rows are streamed spelled with the newest digest's columns (usually every digest's).
    main = max(d.ranges)[4] if d.ranges else -1
    main_columns = d.chunks[main][0] if main >= 0 else current
    usable = all(c in current for c in main_columns)

    def digest_seq_of(rid: int) -> int:
        index = d.governs[rid] - 1 if rid <= top else -1
        return d.ranges[index][0] if index >= 0 else -1

    sets = _Sets.load(logged.sets.get(table, []))
    sets.mark_superseded(lambda rid: max(rows[rid][0] if rid in rows else -1, digest_seq_of(rid)))
    streamed = {id(s) for s in sets.sets if s.live and usable and s.columns == main_columns}
    per_row_ids: list[int] = []
    others: list[tuple[int, int]] = []  # governed by a digest with other columns: one by one
    for rid, text in cap.spelled_rows(conn, table, main_columns if usable else ["id"]):
        report.rows_checked += 1
        if report.rows_checked % TICK_ROWS == 0:
            ticker.tick(TICK_ROWS)
        if rid <= top:
            seen[rid] = 1
        index = d.governs[rid] - 1 if rid <= top else -1
        digest_seq = d.ranges[index][0] if index >= 0 else -1
        per_row = rows.get(rid)
        in_set = sets.newest(rid)
        if in_set is not None and in_set.seq >= max(digest_seq, per_row[0] if per_row else -1):
            if not in_set.live:  # superseded in part: this row is no longer what any entry logged
                report.add(RecordProblem(table, str(rid), "changed", in_set.seq))
            elif id(in_set) in streamed:
                in_set.feed(text)
        elif per_row is not None and per_row[0] > digest_seq:
            per_row_ids.append(rid)
        elif index >= 0:
            columns, want = _expected_hash(d, index, rid)
            if want == cap.ABSENT:
                report.add(RecordProblem(table, str(rid), "inserted", digest_seq))
            elif columns != main_columns or not usable:
                others.append((rid, index))
            elif cap.row_hash(text) != want:
                report.add(RecordProblem(table, str(rid), "changed", digest_seq))
        else:
            report.add(RecordProblem(table, str(rid), "inserted"))
    for s in sets.sets:
        if s.live and not (s.fits() if id(s) in streamed else s.recount(conn, table)):
            report.add(RecordProblem(table, s.first_last, "set_changed", s.seq, rows=s.rows))
    for start in range(0, len(per_row_ids), 500):
        part = per_row_ids[start:start + 500]
        found = cap.read_rows(conn, table, part)
        for rid in part:
            _compare_state(table, rid, found.get(rid), rows[rid][0], rows[rid][1], report)
    for rid, index in others:
        columns, want = _expected_hash(d, index, rid)
        row = list(cap.spelled_rows(conn, table, columns, "WHERE id = ?", (rid,))
                   ) if all(c in current for c in columns) else []
        if not row or cap.row_hash(row[0][1]) != want:
            report.add(RecordProblem(table, str(rid), "changed", d.ranges[index][0]))
    for rid, (seq, state) in sorted(rows.items()):
        gone = not (rid <= top and seen[rid]) and not _row_exists(conn, table, rid, top)
        if state is not None and gone and digest_seq_of(rid) < seq and sets.seq(rid) < seq:
            report.add(RecordProblem(table, str(rid), "removed", seq))
    for index, (seq, lo, hi, _, _) in enumerate(d.ranges):
        for rid in range(lo, hi + 1):
            per_row = rows.get(rid)
            if (d.governs[rid] != index + 1 or seen[rid] or (per_row is not None and per_row[0] > seq)
                    or sets.seq(rid) > seq):
                continue
            if _expected_hash(d, index, rid)[1] != cap.ABSENT:
                report.add(RecordProblem(table, str(rid), "removed", seq))


def _row_exists(conn: sqlite3.Connection, table: str, rid: int, top: int) -> bool:
    if rid <= top:
        return False  # the scan above would have seen it
    return conn.execute(f'SELECT 1 FROM main."{table}" WHERE id = ?', (rid,)).fetchone() is not None


def _check_blobs(conn: sqlite3.Connection, report: VerifyReport) -> None:
    """Attachment content is addressed by its SHA-256: it verifies itself."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'blob'").fetchone() is None:
        return
    for key, data, size in conn.execute("SELECT sha256, data, size FROM blob"):
        content = bytes(data or b"")
        report.rows_checked += 1
        if hashlib.sha256(content).hexdigest() != key or size != len(content):
            report.add(RecordProblem(table="blob", record_id=str(key)[:12], reason="changed"))


def _size(conn: sqlite3.Connection, table: str) -> int:
    """Roughly the rows of a table (its largest id: no scan)."""
    return int(conn.execute(f'SELECT COALESCE(MAX(rowid), 0) FROM main."{table}"').fetchone()[0])


def verify(progress: ProgressFn | None = None, cancel: threading.Event | None = None) -> VerifyReport:
    """The whole check (read-only): the chain, the backups' anchors, then every audited
    table. ``progress(stage, fraction)`` is told as it goes; setting ``cancel`` stops it
    with :class:`VerifyCancelled`."""
    conn = database.connection()
    report, logged = VerifyReport(), _Logged()
    existing = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    tables = [t for t in cap.AUDITED_TABLES if t in existing]
    sizes = {t: _size(conn, t) for t in (*tables, "audit_entry")}
    ticker = _Ticker(progress, cancel, sum(sizes.values()))
    ticker.begin("核验日志链")
    report.entries, report.chain = _walk(conn, logged, ticker)
    ticker.done = sizes["audit_entry"]
    path = database.database
    report.protections = inspect_protections(conn)
    if path and path != ":memory:":
        anchors = anchors_of(Path(path))
        report.anchors_checked = len(anchors)
        report.anchor = check_anchors(conn, anchors)
        report.rollback = check_rollback(conn, Path(path))
    for table in tables:
        ticker.begin(f"核对记录：{table_label(table)}")
        start = ticker.done
        _check_table(conn, table, logged, report, ticker)
        ticker.done = start + sizes[table]
    ticker.begin("核对附件内容")
    _check_blobs(conn, report)
    return report


def report_problems(report: VerifyReport, limit: int = 20) -> list[Problem]:
    """The report in words: the chain break first, then up to ``limit`` records."""
    problems: list[Problem] = []
    if not report.protections.ok:
        problems.append(Problem("db_protections_missing", {"names": report.protections.describe()}))
    if report.chain is not None:
        problems.append(Problem(f"audit_chain_{report.chain.reason}", {"seq": report.chain.seq}))
    if report.anchor is not None:
        problems.append(anchor_problem(report.anchor))
    if report.rollback is not None:
        problems.append(report.rollback.problem())
    for r in report.records[:limit]:
        fields = f"（{'、'.join(r.fields)}）" if r.fields else ""
        problems.append(Problem(f"audit_record_{r.reason}", {"table": table_label(r.table), "id": r.record_id,
                                                            "seq": r.seq or "", "fields": fields,
                                                            "rows": r.rows}))
    if report.record_problems > limit:
        problems.append(Problem("audit_records_more", {"count": report.record_problems - limit}))
    return problems


def anchor_problem(found: AnchorBreak) -> Problem:
    a = found.anchor
    params = {"time": a.at.replace("T", " "), "seq": a.seq, "hash": a.hash[:12], "first": found.first or "",
              "now": f"校验值为{found.now[:12]}" if found.now else "已不存在"}
    return Problem("audit_anchor_broken" if found.first else "audit_anchor_broken_unsure", params)
