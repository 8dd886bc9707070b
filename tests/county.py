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


def _area(code: str, name: str, level: int, parent: Area | None = None, sort_order: int = 0) -> Area:
    """The area with this code: the one already there (a database ``init`` seeded has the
    county and its townships), or a new one."""
    found = Area.get_or_none(Area.code == code)
    if found is not None:
        assert (found.name, found.level) == (name, level)
        return found
    return Area.create(code=code, name=name, level=level, parent=parent, sort_order=sort_order)


def build_county() -> FixtureCounty:
    """The county into the open database (a copy of the first build, when it is empty)."""
    from tests.templates import from_template

    return from_template("county", _build_county)


def _build_county() -> FixtureCounty:
    county = _area("430527", "绥宁县", 1)
    changpu = _area("430527100", "长铺镇", 2, county, 1)
    wuyang = _area("430527101", "武阳镇", 2, county, 2)
    qingshi = _area("430527100001", "青石村", 3, changpu)
    fengmu = _area("430527101001", "枫木村", 3, wuyang)
    q1 = _area("43052710000101", "一组", 4, qingshi, 1)
    q2 = _area("43052710000102", "二组", 4, qingshi, 2)
    f1 = _area("43052710100101", "一组", 4, fengmu, 1)
    return FixtureCounty(county, changpu, wuyang, qingshi, fengmu, q1, q2, f1)


TODAY = dt.date(2018, 12, 1)
