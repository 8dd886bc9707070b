"""入户日期 (issue 17, item 9): every member has the day they joined the household — by default
the household's registration date (or the birth, when later), the day of the change for a new
member, what an import gives — and a batch counts the people present on a period's first day
from it; posting counts them again and refuses a line whose people no longer fit."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from suining_desk.db.models import AuditEntry, Enrolment, Payment, Person
from suining_desk.domain.messages import describe
from suining_desk.domain.problems import InvalidInput
from suining_desk.rules.household import PersonInput, check_person
from suining_desk.services import batch_workflow as wf
from suining_desk.services.batch_compute import compute_batch
from suining_desk.services.batches import create_batch, delete_draft
from suining_desk.services.household_detail import household_detail
from suining_desk.services.households import add_member, exit_warnings, record_member_exit, update_person
from tests.county import id_number
from tests.payments import TODAY, PaymentCounty, build_payment_county


@pytest.fixture
def county(db: object) -> PaymentCounty:
    return build_payment_county()


def _joined(household: int) -> dict[str, dt.date | None]:
    return {p.name: p.joined_on for p in Person.select().where(Person.household == household)}


def test_members_join_on_the_registration_day_or_the_day_of_the_change(county: PaymentCounty) -> None:
    assert _joined(county.zhang) == {"张建国": dt.date(2016, 3, 1), "李桂英": dt.date(2016, 3, 1),
                                     "张小军": dt.date(2016, 3, 1)}
    baby = add_member(county.zhang, PersonInput(name="张小宝", id_number=id_number("2018-11-15", 7, True),
                                                relation="孙子女"),
                      kind="born", date=dt.date(2018, 11, 15), reason="出生", user="luru", today=TODAY)
    assert Person.get_by_id(baby).joined_on == dt.date(2018, 11, 15)
    # a correction of the 入户日期 is a correction of the member, logged old → new
    member = next(m for m in household_detail(county.zhang).members if m.name == "张小军")
    update_person(member.id, dataclasses.replace(member.as_input(), joined_on=dt.date(2016, 5, 1)),
                  user="luru", reason="迁入日期更正", today=TODAY)
    assert Person.get_by_id(member.id).joined_on == dt.date(2016, 5, 1)
    update_person(member.id, dataclasses.replace(member.as_input(), joined_on=None, phone="13907391234"),
                  user="luru", reason="电话", today=TODAY)  # not given: kept
    assert Person.get_by_id(member.id).joined_on == dt.date(2016, 5, 1)
    entry = AuditEntry.select().where(AuditEntry.action == "person_updated").order_by(AuditEntry.seq).first()
    assert '"joined_on":"2016-05-01"' in entry.after
    info, problems = check_person(PersonInput(name="张小宝", id_number=id_number("2018-11-15", 7, True),
                                              relation="子", joined_on=dt.date(2018, 1, 1)), today=TODAY)
    assert [describe(p) for p in problems] == ["入户日期2018-01-01早于出生日期2018-11-15"]
    assert [p.code for p in check_person(PersonInput(name="张小宝", id_number=id_number("2018-11-15", 7, True),
                                                     relation=""), today=TODAY)[1]] == ["required"]


def test_a_batch_counts_the_people_present_on_the_first_day(county: PaymentCounty) -> None:
    dibao, town = county.programs["dibao"], county.areas.changpu.id
    # 李家 (低保 C) enrolled for 3 (as an older record may say) while a member moves in mid-November
    add_member(county.li, PersonInput(name="李小妹", id_number=id_number("1999-02-02", 9, False), relation="女"),
               kind="moved_in", date=dt.date(2018, 11, 15), reason="迁入", user="luru", today=TODAY)
    Enrolment.update(people=3).where((Enrolment.household == county.li) & Enrolment.person.is_null()).execute()
    november = compute_batch(dibao, "2018-11", town, dt.date(2018, 11, 20))
    [li] = [ln for ln in november.lines if ln.household_id == county.li]
    assert (li.people, li.amount_fen) == (2, 33000)  # she came after 1 November
    assert [n.text for n in november.notes if n.household_id == county.li] == [
        "享受人数由3人减为2人：李小妹于2018-11-15入户，下一期起计入"]
    december = compute_batch(dibao, "2018-12", town, dt.date(2018, 12, 10))
    [li] = [ln for ln in december.lines if ln.household_id == county.li]
    assert (li.people, li.amount_fen) == (3, 49500)


def test_posting_counts_the_people_again(county: PaymentCounty) -> None:
    dibao, town = county.programs["dibao"], county.areas.changpu.id
    made = create_batch(dibao, "2018-12", town, user="luru", pay_date=dt.date(2018, 12, 10))
    wf.submit_batch(made.batch_id, user="luru")
    wf.approve_batch(made.batch_id, user="shenhe")
    # the death is recorded after the batch was computed (and approved): 1 December is covered
    li_gui = Person.get((Person.household == county.zhang) & (Person.name == "李桂英")).id
    record_member_exit(li_gui, kind="died", date=dt.date(2018, 11, 28), reason="病故", user="luru", today=TODAY)
    with pytest.raises(InvalidInput) as refused:
        wf.post_batch(made.batch_id, dt.date(2018, 12, 10), user="shenhe", today=TODAY)
    assert [describe(p) for p in refused.value.problems] == [
        "张建国（户43052710000101001）按3人计算，本期第一天在户的现在是2人（李桂英已于2018-11-28死亡）："
        "批次生成后成员有变动，请退回、删除草稿后重新生成批次"]
    assert not Payment.select().where((Payment.batch == made.batch_id) & Payment.posted).exists()
    wf.return_batch(made.batch_id, "李桂英已故，重新生成", user="shenhe")
    delete_draft(made.batch_id, user="luru")
    again = create_batch(dibao, "2018-12", town, user="luru", pay_date=dt.date(2018, 12, 10))
    wf.submit_batch(again.batch_id, user="luru")
    wf.approve_batch(again.batch_id, user="shenhe")
    assert wf.post_batch(again.batch_id, dt.date(2018, 12, 10), user="shenhe", today=TODAY) == 2


def test_a_death_before_the_member_joined_is_pointed_out(county: PaymentCounty) -> None:
    member = Person.get((Person.household == county.li) & (Person.name == "王秀兰"))
    assert exit_warnings(member.id, dt.date(2016, 3, 1)) == []
    [warning] = exit_warnings(member.id, dt.date(2015, 12, 31))
    assert not warning.is_error
    assert describe(warning) == "王秀兰的减员日期2015-12-31早于其入户日期2016-03-01，请核对两个日期"


def test_an_import_takes_the_join_day_when_given(tmp_path: Path, county: PaymentCounty) -> None:
    from suining_desk.exchange.imports import run_import
    from suining_desk.exchange.staging import ImportOptions
    from tests import exchange_sheets as sheets

    header = ["户编号", "姓名", "证件号码", "与户主关系", "乡镇", "行政村", "村民小组", "建档日期", "入户日期"]
    rows = [["H9", "吴长寿", sheets.WU, "户主", "长铺镇", "青石村", "二组", "2014-06-30", None],
            ["H9", "吴小花", id_number("1990-03-03", 41, False), "配偶", None, None, None, None, "2015-10-01"],
            ["H9", "吴宝宝", id_number("2016-08-08", 42, True), "子", None, None, None, None, None]]
    path = sheets.register_sheet(tmp_path / "花名册.xlsx", rows, header=header)
    result = run_import("households", path, ImportOptions(user="admin", today=TODAY))
    assert result.people_added == 3, result
    assert {p.name: p.joined_on for p in Person.select().where(Person.name.startswith("吴"))} == {
        "吴长寿": dt.date(2014, 6, 30), "吴小花": dt.date(2015, 10, 1), "吴宝宝": dt.date(2016, 8, 8)}
