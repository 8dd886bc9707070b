"""Batches as a list and one batch in detail: its lines, its bank outcomes, its history."""

from __future__ import annotations

import datetime as dt
import json
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from suining_desk.db.area_scope import area_scope
from suining_desk.db.models import AuditEntry, PaymentBatch, Program, database
from suining_desk.domain.enums import BANK_RESULTS, AreaLevel


class BatchColumn(IntEnum):
    BATCH_NO = 0
    PROGRAM = 1
    PERIOD = 2
    AREA = 3
    STATUS = 4
    LINES = 5
    TOTAL = 6
    CREATED_BY = 7
    APPROVED_BY = 8
    PAID_DATE = 9


@dataclass(frozen=True)
class BatchFilter:
    area_id: int | None = None  # batches of this area and the areas inside it
    program_id: int | None = None
    status: str | None = None
    year: int | None = None
    batch_no: str = ""  # a part of the number


@dataclass(frozen=True)
class BatchRow:
    id: int
    batch_no: str
    program_id: int
    program: str
    frequency: str
    kind: str
    period: str
    period_start: dt.date
    area_id: int
    area: str
    status: str
    lines: int  # standing lines: posted reversals and re-issues count on their own
    total_fen: int  # net, reversals included
    created_by: str
    approved_by: str
    posted_by: str
    paid_date: dt.date | None
    notes: str


_SORT: dict[BatchColumn, tuple[str, ...]] = {
    BatchColumn.BATCH_NO: ("b.batch_no",),
    BatchColumn.PROGRAM: ("b.program_id",),
    # By the calendar, not the label: 2018-T1 (March) before 2018-12, a year before its months' ends.
    BatchColumn.PERIOD: ("b.period_start", "b.period_end"),
    BatchColumn.AREA: ("b.area_id",),
    BatchColumn.STATUS: ("b.status",),
    BatchColumn.LINES: ("b.id",),  # counted only for the rows on screen
    BatchColumn.TOTAL: ("b.id",),
    BatchColumn.CREATED_BY: ("b.created_by",),
    BatchColumn.APPROVED_BY: ("b.approved_by",),
    BatchColumn.PAID_DATE: ("b.paid_date",),
}


def batch_ids(f: BatchFilter, sort: BatchColumn = BatchColumn.PERIOD, descending: bool = True) -> array[int]:
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    if (scope := area_scope(f.area_id)).level != AreaLevel.COUNTY:
        under = scope.subtree()
        where.append(f"b.area_id IN ({','.join('?' * len(under))})")
        params += under
    if f.program_id is not None:
        where.append("b.program_id = ?")
        params.append(f.program_id)
    if f.status:
        where.append("b.status = ?")
        params.append(f.status)
    if f.year is not None:
        where.append("b.period >= ? AND b.period < ?")
        params += [str(f.year), str(f.year + 1)]
    if f.batch_no.strip():
        where.append("b.batch_no LIKE ?")
        params.append(f"%{f.batch_no.strip()}%")
    direction = " DESC" if descending else ""
    keys = ", ".join(f"{column}{direction}" for column in (*_SORT[sort], "b.id"))
    sql = f"SELECT b.id FROM payment_batch b WHERE {' AND '.join(where)} ORDER BY {keys}"
    return array("q", (r[0] for r in database.execute_sql(sql, params)))


_ROWS = """
SELECT b.id, b.batch_no, b.program_id, pr.name, pr.frequency, b.kind, b.period, b.period_start, b.area_id, a.name,
       b.status, b.created_by, b.approved_by, b.posted_by, b.paid_date, b.notes,
       (SELECT COUNT(*) FROM payment p WHERE p.batch_id = b.id AND p.amount_fen > 0 AND NOT EXISTS
            (SELECT 1 FROM payment r WHERE r.reverses_id = p.id)),
       (SELECT COALESCE(SUM(p.amount_fen), 0) FROM payment p WHERE p.batch_id = b.id)
FROM payment_batch b JOIN program pr ON pr.id = b.program_id JOIN area a ON a.id = b.area_id
"""


def _date(value: object) -> dt.date | None:
    return dt.date.fromisoformat(str(value)[:10]) if value else None


def batch_rows(ids: Sequence[int]) -> dict[int, BatchRow]:
    if not ids:
        return {}
    sql = f"{_ROWS} WHERE b.id IN ({','.join('?' * len(ids))})"
    out = {}
    for r in database.execute_sql(sql, list(ids)):
        (bid, no, pid, program, frequency, kind, period, start, area_id, area, status, created, approved, posted,
         paid, notes, lines, total) = r
        start_date = _date(start)
        assert start_date is not None
        out[bid] = BatchRow(bid, no, pid, program, frequency, kind, period, start_date, area_id, area, status,
                            int(lines), int(total), created, approved or "", posted or "", _date(paid), notes or "")
    return out


def batch_row(batch_id: int) -> BatchRow:
    return batch_rows([batch_id])[batch_id]


def is_per_person(batch_id: int) -> bool:
    """Whether the batch's program pays per person (医疗救助: a line names its person)."""
    batch = PaymentBatch.get_by_id(batch_id)
    return bool(Program.get_by_id(batch.program_id).basis == "person")


def find_batch(text: str) -> int | None:
    """A batch by its number (or its id)."""
    found = PaymentBatch.get_or_none(PaymentBatch.batch_no == text.strip())
    if found is None and text.strip().isdigit():
        found = PaymentBatch.get_or_none(PaymentBatch.id == int(text.strip()))
    return int(found.id) if found is not None else None


@dataclass(frozen=True)
class BatchLine:
    id: int
    household_id: int
    household_no: str
    village: str
    beneficiary: str
    payee_name: str
    payee_id_number: str
    category: str
    people: int
    standard_fen: int
    amount_fen: int
    bank_account: str
    reason: str
    posted: bool
    reverses_id: int | None
    reissue_of_id: int | None
    outcome: str  # the bank's latest word: paid / failed / ''
    reversed: bool
    outcome_date: dt.date | None = None  # the bank's date of that word
    outcome_note: str = ""  # the bank's reason (失败原因), as in its return file


_LINES = """
SELECT p.id, p.household_id, h.household_no, v.name, COALESCE(pe.name, p.payee_name), p.payee_name,
       p.payee_id_number, p.category, p.people, p.standard_fen, p.amount_fen, p.bank_account, p.reason, p.posted,
       p.reverses_id, p.reissue_of_id,
       o.result, EXISTS (SELECT 1 FROM payment r WHERE r.reverses_id = p.id), o.date, o.note
FROM payment p JOIN household h ON h.id = p.household_id JOIN area v ON v.id = p.village_id
LEFT JOIN person pe ON pe.id = p.person_id
LEFT JOIN payment_outcome o ON o.id = (SELECT MAX(x.id) FROM payment_outcome x WHERE x.payment_id = p.id)
WHERE p.batch_id = ? ORDER BY p.id
"""


def bank_result_text(result: str, date: dt.date | None, note: str) -> str:
    """成功（2018-10-12） or 失败：户名不符（2018-10-12）; '' when the bank has said nothing."""
    if not result:
        return ""
    label = BANK_RESULTS.get(result, result) + (f"：{note}" if note else "")
    return f"{label}（{date.isoformat()}）" if date is not None else label


def batch_lines(batch_id: int) -> list[BatchLine]:
    return [BatchLine(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12], bool(r[13]),
                      r[14], r[15], r[16] or "", bool(r[17]), _date(r[18]), r[19] or "")
            for r in database.execute_sql(_LINES, [batch_id])]


@dataclass(frozen=True)
class HistoryLine:
    at: str
    user: str
    action: str
    detail: str


ACTIONS = {
    "batch_created": "生成草稿", "batch_submitted": "提交审核", "batch_approved": "审核通过",
    "batch_returned": "退回修改", "batch_posted": "发放（过账）", "bank_return_imported": "导入银行回盘",
}


def batch_history(batch_id: int) -> list[HistoryLine]:
    out = []
    for e in AuditEntry.select().where((AuditEntry.table_name == "payment_batch")
                                       & (AuditEntry.record_id == str(batch_id))).order_by(AuditEntry.seq):
        after = json.loads(e.after) if e.after else {}
        detail = "；".join(template.format(after[key]) for key, template in _DETAILS.items() if after.get(key))
        out.append(HistoryLine(e.at.replace("T", " ")[:19], e.username, ACTIONS.get(e.action, e.action), detail))
    return out


_DETAILS = {"lines": "{} 笔", "paid_date": "发放日期 {}", "file": "文件 {}", "reason": "原因：{}"}
"""What a history line says of its audit entry, in Chinese (the entry's own keys are English)."""
