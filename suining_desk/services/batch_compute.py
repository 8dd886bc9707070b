"""Computing a regular batch: who is due for a program, a period and an area, how much,
and why everyone else is left out.

A beneficiary (a household, or one person of it) is due when its enrolment has started
by the first day of the period and has not ended before it, the household is still on
the register on the paying day, the person is alive and present on that day, the
household has a head to pay and a 一卡通 account, there is a standard for its category,
and nobody has paid it for this period yet (net of reversals, counting draft batches
too). The amount is the standard in force on the first day of the period, times the
people covered for a per-person program.

Reads only; :func:`suining_desk.services.batches.create_batch` writes what this computes.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from suining_desk.cancel import Cancelled
from suining_desk.db.models import Area, PaymentBatch, Program, database
from suining_desk.enums import AreaLevel
from suining_desk.messages import describe
from suining_desk.periods import Period, parse_period, previous
from suining_desk.problems import InvalidInput, Problem
from suining_desk.services.period_locks import closed_period_problem
from suining_desk.services.programs import StandardTable

ProgressFn = Callable[[float], None]
PROGRESS_EVERY = 2000


@dataclass(frozen=True)
class Line:
    """One computed payment line."""

    enrolment_id: int | None
    household_id: int
    person_id: int | None
    township_id: int
    village_id: int
    household_no: str
    beneficiary: str  # the person's name, or the head's for a household
    category: str
    people: int
    standard_fen: int
    amount_fen: int
    payee_name: str
    payee_id_number: str
    bank_account: str
    months: int = 1


@dataclass(frozen=True)
class Exclusion:
    """A beneficiary left out of the batch, and why (a problem code and its details)."""

    enrolment_id: int | None
    household_id: int
    person_id: int | None
    household_no: str
    name: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return describe(Problem(self.code, self.params))


@dataclass(frozen=True)
class Preview:
    program_id: int
    program_name: str
    period: Period
    area_id: int
    pay_date: dt.date
    lines: list[Line]
    exclusions: list[Exclusion]

    @property
    def total_fen(self) -> int:
        return sum(line.amount_fen for line in self.lines)

    @property
    def people(self) -> int:
        return sum(line.people for line in self.lines)


_ENROLMENTS = """
SELECT e.id, e.household_id, e.person_id, e.category, e.people, e.start_date, e.end_date, e.end_reason,
       h.township_id, h.village_id, h.household_no, h.head_name, h.head_id_number, h.bank_account,
       h.removed_on, h.removal_reason, p.name, p.death_date, p.removed_on, p.removal_reason
FROM enrolment e
JOIN household h ON h.id = e.household_id
LEFT JOIN person p ON p.id = e.person_id
WHERE e.program_id = ? AND e.start_date <= ? AND (e.end_date IS NULL OR e.end_date >= ?) {area}
ORDER BY h.village_id, h.household_no, e.person_id, e.id
"""

# Net amount already paid (or put in another unposted batch) per beneficiary.
_PAID = """
SELECT household_id, person_id, SUM(amount_fen), MAX(batch_id), MIN(posted)
FROM payment WHERE program_id = ? AND period = ? AND (posted = 1 OR batch_id IS NOT ?)
GROUP BY household_id, person_id
"""


def area_sql(area_id: int, alias: str = "h") -> tuple[str, list[Any]]:
    """An ``AND …`` clause keeping rows of ``alias`` inside an area."""
    area = Area.get_or_none(Area.id == area_id)
    if area is None:
        raise InvalidInput([Problem("required", {"label": "发放区域"}, field="area")])
    column = {AreaLevel.TOWNSHIP: "township_id", AreaLevel.VILLAGE: "village_id",
              AreaLevel.GROUP: "group_id"}.get(AreaLevel(area.level))
    return ("", []) if column is None else (f"AND {alias}.{column} = ?", [area_id])


def _iso(value: object) -> str | None:
    return None if value is None else str(value)


def compute_batch(
    program_id: int, period_label: str, area_id: int, pay_date: dt.date, *,
    exclude_batch: int | None = None, progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
) -> Preview:
    """The lines and the exclusions of a regular batch (``exclude_batch``: a draft whose
    own lines should not count as already paid, when it is computed again)."""
    program = Program.get_by_id(program_id)
    if program.frequency == "once":
        raise InvalidInput([Problem("batch_one_off_computed", {"program": program.name}, field="program")])
    period = parse_period(period_label, program.frequency)
    if exclude_batch is None and (frozen := closed_period_problem(period.label)) is not None:
        raise InvalidInput([frozen])  # a new batch of a closed period could never be posted
    earliest = previous(period, program.frequency).start
    standards = StandardTable(program_id)
    per_person = program.basis == "person"
    area_clause, area_params = area_sql(area_id)
    db = database
    rows = db.execute_sql(_ENROLMENTS.format(area=area_clause),
                          [program_id, period.end.isoformat(), earliest.isoformat(), *area_params]).fetchall()
    paid: dict[tuple[int, int | None], tuple[int, int, int]] = {
        (hh, person): (int(total), int(batch or 0), int(posted))
        for hh, person, total, batch, posted in db.execute_sql(_PAID, [program_id, period.label, exclude_batch])
    }
    batch_nos: dict[int, str] = {}
    start_iso, pay_iso = period.start.isoformat(), pay_date.isoformat()
    lines: list[Line] = []
    exclusions: list[Exclusion] = []
    seen: set[tuple[int, int | None]] = set()
    for n, r in enumerate(rows):
        if n % PROGRESS_EVERY == 0:
            if cancel is not None and cancel.is_set():
                raise Cancelled
            if progress is not None:
                progress(n / max(len(rows), 1))
        (enrol_id, hh, person, category, people, start, end, end_reason, town, village, hh_no, head, head_id,
         account, hh_removed, hh_reason, p_name, p_death, p_removed, p_reason) = r
        name = p_name or head or ""
        key = (hh, person)

        def out(code: str, **params: Any) -> None:
            exclusions.append(Exclusion(enrol_id, hh, person, hh_no, name, code, params))  # noqa: B023

        start_s, end_s = _iso(start) or "", _iso(end)
        if start_s > start_iso:
            out("excl_starts_later", start=start_s)
        elif end_s is not None and end_s < start_iso:
            out("excl_ended", end=end_s, reason=end_reason or "")
        elif hh_removed is not None and str(hh_removed) <= pay_iso:
            out("excl_household_removed", date=str(hh_removed), reason=hh_reason or "")
        elif p_death is not None and str(p_death) <= pay_iso:
            out("excl_died", date=str(p_death))
        elif p_removed is not None and str(p_removed) <= pay_iso:
            out("excl_person_left", date=str(p_removed), reason=p_reason or "")
        elif key in seen:
            out("excl_enrolled_twice")
        elif not head or not head_id:
            out("excl_no_head")
        elif not account:
            out("excl_no_account")
        elif (standard := standards.on(category, period.start)) is None:
            out("excl_no_standard", category=category or "（无）", date=start_iso)
        elif (done := paid.get(key)) is not None and done[0] > 0:
            batch_no = batch_nos.get(done[1])
            if batch_no is None:
                batch_no = batch_nos[done[1]] = str(
                    PaymentBatch.select(PaymentBatch.batch_no).where(PaymentBatch.id == done[1]).scalar() or "")
            out("excl_already_paid" if done[2] else "excl_in_other_batch", batch=batch_no, period=period.label)
        else:
            seen.add(key)
            factor = people if per_person else 1
            lines.append(Line(enrol_id, hh, person, town, village, hh_no, name, category, people, standard,
                              standard * factor, head, head_id, account))
    if progress is not None:
        progress(1.0)
    # An enrolment that ended where a new one of the same beneficiary goes on explains nothing.
    kept = [e for e in exclusions
            if e.code == "excl_enrolled_twice" or (e.household_id, e.person_id) not in seen]
    return Preview(program.id, program.name, period, area_id, pay_date, lines, kept)
