"""Reading the audit log: the filtered list (newest first), one entry in full, and the
history of any record. ID and bank numbers are masked on the way out."""

from __future__ import annotations

import datetime as dt
import json
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from peewee import fn

from suining_desk.audit.labels import action_label, table_label
from suining_desk.audit.verify import VerifyCancelled, VerifyReport, report_problems
from suining_desk.audit.verify import verify as verify_log
from suining_desk.db.capture import AUDITED_TABLES
from suining_desk.db.models import AuditEntry
from suining_desk.db.rows import tuples
from suining_desk.domain.privacy import mask_fields

# The window's audit page: labels, the verify (suining_desk.audit.verify) and the tables it covers.
__all__ = ["EntryDetail", "LogFilter", "LogRow", "VerifyCancelled", "VerifyReport", "action_label", "audited_tables",
           "count_entries", "distinct_values", "entries", "entry_detail", "entry_seqs", "record_history",
           "report_problems", "rows_by_seq", "summarize", "table_label", "verify_log"]


def audited_tables() -> tuple[str, ...]:
    """The tables whose every change the log records."""
    return tuple(AUDITED_TABLES)


@dataclass(frozen=True)
class LogFilter:
    username: str = ""
    action: str = ""
    table: str = ""
    record_id: str = ""
    since: dt.date | None = None
    until: dt.date | None = None


@dataclass(frozen=True)
class LogRow:
    seq: int
    at: str
    username: str
    action: str
    table: str
    record_id: str
    summary: str

    @property
    def action_label(self) -> str:
        return action_label(self.action)

    @property
    def table_label(self) -> str:
        return table_label(self.table) if self.table else ""


@dataclass(frozen=True)
class EntryDetail:
    row: LogRow
    before: Any
    after: Any
    rows: dict[str, Any]  # "table:id" → the row as logged (masked)
    digests: list[dict[str, Any]]
    prev_hash: str
    hash: str


def _load(text: str) -> Any:
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def summarize(value: Any, limit: int = 120) -> str:
    if value is None or value == "":
        return ""
    text = json.dumps(mask_fields(value), ensure_ascii=False, sort_keys=True, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _where(f: LogFilter) -> Any:
    cond = AuditEntry.seq > 0
    if f.username.strip():
        cond &= AuditEntry.username == f.username.strip()
    if f.action.strip():
        cond &= AuditEntry.action == f.action.strip()
    if f.table.strip():
        cond &= AuditEntry.table_name == f.table.strip()
    if f.record_id.strip():
        cond &= AuditEntry.record_id == f.record_id.strip()
    if f.since is not None:
        cond &= AuditEntry.at >= f.since.isoformat()
    if f.until is not None:
        cond &= AuditEntry.at < (f.until + dt.timedelta(days=1)).isoformat()
    return cond


_FIELDS = (AuditEntry.seq, AuditEntry.at, AuditEntry.username, AuditEntry.action, AuditEntry.table_name,
           AuditEntry.record_id, AuditEntry.after)


def _row(values: tuple[Any, ...]) -> LogRow:
    seq, at, user, action, table, rid, after = values
    return LogRow(int(seq), str(at).replace("T", " "), user, action, table, rid, summarize(_load(after)))


def count_entries(f: LogFilter | None = None) -> int:
    return int(AuditEntry.select().where(_where(f or LogFilter())).count())


def entries(f: LogFilter | None = None, *, offset: int = 0, limit: int = 200) -> list[LogRow]:
    query = (AuditEntry.select(*_FIELDS).where(_where(f or LogFilter()))
             .order_by(AuditEntry.seq.desc()).offset(offset).limit(limit))
    return [_row(v) for v in tuples(query)]


def record_history(table: str, record_id: object) -> list[LogRow]:
    """Every entry that logged this record: as its subject, or among the rows it wrote."""
    rid = str(record_id)
    key = json.dumps(f"{table}:{rid}") + ":"
    query = (AuditEntry.select(*_FIELDS)
             .where(((AuditEntry.table_name == table) & (AuditEntry.record_id == rid))
                    | (fn.instr(AuditEntry.states, key) > 0))
             .order_by(AuditEntry.seq))
    return [_row(v) for v in tuples(query)]


def entry_detail(seq: int) -> EntryDetail:
    e = AuditEntry.get_by_id(seq)
    states = _load(e.states) or {}
    row = _row((e.seq, e.at, e.username, e.action, e.table_name, e.record_id, e.after))
    return EntryDetail(row, mask_fields(_load(e.before)), mask_fields(_load(e.after)),
                       mask_fields(states.get("rows") or {}), list(states.get("digests") or []),
                       e.prev_hash, e.hash)


def distinct_values(column: str) -> list[str]:
    field = {"username": AuditEntry.username, "action": AuditEntry.action, "table": AuditEntry.table_name}[column]
    return [str(v[0]) for v in tuples(AuditEntry.select(field).distinct().order_by(field)) if v[0]]


def entry_seqs(f: LogFilter | None = None, descending: bool = True) -> array[int]:
    """The matching entries' numbers in display order (for the paged table)."""
    order = AuditEntry.seq.desc() if descending else AuditEntry.seq
    query = AuditEntry.select(AuditEntry.seq).where(_where(f or LogFilter())).order_by(order)
    return array("q", (int(v[0]) for v in query.tuples().iterator()))


def rows_by_seq(seqs: Sequence[int]) -> dict[int, LogRow]:
    query = AuditEntry.select(*_FIELDS).where(AuditEntry.seq.in_(list(seqs)))
    return {r.seq: r for r in (_row(v) for v in tuples(query))}
