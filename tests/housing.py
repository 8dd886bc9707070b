"""Households for the relocation and renovation tests: registered through the services."""

from __future__ import annotations

import datetime as dt

from suining_desk.db.models import SettlementSite
from suining_desk.rules.household import HouseholdInput, PersonInput
from suining_desk.services import households as hs
from tests.county import FixtureCounty, id_number

TODAY = dt.date(2018, 12, 1)


def register_family(county: FixtureCounty, no: str, head: str, seq: int, *, size: int = 3,
                    village: str = "qingshi") -> int:
    """A family of ``size`` registered on 2016-03-01 in 青石村一组 (or 枫木村一组)."""
    group = county.qingshi_1 if village == "qingshi" else county.fengmu_1
    relations = ["户主", "配偶", "子", "女", "父母", "孙子女"]
    members = [PersonInput(name=head, id_number=id_number("1968-03-12", seq, male=True), relation="户主")]
    for i in range(1, size):
        members.append(PersonInput(name=head[0] + "家" + "一二三四五六"[i], relation=relations[i],
                                   id_number=id_number(f"{1970 + i * 5}-07-01", seq + i, male=i % 2 == 0)))
    household = HouseholdInput(household_no=no, group_id=group.id, main_cause="因灾",
                               registered_on=dt.date(2016, 3, 1))
    return hs.register_household(household, members, user="luru", today=TODAY)


def site(county: FixtureCounty, name: str = "长铺镇集镇安置点", kind: str = "集镇", capacity: int = 50) -> int:
    return int(SettlementSite.create(name=name, township=county.changpu, kind=kind, capacity=capacity).id)
