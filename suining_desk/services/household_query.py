"""The households list at county scale: sorted ids first, rows only when shown.

The table keeps just the ordered ids of the filter (100,000 ints) and asks for the
rows of the part on screen (:mod:`suining_desk.db.listing`).
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from peewee import JOIN

from suining_desk.db.area_scope import area_scope
from suining_desk.db.listing import Listing
from suining_desk.db.models import Area, Enrolment, Household
from suining_desk.db.rows import tuples
from suining_desk.domain.enums import REMOVED

Village = Area.alias("village")
Group = Area.alias("grp")


class HouseholdColumn(IntEnum):
    HOUSEHOLD_NO = 0
    VILLAGE = 1
    GROUP = 2
    HEAD = 3
    ID_NUMBER = 4
    MEMBERS = 5
    STATUS = 6
    CAUSES = 7
    AID = 8
    PHONE = 9


@dataclass(frozen=True)
class HouseholdFilter:
    area_id: int | None = None
    status: str | None = None
    cause: str | None = None
    program_id: int | None = None  # enrolled (now) in this aid program
    exit_year: int | None = None
    include_removed: bool = False
    ids_in: tuple[int, ...] | None = None  # e.g. the households of a search's hits


@dataclass(frozen=True)
class HouseholdRow:
    id: int
    household_no: str
    village: str
    group: str
    head_name: str
    head_id_number: str
    member_count: int
    status: str
    main_cause: str
    other_causes: str
    dibao: bool
    tekun: bool
    phone: str


_SORT_KEYS = {
    HouseholdColumn.HOUSEHOLD_NO: (Household.household_no,),
    HouseholdColumn.VILLAGE: (Household.village, Household.household_no),
    HouseholdColumn.GROUP: (Household.group, Household.household_no),
    HouseholdColumn.HEAD: (Household.head_name, Household.household_no),
    HouseholdColumn.ID_NUMBER: (Household.head_id_number, Household.household_no),
    HouseholdColumn.MEMBERS: (Household.member_count, Household.household_no),
    HouseholdColumn.STATUS: (Household.status, Household.household_no),
    HouseholdColumn.CAUSES: (Household.main_cause, Household.household_no),
    HouseholdColumn.AID: (Household.dibao, Household.tekun, Household.household_no),
    HouseholdColumn.PHONE: (Household.phone, Household.household_no),
}


def _conditions(f: HouseholdFilter) -> list[Any]:
    conditions = []
    if (cond := area_scope(f.area_id).where(Household.township, Household.village, Household.group)) is not None:
        conditions.append(cond)
    if f.status == REMOVED:  # the 已清退 choice: removed households only, whatever their status
        conditions.append(Household.removed_on.is_null(False))
    elif f.status:
        conditions.append(Household.status == f.status)
    if f.cause:
        conditions.append((Household.main_cause == f.cause) | Household.other_causes.contains(f.cause))
    if f.exit_year is not None:
        conditions.append(Household.exit_year == f.exit_year)
    if f.program_id is not None:
        enrolled = Enrolment.select(Enrolment.household).where(
            (Enrolment.program == f.program_id) & Enrolment.end_date.is_null()
        )
        conditions.append(Household.id.in_(enrolled))
    if f.ids_in is not None:
        conditions.append(Household.id.in_(list(f.ids_in)))
    if not f.include_removed and f.status != REMOVED:
        conditions.append(Household.removed_on.is_null())
    return conditions


def _read_rows(ids: list[int]) -> dict[int, HouseholdRow]:
    query = (
        Household.select(
            Household.id, Household.household_no, Village.name, Group.name, Household.head_name,
            Household.head_id_number, Household.member_count, Household.status, Household.main_cause,
            Household.other_causes, Household.dibao, Household.tekun, Household.phone,
        )
        .join(Village, JOIN.INNER, on=(Household.village == Village.id))
        .switch(Household)
        .join(Group, JOIN.INNER, on=(Household.group == Group.id))
        .where(Household.id.in_(ids))
    )
    return {
        r[0]: HouseholdRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], bool(r[10]),
                           bool(r[11]), r[12])
        for r in tuples(query)
    }


# Each sort ends in the unique household number: no tie-break needed.
HOUSEHOLDS: Listing[HouseholdColumn, HouseholdFilter, HouseholdRow] = Listing(
    Household, _SORT_KEYS, _conditions, _read_rows, tie_break=False)


def household_ids(
    f: HouseholdFilter, sort: HouseholdColumn = HouseholdColumn.HOUSEHOLD_NO, descending: bool = False
) -> array[int]:
    """The ids of every household the filter selects, in display order."""
    return HOUSEHOLDS.ids(f, sort, descending)


def household_rows(ids: Sequence[int]) -> dict[int, HouseholdRow]:
    """The rows of some households, by id (the caller keeps the order)."""
    return HOUSEHOLDS.rows(ids)
