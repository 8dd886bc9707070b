"""Payment batches while they are drafts: create one from enrolments and standards (or an
empty one-off batch and its lines), adjust or remove a line with a reason, delete it.

Only a draft changes; the database refuses changes to the lines of any other batch
(migration 4's triggers). Every write to a batch's lines logs all of its lines as one row
set (:mod:`suining_desk.audit.sets`), so a set logged before is superseded whole.
Submitting, approving and posting are in :mod:`suining_desk.services.batch_workflow`.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from suining_desk import audit
from suining_desk.audit.sets import batch_lines
from suining_desk.db import capture as audit_capture
from suining_desk.db.models import Area, Household, Payment, PaymentBatch, Person, Program, database
from suining_desk.db.rows import tuples
from suining_desk.domain.enums import BATCH_STATUS, BatchStatus
from suining_desk.domain.money import format_fen
from suining_desk.domain.periods import parse_period
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.reference.programs import PROGRAMS_BY_CODE
from suining_desk.services.actors import ENTER, require_in_area
from suining_desk.services.aid_details import check_details, encode, parse_details
from suining_desk.services.attachments import prepare_attachment, store_attachment
from suining_desk.services.batch_compute import Line, Preview, ProgressFn, compute_batch
from suining_desk.services.batch_members import COVERED_PEOPLE_SQL
from suining_desk.services.period_locks import closed_period_problem
from suining_desk.services.programs import StandardTable

PAYMENT_INSERT = (
    "INSERT INTO payment (batch_id, program_id, household_id, person_id, township_id, village_id, period, "
    "category, people, months, standard_fen, amount_fen, payee_name, payee_id_number, bank_account, paid_date, "
    "reason, posted, reverses_id, reissue_of_id, created_by, created_at, bank_name, details) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, 0, NULL, NULL, ?, ?, ?, ?)"
)


@dataclass(frozen=True)
class Created:
    batch_id: int
    batch_no: str
    preview: Preview | None = None


def now_text() -> str:
    return dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S")


def _raise(problems: list[Problem]) -> None:
    if problems:
        raise InvalidInput(problems)


def draft(batch_id: int) -> PaymentBatch:
    """The batch, refused unless it is still a draft."""
    batch = PaymentBatch.get_or_none(PaymentBatch.id == batch_id)
    if batch is None:
        raise InvalidInput([Problem("batch_unknown", {"value": batch_id})])
    if batch.status != BatchStatus.DRAFT:
        raise InvalidInput([Problem("batch_not_draft", {"batch": batch.batch_no,
                                                        "status": BATCH_STATUS.get(batch.status, batch.status)})])
    return batch


def _batch_no(program: Program, area: Area, period: str, suffix: str = "") -> str:
    spec = PROGRAMS_BY_CODE.get(program.code)
    base = f"{spec.batch_prefix if spec else program.code.upper()}-{area.code}-{period}"
    base += f"-{suffix}" if suffix else ""
    taken = {no for (no,) in tuples(PaymentBatch.select(PaymentBatch.batch_no)
                                    .where(PaymentBatch.batch_no.startswith(base)))}
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def new_batch(program: Program, kind: str, period_label: str, area_id: int, pay_date: dt.date | None,
              user: str, notes: str, *, suffix: str = "") -> PaymentBatch:
    """An empty draft batch (call inside the transaction that fills it)."""
    require_in_area(user, ENTER, area_id)
    period = parse_period(period_label, program.frequency)
    frozen = closed_period_problem(period.label)
    if frozen is not None:  # it could never be posted: say so now, not after review
        raise InvalidInput([frozen])
    area = Area.get_by_id(area_id)
    return PaymentBatch.create(
        batch_no=_batch_no(program, area, period.label, suffix), program=program.id, kind=kind, period=period.label,
        period_start=period.start, period_end=period.end, area=area_id, status=BatchStatus.DRAFT, created_by=user,
        paid_date=pay_date, notes=notes.strip(),
    )


def insert_lines(batch: PaymentBatch, lines: list[Line], user: str, reason: str = "") -> None:
    stamp = now_text()
    database.connection().executemany(PAYMENT_INSERT, [
        (batch.id, batch.program_id, ln.household_id, ln.person_id, ln.township_id, ln.village_id, batch.period,
         ln.category, ln.people, ln.months, ln.standard_fen, ln.amount_fen, ln.payee_name, ln.payee_id_number,
         ln.bank_account, reason, user, stamp, ln.bank_name, ln.details)
        for ln in lines
    ])


# A computed batch's lines in one statement, from the enrolments and households the preview
# read in the same transaction: the preview passes the enrolment ids (in line order) and the
# standard of each category; SQLite spells each line, counting the people paid for as the
# preview did. (Binding 22 values per line from Python took longer than writing the lines.)
_COMPUTED_INSERT = f"""
INSERT INTO payment (batch_id, program_id, household_id, person_id, township_id, village_id, period, category,
    people, months, standard_fen, amount_fen, payee_name, payee_id_number, bank_account, paid_date, reason, posted,
    reverses_id, reissue_of_id, created_by, created_at, bank_name, details)
SELECT :batch, e.program_id, e.household_id, e.person_id, h.township_id, h.village_id, :period, e.category,
    {COVERED_PEOPLE_SQL}, 1, s.value, s.value * (CASE WHEN :per_person THEN {COVERED_PEOPLE_SQL} ELSE 1 END),
    h.head_name, h.head_id_number, h.bank_account, NULL, '', 0, NULL, NULL, :user, :stamp, h.bank_name, e.details
FROM json_each(:enrolments) j
JOIN enrolment e ON e.id = j.value
JOIN household h ON h.id = e.household_id
JOIN json_each(:standards) s ON s.key = e.category
ORDER BY j.key
"""


def _insert_computed(batch: PaymentBatch, preview: Preview, user: str, per_person: bool) -> None:
    standards: dict[str, int] = {}
    for ln in preview.lines:
        if standards.setdefault(ln.category, ln.standard_fen) != ln.standard_fen or ln.enrolment_id is None:
            raise RuntimeError("a computed line does not follow its category's standard")
    database.execute_sql(_COMPUTED_INSERT, {
        "batch": batch.id, "period": batch.period, "per_person": per_person, "user": user, "stamp": now_text(),
        "start": batch.period_start.isoformat(), "enrolments": json.dumps([ln.enrolment_id for ln in preview.lines]),
        "standards": json.dumps(standards, ensure_ascii=False)})
    count, total = database.execute_sql(
        "SELECT COUNT(*), COALESCE(SUM(amount_fen), 0) FROM payment WHERE batch_id = ?", [batch.id]).fetchone()
    if (count, total) != (len(preview.lines), preview.total_fen):  # never: the same rows, the same transaction
        raise RuntimeError(f"batch lines {count}/{total} differ from the preview")


def create_batch(program_id: int, period_label: str, area_id: int, *, user: str, pay_date: dt.date,
                 notes: str = "", progress: ProgressFn | None = None,
                 cancel: threading.Event | None = None) -> Created:
    """A draft batch computed from enrolments and standards (one transaction: the lines are
    exactly what the preview inside it shows)."""
    with database.atomic("IMMEDIATE"):
        program = Program.get_by_id(program_id)
        if program.frequency == "once":
            raise InvalidInput([Problem("batch_one_off_computed", {"program": program.name}, field="program")])
        batch = new_batch(program, "regular", period_label, area_id, pay_date, user, notes)
        preview = compute_batch(program_id, batch.period, area_id, pay_date, exclude_batch=batch.id,
                                progress=progress, cancel=cancel)
        if not preview.lines:
            raise InvalidInput([Problem("batch_empty", {"program": program.name, "period": batch.period})])
        with audit_capture.paused(database.obj, ("payment",)):  # the lines are logged as one set
            _insert_computed(batch, preview, user, program.basis == "person")
        audit.append("batch_created", username=user, table_name="payment_batch", record_id=batch.id,
                     after={"batch_no": batch.batch_no, "program": program.code, "period": batch.period,
                            "area_id": area_id, "lines": len(preview.lines), "total_fen": preview.total_fen,
                            "excluded": len(preview.exclusions)}, row_sets=(batch_lines(batch.id),))
    return Created(int(batch.id), batch.batch_no, preview)


def create_one_off_batch(program_id: int, period_label: str, area_id: int, *, user: str,
                         notes: str = "") -> Created:
    """An empty draft for one-off aid (医疗救助, 临时救助 …); lines are added one by one."""
    with database.atomic("IMMEDIATE"):
        program = Program.get_by_id(program_id)
        if program.frequency != "once":
            raise InvalidInput([Problem("batch_not_one_off", {"program": program.name}, field="program")])
        batch = new_batch(program, "one_off", period_label, area_id, None, user, notes)
        audit.append("batch_created", username=user, table_name="payment_batch", record_id=batch.id,
                     after={"batch_no": batch.batch_no, "program": program.code, "period": batch.period,
                            "area_id": area_id, "kind": "one_off"})
    return Created(int(batch.id), batch.batch_no)


def _in_area(household: Household, area_id: int) -> bool:
    area = Area.get_by_id(area_id)
    return area.level == 1 or area_id in (household.township_id, household.village_id, household.group_id)


def add_one_off_line(batch_id: int, household_id: int, amount_fen: int, reason: str, *, user: str,
                     person_id: int | None = None, attachments: Sequence[tuple[str, bytes]] = (),
                     details: Mapping[str, object] | None = None) -> int:
    """One payment of one-off aid in a draft batch, with its scans (name, content) and the
    program's facts (``details`` as typed: 医疗救助's costs, 临时救助's type …, see
    :mod:`suining_desk.services.aid_details`); returns the payment's id. All or nothing: a
    file that cannot be attached refuses the line too."""
    prepared = [prepare_attachment("payment", name, data, kind="other") for name, data in attachments]
    with database.atomic("IMMEDIATE"):
        batch = draft(batch_id)
        require_in_area(user, ENTER, batch.area_id)
        program = Program.get_by_id(batch.program_id)
        household = Household.get_by_id(household_id)
        problems: list[Problem] = []
        if batch.kind != "one_off":
            problems.append(Problem("batch_not_one_off", {"program": program.name}))
        if not reason.strip():
            problems.append(Problem("required", {"label": "救助事由"}, field="reason"))
        cap = StandardTable(program.id).on("", batch.period_start)
        if amount_fen <= 0:
            problems.append(Problem("amount_not_positive", {}, field="amount"))
        elif cap is not None and amount_fen > cap:
            problems.append(Problem("amount_above_cap", {"value": format_fen(amount_fen), "cap": format_fen(cap)},
                                    field="amount"))
        if not _in_area(household, batch.area_id):
            problems.append(Problem("household_outside_batch", {"household_no": household.household_no}))
        if household.removed_on is not None:
            problems.append(Problem("household_removed", {"household_no": household.household_no}))
        if person_id is not None:
            person = Person.get_or_none((Person.id == person_id) & (Person.household == household_id))
            if person is None or person.death_date or person.removed_on:
                problems.append(Problem("person_not_present", {}, field="person"))
        elif program.basis == "person":  # 医疗救助 …: per person, and at most once a period for each
            problems.append(Problem("one_off_person_required", {"program": program.name}, field="person"))
        facts, found = parse_details(program.code, details or {})
        problems += found + [p for p in check_details(program.code, facts, amount_fen, batch.period_end)
                             if p.is_error]
        if not household.head_name or not household.head_id_number:
            problems.append(Problem("excl_no_head", {}))
        if not household.bank_account:
            problems.append(Problem("excl_no_account", {}))
        same = Payment.select(Payment.amount_fen).where(
            (Payment.program == program.id) & (Payment.period == batch.period) & (Payment.household == household_id)
            & (Payment.person.is_null() if person_id is None else Payment.person == person_id))
        if sum(a for (a,) in tuples(same)) > 0:
            problems.append(Problem("one_off_twice", {"program": program.name, "period": batch.period}))
        _raise(problems)
        line = Line(None, household_id, person_id, household.township_id, household.village_id,
                    household.household_no, household.head_name, "", 1, cap or 0, amount_fen, household.head_name,
                    household.head_id_number, household.bank_account, bank_name=household.bank_name,
                    details=encode(facts))
        insert_lines(batch, [line], user, reason.strip())
        payment_id = int(database.execute_sql("SELECT last_insert_rowid()").fetchone()[0])
        audit.append("payment_line_added", username=user, table_name="payment", record_id=payment_id,
                     after={"batch_id": batch_id, "household_id": household_id, "person_id": person_id,
                            "amount_fen": amount_fen, "reason": reason.strip(), "details": facts},
                     row_sets=(batch_lines(batch_id),))
        for file in prepared:
            store_attachment(payment_id, file, user=user)
    return payment_id


def _draft_line(payment_id: int) -> tuple[Payment, PaymentBatch]:
    line = Payment.get_or_none(Payment.id == payment_id)
    if line is None or line.batch_id is None:
        raise InvalidInput([Problem("payment_unknown", {"value": payment_id})])
    return line, draft(line.batch_id)


def adjust_line(payment_id: int, amount_fen: int, reason: str, *, user: str) -> None:
    """Change the amount of a draft line; the reason stays on the line and in the audit log."""
    if not reason.strip():
        raise InvalidInput([Problem("required", {"label": "调整原因"}, field="reason")])
    if amount_fen <= 0:
        raise InvalidInput([Problem("amount_not_positive", {}, field="amount")])
    with database.atomic("IMMEDIATE"):
        line, batch = _draft_line(payment_id)
        require_in_area(user, ENTER, batch.area_id)
        Payment.update(amount_fen=amount_fen, reason=reason.strip()).where(Payment.id == payment_id).execute()
        audit.append("payment_line_adjusted", username=user, table_name="payment", record_id=payment_id,
                     before={"amount_fen": line.amount_fen, "reason": line.reason},
                     after={"amount_fen": amount_fen, "reason": reason.strip()}, row_sets=(batch_lines(batch.id),))


def remove_line(payment_id: int, reason: str, *, user: str) -> None:
    """Take a line out of a draft (it was never paid, so it may go)."""
    if not reason.strip():
        raise InvalidInput([Problem("required", {"label": "删除原因"}, field="reason")])
    with database.atomic("IMMEDIATE"):
        line, batch = _draft_line(payment_id)
        require_in_area(user, ENTER, batch.area_id)
        snapshot = {k: v for k, v in line.__data__.items() if k != "created_at"}
        Payment.delete().where(Payment.id == payment_id).execute()
        audit.append("payment_line_removed", username=user, table_name="payment", record_id=payment_id,
                     before=snapshot, after={"reason": reason.strip()}, row_sets=(batch_lines(batch.id),))


def delete_draft(batch_id: int, *, user: str) -> None:
    with database.atomic("IMMEDIATE"):
        batch = draft(batch_id)
        require_in_area(user, ENTER, batch.area_id)
        lines = Payment.delete().where(Payment.batch == batch_id).execute()
        PaymentBatch.delete().where(PaymentBatch.id == batch_id).execute()
        audit.append("batch_deleted", username=user, table_name="payment_batch", record_id=batch_id,
                     before={"batch_no": batch.batch_no, "lines": lines})
