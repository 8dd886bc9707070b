"""Audit checks: each fires on a planted case, and all are silent on clean data."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from suining_desk.db.models import Household, Payment, PaymentBatch, Person, Relocation, Renovation, database
from suining_desk.services.batches import add_one_off_line, create_batch, create_one_off_batch
from suining_desk.services.checks import CHECKS, run_checks
from suining_desk.services.corrections import reissue_payment
from suining_desk.services.households import record_member_exit
from tests.core.test_batches import walk
from tests.payments import TODAY, PaymentCounty, build_payment_county


@pytest.fixture
def county(db: object) -> PaymentCounty:
    c = build_payment_county()
    for program in ("dibao", "disability", "tekun"):
        batch = create_batch(c.programs[program], "2018-10", c.areas.changpu.id, user="luru",
                             pay_date=dt.date(2018, 10, 10))
        walk(batch.batch_id, dt.date(2018, 10, 10))
    one_off = create_one_off_batch(c.programs["temporary"], "2018-10", c.areas.changpu.id, user="luru")
    add_one_off_line(one_off.batch_id, c.li, 200_000, "因灾房屋受损", user="luru")
    walk(one_off.batch_id, dt.date(2018, 10, 25))
    # A returned payment, reversed and re-issued: one payment, not two.
    li = Payment.get((Payment.household == c.li) & (Payment.program == c.programs["dibao"]))
    reissue_payment(li.id, "改卡重发", user="shenhe", on=dt.date(2018, 10, 28), bank_account="6221880000000099",
                    reverse_reason="银行退回", today=TODAY)
    return c


def _found() -> dict[str, list[Any]]:
    return {r.check.code: r.findings for r in run_checks()}


def _plant(like: Payment, **changes: object) -> int:
    """A posted payment written straight into the database (as an import or another tool might)."""
    row = {k: v for k, v in like.__data__.items() if k != "id"}
    row.update(changes)
    return int(Payment.insert(**row).execute())


def _dibao(county: PaymentCounty, household: int) -> Payment:
    return Payment.get((Payment.household == household) & (Payment.program == county.programs["dibao"])
                       & (Payment.amount_fen > 0) & Payment.reissue_of.is_null())


def test_clean_data_gives_no_findings(county: PaymentCounty) -> None:
    assert len(CHECKS) == 9
    assert {code: f for code, f in _found().items() if f} == {}


def test_payment_after_death(county: PaymentCounty) -> None:
    record_member_exit(county.zhao_son, kind="died", date=dt.date(2018, 10, 3), reason="病故（补录）", user="luru",
                       today=TODAY)
    [finding] = _found()["chk_paid_after_death"]
    assert finding.text == "赵小明已于2018-10-03死亡，2018-10-10仍发放残疾人两项补贴120.00元（2018-10）"
    assert {r.kind for r in finding.records} == {"payment", "person", "household"}


def test_payment_after_removal(county: PaymentCounty) -> None:
    Household.update(removed_on=dt.date(2018, 10, 5), removal_reason="清退").where(
        Household.id == county.zhang).execute()
    [finding] = _found()["chk_paid_after_removal"]
    assert "43052710000101001已于2018-10-05移出" in finding.text
    assert finding.records[0].id == _dibao(county, county.zhang).id


def test_paid_twice_for_one_period(county: PaymentCounty) -> None:
    original = _dibao(county, county.zhang)
    planted = _plant(original, batch=None)
    [finding] = _found()["chk_paid_twice"]
    assert "2018-10的低保发放了2笔" in finding.text
    assert [r.id for r in finding.records if r.kind == "payment"] == [original.id, planted]


def test_paid_with_the_household_and_alone(county: PaymentCounty) -> None:
    household_line = _dibao(county, county.zhang)
    zhang = Person.get((Person.household == county.zhang) & (Person.name == "张建国"))
    alone = _plant(household_line, batch=None, person=zhang.id, people=1, amount_fen=32000)
    [finding] = _found()["chk_paid_twice"]
    assert finding.code == "chk_paid_twice_household"
    assert finding.text == "张建国（户43052710000101001）2018-10的低保既随全户发放，又单独发放，共2笔，合计1,280.00元"
    assert [r.id for r in finding.records if r.kind == "payment"] == [household_line.id, alone]
    assert {r.kind for r in finding.records} == {"payment", "person", "household"}
    # Reversed, the personal payment no longer counts.
    _plant(Payment.get_by_id(alone), batch=None, amount_fen=-32000, reverses=alone)
    assert _found()["chk_paid_twice"] == []


def test_paid_for_more_people_than_were_there(county: PaymentCounty) -> None:
    li_guiying = Person.get((Person.household == county.zhang) & (Person.name == "李桂英"))
    record_member_exit(li_guiying.id, kind="died", date=dt.date(2018, 10, 5), reason="病故", user="luru",
                       today=TODAY)
    assert _found()["chk_above_members"] == []  # alive on 1 October: October is paid for 3
    Person.update(death_date=dt.date(2018, 9, 15)).where(Person.id == li_guiying.id).execute()  # corrected date
    [finding] = _found()["chk_above_members"]
    assert finding.text == ("张建国（户43052710000101001）2018-10的低保按3人发放960.00元，"
                            "但该期第一天在户人员只有2人（李桂英已于2018-09-15死亡）")
    assert finding.records[0].id == _dibao(county, county.zhang).id


def test_above_standard(county: PaymentCounty) -> None:
    original = _dibao(county, county.zhang)
    planted = _plant(original, batch=None, period="2018-09", amount_fen=original.amount_fen + 1)
    [finding] = _found()["chk_above_standard"]
    assert finding.records[0].id == planted
    assert "超过标准320.00元×3人×1期=960.00元" in finding.text


def test_invalid_payee_id(county: PaymentCounty) -> None:
    original = _dibao(county, county.zhang)
    bad = original.payee_id_number[:-1] + ("0" if original.payee_id_number[-1] != "0" else "1")
    _plant(original, batch=None, period="2018-08", payee_id_number=bad)
    [finding] = _found()["chk_invalid_id"]
    assert bad in finding.text


def test_relocation_and_renovation_for_one_household(county: PaymentCounty) -> None:
    town, village = county.areas.changpu.id, county.areas.qingshi.id
    Relocation.create(household=county.wang, township=town, village=village, batch_year=2017, people=1,
                      mode="scattered", subsidy_fen=2_000_000)
    Renovation.create(household=county.wang, township=town, village=village, year=2018, beneficiary_type="低保户",
                      grade="D", method="拆除重建", subsidy_fen=3_500_000)
    [finding] = _found()["chk_double_housing"]
    assert "易地扶贫搬迁补助20,000.00元" in finding.text and "危房改造补助35,000.00元" in finding.text


def test_approver_who_entered_the_batch(county: PaymentCounty) -> None:
    PaymentBatch.insert(batch_no="DB-TEST-2018-09", program=county.programs["dibao"], kind="regular",
                        period="2018-09", period_start=dt.date(2018, 9, 1), period_end=dt.date(2018, 9, 30),
                        area=county.areas.changpu.id, status="approved", created_by="luru",
                        approved_by="luru").execute()
    [finding] = _found()["chk_self_approved"]
    assert finding.text == "批次DB-TEST-2018-09由luru录入，又由同一人审核"
    assert json.loads(json.dumps(finding.as_json()))["records"][0]["kind"] == "batch"


def test_database_totals_follow_the_payments(county: PaymentCounty) -> None:
    summed = database.execute_sql("SELECT COUNT(*), SUM(amount_fen) FROM payment WHERE posted = 1").fetchone()
    kept = database.execute_sql("SELECT SUM(payments), SUM(total_fen) FROM payment_total").fetchone()
    assert tuple(summed) == tuple(kept)
