"""The four-eyes path of a batch: draft → submitted → approved → posted.

The clerk who entered a batch submits it; a reviewer who did not enter it approves it
(or sends it back with a reason); a reviewer posts it with the day the money was paid.
Posting marks every line posted in one statement, after which the database refuses any
change to them. Nothing is posted that belongs to a closed month's period or is dated in a
closed month.
"""

from __future__ import annotations

import datetime as dt

from suining_desk import audit
from suining_desk.audit.labels import ACTION_LABELS
from suining_desk.audit.sets import batch_lines
from suining_desk.db import capture as audit_capture
from suining_desk.db.models import PaymentBatch, Program, database
from suining_desk.domain.enums import BATCH_STATUS, BatchStatus
from suining_desk.domain.money import format_fen
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.services.access import chain_text, control_chain, controlled_by, password_set
from suining_desk.services.actors import ENTER, REVIEW, require_in_area
from suining_desk.services.batch_members import COVERED_PEOPLE_SQL, gone_members, joined_after, reduction_why
from suining_desk.services.batches import now_text
from suining_desk.services.caps import above_cap
from suining_desk.services.period_locks import lock_problems

MAX_LISTED = 10  # problems listed one by one before "and N more"
# Money may be paid ahead of its period (a quarter's 低保 at the quarter's start), but not
# further ahead than this: earlier is a mistyped date, not an advance.
EARLIEST_ADVANCE = dt.timedelta(days=92)

_DEAD_OR_REMOVED = """
SELECT p.id, p.payee_name, h.household_no, h.removed_on, pe.name, pe.death_date, pe.removed_on
FROM payment p JOIN household h ON h.id = p.household_id LEFT JOIN person pe ON pe.id = p.person_id
WHERE p.batch_id = ? AND p.posted = 0 AND (h.removed_on <= ? OR pe.death_date <= ? OR pe.removed_on <= ?)
LIMIT 50
"""
# Net posted amounts of the batch's programs and periods, grouped once (one index range
# each), then matched to its lines: not a household lookup per line.
_PAID_ELSEWHERE = """
WITH due AS (SELECT DISTINCT program_id, period FROM payment WHERE batch_id = ? AND posted = 0),
paid AS (
  SELECT o.program_id, o.period, o.household_id, o.person_id, MAX(o.batch_id) AS batch_id
  FROM due JOIN payment o ON o.program_id = due.program_id AND o.period = due.period
  WHERE o.posted = 1 GROUP BY o.program_id, o.period, o.household_id, o.person_id HAVING SUM(o.amount_fen) > 0)
SELECT d.id, d.payee_name, h.household_no, COALESCE(b.batch_no, '') FROM payment d
JOIN paid ON paid.program_id = d.program_id AND paid.period = d.period AND paid.household_id = d.household_id
     AND paid.person_id IS d.person_id
JOIN household h ON h.id = d.household_id
LEFT JOIN payment_batch b ON b.id = paid.batch_id
WHERE d.batch_id = ? AND d.posted = 0
LIMIT 50
"""

# A household line of a per-person program whose people no longer match what computing the
# batch would give now (a death or a move recorded after the batch was made): as computing.
_PEOPLE_CHANGED = f"""
SELECT p.id, h.id, h.household_no, COALESCE(NULLIF(p.payee_name, ''), h.head_name), p.people, {COVERED_PEOPLE_SQL}
FROM payment p
JOIN household h ON h.id = p.household_id
JOIN enrolment e ON e.program_id = p.program_id AND e.household_id = p.household_id AND e.person_id IS NULL
     AND e.start_date <= :start AND (e.end_date IS NULL OR e.end_date >= :start)
WHERE p.batch_id = :batch AND p.posted = 0 AND p.person_id IS NULL AND p.people <> {COVERED_PEOPLE_SQL}
LIMIT 50
"""

_REISSUED_LATER = """
SELECT DISTINCT o.paid_date FROM payment d JOIN payment o ON o.id = d.reissue_of_id
WHERE d.batch_id = ? AND d.posted = 0 AND o.paid_date > ? LIMIT 5
"""


def _batch(batch_id: int, status: BatchStatus) -> PaymentBatch:
    batch = PaymentBatch.get_or_none(PaymentBatch.id == batch_id)
    if batch is None:
        raise InvalidInput([Problem("batch_unknown", {"value": batch_id})])
    if batch.status != status:
        raise InvalidInput([Problem("batch_wrong_status", {"batch": batch.batch_no,
                                                           "status": BATCH_STATUS.get(batch.status, batch.status),
                                                           "wanted": BATCH_STATUS[status]})])
    return batch


def _lines(batch_id: int) -> tuple[int, int]:
    count, total = database.execute_sql(
        "SELECT COUNT(*), COALESCE(SUM(amount_fen), 0) FROM payment WHERE batch_id = ?", [batch_id]).fetchone()
    return int(count), int(total)


def submit_batch(batch_id: int, *, user: str) -> None:
    with database.atomic("IMMEDIATE"):
        batch = _batch(batch_id, BatchStatus.DRAFT)
        require_in_area(user, ENTER, batch.area_id)
        count, total = _lines(batch_id)
        if count == 0:
            raise InvalidInput([Problem("batch_no_lines", {"batch": batch.batch_no})])
        PaymentBatch.update(status=BatchStatus.SUBMITTED, submitted_at=now_text()).where(
            PaymentBatch.id == batch_id).execute()
        audit.append("batch_submitted", username=user, table_name="payment_batch", record_id=batch_id,
                     after={"batch_no": batch.batch_no, "lines": count, "total_fen": total})


def return_batch(batch_id: int, reason: str, *, user: str) -> None:
    """A reviewer sends a submitted (or approved, not yet posted) batch back to draft."""
    if not reason.strip():
        raise InvalidInput([Problem("required", {"label": "退回原因"}, field="reason")])
    with database.atomic("IMMEDIATE"):
        batch = PaymentBatch.get_or_none(PaymentBatch.id == batch_id)
        if batch is None or batch.status not in (BatchStatus.SUBMITTED, BatchStatus.APPROVED):
            status = BATCH_STATUS.get(batch.status, batch.status) if batch else ""
            raise InvalidInput([Problem("batch_wrong_status", {"batch": batch.batch_no if batch else batch_id,
                                                               "status": status, "wanted": "已提交或已审核"})])
        require_in_area(user, REVIEW, batch.area_id)
        PaymentBatch.update(status=BatchStatus.DRAFT, submitted_at=None, approved_by="", approved_at=None,
                            cap_reason="").where(
            PaymentBatch.id == batch_id).execute()
        audit.append("batch_returned", username=user, table_name="payment_batch", record_id=batch_id,
                     before={"status": batch.status}, after={"status": BatchStatus.DRAFT, "reason": reason.strip()})


def approve_batch(batch_id: int, *, user: str, cap_reason: str = "") -> None:
    """A reviewer approves; never the person who entered the batch, nor an account whose
    password that person set (a new account's, or a reset: they know it), directly or
    through a chain of accounts whose passwords were set in turn. Lines above their program's
    cap (:mod:`suining_desk.services.caps`) need ``cap_reason``: the reviewer's explicit
    confirmation, kept on the batch and in the audit log."""
    with database.atomic("IMMEDIATE"):
        batch = _batch(batch_id, BatchStatus.SUBMITTED)
        require_in_area(user, REVIEW, batch.area_id)
        if batch.created_by == user:
            raise InvalidInput([Problem("approver_is_creator", {"batch": batch.batch_no, "user": user})])
        if links := controlled_by(control_chain(user, password_set), batch.created_by):  # they know it
            params = {"batch": batch.batch_no, "user": user, "creator": batch.created_by}
            if len(links) > 1:  # through accounts whose passwords the creator set in turn
                raise InvalidInput([Problem("approver_controlled_by_creator", {**params, "chain": chain_text(links)})])
            set_by = links[0][1]
            raise InvalidInput([Problem("approver_set_by_creator", {
                **params, "at": set_by.at[:10], "how": ACTION_LABELS.get(set_by.action, set_by.action)})])
        count, total = _lines(batch_id)
        above = above_cap(batch_id)
        if above and not cap_reason.strip():
            shown = "、".join(a.text for a in above[:MAX_LISTED]) + ("等" if len(above) > MAX_LISTED else "")
            raise InvalidInput([Problem("approve_above_cap", {"count": len(above), "cap": format_fen(above[0].cap_fen),
                                                              "lines": shown}, field="cap_reason")])
        reason = cap_reason.strip() if above else ""
        PaymentBatch.update(status=BatchStatus.APPROVED, approved_by=user, approved_at=now_text(),
                            cap_reason=reason).where(
            PaymentBatch.id == batch_id).execute()
        after: dict[str, object] = {"batch_no": batch.batch_no, "lines": count, "total_fen": total}
        if above:
            after.update(cap_fen=above[0].cap_fen, cap_reason=reason,
                         above_cap=[{"payment_id": a.payment_id, "amount_fen": a.amount_fen} for a in above])
        audit.append("batch_approved", username=user, table_name="payment_batch", record_id=batch_id, after=after)


def post_problems(batch: PaymentBatch, paid_date: dt.date, today: dt.date) -> list[Problem]:
    """Why an approved batch cannot be posted on ``paid_date`` (reads only)."""
    problems: list[Problem] = lock_problems(batch.period, paid_date)
    if paid_date > today:
        problems.append(Problem("date_in_future", {"value": paid_date.isoformat()}, field="paid_date"))
    if paid_date < batch.period_start - EARLIEST_ADVANCE:
        problems.append(Problem("paid_long_before_period", {"value": paid_date.isoformat(),
                                                            "period": batch.period}, field="paid_date"))
    day = paid_date.isoformat()
    for _pid, payee, hh_no, hh_removed, name, death, left in database.execute_sql(
            _DEAD_OR_REMOVED, [batch.id, day, day, day]):
        if hh_removed is not None and str(hh_removed) <= day:
            problems.append(Problem("post_household_removed", {"household_no": hh_no, "date": str(hh_removed)}))
        elif death is not None and str(death) <= day:
            problems.append(Problem("post_person_died", {"name": name, "household_no": hh_no, "date": str(death)}))
        else:
            problems.append(Problem("post_person_left", {"name": name or payee, "household_no": hh_no,
                                                         "date": str(left)}))
    if batch.kind == "reissue":  # money paid again is paid after the payment it replaces
        for (paid,) in database.execute_sql(_REISSUED_LATER, [batch.id, day]):
            problems.append(Problem("correction_before_payment", {"value": day, "paid": str(paid)},
                                    field="paid_date"))
    problems += people_problems(batch)
    for _pid, payee, hh_no, other in database.execute_sql(_PAID_ELSEWHERE, [batch.id, batch.id]):
        problems.append(Problem("post_already_paid", {"name": payee, "household_no": hh_no, "batch": other,
                                                      "period": batch.period}))
    if len(problems) > MAX_LISTED:
        more = len(problems) - MAX_LISTED
        problems = [*problems[:MAX_LISTED], Problem("and_more", {"count": more})]
    return problems


def people_problems(batch: PaymentBatch) -> list[Problem]:
    """The lines of a regular batch of a per-person program whose people the members now
    recorded no longer give — counted as computing counts them, on the period's first day."""
    program = Program.get_by_id(batch.program_id)
    if batch.kind != "regular" or program.basis != "person":
        return []
    rows = database.execute_sql(_PEOPLE_CHANGED, {"batch": batch.id, "start": batch.period_start.isoformat(),
                                                  "per_person": True}).fetchall()
    if not rows:
        return []
    gone = gone_members(r[1] for r in rows)
    joined = joined_after((r[1] for r in rows), batch.period_start)
    return [Problem("post_people_changed", {
        "name": name, "household_no": hh_no, "people": people, "now": now,
        "why": reduction_why(gone.get(hh, []), batch.period_start, joined.get(hh, [])) or "成员有变动"})
        for _pid, hh, hh_no, name, people, now in rows]


def post_batch(batch_id: int, paid_date: dt.date, *, user: str, today: dt.date | None = None) -> int:
    """Post an approved batch as paid on ``paid_date``; returns the number of lines posted."""
    today = today or dt.date.today()
    with database.atomic("IMMEDIATE"):
        batch = _batch(batch_id, BatchStatus.APPROVED)
        require_in_area(user, REVIEW, batch.area_id)
        problems = post_problems(batch, paid_date, today)
        if problems:
            raise InvalidInput(problems)
        count, total = _lines(batch_id)
        with audit_capture.paused(database.obj, ("payment",)):  # the lines are logged as one set
            database.execute_sql("UPDATE payment SET posted = 1, paid_date = ? WHERE batch_id = ? AND posted = 0",
                                 [paid_date.isoformat(), batch_id])
        PaymentBatch.update(status=BatchStatus.POSTED, posted_by=user, posted_at=now_text(), paid_date=paid_date).where(
            PaymentBatch.id == batch_id).execute()
        audit.append("batch_posted", username=user, table_name="payment_batch", record_id=batch_id,
                     after={"batch_no": batch.batch_no, "paid_date": paid_date, "lines": count, "total_fen": total},
                     row_sets=(batch_lines(batch_id),))
    return count
