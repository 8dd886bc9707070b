"""Payment batches: computed from enrolments and standards, exclusions explained, four eyes,
posted lines frozen by the database itself."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import peewee
import pytest

from suining_desk.audit.verify import verify_chain
from suining_desk.db.models import AuditEntry, Enrolment, Household, Payment, PaymentBatch, Person, database
from suining_desk.domain.problems import InvalidInput
from suining_desk.services import batch_workflow as wf
from suining_desk.services.attachments import attach_file, attachments_of
from suining_desk.services.batch_compute import compute_batch
from suining_desk.services.batches import add_one_off_line, adjust_line, create_batch, create_one_off_batch, remove_line
from suining_desk.services.enrolments import EnrolmentInput, change_enrolment, end_enrolment, enrol
from suining_desk.services.households import record_member_exit
from tests.payments import TODAY, PaymentCounty, build_payment_county


@pytest.fixture
def county(db: object) -> PaymentCounty:
    return build_payment_county()


def _codes(info: pytest.ExceptionInfo[InvalidInput]) -> set[str]:
    return {p.code for p in info.value.problems}


def _lines(batch_id: int) -> dict[int, tuple[str, int, int, int]]:
    """household id → (category, people, standard, amount) of a batch's lines."""
    return {p.household_id: (p.category, p.people, p.standard_fen, p.amount_fen)
            for p in Payment.select().where(Payment.batch == batch_id)}


def walk(batch_id: int, paid: dt.date, *, clerk: str = "luru", reviewer: str = "shenhe") -> None:
    wf.submit_batch(batch_id, user=clerk)
    wf.approve_batch(batch_id, user=reviewer)
    wf.post_batch(batch_id, paid, user=reviewer, today=TODAY)


def test_batch_follows_enrolments_and_the_standard_that_changes_mid_year(county: PaymentCounty) -> None:
    dibao, town = county.programs["dibao"], county.areas.changpu.id
    june = create_batch(dibao, "2018-06", town, user="luru", pay_date=dt.date(2018, 6, 10))
    july = create_batch(dibao, "2018-07", town, user="luru", pay_date=dt.date(2018, 7, 10))
    # 低保 A is 300 yuan a month per person until June, 320 from 2018-07-01; C is 150, then 165.
    assert _lines(june.batch_id) == {county.zhang: ("A", 3, 30000, 90000), county.li: ("C", 2, 15000, 30000)}
    assert _lines(july.batch_id) == {county.zhang: ("A", 3, 32000, 96000), county.li: ("C", 2, 16500, 33000)}
    assert july.preview is not None and july.preview.total_fen == 129000
    # 杨桂花 is in 武阳镇: not in a 长铺镇 batch; a county batch has her.
    county_batch = create_batch(dibao, "2018-08", county.areas.county.id, user="admin", pay_date=dt.date(2018, 8, 10))
    assert set(_lines(county_batch.batch_id)) == {county.zhang, county.li, county.yang}


def test_per_person_enrolment_and_household_enrolment(county: PaymentCounty) -> None:
    disability = create_batch(county.programs["disability"], "2018-03", county.areas.changpu.id, user="luru",
                              pay_date=dt.date(2018, 3, 10))
    [line] = Payment.select().where(Payment.batch == disability.batch_id)
    assert (line.person_id, line.category, line.amount_fen) == (county.zhao_son, "两项", 12000)
    assert line.payee_name == "赵大山"  # paid to the head's card


def test_exclusions_are_explained(county: PaymentCounty) -> None:
    dibao, town = county.programs["dibao"], county.areas.changpu.id
    extra = [Household.create(household_no=f"4305271000010100{n}", township=town, village=county.areas.qingshi,
                              group=county.areas.qingshi_1, head_name=name, head_id_number=county_id,
                              member_count=1, bank_account=account)
             for n, name, county_id, account in (
                 (5, "刘一", "430527196001010011", "6221880000000011"),
                 (6, "陈二", "430527196001010038", ""),
                 (7, "周三", "430527196001010054", "6221880000000013"))]
    for h in extra:
        enrol(EnrolmentInput(dibao, h.id, None, "B", 1, dt.date(2018, 1, 1)), user="luru")
    Household.update(removed_on=dt.date(2018, 8, 15), removal_reason="识别不精准，清退").where(
        Household.id == extra[0].id).execute()
    enrol(EnrolmentInput(dibao, county.wang, None, "C", 1, dt.date(2018, 9, 15)), user="luru")
    zhou_enrolment = Enrolment.get(Enrolment.household == extra[2].id)
    end_enrolment(zhou_enrolment.id, dt.date(2018, 8, 31), "收入超过标准，退出低保", user="luru")
    first = create_batch(dibao, "2018-09", town, user="luru", pay_date=dt.date(2018, 9, 10))
    assert set(_lines(first.batch_id)) == {county.zhang, county.li}
    assert first.preview is not None
    why = {e.household_no[-3:]: e.text for e in first.preview.exclusions}
    assert "移出建档立卡" in why["005"] and "清退" in why["005"]
    assert "没有一卡通账号" in why["006"]
    assert "2018-08-31" in why["007"] and "退出低保" in why["007"]
    assert "2018-09-15" in why["003"]  # 王老五 joins mid-September: not this month
    # Computing the same month again: everyone due is already in the draft.
    again = compute_batch(dibao, "2018-09", town, dt.date(2018, 9, 10))
    assert again.lines == []
    assert sum("尚未发放的批次" in e.text for e in again.exclusions) == 2


def test_a_death_and_a_posted_period_leave_people_out(county: PaymentCounty) -> None:
    disability, town = county.programs["disability"], county.areas.changpu.id
    march = create_batch(disability, "2018-03", town, user="luru", pay_date=dt.date(2018, 3, 10))
    walk(march.batch_id, dt.date(2018, 3, 10))
    again = compute_batch(disability, "2018-03", town, dt.date(2018, 3, 20))
    assert again.lines == [] and "已在批次" in again.exclusions[0].text
    record_member_exit(county.zhao_son, kind="died", date=dt.date(2018, 4, 2), reason="病故", user="luru",
                       today=TODAY)
    april = compute_batch(disability, "2018-04", town, dt.date(2018, 4, 10))
    assert april.lines == [] and april.exclusions[0].text == "已于2018-04-02死亡"


def test_change_of_category_keeps_history_and_changes_the_amount(county: PaymentCounty) -> None:
    old = Enrolment.get(Enrolment.household == county.li)
    new_id = change_enrolment(old.id, category="B", people=2, from_date=dt.date(2018, 10, 1), reason="复核调档",
                              user="luru")
    assert Enrolment.get_by_id(old.id).end_date == dt.date(2018, 9, 30)
    sept = compute_batch(county.programs["dibao"], "2018-09", county.areas.changpu.id, dt.date(2018, 9, 10))
    octo = compute_batch(county.programs["dibao"], "2018-10", county.areas.changpu.id, dt.date(2018, 10, 10))
    li = {p.period.label: [ln for ln in p.lines if ln.household_id == county.li][0] for p in (sept, octo)}
    assert (li["2018-09"].category, li["2018-09"].amount_fen) == ("C", 33000)
    assert (li["2018-10"].category, li["2018-10"].amount_fen, li["2018-10"].enrolment_id) == ("B", 49000, new_id)
    assert not octo.exclusions  # the ended enrolment is followed by a new one: nothing to explain


def test_four_eyes_and_roles(county: PaymentCounty) -> None:
    batch = create_batch(county.programs["dibao"], "2018-11", county.areas.changpu.id, user="shenhe",
                         pay_date=dt.date(2018, 11, 10))
    wf.submit_batch(batch.batch_id, user="shenhe")
    with pytest.raises(InvalidInput) as own:
        wf.approve_batch(batch.batch_id, user="shenhe")
    assert _codes(own) == {"approver_is_creator"}
    with pytest.raises(InvalidInput) as clerk:
        wf.approve_batch(batch.batch_id, user="luru")
    assert _codes(clerk) == {"access_role"}
    with pytest.raises(InvalidInput) as outside:
        create_batch(county.programs["dibao"], "2018-11", county.areas.changpu.id, user="wuyang_clerk",
                     pay_date=dt.date(2018, 11, 10))
    assert _codes(outside) == {"access_scope"}
    with pytest.raises(InvalidInput) as early:
        wf.post_batch(batch.batch_id, dt.date(2018, 11, 10), user="admin", today=TODAY)
    assert _codes(early) == {"batch_wrong_status"}
    wf.approve_batch(batch.batch_id, user="admin")
    wf.post_batch(batch.batch_id, dt.date(2018, 11, 12), user="admin", today=TODAY)
    posted = PaymentBatch.get_by_id(batch.batch_id)
    assert (posted.status, posted.approved_by, posted.paid_date) == ("posted", "admin", dt.date(2018, 11, 12))
    assert {p.paid_date for p in Payment.select()} == {dt.date(2018, 11, 12)}
    actions = [e.action for e in AuditEntry.select().order_by(AuditEntry.seq)][-4:]
    assert actions == ["batch_created", "batch_submitted", "batch_approved", "batch_posted"]
    assert verify_chain() is None


def test_adjust_and_remove_lines_only_in_a_draft(county: PaymentCounty) -> None:
    batch = create_batch(county.programs["dibao"], "2018-10", county.areas.changpu.id, user="luru",
                         pay_date=dt.date(2018, 10, 10))
    zhang = Payment.get((Payment.batch == batch.batch_id) & (Payment.household == county.zhang))
    with pytest.raises(InvalidInput) as no_reason:
        adjust_line(zhang.id, 64000, " ", user="luru")
    assert _codes(no_reason) == {"required"}
    adjust_line(zhang.id, 64000, "张小军9月外出务工，按2人发放", user="luru")
    assert (Payment.get_by_id(zhang.id).amount_fen, Payment.get_by_id(zhang.id).reason) == (
        64000, "张小军9月外出务工，按2人发放")
    wf.submit_batch(batch.batch_id, user="luru")
    with pytest.raises(InvalidInput) as frozen:
        adjust_line(zhang.id, 1, "x", user="luru")
    assert _codes(frozen) == {"batch_not_draft"}
    from suining_desk.domain.messages import describe

    assert describe(frozen.value.problems[0]) == f"批次{batch.batch_no}已提交，只有草稿可以修改"  # not 已已提交
    # Not even plain SQL changes a submitted batch's lines.
    for sql in ("UPDATE payment SET amount_fen = 1 WHERE id = ?", "DELETE FROM payment WHERE id = ?"):
        with pytest.raises((peewee.IntegrityError, sqlite3.IntegrityError)):
            database.execute_sql(sql, [zhang.id])
    wf.return_batch(batch.batch_id, "请补充外出务工证明", user="shenhe")
    remove_line(zhang.id, "待核实", user="luru")
    assert set(_lines(batch.batch_id)) == {county.li}


def test_posted_payments_cannot_be_updated_or_deleted_in_the_database(county: PaymentCounty) -> None:
    batch = create_batch(county.programs["dibao"], "2018-10", county.areas.changpu.id, user="luru",
                         pay_date=dt.date(2018, 10, 10))
    walk(batch.batch_id, dt.date(2018, 10, 10))
    pid = Payment.select(Payment.id).where(Payment.batch == batch.batch_id).scalar()
    conn = sqlite3.connect(str(database.database))  # another tool, not the program
    try:
        for sql in ("UPDATE payment SET amount_fen = amount_fen + 100 WHERE id = ?",
                    "UPDATE payment SET posted = 0 WHERE id = ?", "DELETE FROM payment WHERE id = ?"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                conn.execute(sql, [pid])
        with pytest.raises(sqlite3.IntegrityError, match="posted batch"):
            conn.execute("UPDATE payment_batch SET paid_date = '2018-10-01' WHERE id = ?", [batch.batch_id])
        with pytest.raises(sqlite3.IntegrityError, match="draft"):
            conn.execute("DELETE FROM payment_batch WHERE id = ?", [batch.batch_id])
    finally:
        conn.close()


def test_posting_refuses_a_payee_who_died_after_the_batch_was_made(county: PaymentCounty) -> None:
    batch = create_batch(county.programs["disability"], "2018-11", county.areas.changpu.id, user="luru",
                         pay_date=dt.date(2018, 11, 10))
    wf.submit_batch(batch.batch_id, user="luru")
    wf.approve_batch(batch.batch_id, user="shenhe")
    record_member_exit(county.zhao_son, kind="died", date=dt.date(2018, 11, 5), reason="病故", user="luru",
                       today=TODAY)
    with pytest.raises(InvalidInput) as died:
        wf.post_batch(batch.batch_id, dt.date(2018, 11, 10), user="shenhe", today=TODAY)
    assert _codes(died) == {"post_person_died"}
    assert not Payment.select().where(Payment.posted == True).exists()  # noqa: E712


def test_one_off_aid_goes_through_the_same_path(county: PaymentCounty, tmp_path: Path) -> None:
    medical = county.programs["medical"]
    with pytest.raises(InvalidInput):
        create_batch(medical, "2018-11", county.areas.changpu.id, user="luru", pay_date=dt.date(2018, 11, 25))
    batch = create_one_off_batch(medical, "2018-11", county.areas.changpu.id, user="luru")
    zhao = Person.get_by_id(county.zhao_son)
    with pytest.raises(InvalidInput) as cap:
        add_one_off_line(batch.batch_id, county.zhao, 3_500_000, "住院医疗救助", user="luru", person_id=zhao.id)
    assert _codes(cap) == {"amount_above_cap"}
    pid = add_one_off_line(batch.batch_id, county.zhao, 456_789, "住院医疗救助（县人民医院）", user="luru",
                           person_id=zhao.id)
    invoice = tmp_path / "住院发票.pdf"
    invoice.write_bytes(b"%PDF-1.4\n% an invoice scan\n%%EOF\n")
    attach_file("payment", pid, invoice, kind="other", user="luru")
    assert [a.file_name for a in attachments_of("payment", pid)] == ["住院发票.pdf"]
    with pytest.raises(InvalidInput) as twice:
        add_one_off_line(batch.batch_id, county.zhao, 100, "再次", user="luru", person_id=zhao.id)
    assert _codes(twice) == {"one_off_twice"}
    walk(batch.batch_id, dt.date(2018, 11, 25))
    line = Payment.get_by_id(pid)
    assert (line.posted, line.amount_fen, line.standard_fen) == (True, 456_789, 3_000_000)
    assert line.reason == "住院医疗救助（县人民医院）"


def test_the_batch_list_sorts_periods_by_the_calendar(county: PaymentCounty) -> None:
    from suining_desk.db.models import Program
    from suining_desk.services.batch_query import BatchColumn, BatchFilter, batch_ids, batch_rows
    from suining_desk.services.batches import new_batch

    town = county.areas.changpu.id
    with database.atomic():
        for code, period in (("dibao", "2018-12"), ("education", "2018-T2"), ("dibao", "2018-11"),
                             ("education", "2018-T1"), ("ranger", "2018"), ("dibao", "2019-01"),
                             ("dibao", "2018-02")):
            new_batch(Program.get_by_id(county.programs[code]), "regular", period, town, None, "luru", "")

    def periods(descending: bool) -> list[str]:
        ids = list(batch_ids(BatchFilter(area_id=town), BatchColumn.PERIOD, descending))
        rows = batch_rows(ids)
        return [rows[i].period for i in ids]

    # by the first day (a year from 1 January, the autumn term from 1 September), never the label's text
    assert periods(False) == ["2018", "2018-02", "2018-T1", "2018-T2", "2018-11", "2018-12", "2019-01"]
    assert periods(True) == ["2019-01", "2018-12", "2018-11", "2018-T2", "2018-T1", "2018-02", "2018"]


def test_a_paid_date_far_before_the_period_is_refused(county: PaymentCounty) -> None:
    """A quarter ahead is an advance; more is a mistyped date (QA: March money paid the June before)."""
    batch = create_batch(county.programs["dibao"], "2018-11", county.areas.changpu.id, user="luru",
                         pay_date=dt.date(2018, 11, 10))
    wf.submit_batch(batch.batch_id, user="luru")
    wf.approve_batch(batch.batch_id, user="shenhe")
    with pytest.raises(InvalidInput) as early:
        wf.post_batch(batch.batch_id, dt.date(2018, 7, 31), user="shenhe", today=TODAY)
    assert _codes(early) == {"paid_long_before_period"}
    wf.post_batch(batch.batch_id, dt.date(2018, 8, 1), user="shenhe", today=TODAY)  # 92 days ahead
    assert PaymentBatch.get_by_id(batch.batch_id).status == "posted"


def test_the_protective_triggers_name_the_batch_statuses_there_are() -> None:
    """Migration 4's trigger SQL is history and keeps its words; they must be the statuses."""
    import re

    from suining_desk.db import payment_schema
    from suining_desk.domain.enums import BATCH_STATUS, BatchStatus

    words = set(re.findall(r"'(\w+)'", " ".join(payment_schema.TRIGGERS)))
    assert words == {s.value for s in BatchStatus} - {"submitted"}  # the triggers never test 'submitted'
    assert set(BATCH_STATUS) == set(BatchStatus) and BATCH_STATUS["posted"] == "已发放"
