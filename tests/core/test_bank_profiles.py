"""Bank profiles (issue 19, item 1): the shipped formats, a round trip through the bank for each
(list written → the bank sets each line's status → return file imported), a return file that
does not fit its profile refused whole with the line and column named, and a county's own
profiles saved, chosen and checked."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from suining_desk.db.models import AuditEntry, Payment, PaymentOutcome
from suining_desk.domain.messages import describe
from suining_desk.domain.problems import InvalidInput
from suining_desk.exchange import bank_profiles as store
from suining_desk.exchange.bank_files import export_bank_file, import_return_file
from suining_desk.exchange.bank_profile import from_dict, to_dict
from suining_desk.exchange.bank_sheets import BankFileUnusable
from suining_desk.services.batches import create_batch
from tests import bank_side
from tests.core.test_batches import walk
from tests.payments import TODAY, PaymentCounty, build_payment_county

PAID_ON = dt.date(2018, 10, 10)
BANK_DAY = dt.date(2018, 10, 12)
SHIPPED = ("standard", "pipe-gbk", "fixed-gbk", "totals-csv")


@pytest.fixture
def county(db: object) -> PaymentCounty:
    return build_payment_county()


def _posted(county: PaymentCounty, li_as: str = "") -> tuple[int, int, int]:
    """A posted October 低保 batch: (batch, 张建国's line 960.00, 李德明's line 330.00 — paid to
    ``li_as`` when given)."""
    batch = create_batch(county.programs["dibao"], "2018-10", county.areas.changpu.id, user="luru", pay_date=PAID_ON)
    if li_as:  # while the batch is a draft
        Payment.update(payee_name=li_as).where(Payment.bank_account == "6221880000000002").execute()
    walk(batch.batch_id, PAID_ON)
    zhang = Payment.get((Payment.batch == batch.batch_id) & (Payment.household == county.zhang)).id
    li = Payment.get((Payment.batch == batch.batch_id) & (Payment.household == county.li)).id
    return batch.batch_id, zhang, li


def _codes(exc: pytest.ExceptionInfo[InvalidInput]) -> list[str]:
    return [p.code for p in exc.value.problems]


def test_the_shipped_profiles_load_and_the_standard_one_is_used_by_default() -> None:
    profiles, problems = store.list_profiles()
    assert problems == []
    assert [p.name for p in profiles][:1] == ["standard"] and set(SHIPPED) <= {p.name for p in profiles}
    assert all(p.shipped for p in profiles)
    assert store.get_profile().name == "standard" and store.chosen_name() == "standard"
    assert store.get_profile("竖线分隔文本（GBK）").name == "pipe-gbk"  # by its title too
    kinds = {p.name: p.export.kind for p in profiles}
    assert kinds == {"standard": "xlsx", "pipe-gbk": "delimited", "fixed-gbk": "fixed", "totals-csv": "csv"}
    for profile in profiles:  # what the settings page saves reads back the same
        assert from_dict(profile.name, to_dict(profile), shipped=True) == profile


@pytest.mark.parametrize("profile", SHIPPED)
def test_round_trip_through_the_bank(county: PaymentCounty, tmp_path: Path, profile: str) -> None:
    batch_id, zhang, li = _posted(county)
    listed = tmp_path / f"list{bank_side.SUFFIX[profile]}"
    assert export_bank_file(batch_id, listed, user="luru", profile=profile, today=TODAY) == 2
    lines = bank_side.READERS[profile](listed)  # the bank reads the list as its format says
    assert [(ln[1], ln[2], ln[4]) for ln in lines] == [("6221880000000001", "张建国", 96000),
                                                       ("6221880000000002", "李德明", 33000)]
    assert lines[0][3].startswith("430527")
    status = {"6221880000000001": (bank_side.PAID_WORD[profile], ""),
              "6221880000000002": (bank_side.FAILED_WORD[profile], "账户已冻结")}
    returned = bank_side.write_return(profile, lines, status, tmp_path / f"return{bank_side.SUFFIX[profile]}")
    report = import_return_file(batch_id, returned, user="luru", on=BANK_DAY, today=TODAY, profile=profile)
    assert (report.paid, report.failed, report.problems, report.missing) == ([zhang], [li], [], [])
    failed = PaymentOutcome.get(PaymentOutcome.payment == li)
    assert (failed.result, failed.note, failed.date) == ("failed", "账户已冻结", BANK_DAY)
    exported = AuditEntry.get(AuditEntry.action == "bank_file_exported")
    assert json.loads(exported.after)["profile"] == profile  # the format is recorded with the export
    imported = AuditEntry.get(AuditEntry.action == "bank_return_imported")
    assert json.loads(imported.after)["profile"] == profile


def _pipe(tmp_path: Path, *lines: str, name: str = "return.txt") -> Path:
    path = tmp_path / name
    path.write_bytes("".join(line + "\r\n" for line in lines).encode("gbk"))
    return path


@pytest.mark.parametrize(("line", "where", "what"), [
    ("2|6221880000000002|李德明|330.00|00|", "第2行：", "这一行有6列，格式规定7列"),
    ("2|6221880000000002|李德明|三百三十|00||20181012", "第2行第4列（金额）", "“三百三十”不是以元表示的金额"),
    ("2|6221880000000002|李德明|330.00|已受理待核|x|20181012", "第2行第5列（状态）", "“已受理待核”不是格式中列出的"),
    ("2|6221880000000002|李德明|330.00|00||2018-10-12", "第2行第7列（处理日期）", "不是格式规定的日期写法"),
    ("2||李德明|330.00|00||20181012", "第2行第2列（账号）", "账号为空"),
])
def test_a_return_file_that_does_not_fit_its_profile_is_refused_whole(county: PaymentCounty, tmp_path: Path,
                                                                      line: str, where: str, what: str) -> None:
    batch_id, _, _ = _posted(county)
    path = _pipe(tmp_path, "1|6221880000000001|张建国|960.00|00||20181012", line)
    with pytest.raises(BankFileUnusable) as refused:
        import_return_file(batch_id, path, user="luru", on=BANK_DAY, today=TODAY, profile="pipe-gbk")
    assert _codes(refused) == ["bank_profile_mismatch"]
    text = describe(refused.value.problems[0])
    assert text.startswith(f"银行回盘文件“{path}”与银行文件格式“竖线分隔文本（GBK）”不符，整份未导入：")
    assert where in text and what in text, text
    assert not PaymentOutcome.select().exists()  # not even the good first line


def test_a_pending_status_is_reported_and_each_lines_date_is_the_banks(county: PaymentCounty, tmp_path: Path) -> None:
    batch_id, zhang, li = _posted(county)
    path = _pipe(tmp_path, "1|6221880000000001|张建国|960.00|00||20181011", "2|6221880000000002|李德明|330.00|99||")
    report = import_return_file(batch_id, path, user="luru", on=BANK_DAY, today=TODAY, profile="pipe-gbk")
    assert report.paid == [zhang] and [p.code for p in report.problems] == ["bank_bad_result"]
    assert PaymentOutcome.get(PaymentOutcome.payment == zhang).date == dt.date(2018, 10, 11)
    early = _pipe(tmp_path, "2|6221880000000002|李德明|330.00|01|户名不符|20181001", name="early.txt")
    with pytest.raises(InvalidInput) as refused:
        import_return_file(batch_id, early, user="luru", on=BANK_DAY, today=TODAY, profile="pipe-gbk")
    assert describe(refused.value.problems[0]).startswith("银行回盘第1行的处理日期不对：银行处理日期2018-10-01早于")
    assert not PaymentOutcome.select().where(PaymentOutcome.payment == li).exists()


def test_the_totals_line_must_agree_with_the_lines(county: PaymentCounty, tmp_path: Path) -> None:
    batch_id, _, _ = _posted(county)
    lines = bank_side.read_fixed(_export(batch_id, tmp_path, "fixed-gbk"))
    status = {ln[1]: ("00", "") for ln in lines}
    good = bank_side.write_return("fixed-gbk", lines, status, tmp_path / "r.txt")
    data = good.read_bytes()
    wrong_count = tmp_path / "count.txt"
    wrong_count.write_bytes(b"H000003" + data[7:])
    with pytest.raises(BankFileUnusable) as refused:
        import_return_file(batch_id, wrong_count, user="luru", on=BANK_DAY, today=TODAY, profile="fixed-gbk")
    assert "第1行（合计行）：合计笔数3与明细行数2不符" in describe(refused.value.problems[0])
    wrong_sum = tmp_path / "sum.txt"
    wrong_sum.write_bytes(data[:7] + b"000000000129001" + data[22:])
    with pytest.raises(BankFileUnusable) as refused:
        import_return_file(batch_id, wrong_sum, user="luru", on=BANK_DAY, today=TODAY, profile="fixed-gbk")
    assert "合计金额129001与明细金额之和不符" in describe(refused.value.problems[0])
    longer = tmp_path / "long.txt"
    longer.write_bytes(data.replace(b"\r\n", b"X\r\n", 2).replace(b"X\r\n", b"\r\n", 1))  # line 2 one byte long
    with pytest.raises(BankFileUnusable) as refused:
        import_return_file(batch_id, longer, user="luru", on=BANK_DAY, today=TODAY, profile="fixed-gbk")
    assert "第2行：这一行有108个字节，格式规定每行107个字节" in describe(refused.value.problems[0])
    assert not PaymentOutcome.select().exists()
    assert len(import_return_file(batch_id, good, user="luru", on=BANK_DAY, today=TODAY,
                                  profile="fixed-gbk").paid) == 2


def _export(batch_id: int, tmp_path: Path, profile: str) -> Path:
    path = tmp_path / f"list-{profile}{bank_side.SUFFIX[profile]}"
    export_bank_file(batch_id, path, user="luru", profile=profile, today=TODAY)
    return path


@pytest.mark.parametrize(("name", "profile", "said"), [
    ("欧阳木兰花鸟鱼虫山水云", "fixed-gbk",
     "无法按所选银行文件格式写出代发文件：第3行第3列（姓名）“欧阳木兰花鸟鱼虫山水云”超过格式规定的20个字节，未导出"),
    ("李德|明", "pipe-gbk", "第2行第3列（姓名）“李德|明”含有分隔符“|”"),
    ("李𠀾明", "pipe-gbk", "第2行的“𠀾”在 GBK 编码中没有对应的字"),
])
def test_a_list_that_cannot_be_written_as_the_profile_says_is_not_written(county: PaymentCounty, tmp_path: Path,
                                                                          name: str, profile: str, said: str) -> None:
    batch_id, _, _ = _posted(county, li_as=name)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(InvalidInput) as refused:
        _export(batch_id, out, profile)
    assert said in describe(refused.value.problems[0])
    assert not list(out.iterdir())  # nothing written, no partial file left
    assert not AuditEntry.select().where(AuditEntry.action == "bank_file_exported").exists()


def test_a_profile_writes_only_its_own_kind_of_file(county: PaymentCounty, tmp_path: Path) -> None:
    batch_id, _, _ = _posted(county)
    with pytest.raises(InvalidInput) as refused:
        export_bank_file(batch_id, tmp_path / "list.xlsx", user="luru", profile="pipe-gbk")
    assert describe(refused.value.problems[0]) == "不支持的文件类型“.xlsx”（支持 .txt、.dat）"
    with pytest.raises(InvalidInput) as refused:
        export_bank_file(batch_id, tmp_path / "list.txt", user="luru", profile="no-such")
    assert describe(refused.value.problems[0]).startswith("没有名为“no-such”的银行文件格式（现有：standard、")


COUNTY_PROFILE = """
title = "县农商行"
[export]
kind = "delimited"
separator = ","
encoding = "gb18030"
column_names = false
totals = "last"
totals_line = "TOTAL,{count},{total}"
amount = "fen"
[[export.columns]]
field = "account"
[[export.columns]]
field = "amount"
[[export.columns]]
field = "text"
text = "扶贫"
[return]
kind = "delimited"
separator = ","
column_names = false
amount = "fen"
paid = ["S"]
failed = ["F"]
[[return.columns]]
field = "account"
[[return.columns]]
field = "amount"
[[return.columns]]
field = "status"
"""


def test_a_countys_own_profile_is_saved_chosen_and_used(county: PaymentCounty, tmp_path: Path) -> None:
    profile = store.parse_text("county-bank", COUNTY_PROFILE)
    path = store.save_profile(profile)
    assert path.parent == store.county_dir() and path.read_text(encoding="utf-8").startswith("# 绥宁扶贫台账")
    store.choose("县农商行")
    assert store.get_profile().name == "county-bank"
    batch_id, zhang, li = _posted(county)
    listed = tmp_path / "list.txt"
    assert export_bank_file(batch_id, listed, user="luru", today=TODAY) == 2  # the chosen profile
    assert listed.read_bytes().decode("gb18030").split("\r\n") == [
        "6221880000000001,96000,扶贫", "6221880000000002,33000,扶贫", "TOTAL,2,129000", ""]
    returned = tmp_path / "return.txt"
    returned.write_text("6221880000000001,96000,S\n6221880000000002,33000,F\n", encoding="ascii")
    report = import_return_file(batch_id, returned, user="luru", on=BANK_DAY, today=TODAY)
    assert (report.paid, report.failed) == ([zhang], [li])
    with pytest.raises(InvalidInput) as refused:
        store.save_profile(profile)  # not over itself unless asked
    assert _codes(refused) == ["bank_profile_exists"]
    with pytest.raises(InvalidInput) as refused:
        store.save_profile(store.parse_text("standard", COUNTY_PROFILE), replace=True)
    assert _codes(refused) == ["bank_profile_shipped"]
    store.delete_profile("county-bank")
    assert store.get_profile().name == "standard"  # the choice went with it
    assert store.free_name("standard") == "standard-2"


@pytest.mark.parametrize(("text", "said"), [
    ('title = "x"\n[export\nkind = "xlsx"', "第2行第8列的写法有误"),
    (COUNTY_PROFILE.replace('kind = "delimited"', 'kind = "word"', 1),
     "export.kind 的值不对，应为xlsx（Excel 表格（.xlsx））、csv"),
    (COUNTY_PROFILE.replace('amount = "fen"', 'amount = "jiao"', 1), "export.amount 的值不对"),
    (COUNTY_PROFILE.replace('"TOTAL,{count},{total}"', '"TOTAL,{count},{sum}"'), "只含这些占位：{batch_no}"),
    (COUNTY_PROFILE.replace('failed = ["F"]', ''), "return.paid / return.failed 的值不对，应为都填写"),
    (COUNTY_PROFILE.replace('[[return.columns]]\nfield = "status"\n', ''), "应为含“状态”（field = \"status\"）一列"),
])
def test_a_wrong_profile_is_said_in_chinese(text: str, said: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        store.parse_text("mine", text)
    shown = " / ".join(describe(p) for p in refused.value.problems)
    assert said in shown, shown
    assert shown.startswith("银行文件格式“mine”")


def test_a_broken_profile_in_the_data_folder_is_named_and_the_others_still_load() -> None:
    store.county_dir().mkdir(parents=True)
    (store.county_dir() / "broken.toml").write_text('title = "坏的"\n[export]\nkind = 3\n', encoding="utf-8")
    profiles, problems = store.list_profiles()
    assert {p.name for p in profiles} == set(SHIPPED)
    assert [describe(p) for p in problems][0].startswith("银行文件格式“broken.toml”中 export.kind 的值不对")


def test_the_standard_profile_refuses_a_bad_amount_whole_naming_its_cell(county: PaymentCounty,
                                                                          tmp_path: Path) -> None:
    """Before, such a line was reported and the others recorded: now nothing of the file is."""
    batch_id, _, _ = _posted(county)
    path = tmp_path / "return.csv"
    path.write_text("账号,金额,状态\n6221880000000001,960.00,成功\n6221880000000002,三百三十,成功\n", encoding="utf-8")
    with pytest.raises(BankFileUnusable) as refused:
        import_return_file(batch_id, path, user="luru", on=BANK_DAY, today=TODAY)
    assert describe(refused.value.problems[0]).startswith(
        f"银行回盘文件“{path}”与银行文件格式“标准格式”不符，整份未导入：第3行第B列（金额）：“三百三十”不是以元表示的金额")
    assert not PaymentOutcome.select().exists()
