"""A batch pays each person once and only for the members still there: household and
personal lines of one program never both appear in a period, a death lowers the people
paid from the next period (with a note), and a household whose head or last member died
says who and when."""

from __future__ import annotations

import datetime as dt

import pytest

from suining_desk.db.models import Enrolment, Payment, Person
from suining_desk.services.batch_compute import compute_batch
from suining_desk.services.batches import create_batch
from suining_desk.services.households import record_member_exit
from tests.core.test_batches import walk
from tests.payments import TODAY, PaymentCounty, build_payment_county


@pytest.fixture
def county(db: object) -> PaymentCounty:
    return build_payment_county()


def _member(household: int, name: str) -> int:
    return int(Person.get((Person.household == household) & (Person.name == name)).id)


def _legacy(program: int, household: int, person: int | None, category: str, people: int, start: dt.date) -> int:
    """An enrolment written before overlapping enrolments were refused (straight into the table)."""
    return int(Enrolment.create(program=program, household=household, person=person, category=category,
                                people=people, start_date=start, created_by="legacy").id)


def _why(preview: object) -> dict[str, str]:
    return {e.name: e.text for e in preview.exclusions}  # type: ignore[attr-defined]


def test_a_member_enrolled_alone_is_not_paid_again_with_the_household(county: PaymentCounty) -> None:
    dibao, town = county.programs["dibao"], county.areas.changpu.id
    household = Enrolment.get((Enrolment.household == county.zhang) & Enrolment.person.is_null()).id
    # 张建国 alone from the same day (entered later): his own line goes.
    zhang = _member(county.zhang, "张建国")
    _legacy(dibao, county.zhang, zhang, "A", 1, dt.date(2018, 1, 1))
    # 李德明 alone since before his household joined: the household's line goes.
    li = _member(county.li, "李德明")
    li_alone = _legacy(dibao, county.li, li, "C", 1, dt.date(2017, 6, 1))
    preview = compute_batch(dibao, "2018-06", town, dt.date(2018, 6, 10))
    paid = sorted((ln.household_id, ln.person_id, ln.amount_fen) for ln in preview.lines)
    assert paid == sorted([(county.zhang, None, 90000), (county.li, li, 15000)])
    why = [(e.name, e.text) for e in preview.exclusions]
    assert ("张建国", f"已随全户享受本项目（享受记录{household}），不重复发放；请终止其中一条享受记录") in why
    assert ("李德明", f"户内李德明已单独享受本项目（享受记录{li_alone}），整户不重复发放；"
                     "请终止其中一条享受记录") in why
    created = create_batch(dibao, "2018-06", town, user="luru", pay_date=dt.date(2018, 6, 10))
    assert Payment.select().where(Payment.batch == created.batch_id).count() == 2


def test_a_line_already_paid_the_other_way_is_left_out(county: PaymentCounty) -> None:
    disability, town = county.programs["disability"], county.areas.changpu.id
    october = create_batch(disability, "2018-10", town, user="luru", pay_date=dt.date(2018, 10, 10))
    walk(october.batch_id, dt.date(2018, 10, 10))
    # 赵家 enrolled whole as well (old data): 赵小明 was paid alone in October.
    _legacy(disability, county.zhao, None, "两项", 1, dt.date(2018, 1, 1))
    again = compute_batch(disability, "2018-10", town, dt.date(2018, 10, 20))
    assert again.lines == []
    assert _why(again)["赵大山"] == "户内赵小明本期（2018-10）已单独列入批次CJ-430527100-2018-10，整户不重复发放"
    # The other way: 张家 paid whole in October, then 张小军 enrolled alone.
    dibao = county.programs["dibao"]
    walk(create_batch(dibao, "2018-10", town, user="luru", pay_date=dt.date(2018, 10, 10)).batch_id,
         dt.date(2018, 10, 10))
    _legacy(dibao, county.zhang, _member(county.zhang, "张小军"), "A", 1, dt.date(2018, 1, 1))
    again = compute_batch(dibao, "2018-10", town, dt.date(2018, 10, 20))
    assert again.lines == []
    assert _why(again)["张小军"] == "本期（2018-10）已随全户列入批次DB-430527100-2018-10，不重复发放"


def test_a_death_lowers_the_people_paid_from_the_next_period(county: PaymentCounty) -> None:
    dibao, town = county.programs["dibao"], county.areas.changpu.id
    record_member_exit(_member(county.zhang, "李桂英"), kind="died", date=dt.date(2018, 5, 10), reason="病故",
                       user="luru", today=TODAY)
    may = compute_batch(dibao, "2018-05", town, dt.date(2018, 5, 20))
    [zhang_may] = [ln for ln in may.lines if ln.household_id == county.zhang]
    assert (zhang_may.people, zhang_may.amount_fen) == (3, 90000) and may.notes == []  # alive on 1 May
    june = create_batch(dibao, "2018-06", town, user="luru", pay_date=dt.date(2018, 6, 10))
    assert june.preview is not None
    [note] = june.preview.notes
    assert (note.name, note.text) == ("张建国", "享受人数由3人减为2人：李桂英已于2018-05-10死亡")
    line = Payment.get((Payment.batch == june.batch_id) & (Payment.household == county.zhang))
    assert (line.people, line.standard_fen, line.amount_fen) == (2, 30000, 60000)
    # Leaving on the first day of a period counts for that period.
    record_member_exit(_member(county.zhang, "张小军"), kind="moved_out", date=dt.date(2018, 7, 1),
                       reason="外出务工迁出", user="luru", today=TODAY)
    july = compute_batch(dibao, "2018-07", town, dt.date(2018, 7, 10))
    [zhang_july] = [ln for ln in july.lines if ln.household_id == county.zhang]
    assert (zhang_july.people, zhang_july.amount_fen) == (1, 32000)
    assert [n.text for n in july.notes] == [
        "享受人数由3人减为1人：李桂英已于2018-05-10死亡、张小军已于2018-07-01减员（外出务工迁出）"]


def test_a_household_whose_head_or_last_member_died_says_who(county: PaymentCounty) -> None:
    tekun, town = county.programs["tekun"], county.areas.changpu.id
    record_member_exit(_member(county.wang, "王老五"), kind="died", date=dt.date(2018, 3, 5), reason="病故",
                       user="luru", today=TODAY)
    april = compute_batch(tekun, "2018-04", town, dt.date(2018, 4, 10))
    assert [(e.household_no, e.name, e.text) for e in april.exclusions] == [
        ("43052710000101003", "王老五", "王老五已于2018-03-05死亡")]
    record_member_exit(_member(county.zhang, "张建国"), kind="died", date=dt.date(2018, 3, 8), reason="病故",
                       user="luru", today=TODAY)
    dibao = compute_batch(county.programs["dibao"], "2018-04", town, dt.date(2018, 4, 10))
    assert _why(dibao)["张建国"] == "户主张建国已于2018-03-08死亡，请先确定新户主（领款人）"
