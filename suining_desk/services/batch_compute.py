"""Computing a regular batch: who is due for a program, a period and an area, how much,
and why everyone else is left out.

A beneficiary (a household, or one person of it) is due when its enrolment has started
by the first day of the period and has not ended before it, the household is still on
the register on the paying day, the person is alive and present on that day, the
household has a head to pay and a 一卡通 account, there is a standard for its category,
and nobody has paid it for this period yet (net of reversals, counting draft batches
too). The amount is the standard in force on the first day of the period, times the
people covered for a per-person program.

The people covered by a household's enrolment are at most the members still there on
the period's first day (not recorded as dead or gone on or before it): a member's death
lowers the amount from the next period on, and a note says so. A person is never paid
twice in one period: a personal line and a line for their whole household (same program)
exclude each other — the later enrolment is left out, with the reason, and so is one whose
counterpart was already paid or put in another batch this period.

Reads only; :func:`suining_desk.services.batches.create_batch` writes what this computes.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from suining_desk.db.area_scope import area_scope
from suining_desk.db.models import Enrolment, PaymentBatch, Person, Program, database
from suining_desk.domain.cancel import Cancelled
from suining_desk.domain.messages import describe
from suining_desk.domain.periods import Period, parse_period, previous
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.services.batch_members import COVERED_PEOPLE_SQL, gone_members, no_head_reason, reduction_why
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
    bank_name: str = ""  # 开户银行 of the account (migration 6)
    details: str = ""  # how the amount was reached (services.aid_details), canonical JSON


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
    notes: list[Exclusion] = field(default_factory=list)  # paid, but not as enrolled (fewer people)

    @property
    def total_fen(self) -> int:
        return sum(line.amount_fen for line in self.lines)

    @property
    def people(self) -> int:
        return sum(line.people for line in self.lines)


# The last column: the people paid for (fewer than enrolled when members died or left).
_ENROLMENTS = f"""
SELECT e.id, e.household_id, e.person_id, e.category, e.people, e.start_date, e.end_date, e.end_reason,
       h.township_id, h.village_id, h.household_no, h.head_name, h.head_id_number, h.bank_account,
       h.removed_on, h.removal_reason, p.name, p.death_date, p.removed_on, p.removal_reason, h.member_count,
       {COVERED_PEOPLE_SQL}
FROM enrolment e
JOIN household h ON h.id = e.household_id
LEFT JOIN person p ON p.id = e.person_id
WHERE e.program_id = :program AND e.start_date <= :end AND (e.end_date IS NULL OR e.end_date >= :earliest) {{area}}
ORDER BY h.village_id, h.household_no, e.person_id, e.id
"""

# Net amount already paid (or put in another unposted batch) per beneficiary.
_PAID = """
SELECT household_id, person_id, SUM(amount_fen), MAX(batch_id), MIN(posted)
FROM payment WHERE program_id = ? AND period = ? AND (posted = 1 OR batch_id IS NOT ?)
GROUP BY household_id, person_id
"""


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
    scope, area_params = area_scope(area_id, missing_label="发放区域").sql("h", named=True)
    area_clause = f"AND {scope}" if scope else ""
    start_iso, pay_iso = period.start.isoformat(), pay_date.isoformat()
    db = database
    rows = db.execute_sql(_ENROLMENTS.format(area=area_clause), {
        "per_person": per_person, "start": start_iso, "program": program_id, "end": period.end.isoformat(),
        "earliest": earliest.isoformat(), "area": area_params[0] if area_params else None}).fetchall()
    paid: dict[tuple[int, int | None], tuple[int, int, int]] = {
        (hh, person): (int(total), int(batch or 0), int(posted))
        for hh, person, total, batch, posted in db.execute_sql(_PAID, [program_id, period.label, exclude_batch])
    }
    # A member paid alone this period, by household: the household's own line would pay them again.
    paid_alone = {hh: (person, batch) for (hh, person), (total, batch, _) in paid.items()
                  if person is not None and total > 0}
    batch_nos: dict[int, str] = {}

    def batch_no(batch_id: int) -> str:
        if batch_id not in batch_nos:
            batch_nos[batch_id] = str(
                PaymentBatch.select(PaymentBatch.batch_no).where(PaymentBatch.id == batch_id).scalar() or "")
        return batch_nos[batch_id]

    lines: list[Line] = []
    exclusions: list[Exclusion] = []
    seen: set[tuple[int, int | None]] = set()
    whole: dict[int, int] = {}  # household → index of its whole-household line
    alone: dict[int, list[int]] = {}  # household → indices of its members' own lines
    no_head: list[tuple[int, int, int]] = []  # (exclusion index, household, members there now)
    reduced: list[tuple[int, int]] = []  # (line index, people enrolled)
    for n, r in enumerate(rows):
        if n % PROGRESS_EVERY == 0:
            if cancel is not None and cancel.is_set():
                raise Cancelled
            if progress is not None:
                progress(n / max(len(rows), 1))
        (enrol_id, hh, person, category, people, start, end, end_reason, town, village, hh_no, head, head_id,
         account, hh_removed, hh_reason, p_name, p_death, p_removed, p_reason, members, covered) = r
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
            no_head.append((len(exclusions), hh, int(members or 0)))
            out("excl_no_head")
        elif not account:
            out("excl_no_account")
        elif (standard := standards.on(category, period.start)) is None:
            out("excl_no_standard", category=category or "（无）", date=start_iso)
        elif (done := paid.get(key)) is not None and done[0] > 0:
            out("excl_already_paid" if done[2] else "excl_in_other_batch", batch=batch_no(done[1]),
                period=period.label)
        elif person is not None and (done := paid.get((hh, None))) is not None and done[0] > 0:
            out("excl_paid_with_household", batch=batch_no(done[1]), period=period.label)
        elif person is None and (member := paid_alone.get(hh)) is not None:
            out("excl_paid_member_alone", name=_person_name(member[0]), batch=batch_no(member[1]),
                period=period.label)
        elif covered <= 0:
            out("excl_no_members")
        else:
            seen.add(key)
            if covered < people:
                reduced.append((len(lines), people))
            if person is None:
                whole[hh] = len(lines)
            else:
                alone.setdefault(hh, []).append(len(lines))
            factor = covered if per_person else 1
            lines.append(Line(enrol_id, hh, person, town, village, hh_no, name, category, covered, standard,
                              standard * factor, head, head_id, account))
    if progress is not None:
        progress(1.0)
    dropped = _one_line_per_person(lines, whole, alone, exclusions, seen)
    notes = _explain_members(lines, exclusions, no_head, reduced, dropped, period.start)
    if dropped:
        lines = [ln for i, ln in enumerate(lines) if i not in dropped]
    # An enrolment that ended where a new one of the same beneficiary goes on explains nothing.
    kept = [e for e in exclusions if e.code in _ALWAYS_SHOWN or (e.household_id, e.person_id) not in seen]
    return Preview(program.id, program.name, period, area_id, pay_date, lines, kept, notes)


_ALWAYS_SHOWN = {"excl_enrolled_twice", "excl_covered_by_household", "excl_member_enrolled_alone"}


def _person_name(person_id: int) -> str:
    return str(Person.select(Person.name).where(Person.id == person_id).scalar() or "")


def _one_line_per_person(lines: list[Line], whole: dict[int, int], alone: dict[int, list[int]],
                         exclusions: list[Exclusion], seen: set[tuple[int, int | None]]) -> set[int]:
    """Where a household's line and lines of its members (one program, one period) meet, keep
    the earlier enrolment: the whole household unless a member's own enrolment came first.
    Returns the indices of the lines left out (each explained in ``exclusions``)."""
    dropped: set[int] = set()
    both = [(hh, whole[hh], members) for hh, members in alone.items() if hh in whole]
    if not both:
        return dropped
    ids = [lines[i].enrolment_id for _, w, members in both for i in (w, *members)]
    start_of: dict[int, dt.date] = {e.id: e.start_date for e in
                                    Enrolment.select(Enrolment.id, Enrolment.start_date).where(Enrolment.id.in_(ids))}

    def started(index: int) -> tuple[dt.date, int]:
        enrolment = lines[index].enrolment_id or 0
        return start_of[enrolment], enrolment

    def drop(index: int, code: str, **params: Any) -> None:
        ln = lines[index]
        dropped.add(index)
        seen.discard((ln.household_id, ln.person_id))
        exclusions.append(Exclusion(ln.enrolment_id, ln.household_id, ln.person_id, ln.household_no,
                                    ln.beneficiary, code, params))

    for _, household_line, members in both:
        first = min(members, key=started)
        if started(first) < started(household_line):
            drop(household_line, "excl_member_enrolled_alone", name=lines[first].beneficiary,
                 enrolment=lines[first].enrolment_id)
        else:
            for index in members:
                drop(index, "excl_covered_by_household", enrolment=lines[household_line].enrolment_id)
    return dropped


def _explain_members(lines: list[Line], exclusions: list[Exclusion], no_head: list[tuple[int, int, int]],
                     reduced: list[tuple[int, int]], dropped: set[int], start: dt.date) -> list[Exclusion]:
    """Name who died or left: for a household left out for want of a head (in place, in
    ``exclusions``), and as a note for each line paying fewer people than enrolled."""
    reduced = [(i, people) for i, people in reduced if i not in dropped]
    if not no_head and not reduced:
        return []
    gone = gone_members([hh for _, hh, _ in no_head] + [lines[i].household_id for i, _ in reduced])
    for index, hh, members in no_head:
        if (why := no_head_reason(gone.get(hh, []), members)) is not None:
            code, params, who = why
            old = exclusions[index]
            exclusions[index] = replace(old, code=code, params=params, name=old.name or who)
    notes = []
    for index, people in reduced:
        ln = lines[index]
        notes.append(Exclusion(ln.enrolment_id, ln.household_id, ln.person_id, ln.household_no, ln.beneficiary,
                               "note_people_reduced", {"people": people, "now": ln.people,
                                                       "why": reduction_why(gone.get(ln.household_id, []), start)}))
    return notes
