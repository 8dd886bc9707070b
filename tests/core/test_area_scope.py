"""One way to say "inside this area" (suining_desk.db.area_scope), for SQL and for peewee."""

from __future__ import annotations

import pytest

from suining_desk.db.area_scope import area_scope
from suining_desk.db.models import Household, Payment
from suining_desk.domain.enums import AreaLevel
from suining_desk.domain.problems import InvalidInput
from tests.county import FixtureCounty, build_county


@pytest.fixture
def county(db: object) -> FixtureCounty:
    return build_county()


def test_each_level_names_its_column(county: FixtureCounty) -> None:
    assert area_scope(None).sql("p") == ("", []) and area_scope(county.county.id).sql("p") == ("", [])
    assert area_scope(county.changpu.id).sql("p") == ("p.township_id = ?", [county.changpu.id])
    assert area_scope(county.qingshi.id).sql("h", named=True) == ("h.village_id = :area", [county.qingshi.id])
    group = county.qingshi_1.id
    assert area_scope(group).sql("h") == ("h.group_id = ?", [group])
    assert area_scope(group).sql("p", groups="household") == (
        "p.household_id IN (SELECT id FROM household WHERE group_id = ?)", [group])
    assert area_scope(county.fengmu.id).level == AreaLevel.VILLAGE


def test_peewee_conditions_and_the_subtree(county: FixtureCounty) -> None:
    assert area_scope(county.county.id).where(Household.township, Household.village, Household.group) is None
    town = area_scope(county.changpu.id).where(Household.township, Household.village)
    assert town is not None and town.rhs == county.changpu.id
    in_group = area_scope(county.qingshi_1.id).where(Payment.township, Payment.village, household=Payment.household)
    assert "household" in str(Payment.select().where(in_group).sql()[0])
    assert area_scope(county.changpu.id).subtree() == sorted(
        [county.changpu.id, county.qingshi.id, county.qingshi_1.id, county.qingshi_2.id])
    assert len(area_scope(None).subtree()) == 8


def test_an_unknown_area_is_the_county_or_refused_when_it_is_required(county: FixtureCounty) -> None:
    assert area_scope(99_999).level == AreaLevel.COUNTY
    with pytest.raises(InvalidInput) as info:
        area_scope(99_999, missing_label="发放区域")
    assert info.value.problems[0].code == "required" and info.value.problems[0].params == {"label": "发放区域"}
