"""UI test fixtures: Qt offscreen, a data folder that is never the clerk's, a tiny county.

The root conftest also gives every test its own SUINING_HOME; the session-wide one here
covers whatever runs before a test's own fixtures (the QApplication itself).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from suining_desk.db import close_database, open_database  # noqa: E402
from suining_desk.db.models import Area, Household, Payment, Person, Program  # noqa: E402
from tests.county import FixtureCounty, build_county, id_number  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def _session_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SUINING_HOME", str(tmp_path_factory.mktemp("ui-home")))
        yield


@dataclass(frozen=True)
class DemoCounty:
    """The fixture county in a database file, and what a clerk should see of it."""

    path: Path
    areas: FixtureCounty
    program: Program
    households: int
    people: int
    posted_fen: tuple[int, ...]  # the posted payments' amounts; a draft is left out


def _household(
    no: str, village: Area, group: Area, members: list[tuple[str, str, str]]
) -> Household:
    head_name, head_id, _ = members[0]
    household = Household.create(
        household_no=no, township=village.parent, village=village, group=group,
        main_cause="因病", dibao=True, head_name=head_name, head_id_number=head_id,
        member_count=len(members),
    )
    for name, number, relation in members:
        Person.create(household=household, name=name, id_number=number,
                      id_reversed=number[::-1], relation=relation)
    return household


def _payment(program: Program, household: Household, amount_fen: int, *, posted: bool) -> None:
    Payment.create(
        program=program, household=household, township=household.township,
        village=household.village, period="2018-11", people=household.member_count,
        amount_fen=amount_fen, payee_name=household.head_name,
        payee_id_number=household.head_id_number, paid_date=dt.date(2018, 11, 20),
        posted=posted, created_by="luru",
    )


def fill_county(path: Path) -> DemoCounty:
    """绥宁县 with 长铺镇 and 武阳镇 (tests.county), two households, three people, one
    program and two posted 低保 payments (plus one draft, which must not count)."""
    from dataclasses import replace

    from tests.templates import from_template, schema_copy

    open_database(path if path.exists() else schema_copy(path))
    return replace(from_template("ui-county", lambda: _fill(path)), path=path)


def _fill(path: Path) -> DemoCounty:
    areas = build_county()
    program = Program.create(code="dibao", name="低保", basis="person", frequency="monthly")
    zeng = _household("43052710000101001", areas.qingshi, areas.qingshi_1, [
        ("曾伟", id_number("1968-03-12", 201, male=True), "户主"),
        ("李秀英", id_number("1970-07-01", 202, male=False), "配偶"),
    ])
    yang = _household("43052710100101001", areas.fengmu, areas.fengmu_1, [
        ("杨桂花", id_number("1950-01-05", 301, male=False), "户主"),
    ])
    _payment(program, zeng, 123456, posted=True)
    _payment(program, yang, 100000, posted=True)
    _payment(program, yang, 99999, posted=False)
    return DemoCounty(path, areas, program, households=2, people=3, posted_fen=(123456, 100000))


@pytest.fixture
def demo_db(tmp_path: Path) -> Iterator[DemoCounty]:
    county = fill_county(tmp_path / "county.sqlite3")
    yield county
    close_database()
