"""Relocations, renovations, enrolments and one-off payments from spreadsheets: through
their services (every rule applies), all or nothing, duplicates skipped, round trips."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from suining_desk.db import close_database, open_database
from suining_desk.db.models import (
    Area,
    Enrolment,
    Payment,
    PaymentBatch,
    Relocation,
    Renovation,
    SettlementSite,
)
from suining_desk.demo.generate import generate_demo
from suining_desk.domain.messages import describe
from suining_desk.exchange.housing_export import export_relocations, export_renovations
from suining_desk.exchange.imports import run_import
from suining_desk.exchange.reader import FileUnreadable
from suining_desk.exchange.register_export import export_register
from suining_desk.exchange.report import ImportResult
from suining_desk.exchange.staging import ImportOptions
from suining_desk.services.household_query import HouseholdFilter
from tests.payments import TODAY, PaymentCounty, build_payment_county


def run(kind: str, path: Path, **options: Any) -> ImportResult:
    return run_import(kind, path, ImportOptions(user="admin", today=TODAY, **options))


def sheet(path: Path, header: list[str], rows: list[list[object]], *, title: str | None = None) -> Path:
    book = Workbook()
    ws = book.active
    if title:
        ws.append([title])
        ws.append([])
    ws.append(header)
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


@pytest.fixture
def county(tmp_path: Path) -> Iterator[PaymentCounty]:
    open_database(tmp_path / "county.sqlite3")
    yield build_payment_county()
    close_database()


RELOCATION_HEADER = ["户编号", "户主姓名", "搬迁年度", "搬迁人口", "安置方式", "安置点", "安置房面积", "补助金额",
                     "自筹资金", "计划日期", "状态", "入住日期", "旧房拆除日期"]


def test_relocations_with_messy_cells(county: PaymentCounty, tmp_path: Path) -> None:
    SettlementSite.create(name="城南安置小区", township=county.areas.changpu, kind="县城", capacity=100)
    rows = [
        ["43052710000101001", "张建国", "2017年", "3", "集中安置", "城南安置小区", "75㎡", "60,000元", "1,000.5",
         "2017/3/1", "已入住", 42979, None],  # serial 42979 = 2017-09-01
        ["43052710000101002", "李德明", 2017, 2, "分散安置", None, 50, 40000, None, "2017年3月1日", None,
         None, None],
        ["43052710000101009", "无此户", 2017, 1, "分散安置", None, None, None, None, None, None, None, None],
        [None, "合计", None, 6, None, None, None, "100,000.00", None, None, None, None, None],
    ]
    path = sheet(tmp_path / "搬迁.xlsx", RELOCATION_HEADER, rows, title="长铺镇易地扶贫搬迁台账")
    result = run("relocations", path)
    assert result.exit_code == 1 and not result.written and Relocation.select().count() == 0
    assert [(p.row, p.column, p.message) for p in result.errors] == [
        (6, "户编号", "户编号43052710000101009不在册，请先导入或登记该户")]
    assert (7, "合计行，已忽略") in [(p.row, p.message) for p in result.warnings]

    result = run("relocations", path, skip_invalid=True)
    assert result.written and result.records_added == 2
    zhang = Relocation.get(Relocation.household == county.zhang)
    assert (zhang.status, zhang.moved_in_date, zhang.house_area_x100) == ("moved_in", dt.date(2017, 9, 1), 7500)
    assert (zhang.subsidy_fen, zhang.self_raised_fen, zhang.plan_date) == (6_000_000, 100_050, dt.date(2017, 3, 1))
    li = Relocation.get(Relocation.household == county.li)
    assert (li.mode, li.status, li.batch_year) == ("scattered", "planned", 2017)

    again = run("relocations", path, skip_invalid=True)
    assert again.records_added == 0 and again.duplicates_skipped == 2
    assert "已有相同的记录（2017年搬迁记录），已跳过" in [p.message for p in again.warnings]


def test_relocation_rules_of_the_window_apply(county: PaymentCounty, tmp_path: Path) -> None:
    rows = [["43052710000101001", "张建国", 2017, 3, "集中安置", "不存在的点", 75, None, None, None, None, None, None],
            ["43052710000101002", "李德明", 2017, 5, "分散安置", None, 200, None, None, None, "已入住", None, None]]
    result = run("relocations", sheet(tmp_path / "搬迁.xlsx", RELOCATION_HEADER, rows))
    found = {(p.row, p.column): p.message for p in result.errors}
    assert found[(2, "安置点")] == "该乡镇没有名为“不存在的点”的安置点，请先在“安置点”中登记"
    assert any(row == 3 and "搬迁人口5人超过" in message for (row, _), message in found.items())
    assert Relocation.select().count() == 0


def test_renovations_walk_to_their_status(county: PaymentCounty, tmp_path: Path) -> None:
    header = ["户编号", "年度", "户类型", "危房等级", "改造方式", "面积", "补助金额", "状态", "开工日期", "竣工日期",
              "验收日期", "验收人", "验收结果"]
    rows = [["43052710000101003", 2018, "建档立卡贫困户", "D级", "拆除重建", "60", "35,000.00", "已验收",
             "2018-03-01", "2018-06-30", "2018.07", "刘工", "合格"],
            ["43052710000101004", 2018, "低保户", "C级", "修缮加固", None, None, "施工中", "2018/5/1", None, None,
             None, None]]
    result = run("renovations", sheet(tmp_path / "危改.xlsx", header, rows))
    assert result.exit_code == 0, [p.line(result.sheet) for p in result.problems]
    wang = Renovation.get(Renovation.household == county.wang)
    assert (wang.status, wang.grade, wang.subsidy_fen, wang.accepted_date, wang.accepted_by) == (
        "accepted", "D", 3_500_000, dt.date(2018, 7, 1), "刘工")
    zhao = Renovation.get(Renovation.household == county.zhao)
    assert (zhao.status, zhao.start_date, zhao.subsidy_fen) == ("in_progress", dt.date(2018, 5, 1), 0)


def test_enrolments_and_one_off_payments(county: PaymentCounty, tmp_path: Path) -> None:
    header = ["户编号", "项目", "享受人身份证号", "类别", "享受人数", "开始日期", "结束日期", "结束原因"]
    rows = [["43052710000101003", "低保", None, "A", 1, "2018-06-01", "2018-11-30", "收入超标"],
            ["43052710000101001", "dibao", None, "A", 3, "2018-01-01", None, None]]  # already on the list
    result = run("enrolments", sheet(tmp_path / "名单.xlsx", header, rows))
    assert result.exit_code == 0 and (result.records_added, result.duplicates_skipped) == (1, 1)
    wang = Enrolment.get((Enrolment.household == county.wang) & (Enrolment.program == county.programs["dibao"]))
    assert (wang.start_date, wang.end_date, wang.end_reason) == (dt.date(2018, 6, 1), dt.date(2018, 11, 30), "收入超标")

    header = ["户编号", "户主姓名", "项目", "期间", "金额", "事由"]
    rows = [["43052710000101001", "张建国", "临时救助", "2018-11", "1,500.00元", "火灾"],
            ["43052710000101002", "李德明", "临时救助", dt.datetime(2018, 11, 20), "８００", "因病"],
            ["43052710100101001", "杨桂花", "临时救助", "2018.11", 300, "因灾"]]
    path = sheet(tmp_path / "临时救助.xlsx", header, rows)
    result = run("payments", path)
    assert result.exit_code == 0, [p.line(result.sheet) for p in result.problems]
    drafts = list(PaymentBatch.select().where(PaymentBatch.kind == "one_off").order_by(PaymentBatch.id))
    assert [(b.period, b.status, b.area_id) for b in drafts] == [
        ("2018-11", "draft", county.areas.changpu.id), ("2018-11", "draft", county.areas.wuyang.id)]
    lines = sorted((p.household_id, p.amount_fen, p.posted) for p in Payment.select())
    assert lines == sorted([(county.zhang, 150_000, False), (county.li, 80_000, False), (county.yang, 30_000, False)])
    again = run("payments", path)
    assert again.records_added == 0 and again.duplicates_skipped == 3 and Payment.select().count() == 3


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    generate_demo(open_database(path), scale="small", seed=11, cancel=threading.Event())
    close_database()
    return path


def housing_state() -> tuple[dict[str, Any], dict[Any, Any]]:
    skip = ("id", "household", "township", "village", "site", "override_reason", "override_by")
    relocations = {r.household.household_no: ({k: v for k, v in r.__data__.items() if k not in skip},
                                              r.site.name if r.site_id else None) for r in Relocation.select()}
    renovations = {(r.household.household_no, r.year, r.grade): {k: v for k, v in r.__data__.items() if k not in skip}
                   for r in Renovation.select()}
    return relocations, renovations


def test_housing_round_trips_exactly(demo: Path, tmp_path: Path) -> None:
    open_database(demo)
    before = housing_state()
    sites = [(s.name, s.township.name, s.kind, s.capacity) for s in SettlementSite.select()]
    export_register(tmp_path / "h.xlsx", HouseholdFilter(include_removed=True))
    export_relocations(tmp_path / "rel.xlsx")
    export_renovations(tmp_path / "ren.xlsx")
    close_database()
    assert before[0] and before[1]

    open_database(tmp_path / "empty.sqlite3")
    try:
        today = dt.date(2024, 12, 31)  # the demo's history runs into 2020
        households = run_import("households", tmp_path / "h.xlsx", ImportOptions(user="admin", today=today,
                                                                                  create_areas=True))
        assert households.exit_code == 0
        for name, town, kind, capacity in sites:  # sites are kept in their own list, not in the ledgers
            SettlementSite.create(name=name, township=Area.get((Area.name == town) & (Area.level == 2)), kind=kind,
                                  capacity=capacity)
        for kind in ("relocations", "renovations"):
            path = tmp_path / ("rel.xlsx" if kind == "relocations" else "ren.xlsx")
            result = run_import(kind, path, ImportOptions(user="admin", today=today))
            assert result.exit_code == 0, [p.line(result.sheet) for p in result.errors[:3]]
        assert housing_state() == before
    finally:
        close_database()


def test_enrolments_export_in_their_import_layout_payments_as_a_report(county: PaymentCounty, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from suining_desk.exchange.aid_export import export_enrolments, export_payments

    written = export_enrolments(tmp_path / "名单.xlsx")
    assert written.rows == Enrolment.select().count() == 5
    again = run("enrolments", written.path)
    assert again.exit_code == 0 and (again.records_added, again.duplicates_skipped) == (0, 5)

    from suining_desk.db.models import Household

    zhang = Household.get_by_id(county.zhang)  # a posted one-off payment: the list shows posted money
    Payment.create(program=county.programs["medical"], household=zhang, township=zhang.township_id,
                   village=zhang.village_id, period="2018-10", amount_fen=200_000, reason="住院", posted=True,
                   payee_name=zhang.head_name, payee_id_number=zhang.head_id_number)
    listing = export_payments(tmp_path / "发放.xlsx")
    rows = list(load_workbook(listing.path).active.iter_rows(values_only=True))
    assert str(rows[0][0]).startswith("资金发放明细（报表")  # a report: a title above the header
    assert rows[1][:6] == ("户编号", "乡镇", "村", "户主姓名", "身份证号", "项目")
    assert rows[2][0] == "43052710000101001" and rows[2][5] == "医疗救助" and rows[2][9] == "2000.00"
    with pytest.raises(FileUnreadable) as refused:  # money already in a batch is never imported again
        run("payments", listing.path)
    assert [p.code for p in refused.value.problems] == ["file_payments_report"]
    assert Payment.select().count() == 1


@pytest.mark.parametrize("kind", ["relocations", "renovations", "enrolments"])
def test_reimporting_an_export_skips_every_row_and_is_not_a_refusal(demo: Path, tmp_path: Path, kind: str) -> None:
    import shutil

    from suining_desk.db.models import AuditEntry
    from suining_desk.exchange.aid_export import export_enrolments

    exports = {"relocations": export_relocations, "renovations": export_renovations, "enrolments": export_enrolments}
    shutil.copy(demo, tmp_path / "demo.sqlite3")
    open_database(tmp_path / "demo.sqlite3")
    try:
        written = exports[kind](tmp_path / f"{kind}.xlsx")
        entries = AuditEntry.select().count()
        for dry_run in (True, False):
            result = run_import(kind, written.path, ImportOptions(user="admin", today=dt.date(2024, 12, 31),
                                                                   dry_run=dry_run))
            assert (result.exit_code, result.rows_rejected, result.errors) == (0, 0, [])
            assert (result.records_added, result.duplicates_skipped) == (0, written.rows)
            assert f"新增 0 条，已有记录跳过 {written.rows} 条；" in result.summary()
        assert AuditEntry.select().count() == entries  # nothing written, nothing logged
    finally:
        close_database()


def test_a_refused_amount_or_period_is_said_once_and_plainly(county: PaymentCounty, tmp_path: Path) -> None:
    """「0.001」 is not also 「金额不能为空」; 「2026-13」 is a period written wrong, not a bad date."""
    header = ["户编号", "户主姓名", "项目", "期间", "金额", "事由"]
    rows = [["43052710000101001", "张建国", "临时救助", "2018-11", "0.001", "火灾"],
            ["43052710000101002", "李德明", "临时救助", "2018-13", "800", "因病"],
            ["43052710000101003", "王老五", "临时救助", "2018-11-20", "-50", "因灾"]]
    result = run("payments", sheet(tmp_path / "临时救助.xlsx", header, rows), dry_run=True)
    by_row: dict[int, list[str]] = {}
    for p in result.problems:
        by_row.setdefault(p.row, []).append(describe(p.problem))
    assert len(by_row[2]) == 1 and "不能为空" not in by_row[2][0]
    assert by_row[3] == ["期间“2018-13”格式不对，应如 2018-11"]
    assert len(by_row[4]) == 1 and "负" in by_row[4][0]


def test_a_column_and_its_synonym_read_the_closer_name(county: PaymentCounty, tmp_path: Path) -> None:
    """事由 and 备注 (a synonym of 事由) both in the sheet: 事由 is read, wherever it stands."""
    header = ["户编号", "户主姓名", "项目", "期间", "金额", "备注", "事由"]
    rows = [["43052710000101001", "张建国", "临时救助", "2018-11", "500", "村里核实", "火灾"]]
    result = run("payments", sheet(tmp_path / "临时救助.xlsx", header, rows))
    assert result.exit_code == 0 and Payment.get().reason == "火灾"
    notes = [describe(p.problem) for p in result.problems]
    assert notes == ["“备注”列与“事由”列是同一项，只读取“事由”列"]


def test_the_rules_reminders_are_said_at_import_as_in_the_window(county: PaymentCounty, tmp_path: Path) -> None:
    """QA: over-cap self-financing and a subsidy before acceptance were stored with 「问题 0 条」."""
    rows = [["43052710000101001", "张建国", 2017, 3, "分散安置", None, 75, "60,000", "30,000", None, None, None,
             None]]
    relocations = run("relocations", sheet(tmp_path / "搬迁.xlsx", RELOCATION_HEADER, rows))
    assert relocations.records_added == 1 and relocations.exit_code == 0
    reminders = [(p.row, p.message) for p in relocations.warnings]
    assert any(row == 2 and "自筹" in message for row, message in reminders), reminders
    header = ["户编号", "年度", "户类型", "危房等级", "改造方式", "面积", "补助金额", "状态", "开工日期", "竣工日期"]
    rows = [["43052710000101004", 2018, "低保户", "C级", "修缮加固", None, "10,000", "竣工", "2018/5/1", "2018/8/1"]]
    renovations = run("renovations", sheet(tmp_path / "危改.xlsx", header, rows))
    assert renovations.records_added == 1 and Renovation.get().subsidy_fen == 0
    assert (2, "补助金额10000.00元未导入：危改补助在验收合格后才登记（状态为已验收时填写）") in [
        (p.row, p.message) for p in renovations.warnings]
