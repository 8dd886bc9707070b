"""The renovations list at county scale: sorted ids first, rows only when shown."""

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
from suining_desk.db.models import Area, Household, Renovation
from suining_desk.db.rows import tuples

Township = Area.alias("town")
Village = Area.alias("village")


class RenovationColumn(IntEnum):
    YEAR = 0
    TOWNSHIP = 1
    VILLAGE = 2
    HEAD = 3
    ID_NUMBER = 4
    MEMBERS = 5
    BENEFICIARY = 6
    GRADE = 7
    METHOD = 8
    BUILD_MODE = 9
    STANDARD = 10
    SUBSIDY = 11
    STARTED = 12
    COMPLETED = 13
    ACCEPTED = 14
    STATUS = 15
    FLAGS = 16


@dataclass(frozen=True)
class RenovationFilter:
    area_id: int | None = None
    year: int | None = None
    status: str | None = None
    grade: str | None = None
    method: str | None = None
    household_ids: tuple[int, ...] | None = None


@dataclass(frozen=True)
class RenovationRow:
    id: int
    household_id: int
    year: int
    township: str
    village: str
    household_no: str
    head_name: str
    head_id_number: str
    member_count: int
    beneficiary_type: str
    grade: str
    method: str
    build_mode: str
    area_x100: int
    standard_fen: int
    subsidy_fen: int
    start_date: dt.date | None
    completed_date: dt.date | None
    accepted_date: dt.date | None
    status: str
    flags: tuple[str, ...]


_BY_PLACE = (Renovation.village, Renovation.household)  # ties: village by village, household by household
_SORT_KEYS: dict[RenovationColumn, tuple[Any, ...]] = {
    RenovationColumn.YEAR: (Renovation.year, *_BY_PLACE),
    RenovationColumn.TOWNSHIP: (Renovation.township, *_BY_PLACE),
    RenovationColumn.VILLAGE: _BY_PLACE,
    RenovationColumn.HEAD: (Household.head_name, Household.household_no),
    RenovationColumn.ID_NUMBER: (Household.head_id_number,),
    RenovationColumn.MEMBERS: (Household.member_count, Household.household_no),
    RenovationColumn.BENEFICIARY: (Renovation.beneficiary_type, *_BY_PLACE),
    RenovationColumn.GRADE: (Renovation.grade, *_BY_PLACE),
    RenovationColumn.METHOD: (Renovation.method, *_BY_PLACE),
    RenovationColumn.BUILD_MODE: (Renovation.build_mode, *_BY_PLACE),
    RenovationColumn.STANDARD: (Renovation.standard_fen, *_BY_PLACE),
    RenovationColumn.SUBSIDY: (Renovation.subsidy_fen, *_BY_PLACE),
    RenovationColumn.STARTED: (Renovation.start_date, *_BY_PLACE),
    RenovationColumn.COMPLETED: (Renovation.completed_date, *_BY_PLACE),
    RenovationColumn.ACCEPTED: (Renovation.accepted_date, *_BY_PLACE),
    RenovationColumn.STATUS: (Renovation.status, *_BY_PLACE),
    RenovationColumn.FLAGS: (Renovation.override_by, Renovation.acceptance_result, *_BY_PLACE),
}
_NEEDS_HOUSEHOLD = {RenovationColumn.HEAD, RenovationColumn.ID_NUMBER, RenovationColumn.MEMBERS}


def _conditions(f: RenovationFilter) -> list[Any]:
    conditions = []
    if (cond := area_scope(f.area_id).where(Renovation.township, Renovation.village,
                                            household=Renovation.household)) is not None:
        conditions.append(cond)
    if f.year is not None:
        conditions.append(Renovation.year == f.year)
    if f.status:
        conditions.append(Renovation.status == f.status)
    if f.grade:
        conditions.append(Renovation.grade == f.grade)
    if f.method:
        conditions.append(Renovation.method == f.method)
    if f.household_ids is not None:
        conditions.append(Renovation.household.in_(list(f.household_ids)))
    return conditions


def _joins(query: Any, sort: RenovationColumn | None) -> Any:
    if sort in _NEEDS_HOUSEHOLD:
        query = query.join(Household, JOIN.INNER, on=(Renovation.household == Household.id))
    return query


def renovation_ids(f: RenovationFilter, sort: RenovationColumn = RenovationColumn.YEAR,
                   descending: bool = False) -> array[int]:
    """The ids of every renovation the filter selects, in display order."""
    return RENOVATIONS.ids(f, sort, descending)


def _flags(status: str, result: str, subsidy: int, standard: int, override_by: str) -> tuple[str, ...]:
    flags = []
    if result and status == "completed":
        flags.append("验收不合格，待整改")
    if subsidy > standard > 0:
        flags.append("超标准")
    if override_by:
        flags.append("重复享受（已审核）")
    return tuple(flags)


def _read_rows(ids: list[int]) -> dict[int, RenovationRow]:
    query = (Renovation.select(
        Renovation.id, Renovation.household, Renovation.year, Township.name, Village.name, Household.household_no,
        Household.head_name, Household.head_id_number, Household.member_count, Renovation.beneficiary_type,
        Renovation.grade, Renovation.method, Renovation.build_mode, Renovation.area_x100, Renovation.standard_fen,
        Renovation.subsidy_fen, Renovation.start_date, Renovation.completed_date, Renovation.accepted_date,
        Renovation.status, Renovation.acceptance_result, Renovation.override_by)
        .join(Household, JOIN.INNER, on=(Renovation.household == Household.id)).switch(Renovation)
        .join(Township, JOIN.INNER, on=(Renovation.township == Township.id)).switch(Renovation)
        .join(Village, JOIN.INNER, on=(Renovation.village == Village.id))
        .where(Renovation.id.in_(ids)))
    rows = {}
    for r in tuples(query):
        values: list[Any] = [*r[:20], _flags(r[19], r[20], r[15], r[14], r[21])]
        rows[r[0]] = RenovationRow(*values)
    return rows


RENOVATIONS: Listing[RenovationColumn, RenovationFilter, RenovationRow] = Listing(
    Renovation, _SORT_KEYS, _conditions, _read_rows, joins=_joins)


def renovation_rows(ids: Sequence[int]) -> dict[int, RenovationRow]:
    """The rows of some renovations, by id (the caller keeps the order)."""
    return RENOVATIONS.rows(ids)


def renovation_years() -> list[int]:
    return [y for (y,) in tuples(Renovation.select(Renovation.year).distinct().order_by(Renovation.year))]
