"""一卡通 bank files: the list sent to the bank and its return file."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from suining_desk.db.models import Payment, PaymentOutcome, Person
from suining_desk.domain.problems import InvalidInput
from suining_desk.exchange.bank_files import export_bank_file, import_return_file
from suining_desk.services import batch_workflow as wf
from suining_desk.services.bank_outcomes import failed_payments
from suining_desk.services.batches import create_batch
from suining_desk.services.corrections import reissue_payment
from suining_desk.services.enrolments import EnrolmentInput, enrol
from tests.core.test_batches import walk
from tests.payments import TODAY, PaymentCounty, build_payment_county


@pytest.fixture
def county(db: object) -> PaymentCounty:
    return build_payment_county()


def _posted(county: PaymentCounty) -> int:
    batch = create_batch(county.programs["dibao"], "2018-10", county.areas.changpu.id, user="luru",
                         pay_date=dt.date(2018, 10, 10))
    walk(batch.batch_id, dt.date(2018, 10, 10))
    return batch.batch_id


def test_export_lists_each_line_as_the_bank_wants(county: PaymentCounty, tmp_path: Path) -> None:
    draft = create_batch(county.programs["dibao"], "2018-09", county.areas.changpu.id, user="luru",
                         pay_date=dt.date(2018, 9, 10))
    with pytest.raises(InvalidInput) as not_posted:
        export_bank_file(draft.batch_id, tmp_path / "x.xlsx", user="luru")
    assert {p.code for p in not_posted.value.problems} == {"bank_not_posted"}
    batch_id = _posted(county)
    assert export_bank_file(batch_id, tmp_path / "list.xlsx", user="luru") == 2
    sheet = load_workbook(tmp_path / "list.xlsx").active
    assert sheet is not None
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == ["序号", "姓名", "身份证号", "账号", "金额"]
    assert rows[1][:4] == [1, "张建国", "430527196005012014", "6221880000000001"]
    assert str(rows[1][4]) in ("960", "960.0") and str(rows[2][4]) in ("330", "330.0")
    assert export_bank_file(batch_id, tmp_path / "list.csv", user="luru") == 2
    with (tmp_path / "list.csv").open(encoding="utf-8-sig") as fh:
        text_rows = list(csv.reader(fh))
    assert text_rows[1] == ["1", "张建国", "430527196005012014", "6221880000000001", "960.00"]
    with pytest.raises(InvalidInput):
        export_bank_file(batch_id, tmp_path / "list.txt", user="luru")


def test_return_file_with_paid_failed_and_unknown_lines(county: PaymentCounty, tmp_path: Path) -> None:
    batch_id = _posted(county)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["绥宁县农村信用合作联社 代发回盘"])
    sheet.append(["序号", "户名", "卡号", "金额", "处理结果", "失败原因"])
    sheet.append([1, "张建国", "6221880000000001", 960, "成功", ""])
    sheet.append([2, "李德明", "6221880000000002", "330.00", "失败", "账户已销户"])
    sheet.append([3, "某某", "6221880000009999", 100, "成功", ""])  # not in this batch
    sheet.append([4, "张建国", "6221880000000001", 961, "成功", ""])  # right account, wrong amount
    sheet.append([5, "", "", "", "", ""])  # a blank line is skipped
    sheet.append([6, "王五", "6221880000000003", 50, "处理中", ""])
    book.save(tmp_path / "return.xlsx")
    report = import_return_file(batch_id, tmp_path / "return.xlsx", user="luru", on=dt.date(2018, 10, 12))
    zhang = Payment.get((Payment.batch == batch_id) & (Payment.household == county.zhang)).id
    li = Payment.get((Payment.batch == batch_id) & (Payment.household == county.li)).id
    assert (report.paid, report.failed, report.missing) == ([zhang], [li], [])
    assert sorted(p.code for p in report.problems) == ["bank_bad_result", "bank_unknown_line", "bank_unknown_line"]
    assert {p.params["row"] for p in report.problems} == {5, 6, 8}
    outcome = PaymentOutcome.get(PaymentOutcome.payment == li)
    assert (outcome.result, outcome.note, outcome.date) == ("failed", "账户已销户", dt.date(2018, 10, 12))
    # Importing the same file again records nothing new.
    again = import_return_file(batch_id, tmp_path / "return.xlsx", user="luru", on=dt.date(2018, 10, 12))
    assert (again.paid, again.failed, sorted(again.already)) == ([], [], sorted([zhang, li]))
    # The failed line can be re-issued to a corrected account, and is then no longer failed.
    assert failed_payments(batch_id) == [li]
    reissue = reissue_payment(li, "更正账号后重新发放", user="shenhe", on=dt.date(2018, 10, 20),
                              bank_account="6221887777777777", reverse_reason="银行退回：账户已销户", today=TODAY)
    assert failed_payments(batch_id) == []
    # The re-issue goes out in its own batch, once another person approved it, in that batch's bank file.
    with pytest.raises(InvalidInput):
        export_bank_file(reissue.batch_id, tmp_path / "too-early.csv", user="luru")
    wf.submit_batch(reissue.batch_id, user="shenhe")
    wf.approve_batch(reissue.batch_id, user="admin")
    wf.post_batch(reissue.batch_id, dt.date(2018, 10, 22), user="admin", today=TODAY)
    assert export_bank_file(reissue.batch_id, tmp_path / "reissue.csv", user="luru") == 1
    with (tmp_path / "reissue.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[1][1:] == ["李德明", rows[1][2], "6221887777777777", "330.00"]
    # Nothing of the original batch is sent again: the failed line was reversed, the bank paid the other.
    with pytest.raises(InvalidInput) as nothing:
        export_bank_file(batch_id, tmp_path / "original.csv", user="luru")
    assert [p.code for p in nothing.value.problems] == ["bank_no_lines"]


def test_lines_the_file_cannot_tell_apart_are_not_guessed(county: PaymentCounty, tmp_path: Path) -> None:
    # 赵大山 and his son both get 残疾人两项补贴, paid to the same card: same account, same amount.
    head = Person.get((Person.household == county.zhao) & (Person.relation == "户主")).id
    enrol(EnrolmentInput(county.programs["disability"], county.zhao, head, "两项", 1, dt.date(2018, 1, 1)),
          user="luru")
    batch = create_batch(county.programs["disability"], "2018-10", county.areas.changpu.id, user="luru",
                         pay_date=dt.date(2018, 10, 10))
    walk(batch.batch_id, dt.date(2018, 10, 10))
    mixed = tmp_path / "mixed.csv"  # a GBK file, as bank systems often write them
    mixed.write_bytes("账号,金额,状态\n6221880000000004,120.00,成功\n6221880000000004,120,失败\n".encode("gbk"))
    report = import_return_file(batch.batch_id, mixed, user="luru", on=dt.date(2018, 10, 12))
    assert (report.paid, report.failed) == ([], [])
    assert [p.code for p in report.problems] == ["bank_ambiguous_line", "bank_ambiguous_line"]
    assert not PaymentOutcome.select().exists()
    both = tmp_path / "both.csv"  # both arrived: which is which does not matter
    both.write_text("账号,金额,状态\n6221880000000004,120.00,成功\n6221880000000004,120,成功\n", encoding="utf-8")
    assert len(import_return_file(batch.batch_id, both, user="luru").paid) == 2


def test_an_old_xls_return_file_is_read_like_an_xlsx(county: PaymentCounty, tmp_path: Path) -> None:
    from tests.exchange_sheets import as_xls

    batch_id = _posted(county)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["序号", "户名", "卡号", "金额", "处理结果", "失败原因"])
    sheet.append([1, "张建国", "6221880000000001", 960, "成功", ""])
    sheet.append([2, "李德明", "6221880000000002", 330.0, "失败", "账户已销户"])
    sheet.append([3, "某某", 6221880000009999, 100, "成功", ""])  # a card number typed as a number
    book.save(tmp_path / "return.xlsx")
    report = import_return_file(batch_id, as_xls(tmp_path / "return.xlsx", tmp_path / "回盘.xls"), user="luru",
                                on=dt.date(2018, 10, 12))
    zhang = Payment.get((Payment.batch == batch_id) & (Payment.household == county.zhang)).id
    li = Payment.get((Payment.batch == batch_id) & (Payment.household == county.li)).id
    assert (report.paid, report.failed) == ([zhang], [li])
    assert [(p.code, p.params["row"]) for p in report.problems] == [("bank_unknown_line", 4)]
    with pytest.raises(InvalidInput) as refused:
        export_bank_file(batch_id, tmp_path / "list.xls", user="luru")  # written only as .xlsx or .csv
    assert refused.value.problems[0].params["allowed"] == ".xlsx、.csv"


def test_a_banks_web_page_saved_as_xls_is_read(county: PaymentCounty, tmp_path: Path) -> None:
    batch_id = _posted(county)
    page = tmp_path / "回盘.xls"
    page.write_bytes("""<html><meta charset="gbk"><table><tr><td>代发回盘</td></tr></table>
<table><tr><th>序号</th><th>户名</th><th>卡号</th><th>金额</th><th>处理结果</th></tr>
<tr><td>1</td><td>张建国</td><td>6221880000000001</td><td>960.00</td><td>成功</td></tr>
<tr><td>2</td><td>李德明</td><td>6221880000000002</td><td>330.00</td><td>失败</td></tr></table></html>""".encode("gbk"))
    report = import_return_file(batch_id, page, user="luru", on=dt.date(2018, 10, 12))
    assert (len(report.paid), len(report.failed), report.problems) == (1, 1, [])
