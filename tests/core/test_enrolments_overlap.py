"""Enrolments that would pay a person twice (household and personal in one program over
overlapping dates) are refused; leave dates cannot be in the future; unknown enrolments
and people of another household get a Chinese message."""

from __future__ import annotations

import datetime as dt

import pytest

from suining_desk.db.models import Enrolment, Person
from suining_desk.domain.messages import describe
from suining_desk.domain.problems import InvalidInput
from suining_desk.services.enrolments import EnrolmentInput, change_enrolment, end_enrolment, enrol
from tests.payments import TODAY, PaymentCounty, build_payment_county


@pytest.fixture
def county(db: object) -> PaymentCounty:
    return build_payment_county()


def _refused(e: EnrolmentInput) -> list[str]:
    with pytest.raises(InvalidInput) as info:
        enrol(e, user="luru")
    return [describe(p) for p in info.value.problems]


def _member(household: int, name: str) -> int:
    return int(Person.get((Person.household == household) & (Person.name == name)).id)


def test_a_member_of_an_enrolled_household_cannot_be_enrolled_alone(county: PaymentCounty) -> None:
    dibao = county.programs["dibao"]
    zhang = _member(county.zhang, "张建国")
    texts = _refused(EnrolmentInput(dibao, county.zhang, zhang, "A", 1, dt.date(2018, 6, 1)))
    assert texts == ["该户已整户享受“低保”（自2018-01-01起），户内人员不能再单独纳入，否则同一期会重复发放"]
    # Once the household's enrolment has ended, the person may be enrolled alone from the next day.
    household = Enrolment.get((Enrolment.household == county.zhang) & Enrolment.person.is_null())
    end_enrolment(household.id, dt.date(2018, 5, 31), "复核", user="luru", today=TODAY)
    alone = enrol(EnrolmentInput(dibao, county.zhang, zhang, "A", 1, dt.date(2018, 6, 1)), user="luru")
    assert Enrolment.get_by_id(alone).person_id == zhang
    # Another program is not a double payment.
    enrol(EnrolmentInput(county.programs["disability"], county.li, _member(county.li, "王秀兰"), "两项", 1,
                         dt.date(2018, 3, 1)), user="luru")


def test_a_household_with_a_member_enrolled_alone_cannot_be_enrolled_whole(county: PaymentCounty) -> None:
    disability = county.programs["disability"]  # 赵小明 is enrolled alone since 2018-01-01
    texts = _refused(EnrolmentInput(disability, county.zhao, None, "两项", 1, dt.date(2018, 9, 1)))
    assert texts == ["户内赵小明已单独享受“残疾人两项补贴”（自2018-01-01起），不能再整户纳入，"
                     "否则同一期会重复发放；请先终止其单独享受"]
    alone = Enrolment.get(Enrolment.person == county.zhao_son)
    end_enrolment(alone.id, dt.date(2018, 8, 31), "改为整户", user="luru", today=TODAY)
    enrol(EnrolmentInput(disability, county.zhao, None, "两项", 1, dt.date(2018, 9, 1)), user="luru")


def test_a_change_keeps_the_rule(county: PaymentCounty) -> None:
    """Data from before the rule: a change of the household enrolment names the conflict."""
    dibao = county.programs["dibao"]
    zhang = _member(county.zhang, "张建国")
    Enrolment.create(program=dibao, household=county.zhang, person=zhang, category="A", people=1,
                     start_date=dt.date(2018, 1, 1), created_by="legacy")
    household = Enrolment.get((Enrolment.household == county.zhang) & Enrolment.person.is_null())
    with pytest.raises(InvalidInput) as info:
        change_enrolment(household.id, category="B", people=3, from_date=dt.date(2018, 7, 1), reason="调档",
                         user="luru")
    assert {p.code for p in info.value.problems} == {"enrol_member_enrolled"}


def test_a_person_of_another_household_is_named(county: PaymentCounty) -> None:
    # 李家 is on 低保 as a whole; that is not what is wrong here.
    texts = _refused(EnrolmentInput(county.programs["dibao"], county.li, _member(county.zhang, "张建国"), "A", 1,
                                    dt.date(2018, 6, 1)))
    assert texts == ["张建国不是户43052710000101002的成员（属于户43052710000101001），不能按此户纳入"]


def test_leave_refuses_a_future_date_and_an_unknown_enrolment(county: PaymentCounty) -> None:
    li = Enrolment.get(Enrolment.household == county.li)
    with pytest.raises(InvalidInput) as future:
        end_enrolment(li.id, dt.date(2019, 12, 1), "收入超标", user="luru", today=TODAY)
    assert [describe(p) for p in future.value.problems] == ["日期2019-12-01晚于今天"]
    assert Enrolment.get_by_id(li.id).end_date is None
    end_enrolment(li.id, TODAY, "收入超标", user="luru", today=TODAY)  # today itself is fine
    with pytest.raises(InvalidInput) as unknown:
        end_enrolment(999, dt.date(2018, 6, 30), "收入超标", user="luru", today=TODAY)
    assert [describe(p) for p in unknown.value.problems] == ["没有享受记录“999”"]
    with pytest.raises(InvalidInput):
        change_enrolment(999, category="A", people=1, from_date=dt.date(2018, 6, 1), reason="x", user="luru")
