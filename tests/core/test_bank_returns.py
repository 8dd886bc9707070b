"""The QA findings on bank return files: negated statuses, damaged files, the bank's date,
lines the file leaves out or that were reversed meanwhile, and re-issue only of a line the
bank said failed (or that never went out in a bank file)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from suining_desk.db.models import Payment, PaymentOutcome
from suining_desk.domain.messages import describe
from suining_desk.domain.problems import InvalidInput
from suining_desk.exchange.bank_files import export_bank_file, import_return_file, missing_problems
from suining_desk.exchange.bank_sheets import BankFileUnusable
from suining_desk.services.bank_outcomes import sent_to_bank
from suining_desk.services.batches import create_batch
from suining_desk.services.corrections import reissue_payment, reverse_payment
from tests.core.test_batches import walk
from tests.payments import TODAY, PaymentCounty, build_payment_county

PAID_ON = dt.date(2018, 10, 10)
BANK_DAY = dt.date(2018, 10, 12)


@pytest.fixture
def county(db: object) -> PaymentCounty:
    return build_payment_county()


def _posted(county: PaymentCounty) -> tuple[int, int, int]:
    """A posted October 低保 batch: (batch, 张建国's line 960.00, 李德明's line 330.00)."""
    batch = create_batch(county.programs["dibao"], "2018-10", county.areas.changpu.id, user="luru", pay_date=PAID_ON)
    walk(batch.batch_id, PAID_ON)
    zhang = Payment.get((Payment.batch == batch.batch_id) & (Payment.household == county.zhang)).id
    li = Payment.get((Payment.batch == batch.batch_id) & (Payment.household == county.li)).id
    return batch.batch_id, zhang, li


def _return(tmp_path: Path, *rows: tuple[str, str, str, str], name: str = "return.csv") -> Path:
    path = tmp_path / name
    path.write_text("账号,金额,状态,失败原因\n" + "".join(",".join(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _codes(info: pytest.ExceptionInfo[InvalidInput]) -> list[str]:
    return [p.code for p in info.value.problems]


@pytest.mark.parametrize(("status", "result"), [("交易未成功", "failed"), ("非正常", "failed"), ("不正常", "failed"),
                                                ("交易成功", "paid"), ("已入账", "paid")])
def test_a_negated_success_is_recorded_as_failed(county: PaymentCounty, tmp_path: Path, status: str,
                                                 result: str) -> None:
    batch_id, _, li = _posted(county)
    path = _return(tmp_path, ("6221880000000002", "330.00", status, "户名不符"))
    report = import_return_file(batch_id, path, user="luru", on=BANK_DAY, today=TODAY)
    assert (report.paid, report.failed) == (([li], []) if result == "paid" else ([], [li]))
    assert PaymentOutcome.get(PaymentOutcome.payment == li).result == result


def test_an_unclear_status_is_reported_and_nothing_recorded(county: PaymentCounty, tmp_path: Path) -> None:
    batch_id, _, _ = _posted(county)
    path = _return(tmp_path, ("6221880000000001", "960", "处理中", ""), ("6221880000000002", "330", "", ""))
    report = import_return_file(batch_id, path, user="luru", on=BANK_DAY, today=TODAY)
    assert [p.code for p in report.problems] == ["bank_bad_result", "bank_bad_result"]
    assert "未登记" in describe(report.problems[0]) and not PaymentOutcome.select().exists()


@pytest.mark.parametrize(("name", "content", "code"), [
    ("corrupt.xlsx", "这不是Excel文件，下载中断\n".encode(), "bank_not_spreadsheet"),
    ("half.xlsx", b"PK\x03\x04\x14\x00\x00\x00", "bank_not_spreadsheet"),
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "bank_not_spreadsheet"),
    ("text.xls", "账号,金额,状态\n".encode(), "bank_not_spreadsheet"),
    # A workbook renamed .csv is no text (a UTF-16 CSV is text: tests/core/test_text_encodings.py).
    ("renamed.csv", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 8, "bank_bad_encoding"),
])
def test_a_damaged_file_is_refused_in_chinese(county: PaymentCounty, tmp_path: Path, name: str, content: bytes,
                                              code: str) -> None:
    batch_id, _, _ = _posted(county)
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(BankFileUnusable) as refused:
        import_return_file(batch_id, path, user="luru", on=BANK_DAY, today=TODAY)
    assert _codes(refused) == [code]
    text = describe(refused.value.problems[0])
    assert text.startswith(f"无法读取银行回盘文件“{path}”：") and "zip" not in text.lower()
    missing = tmp_path / "nowhere.xlsx"
    with pytest.raises(BankFileUnusable) as gone:
        import_return_file(batch_id, missing, user="luru", on=BANK_DAY, today=TODAY)
    assert _codes(gone) == ["bank_unreadable"] and "No such file" not in describe(gone.value.problems[0])


def test_the_banks_date_lies_between_the_paid_date_and_today(county: PaymentCounty, tmp_path: Path) -> None:
    batch_id, _, _ = _posted(county)
    path = _return(tmp_path, ("6221880000000001", "960", "成功", ""))
    for day, code in ((TODAY + dt.timedelta(days=1), "date_in_future"), (dt.date(2018, 10, 9),
                                                                          "bank_date_before_payment")):
        with pytest.raises(InvalidInput) as refused:
            import_return_file(batch_id, path, user="luru", on=day, today=TODAY)
        assert _codes(refused) == [code]
    assert describe(refused.value.problems[0]) == (
        "银行处理日期2018-10-09早于批次DB-430527100-2018-10的发放日期2018-10-10")
    assert not PaymentOutcome.select().exists()
    assert import_return_file(batch_id, path, user="luru", on=PAID_ON, today=TODAY).paid  # the same day is fine


def test_lines_left_out_are_named_and_a_reversed_line_is_said(county: PaymentCounty, tmp_path: Path) -> None:
    batch_id, zhang, li = _posted(county)
    reverse_payment(li, "户主已迁出，误发", user="shenhe", on=dt.date(2018, 10, 11), today=TODAY)
    path = _return(tmp_path, ("6221880000000002", "330", "成功", ""))
    report = import_return_file(batch_id, path, user="luru", on=BANK_DAY, today=TODAY)
    assert report.missing == [zhang] and report.paid == []
    assert [p.code for p in report.problems] == ["bank_line_reversed_paid"]
    assert "已冲销" in describe(report.problems[0]) and "李德明" in describe(report.problems[0])
    assert [describe(p) for p in missing_problems(report)] == [
        f"回盘中没有：张建国　账号6221880000000001　960.00元（记录{zhang}）"]
    failed = _return(tmp_path, ("6221880000000002", "330", "失败", "已销户"), name="failed.csv")
    again = import_return_file(batch_id, failed, user="luru", on=BANK_DAY, today=TODAY)
    assert [p.code for p in again.problems] == ["bank_line_reversed"]
    assert "找不到" not in describe(again.problems[0])


def test_missing_lines_beyond_twenty_are_counted(county: PaymentCounty, tmp_path: Path) -> None:
    from suining_desk.exchange.bank_files import ReturnReport
    from suining_desk.services.bank_outcomes import BankLine

    lines = [BankLine(n, f"人{n}", "", f"62218800000{n:05d}", 100, False) for n in range(25)]
    shown = [describe(p) for p in missing_problems(ReturnReport(missing_lines=lines))]
    assert len(shown) == 21 and shown[-1] == "……等 25 笔（以上只列出前20笔）"


def test_no_reissue_of_a_line_the_bank_paid(county: PaymentCounty, tmp_path: Path) -> None:
    batch_id, zhang, _ = _posted(county)
    export_bank_file(batch_id, tmp_path / "list.csv", user="luru")
    import_return_file(batch_id, _return(tmp_path, ("6221880000000001", "960", "成功", "")), user="luru",
                       on=BANK_DAY, today=TODAY)
    with pytest.raises(InvalidInput) as refused:
        reissue_payment(zhang, "再发一次", user="shenhe", on=dt.date(2018, 10, 20), reverse_reason="误操作",
                        today=TODAY)
    assert _codes(refused) == ["reissue_bank_paid"]
    assert describe(refused.value.problems[0]).startswith("银行回盘显示发放记录")
    assert not Payment.select().where(Payment.reverses == zhang).exists()  # not reversed either (one transaction)


def test_no_reissue_while_the_bank_has_not_said_it_failed(county: PaymentCounty, tmp_path: Path) -> None:
    batch_id, zhang, li = _posted(county)
    assert not sent_to_bank(li)
    export_bank_file(batch_id, tmp_path / "list.xlsx", user="luru")
    assert sent_to_bank(li) and sent_to_bank(zhang)
    with pytest.raises(InvalidInput) as pending:  # exported, no return yet
        reissue_payment(li, "改卡重发", user="shenhe", on=dt.date(2018, 10, 20), reverse_reason="银行退回",
                        today=TODAY)
    assert _codes(pending) == ["reissue_bank_unknown"]
    import_return_file(batch_id, _return(tmp_path, ("6221880000000002", "330", "处理中", "")), user="luru",
                       on=BANK_DAY, today=TODAY)
    with pytest.raises(InvalidInput) as still:
        reissue_payment(li, "改卡重发", user="shenhe", on=dt.date(2018, 10, 20), reverse_reason="银行退回",
                        today=TODAY)
    assert _codes(still) == ["reissue_bank_unknown"]
    import_return_file(batch_id, _return(tmp_path, ("6221880000000002", "330", "交易未成功", "户名不符"),
                                         name="r2.csv"), user="luru", on=dt.date(2018, 10, 15), today=TODAY)
    reissue = reissue_payment(li, "更正户名后重新发放", user="shenhe", on=dt.date(2018, 10, 20),
                              reverse_reason="银行退回：户名不符", today=TODAY)
    assert Payment.get_by_id(reissue.payment_id).reissue_of_id == li


def test_a_line_reversed_before_any_export_may_be_reissued(county: PaymentCounty, tmp_path: Path) -> None:
    batch_id, zhang, li = _posted(county)
    reverse_payment(li, "账号有误，未送银行", user="shenhe", on=dt.date(2018, 10, 11), today=TODAY)
    assert export_bank_file(batch_id, tmp_path / "list.csv", user="luru") == 1  # without 李德明
    assert not sent_to_bank(li) and sent_to_bank(zhang)
    reissue = reissue_payment(li, "更正账号后发放", user="luru", on=dt.date(2018, 10, 20),
                              bank_account="6221887777777777", today=TODAY)
    assert reissue.batch_no.endswith("-CF")


def test_a_return_imported_before_exports_were_recorded_counts_as_sent(county: PaymentCounty,
                                                                       tmp_path: Path) -> None:
    batch_id, zhang, li = _posted(county)  # exported by an older version: no record of it
    import_return_file(batch_id, _return(tmp_path, ("6221880000000001", "960", "成功", "")), user="luru",
                       on=BANK_DAY, today=TODAY)
    assert sent_to_bank(li)
    with pytest.raises(InvalidInput) as refused:
        reissue_payment(li, "改卡重发", user="shenhe", on=dt.date(2018, 10, 20), reverse_reason="银行退回",
                        today=TODAY)
    assert _codes(refused) == ["reissue_bank_unknown"]


def test_an_export_is_recorded_and_needs_a_user_of_the_area(county: PaymentCounty, tmp_path: Path) -> None:
    from suining_desk.db.models import AuditEntry

    batch_id, _, _ = _posted(county)
    export_bank_file(batch_id, tmp_path / "list.csv", user="luru")
    entry = AuditEntry.get(AuditEntry.action == "bank_file_exported")
    assert (entry.username, entry.record_id) == ("luru", str(batch_id))
    with pytest.raises(InvalidInput) as outside:
        export_bank_file(batch_id, tmp_path / "x.csv", user="wuyang_clerk")
    assert _codes(outside)[0].startswith("access")
