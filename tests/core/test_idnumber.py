"""ID numbers (GB 11643-1999) and the address-code table they are judged against."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from suining_desk.domain import divisions, idnumber
from suining_desk.domain.idnumber import (
    IdInfo,
    age_on,
    check_char,
    check_id_number,
    is_valid,
    make_id_number,
    mask,
    normalize,
    parse_id_number,
)
from suining_desk.domain.messages import MESSAGES, describe
from suining_desk.domain.problems import InvalidInput, Problem, Severity

TODAY = dt.date(2024, 6, 1)

# An independent reference: the weights are 2**(17 - i) mod 11, the check value is
# (12 - sum mod 11) mod 11, written as X when it is 10.
REF_WEIGHTS = [pow(2, 17 - i, 11) for i in range(17)]


def ref_check(first17: str) -> str:
    value = (12 - sum(int(d) * w for d, w in zip(first17, REF_WEIGHTS, strict=True)) % 11) % 11
    return "X" if value == 10 else str(value)


def codes(problems: list[Problem]) -> list[str]:
    return [p.code for p in problems]


def test_reference_weights_match_the_standard_table() -> None:
    assert REF_WEIGHTS == [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    assert list(idnumber.WEIGHTS) == REF_WEIGHTS


def test_standard_example() -> None:
    info, problems = check_id_number("11010519491231002X", today=TODAY)
    assert problems == []
    assert info == IdInfo("11010519491231002X", dt.date(1949, 12, 31), "女", "110105", False)
    assert check_char("11010519491231002") == "X"


def test_a_suining_number_checked_by_hand() -> None:
    # 4*7 + 3*9 + 0*10 + 5*5 + 2*8 + 7*4 + 1*2 + 9*1 + 8*6 + 0*3 + 0*7 + 1*9 + 0*10 + 1*5
    # + 0*8 + 0*4 + 1*2 = 199; 199 mod 11 = 1; "10X98765432"[1] = "0".
    assert check_char("43052719800101001") == "0"
    info = parse_id_number("430527198001010010", today=TODAY)
    assert info.sex == "男"
    assert info.birth_date == dt.date(1980, 1, 1)
    assert info.address_code == divisions.SUINING_CODE
    assert not info.converted_from_15


@pytest.mark.parametrize(
    "first17",
    ["43052719800101001", "43052720050229002", "43052119570718123", "81000019991231999",
     "43052719000101000", "12345619991231007"],
)
def test_check_char_agrees_with_the_reference(first17: str) -> None:
    assert check_char(first17) == ref_check(first17)


def test_check_char_refuses_anything_but_17_digits() -> None:
    for bad in ["", "1234567890123456", "123456789012345678", "1234567890123456X"]:
        with pytest.raises(ValueError):
            check_char(bad)


@pytest.mark.parametrize(
    "typed",
    [
        "11010519491231002x",
        " 110105 19491231 002X ",
        "\u3000１１０１０５１９４９１２３１００２ｘ\u3000",
        "110105\t19491231\n002X",
        "１１０１０５ 1949 1231 ００２Ｘ",
    ],
)
def test_full_width_spaced_and_lower_case_input(typed: str) -> None:
    assert normalize(typed) == "11010519491231002X"
    info, problems = check_id_number(typed, today=TODAY)
    assert problems == []
    assert info is not None and info.number == "11010519491231002X"


def test_female_and_male_from_the_order_code() -> None:
    male = make_id_number("430527", dt.date(1990, 5, 6), 12, True)
    female = make_id_number("430527", dt.date(1990, 5, 6), 12, False)
    assert parse_id_number(male, TODAY).sex == "男"
    assert parse_id_number(female, TODAY).sex == "女"


@pytest.mark.parametrize("blank", ["", "   ", "\u3000", "\t\n"])
def test_id_required(blank: str) -> None:
    info, problems = check_id_number(blank, today=TODAY)
    assert info is None and codes(problems) == ["id_required"]
    assert describe(problems[0]) == "身份证号码不能为空"


@pytest.mark.parametrize("typed", ["1234", "11010519491231002", "11010519491231002X1"])
def test_id_bad_length(typed: str) -> None:
    info, problems = check_id_number(typed, today=TODAY)
    assert info is None and codes(problems) == ["id_bad_length"]
    assert problems[0].params == {"value": typed, "length": len(typed)}
    assert describe(problems[0]) == f"身份证号码应为18位（输入了{len(typed)}位）"


@pytest.mark.parametrize(
    "typed",
    ["1101051949123100XX", "X1010519491231002X", "11010519491231002Y", "11010519491231-02X",
     "11010519491231002٣", "11010549123100X"],
)
def test_id_bad_chars(typed: str) -> None:
    info, problems = check_id_number(typed, today=TODAY)
    assert info is None and codes(problems) == ["id_bad_chars"]


@pytest.mark.parametrize(
    "birth", ["19490230", "19491301", "19490000", "18791231", "00000000", "20230229"]
)
def test_id_bad_birth_date(birth: str) -> None:
    first17 = "430527" + birth + "001"
    number = first17 + ref_check(first17)
    info, problems = check_id_number(number, today=TODAY)
    assert info is None and codes(problems) == ["id_bad_birth_date"]
    assert problems[0].params["birth"] == birth
    assert "出生日期" in describe(problems[0])


def test_earliest_birth_year_is_1880() -> None:
    assert is_valid(make_id_number("430527", dt.date(1880, 1, 1), 1, True))


def test_id_future_birth_is_relative_to_today() -> None:
    number = make_id_number("430527", dt.date(2024, 6, 2), 3, False)
    info, problems = check_id_number(number, today=TODAY)
    assert info is None and codes(problems) == ["id_future_birth"]
    assert problems[0].params["birth"] == "2024-06-02"
    info, problems = check_id_number(number, today=dt.date(2024, 6, 2))
    assert info is not None and problems == []


def test_id_bad_checksum() -> None:
    info, problems = check_id_number("110105194912310021", today=TODAY)
    assert info is None and codes(problems) == ["id_bad_checksum"]
    assert problems[0].params == {"value": "110105194912310021", "expected": "X"}
    assert describe(problems[0]) == "身份证号码“110105194912310021”校验位错误，最后一位应为X"


def test_errors_are_errors_and_warnings_are_warnings() -> None:
    _, errors = check_id_number("1234", today=TODAY)
    assert all(p.severity is Severity.ERROR for p in errors)
    _, warnings = check_id_number("432626800101001", today=TODAY)
    assert warnings and all(p.severity is Severity.WARNING for p in warnings)


def test_15_digit_number_is_converted() -> None:
    old = "430527800101001"
    info, problems = check_id_number(old, today=TODAY)
    assert info is not None
    assert info.number == "430527198001010010"
    assert info.converted_from_15
    assert info.birth_date == dt.date(1980, 1, 1) and info.sex == "男"
    assert codes(problems) == ["id_converted_from_15"]
    assert problems[0].severity is Severity.WARNING
    assert problems[0].params == {"old": old, "new": "430527198001010010"}
    assert describe(problems[0]) == "15位旧身份证号码已转换为18位：430527198001010010"


def test_15_digit_number_with_impossible_date() -> None:
    info, problems = check_id_number("430527800230002", today=TODAY)
    assert info is None and codes(problems) == ["id_bad_birth_date"]


def test_unknown_area_is_a_warning() -> None:
    for code in ["990000", "000000", "433000", "430521", "430599", "192345"]:
        number = make_id_number(code, dt.date(1970, 3, 4), 5, True)
        info, problems = check_id_number(number, today=TODAY)
        assert info is not None, code
        assert codes(problems) == ["id_unknown_area"], code
        assert problems[0].severity is Severity.WARNING
        assert problems[0].params == {"code": code}
        assert code in describe(problems[0])


def test_suining_old_code_is_its_own_warning() -> None:
    number = make_id_number("432626", dt.date(1962, 8, 9), 40, False)
    info, problems = check_id_number(number, today=TODAY)
    assert info is not None and info.address_code == "432626"
    assert codes(problems) == ["id_old_area_code"]
    assert problems[0].params == {"code": "432626", "current": "430527"}
    assert describe(problems[0]) == "身份证号码的地区码432626是绥宁县1986年前的旧代码（现为430527）"


def test_parse_raises_invalid_input_with_the_errors() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_id_number("110105194912310021", today=TODAY)
    assert codes(caught.value.problems) == ["id_bad_checksum"]


def test_is_valid() -> None:
    assert is_valid("11010519491231002X")
    assert is_valid("432626800101001")  # warnings still accept the number
    assert not is_valid("110105194912310021")
    assert not is_valid("")


def test_mask() -> None:
    assert mask("430527198001011234") == "430527********1234"
    assert mask("11010519491231002x") == "110105********002X"
    assert mask("430527800101001") == "430527********0010"
    assert mask("12345") == "*****"
    assert mask("") == ""


def test_age_on() -> None:
    info = parse_id_number("11010519491231002X", today=TODAY)
    assert age_on(info, dt.date(2019, 12, 30)) == 69
    assert age_on(info, dt.date(2019, 12, 31)) == 70
    leap = dt.date(2004, 2, 29)
    assert age_on(leap, dt.date(2022, 2, 28)) == 17
    assert age_on(leap, dt.date(2022, 3, 1)) == 18
    assert age_on(leap, dt.date(2024, 2, 29)) == 20


def test_make_id_number_refuses_bad_input() -> None:
    with pytest.raises(ValueError):
        make_id_number("43052", dt.date(1990, 1, 1), 1, True)
    with pytest.raises(ValueError):
        make_id_number("430527", dt.date(1990, 1, 1), 1000, True)
    with pytest.raises(ValueError):
        make_id_number("430527", dt.date(1990, 1, 1), -1, False)


def test_make_id_number_gives_500_distinct_numbers_per_sex() -> None:
    birth = dt.date(1975, 7, 7)
    for male in (True, False):
        numbers = {make_id_number("430527", birth, seq, male) for seq in range(500)}
        assert len(numbers) == 500


def test_every_id_code_has_chinese_wording() -> None:
    for code in ["id_required", "id_bad_length", "id_bad_chars", "id_bad_birth_date",
                 "id_future_birth", "id_bad_checksum", "id_converted_from_15",
                 "id_unknown_area", "id_old_area_code"]:
        assert code in MESSAGES


# --- divisions ---------------------------------------------------------------------------


def test_division_table_sizes() -> None:
    assert len(divisions.PROVINCES) == 34
    assert {"71", "81", "82"} <= divisions.PROVINCES.keys()
    assert len(divisions.HUNAN_PREFECTURES) == 14
    assert len(divisions.SHAOYANG_COUNTIES) == 12


@pytest.mark.parametrize(
    ("code", "status"),
    [
        ("430527", "known"),
        ("432626", "old_suining"),
        ("430582", "known"),
        ("430521", "unknown"),  # 邵东县 before 2019
        ("430500", "known"),  # the prefecture itself
        ("430102", "known"),
        ("433101", "known"),
        ("431401", "unknown"),
        ("430000", "known"),
        ("110105", "known"),
        ("820000", "known"),
        ("710000", "known"),
        ("000000", "unknown"),
        ("720000", "unknown"),
        ("43052", "unknown"),
        ("43O527", "unknown"),
    ],
)
def test_area_status(code: str, status: str) -> None:
    assert divisions.area_status(code) == status


def test_county_name() -> None:
    assert divisions.county_name("430527") == "绥宁县"
    assert divisions.county_name("432626") == "绥宁县"
    assert divisions.county_name("430529") == "城步苗族自治县"
    assert divisions.county_name("110105") is None
    assert divisions.area_name("430527") == "湖南省邵阳市绥宁县"
    assert divisions.area_name("110105") == "北京市"
    assert divisions.area_name("990000") is None


# --- properties --------------------------------------------------------------------------

births = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2025, 12, 31))
valid_numbers = st.builds(
    make_id_number,
    st.sampled_from(["430527", "432626", "110105", "430582", "990000"]),
    births,
    st.integers(0, 999),
    st.booleans(),
)


@given(birth=births, seq=st.integers(0, 999), male=st.booleans(),
       code=st.sampled_from(sorted(divisions.SHAOYANG_COUNTIES)))
def test_made_numbers_validate_with_their_birth_date_and_sex(
    birth: dt.date, seq: int, male: bool, code: str
) -> None:
    number = make_id_number(code, birth, seq, male)
    assert number[17] == ref_check(number[:17])
    info, problems = check_id_number(number, today=dt.date(2026, 1, 1))
    assert problems == []
    assert info is not None
    assert info.number == number
    assert info.birth_date == birth
    assert info.sex == ("男" if male else "女")
    assert info.address_code == code


@given(number=valid_numbers, position=st.integers(0, 17), data=st.data())
def test_changing_any_single_character_is_detected(
    number: str, position: int, data: st.DataObject
) -> None:
    alphabet = "0123456789X" if position == 17 else "0123456789"
    replacement = data.draw(st.sampled_from([c for c in alphabet if c != number[position]]))
    changed = number[:position] + replacement + number[position + 1 :]
    assert not is_valid(changed)


@given(st.text(alphabet=st.sampled_from(list("0123456789xX ０１９ｘＸａ\u3000\t"))) | st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert not any(ch.isspace() for ch in once)
    assert "x" not in once
