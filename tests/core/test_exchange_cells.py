"""Cells as clerks fill them in: dates in every spelling, amounts, codes typed as numbers."""

from __future__ import annotations

import datetime as dt

import pytest

from suining_desk.domain.messages import describe
from suining_desk.exchange.cells import clean_text, code_text, read_amount, read_area_x100, read_date, read_int
from suining_desk.exchange.columns import normalize_header
from suining_desk.exchange.register_layout import REGISTER

NOV_1 = dt.date(2018, 11, 1)


@pytest.mark.parametrize("cell", [
    43405,  # Excel serial number
    43405.0,
    "43405",
    dt.datetime(2018, 11, 1),
    NOV_1,
    "2018-11-01", "2018/11/1", "2018年11月1日", "2018.11", "2018.11.01", "2018年11月", "20181101",
    " ２０１８－１１－０１ ", "2018-11-01 00:00:00", 2018.11,
])
def test_dates_in_every_spelling(cell: object) -> None:
    assert read_date(cell, "发放日期") == (NOV_1, [])


@pytest.mark.parametrize("cell", ["2018-13-01", "2018年2月30日", "11/1/2018", "2018", 2018, "下个月", 12.5])
def test_bad_dates_are_refused_with_the_column_named(cell: object) -> None:
    value, problems = read_date(cell, "发放日期")
    assert value is None
    assert problems[0].code == "cell_bad_date"
    assert describe(problems[0]).startswith("发放日期")


def test_a_month_that_lost_its_zero_is_ambiguous() -> None:
    value, problems = read_date(2018.1, "入住日期")
    assert value is None and problems[0].code == "cell_ambiguous_month"
    assert "1月还是10月" in describe(problems[0])
    assert read_date("2018.1", "入住日期") == (dt.date(2018, 1, 1), [])  # typed as text: January


def test_blank_cells_are_no_date() -> None:
    assert read_date(None, "x") == (None, []) and read_date(" \u3000 ", "x") == (None, [])


@pytest.mark.parametrize(("cell", "fen"), [
    ("1,234.5", 123450), ("1234.50元", 123450), ("１２３４", 123400), ("￥1,234.00", 123400),
    (" 1234.5 元 ", 123450), (1234, 123400), (1234.5, 123450), (0.1 + 0.2, 30), (16409.02, 1640902),
])
def test_amounts(cell: object, fen: int) -> None:
    assert read_amount(cell, "补助金额") == (fen, [])


@pytest.mark.parametrize("cell", ["12,34", "1.234", "一千元", -5, 1.005])
def test_bad_amounts(cell: object) -> None:
    assert read_amount(cell, "补助金额")[0] is None


def test_id_number_typed_as_a_number_has_lost_digits() -> None:
    for cell in (430527196803122000, 4.30527196803122e17, "4.30527E+17"):
        text, problems = code_text(cell, "身份证号码")
        assert text == "" and problems[0].code == "cell_number_lost_digits"
        message = describe(problems[0])
        assert message.startswith("身份证号码") and "15位有效数字" in message and "后几位已经丢失" in message


def test_short_codes_typed_as_numbers_are_exact() -> None:
    assert code_text(13907391234, "联系电话") == ("13907391234", [])
    assert code_text(430527680312201.0, "身份证号码") == ("430527680312201", [])  # 15 digits fit
    assert code_text(" 4305 2719 ", "x") == ("43052719", [])


def test_text_is_tidied() -> None:
    assert clean_text("\u3000 杨\u200b桂花 \xa0") == "杨桂花"
    assert clean_text("ＡＢＣ１２３") == "ABC123"
    assert clean_text(2018.0) == "2018"
    assert clean_text(None) == ""


def test_integers_and_areas() -> None:
    assert read_int("2018年", "脱贫年度", suffixes="年") == (2018, [])
    assert read_int(2018.0, "脱贫年度") == (2018, [])
    assert read_int("２０１８", "脱贫年度") == (2018, [])
    assert read_int("2018.5", "脱贫年度")[1][0].code == "cell_not_integer"
    assert read_area_x100("75.5㎡", "面积") == (7550, [])
    assert read_area_x100(75, "面积") == (7500, [])
    assert read_area_x100("75.555", "面积")[1][0].code == "bad_area"


def test_headers_are_found_by_synonym_and_despite_decoration() -> None:
    for header, key in (("身份证号码", "id_number"), (" 证件号码（18位）", "id_number"), ("乡（镇）", "township"),
                        ("*村", "village"), ("组", "group"), ("一卡通账号", "bank_account"), ("致贫原因", "main_cause"),
                        ("户编号\n", "household_no")):
        assert REGISTER.key_of(header) == key, header
    assert REGISTER.key_of("备注") is None
    assert normalize_header("与户主 关系：") == "与户主关系"
