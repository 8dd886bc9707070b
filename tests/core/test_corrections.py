"""Reversals, re-issues and closed months: posted money is corrected only by new rows."""

from __future__ import annotations

import datetime as dt

import pytest

from suining_desk.db.models import Payment, PaymentBatch, database
from suining_desk.domain.problems import InvalidInput
from suining_desk.services import batch_workflow as wf
from suining_desk.services.batch_compute import compute_batch
from suining_desk.services.batches import create_batch
from suining_desk.services.corrections import payment_state, reissue_payment, reverse_payment
from suining_desk.services.payment_query import PaymentFilter, payment_totals, summed_in_sql
from suining_desk.services.period_locks import close_month, closed_months, is_closed, reopen_month
from suining_desk.services.stats import collect_stats
from tests.core.test_batches import walk
from tests.payments import TODAY, PaymentCounty, build_payment_county


@pytest.fixture
def county(db: object) -> PaymentCounty:
    return build_payment_county()


def _codes(info: pytest.ExceptionInfo[InvalidInput]) -> set[str]:
    return {p.code for p in info.value.problems}


def _posted_october(county: PaymentCounty) -> Payment:
    batch = create_batch(county.programs["dibao"], "2018-10", county.areas.changpu.id, user="luru",
                         pay_date=dt.date(2018, 10, 10))
    walk(batch.batch_id, dt.date(2018, 10, 10))
    return Payment.get((Payment.batch == batch.batch_id) & (Payment.household == county.zhang))


def _net(payment: Payment) -> int:
    return int(database.execute_sql(
        "SELECT SUM(amount_fen) FROM payment WHERE posted = 1 AND household_id = ? AND program_id = ? AND period = ?",
        [payment.household_id, payment.program_id, payment.period]).fetchone()[0])


def test_a_reversal_nets_to_zero_and_points_at_the_original(county: PaymentCounty) -> None:
    original = _posted_october(county)
    before = collect_stats().total_fen
    with pytest.raises(InvalidInput) as clerk:
        reverse_payment(original.id, "误发", user="luru", on=dt.date(2018, 10, 20), today=TODAY)
    assert _codes(clerk) == {"access_role"}
    rid = reverse_payment(original.id, "户主已于9月迁出，误发", user="shenhe", on=dt.date(2018, 10, 20), today=TODAY)
    reversal = Payment.get_by_id(rid)
    assert (reversal.amount_fen, reversal.reverses_id, reversal.posted, reversal.paid_date) == (
        -original.amount_fen, original.id, True, dt.date(2018, 10, 20))
    assert _net(original) == 0
    assert collect_stats().total_fen == before - original.amount_fen
    assert Payment.get_by_id(original.id).amount_fen == original.amount_fen  # untouched
    with pytest.raises(InvalidInput) as again:
        reverse_payment(original.id, "再冲", user="shenhe", on=dt.date(2018, 10, 21), today=TODAY)
    assert _codes(again) == {"payment_already_reversed"}
    with pytest.raises(InvalidInput) as of_reversal:
        reverse_payment(rid, "冲销的冲销", user="shenhe", on=dt.date(2018, 10, 21), today=TODAY)
    assert _codes(of_reversal) == {"payment_is_reversal"}


def test_reissue_goes_through_a_reissue_batch_with_four_eyes(county: PaymentCounty) -> None:
    original = _posted_october(county)
    with pytest.raises(InvalidInput) as first:
        reissue_payment(original.id, "改卡重发", user="luru", on=dt.date(2018, 10, 25), today=TODAY)
    assert _codes(first) == {"reissue_needs_reversal"}
    with pytest.raises(InvalidInput) as clerk_reverses:  # reversing is a reviewer's step
        reissue_payment(original.id, "改卡重发", user="luru", on=dt.date(2018, 10, 25), reverse_reason="退回",
                        today=TODAY)
    assert _codes(clerk_reverses) == {"access_role"}
    reverse_payment(original.id, "银行退回：账户已销户", user="shenhe", on=dt.date(2018, 10, 20), today=TODAY)
    before = collect_stats().total_fen
    reissue = reissue_payment(original.id, "更正账号后重新发放", user="luru", on=dt.date(2018, 10, 25),
                              bank_account="６２２１ ８８９９ ９９９９ ９９９９", today=TODAY)  # typed full-width
    line = Payment.get_by_id(reissue.payment_id)
    assert (line.reissue_of_id, line.amount_fen, line.bank_account, line.posted, line.paid_date) == (
        original.id, original.amount_fen, "6221889999999999", False, None)  # as the bank reads it
    batch = PaymentBatch.get_by_id(reissue.batch_id)
    assert (batch.kind, batch.status, batch.period, batch.created_by) == ("reissue", "draft", "2018-10", "luru")
    assert batch.batch_no.endswith("-CF") and line.batch_id == batch.id
    assert payment_state(original.id).reissued_by == reissue.payment_id
    assert _net(original) == 0 and collect_stats().total_fen == before  # nothing paid yet
    with pytest.raises(InvalidInput) as twice:
        reissue_payment(original.id, "再发", user="luru", on=dt.date(2018, 10, 26), today=TODAY)
    assert _codes(twice) == {"payment_already_reissued"}

    wf.submit_batch(batch.id, user="luru")
    with pytest.raises(InvalidInput) as own:
        wf.approve_batch(batch.id, user="luru")
    assert _codes(own) == {"access_role"}  # a clerk approves nothing …
    with database.atomic():
        database.execute_sql("UPDATE user SET role = 'reviewer' WHERE username = 'luru'")
    with pytest.raises(InvalidInput) as creator:
        wf.approve_batch(batch.id, user="luru")
    assert _codes(creator) == {"approver_is_creator"}  # … and a reviewer not their own re-issue
    wf.approve_batch(batch.id, user="shenhe")
    with pytest.raises(InvalidInput) as early:
        wf.post_batch(batch.id, dt.date(2018, 10, 5), user="shenhe", today=TODAY)
    assert _codes(early) == {"correction_before_payment"}
    wf.post_batch(batch.id, dt.date(2018, 10, 28), user="shenhe", today=TODAY)
    line = Payment.get_by_id(reissue.payment_id)
    assert (line.posted, line.paid_date) == (True, dt.date(2018, 10, 28))
    # original + reversal + re-issue: paid once, in every total.
    assert _net(original) == original.amount_fen
    assert collect_stats().total_fen == before + original.amount_fen
    assert summed_in_sql(PaymentFilter(program_id=original.program_id, period="2018-10")) == payment_totals(
        PaymentFilter(program_id=original.program_id, period="2018-10"))


def test_a_closed_month_refuses_postings_until_an_admin_reopens_it(county: PaymentCounty) -> None:
    original = _posted_october(county)
    batch = create_batch(county.programs["dibao"], "2018-11", county.areas.changpu.id, user="luru",
                         pay_date=dt.date(2018, 11, 10))
    wf.submit_batch(batch.batch_id, user="luru")
    wf.approve_batch(batch.batch_id, user="shenhe")
    close_month("2018-11", user="shenhe", reason="11月账已结")
    assert is_closed("2018-11") and closed_months() == ["2018-11"]
    with pytest.raises(InvalidInput) as closed:
        wf.post_batch(batch.batch_id, dt.date(2018, 11, 10), user="shenhe", today=TODAY)
    assert _codes(closed) == {"month_closed"}
    with pytest.raises(InvalidInput) as reversal:
        reverse_payment(original.id, "误发", user="shenhe", on=dt.date(2018, 11, 2), today=TODAY)
    assert _codes(reversal) == {"month_closed"}
    for user, reason, code in (("shenhe", "补发", "access_role"), ("admin", " ", "required")):
        with pytest.raises(InvalidInput) as refused:
            reopen_month("2018-11", user=user, reason=reason)
        assert _codes(refused) == {code}
    reopen_month("2018-11", user="admin", reason="县审计要求补发11月低保")
    assert not is_closed("2018-11")
    wf.post_batch(batch.batch_id, dt.date(2018, 11, 10), user="shenhe", today=TODAY)
    # A December payment in an open month is fine while November is closed again.
    close_month("2018-11", user="shenhe")
    reverse_payment(original.id, "误发", user="shenhe", on=dt.date(2018, 12, 3), today=TODAY)


def test_a_closed_month_freezes_the_money_of_its_period_whatever_the_date(county: PaymentCounty) -> None:
    """The QA repro: October closed, then a reversal dated in (open) December of an October
    payment took money out of October's ledger. The period counts, not only the date."""
    from suining_desk.domain.messages import describe

    original = _posted_october(county)
    october = PaymentFilter(program_id=original.program_id, period="2018-10")
    total = payment_totals(october)
    close_month("2018-10", user="shenhe", reason="10月账已结")
    with pytest.raises(InvalidInput) as reversal:
        reverse_payment(original.id, "误发", user="shenhe", on=dt.date(2018, 12, 3), today=TODAY)
    assert _codes(reversal) == {"period_closed"}
    assert describe(reversal.value.problems[0]) == (
        "2018-10已关账，不能再登记属于2018年10月的发放、冲销或重新发放（须由管理员填写原因重新开放）")
    with pytest.raises(InvalidInput) as reissue:  # reversing first, in the same step
        reissue_payment(original.id, "改卡重发", user="shenhe", on=dt.date(2018, 12, 3), reverse_reason="退回",
                        today=TODAY)
    assert _codes(reissue) == {"period_closed"}
    # Both the period's month and the date's month closed: each named once.
    close_month("2018-11", user="shenhe")
    with pytest.raises(InvalidInput) as both:
        reverse_payment(original.id, "误发", user="shenhe", on=dt.date(2018, 11, 20), today=TODAY)
    assert [p.code for p in both.value.problems] == ["month_closed", "period_closed"]
    assert payment_totals(october) == total and payment_state(original.id).reversed_by is None

    # Reversed while October was open: the re-issue still may not go into October once it is closed.
    reopen_month("2018-10", user="admin", reason="县审计要求更正10月发放")
    reverse_payment(original.id, "银行退回", user="shenhe", on=dt.date(2018, 12, 3), today=TODAY)
    close_month("2018-10", user="shenhe")
    with pytest.raises(InvalidInput) as late:
        reissue_payment(original.id, "更正账号后重新发放", user="luru", on=dt.date(2018, 12, 5), today=TODAY)
    assert _codes(late) == {"period_closed"}
    reopen_month("2018-10", user="admin", reason="补发10月低保")
    reissue = reissue_payment(original.id, "更正账号后重新发放", user="luru", on=dt.date(2018, 12, 5),
                              bank_account="6221889999999999", today=TODAY)
    wf.submit_batch(reissue.batch_id, user="luru")
    wf.approve_batch(reissue.batch_id, user="shenhe")
    close_month("2018-10", user="shenhe")  # closed again before the re-issue batch is posted
    with pytest.raises(InvalidInput) as post:
        wf.post_batch(reissue.batch_id, dt.date(2018, 12, 10), user="shenhe", today=TODAY)
    assert _codes(post) == {"period_closed"}


def test_posting_a_batch_of_a_closed_period_is_refused_on_an_open_date(county: PaymentCounty) -> None:
    batch = create_batch(county.programs["dibao"], "2018-11", county.areas.changpu.id, user="luru",
                         pay_date=dt.date(2018, 12, 10))
    wf.submit_batch(batch.batch_id, user="luru")
    wf.approve_batch(batch.batch_id, user="shenhe")
    close_month("2018-11", user="shenhe")  # closed while the batch waited for its posting
    with pytest.raises(InvalidInput) as closed:
        wf.post_batch(batch.batch_id, dt.date(2018, 12, 10), user="shenhe", today=TODAY)
    assert _codes(closed) == {"period_closed"}
    assert Payment.select().where((Payment.batch == batch.batch_id) & Payment.posted).count() == 0
    reopen_month("2018-11", user="admin", reason="11月低保延至12月发放")
    assert wf.post_batch(batch.batch_id, dt.date(2018, 12, 10), user="shenhe", today=TODAY) == 2


def test_no_draft_batch_for_a_closed_period(county: PaymentCounty) -> None:
    """A batch that could never be posted is refused when it is made, not after its review."""
    close_month("2018-11", user="shenhe")
    batches = PaymentBatch.select().count()
    with pytest.raises(InvalidInput) as preview:
        compute_batch(county.programs["dibao"], "2018-11", county.areas.changpu.id, dt.date(2018, 12, 10))
    assert _codes(preview) == {"period_closed"}
    with pytest.raises(InvalidInput) as refused:
        create_batch(county.programs["dibao"], "2018-11", county.areas.changpu.id, user="luru",
                     pay_date=dt.date(2018, 12, 10))
    assert _codes(refused) == {"period_closed"}
    assert PaymentBatch.select().count() == batches
    create_batch(county.programs["dibao"], "2018-12", county.areas.changpu.id, user="luru",
                 pay_date=dt.date(2018, 12, 10))  # the next month is open


def test_a_longer_period_is_frozen_once_every_month_of_it_is_closed(county: PaymentCounty) -> None:
    from suining_desk.services.period_locks import closed_period_problem

    for month in ("2018-09", "2018-10", "2018-11", "2018-12"):
        close_month(month, user="shenhe")
        assert closed_period_problem("2018-T2") is None  # the autumn term runs to January
        assert closed_period_problem("2018-Q4") is None or month == "2018-12"
    assert closed_period_problem("2018-Q4") is not None
    close_month("2019-01", user="shenhe")
    frozen = closed_period_problem("2018-T2")
    assert frozen is not None and frozen.params == {
        "months": "2018-09、2018-10、2018-11、2018-12、2019-01", "period": "2018年秋季学期"}
