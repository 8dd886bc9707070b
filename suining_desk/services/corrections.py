"""Correcting posted money: a reversal (冲销, 红字更正) is a new negative row pointing at the
payment it cancels, posted by a reviewer at once; a re-issue is a new payment pointing at
the one it replaces, gathered into a re-issue batch (kind ``reissue``) that goes the same
four-eyes way as every batch: draft → submitted → approved by someone else → posted. The
rows that were posted never change, so every total nets out and every step is visible.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from suining_desk import audit
from suining_desk.audit.sets import batch_lines
from suining_desk.db.models import Household, Payment, PaymentBatch, PaymentOutcome, Person, Program, database
from suining_desk.domain.enums import BatchStatus
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.rules.household import bank_account_text, is_bank_account
from suining_desk.services.actors import ENTER, REVIEW, require_in_area
from suining_desk.services.bank_outcomes import sent_to_bank
from suining_desk.services.batches import new_batch, now_text
from suining_desk.services.period_locks import closed_period_problem, lock_problems

_COPY = ("batch_id", "program_id", "household_id", "person_id", "township_id", "village_id", "period", "category",
         "people", "months", "standard_fen", "payee_name", "payee_id_number", "details")
_INSERT = (f"INSERT INTO payment ({', '.join(_COPY)}, amount_fen, bank_account, bank_name, paid_date, reason, "
           f"posted, reverses_id, reissue_of_id, created_by, created_at) "
           f"VALUES ({', '.join('?' * len(_COPY))}, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)")
# A re-issue line: a draft line of its re-issue batch, paid (dated) when that batch is posted.
_INSERT_DRAFT = (f"INSERT INTO payment ({', '.join(_COPY)}, amount_fen, bank_account, bank_name, paid_date, reason, "
                 f"posted, reverses_id, reissue_of_id, created_by, created_at) "
                 f"VALUES ({', '.join('?' * len(_COPY))}, ?, ?, ?, NULL, ?, 0, NULL, ?, ?, ?)")


@dataclass(frozen=True)
class PaymentState:
    """What has happened to a posted payment since."""

    payment_id: int
    reversed_by: int | None
    reissued_by: int | None


def payment_state(payment_id: int) -> PaymentState:
    rev = Payment.select(Payment.id).where(Payment.reverses == payment_id).scalar()
    re_ = Payment.select(Payment.id).where(Payment.reissue_of == payment_id).scalar()
    return PaymentState(payment_id, rev, re_)


def _date_problems(on: dt.date, original: Payment, today: dt.date) -> list[Problem]:
    problems = lock_problems(original.period, on)
    if on > today:
        problems.append(Problem("date_in_future", {"value": on.isoformat()}, field="date"))
    if original.paid_date is not None and on < original.paid_date:
        problems.append(Problem("correction_before_payment", {"value": on.isoformat(),
                                                              "paid": original.paid_date.isoformat()}, field="date"))
    return problems


def _posted_original(payment_id: int) -> Payment:
    p = Payment.get_or_none(Payment.id == payment_id)
    if p is None:
        raise InvalidInput([Problem("payment_unknown", {"value": payment_id})])
    if not p.posted:
        raise InvalidInput([Problem("payment_not_posted", {"value": payment_id})])
    if p.amount_fen <= 0 or p.reverses_id is not None:
        raise InvalidInput([Problem("payment_is_reversal", {"value": payment_id})])
    return p


def _insert(original: Payment, amount_fen: int, account: str, on: dt.date, reason: str, user: str,
            reverses: int | None, reissue_of: int | None) -> int:
    values = [getattr(original, c) for c in _COPY]
    database.execute_sql(_INSERT, [*values, amount_fen, account, original.bank_name, on.isoformat(), reason,
                                   reverses, reissue_of, user, now_text()])
    return int(database.execute_sql("SELECT last_insert_rowid()").fetchone()[0])


def _reverse(original: Payment, reason: str, user: str, on: dt.date, today: dt.date) -> int:
    problems = _date_problems(on, original, today)
    if payment_state(original.id).reversed_by is not None:
        problems.append(Problem("payment_already_reversed", {"value": original.id}))
    if not reason.strip():
        problems.append(Problem("required", {"label": "冲销原因"}, field="reason"))
    if problems:
        raise InvalidInput(problems)
    row_id = _insert(original, -original.amount_fen, original.bank_account, on, reason.strip(), user,
                     original.id, None)
    audit.append("payment_reversed", username=user, table_name="payment", record_id=original.id,
                 after={"reversal_id": row_id, "amount_fen": -original.amount_fen, "date": on,
                        "reason": reason.strip()})
    return row_id


def reverse_payment(payment_id: int, reason: str, *, user: str, on: dt.date, today: dt.date | None = None) -> int:
    """Cancel a posted payment with a negative row dated ``on``; returns the new row's id."""
    with database.atomic("IMMEDIATE"):
        original = _posted_original(payment_id)
        require_in_area(user, REVIEW, original.township_id)
        return _reverse(original, reason, user, on, today or dt.date.today())


@dataclass(frozen=True)
class Reissue:
    """A re-issue waiting in its batch: the new (draft) line and the re-issue batch."""

    payment_id: int
    batch_id: int
    batch_no: str


def _reissue_batch(original: Payment, user: str) -> PaymentBatch:
    """The draft re-issue batch of the original's program, period and area (a new one if none)."""
    area_id = (PaymentBatch.get_by_id(original.batch_id).area_id if original.batch_id is not None
               else original.township_id)
    found = PaymentBatch.get_or_none((PaymentBatch.kind == "reissue") & (PaymentBatch.status == BatchStatus.DRAFT)
                                     & (PaymentBatch.program == original.program_id)
                                     & (PaymentBatch.period == original.period) & (PaymentBatch.area == area_id))
    if found is not None:
        return found
    program = Program.get_by_id(original.program_id)
    return new_batch(program, "reissue", original.period, area_id, None, user, "重新发放", suffix="CF")


def bank_problem(payment_id: int) -> Problem | None:
    """Why a payment may not be re-issued because of what the bank did with it: it said the
    money arrived (成功), or the payment went out in a bank file and the bank has not said it
    failed (no return yet, or 处理中). Re-issuing then could pay it twice."""
    latest = (PaymentOutcome.select().where(PaymentOutcome.payment == payment_id)
              .order_by(PaymentOutcome.id.desc()).first())
    if latest is not None and latest.result == "paid":
        return Problem("reissue_bank_paid", {"value": payment_id, "date": latest.date.isoformat()})
    if latest is None and sent_to_bank(payment_id):
        return Problem("reissue_bank_unknown", {"value": payment_id})
    return None


def reissue_payment(payment_id: int, reason: str, *, user: str, on: dt.date, bank_account: str | None = None,
                    reverse_reason: str | None = None, today: dt.date | None = None) -> Reissue:
    """Put a reversed (or bank-returned) payment into a draft re-issue batch, to the
    ``bank_account`` given (by default the household's current one). The money goes out
    only when that batch is submitted, approved by a reviewer who did not enter it, and
    posted, like every other batch. With ``reverse_reason`` an unreversed payment is first
    reversed on ``on`` (a reviewer's step), in the same transaction."""
    today = today or dt.date.today()
    with database.atomic("IMMEDIATE"):
        original = _posted_original(payment_id)
        require_in_area(user, ENTER, original.township_id)
        if (frozen := closed_period_problem(original.period)) is not None:  # its batch could never be posted
            raise InvalidInput([frozen])
        state = payment_state(payment_id)
        if state.reissued_by is not None:
            raise InvalidInput([Problem("payment_already_reissued", {"value": payment_id,
                                                                     "other": state.reissued_by})])
        if (with_bank := bank_problem(payment_id)) is not None:
            raise InvalidInput([with_bank])
        if state.reversed_by is None:
            if not reverse_reason:
                raise InvalidInput([Problem("reissue_needs_reversal", {"value": payment_id})])
            require_in_area(user, REVIEW, original.township_id)
            _reverse(original, reverse_reason, user, on, today)
        household = Household.get_by_id(original.household_id)
        account = bank_account_text(bank_account if bank_account is not None else household.bank_account)
        problems = []
        if not reason.strip():
            problems.append(Problem("required", {"label": "重新发放原因"}, field="reason"))
        if not is_bank_account(account):
            problems.append(Problem("bad_bank_account", {"value": account}, field="bank_account"))
        if household.removed_on is not None and household.removed_on <= today:
            problems.append(Problem("post_household_removed", {"household_no": household.household_no,
                                                               "date": household.removed_on.isoformat()}))
        if original.person_id is not None:
            person = Person.get_by_id(original.person_id)
            if person.death_date is not None and person.death_date <= today:
                problems.append(Problem("post_person_died", {"name": person.name, "household_no":
                                                             household.household_no,
                                                             "date": person.death_date.isoformat()}))
        if problems:
            raise InvalidInput(problems)
        batch = _reissue_batch(original, user)
        values = [batch.id, *(getattr(original, c) for c in _COPY[1:])]
        bank = household.bank_name if account == bank_account_text(household.bank_account) else ""
        database.execute_sql(_INSERT_DRAFT, [*values, original.amount_fen, account, bank, reason.strip(), payment_id,
                                             user, now_text()])
        row_id = int(database.execute_sql("SELECT last_insert_rowid()").fetchone()[0])
        audit.append("payment_reissued", username=user, table_name="payment", record_id=payment_id,
                     after={"reissue_id": row_id, "batch_no": batch.batch_no, "amount_fen": original.amount_fen,
                            "bank_account": account, "reason": reason.strip()},
                     row_sets=(batch_lines(batch.id),))
    return Reissue(row_id, int(batch.id), batch.batch_no)
