"""Issue 19, item 5: the national register's own export groups its columns under a two-row
merged header — group titles (户基本信息, 家庭成员信息) merged across the columns they head,
the columns outside a group (序号, 户编号, 人编号, 备注) merged down both rows. It was refused
(exit 2: the lower row has no 户编号). The sheet is built here the same way, with merges."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook

from suining_desk.cli import main
from suining_desk.db import close_database, open_database
from suining_desk.db.models import Household, Person
from suining_desk.exchange.imports import run_import
from suining_desk.exchange.reader import two_row_header
from suining_desk.exchange.staging import ImportOptions
from suining_desk.services.accounts import create_first_admin
from tests import exchange_sheets as sheets
from tests.county import FixtureCounty, build_county

TODAY = dt.date(2019, 12, 1)
# (upper row, lower row): None where a merge leaves the cell empty.
UPPER = ["序号", "户编号", "人编号", "户基本信息", None, None, None, None, None, None, "家庭成员信息", None, None, None,
         None, None, "备注"]
LOWER = [None, None, None, "乡(镇)", "行政村", "村民小组", "户状态", "致贫原因", "联系电话", "银行卡号", "姓名",
         "证件号码", "与户主关系", "民族", "健康状况", "联系电话", None]
ROWS = [
    [1, "43052710000101001", "4305271000010100101", "长铺镇", "青石村", "一组", "建档立卡贫困户", "因病", "13807390001",
     "6217000012345678901", "杨桂花", sheets.YANG, "户主", "苗族", "长期慢性病", "13907390002", ""],
    [2, "43052710000101001", "4305271000010100102", None, None, None, None, None, None, None, "龙春生", sheets.LONG,
     "子", "苗族", "健康", "13907390003", "外出务工"],
    [3, "43052710000101002", "4305271000010100201", "长铺镇", "青石村", "一组", "建档立卡贫困户", "缺技术",
     "13807390009", "6217000012345678902", "王老五", sheets.WANG, "户主", "侗族", "健康", None, ""],
]


def national_register(path: Path) -> Path:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "贫困人口信息"
    ws.append(["2019年绥宁县长铺镇建档立卡贫困户家庭成员信息"])
    ws.merge_cells("A1:Q1")
    ws.append(["填报单位：长铺镇人民政府", None, None, None, None, None, None, None, None, None, None, None, None,
               "导出日期：2019-11-30"])
    ws.append(UPPER)
    ws.append(LOWER)
    for column in "ABCQ":  # outside any group: merged down the two header rows
        ws.merge_cells(f"{column}3:{column}4")
    ws.merge_cells("D3:J3")
    ws.merge_cells("K3:P3")
    for row in ROWS:
        ws.append(row)
    book.save(path)
    return path


@pytest.fixture
def county(tmp_path: Path) -> Iterator[FixtureCounty]:
    open_database(tmp_path / "county.sqlite3")
    yield build_county()
    close_database()


def _check_imported() -> None:
    assert Household.select().count() == 2 and Person.select().count() == 3
    first = Household.get(Household.household_no == "43052710000101001")
    assert (first.phone, first.bank_account, first.main_cause) == ("13807390001", "6217000012345678901", "因病")
    yang, long = Person.get(Person.name == "杨桂花"), Person.get(Person.name == "龙春生")
    assert (yang.phone, long.phone, long.person_no) == ("13907390002", "13907390003", "4305271000010100102")
    assert (yang.ethnicity, yang.health) == ("苗族", "长期慢性病")


def test_the_national_registers_two_row_header_is_read(county: FixtureCounty, tmp_path: Path) -> None:
    result = run_import("households", national_register(tmp_path / "国家系统导出.xlsx"),
                        ImportOptions(user="luru", today=TODAY))
    assert result.exit_code == 0 and result.written, [p.message for p in result.problems]
    assert result.header_row == 4 and result.rows_read == 3
    assert result.columns["household_no"] == "户编号" and result.columns["person_phone"] == "联系电话（家庭成员信息）"
    assert result.columns["phone"] == "联系电话"  # the household's: the group only tells the two apart
    _check_imported()


def test_the_same_layout_in_an_old_xls_and_a_csv(county: FixtureCounty, tmp_path: Path) -> None:
    xls = sheets.as_xls(national_register(tmp_path / "a.xlsx"), tmp_path / "国家系统导出.xls")
    assert run_import("households", xls, ImportOptions(user="luru", today=TODAY, dry_run=True)).exit_code == 0
    text = tmp_path / "国家系统导出.csv"  # merged cells come out empty, as Excel writes them
    with text.open("w", encoding="gb18030", newline="") as fh:
        csv.writer(fh).writerows([["2019年绥宁县建档立卡贫困户家庭成员信息"], UPPER, LOWER, *ROWS])
    result = run_import("households", text, ImportOptions(user="luru", today=TODAY))
    assert result.exit_code == 0 and result.header_row == 3
    _check_imported()


def test_the_command_line_imports_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "county.sqlite3"
    open_database(db)
    build_county()
    create_first_admin("admin", "管理员", "suining2018")
    close_database()
    monkeypatch.setenv("SUINING_PASSWORD", "suining2018")
    code = main(["import", "households", str(national_register(tmp_path / "国家系统导出.xlsx")), "--db", str(db),
                 "--user", "admin"])
    assert code == 0, capsys.readouterr().err
    assert "新增 2 户 3 人" in capsys.readouterr().out


def test_a_title_line_is_no_group_row() -> None:
    assert two_row_header(["花名册", None, None], ["户编号", "姓名", "证件号码"]) is None
    names, groups = two_row_header(UPPER, LOWER) or ([], [])
    assert names[:4] == ["序号", "户编号", "人编号", "乡(镇)"] and names[-1] == "备注"
    assert groups[3:10] == ["户基本信息"] * 7 and groups[10:16] == ["家庭成员信息"] * 6
    assert groups[:3] == ["", "", ""] and groups[-1] == ""
