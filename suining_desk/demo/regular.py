"""The regular payment streams, 2016–2018: monthly 低保, 特困供养 and 残疾人两项补贴,
per-term 助学补助 and 雨露计划, yearly 生态护林员补助.

Rows come out in id order, batch by batch (program, period, township). Nobody is paid
on or after their death or departure, nor a household on or after the day it left the
register; a 低保 household is paid for the members present on the paying day.

A few monthly rows are picked as *failed*: paid to an old card account that the bank
returned; :mod:`suining_desk.demo.oneoffs` later writes their reversals and reissues.

At county scale this yields about 940,000 rows, so the loops precompute, for each
beneficiary, the range of paying days it is due on and build rows from local values.
"""

from __future__ import annotations

import datetime as dt
import random
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

from suining_desk.demo.enrolments import (
    EDUCATION_STAGES,
    FIRST_YEAR,
    LAST_YEAR,
    VOCATIONAL_STAGES,
    Beneficiaries,
)
from suining_desk.demo.families import Member
from suining_desk.demo.households import HouseholdRec
from suining_desk.demo.ledger import Ledger, Period, RegularRow, months, terms
from suining_desk.reference.programs import categories, standard_fen

MONTHLY = ("dibao", "tekun", "disability")
NEVER = dt.date.max.toordinal()


@dataclass(frozen=True)
class Failed:
    """A regular payment the bank returned: reversed later, and reissued if still due."""

    row: RegularRow
    program: str
    household: HouseholdRec
    person: Member | None
    amount_fen: int
    paid: dt.date


@dataclass(slots=True)
class _Slot:
    """One beneficiary of one program and what each of its rows repeats."""

    household: HouseholdRec
    person: Member | None
    category: str = ""
    first: int = 0  # index of the first paying day it is due on
    last: int = -1  # index of the last
    people: list[int] | None = None  # 低保: members present on each paying day
    # household, person, village, payee name, payee ID number, bank account
    fixed: tuple[int, int | None, int, str, str, str] = (0, None, 0, "", "", "")

    def __post_init__(self) -> None:
        h = self.household
        head = h.members[0]
        self.fixed = (h.id, self.person.id if self.person is not None else None,
                      h.group.village_id, head.name, head.id_number, h.bank_account)


def _end(h: HouseholdRec, m: Member | None) -> int:
    """The ordinal of the first day the household (and the person) is no longer due."""
    ends = [NEVER if h.removed_on is None else h.removed_on.toordinal()]
    if m is not None:
        ends += [d.toordinal() for d in (m.death, m.removed) if d is not None]
    return min(ends)


def _present_counts(h: HouseholdRec, paid: list[int]) -> list[int]:
    """How many members are present on each paying day (a difference array)."""
    diff = [0] * (len(paid) + 1)
    for m in h.members:
        first = bisect_right(paid, m.birth.toordinal())
        last = bisect_left(paid, _end(h, m)) - 1
        if first <= last:
            diff[first] += 1
            diff[last + 1] -= 1
    counts, running = [], 0
    for k in range(len(paid)):
        running += diff[k]
        counts.append(running)
    return counts


@dataclass
class RegularStreams:
    rng: random.Random
    ledger: Ledger
    register: list[HouseholdRec]
    beneficiaries: Beneficiaries
    failure_rate: float
    failed: list[Failed] = field(default_factory=list)

    def rows(self) -> Iterator[RegularRow]:
        """Every regular payment row, in id order."""
        for program in MONTHLY:
            yield from self._monthly(program)
        yield from self._terms("education", EDUCATION_STAGES)
        yield from self._terms("yulu", VOCATIONAL_STAGES)
        yield from self._yearly()

    def _batch(
        self, program: str, period: Period, town: int, items: list[tuple[_Slot, str, int, int]]
    ) -> Iterator[RegularRow]:
        """The rows of one batch; ``items`` are (beneficiary, category, people, standard)."""
        if not items:
            return
        ledger = self.ledger
        batch = ledger.batch(program, period, town, one_off=False)
        program_id = ledger.program_ids[program]
        label, paid_iso, created = period.label, period.paid_iso, period.created_at
        rate = self.failure_rate if program in MONTHLY else 0.0
        draw = self.rng.random
        next_id = ledger.next_id
        ledger.next_id += len(items)
        total = 0
        for slot, category, people, standard in items:
            hh, person_id, village, payee, payee_id, account = slot.fixed
            amount = standard * people
            total += amount
            row: RegularRow = (
                next_id, batch, program_id, hh, person_id, town, village, label, category,
                people, standard, amount, payee, payee_id, account, paid_iso, created,
            )
            next_id += 1
            if rate and draw() < rate:
                # Paid to the card the household had before; the bank sends it back.
                old = account[:-6] + f"{(int(account[-6:]) + 7919) % 10**6:06d}"
                row = (*row[:14], old, *row[15:])
                self.failed.append(
                    Failed(row, program, slot.household, slot.person, amount, period.paid))
            yield row
        ledger.add(program, len(items), total)

    def _monthly(self, program: str) -> Iterator[RegularRow]:
        periods = months(FIRST_YEAR, LAST_YEAR, 10)
        paid = [p.paid.toordinal() for p in periods]
        starts = [p.start.toordinal() for p in periods]
        by_town: dict[int, list[_Slot]] = {}
        chosen = [e for e in self.beneficiaries.enrolments if e.program == program]
        chosen.sort(key=lambda e: (e.household.group.township_id, e.household.id,
                                   e.person.id if e.person else 0))
        for e in chosen:
            h, m = e.household, e.person
            slot = _Slot(h, m, e.category)
            slot.first = bisect_left(starts, e.start.toordinal())
            if m is not None:
                slot.first = max(slot.first, bisect_right(paid, m.birth.toordinal()))
            end = min(_end(h, m), NEVER if e.end is None else e.end.toordinal())
            slot.last = bisect_left(paid, end) - 1
            if m is None:
                slot.people = _present_counts(h, paid)
            by_town.setdefault(h.group.township_id, []).append(slot)
        cats = categories(program)
        for k, period in enumerate(periods):
            standards = {c: standard_fen(program, c, period.start) for c in cats}
            for town, slots in by_town.items():
                items = [
                    (s, s.category, s.people[k] if s.people is not None else 1,
                     standards[s.category])
                    for s in slots if s.first <= k <= s.last
                ]
                yield from self._batch(program, period, town, items)

    def _terms(self, program: str, stages: tuple[str, ...]) -> Iterator[RegularRow]:
        by_town: dict[int, list[_Slot]] = {}
        for h, m in sorted(self.beneficiaries.students,
                           key=lambda hm: (hm[0].group.township_id, hm[1].id)):
            by_town.setdefault(h.group.township_id, []).append(_Slot(h, m))
        for period, school_year in terms(FIRST_YEAR, LAST_YEAR):
            paid = period.paid.toordinal()
            standards = {c: standard_fen(program, c, period.start) for c in categories(program)}
            for town, slots in by_town.items():
                items: list[tuple[_Slot, str, int, int]] = []
                for s in slots:
                    student = s.person
                    assert student is not None
                    stage = student.stage(school_year)
                    if stage in stages and (
                        student.birth.toordinal() < paid < _end(s.household, student)
                    ):
                        category = stage if program == "education" else ""
                        items.append((s, category, 1, standards[category]))
                yield from self._batch(program, period, town, items)

    def _yearly(self) -> Iterator[RegularRow]:
        for year, rangers in sorted(self.beneficiaries.rangers.items()):
            period = Period(str(year), dt.date(year, 1, 1), dt.date(year, 12, 31),
                            dt.date(year, 12, 20))
            standard = standard_fen("ranger", "", period.start)
            paid = period.paid.toordinal()
            by_town: dict[int, list[tuple[_Slot, str, int, int]]] = {}
            for h, m in sorted(rangers, key=lambda hm: (hm[0].group.township_id, hm[1].id)):
                if m.birth.toordinal() < paid < _end(h, m):
                    by_town.setdefault(h.group.township_id, []).append(
                        (_Slot(h, m), "", 1, standard))
            for town, items in by_town.items():
                yield from self._batch("ranger", period, town, items)
