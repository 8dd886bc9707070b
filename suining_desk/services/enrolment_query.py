"""Enrolments as a list: ordered ids first, the rows of the part on screen later."""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from peewee import JOIN

from suining_desk.db.area_scope import area_scope
from suining_desk.db.listing import Listing
from suining_desk.db.models import Area, Enrolment, Household, Person, Program
from suining_desk.db.rows import tuples

Village = Area.alias("village")


class EnrolmentColumn(IntEnum):
    PROGRAM = 0
    HOUSEHOLD_NO = 1
    VILLAGE = 2
    HEAD = 3
    PERSON = 4
    CATEGORY = 5
    PEOPLE = 6
    START = 7
    END = 8
    END_REASON = 9


@dataclass(frozen=True)
class EnrolmentFilter:
    area_id: int | None = None
    program_id: int | None = None
    current_on: dt.date | None = None  # only enrolments in force on this day
    household_ids: tuple[int, ...] | None = None


@dataclass(frozen=True)
class EnrolmentRow:
    id: int
    program_id: int
    program: str
    household_id: int
    household_no: str
    village: str
    head_name: str
    person_id: int | None
    person_name: str
    category: str
    people: int
    start_date: dt.date
    end_date: dt.date | None
    end_reason: str
    created_by: str


_SORT: dict[EnrolmentColumn, tuple[Any, ...]] = {
    EnrolmentColumn.PROGRAM: (Enrolment.program,),
    EnrolmentColumn.HOUSEHOLD_NO: (Household.household_no,),
    EnrolmentColumn.VILLAGE: (Household.village, Household.household_no),
    EnrolmentColumn.HEAD: (Household.head_name,),
    EnrolmentColumn.PERSON: (Enrolment.person,),
    EnrolmentColumn.CATEGORY: (Enrolment.category,),
    EnrolmentColumn.PEOPLE: (Enrolment.people,),
    EnrolmentColumn.START: (Enrolment.start_date,),
    EnrolmentColumn.END: (Enrolment.end_date,),
    EnrolmentColumn.END_REASON: (Enrolment.end_reason,),
}


def _conditions(f: EnrolmentFilter) -> list[Any]:
    conditions = []
    if (cond := area_scope(f.area_id).where(Household.township, Household.village, Household.group)) is not None:
        conditions.append(cond)
    if f.program_id is not None:
        conditions.append(Enrolment.program == f.program_id)
    if f.current_on is not None:
        conditions.append((Enrolment.start_date <= f.current_on)
                          & (Enrolment.end_date.is_null() | (Enrolment.end_date >= f.current_on)))
    if f.household_ids is not None:
        conditions.append(Enrolment.household.in_(list(f.household_ids)))
    return conditions


def _with_household(query: Any, _sort: EnrolmentColumn | None) -> Any:
    return query.join(Household, on=(Enrolment.household == Household.id))


def _read_rows(ids: list[int]) -> dict[int, EnrolmentRow]:
    query = (
        Enrolment.select(Enrolment.id, Program.id, Program.name, Household.id, Household.household_no, Village.name,
                         Household.head_name, Person.id, Person.name, Enrolment.category, Enrolment.people,
                         Enrolment.start_date, Enrolment.end_date, Enrolment.end_reason, Enrolment.created_by)
        .join(Program, on=(Enrolment.program == Program.id))
        .switch(Enrolment).join(Household, on=(Enrolment.household == Household.id))
        .join(Village, on=(Household.village == Village.id))
        .switch(Enrolment).join(Person, JOIN.LEFT_OUTER, on=(Enrolment.person == Person.id))
        .where(Enrolment.id.in_(ids))
    )
    out: dict[int, EnrolmentRow] = {}
    for r in tuples(query):
        (eid, pid, pname, hid, hno, village, head, person_id, person_name, category, people, start, end, reason,
         by) = r
        out[eid] = EnrolmentRow(eid, pid, pname, hid, hno, village, head, person_id, person_name or "", category,
                                people, start, end, reason, by)
    return out


ENROLMENTS: Listing[EnrolmentColumn, EnrolmentFilter, EnrolmentRow] = Listing(
    Enrolment, _SORT, _conditions, _read_rows, joins=_with_household)


def enrolment_ids(f: EnrolmentFilter, sort: EnrolmentColumn = EnrolmentColumn.PROGRAM,
                  descending: bool = False) -> array[int]:
    return ENROLMENTS.ids(f, sort, descending)


def enrolment_rows(ids: Sequence[int]) -> dict[int, EnrolmentRow]:
    return ENROLMENTS.rows(ids)


def household_enrolments(household_id: int) -> list[EnrolmentRow]:
    """Every enrolment of a household, newest first (its history)."""
    ids = enrolment_ids(EnrolmentFilter(household_ids=(household_id,)), EnrolmentColumn.START, descending=True)
    rows = enrolment_rows(ids)
    return [rows[i] for i in ids]
