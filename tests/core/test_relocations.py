"""Relocations: record, the caps, members on the day, the double-benefit rule, the steps."""

from __future__ import annotations

import datetime as dt

import pytest

from suining_desk.audit.verify import verify_chain
from suining_desk.db.models import AuditEntry, Person, Relocation, Renovation
from suining_desk.domain.messages import describe
from suining_desk.domain.problems import InvalidInput
from suining_desk.rules.housing import RelocationInput, RenovationInput
from suining_desk.services import households as hs
from suining_desk.services.housing_common import members_on, record_history
from suining_desk.services.relocation_query import RelocationColumn, RelocationFilter, relocation_ids, relocation_rows
from suining_desk.services.relocations import advance_relocation, create_relocation, update_relocation
from suining_desk.services.renovations import create_renovation
from suining_desk.services.settings import RELOCATION_AREA_CAP, RELOCATION_SELF_RAISED_CAP, set_setting
from tests.county import FixtureCounty, build_county
from tests.housing import TODAY, register_family, site


@pytest.fixture
def county(db: object) -> FixtureCounty:
    return build_county()


def _plan(household_id: int, site_id: int | None, **changes: object) -> RelocationInput:
    values: dict[str, object] = dict(household_id=household_id, batch_year=2017, people=3, mode="concentrated",
                                     site_id=site_id, origin="青石村高山组（地质灾害隐患点）", house_area_x100=7500,
                                     subsidy_fen=6_000_000, self_raised_fen=300_000, plan_date=dt.date(2017, 3, 10))
    values.update(changes)
    return RelocationInput(**values)  # type: ignore[arg-type]


def _codes(info: pytest.ExceptionInfo[InvalidInput]) -> set[str]:
    return {p.code for p in info.value.problems}


def test_record_and_walk_a_relocation_through_every_step(county: FixtureCounty) -> None:
    hid = register_family(county, "43052710000101001", "曾伟", 201)
    rid = create_relocation(_plan(hid, site(county)), user="luru", today=TODAY)
    record = Relocation.get_by_id(rid)
    assert (record.status, record.township_id, record.village_id) == ("planned", county.changpu.id,
                                                                     county.qingshi.id)
    for to, day in (("building", dt.date(2017, 4, 1)), ("moved_in", dt.date(2018, 5, 1)),
                    ("demolished", dt.date(2018, 8, 1))):
        advance_relocation(rid, to=to, date=day, user="luru", today=TODAY)
    record = Relocation.get_by_id(rid)
    assert (record.status, record.moved_in_date, record.demolished_date) == (
        "demolished", dt.date(2018, 5, 1), dt.date(2018, 8, 1))
    history = record_history("relocation", rid)
    assert [h.what for h in history] == ["登记", "计划 → 建设中", "建设中 → 已入住", "已入住 → 旧房已拆除"]
    assert history[2].date == "2018-05-01"
    assert verify_chain() is None


def test_no_step_is_skipped_and_dates_keep_their_order(county: FixtureCounty) -> None:
    hid = register_family(county, "43052710000101001", "曾伟", 201)
    rid = create_relocation(_plan(hid, site(county)), user="luru", today=TODAY)
    entries = AuditEntry.select().count()
    with pytest.raises(InvalidInput) as info:
        advance_relocation(rid, to="moved_in", date=dt.date(2018, 5, 1), user="luru", today=TODAY)
    assert _codes(info) == {"status_skip"}
    assert "下一步应为“建设中”" in describe(info.value.problems[0])
    with pytest.raises(InvalidInput) as info:
        advance_relocation(rid, to="building", date=dt.date(2017, 1, 1), user="luru", today=TODAY)
    assert _codes(info) == {"date_before_step"}
    with pytest.raises(InvalidInput) as info:
        advance_relocation(rid, to="building", date=dt.date(2019, 1, 1), user="luru", today=TODAY)
    assert _codes(info) == {"date_in_future"}
    assert Relocation.get_by_id(rid).status == "planned" and AuditEntry.select().count() == entries


def test_area_cap_is_per_person_and_configurable_from_a_date(county: FixtureCounty) -> None:
    hid = register_family(county, "43052710000101001", "曾伟", 201)
    with pytest.raises(InvalidInput) as info:
        create_relocation(_plan(hid, site(county), house_area_x100=7600), user="luru", today=TODAY)
    assert "人均不超过25㎡，3人最多75㎡" in describe(info.value.problems[0])
    set_setting(RELOCATION_AREA_CAP, 3000, effective_from=dt.date(2017, 1, 1), user="admin")
    # before the new cap takes effect the old one still holds
    with pytest.raises(InvalidInput) as info:
        create_relocation(_plan(hid, None, mode="scattered", house_area_x100=7600, plan_date=dt.date(2016, 6, 1)),
                          user="luru", today=TODAY)
    assert _codes(info) == {"relocation_area_above_cap"}
    rid = create_relocation(_plan(hid, site(county, "二号点"), house_area_x100=7600), user="luru", today=TODAY)
    assert Relocation.get_by_id(rid).house_area_x100 == 7600
    with pytest.raises(InvalidInput) as info:  # and one household relocates once
        create_relocation(_plan(hid, site(county, "三号点")), user="luru", today=TODAY)
    assert _codes(info) == {"relocation_exists"}


def test_self_raised_money_above_the_cap_is_flagged_not_refused(county: FixtureCounty) -> None:
    hid = register_family(county, "43052710000101001", "曾伟", 201)
    set_setting(RELOCATION_SELF_RAISED_CAP, 500_000, effective_from=dt.date(2016, 1, 1), user="admin")
    rid = create_relocation(_plan(hid, site(county), self_raised_fen=800_000), user="luru", today=TODAY)
    [row] = relocation_rows([rid]).values()
    assert row.flags == ("自筹超限",)


def test_people_relocated_cannot_exceed_the_members_on_the_day(county: FixtureCounty) -> None:
    hid = register_family(county, "43052710000101001", "曾伟", 201)
    with pytest.raises(InvalidInput) as info:
        create_relocation(_plan(hid, site(county), people=4, house_area_x100=8000), user="luru", today=TODAY)
    assert "超过该户2017-03-10的在户人数3人" in describe(info.value.problems[0])
    son = Person.get(Person.name == "曾家二")
    hs.record_member_exit(son.id, kind="moved_out", date=dt.date(2017, 1, 5), reason="迁出", user="luru",
                          today=TODAY)
    assert members_on(hid, dt.date(2017, 1, 4)) == 3 and members_on(hid, dt.date(2017, 3, 10)) == 2
    with pytest.raises(InvalidInput) as info:
        create_relocation(_plan(hid, site(county)), user="luru", today=TODAY)
    assert _codes(info) == {"relocation_people_above_members"}
    assert Relocation.select().count() == 0


def test_a_renovated_household_is_refused_unless_a_reviewer_overrides(county: FixtureCounty) -> None:
    hid = register_family(county, "43052710000101001", "曾伟", 201)
    create_renovation(RenovationInput(household_id=hid, year=2016, beneficiary_type="建档立卡贫困户", grade="C",
                                      method="修缮加固", standard_fen=1_000_000), user="luru", today=TODAY)
    with pytest.raises(InvalidInput) as info:
        create_relocation(_plan(hid, site(county)), user="luru", today=TODAY)
    assert _codes(info) == {"double_benefit_renovated"}
    assert "2016年C级危房改造（计划）" in describe(info.value.problems[0])
    # With accounts in the database, a clerk may not override; a reviewer of the township may.
    from suining_desk.services.accounts import change_password, create_first_admin, create_user

    create_first_admin("admin", "管理员", "Admin2018x")
    for name, role in (("luru", "clerk"), ("shenhe", "reviewer")):
        create_user(name, name, role, county.changpu.id, "Initial2018x", by="admin")
        change_password(name, "Initial2018x", "Mine2018x")  # the first login
    with pytest.raises(InvalidInput) as info:
        create_relocation(_plan(hid, site(county, "二号点"), override_reason="x"), user="luru", today=TODAY)
    assert _codes(info) == {"override_not_allowed"}
    rid = create_relocation(_plan(hid, site(county, "三号点"), override_reason="原址地质灾害，危改后仍须搬离"),
                            user="shenhe", today=TODAY)
    record = Relocation.get_by_id(rid)
    assert (record.override_by, record.override_reason) == ("shenhe", "原址地质灾害，危改后仍须搬离")
    assert AuditEntry.select().where(AuditEntry.action == "relocation_double_benefit_overridden").count() == 1
    assert relocation_rows([rid])[rid].flags == ("重复享受（已审核）",)
    assert Renovation.select().count() == 1


def test_edit_keeps_the_household_and_moved_in_needs_an_area(county: FixtureCounty) -> None:
    hid = register_family(county, "43052710000101001", "曾伟", 201)
    other = register_family(county, "43052710000101002", "王强", 301)
    rid = create_relocation(_plan(hid, None, mode="scattered", house_area_x100=0), user="luru", today=TODAY)
    with pytest.raises(InvalidInput) as info:
        update_relocation(rid, _plan(other, None, mode="scattered"), user="luru", today=TODAY)
    assert _codes(info) == {"household_fixed"}
    advance_relocation(rid, to="building", date=dt.date(2017, 5, 1), user="luru", today=TODAY)
    with pytest.raises(InvalidInput) as info:
        advance_relocation(rid, to="moved_in", date=dt.date(2018, 5, 1), user="luru", today=TODAY)
    assert _codes(info) == {"moved_in_needs_area"}
    update_relocation(rid, _plan(hid, None, mode="scattered", house_area_x100=7000), user="luru", today=TODAY)
    advance_relocation(rid, to="moved_in", date=dt.date(2018, 5, 1), user="luru", today=TODAY)
    assert Relocation.get_by_id(rid).status == "moved_in"


def test_list_filters_sorts_and_searches(county: FixtureCounty) -> None:
    a = register_family(county, "43052710000101001", "曾伟", 201)
    b = register_family(county, "43052710100101001", "杨桂花", 301, village="fengmu")
    s = site(county)
    ra = create_relocation(_plan(a, s), user="luru", today=TODAY)
    rb = create_relocation(_plan(b, None, mode="scattered", batch_year=2018, plan_date=dt.date(2018, 3, 1)),
                           user="luru", today=TODAY)
    assert list(relocation_ids(RelocationFilter())) == [ra, rb]
    assert list(relocation_ids(RelocationFilter(area_id=county.wuyang.id))) == [rb]
    assert list(relocation_ids(RelocationFilter(area_id=county.qingshi_1.id))) == [ra]
    assert list(relocation_ids(RelocationFilter(mode="scattered"))) == [rb]
    assert list(relocation_ids(RelocationFilter(site_id=s, batch_year=2017))) == [ra]
    assert list(relocation_ids(RelocationFilter(household_ids=(b,)))) == [rb]
    assert list(relocation_ids(RelocationFilter(), RelocationColumn.HEAD, descending=True)) == [rb, ra]
    row = relocation_rows([ra])[ra]
    assert (row.township, row.village, row.head_name, row.site) == ("长铺镇", "青石村", "曾伟", "长铺镇集镇安置点")


def test_a_clerk_of_another_township_may_not_record_a_relocation(county: FixtureCounty) -> None:
    from suining_desk.services.access import AccessDenied
    from suining_desk.services.accounts import change_password, create_first_admin, create_user

    hid = register_family(county, "43052710000101001", "曾伟", 201)
    create_first_admin("admin", "管理员", "Admin2018x")
    create_user("wuyang", "武阳录入员", "clerk", county.wuyang.id, "Initial2018x", by="admin")
    change_password("wuyang", "Initial2018x", "Wuyang2018x")
    with pytest.raises(AccessDenied) as refused:
        create_relocation(_plan(hid, site(county)), user="wuyang", today=TODAY)
    assert [p.code for p in refused.value.problems] == ["access_scope"]
    assert Relocation.select().count() == 0
