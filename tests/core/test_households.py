"""Registering households and members, edits, deaths and departures, status history."""

from __future__ import annotations

import datetime as dt

import pytest

from suining_desk.audit.verify import verify_chain
from suining_desk.db.models import AuditEntry, Household, MemberChange, Person
from suining_desk.domain.messages import describe
from suining_desk.domain.problems import InvalidInput
from suining_desk.rules.household import HouseholdInput, PersonInput
from suining_desk.services import households as hs
from suining_desk.services.household_detail import member_history, status_history
from suining_desk.services.search import search_people
from tests.county import TODAY, FixtureCounty, build_county, id_number

HEAD_ID = id_number("1968-03-12", 101, male=True)
WIFE_ID = id_number("1970-07-01", 102, male=False)
SON_ID = id_number("1995-10-20", 103, male=True)


@pytest.fixture
def county(db: object) -> FixtureCounty:
    return build_county()


def _zeng_family(county: FixtureCounty, no: str = "43052710000101001") -> tuple[HouseholdInput, list[PersonInput]]:
    household = HouseholdInput(household_no=no, group_id=county.qingshi_1.id, phone="13807391234",
                               status="poor", main_cause="因病", other_causes=["缺劳力"], dibao=True,
                               bank_account="6217 9950 0001 2345 678", registered_on=dt.date(2016, 3, 1))
    members = [
        PersonInput(name="曾伟", id_number=HEAD_ID, relation="户主", health="长期慢性病"),
        PersonInput(name="李秀英", id_number=WIFE_ID.lower(), relation="配偶"),
        PersonInput(name="曾小军", id_number=" " + SON_ID + " ", relation="子", education="初中"),
    ]
    return household, members


def test_register_household_with_three_members(county: FixtureCounty) -> None:
    household_id = hs.register_household(*_zeng_family(county), user="luru", today=TODAY)
    household = Household.get_by_id(household_id)
    assert (household.township_id, household.village_id) == (county.changpu.id, county.qingshi.id)
    assert household.head_name == "曾伟" and household.head_id_number == HEAD_ID
    assert household.member_count == 3 and household.bank_account == "6217995000012345678"
    wife = Person.get(Person.id_number == WIFE_ID)
    assert wife.sex == "女" and wife.birth_date == dt.date(1970, 7, 1)
    assert MemberChange.select().where(MemberChange.kind == "registered").count() == 3
    assert AuditEntry.select().where(AuditEntry.action == "household_registered").count() == 1
    assert verify_chain() is None


@pytest.mark.parametrize("query", ["zw", "cw", "zengwei", "cengwei", "曾伟", "伟", HEAD_ID[-4:], HEAD_ID[-6:], HEAD_ID])
def test_find_by_pinyin_name_fragment_and_id_tail(county: FixtureCounty, query: str) -> None:
    hs.register_household(*_zeng_family(county), user="luru", today=TODAY)
    hits = search_people(query)
    assert "曾伟" in [h.name for h in hits]
    assert all(h.household_no == "43052710000101001" for h in hits)


def test_household_number_finds_its_members(county: FixtureCounty) -> None:
    hs.register_household(*_zeng_family(county), user="luru", today=TODAY)
    assert {h.name for h in search_people("43052710000101001")} == {"曾伟", "李秀英", "曾小军"}


def test_an_id_number_already_on_the_register_is_refused_with_its_holder(county: FixtureCounty) -> None:
    hs.register_household(*_zeng_family(county), user="luru", today=TODAY)
    household, _ = _zeng_family(county, no="43052710000101002")
    members = [PersonInput(name="王强", id_number=SON_ID, relation="户主")]
    before = (Household.select().count(), Person.select().count(), AuditEntry.select().count())
    with pytest.raises(InvalidInput) as info:
        hs.register_household(household, members, user="luru", today=TODAY)
    message = describe(info.value.problems[0])
    assert SON_ID in message and "曾小军" in message and "43052710000101001" in message
    assert (Household.select().count(), Person.select().count(), AuditEntry.select().count()) == before


def test_invalid_id_number_and_two_heads_are_refused_and_nothing_is_written(county: FixtureCounty) -> None:
    household, members = _zeng_family(county)
    members[1].id_number = WIFE_ID[:-1] + ("0" if WIFE_ID[-1] != "0" else "1")
    members[2].relation = "户主"
    with pytest.raises(InvalidInput) as info:
        hs.register_household(household, members, user="luru", today=TODAY)
    codes = {p.code for p in info.value.problems}
    assert {"id_bad_checksum", "one_head"} <= codes
    assert Household.select().count() == 0 and Person.select().count() == 0


def test_edit_a_member_keeps_history_and_reindexes_the_name(county: FixtureCounty) -> None:
    household_id = hs.register_household(*_zeng_family(county), user="luru", today=TODAY)
    son = Person.get(Person.id_number == SON_ID)
    hs.update_person(son.id, PersonInput(name="曾晓军", id_number=SON_ID, relation="子", education="高中"),
                     user="luru", reason="姓名更正", today=TODAY)
    assert Person.get_by_id(son.id).name == "曾晓军"
    assert [h.name for h in search_people("zxj")] == ["曾晓军"]
    assert search_people("曾小军") == []
    kinds = [(c.kind, c.reason) for c in member_history(household_id)]
    assert ("edited", "姓名更正") in kinds


def test_record_a_death_with_a_reason(county: FixtureCounty) -> None:
    household_id = hs.register_household(*_zeng_family(county), user="luru", today=TODAY)
    head = Person.get(Person.id_number == HEAD_ID)
    with pytest.raises(InvalidInput) as info:
        hs.record_member_exit(head.id, kind="died", date=dt.date(2018, 5, 2), reason=" ", user="luru", today=TODAY)
    assert info.value.problems[0].code == "required"
    hs.record_member_exit(head.id, kind="died", date=dt.date(2018, 5, 2), reason="病故", user="luru", today=TODAY)
    assert Person.get_by_id(head.id).death_date == dt.date(2018, 5, 2)
    household = Household.get_by_id(household_id)
    assert household.member_count == 2 and household.head_name == ""
    last = member_history(household_id)[-1]
    assert (last.kind, last.reason, last.date) == ("died", "病故", dt.date(2018, 5, 2))
    with pytest.raises(InvalidInput):
        hs.record_member_exit(head.id, kind="moved_out", date=dt.date(2018, 6, 1), reason="迁出", user="luru",
                              today=TODAY)


def test_status_change_to_exited_is_kept_as_history(county: FixtureCounty) -> None:
    household_id = hs.register_household(*_zeng_family(county), user="luru", today=TODAY)
    with pytest.raises(InvalidInput):
        hs.change_status(household_id, status="exited", year=None, date=TODAY, reason="达标", user="luru",
                         today=TODAY)
    hs.change_status(household_id, status="exited", year=2018, date=TODAY, reason="两不愁三保障达标",
                     user="luru", today=TODAY)
    household = Household.get_by_id(household_id)
    assert (household.status, household.exit_year) == ("exited", 2018)
    [change] = status_history(household_id)
    assert (change.old_status, change.new_status, change.year) == ("poor", "exited", 2018)


def test_add_member_by_birth(county: FixtureCounty) -> None:
    household_id = hs.register_household(*_zeng_family(county), user="luru", today=TODAY)
    baby = PersonInput(name="曾乐乐", id_number=id_number("2018-02-03", 104, male=False), relation="孙子女")
    hs.add_member(household_id, baby, kind="born", date=dt.date(2018, 2, 3), reason="新生儿", user="luru",
                  today=TODAY)
    assert Household.get_by_id(household_id).member_count == 4
    with pytest.raises(InvalidInput) as info:
        hs.add_member(household_id, PersonInput(name="曾二", id_number=id_number("1990-01-01", 105, True),
                                                relation="户主"),
                      kind="moved_in", date=TODAY, reason="迁入", user="luru", today=TODAY)
    assert info.value.problems[0].code == "one_head"


def test_next_household_number_follows_the_group_code(county: FixtureCounty) -> None:
    assert hs.next_household_no(county.qingshi_1.id) == "430527100001010001"


def test_a_household_is_removed_from_the_register_and_put_back(county: FixtureCounty) -> None:
    """清退 with a date and reason: off the list and the counts, history kept; undone the same way."""
    from suining_desk.services.household_detail import household_detail
    from suining_desk.services.household_query import HouseholdFilter, household_ids
    from suining_desk.services.stats import collect_stats

    household_id = hs.register_household(*_zeng_family(county), user="luru", today=TODAY)
    on_register = collect_stats().households
    for day, reason, code in ((TODAY + dt.timedelta(days=1), "识别不精准", "date_in_future"),
                              (TODAY, " ", "required"),
                              (dt.date(2016, 2, 29), "识别不精准", "removed_before_registered")):
        with pytest.raises(InvalidInput) as refused:
            hs.remove_household(household_id, date=day, reason=reason, user="luru", today=TODAY)
        assert [p.code for p in refused.value.problems] == [code]
    with pytest.raises(InvalidInput) as not_removed:
        hs.reinstate_household(household_id, date=TODAY, reason="x", user="luru", today=TODAY)
    assert describe(not_removed.value.problems[0]) == "该户没有清退，不需要恢复"

    hs.remove_household(household_id, date=dt.date(2018, 6, 30), reason="识别不精准", user="luru", today=TODAY)
    household = Household.get_by_id(household_id)
    assert (household.removed_on, household.removal_reason) == (dt.date(2018, 6, 30), "识别不精准")
    assert household_id not in household_ids(HouseholdFilter())
    assert list(household_ids(HouseholdFilter(status="removed"))) == [household_id]
    assert collect_stats().households == on_register - 1 and collect_stats().removed_households == 1
    with pytest.raises(InvalidInput) as twice:
        hs.remove_household(household_id, date=TODAY, reason="再次", user="luru", today=TODAY)
    assert describe(twice.value.problems[0]) == "该户已于2018-06-30清退"

    hs.reinstate_household(household_id, date=TODAY, reason="复核后恢复", user="luru", today=TODAY)
    assert Household.get_by_id(household_id).removed_on is None and household_id in household_ids(HouseholdFilter())
    lines = {(line.what, line.reason) for line in household_detail(household_id).status_history}
    assert lines == {("建档立卡贫困户 → 已清退", "识别不精准"), ("已清退 → 建档立卡贫困户", "复核后恢复")}
    actions = [e.action for e in AuditEntry.select().order_by(AuditEntry.seq)][-2:]
    assert actions == ["household_removed", "household_reinstated"]
    assert verify_chain() is None


def test_what_a_household_enjoys_includes_its_enrolments(county: FixtureCounty) -> None:
    """QA: enrolled in and paid 低保, the household showed 享受：— (only the register's 低保户 mark was read)."""
    from suining_desk.services.catalogue import install_programs
    from suining_desk.services.enrolments import EnrolmentInput, enrol
    from suining_desk.services.household_detail import household_detail

    household, members = _zeng_family(county)
    household = HouseholdInput(**{**household.__dict__, "dibao": False})
    household_id = hs.register_household(household, members, user="luru", today=TODAY)
    assert household_detail(household_id).aid_words() == ""
    programs = install_programs()
    enrol(EnrolmentInput(programs["dibao"], household_id, None, "A", 3, dt.date(2018, 1, 1)), user="luru")
    assert household_detail(household_id).aid_words() == "低保"
