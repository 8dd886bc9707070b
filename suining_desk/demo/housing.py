"""Relocation (易地扶贫搬迁, 2016–2018) and housing renovation (危房改造, 2014–2018).

Settlement sites per township: 县城 sites at the county seat, a 集镇 site in every
township seat, one or two 中心村 sites, and an 插花 (scattered) pseudo-site. Relocated
households are never also renovated (搬迁户不得重复享受危房改造); relocation housing is
at most 25 m² a person and the self-raised money at most ¥10,000.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import cast

from suining_desk.demo.areas import AreaPlan
from suining_desk.demo.families import iso, random_day
from suining_desk.demo.households import HouseholdRec
from suining_desk.demo.weighted import Weighted, randint
from suining_desk.reference.areas import COUNTY_SEAT

LAST_DAY = dt.date(2018, 12, 31)  # nothing in the demo happens later than this
AREA_PER_PERSON_X100 = 2500
SELF_RAISED_CAP_FEN = 1_000_000
SUBSIDY_PER_PERSON_FEN = 2_000_000  # relocation housing subsidy
# Renovation subsidy per household by grade, from the year it took effect (also written
# to the settings, so the program checks the demo against the same standards).
RENOVATION_STANDARDS = {"D": ((2014, 2_500_000), (2016, 3_500_000)), "C": ((2014, 800_000), (2016, 1_000_000))}


def renovation_standard(grade: str, year: int) -> int:
    return [fen for since, fen in RENOVATION_STANDARDS[grade] if since <= year][-1]

SITE_CHOICE = Weighted([("县城", 0.25), ("集镇", 0.30), ("中心村", 0.20), ("插花", 0.25)])
BATCH_YEAR = Weighted([(2016, 0.32), (2017, 0.40), (2018, 0.28)])
ORIGIN_REASON = Weighted([("地质灾害隐患点", 0.25), ("高寒边远山区", 0.35), ("生存条件恶劣", 0.25),
                          ("交通不便", 0.15)])
SELF_RAISED = Weighted([(0, 0.35), (300_000, 0.25), (500_000, 0.20), (800_000, 0.12),
                        (SELF_RAISED_CAP_FEN, 0.08)])
RENOVATION_YEAR = Weighted([(2014, 0.12), (2015, 0.18), (2016, 0.25), (2017, 0.25),
                            (2018, 0.20)])
D_METHOD = Weighted([("拆除重建", 0.78), ("无房户新建", 0.16), ("移民避险搬迁", 0.06)])
COUNTY_SITES = ("县城阳光新村安置区", "县城巫水家园安置区")

# Site row: id, name, township id, kind, capacity.
SiteRow = tuple[int, str, int, str, int]


@dataclass(frozen=True)
class HousingRows:
    sites: list[SiteRow]
    relocations: list[tuple[object, ...]]
    renovations: list[tuple[object, ...]]
    relocated_people: int


class _Sites:
    """Settlement sites and how many relocated households each received."""

    def __init__(self, rng: random.Random, plan: AreaPlan) -> None:
        self.rows: list[tuple[int, str, int, str]] = []  # id, name, township id, kind
        self.by_key: dict[tuple[str, int], list[int]] = {}
        self.load: dict[int, int] = {}
        seat = plan.township_named(COUNTY_SEAT)
        for name in COUNTY_SITES:
            self._add(name, seat.id, "县城", 0)
        for town in plan.townships:
            if not town.villages:
                continue
            self._add(f"{town.name}集镇安置点", town.id, "集镇", town.id)
            for village in rng.sample(town.villages, min(len(town.villages), randint(rng, 1, 2))):
                self._add(f"{village.name}中心村安置点", town.id, "中心村", town.id)
            self._add(f"{town.name}插花安置", town.id, "插花", town.id)

    def _add(self, name: str, township_id: int, kind: str, key_town: int) -> None:
        site_id = len(self.rows) + 1
        self.rows.append((site_id, name, township_id, kind))
        self.by_key.setdefault((kind, key_town), []).append(site_id)

    def pick(self, rng: random.Random, kind: str, township_id: int) -> int:
        """A site of ``kind`` for a household of the township (县城 sites serve all)."""
        ids = self.by_key[(kind, 0 if kind == "县城" else township_id)]
        site = ids[int(rng.random() * len(ids))]
        self.load[site] = self.load.get(site, 0) + 1
        return site

    def finished(self) -> list[SiteRow]:
        """Rows with a capacity a little above the households placed."""
        return [
            (site_id, name, town, kind, (self.load.get(site_id, 0) // 10 + 2) * 10)
            for site_id, name, town, kind in self.rows
        ]


def _relocation(rng: random.Random, h: HouseholdRec, sites: _Sites) -> tuple[object, ...]:
    g = h.group
    year = max(BATCH_YEAR.pick(rng), h.registered_on.year)
    kind = SITE_CHOICE.pick(rng)
    site = sites.pick(rng, kind, g.township_id)
    mode = "scattered" if kind == "插花" else "concentrated"
    per_person = rng.choice((2000, 2200, 2400, AREA_PER_PERSON_X100))
    plan_day = random_day(rng, dt.date(year, 3, 1), dt.date(year, 4, 30))
    people = sum(1 for m in h.active_members() if m.birth <= plan_day)  # a baby born later moves too,
    area = people * per_person  # but is not counted in the plan
    moved: dt.date | None = random_day(rng, dt.date(year + 1, 3, 1), dt.date(year + 1, 12, 31))
    if year == 2018:
        moved = random_day(rng, dt.date(2018, 10, 1), dt.date(2019, 3, 31))
    if moved is not None and moved > LAST_DAY:
        moved = None
    demolished = None
    if moved is not None:
        demolished = moved + dt.timedelta(days=randint(rng, 20, 200))
        if demolished > LAST_DAY:
            demolished = None
    status = "demolished" if demolished else "moved_in" if moved else "building"
    origin = f"{g.address[3:]}（{ORIGIN_REASON.pick(rng)}）"
    return (
        h.id, g.township_id, g.village_id, year, people, origin, site, mode, area,
        people * SUBSIDY_PER_PERSON_FEN, SELF_RAISED.pick(rng), iso(plan_day), iso(moved), iso(demolished),
        status,
    )


def _beneficiary(h: HouseholdRec) -> str:
    if h.tekun:
        return "分散供养特困人员"
    if h.dibao:
        return "低保户"
    if any(m.health == "残疾" for m in h.members):
        return "贫困残疾人家庭"
    return "建档立卡贫困户"


def _renovation(rng: random.Random, h: HouseholdRec, grade: str) -> tuple[object, ...]:
    g = h.group
    year = max(RENOVATION_YEAR.pick(rng), h.registered_on.year)
    if grade == "D":
        method = D_METHOD.pick(rng)
        standard = renovation_standard("D", year)
        area = randint(rng, 60, 120) * 100
    else:
        method = "修缮加固"
        standard = renovation_standard("C", year)
        area = randint(rng, 50, 130) * 100
    start = random_day(rng, dt.date(year, 3, 1), dt.date(year, 8, 31))
    completed: dt.date | None = start + dt.timedelta(days=randint(rng, 60, 180))
    accepted: dt.date | None = None
    if completed is not None and completed > LAST_DAY:
        completed = None
    if completed is not None:
        accepted = completed + dt.timedelta(days=randint(rng, 10, 60))
        if accepted > LAST_DAY:
            accepted = None
    status = "accepted" if accepted else "completed" if completed else "in_progress"
    return (
        h.id, g.township_id, g.village_id, year, _beneficiary(h), grade, method,
        "central" if rng.random() < 0.2 else "self", area, standard,
        standard if accepted else 0, iso(start),  # the subsidy is paid once accepted
        iso(completed), iso(accepted), "县住建局验收组" if accepted else "",
        "合格" if accepted else "", status,
    )


def build_housing(
    rng: random.Random, plan: AreaPlan, register: list[HouseholdRec], *,
    relocations: int, grade_d: int, grade_c: int,
) -> HousingRows:
    """Sites, relocations and renovations; relocated and renovated households are disjoint."""
    eligible = [h for h in register if h.removed_on is None]
    chosen = rng.sample(eligible, relocations + grade_d + grade_c)
    moving = sorted(chosen[:relocations], key=lambda h: h.id)
    d_grade = sorted(chosen[relocations : relocations + grade_d], key=lambda h: h.id)
    c_grade = sorted(chosen[relocations + grade_d :], key=lambda h: h.id)
    sites = _Sites(rng, plan)
    reloc_rows = [_relocation(rng, h, sites) for h in moving]
    reno_rows = [_renovation(rng, h, "D") for h in d_grade]
    reno_rows += [_renovation(rng, h, "C") for h in c_grade]
    reloc_rows.sort(key=lambda r: (r[3], r[0]))  # by batch year, then household
    reno_rows.sort(key=lambda r: (r[3], r[0]))
    return HousingRows(
        sites.finished(), reloc_rows, reno_rows, sum(cast(int, r[4]) for r in reloc_rows)
    )
