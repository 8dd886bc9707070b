"""Just enough of China's administrative division codes (GB/T 2260) to judge an address code.

The first six digits of an ID number name the county where it was first issued. A clerk in
Suining mostly sees local numbers, so the table is detailed close to home and coarse far away:

* every province-level prefix (two digits), including Taiwan, Hong Kong and Macau;
* every prefecture of Hunan (four digits);
* every current county-level unit of Shaoyang (six digits), Suining's prefecture.

Codes change (邵东县 430521 became 邵东市 430582 in 2019, and Suining itself was 432626 before
1986), and an old ID card keeps the code it was issued with, so an unknown code is only ever a
reason to look twice, never a refusal.
"""

from __future__ import annotations

from typing import Final, Literal

AreaStatus = Literal["known", "unknown", "old_suining"]

SUINING_CODE: Final = "430527"
SUINING_OLD_CODE: Final = "432626"  # 邵阳地区绥宁县, before the 1986 reorganisation
HUNAN_PREFIX: Final = "43"
SHAOYANG_PREFIX: Final = "4305"

PROVINCES: Final[dict[str, str]] = {
    "11": "北京市",
    "12": "天津市",
    "13": "河北省",
    "14": "山西省",
    "15": "内蒙古自治区",
    "21": "辽宁省",
    "22": "吉林省",
    "23": "黑龙江省",
    "31": "上海市",
    "32": "江苏省",
    "33": "浙江省",
    "34": "安徽省",
    "35": "福建省",
    "36": "江西省",
    "37": "山东省",
    "41": "河南省",
    "42": "湖北省",
    "43": "湖南省",
    "44": "广东省",
    "45": "广西壮族自治区",
    "46": "海南省",
    "50": "重庆市",
    "51": "四川省",
    "52": "贵州省",
    "53": "云南省",
    "54": "西藏自治区",
    "61": "陕西省",
    "62": "甘肃省",
    "63": "青海省",
    "64": "宁夏回族自治区",
    "65": "新疆维吾尔自治区",
    "71": "台湾省",
    "81": "香港特别行政区",
    "82": "澳门特别行政区",
}

HUNAN_PREFECTURES: Final[dict[str, str]] = {
    "4301": "长沙市",
    "4302": "株洲市",
    "4303": "湘潭市",
    "4304": "衡阳市",
    "4305": "邵阳市",
    "4306": "岳阳市",
    "4307": "常德市",
    "4308": "张家界市",
    "4309": "益阳市",
    "4310": "郴州市",
    "4311": "永州市",
    "4312": "怀化市",
    "4313": "娄底市",
    "4331": "湘西土家族苗族自治州",
}

SHAOYANG_COUNTIES: Final[dict[str, str]] = {
    "430502": "双清区",
    "430503": "大祥区",
    "430511": "北塔区",
    "430522": "新邵县",
    "430523": "邵阳县",
    "430524": "隆回县",
    "430525": "洞口县",
    "430527": "绥宁县",
    "430528": "新宁县",
    "430529": "城步苗族自治县",
    "430581": "武冈市",
    "430582": "邵东市",
}


def _is_code6(code: str) -> bool:
    return len(code) == 6 and code.isascii() and code.isdigit()


def area_status(code6: str) -> AreaStatus:
    """Whether a six-digit address code names a current division.

    Inside Shaoyang the county must be one of today's; elsewhere in Hunan the prefecture must
    exist; outside Hunan only the province is checked. A code ending in ``0000`` (a province
    itself) or, in Hunan, in ``00`` (a prefecture itself) is accepted: early cards used them.
    Suining's pre-1986 code is reported separately as ``"old_suining"``.
    """
    if not _is_code6(code6):
        return "unknown"
    if code6 == SUINING_OLD_CODE:
        return "old_suining"
    if code6[:2] not in PROVINCES:
        return "unknown"
    if code6[:2] != HUNAN_PREFIX or code6[2:] == "0000":
        return "known"
    if code6[:4] not in HUNAN_PREFECTURES:
        return "unknown"
    if code6[:4] != SHAOYANG_PREFIX or code6[4:] == "00":
        return "known"
    return "known" if code6 in SHAOYANG_COUNTIES else "unknown"


def county_name(code: str) -> str | None:
    """The county-level name of a Shaoyang code (Suining's old code included), else None."""
    if code == SUINING_OLD_CODE:
        return SHAOYANG_COUNTIES[SUINING_CODE]
    return SHAOYANG_COUNTIES.get(code)


def area_name(code6: str) -> str | None:
    """The most precise name the table knows for an address code, e.g. "湖南省邵阳市绥宁县"."""
    if not _is_code6(code6) or code6[:2] not in PROVINCES:
        return None
    name = PROVINCES[code6[:2]]
    if code6 == SUINING_OLD_CODE:
        return name + HUNAN_PREFECTURES[SHAOYANG_PREFIX] + SHAOYANG_COUNTIES[SUINING_CODE]
    prefecture = HUNAN_PREFECTURES.get(code6[:4])
    if prefecture is not None:
        name += prefecture
    county = SHAOYANG_COUNTIES.get(code6)
    if county is not None:
        name += county
    return name
