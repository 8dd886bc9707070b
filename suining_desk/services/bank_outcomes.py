"""What the bank has of a posted batch (一卡通代发): the lines that still stand and go to the
bank, those it confirmed paid or failed (PaymentOutcome), whether a payment went out in a
bank file. Queries over the database; the files themselves are :mod:`suining_desk.exchange.bank_files`.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from suining_desk.db.models import PaymentBatch, PaymentOutcome, database
from suining_desk.domain.enums import BatchStatus
from suining_desk.domain.problems import InvalidInput, Problem

__all__ = ["BankLine", "BankResult", "bank_date_problems", "bank_lines", "bank_results", "check_bank_date",
           "confirmed_paid", "failed_payments", "latest_outcomes", "posted_batch", "sent_to_bank"]

# Lines of a posted batch that still stand (not reversals, not reversed), in line order.
_STANDING = """
SELECT p.id, p.payee_name, p.payee_id_number, p.bank_account, p.amount_fen, p.reissue_of_id
FROM payment p
WHERE p.batch_id = ? AND p.posted = 1 AND p.amount_fen > 0
  AND NOT EXISTS (SELECT 1 FROM payment r WHERE r.reverses_id = p.id)
ORDER BY p.id
"""
# Lines the bank already confirmed paid are never in a bank list again (a re-sent file would
# pay them twice).
_CONFIRMED_PAID = """
SELECT p.id FROM payment p
WHERE p.batch_id = ? AND p.posted = 1 AND p.amount_fen > 0
  AND (SELECT o.result FROM payment_outcome o WHERE o.payment_id = p.id ORDER BY o.date DESC, o.id DESC LIMIT 1)
      = 'paid'
"""


def confirmed_paid(batch_id: int) -> set[int]:
    """The batch's lines the bank confirmed paid (left out of any further export)."""
    return {int(pid) for (pid,) in database.execute_sql(_CONFIRMED_PAID, [batch_id])}


@dataclass(frozen=True)
class BankLine:
    payment_id: int
    name: str
    id_number: str
    account: str
    amount_fen: int
    reissue: bool


def posted_batch(batch_id: int) -> PaymentBatch:
    """The batch, refused unless it exists and is posted."""
    batch = PaymentBatch.get_or_none(PaymentBatch.id == batch_id)
    if batch is None:
        raise InvalidInput([Problem("batch_unknown", {"value": batch_id})])
    if batch.status != BatchStatus.POSTED:
        raise InvalidInput([Problem("bank_not_posted", {"batch": batch.batch_no})])
    return batch


def bank_lines(batch_id: int, *, reissues_only: bool = False) -> list[BankLine]:
    posted_batch(batch_id)
    lines = [BankLine(pid, name, number, account, amount, reissue is not None)
             for pid, name, number, account, amount, reissue in database.execute_sql(_STANDING, [batch_id])]
    return [ln for ln in lines if ln.reissue] if reissues_only else lines


def sent_to_bank(payment_id: int) -> bool:
    """Whether a posted payment went out in a bank file: its batch was exported (with it in
    the list: before it was reversed, and not a re-issues-only list it is no part of), or —
    for a batch exported before exports were recorded — a return file was imported for it."""
    row = database.execute_sql(
        "SELECT p.batch_id, p.reissue_of_id IS NOT NULL, "
        "(SELECT MIN(e.seq) FROM audit_entry e WHERE e.action = 'payment_reversed' AND e.table_name = 'payment' "
        " AND e.record_id = CAST(p.id AS TEXT)) "
        "FROM payment p WHERE p.id = ?", [payment_id]).fetchone()
    if row is None or row[0] is None:
        return False
    batch_id, is_reissue, reversed_at = row
    entries = database.execute_sql(
        "SELECT seq, action, after FROM audit_entry WHERE table_name = 'payment_batch' AND record_id = ? "
        "AND action IN ('bank_file_exported', 'bank_return_imported')", [str(batch_id)]).fetchall()
    exports = [(seq, json.loads(after or "{}")) for seq, action, after in entries if action == "bank_file_exported"]
    if not exports:
        return any(action == "bank_return_imported" for _, action, _ in entries)
    return any((reversed_at is None or seq < reversed_at) and (is_reissue or not after.get("reissues_only"))
               for seq, after in exports)


def bank_date_problems(on: dt.date, batch: PaymentBatch, today: dt.date) -> list[Problem]:
    """The bank handled the transfer after the money was paid out and not after today."""
    problems = []
    if on > today:
        problems.append(Problem("date_in_future", {"value": on.isoformat()}, field="date"))
    if batch.paid_date is not None and on < batch.paid_date:
        problems.append(Problem("bank_date_before_payment", {"value": on.isoformat(), "batch": batch.batch_no,
                                                             "paid": batch.paid_date.isoformat()}, field="date"))
    return problems


def check_bank_date(batch_id: int, on: dt.date, *, today: dt.date | None = None) -> None:
    """Refuse a bank date before the batch was paid or after today (the window asks first)."""
    if problems := bank_date_problems(on, posted_batch(batch_id), today or dt.date.today()):
        raise InvalidInput(problems)


def latest_outcomes(batch_id: int) -> dict[int, str]:
    latest: dict[int, str] = {}
    for pid, result in database.execute_sql(
            "SELECT o.payment_id, o.result FROM payment_outcome o JOIN payment p ON p.id = o.payment_id "
            "WHERE p.batch_id = ? ORDER BY o.id", [batch_id]):
        latest[pid] = result
    return latest


@dataclass(frozen=True)
class BankResult:
    result: str  # paid / failed
    date: dt.date
    note: str
    recorded_by: str


def bank_results(payment_id: int) -> list[BankResult]:
    """Everything the bank's return files said of one payment, oldest first (the last counts)."""
    query = PaymentOutcome.select().where(PaymentOutcome.payment == payment_id).order_by(PaymentOutcome.id)
    return [BankResult(o.result, o.date, o.note, o.recorded_by) for o in query]


def failed_payments(batch_id: int) -> list[int]:
    """Lines whose latest bank outcome is failed and that still stand (to re-issue)."""
    standing = {ln.payment_id for ln in bank_lines(batch_id)}
    return sorted(pid for pid, result in latest_outcomes(batch_id).items() if result == "failed" and pid in standing)
