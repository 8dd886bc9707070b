"""Money in fen: reading what clerks type, formatting, and Chinese financial capitals."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from suining_desk.domain import money
from suining_desk.domain.messages import MESSAGES, describe
from suining_desk.domain.money import (
    MAX_CAPITALS_FEN,
    MAX_FEN,
    check_amount,
    fen_to_capitals,
    fen_to_yuan_str,
    format_fen,
    is_amount,
    parse_fen,
)
from suining_desk.domain.problems import InvalidInput

# --- capitals: a golden table, amounts written as yuan so each line reads like a voucher ---

CAPITALS: list[tuple[str, str]] = [
    # the People's Bank of China examples
    ("1680.32", "人民币壹仟陆佰捌拾元零叁角贰分"),
    ("107000.53", "人民币壹拾万柒仟元零伍角叁分"),
    ("16409.02", "人民币壹万陆仟肆佰零玖元零贰分"),
    ("1409.50", "人民币壹仟肆佰零玖元伍角整"),
    ("6007.14", "人民币陆仟零柒元壹角肆分"),
    ("325.04", "人民币叁佰贰拾伍元零肆分"),
    # no yuan
    ("0", "人民币零元整"),
    ("0.01", "人民币壹分"),
    ("0.05", "人民币伍分"),
    ("0.10", "人民币壹角整"),
    ("0.11", "人民币壹角壹分"),
    ("0.50", "人民币伍角整"),
    ("0.99", "人民币玖角玖分"),
    # small whole amounts
    ("1", "人民币壹元整"),
    ("10", "人民币壹拾元整"),
    ("11", "人民币壹拾壹元整"),
    ("15", "人民币壹拾伍元整"),
    ("20", "人民币贰拾元整"),
    ("99", "人民币玖拾玖元整"),
    ("100", "人民币壹佰元整"),
    ("101", "人民币壹佰零壹元整"),
    ("110", "人民币壹佰壹拾元整"),
    ("560", "人民币伍佰陆拾元整"),
    ("1000", "人民币壹仟元整"),
    ("1001", "人民币壹仟零壹元整"),
    ("1002", "人民币壹仟零贰元整"),
    ("1010", "人民币壹仟零壹拾元整"),
    ("1100", "人民币壹仟壹佰元整"),
    ("3680", "人民币叁仟陆佰捌拾元整"),
    # jiao and fen after yuan
    ("1.01", "人民币壹元零壹分"),
    ("1.10", "人民币壹元壹角整"),
    ("1.11", "人民币壹元壹角壹分"),
    ("10.05", "人民币壹拾元零伍分"),
    ("10.50", "人民币壹拾元零伍角整"),
    ("100.01", "人民币壹佰元零壹分"),
    ("105.30", "人民币壹佰零伍元叁角整"),
    ("1020.30", "人民币壹仟零贰拾元零叁角整"),
    ("1234.56", "人民币壹仟贰佰叁拾肆元伍角陆分"),
    # the 万 section
    ("10000", "人民币壹万元整"),
    ("10001", "人民币壹万零壹元整"),
    ("10005", "人民币壹万零伍元整"),
    ("10010", "人民币壹万零壹拾元整"),
    ("10200", "人民币壹万零贰佰元整"),
    ("12000", "人民币壹万贰仟元整"),
    ("20010", "人民币贰万零壹拾元整"),
    ("30000", "人民币叁万元整"),
    ("50000.50", "人民币伍万元零伍角整"),
    ("60000.06", "人民币陆万元零陆分"),
    ("100000", "人民币壹拾万元整"),
    ("100001", "人民币壹拾万零壹元整"),
    ("1000000", "人民币壹佰万元整"),
    ("1000010", "人民币壹佰万零壹拾元整"),
    ("1000000.01", "人民币壹佰万元零壹分"),
    ("1001000", "人民币壹佰万壹仟元整"),
    ("1100000", "人民币壹佰壹拾万元整"),
    ("10000000", "人民币壹仟万元整"),
    ("10000100", "人民币壹仟万零壹佰元整"),
    ("10100000", "人民币壹仟零壹拾万元整"),
    ("12345678.90", "人民币壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角整"),
    # the 亿 section
    ("100000000", "人民币壹亿元整"),
    ("100000001", "人民币壹亿零壹元整"),
    ("100000010", "人民币壹亿零壹拾元整"),
    ("100001000", "人民币壹亿零壹仟元整"),
    ("100010000", "人民币壹亿零壹万元整"),
    ("100100000", "人民币壹亿零壹拾万元整"),
    ("101000000", "人民币壹亿零壹佰万元整"),
    ("110000000", "人民币壹亿壹仟万元整"),
    ("120003400", "人民币壹亿贰仟万叁仟肆佰元整"),
    ("1000000000", "人民币壹拾亿元整"),
    ("2000000000", "人民币贰拾亿元整"),
    ("200000000000", "人民币贰仟亿元整"),
    ("999999999999.99", "人民币玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
    # reversals
    ("-1", "人民币负壹元整"),
    ("-0.50", "人民币负伍角整"),
    ("-123.45", "人民币负壹佰贰拾叁元肆角伍分"),
]


def yuan_to_fen(yuan: str) -> int:
    """Test-side reading of a plain ``-123.45``, independent of money.parse_fen."""
    sign = -1 if yuan.startswith("-") else 1
    whole, _, frac = yuan.lstrip("-").partition(".")
    return sign * (int(whole) * 100 + int(frac.ljust(2, "0")))


def test_the_golden_table_is_big_and_has_no_repeats() -> None:
    amounts = [yuan for yuan, _ in CAPITALS]
    assert len(CAPITALS) >= 60
    assert len(set(amounts)) == len(amounts)
    assert len({yuan_to_fen(yuan) for yuan in amounts}) == len(amounts)


@pytest.mark.parametrize(("yuan", "expected"), CAPITALS)
def test_capitals_golden(yuan: str, expected: str) -> None:
    assert fen_to_capitals(yuan_to_fen(yuan)) == expected


@pytest.mark.parametrize("fen", [MAX_CAPITALS_FEN + 1, -MAX_CAPITALS_FEN - 1, 10**20])
def test_capitals_refuse_ten_thousand_yi_and_more(fen: int) -> None:
    with pytest.raises(ValueError):
        fen_to_capitals(fen)


def test_capitals_limit_is_just_below_ten_thousand_yi() -> None:
    assert MAX_CAPITALS_FEN == yuan_to_fen("999999999999.99")
    assert fen_to_capitals(-MAX_CAPITALS_FEN).startswith("人民币负玖仟玖佰玖拾玖亿")


# An independent reader of capitals, to check any amount says what it should.
_DIGIT_VALUE = {ch: i for i, ch in enumerate("零壹贰叁肆伍陆柒捌玖")}
_PLACE_VALUE = {"拾": 10, "佰": 100, "仟": 1000}
_SECTION_VALUE = {"万": 10**4, "亿": 10**8}


def read_capitals(text: str) -> int:
    assert text.startswith("人民币")
    body = text.removeprefix("人民币")
    sign = -1 if body.startswith("负") else 1
    body = body.removeprefix("负").removesuffix("整")
    whole_text, has_yuan, cents_text = body.rpartition("元")
    if not has_yuan:
        whole_text, cents_text = "", body
    total = section = digit = 0
    for ch in whole_text:
        if ch in _DIGIT_VALUE:
            digit = _DIGIT_VALUE[ch]
        elif ch in _PLACE_VALUE:
            assert digit, f"a place unit without a digit in {text}"
            section, digit = section + digit * _PLACE_VALUE[ch], 0
        else:
            total += (section + digit) * _SECTION_VALUE[ch]
            section = digit = 0
    yuan = total + section + digit
    match = re.fullmatch(r"零?(?:(.)角)?(?:(.)分)?", cents_text)
    assert match is not None, text
    jiao = _DIGIT_VALUE[match[1]] if match[1] else 0
    fen = _DIGIT_VALUE[match[2]] if match[2] else 0
    return sign * (yuan * 100 + jiao * 10 + fen)


@pytest.mark.parametrize(("yuan", "expected"), CAPITALS)
def test_the_test_reader_agrees_with_the_golden_table(yuan: str, expected: str) -> None:
    assert read_capitals(expected) == yuan_to_fen(yuan)


@given(st.integers(min_value=-MAX_CAPITALS_FEN, max_value=MAX_CAPITALS_FEN))
def test_capitals_properties(fen: int) -> None:
    text = fen_to_capitals(fen)
    assert text.startswith("人民币")
    assert "零零" not in text
    assert read_capitals(text) == fen
    assert text.endswith(("整", "分"))
    assert ("负" in text) == (fen < 0)
    if fen != 0:
        # zeros at the end of a section are not read
        assert not re.search("零[万亿元整]", text), text
        assert not text.endswith("零")
    whole, cents = divmod(abs(fen), 100)
    assert ("元" in text) == (whole != 0 or fen == 0)
    assert text.endswith("整") == (cents % 10 == 0)


@given(st.integers(min_value=0, max_value=10**8 - 1))
def test_capitals_of_small_amounts_use_only_the_voucher_characters(fen: int) -> None:
    assert set(fen_to_capitals(fen)) <= set("人民币零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整")


# --- reading what clerks type ---------------------------------------------------------

ACCEPTED: list[tuple[str | int, int]] = [
    ("1,234.5", 123450),
    ("1234.50元", 123450),
    ("１２３４", 123400),
    ("１，２３４．５６", 123456),
    ("¥1234", 123400),
    ("￥1,234.00", 123400),
    ("¥ 12", 1200),
    ("  1234.5 元  ", 123450),
    ("\u30001234\u3000", 123400),
    ("\u3000￥１２３４．５\u3000元\u3000", 123450),
    ("1234.5 元", 123450),
    ("0", 0),
    ("0.00", 0),
    ("0.01", 1),
    ("0.1", 10),
    (".5", 50),
    ("5.", 500),
    ("012", 1200),
    ("1.230", 123),
    ("1.2300000", 123),
    ("999", 99900),
    ("1,000", 100000),
    ("1,234,567.89", 123456789),
    ("10,000,000,000.00", MAX_FEN),
    ("10000000000", MAX_FEN),
    (1234, 123400),
    (0, 0),
    (10**10, MAX_FEN),
]


@pytest.mark.parametrize(("text", "fen"), ACCEPTED)
def test_accepted(text: str | int, fen: int) -> None:
    assert check_amount(text) == (fen, [])
    assert parse_fen(text) == fen
    assert is_amount(text)


REFUSED: list[tuple[str | int, str]] = [
    ("", "money_required"),
    ("   ", "money_required"),
    ("\u3000", "money_required"),
    ("-5", "money_negative"),
    ("－5", "money_negative"),
    ("−5", "money_negative"),
    ("-¥5", "money_negative"),
    ("¥-5", "money_negative"),
    ("-0.01", "money_negative"),
    ("-1,234.50元", "money_negative"),
    (-1, "money_negative"),
    ("1.234", "money_fraction_of_fen"),
    ("0.001", "money_fraction_of_fen"),
    ("１．２３４", "money_fraction_of_fen"),
    ("12.3451", "money_fraction_of_fen"),
    ("abc", "money_not_number"),
    ("12,34", "money_not_number"),
    ("1,2345", "money_not_number"),
    ("1,234,56", "money_not_number"),
    (",123", "money_not_number"),
    ("1,234,", "money_not_number"),
    ("1.2.3", "money_not_number"),
    ("1 234", "money_not_number"),
    ("1e3", "money_not_number"),
    ("五元", "money_not_number"),
    ("12元5", "money_not_number"),
    ("¥", "money_not_number"),
    ("元", "money_not_number"),
    (".", "money_not_number"),
    ("--5", "money_not_number"),
    ("-", "money_not_number"),
    ("+5", "money_not_number"),
    ("١٢٣", "money_not_number"),  # Arabic-Indic digits are digits to Python, not to us
    (True, "money_not_number"),
    ("10000000000.01", "money_too_large"),
    ("99999999999", "money_too_large"),
    ("1" + "0" * 5000, "money_too_large"),
    (10**10 + 1, "money_too_large"),
]


@pytest.mark.parametrize(("text", "code"), REFUSED)
def test_refused(text: str | int, code: str) -> None:
    fen, problems = check_amount(text)
    assert fen is None
    assert [p.code for p in problems] == [code]
    assert all(p.is_error for p in problems)
    assert not is_amount(text)
    with pytest.raises(InvalidInput) as caught:
        parse_fen(text)
    assert caught.value.problems == problems


def test_every_refusal_code_is_covered() -> None:
    assert {code for _, code in REFUSED} == {c for c in MESSAGES if c.startswith("money_")}


def test_problems_carry_the_value_as_typed_and_read_in_chinese() -> None:
    _, problems = check_amount(" ￥1.234元 ")
    assert problems[0].params == {"value": "￥1.234元"}
    assert describe(problems[0]) == "金额“￥1.234元”最多只能到分（两位小数）"
    _, problems = check_amount("－5")
    assert describe(problems[0]) == "金额“－5”不能为负数"
    _, problems = check_amount("12,34")
    assert describe(problems[0]).startswith("“12,34”不是有效金额")
    _, problems = check_amount("99999999999")
    assert describe(problems[0]).startswith("金额“99999999999”过大")
    _, problems = check_amount("")
    assert describe(problems[0]) == "金额不能为空"


def test_the_too_large_message_matches_the_limit() -> None:
    assert MAX_FEN == 100 * 10**8 * 100  # 100亿元 in fen, as the message says
    assert "100亿元" in MESSAGES["money_too_large"]


# --- formatting -----------------------------------------------------------------------

FORMATTED: list[tuple[int, str, str]] = [
    (0, "0.00", "0.00"),
    (1, "0.01", "0.01"),
    (10, "0.10", "0.10"),
    (100, "1.00", "1.00"),
    (99999, "999.99", "999.99"),
    (100000, "1,000.00", "1000.00"),
    (123450, "1,234.50", "1234.50"),
    (1234567, "12,345.67", "12345.67"),
    (123456789, "1,234,567.89", "1234567.89"),
    (MAX_FEN, "10,000,000,000.00", "10000000000.00"),
    (-1, "-0.01", "-0.01"),
    (-123450, "-1,234.50", "-1234.50"),
    (-100000000, "-1,000,000.00", "-1000000.00"),
]


@pytest.mark.parametrize(("fen", "with_commas", "plain"), FORMATTED)
def test_format(fen: int, with_commas: str, plain: str) -> None:
    assert format_fen(fen) == with_commas
    assert format_fen(fen, separators=False) == plain
    assert fen_to_yuan_str(fen) == plain


@given(st.integers(min_value=0, max_value=MAX_FEN))
def test_format_then_parse_round_trips(fen: int) -> None:
    assert parse_fen(format_fen(fen)) == fen
    assert parse_fen(fen_to_yuan_str(fen)) == fen
    assert parse_fen(format_fen(fen) + "元") == fen


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_format_matches_integer_arithmetic(fen: int) -> None:
    text = fen_to_yuan_str(fen)
    assert re.fullmatch(r"-?(0|[1-9][0-9]*)\.[0-9]{2}", text)
    assert yuan_to_fen(text) == fen
    assert format_fen(fen).replace(",", "") == text


def test_the_module_never_uses_float() -> None:
    source = Path(money.__file__).read_text("utf-8")
    assert "float" not in source.replace("never floats", "")
