"""A small readable fixture county shared by core and UI tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from suining_desk.db.models import Area


def id_number(birth: str, seq: int, male: bool, area: str = "430527") -> str:
    """A valid 18-character ID number (GB 11643) built independently of the core."""
    year, month, day = (int(x) for x in birth.split("-"))
    seq3 = seq * 2 + (1 if male else 0)
    body = f"{area}{year:04d}{month:02d}{day:02d}{seq3 % 1000:03d}"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(d) * w for d, w in zip(body, weights, strict=True))
    return body + "10X98765432"[total % 11]


@dataclass(frozen=True)
class FixtureCounty:
    county: Area
    changpu: Area  # 长铺镇
    wuyang: Area  # 武阳镇
    qingshi: Area  # 青石村 (长铺镇)
    fengmu: Area  # 枫木村 (武阳镇)
    qingshi_1: Area  # 青石村一组
    qingshi_2: Area
    fengmu_1: Area


def build_county() -> FixtureCounty:
    county = Area.create(code="430527", name="绥宁县", level=1)
    changpu = Area.create(code="430527100", name="长铺镇", level=2, parent=county, sort_order=1)
    wuyang = Area.create(code="430527101", name="武阳镇", level=2, parent=county, sort_order=2)
    qingshi = Area.create(code="430527100001", name="青石村", level=3, parent=changpu)
    fengmu = Area.create(code="430527101001", name="枫木村", level=3, parent=wuyang)
    q1 = Area.create(code="43052710000101", name="一组", level=4, parent=qingshi, sort_order=1)
    q2 = Area.create(code="43052710000102", name="二组", level=4, parent=qingshi, sort_order=2)
    f1 = Area.create(code="43052710100101", name="一组", level=4, parent=fengmu, sort_order=1)
    return FixtureCounty(county, changpu, wuyang, qingshi, fengmu, q1, q2, f1)


TODAY = dt.date(2018, 12, 1)
