"""Export → import into an empty database gives the register back exactly: every
household's and every person's fields, the areas by name, members who died or left."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

import pytest

from suining_desk.db import close_database, open_database
from suining_desk.db.models import Area, Household, MemberChange, Person, database
from suining_desk.demo.generate import generate_demo
from suining_desk.exchange.imports import run_import
from suining_desk.exchange.register_export import export_register
from suining_desk.exchange.staging import ImportOptions
from suining_desk.services.household_query import HouseholdFilter
from suining_desk.services.households import record_member_exit
from suining_desk.services.search import search_people

HOUSEHOLD_FIELDS = ("household_no", "address", "phone", "status", "exit_year", "main_cause", "other_causes", "dibao",
                    "tekun", "bank_name", "bank_account", "registered_on", "removed_on", "removal_reason",
                    "head_name", "head_id_number", "member_count")
PERSON_FIELDS = ("person_no", "name", "id_number", "id_reversed", "sex", "birth_date", "relation", "ethnicity",
                 "education", "schooling", "health", "disability", "labour", "work_status", "phone", "death_date",
                 "removed_on", "removal_reason")
EXITS = ("died", "married_out", "moved_out", "removed")


def register_state() -> tuple[dict[str, Any], dict[str, Any]]:
    names = {a.id: a.name for a in Area.select()}
    households = {}
    for h in Household.select():
        households[h.household_no] = (tuple(getattr(h, f) for f in HOUSEHOLD_FIELDS),
                                      names[h.township_id], names[h.village_id], names[h.group_id])
    exits = {c.person_id: c.kind for c in MemberChange.select().where(MemberChange.kind.in_(EXITS))
             .order_by(MemberChange.id)}
    people = {}
    for p in Person.select(Person, Household.household_no).join(Household):
        people[p.id_number] = (tuple(getattr(p, f) for f in PERSON_FIELDS), p.household.household_no,
                               exits.get(p.id))
    return households, people


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    generate_demo(open_database(path), scale="small", seed=7, cancel=threading.Event())
    close_database()
    return path


def test_households_round_trip_exactly(demo: Path, tmp_path: Path) -> None:
    open_database(demo)
    leaving = Person.select().where(Person.death_date.is_null() & Person.removed_on.is_null()
                                     & (Person.relation == "女")).first()
    record_member_exit(leaving.id, kind="married_out", date=dt.date(2018, 5, 1), reason="嫁到邵阳县",
                       user="admin", today=dt.date(2018, 12, 1))
    households, people = register_state()
    # The generator writes no member changes: an exit is read back as death or 其他减员.
    before = households, {n: (f, h, kind or ("died" if f[15] else "removed" if f[16] else None))
                          for n, (f, h, kind) in people.items()}
    assert before[1][leaving.id_number][2] == "married_out"
    out = tmp_path / "全县花名册.xlsx"
    written = export_register(out, HouseholdFilter(include_removed=True))
    close_database()
    assert written.households == len(before[0]) and written.rows == len(before[1])
    assert any(p[0][15] or p[0][16] for p in before[1].values())  # some died or left
    assert any(h[0][12] for h in before[0].values())  # some households were removed

    open_database(tmp_path / "empty.sqlite3")
    try:
        result = run_import("households", out, ImportOptions(create_areas=True, user="county",
                                                             today=dt.date(2024, 12, 31)))
        assert result.exit_code == 0 and not result.errors, result.errors[:3]
        assert (result.households_added, result.people_added) == (len(before[0]), len(before[1]))
        after = register_state()
        assert after[0] == before[0]
        assert after[1] == before[1]
        assert database.execute_sql("PRAGMA foreign_key_check").fetchall() == []
        someone = next(iter(before[1].values()))[0][1]
        assert someone in {hit.name for hit in search_people(someone)}
    finally:
        close_database()


def test_people_round_trip_keeps_those_at_home(demo: Path, tmp_path: Path) -> None:
    open_database(demo)
    village = Area.select().where(Area.level == 3).order_by(Area.code).first()
    _, people = register_state()
    at_home = {number: fields for number, (fields, *_) in people.items() if not fields[15] and not fields[16]}
    out = tmp_path / "人员.xlsx"
    export_register(out, HouseholdFilter(area_id=village.id), people_only=True)
    expected = {n: f for n, f in at_home.items()
                if (home := Person.get(Person.id_number == n).household).village_id == village.id
                and home.removed_on is None}  # the list leaves removed households out, as the window does
    close_database()

    open_database(tmp_path / "empty.sqlite3")
    try:
        result = run_import("households", out, ImportOptions(create_areas=True, user="county",
                                                             today=dt.date(2024, 12, 31)))
        assert result.exit_code == 0 and result.people_added == len(expected)
        _, imported = register_state()
        assert {n: f for n, (f, *_) in imported.items()} == expected
    finally:
        close_database()
