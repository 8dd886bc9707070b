"""Enrolment in an aid program: a household (or one person of it) joins from a date, with
a category and the number of people covered, and leaves on a date with a reason.

Nothing is deleted. A change of category or of the people covered ends the enrolment
the day before and starts a new one, so every batch can be traced to the enrolment it
was computed from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass

from peewee import JOIN

from suining_desk import audit
from suining_desk.db.models import Enrolment, Household, Person, Program, database
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.services import aid_details
from suining_desk.services.actors import ENTER, require_in_area
from suining_desk.services.programs import categories_of

MAX_PEOPLE = 30


@dataclass(frozen=True)
class EnrolmentInput:
    program_id: int
    household_id: int
    person_id: int | None = None
    category: str = ""
    people: int = 1
    start_date: dt.date = dt.date(2018, 1, 1)
    details: str = ""  # the program's facts (雨露计划's school …), canonical JSON: services.aid_details


def _members_on(household_id: int, day: dt.date) -> int:
    """Members in the household on ``day``: not dead or gone on or before it."""
    return int(Person.select().where(
        (Person.household == household_id)
        & (Person.death_date.is_null() | (Person.death_date > day))
        & (Person.removed_on.is_null() | (Person.removed_on > day))).count())


def _raise(problems: list[Problem]) -> None:
    if problems:
        raise InvalidInput(problems)


def enrolment_problems(e: EnrolmentInput, *, exclude_id: int | None = None) -> list[Problem]:
    """What is wrong with an enrolment (reads the database; no writes)."""
    problems: list[Problem] = []
    program = Program.get_or_none(Program.id == e.program_id)
    household = Household.get_or_none(Household.id == e.household_id)
    if program is None:
        return [Problem("required", {"label": "项目"}, field="program")]
    if household is None:
        return [Problem("required", {"label": "户"}, field="household")]
    if program.frequency == "once":
        problems.append(Problem("enrol_one_off", {"program": program.name}, field="program"))
    if not program.active:
        problems.append(Problem("program_inactive", {"program": program.name}, field="program"))
    categories = categories_of(program.id)
    if e.category not in categories:
        shown = "、".join(c or "（无）" for c in categories) or "（该项目尚无标准）"
        problems.append(Problem("enrol_bad_category", {"value": e.category or "（无）", "choices": shown},
                                field="category"))
    if not 1 <= e.people <= MAX_PEOPLE:
        problems.append(Problem("enrol_bad_people", {"value": e.people, "max": MAX_PEOPLE}, field="people"))
    if household.removed_on is not None and household.removed_on <= e.start_date:
        problems.append(Problem("household_removed", {"household_no": household.household_no}, field="household"))
    if e.person_id is not None:
        person = Person.get_or_none(Person.id == e.person_id)
        if person is None:
            problems.append(Problem("required", {"label": "享受人员"}, field="person"))
        elif person.household_id != e.household_id:
            problems.append(Problem("enrol_person_other_household", {
                "name": person.name, "household_no": household.household_no,
                "other": Household.get_by_id(person.household_id).household_no}, field="person"))
        else:
            gone = person.death_date or person.removed_on
            if gone is not None and gone <= e.start_date:
                problems.append(Problem("enrol_person_gone", {"name": person.name, "date": gone.isoformat()},
                                        field="person"))
            if e.people != 1:
                problems.append(Problem("enrol_person_one", {}, field="people"))
    elif program.basis == "person" and e.people > max(members := _members_on(household.id, e.start_date), 1):
        # Those in the household on the start date (as batches count them): an enrolment that
        # began before a member died stays valid history, and its export imports again.
        problems.append(Problem("enrol_people_above_members", {"people": e.people, "members": members,
                                                               "date": e.start_date.isoformat()},
                                field="people"))
    overlap = Enrolment.select(Enrolment.start_date).where(
        (Enrolment.program == e.program_id) & (Enrolment.household == e.household_id)
        & (Enrolment.end_date.is_null() | (Enrolment.end_date >= e.start_date))
    )
    overlap = overlap.where(Enrolment.person.is_null() if e.person_id is None else Enrolment.person == e.person_id)
    if exclude_id is not None:
        overlap = overlap.where(Enrolment.id != exclude_id)
    if (found := overlap.first()) is not None:
        problems.append(Problem("enrol_overlap", {"program": program.name,
                                                  "start": found.start_date.isoformat()}, field="start_date"))
    if any(p.field == "person" for p in problems):
        return problems  # a person not of this household: whether they are covered here says nothing
    if (covered := _covered_problem(e, program.name, exclude_id)) is not None:
        problems.append(covered)
    return problems


def _covered_problem(e: EnrolmentInput, program: str, exclude_id: int | None) -> Problem | None:
    """A person enrolled on their own while the whole household is enrolled in the same
    program, or the other way round, over overlapping dates: the batch would pay them twice.
    (A new enrolment is open-ended, so any other one not ended before it starts overlaps.)"""
    other = (Enrolment.select(Enrolment.start_date, Person.name).join(Person, JOIN.LEFT_OUTER)
             .where((Enrolment.program == e.program_id) & (Enrolment.household == e.household_id)
                    & (Enrolment.end_date.is_null() | (Enrolment.end_date >= e.start_date))))
    other = other.where(Enrolment.person.is_null() if e.person_id is not None else Enrolment.person.is_null(False))
    if exclude_id is not None:
        other = other.where(Enrolment.id != exclude_id)
    found = other.order_by(Enrolment.start_date).first()
    if found is None:
        return None
    start = found.start_date.isoformat()
    if e.person_id is not None:
        return Problem("enrol_covered_by_household", {"program": program, "start": start}, field="person")
    return Problem("enrol_member_enrolled", {"program": program, "start": start, "name": found.person.name},
                   field="person")


def enrol(e: EnrolmentInput, *, user: str) -> int:
    """A household or person joins a program; returns the enrolment's id."""
    with database.atomic("IMMEDIATE"):
        _raise(enrolment_problems(e))
        require_in_area(user, ENTER, Household.get_by_id(e.household_id).township_id)
        row = Enrolment.create(program=e.program_id, household=e.household_id, person=e.person_id,
                               category=e.category, people=e.people, start_date=e.start_date, created_by=user,
                               details=e.details)
        audit.append("enrolment_started", username=user, table_name="enrolment", record_id=row.id,
                     after=asdict(e))
    return int(row.id)


def _enrolment(enrolment_id: int) -> Enrolment:
    row = Enrolment.get_or_none(Enrolment.id == enrolment_id)
    if row is None:
        raise InvalidInput([Problem("enrolment_unknown", {"value": enrolment_id})])
    return row


def _end_problems(row: Enrolment, end_date: dt.date, reason: str) -> list[Problem]:
    problems = []
    if row.end_date is not None:
        problems.append(Problem("enrol_already_ended", {"date": row.end_date.isoformat()}))
    if end_date < row.start_date:
        problems.append(Problem("enrol_end_before_start", {"value": end_date.isoformat(),
                                                           "start": row.start_date.isoformat()}, field="end_date"))
    if not reason.strip():
        problems.append(Problem("required", {"label": "退出原因"}, field="reason"))
    return problems


def end_enrolment(enrolment_id: int, end_date: dt.date, reason: str, *, user: str,
                  today: dt.date | None = None) -> None:
    """The enrolment stops; ``end_date`` is the last day it covers. Not a day after today:
    an end date once set cannot be changed, so a mistyped year would keep paying."""
    with database.atomic("IMMEDIATE"):
        row = _enrolment(enrolment_id)
        problems = _end_problems(row, end_date, reason)
        if end_date > (today or dt.date.today()):
            problems.append(Problem("date_in_future", {"value": end_date.isoformat()}, field="end_date"))
        _raise(problems)
        require_in_area(user, ENTER, Household.get_by_id(row.household_id).township_id)
        Enrolment.update(end_date=end_date, end_reason=reason.strip()).where(Enrolment.id == enrolment_id).execute()
        audit.append("enrolment_ended", username=user, table_name="enrolment", record_id=enrolment_id,
                     before={"end_date": None}, after={"end_date": end_date, "end_reason": reason.strip()})


def change_enrolment(enrolment_id: int, *, category: str, people: int, from_date: dt.date, reason: str,
                     user: str) -> int:
    """A new category or number of people from ``from_date``: the old enrolment ends the day
    before, a new one starts; returns the new enrolment's id."""
    with database.atomic("IMMEDIATE"):
        row = _enrolment(enrolment_id)
        new = EnrolmentInput(row.program_id, row.household_id, row.person_id, category.strip(), people, from_date,
                             row.details)
        problems = _end_problems(row, from_date - dt.timedelta(days=1), reason)
        if from_date <= row.start_date:
            problems.append(Problem("enrol_change_too_early", {"start": row.start_date.isoformat()},
                                    field="start_date"))
        if category.strip() == row.category and people == row.people:
            problems.append(Problem("enrol_unchanged", {}))
        problems += [p for p in enrolment_problems(new, exclude_id=enrolment_id) if p.code != "enrol_overlap"]
        _raise(problems)
        require_in_area(user, ENTER, Household.get_by_id(row.household_id).township_id)
        Enrolment.update(end_date=from_date - dt.timedelta(days=1), end_reason=reason.strip()).where(
            Enrolment.id == enrolment_id).execute()
        created = Enrolment.create(program=row.program_id, household=row.household_id, person=row.person_id,
                                   category=new.category, people=people, start_date=from_date, created_by=user,
                                   details=row.details)
        audit.append("enrolment_changed", username=user, table_name="enrolment", record_id=created.id,
                     before={"enrolment_id": enrolment_id, "category": row.category, "people": row.people},
                     after={**asdict(new), "reason": reason.strip()})
    return int(created.id)


def enrolment_details(enrolment_id: int) -> dict[str, object]:
    """The program's facts recorded on an enrolment (school, grade, patrol area …)."""
    return aid_details.decode(_enrolment(enrolment_id).details)


def set_enrolment_details(enrolment_id: int, raw: Mapping[str, object], *, user: str) -> None:
    """Record the program's facts of an enrolment as they now are (a student's new grade, a
    ranger's appraisal this year): the payment lines computed from then on carry them; lines
    computed before keep theirs. Logged with the values before and after."""
    with database.atomic("IMMEDIATE"):
        row = _enrolment(enrolment_id)
        program = Program.get_by_id(row.program_id)
        spec = aid_details.details_of(program.code)
        if spec is None or spec.on != aid_details.ON_ENROLMENT:
            raise InvalidInput([Problem("detail_unknown_field", {"program": program.name,
                                                                 "value": "、".join(raw) or "—"})])
        values, problems = aid_details.parse_details(program.code, raw)
        _raise(problems)
        require_in_area(user, ENTER, Household.get_by_id(row.household_id).township_id)
        text = aid_details.encode(values)
        if text == row.details:
            return
        Enrolment.update(details=text).where(Enrolment.id == enrolment_id).execute()
        audit.append("enrolment_details_changed", username=user, table_name="enrolment", record_id=enrolment_id,
                     before={"details": aid_details.decode(row.details)}, after={"details": values})
