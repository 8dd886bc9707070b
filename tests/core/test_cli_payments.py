"""The money commands: a batch walked from creation to the bank's return file, reversal,
period locks, checks — and the CLI's totals agree with SQL to the fen."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from suining_desk.cli import main
from suining_desk.db import close_database, open_database
from suining_desk.db.models import Payment, PaymentBatch, database
from tests.payments import CLI_PASSWORD, cli_payment_county

PASSWORD = CLI_PASSWORD


@pytest.fixture
def path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = cli_payment_county(tmp_path / "county.sqlite3", monkeypatch)
    return target


def run(path: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--db", str(path)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_batch_walk_through_the_command_line(path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(path, capsys, "batch", "preview", "--program", "低保", "--period", "2018-10", "--area", "长铺镇",
                       "--pay-date", "2018-10-10", "--user", "luru")
    assert code == 0 and "应发 2 笔，5 人，合计 1,290.00 元" in out
    code, _, err = run(path, capsys, "batch", "create", "--program", "低保", "--period", "2018-10", "--area", "长铺镇",
                       "--pay-date", "2018-10-10")
    assert code == 1 and "--user" in err
    code, out, _ = run(path, capsys, "batch", "create", "--program", "dibao", "--period", "2018-10", "--area",
                       "430527100", "--pay-date", "2018-10-10", "--user", "luru")
    assert code == 0 and "DB-430527100-2018-10" in out
    batch = "DB-430527100-2018-10"
    assert run(path, capsys, "batch", "submit", batch, "--user", "luru")[0] == 0
    code, _, err = run(path, capsys, "batch", "approve", batch, "--user", "luru")
    assert code == 1 and "审核员" in err
    assert run(path, capsys, "batch", "approve", batch, "--user", "shenhe")[0] == 0
    code, out, _ = run(path, capsys, "batch", "post", batch, "--date", "2018-10-10", "--user", "shenhe")
    assert code == 0 and "已发放过账 2 笔" in out
    code, out, _ = run(path, capsys, "batch", "show", batch, "--lines", "--user", "luru")
    assert "已发放" in out and "张建国" in out and "审核通过" in out
    assert "生成草稿\t2 笔" in out and "发放日期 2018-10-10" in out and "lines=" not in out and "paid_date" not in out

    bank = tmp_path / "list.csv"
    assert run(path, capsys, "batch", "export-bank", batch, str(bank), "--user", "luru")[0] == 0
    with bank.open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    answer = tmp_path / "answer.csv"
    answer.write_text("账号,金额,状态,备注\n" + f"{rows[1][3]},{rows[1][4]},成功,\n"
                      f"{rows[2][3]},{rows[2][4]},失败,户名不符\n6229999999999999,1.00,成功,\n", encoding="utf-8")
    code, out, _ = run(path, capsys, "batch", "import-bank", batch, str(answer), "--user", "luru",
                       "--date", "2018-10-12")
    assert code == 3 and "成功 1 笔，失败 1 笔" in out and "第4行" in out

    open_database(path)
    failed = Payment.get((Payment.bank_account == rows[2][3]) & (Payment.amount_fen > 0)).id
    close_database()
    code, out, _ = run(path, capsys, "payment", "reissue", str(failed), "--reverse-reason", "银行退回：户名不符",
                       "--reason", "更正户名后重新发放", "--account", "6221881111111111", "--date", "2018-10-20",
                       "--user", "shenhe")
    assert code == 0, out
    reissues = out.split("已加入批次 ")[1].split("（")[0]
    assert reissues.endswith("-CF") and "草稿" in out
    assert run(path, capsys, "batch", "submit", reissues, "--user", "shenhe")[0] == 0
    assert run(path, capsys, "batch", "approve", reissues, "--user", "shenhe")[0] != 0  # not the creator
    assert run(path, capsys, "batch", "approve", reissues, "--user", "admin")[0] == 0
    assert run(path, capsys, "batch", "post", reissues, "--date", "2018-10-22", "--user", "admin")[0] == 0
    code, out, _ = run(path, capsys, "payment", "totals", "--area", "长铺镇", "--program", "低保", "--json")
    cli = json.loads(out)
    open_database(path)
    summed = database.execute_sql("SELECT COUNT(*), SUM(amount_fen) FROM payment WHERE posted = 1 "
                                  "AND township_id = (SELECT id FROM area WHERE name = '长铺镇')").fetchone()
    assert PaymentBatch.get(PaymentBatch.batch_no == batch).status == "posted"
    close_database()
    assert (cli["payments"], cli["total_fen"]) == tuple(summed) == (4, 129000)
    # A quarter (or the year) of a monthly program: the sum of its months.
    for asked in ("2018-Q4", "2018"):
        code, out, _ = run(path, capsys, "payment", "totals", "--area", "长铺镇", "--program", "低保", "--period",
                           asked, "--json")
        assert code == 0 and json.loads(out) == cli, asked
    code, out, _ = run(path, capsys, "payment", "totals", "--program", "低保", "--period", "2018-Q3", "--json")
    assert code == 0 and json.loads(out) == {"payments": 0, "total_fen": 0}
    # The batch list sums paid money apart from money still in the workflow.
    assert run(path, capsys, "batch", "create", "--program", "低保", "--period", "2018-11", "--area", "长铺镇",
               "--pay-date", "2018-11-10", "--user", "luru")[0] == 0
    code, out, _ = run(path, capsys, "batch", "list", "--area", "长铺镇")
    lines = out.splitlines()
    assert code == 0 and lines[-2].startswith("已发放合计\t2 个批次") and lines[-2].endswith("\t1,290.00")
    assert lines[-1].startswith("未发放合计\t1 个批次") and lines[-1].endswith("\t1,290.00")


def test_period_lock_and_checks(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(path, capsys, "period", "close", "2018-10", "--user", "shenhe")[0] == 0
    with pytest.raises(SystemExit) as usage:
        main(["period", "reopen", "2018-10", "--user", "admin", "--db", str(path)])
    assert usage.value.code == 2 and "--reason" in capsys.readouterr().err
    assert run(path, capsys, "period", "reopen", "2018-10", "--reason", "补发", "--user", "admin")[0] == 0
    code, out, _ = run(path, capsys, "period", "list")
    assert "重新开放" in out and "补发" in out
    code, out, _ = run(path, capsys, "check", "--json", "--user", "shenhe")
    report = json.loads(out)
    assert code == 0 and report["findings"] == 0 and len(report["checks"]) == 10
    code, out, _ = run(path, capsys, "program", "standards", "低保")
    assert "2018-07-01\t320.00" in out


def test_a_payments_export_is_a_report_and_one_off_aid_comes_in_through_the_template(
        path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook

    batch = "DB-430527100-2018-10"
    assert run(path, capsys, "batch", "create", "--program", "dibao", "--period", "2018-10", "--area", "长铺镇",
               "--pay-date", "2018-10-10", "--user", "luru")[0] == 0
    assert run(path, capsys, "batch", "submit", batch, "--user", "luru")[0] == 0
    assert run(path, capsys, "batch", "approve", batch, "--user", "shenhe")[0] == 0
    assert run(path, capsys, "batch", "post", batch, "--date", "2018-10-10", "--user", "shenhe")[0] == 0

    # The export says it is a report, above its header …
    listing = tmp_path / "发放明细.xlsx"
    assert run(path, capsys, "export", "payments", str(listing), "--user", "admin")[0] == 0
    book = load_workbook(listing)
    assert book.sheetnames == ["资金发放明细"]
    rows = list(book.active.iter_rows(values_only=True))
    assert str(rows[0][0]).startswith("资金发放明细（报表：已编入发放批次的记录，供查阅、核对和审计，不能再导入")
    assert rows[1][:6] == ("户编号", "乡镇", "村", "户主姓名", "身份证号", "项目") and "批次号" in rows[1]
    assert [r[rows[1].index("批次号")] for r in rows[2:]] == [batch, batch]
    # … and importing it is refused as a whole (exit 2), with the reason, not with a line per row.
    open_database(path)
    before = Payment.select().count()
    close_database()
    for check in ([], ["--check"], ["--skip-invalid"]):
        code, out, err = run(path, capsys, "import", "payments", str(listing), "--user", "luru", *check)
        assert (code, out) == (2, "")
        assert err.strip() == (
            f"错误：“{listing}”是导出的资金发放明细（工作表“资金发放明细”第2行表头有“批次号”列），"
            "记录的是已编入发放批次的资金，再导入会重复发放，因此整份不能导入。"
            "要导入医疗救助、临时救助等一次性救助，请用导入模板填写（导入向导第一页的“保存空白模板”，"
            "或命令行 suining-desk template payments --out 模板.xlsx）")

    # One-off aid: the template, filled in, imports as a draft; a monthly program's row is refused, with one reason.
    template = tmp_path / "一次性救助.xlsx"
    assert run(path, capsys, "template", "payments", "--out", str(template))[0] == 0
    book = load_workbook(template)
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    for r, values in enumerate([{"户编号": "43052710000101001", "项目": "临时救助", "期间": "2018-11",
                                 "金额": "1,500.00", "事由": "火灾"},
                                {"户编号": "43052710000101002", "项目": "低保", "期间": "2018-11", "金额": 330}], 2):
        for key, value in values.items():
            sheet.cell(row=r, column=header.index(key) + 1, value=value)
    book.save(template)
    code, out, err = run(path, capsys, "import", "payments", str(template), "--user", "luru")
    assert code == 1 and out.startswith("未导入任何数据：1 行有错误")
    assert err.strip() == ("“发放”第3行【项目】错误：“低保”按月发放，批次由享受名单和标准自动生成，"
                           "不能作为一次性救助导入；已发放的记录请在“资金发放”中查看")
    code, out, _ = run(path, capsys, "import", "payments", str(template), "--user", "luru", "--skip-invalid")
    assert code == 1 and out.startswith("导入完成：新增 1 条；1 行有错误未导入")
    open_database(path)
    try:
        assert Payment.select().count() == before + 1
        draft = PaymentBatch.get(PaymentBatch.kind == "one_off")
        assert (draft.status, draft.period) == ("draft", "2018-11")
    finally:
        close_database()


def test_a_removed_household_is_left_out_of_the_next_batch(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`household remove` (清退) from the command line: the batch computed after it explains the exclusion."""
    code, out, _ = run(path, capsys, "household", "remove", "43052710000101002", "--on", "2018-09-30",
                       "--reason", "识别不精准", "--user", "luru")
    assert code == 0 and "已于 2018-09-30 清退：识别不精准" in out
    code, out, _ = run(path, capsys, "batch", "preview", "--program", "低保", "--period", "2018-10", "--area",
                       "长铺镇", "--pay-date", "2018-10-10", "--user", "luru")
    assert code == 0 and "应发 1 笔" in out and "43052710000101002" in out
    code, _, err = run(path, capsys, "household", "remove", "43052710000101002", "--reason", "x", "--user", "luru")
    assert code == 1 and "该户已于2018-09-30清退" in err
    code, _, err = run(path, capsys, "household", "reinstate", "4305279", "--reason", "x", "--user", "luru")
    assert code == 1 and "没有户编号为“4305279”的户" in err
    code, out, _ = run(path, capsys, "household", "reinstate", "43052710000101002", "--on", "2018-10-05",
                       "--reason", "复核后恢复", "--user", "luru")
    assert code == 0 and "恢复在册" in out
    code, out, _ = run(path, capsys, "batch", "preview", "--program", "低保", "--period", "2018-10", "--area",
                       "长铺镇", "--pay-date", "2018-10-10", "--user", "luru")
    assert "应发 2 笔" in out


def test_enrolment_mistakes_on_the_command_line(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    open_database(path)
    zhang_id = database.execute_sql("SELECT id_number FROM person WHERE name = '张建国'").fetchone()[0]
    close_database()
    # The person is in another household: said so, not 「享受人员不能为空」.
    code, _, err = run(path, capsys, "program", "enrol", "低保", "--household", "43052710000101003", "--person",
                       zhang_id, "--category", "A", "--from", "2018-06-01", "--user", "luru")
    assert code == 1 and "张建国不是户43052710000101003的成员（属于户43052710000101001）" in err
    # 张建国's whole household is on 低保: enrolling him alone would pay him twice.
    code, _, err = run(path, capsys, "program", "enrol", "低保", "--household", "43052710000101001", "--person",
                       zhang_id, "--category", "A", "--from", "2018-06-01", "--user", "luru")
    assert code == 1 and "该户已整户享受“低保”（自2018-01-01起），户内人员不能再单独纳入" in err
    # An unknown enrolment number and a future end date are refused in Chinese.
    code, _, err = run(path, capsys, "program", "leave", "99", "--on", "2018-06-30", "--reason", "收入超标",
                       "--user", "luru")
    assert code == 1 and "没有享受记录“99”" in err and "程序内部出错" not in err
    code, _, err = run(path, capsys, "program", "leave", "1", "--on", "2999-12-01", "--reason", "收入超标",
                       "--user", "luru")
    assert code == 1 and "日期2999-12-01晚于今天" in err
    code, out, _ = run(path, capsys, "program", "leave", "1", "--on", "2018-06-30", "--reason", "收入超标",
                       "--user", "luru")
    assert code == 0 and "享受记录 1 已于 2018-06-30 终止" in out


def test_a_death_is_explained_in_the_preview(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import datetime as dt

    from suining_desk.db.models import Person
    from suining_desk.services.households import record_member_exit

    open_database(path)
    for name, day in (("李桂英", dt.date(2018, 5, 10)), ("王老五", dt.date(2018, 1, 20))):
        person = Person.get(Person.name == name)
        record_member_exit(person.id, kind="died", date=day, reason="病故", user="luru", today=dt.date(2018, 12, 20))
    close_database()
    code, out, _ = run(path, capsys, "batch", "preview", "--program", "低保", "--period", "2018-06", "--area", "长铺镇",
                       "--pay-date", "2018-06-10", "--user", "luru")
    assert code == 0 and "应发 2 笔，4 人，合计 900.00 元" in out
    assert "说明 1 条" in out and "43052710000101001\t张建国\t享受人数由3人减为2人：李桂英已于2018-05-10死亡" in out
    code, out, _ = run(path, capsys, "batch", "preview", "--program", "特困供养", "--period", "2018-06", "--area",
                       "长铺镇", "--pay-date", "2018-06-10", "--user", "luru")
    assert "43052710000101003\t王老五\t王老五已于2018-01-20死亡" in out
    code, out, _ = run(path, capsys, "batch", "preview", "--program", "低保", "--period", "2018-06", "--area", "长铺镇",
                       "--pay-date", "2018-06-10", "--json", "--user", "luru")
    [zhang] = [ln for ln in json.loads(out)["lines"] if ln["beneficiary"] == "张建国"]
    assert (zhang["people"], zhang["amount_fen"]) == (2, 60000)
    assert json.loads(out)["notes"][0]["code"] == "note_people_reduced"
