"""The relocations list at county scale: sorted ids first, rows only when shown."""

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
from suining_desk.db.models import Area, Household, Relocation, SettlementSite
from suining_desk.db.rows import tuples
from suining_desk.services.settings import RELOCATION_AREA_CAP, RELOCATION_SELF_RAISED_CAP, Timeline

Township = Area.alias("town")
Village = Area.alias("village")


class RelocationColumn(IntEnum):
    BATCH_YEAR = 0
    TOWNSHIP = 1
    VILLAGE = 2
    HEAD = 3
    ID_NUMBER = 4
    PEOPLE = 5
    MODE = 6
    SITE = 7
    AREA = 8
    SUBSIDY = 9
    SELF_RAISED = 10
    MOVED_IN = 11
    DEMOLISHED = 12
    STATUS = 13
    FLAGS = 14


@dataclass(frozen=True)
class RelocationFilter:
    area_id: int | None = None
    batch_year: int | None = None
    status: str | None = None
    mode: str | None = None
    site_id: int | None = None
    household_ids: tuple[int, ...] | None = None  # e.g. the households a search found


@dataclass(frozen=True)
class RelocationRow:
    id: int
    household_id: int
    batch_year: int
    township: str
    village: str
    household_no: str
    head_name: str
    head_id_number: str
    people: int
    mode: str
    site: str
    house_area_x100: int
    subsidy_fen: int
    self_raised_fen: int
    plan_date: dt.date | None
    moved_in_date: dt.date | None
    demolished_date: dt.date | None
    status: str
    flags: tuple[str, ...]  # short Chinese notes for the clerk: caps exceeded, overrides


_BY_PLACE = (Relocation.village, Relocation.household)  # ties: village by village, household by household
_SORT_KEYS: dict[RelocationColumn, tuple[Any, ...]] = {
    RelocationColumn.BATCH_YEAR: (Relocation.batch_year, *_BY_PLACE),
    RelocationColumn.TOWNSHIP: (Relocation.township, *_BY_PLACE),
    RelocationColumn.VILLAGE: _BY_PLACE,
    RelocationColumn.HEAD: (Household.head_name, Household.household_no),
    RelocationColumn.ID_NUMBER: (Household.head_id_number,),
    RelocationColumn.PEOPLE: (Relocation.people, *_BY_PLACE),
    RelocationColumn.MODE: (Relocation.mode, *_BY_PLACE),
    RelocationColumn.SITE: (SettlementSite.name, *_BY_PLACE),
    RelocationColumn.AREA: (Relocation.house_area_x100, *_BY_PLACE),
    RelocationColumn.SUBSIDY: (Relocation.subsidy_fen, *_BY_PLACE),
    RelocationColumn.SELF_RAISED: (Relocation.self_raised_fen, *_BY_PLACE),
    RelocationColumn.MOVED_IN: (Relocation.moved_in_date, *_BY_PLACE),
    RelocationColumn.DEMOLISHED: (Relocation.demolished_date, *_BY_PLACE),
    RelocationColumn.STATUS: (Relocation.status, *_BY_PLACE),
    RelocationColumn.FLAGS: (Relocation.override_by, Relocation.self_raised_fen, *_BY_PLACE),
}


def _conditions(f: RelocationFilter) -> list[Any]:
    conditions = []
    if (cond := area_scope(f.area_id).where(Relocation.township, Relocation.village,
                                            household=Relocation.household)) is not None:
        conditions.append(cond)
    if f.batch_year is not None:
        conditions.append(Relocation.batch_year == f.batch_year)
    if f.status:
        conditions.append(Relocation.status == f.status)
    if f.mode:
        conditions.append(Relocation.mode == f.mode)
    if f.site_id is not None:
        conditions.append(Relocation.site == f.site_id)
    if f.household_ids is not None:
        conditions.append(Relocation.household.in_(list(f.household_ids)))
    return conditions


def _joins(query: Any, sort: RelocationColumn | None) -> Any:
    if sort in (RelocationColumn.HEAD, RelocationColumn.ID_NUMBER):
        query = query.join(Household, JOIN.INNER, on=(Relocation.household == Household.id)).switch(Relocation)
    if sort == RelocationColumn.SITE:
        query = query.join(SettlementSite, JOIN.LEFT_OUTER, on=(Relocation.site == SettlementSite.id))
    return query


def relocation_ids(f: RelocationFilter, sort: RelocationColumn = RelocationColumn.BATCH_YEAR,
                   descending: bool = False) -> array[int]:
    """The ids of every relocation the filter selects, in display order."""
    return RELOCATIONS.ids(f, sort, descending)


class _Caps:
    """The caps' timelines, read once per page of rows."""

    def __init__(self) -> None:
        self._timelines: dict[str, Timeline] = {}

    def on(self, key: str, day: dt.date) -> int:
        if key not in self._timelines:
            self._timelines[key] = Timeline(key)
        return self._timelines[key].on(day)


def _flags(caps: _Caps, day: dt.date, people: int, area: int, self_raised: int, override_by: str) -> tuple[str, ...]:
    flags = []
    if people and area > caps.on(RELOCATION_AREA_CAP, day) * people:
        flags.append("超面积")
    if self_raised > caps.on(RELOCATION_SELF_RAISED_CAP, day):
        flags.append("自筹超限")
    if override_by:
        flags.append("重复享受（已审核）")
    return tuple(flags)


def _read_rows(ids: list[int]) -> dict[int, RelocationRow]:
    query = (Relocation.select(
        Relocation.id, Relocation.household, Relocation.batch_year, Township.name, Village.name,
        Household.household_no, Household.head_name, Household.head_id_number, Relocation.people, Relocation.mode,
        SettlementSite.name, Relocation.house_area_x100, Relocation.subsidy_fen, Relocation.self_raised_fen,
        Relocation.plan_date, Relocation.moved_in_date, Relocation.demolished_date, Relocation.status,
        Relocation.override_by)
        .join(Household, JOIN.INNER, on=(Relocation.household == Household.id)).switch(Relocation)
        .join(Township, JOIN.INNER, on=(Relocation.township == Township.id)).switch(Relocation)
        .join(Village, JOIN.INNER, on=(Relocation.village == Village.id)).switch(Relocation)
        .join(SettlementSite, JOIN.LEFT_OUTER, on=(Relocation.site == SettlementSite.id))
        .where(Relocation.id.in_(ids)))
    caps = _Caps()
    rows = {}
    for r in tuples(query):
        day = r[14] or dt.date(r[2], 1, 1)
        values: list[Any] = [*r[:10], r[10] or "", *r[11:18], _flags(caps, day, r[8], r[11], r[13], r[18])]
        rows[r[0]] = RelocationRow(*values)
    return rows


RELOCATIONS: Listing[RelocationColumn, RelocationFilter, RelocationRow] = Listing(
    Relocation, _SORT_KEYS, _conditions, _read_rows, joins=_joins)


def relocation_rows(ids: Sequence[int]) -> dict[int, RelocationRow]:
    """The rows of some relocations, by id (the caller keeps the order)."""
    return RELOCATIONS.rows(ids)


def batch_years() -> list[int]:
    return [y for (y,) in tuples(Relocation.select(Relocation.batch_year).distinct().order_by(Relocation.batch_year))]
