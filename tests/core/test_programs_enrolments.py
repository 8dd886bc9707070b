"""Programs with standards over time, and enrolment history."""

from __future__ import annotations

import datetime as dt

import pytest

from suining_desk.db.models import Enrolment
from suining_desk.domain.problems import InvalidInput
from suining_desk.services.enrolment_query import household_enrolments
from suining_desk.services.enrolments import EnrolmentInput, end_enrolment, enrol
from suining_desk.services.programs import (
    ProgramInput,
    StandardTable,
    add_standard,
    categories_of,
    find_program,
    save_program,
    standard_on,
)
from tests.payments import PaymentCounty, build_payment_county


@pytest.fixture
def county(db: object) -> PaymentCounty:
    return build_payment_county()


def _codes(info: pytest.ExceptionInfo[InvalidInput]) -> set[str]:
    return {p.code for p in info.value.problems}


def test_standards_change_over_time(county: PaymentCounty) -> None:
    dibao = county.programs["dibao"]
    table = StandardTable(dibao)
    assert [table.on("A", dt.date(y, m, 1)) for y, m in ((2015, 12), (2016, 1), (2018, 6), (2018, 7))] == [
        None, 26000, 30000, 32000]
    assert categories_of(dibao) == ["A", "B", "C"]
    for not_admin in ("luru", "shenhe"):  # standards, like programs, are an admin's job
        with pytest.raises(InvalidInput) as refused:
            add_standard(dibao, "A", 34000, dt.date(2019, 1, 1), user=not_admin)
        assert _codes(refused) == {"access_role"}
    add_standard(dibao, "A", 34000, dt.date(2019, 1, 1), user="admin")
    assert standard_on(dibao, "A", dt.date(2019, 3, 1)) == 34000
    assert standard_on(dibao, "A", dt.date(2018, 12, 31)) == 32000
    with pytest.raises(InvalidInput) as same_day:
        add_standard(dibao, "A", 35000, dt.date(2019, 1, 1), user="admin")
    assert _codes(same_day) == {"standard_exists"}


def test_programs_are_an_admins_job(county: PaymentCounty) -> None:
    new = ProgramInput(code="water", name="饮水安全补助", basis="household", frequency="yearly")
    with pytest.raises(InvalidInput):
        save_program(new, user="shenhe")
    pid = save_program(new, user="admin")
    assert find_program("饮水安全补助").id == pid and find_program("water").basis == "household"
    with pytest.raises(InvalidInput) as bad:
        save_program(ProgramInput(code="Bad Code", name="", basis="x", frequency="y"), user="admin")
    assert _codes(bad) == {"program_bad_code", "required", "bad_choice"}


def test_enrolment_rules_and_history(county: PaymentCounty) -> None:
    dibao = county.programs["dibao"]
    for wrong, code in (
        (EnrolmentInput(dibao, county.zhang, None, "A", 3, dt.date(2018, 3, 1)), "enrol_overlap"),
        (EnrolmentInput(dibao, county.wang, None, "D", 1, dt.date(2018, 3, 1)), "enrol_bad_category"),
        (EnrolmentInput(dibao, county.wang, None, "A", 4, dt.date(2018, 3, 1)), "enrol_people_above_members"),
        (EnrolmentInput(county.programs["medical"], county.wang, None, "", 1, dt.date(2018, 3, 1)), "enrol_one_off"),
    ):
        with pytest.raises(InvalidInput) as info:
            enrol(wrong, user="luru")
        assert code in _codes(info)
    zhang = Enrolment.get(Enrolment.household == county.zhang)
    with pytest.raises(InvalidInput) as no_reason:
        end_enrolment(zhang.id, dt.date(2018, 11, 30), "", user="luru")
    assert _codes(no_reason) == {"required"}
    end_enrolment(zhang.id, dt.date(2018, 11, 30), "家庭收入超过低保标准", user="luru")
    again = enrol(EnrolmentInput(dibao, county.zhang, None, "B", 3, dt.date(2019, 1, 1)), user="luru")
    history = household_enrolments(county.zhang)
    assert [(h.id, h.category, h.end_reason) for h in history] == [
        (again, "B", ""), (zhang.id, "A", "家庭收入超过低保标准")]


def test_people_are_checked_against_the_members_on_the_start_date(county: PaymentCounty) -> None:
    """QA: an enrolment export did not import again once a member had died after the enrolment
    began — the check used today's household. It uses those there on the start date."""
    from suining_desk.db.models import Person
    from suining_desk.services.households import record_member_exit
    from tests.payments import TODAY

    dibao = county.programs["dibao"]
    member = Person.get((Person.household == county.zhao) & (Person.name == "孙梅"))
    record_member_exit(member.id, kind="died", date=dt.date(2018, 5, 10), reason="病故", user="luru", today=TODAY)
    with pytest.raises(InvalidInput) as late:  # from June the household has two
        enrol(EnrolmentInput(dibao, county.zhao, None, "A", 3, dt.date(2018, 6, 1)), user="luru")
    assert _codes(late) == {"enrol_people_above_members"}
    enrol(EnrolmentInput(dibao, county.zhao, None, "A", 3, dt.date(2018, 1, 1)), user="luru")  # three in January
