"""Pinyin search keys: every reading of every character, initials, query matching."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypinyin import Style, lazy_pinyin

from suining_desk.domain.search_keys import is_pinyin_query, like_patterns, matches, name_keys, normalize_query


def _tokens(name: str, **kwargs: int) -> tuple[list[str], list[str]]:
    full, initials = name_keys(name, **kwargs)
    return full.split(), initials.split()


def test_zeng_is_indexed_under_both_readings_default_first() -> None:
    assert name_keys("曾伟") == ("cengwei zengwei", "cw zw")


@pytest.mark.parametrize(
    "query", ["zw", "cw", "zengwei", "cengwei", "zeng", "Zeng Wei", "曾伟", "伟", "z"]
)
def test_zeng_wei_is_found(query: str) -> None:
    assert matches("曾伟", query)


@pytest.mark.parametrize("query", ["sx", "dx", "cx", "shanxiong", "danxiong", "chanxiong"])
def test_shan_xiong_is_found_by_every_reading_of_the_surname(query: str) -> None:
    assert matches("单雄", query)


def test_zhang_wei() -> None:
    assert matches("张伟", "zhangwei") and matches("张伟", "zw") and matches("张伟", "zhang")
    assert not matches("张伟", "cw") and not matches("张伟", "wei") and not matches("张伟", "")


@pytest.mark.parametrize(
    ("surname", "readings"),
    [
        ("曾", ["zeng", "ceng"]), ("单", ["shan", "dan", "chan"]), ("解", ["xie", "jie"]),
        ("仇", ["qiu", "chou"]), ("区", ["ou", "qu"]), ("查", ["zha", "cha"]),
        ("朴", ["piao", "pu"]), ("尉", ["yu", "wei"]), ("乐", ["yue", "le"]),
        ("盖", ["ge", "gai"]), ("覃", ["qin", "tan"]), ("翟", ["zhai", "di"]),
        ("缪", ["miao", "mou"]), ("长", ["chang", "zhang"]), ("重", ["chong", "zhong"]),
    ],
)
def test_every_surname_reading_is_indexed(surname: str, readings: list[str]) -> None:
    full, initials = _tokens(surname + "明")
    for reading in readings:
        assert reading + "ming" in full
        assert reading[0] + "m" in initials


def test_lv_is_spelled_with_v_and_with_u() -> None:
    assert name_keys("吕") == ("lv lu", "l")
    for query in ["lv", "lu", "lvbu", "lubu", "lb"]:
        assert matches("吕布", query)
    assert "nv" in _tokens("女")[0] and "nu" in _tokens("女")[0]


def test_non_chinese_characters_pass_through_lower_cased() -> None:
    full, initials = _tokens("阿依古丽·买买提")
    assert "ayigulimaimaiti" in full and "ayglmmt" in initials
    assert all("·" not in key for key in full + initials)
    assert _tokens("王Ａ2 b")[0][0] == "wanga2b"
    assert name_keys("Tom 李") == ("tomli", "toml")
    assert matches("阿依古丽·买买提", "古丽") and matches("Tom 李", "TOM")


@pytest.mark.parametrize("name", ["", "   ", "·", "（）"])
def test_a_name_without_letters_has_no_keys(name: str) -> None:
    assert name_keys(name) == ("", "")


def test_combinations_are_capped_surname_readings_and_default_first() -> None:
    name = "朴乐长重曾单查翟"  # eight polyphones: thousands of spellings
    default = "".join(lazy_pinyin(name, style=Style.NORMAL))
    full, initials = _tokens(name, max_keys=5)
    assert len(full) == 5 and len(initials) == 5
    assert full[0] == default
    assert full[1:3] == ["piao" + default[2:], "po" + default[2:]]
    assert initials[0] == "".join(s[0] for s in lazy_pinyin(name))
    big_full, big_initials = _tokens(name)
    assert len(big_full) == 32 and len(big_initials) == 32
    assert big_full[:5] == full  # the cap cuts the same stable order
    assert name_keys(name) == name_keys(name)
    with pytest.raises(ValueError):
        name_keys(name, max_keys=0)


def test_keys_are_deduplicated() -> None:
    full, initials = _tokens("长长")  # zhang/chang twice: four spellings, four initials
    assert len(full) == len(set(full)) == 4
    assert sorted(initials) == ["cc", "cz", "zc", "zz"]
    assert name_keys("吕吕") == ("lvlv lulv lvlu lulu", "ll")
    assert _tokens("曾曾")[1] == ["cc", "zc", "cz", "zz"]


def test_normalize_query() -> None:
    assert normalize_query("Zeng Wei") == "zengwei"
    assert normalize_query("  ＺＥＮＧ\u3000ｗｅｉ ") == "zengwei"
    assert normalize_query("Xi'an") == normalize_query("xi’an") == "xian"
    assert normalize_query(" 曾 伟 ") == "曾伟"
    assert normalize_query("４３０５２７１９８００１０１１２３Ｘ") == "43052719800101123x"


def test_is_pinyin_query() -> None:
    assert is_pinyin_query("zw") and is_pinyin_query(" Zeng Wei ") and is_pinyin_query("ＺＷ")
    assert not is_pinyin_query("曾伟") and not is_pinyin_query("1234")
    assert not is_pinyin_query("zw1") and not is_pinyin_query("") and not is_pinyin_query("é")


def test_like_patterns() -> None:
    assert like_patterns(" ZW ") == ["zw%", "% zw%"]
    assert like_patterns("  ") == []
    assert like_patterns("a_b%") == ["a\\_b\\%%", "% a\\_b\\%%"]


NAMES = ["曾伟", "单雄", "张伟", "吕布", "曾小军", "李秀英", "长重", "阿依古丽·买买提", "王Ａ2 b",
         "覃"]
QUERIES = ["zw", "cw", "zengwei", "cengwei", "sx", "xiong", "lu", "lb", "zz", "ch", "cz", "w",
           "lxy", "maimaiti", "wa", "wanga2", "a_", "%", "q", "tan", "xiaojun", "zxj"]


def test_like_patterns_on_stored_keys_agree_with_the_reference_matcher() -> None:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE p (name TEXT, full TEXT, initials TEXT)")
    db.executemany("INSERT INTO p VALUES (?, ?, ?)", [(n, *name_keys(n)) for n in NAMES])
    for query in QUERIES:
        where = " OR ".join(f"{col} LIKE ? ESCAPE '\\'" for col in ("full", "initials")
                            for _ in like_patterns(query))
        found = {row[0] for row in db.execute(f"SELECT name FROM p WHERE {where}",
                                              like_patterns(query) * 2)}
        assert found == {n for n in NAMES if matches(n, query)}, query


ALPHABET = "曾单长重庆乐查行吕女解朴伟华明国建强中"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=10))
def test_pypinyins_default_reading_is_always_among_the_keys(name: str) -> None:
    full, initials = _tokens(name)
    default = lazy_pinyin(name, style=Style.NORMAL)
    assert full[0] == "".join(default)
    assert initials[0] == "".join(s[0] for s in default)
    assert len(full) == len(set(full)) <= 32 and len(initials) == len(set(initials)) <= 32
    assert all(key.isascii() and key.isalpha() and key.islower() for key in full + initials)
    assert matches(name, "".join(default)) and matches(name, name[-1])


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=ALPHABET + "ab1· ", max_size=6), st.integers(min_value=1, max_value=40))
def test_every_key_matches_and_the_cap_holds(name: str, max_keys: int) -> None:
    full, initials = _tokens(name, max_keys=max_keys)
    assert len(full) <= max_keys and len(initials) <= max_keys
    assert all(matches(name, key) for key in full[:3] + initials[:3])
