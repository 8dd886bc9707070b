"""审核上限 (issue 17, item 9): a per-program cap with its effective date; a one-off amount, or an
adjusted one, above it needs the reviewer's explicit confirmation with a reason to approve the
batch; the check 超过审核上限 lists what was paid above it, confirmed or not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from suining_desk.cli import main
from suining_desk.db import close_database, open_database
from suining_desk.db.models import AuditEntry, PaymentBatch
from suining_desk.domain.messages import describe
from suining_desk.domain.problems import InvalidInput
from suining_desk.services import batch_workflow as wf
from suining_desk.services.batches import add_one_off_line, adjust_line, create_batch, create_one_off_batch
from suining_desk.services.caps import CapTable, cap_history, line_cap_warning, set_cap
from suining_desk.services.checks import run_checks
from tests.payments import TODAY, PaymentCounty, build_payment_county, cli_payment_county


@pytest.fixture
def county(db: object) -> PaymentCounty:
    return build_payment_county()


def _above_cap_findings() -> list[str]:
    [result] = run_checks(["chk_above_cap"])
    return [f.text for f in result.findings]


def test_a_cap_from_a_date_on_set_by_an_admin(county: PaymentCounty) -> None:
    medical = county.programs["medical"]
    with pytest.raises(InvalidInput) as refused:
        set_cap(medical, 500_000, effective_from=dt.date(2018, 1, 1), user="luru")
    assert "管理员" in describe(refused.value.problems[0])
    set_cap(medical, 500_000, effective_from=dt.date(2018, 1, 1), user="admin")
    set_cap(medical, 800_000, effective_from=dt.date(2019, 1, 1), user="admin")
    set_cap(medical, 1_000_000, effective_from=dt.date(2019, 1, 1), user="admin")  # the same day: corrected
    assert [(c.amount_fen, c.effective_from) for c in cap_history(medical)] == [
        (500_000, dt.date(2018, 1, 1)), (1_000_000, dt.date(2019, 1, 1))]
    table = CapTable(medical)
    assert (table.on(dt.date(2017, 12, 31)), table.on(dt.date(2018, 11, 1)), table.on(dt.date(2019, 3, 1))) == (
        None, 500_000, 1_000_000)
    assert [e.action for e in AuditEntry.select().where(AuditEntry.action == "program_cap_set")] == [
        "program_cap_set"] * 3


def test_above_the_cap_the_reviewer_confirms_with_a_reason(county: PaymentCounty) -> None:
    medical = county.programs["medical"]
    set_cap(medical, 100_000, effective_from=dt.date(2018, 1, 1), user="admin")
    batch = create_one_off_batch(medical, "2018-11", county.areas.changpu.id, user="luru")
    line = add_one_off_line(batch.batch_id, county.zhao, 123_456, "住院医疗救助", user="luru",
                            person_id=county.zhao_son)
    warning = line_cap_warning(line)
    assert warning is not None and not warning.is_error
    assert describe(warning) == "金额1,234.56元超过本项目审核上限1,000.00元，审核时须由审核人确认并填写理由"
    wf.submit_batch(batch.batch_id, user="luru")
    with pytest.raises(InvalidInput) as refused:
        wf.approve_batch(batch.batch_id, user="shenhe")
    assert describe(refused.value.problems[0]) == (
        "有1笔超过本项目审核上限1,000.00元（赵小明（户43052710000101004）1,234.56元），"
        "审核人须确认并填写理由后才能审核通过（命令行加 --cap-reason 理由）")
    assert PaymentBatch.get_by_id(batch.batch_id).status == "submitted"
    wf.approve_batch(batch.batch_id, user="shenhe", cap_reason="大病住院，经乡镇审批会议研究同意")
    approved = PaymentBatch.get_by_id(batch.batch_id)
    assert (approved.status, approved.cap_reason) == ("approved", "大病住院，经乡镇审批会议研究同意")
    entry = AuditEntry.select().where(AuditEntry.action == "batch_approved").get()
    assert '"cap_reason":"大病住院，经乡镇审批会议研究同意"' in entry.after and f'"payment_id":{line}' in entry.after
    wf.post_batch(batch.batch_id, dt.date(2018, 11, 25), user="shenhe", today=TODAY)
    assert _above_cap_findings() == [
        "赵小明（户43052710000101004）2018-11的医疗救助1,234.56元超过审核上限1,000.00元"
        "（审核人shenhe确认：大病住院，经乡镇审批会议研究同意）"]


def test_an_adjusted_line_counts_a_computed_one_does_not(county: PaymentCounty) -> None:
    dibao = county.programs["dibao"]
    set_cap(dibao, 95_000, effective_from=dt.date(2018, 1, 1), user="admin")
    made = create_batch(dibao, "2018-11", county.areas.changpu.id, user="luru", pay_date=dt.date(2018, 11, 10))
    wf.submit_batch(made.batch_id, user="luru")
    wf.approve_batch(made.batch_id, user="shenhe")  # 张家 960.00 computed: above 950, not an adjustment
    wf.return_batch(made.batch_id, "调整", user="shenhe")
    from suining_desk.db.models import Payment

    zhang = Payment.get((Payment.batch == made.batch_id) & (Payment.household == county.zhang))
    adjust_line(zhang.id, 100_000, "补发上月差额", user="luru")
    wf.submit_batch(made.batch_id, user="luru")
    with pytest.raises(InvalidInput):
        wf.approve_batch(made.batch_id, user="shenhe")
    wf.approve_batch(made.batch_id, user="shenhe", cap_reason="含上月差额40元")
    wf.return_batch(made.batch_id, "再看一下", user="shenhe")
    assert PaymentBatch.get_by_id(made.batch_id).cap_reason == ""  # returned: confirmed again next time
    # paid above the cap without a confirmation (here: the cap set after the batch was approved)
    wf.submit_batch(made.batch_id, user="luru")
    wf.approve_batch(made.batch_id, user="shenhe", cap_reason="含上月差额40元")
    PaymentBatch.update(cap_reason="").where(PaymentBatch.id == made.batch_id).execute()
    wf.post_batch(made.batch_id, dt.date(2018, 11, 10), user="shenhe", today=TODAY)
    assert _above_cap_findings() == ["张建国（户43052710000101001）2018-11的低保1,000.00元超过审核上限950.00元"
                                     "（未经审核人确认）"]


def test_on_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    path = cli_payment_county(tmp_path / "county.sqlite3", monkeypatch)
    db = ["--db", str(path)]
    assert main(["program", "set-cap", "医疗救助", "--amount", "1000", "--from", "2018-01-01", "--user", "admin",
                 *db]) == 0
    assert capsys.readouterr().out.strip() == "医疗救助自2018-01-01起审核上限为1,000.00元"
    assert main(["program", "caps", "医疗救助", *db]) == 0
    assert capsys.readouterr().out.splitlines() == ["起始日期\t审核上限（元）\t设置人", "2018-01-01\t1,000.00\tadmin"]
    assert main(["batch", "one-off", "--program", "医疗救助", "--period", "2018-11", "--area", "长铺镇",
                 "--user", "luru", *db]) == 0
    open_database(path)
    number = PaymentBatch.get().batch_no
    close_database()
    capsys.readouterr()
    assert main(["batch", "add-line", number, "--household", "43052710000101004", "--person",
                 _zhao_son_id(path), "--amount", "1234.56", "--reason", "住院", "--user", "luru", *db]) == 0
    assert "注意：金额1,234.56元超过本项目审核上限1,000.00元" in capsys.readouterr().err
    assert main(["batch", "submit", number, "--user", "luru", *db]) == 0
    assert main(["batch", "approve", number, "--user", "shenhe", *db]) == 1
    assert "命令行加 --cap-reason 理由" in capsys.readouterr().err
    assert main(["batch", "approve", number, "--cap-reason", "大病", "--user", "shenhe", *db]) == 0


def _zhao_son_id(path: Path) -> str:
    from suining_desk.db.models import Person

    open_database(path)
    try:
        return str(Person.get(Person.name == "赵小明").id_number)
    finally:
        close_database()
