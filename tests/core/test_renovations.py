"""Renovations: record, the steps, acceptance after completion, subsidy after acceptance."""

from __future__ import annotations

import datetime as dt

import pytest

from suining_desk.db.models import AuditEntry, Renovation
from suining_desk.domain.messages import describe
from suining_desk.domain.problems import InvalidInput
from suining_desk.rules.housing import RelocationInput, RenovationInput
from suining_desk.services.household_detail import household_detail
from suining_desk.services.housing_common import record_history
from suining_desk.services.relocations import create_relocation
from suining_desk.services.renovation_query import RenovationFilter, renovation_ids, renovation_rows
from suining_desk.services.renovations import (
    advance_renovation,
    create_renovation,
    renovation_problems,
    standard_for,
    update_renovation,
)
from suining_desk.services.settings import RENOVATION_STANDARD_D, set_setting
from tests.county import FixtureCounty, build_county
from tests.housing import TODAY, register_family


@pytest.fixture
def county(db: object) -> FixtureCounty:
    return build_county()


def _d_grade(household_id: int, **changes: object) -> RenovationInput:
    values: dict[str, object] = dict(household_id=household_id, year=2017, beneficiary_type="建档立卡贫困户",
                                     grade="D", method="拆除重建", build_mode="self", area_x100=9000,
                                     standard_fen=3_500_000)
    values.update(changes)
    return RenovationInput(**values)  # type: ignore[arg-type]


def _codes(info: pytest.ExceptionInfo[InvalidInput]) -> set[str]:
    return {p.code for p in info.value.problems}


def test_start_complete_accept_then_the_subsidy(county: FixtureCounty) -> None:
    hid = register_family(county, "43052710000101001", "曾伟", 201)
    rid = create_renovation(_d_grade(hid), user="luru", today=TODAY)
    advance_renovation(rid, to="in_progress", date=dt.date(2017, 4, 1), user="luru", today=TODAY)
    with pytest.raises(InvalidInput) as info:  # no acceptance before completion
        advance_renovation(rid, to="accepted", date=dt.date(2017, 9, 1), accepted_by="县住建局", result="合格",
                           user="luru", today=TODAY)
    assert _codes(info) == {"status_skip"}
    with pytest.raises(InvalidInput) as info:
        advance_renovation(rid, to="completed", date=dt.date(2017, 3, 1), user="luru", today=TODAY)
    assert "不能早于开工日期2017-04-01" in describe(info.value.problems[0])
    advance_renovation(rid, to="completed", date=dt.date(2017, 8, 20), user="luru", today=TODAY)
    with pytest.raises(InvalidInput) as info:
        advance_renovation(rid, to="accepted", date=dt.date(2017, 8, 1), accepted_by="县住建局", result="合格",
                           user="luru", today=TODAY)
    assert _codes(info) == {"accepted_before_completed"}
    with pytest.raises(InvalidInput) as info:
        advance_renovation(rid, to="accepted", date=dt.date(2017, 9, 1), user="luru", today=TODAY)
    assert _codes(info) == {"required"}
    assert advance_renovation(rid, to="accepted", date=dt.date(2017, 9, 1), accepted_by="县住建局验收组",
                              result="合格", subsidy_fen=3_500_000, user="luru", today=TODAY) == "accepted"
    r = Renovation.get_by_id(rid)
    assert (r.status, r.start_date, r.completed_date, r.accepted_date, r.accepted_by, r.subsidy_fen) == (
        "accepted", dt.date(2017, 4, 1), dt.date(2017, 8, 20), dt.date(2017, 9, 1), "县住建局验收组", 3_500_000)
    assert [h.what for h in record_history("renovation", rid)] == [
        "登记", "计划 → 施工中", "施工中 → 竣工", "竣工 → 已验收"]


def test_no_subsidy_before_acceptance_and_a_failed_inspection_keeps_it_completed(county: FixtureCounty) -> None:
    hid = register_family(county, "43052710000101001", "曾伟", 201)
    with pytest.raises(InvalidInput) as info:
        create_renovation(_d_grade(hid, subsidy_fen=3_500_000), user="luru", today=TODAY)
    assert describe(info.value.problems[0]) == "竣工验收合格后才能登记补助金额"
    rid = create_renovation(_d_grade(hid), user="luru", today=TODAY)
    advance_renovation(rid, to="in_progress", date=dt.date(2017, 4, 1), user="luru", today=TODAY)
    advance_renovation(rid, to="completed", date=dt.date(2017, 8, 20), user="luru", today=TODAY)
    with pytest.raises(InvalidInput) as info:
        advance_renovation(rid, to="accepted", date=dt.date(2017, 9, 1), accepted_by="验收组",
                           result="不合格（限期整改）", subsidy_fen=100, user="luru", today=TODAY)
    assert _codes(info) == {"subsidy_before_acceptance"}
    status = advance_renovation(rid, to="accepted", date=dt.date(2017, 9, 1), accepted_by="验收组",
                                result="不合格（限期整改）", user="luru", today=TODAY)
    assert status == "completed" and Renovation.get_by_id(rid).subsidy_fen == 0
    assert renovation_rows([rid])[rid].flags == ("验收不合格，待整改",)
    with pytest.raises(InvalidInput):
        update_renovation(rid, _d_grade(hid, subsidy_fen=3_500_000), user="luru", today=TODAY)
    advance_renovation(rid, to="accepted", date=dt.date(2017, 10, 8), accepted_by="验收组", result="合格",
                       user="luru", today=TODAY)
    update_renovation(rid, _d_grade(hid, subsidy_fen=3_600_000), user="luru", today=TODAY)
    assert Renovation.get_by_id(rid).subsidy_fen == 3_600_000
    warnings = renovation_problems(_d_grade(hid, subsidy_fen=3_600_000), user="luru", renovation_id=rid, today=TODAY)
    assert [p.code for p in warnings] == ["subsidy_above_standard"]
    assert AuditEntry.select().where(AuditEntry.action == "renovation_acceptance_failed").count() == 1


def test_a_relocated_household_gets_no_renovation_without_an_override(county: FixtureCounty) -> None:
    hid = register_family(county, "43052710000101001", "曾伟", 201)
    create_relocation(RelocationInput(household_id=hid, batch_year=2017, people=3, mode="scattered",
                                      house_area_x100=7000), user="luru", today=TODAY)
    with pytest.raises(InvalidInput) as info:
        create_renovation(_d_grade(hid), user="luru", today=TODAY)
    message = describe(info.value.problems[0])
    assert message.startswith("搬迁户不得重复享受危房改造：户43052710000101001已有2017年易地扶贫搬迁（计划）")
    assert Renovation.select().count() == 0
    rid = create_renovation(_d_grade(hid, override_reason="搬迁后原址保留祖屋，经县审核同意"), user="shenhe",
                            today=TODAY)
    assert Renovation.get_by_id(rid).override_by == "shenhe"
    # editing keeps who approved it; clearing the reason is refused again
    update_renovation(rid, _d_grade(hid, override_reason="搬迁后原址保留祖屋，经县审核同意", area_x100=8000),
                      user="luru", today=TODAY)
    assert Renovation.get_by_id(rid).override_by == "shenhe"
    with pytest.raises(InvalidInput):
        update_renovation(rid, _d_grade(hid), user="luru", today=TODAY)
    detail = household_detail(hid)
    assert [r.id for r in detail.renovations] == [rid] and len(detail.relocations) == 1


def test_bad_values_are_refused_with_their_messages(county: FixtureCounty) -> None:
    hid = register_family(county, "43052710000101001", "曾伟", 201)
    bad = _d_grade(hid, year=2030, beneficiary_type="富户", grade="E", method="装修", build_mode="x", area_x100=-1)
    with pytest.raises(InvalidInput) as info:
        create_renovation(bad, user="luru", today=TODAY)
    assert _codes(info) == {"bad_year", "bad_choice", "area_negative"}
    assert "改造年度2030无效" in describe(info.value.problems[0])
    assert Renovation.select().count() == 0
    warnings = renovation_problems(_d_grade(hid, method="修缮加固"), user="luru", today=TODAY)
    assert [p.code for p in warnings] == ["grade_method_mismatch"]


def test_standard_in_force_by_year_and_list_filters(county: FixtureCounty) -> None:
    set_setting(RENOVATION_STANDARD_D, 2_500_000, effective_from=dt.date(2014, 1, 1), user="admin")
    set_setting(RENOVATION_STANDARD_D, 3_500_000, effective_from=dt.date(2016, 1, 1), user="admin")
    assert (standard_for("D", 2015), standard_for("D", 2017), standard_for("C", 2017)) == (
        2_500_000, 3_500_000, 1_000_000)
    a = register_family(county, "43052710000101001", "曾伟", 201)
    b = register_family(county, "43052710100101001", "杨桂花", 301, village="fengmu")
    ra = create_renovation(_d_grade(a), user="luru", today=TODAY)
    rb = create_renovation(_d_grade(b, grade="C", method="修缮加固", year=2016), user="luru", today=TODAY)
    assert list(renovation_ids(RenovationFilter())) == [rb, ra]
    assert list(renovation_ids(RenovationFilter(grade="D"))) == [ra]
    assert list(renovation_ids(RenovationFilter(area_id=county.fengmu.id, year=2016))) == [rb]
    assert renovation_rows([rb])[rb].member_count == 3
