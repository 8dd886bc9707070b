"""A 合计 line wherever the clerk typed the word — 户编号, 姓名, 证件号码 or 序号 — is a
total row, ignored with a note, in every kind of import and in the bank's return file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook

from suining_desk.db import close_database, open_database
from suining_desk.db.models import Household, Payment
from suining_desk.exchange.imports import run_import
from suining_desk.exchange.report import ImportResult
from suining_desk.exchange.staging import ImportOptions
from suining_desk.exchange.totals import is_note_text, is_total_row, is_total_text
from tests import exchange_sheets as sheets
from tests.county import build_county
from tests.payments import TODAY, PaymentCounty, build_payment_county

VARIANTS = ["合计", "总计", "合 计", "合　计", "合计：5人", "合计:5人", "小计", "汇总", "合计（5户）", "合计(5户)",
            "合计5户9人", "共计", "合计 5户 9人", "合计：５户"]


@pytest.mark.parametrize("text", VARIANTS)
def test_total_words_as_clerks_type_them(text: str) -> None:
    assert is_total_text(text)


@pytest.mark.parametrize("text", ["合计金额", "张合计", "43052710000101001", "", "备注：合计另附", "总计划", None, 5])
def test_what_is_not_a_total_word(text: object) -> None:
    assert not is_total_text(text)


def test_a_valid_id_number_makes_it_a_person_s_row() -> None:
    assert is_total_row(["合计", "5人"], [None])
    assert not is_total_row(["合计", "杨桂花"], [sheets.YANG])
    assert is_total_row(["合计"], ["4.30527E+17"])  # not an ID number: still a total line


@pytest.mark.parametrize(("text", "note"), [("制表人：张三　审核人：李四", True), ("填报日期:2018年12月1日", True),
                                           ("注：本表一式三份", True), ("单位负责人：王五", True), ("张三", False),
                                           ("43052710000101001", False), ("制表人张三", False)])
def test_signature_lines(text: str, note: bool) -> None:
    assert is_note_text(text) is note


@pytest.fixture
def county(tmp_path: Path) -> Iterator[None]:
    open_database(tmp_path / "county.sqlite3")
    build_county()
    yield
    close_database()


def _register(path: Path, last: list[object]) -> Path:
    """A merged title, a note, the header on row 4, two people, then the total line."""
    book = Workbook()
    ws = book.active
    ws["A1"] = "长铺镇建档立卡贫困人口花名册"
    ws.merge_cells("A1:G1")
    ws["A2"] = "填报单位：长铺镇"
    ws.append([])
    ws.append(["户编号", "姓名", "身份证号码", "与户主关系", "乡(镇)", "村", "组"])
    ws.append(["H1", "杨桂花", sheets.YANG, "户主", "长铺镇", "青石村", "一组"])
    ws.append(["H1", "龙春生", sheets.LONG, "之子", "长铺镇", "青石村", "一组"])
    ws.append(last)
    book.save(path)
    return path


@pytest.mark.parametrize("last", [["合计", "5人"], ["合计"], *[[v] for v in VARIANTS[1:]],
                                  [None, "合计", None, "2人"], [None, None, "合计"], ["小计", "", "", "", "", "", ""]])
def test_a_total_row_in_the_key_columns_of_the_register_is_ignored(
        county: None, tmp_path: Path, last: list[object]) -> None:
    path = _register(tmp_path / "花名册.xlsx", last)
    result = run_import("households", path, ImportOptions(user="luru", today=TODAY))
    assert result.exit_code == 0 and result.written, [p.line(result.sheet) for p in result.problems]
    assert [(p.row, p.is_error, p.message) for p in result.problems] == [(7, False, "合计行，已忽略")]
    assert (result.households_added, result.people_added, result.rows_read) == (1, 2, 2)


def test_a_signature_line_in_the_household_number_column_is_ignored(county: None, tmp_path: Path) -> None:
    path = _register(tmp_path / "花名册.xlsx", ["制表人：张三　　审核人：李四", None, None, "填报日期：2018年12月1日"])
    result = run_import("households", path, ImportOptions(user="luru", today=TODAY))
    assert result.exit_code == 0 and result.written
    assert [(p.row, p.message) for p in result.problems] == [(7, "签名、日期或说明行，不是数据行，已忽略")]


def test_a_person_s_row_with_a_stray_total_word_is_still_checked(county: None, tmp_path: Path) -> None:
    path = _register(tmp_path / "花名册.xlsx", ["合计", "吴长寿", sheets.WU, "户主", "长铺镇", "青石村", "二组"])
    result = run_import("households", path, ImportOptions(user="luru", today=TODAY, dry_run=True))
    assert result.rows_read == 3 and result.people_added == 3  # 合计 is taken as that household's number


@pytest.fixture
def payments(tmp_path: Path) -> Iterator[PaymentCounty]:
    open_database(tmp_path / "county.sqlite3")
    yield build_payment_county()
    close_database()


def _sheet(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    book = Workbook()
    ws = book.active
    ws.append(["绥宁县长铺镇 台账"])
    ws.append([])
    ws.append(header)
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def _run(kind: str, path: Path) -> ImportResult:
    return run_import(kind, path, ImportOptions(user="admin", today=TODAY))


TOTALS = [["合计"], ["合 计", "3户"], ["合计：3户"], [None, "小计"], [None, None, "汇总（3户）"]]


@pytest.mark.parametrize("total", TOTALS)
def test_a_total_row_in_the_key_columns_of_every_record_kind_is_ignored(
        payments: PaymentCounty, tmp_path: Path, total: list[object]) -> None:
    zhang, li = "43052710000101001", "43052710000101002"
    files = {
        "relocations": (["户编号", "户主姓名", "身份证号", "搬迁年度", "搬迁人口", "安置方式"],
                        [[zhang, "张建国", None, 2017, 3, "分散安置"], [li, "李德明", None, 2017, 2, "分散安置"]]),
        "renovations": (["户编号", "户主姓名", "身份证号", "年度", "户类型", "危房等级", "改造方式"],
                        [["43052710000101003", "王", None, 2018, "建档立卡贫困户", "D级", "拆除重建"]]),
        "enrolments": (["户编号", "户主姓名", "享受人身份证号", "项目", "类别", "开始日期"],
                       [["43052710000101003", "王", None, "低保", "A", "2018-06-01"]]),
        "payments": (["户编号", "户主姓名", "身份证号", "项目", "期间", "金额", "事由"],
                     [[zhang, "张建国", None, "临时救助", "2018-11", "1,500.00", "火灾"]]),
    }
    for kind, (header, rows) in files.items():
        totals_row = total + [None] * (len(header) - len(total))
        if kind in ("relocations", "payments"):
            totals_row[-2 if kind == "payments" else 4] = "3,000.00" if kind == "payments" else 5
        path = _sheet(tmp_path / f"{kind}.xlsx", header, [*rows, totals_row])
        result = _run(kind, path)
        assert result.exit_code == 0 and result.written, (kind, [p.line(result.sheet) for p in result.problems])
        assert (len(rows) + 4, "合计行，已忽略") in [(p.row, p.message) for p in result.warnings], kind
        assert result.records_added == len(rows), kind
    assert Payment.select().count() == 1 and Household.select().count() > 0


def test_the_bank_return_file_passes_over_its_total_line(payments: PaymentCounty, tmp_path: Path) -> None:
    from suining_desk.exchange.bank_files import import_return_file
    from tests.core.test_bank_files import _posted

    batch_id = _posted(payments)
    for n, total in enumerate([["合计", "", "", 1290, "", ""], ["", "合 计", "", "1,290.00", "", ""],
                               ["", "", "合计：2笔", 1290, "", ""], ["制表：张三", "", "", "", "", ""]]):
        book = Workbook()
        ws = book.active
        ws.append(["序号", "户名", "卡号", "金额", "处理结果", "失败原因"])
        ws.append([1, "张建国", "6221880000000001", 960, "成功", ""])
        ws.append([2, "李德明", "6221880000000002", "330.00", "失败", "账户已销户"])
        ws.append(total)
        book.save(tmp_path / f"return{n}.xlsx")
        report = import_return_file(batch_id, tmp_path / f"return{n}.xlsx", user="luru", on=dt.date(2018, 10, 12))
        assert report.problems == [], total
        assert len(report.paid) + len(report.failed) + len(report.already) == 2
