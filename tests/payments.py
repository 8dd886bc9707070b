"""A small county for the payment tests: users of each role, the program catalogue and a
few families on 低保, 特困供养 and 残疾人两项补贴 (registered through the services)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest

from suining_desk.db import close_database, open_database
from suining_desk.db.models import Person, User
from suining_desk.rules.household import HouseholdInput, PersonInput
from suining_desk.services import households as hs
from suining_desk.services.catalogue import install_programs
from suining_desk.services.enrolments import EnrolmentInput, enrol
from tests.county import FixtureCounty, build_county, id_number

TODAY = dt.date(2018, 12, 20)
FROM_2018 = dt.date(2018, 1, 1)


@dataclass(frozen=True)
class PaymentCounty:
    areas: FixtureCounty
    programs: dict[str, int]
    zhang: int  # 低保 A, 3 people
    li: int  # 低保 C, 2 people
    wang: int  # 特困供养, lives alone
    zhao: int  # 残疾人两项补贴 for one member
    zhao_son: int  # the disabled member
    yang: int  # 低保 A, 1 person, in 武阳镇


def users() -> None:
    for name, role in (("luru", "clerk"), ("luru2", "clerk"), ("shenhe", "reviewer"), ("admin", "admin"),
                       ("wuyang_clerk", "clerk")):
        User.create(username=name, display_name=name, role=role)


def family(county: FixtureCounty, no: str, names: list[str], seq: int, *, account: str = "6221880012345678",
           village: str = "qingshi") -> int:
    group = county.qingshi_1 if village == "qingshi" else county.fengmu_1
    relations = ["户主", "配偶", "子", "女", "父母"]
    members = [PersonInput(name=n, relation=relations[i],
                           id_number=id_number(f"{1960 + i * 8}-05-0{i + 1}", seq + i, male=i % 2 == 0))
               for i, n in enumerate(names)]
    household = HouseholdInput(household_no=no, group_id=group.id, main_cause="因病", bank_account=account,
                               registered_on=dt.date(2016, 3, 1))
    return hs.register_household(household, members, user="admin", today=TODAY)


def build_payment_county() -> PaymentCounty:
    """The payment county into the open database (a copy of the first build, when it is empty)."""
    from tests.templates import from_template

    return from_template("payment", _build_payment_county)


def _build_payment_county() -> PaymentCounty:
    areas = build_county()
    users()
    programs = install_programs()
    # User.township holds an area id.
    User.update(township=areas.changpu.id).where(User.username.in_(["luru", "luru2", "shenhe"])).execute()
    User.update(township=areas.wuyang.id).where(User.username == "wuyang_clerk").execute()
    zhang = family(areas, "43052710000101001", ["张建国", "李桂英", "张小军"], 100, account="6221880000000001")
    li = family(areas, "43052710000101002", ["李德明", "王秀兰"], 110, account="6221880000000002")
    wang = family(areas, "43052710000101003", ["王老五"], 120, account="6221880000000003")
    zhao = family(areas, "43052710000101004", ["赵大山", "孙梅", "赵小明"], 130, account="6221880000000004")
    yang = family(areas, "43052710100101001", ["杨桂花"], 140, account="6221880000000005", village="fengmu")
    zhao_son = int(Person.get((Person.household == zhao) & (Person.name == "赵小明")).id)
    setup = "admin"
    enrol(EnrolmentInput(programs["dibao"], zhang, None, "A", 3, FROM_2018), user=setup)
    enrol(EnrolmentInput(programs["dibao"], li, None, "C", 2, FROM_2018), user=setup)
    enrol(EnrolmentInput(programs["tekun"], wang, None, "", 1, FROM_2018), user=setup)
    enrol(EnrolmentInput(programs["disability"], zhao, zhao_son, "两项", 1, FROM_2018), user=setup)
    enrol(EnrolmentInput(programs["dibao"], yang, None, "A", 1, FROM_2018), user=setup)
    return PaymentCounty(areas, programs, zhang, li, wang, zhao, zhao_son, yang)


CLI_PASSWORD = "suining2018"


def cli_payment_county(target: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The payment county in a database file for command-line tests: every user's password is
    CLI_PASSWORD, given through SUINING_PASSWORD."""
    from suining_desk.services.accounts import hash_password
    from tests.templates import schema_copy

    open_database(target if target.exists() else schema_copy(target))
    build_payment_county()
    User.update(password_hash=hash_password(CLI_PASSWORD)).execute()  # the tests' quick hasher
    close_database()
    monkeypatch.setenv("SUINING_PASSWORD", CLI_PASSWORD)
    return target
