"""绥宁县 and its 17 townships, as published: the county every database describes.

Codes: county 430527; townships 430527100, 430527101 … in the published order (villages add
three digits to their township's code, groups two to their village's). A new official
database starts with these (:mod:`suining_desk.services.new_database`); the demo county adds
invented villages under them (:mod:`suining_desk.demo.areas`).
"""

from __future__ import annotations

COUNTY_CODE = "430527"
COUNTY_NAME = "绥宁县"
OLD_COUNTY_CODE = "432626"  # before 1986; old ID cards still carry it

# The 17 townships as published in 2012 (towns, ethnic townships, township).
TOWNSHIPS: tuple[str, ...] = (
    "长铺镇", "武阳镇", "李熙桥镇", "红岩镇", "唐家坊镇", "金屋塘镇", "瓦屋塘镇", "黄土矿镇",
    "寨市苗族侗族乡", "长铺子苗族侗族乡", "东山侗族乡", "鹅公岭侗族苗族乡", "乐安铺苗族侗族乡",
    "关峡苗族乡", "麻塘苗族瑶族乡", "河口苗族乡", "水口乡",
)
COUNTY_SEAT = "长铺镇"


def township_code(index: int) -> str:
    return f"{COUNTY_CODE}{100 + index}"
