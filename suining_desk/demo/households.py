"""The demo poverty register: households in every group, their members, numbers,
ID numbers, status (most exited 2015–2019), poverty causes, bank cards and phones.

Ids are assigned here in insertion order; household numbers are the village code
plus four digits (4305271000010001), person numbers the household number plus two.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from suining_desk.demo.areas import AreaPlan, GroupNode
from suining_desk.demo.families import FamilyBuilder, Member, random_day
from suining_desk.demo.names import NamePicker
from suining_desk.demo.weighted import Weighted, randint
from suining_desk.domain.idnumber import make_id_number
from suining_desk.reference.areas import COUNTY_CODE, OLD_COUNTY_CODE

BANK_NAMES = Weighted([("绥宁县农村信用合作联社", 0.85), ("中国邮政储蓄银行绥宁县支行", 0.15)])
PHONE_PREFIXES = ("130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151",
                  "152", "153", "155", "156", "158", "159", "177", "180", "182", "186", "187",
                  "188", "189", "199")
STATUS = Weighted([("exited", 0.84), ("poor", 0.07), ("monitored", 0.09)])
EXIT_YEAR = Weighted([(2015, 0.10), (2016, 0.22), (2017, 0.30), (2018, 0.28), (2019, 0.10)])
OTHER_CAUSES = Weighted([("0", 0.35), ("1", 0.45), ("2", 0.20)])
CAUSE_WEIGHTS = Weighted([
    ("因病", 0.16), ("因残", 0.06), ("因学", 0.08), ("因灾", 0.02), ("缺土地", 0.04),
    ("缺水", 0.01), ("缺技术", 0.18), ("缺劳力", 0.10), ("缺资金", 0.22), ("交通条件落后", 0.06),
    ("自身发展动力不足", 0.07),
])

EXIT_REASON = "达到脱贫标准（一超过、两不愁、三保障）"
MONITOR_REASON = "收入不稳定，纳入防止返贫监测"
REMOVAL_REASON = "精准识别回头看：不符合建档立卡条件，予以清退"


@dataclass(slots=True)
class HouseholdRec:
    id: int
    household_no: str
    group: GroupNode
    members: list[Member]
    alone: bool
    registered_on: dt.date
    status: str = "poor"
    exit_year: int | None = None
    main_cause: str = ""
    other_causes: str = ""
    phone: str = ""
    bank_name: str = ""
    bank_account: str = ""
    removed_on: dt.date | None = None
    removal_reason: str = ""
    dibao: bool = False
    tekun: bool = False
    # (old status, new status, year, date, reason) in the order they happened
    status_changes: list[tuple[str, str, int | None, dt.date, str]] = field(default_factory=list)

    @property
    def head(self) -> Member:
        return self.members[0]

    def active_members(self) -> list[Member]:
        """Members neither dead nor removed (what member_count counts)."""
        return [m for m in self.members if m.death is None and m.removed is None]

    def present_on(self, day: dt.date) -> bool:
        return self.removed_on is None or self.removed_on > day


class IdAllocator:
    """Distinct ID numbers: one sequence per (address code, birth date, sex)."""

    def __init__(self) -> None:
        self._next: dict[tuple[str, dt.date, bool], int] = {}

    def issue(self, code: str, birth: dt.date, male: bool) -> str:
        key = (code, birth, male)
        seq = self._next.get(key, 1)
        self._next[key] = seq + 1
        return make_id_number(code, birth, seq, male)


def _split(total: int, weights: list[float]) -> list[int]:
    """``total`` split in proportion to ``weights`` (largest remainders), summing exactly."""
    scale = total / sum(weights)
    raw = [w * scale for w in weights]
    counts = [int(r) for r in raw]
    short = total - sum(counts)
    by_remainder = sorted(range(len(raw)), key=lambda i: (counts[i] - raw[i], i))
    for i in by_remainder[:short]:
        counts[i] += 1
    return counts


def _main_cause(rng: random.Random, h: HouseholdRec) -> str:
    health = {m.health for m in h.members}
    if "患有大病" in health and rng.random() < 0.7:
        return "因病"
    if "残疾" in health and rng.random() < 0.65:
        return "因残"
    students = sum(1 for m in h.members if m.schooling.endswith("在读"))
    if students >= 2 and rng.random() < 0.45:
        return "因学"
    if h.alone and rng.random() < 0.6:
        return "缺劳力"
    return CAUSE_WEIGHTS.pick(rng)


def _causes(rng: random.Random, h: HouseholdRec) -> None:
    h.main_cause = _main_cause(rng, h)
    others: dict[str, None] = {}
    wanted = int(OTHER_CAUSES.pick(rng))
    for _ in range(wanted * 3):
        if len(others) >= wanted:
            break
        cause = CAUSE_WEIGHTS.pick(rng)
        if cause != h.main_cause:
            others.setdefault(cause)
    h.other_causes = "、".join(others)


def _status(rng: random.Random, h: HouseholdRec, removal_share: float) -> None:
    reg_year = h.registered_on.year
    if rng.random() < removal_share:
        h.status = "ordinary"
        h.removed_on = random_day(rng, max(dt.date(2016, 6, 1), h.registered_on),
                                  dt.date(2017, 12, 31))
        h.removal_reason = REMOVAL_REASON
        h.status_changes.append(("poor", "ordinary", None, h.removed_on, REMOVAL_REASON))
        return
    h.status = STATUS.pick(rng)
    if h.status == "poor":
        return
    year = max(EXIT_YEAR.pick(rng), reg_year)
    exit_day = random_day(rng, dt.date(year, 11, 1), dt.date(year, 12, 25))
    h.status_changes.append(("poor", "exited", year, exit_day, EXIT_REASON))
    if h.status == "exited":
        h.exit_year = year
    else:
        watch_day = random_day(rng, dt.date(2020, 6, 1), dt.date(2020, 11, 30))
        h.status_changes.append(("exited", "monitored", 2020, watch_day, MONITOR_REASON))


def build_register(
    rng: random.Random,
    plan: AreaPlan,
    households: int,
    *,
    alone_share: float = 0.03,
    removal_share: float = 0.004,
    old_code_share: float = 0.04,
    tick: Callable[[float], None] = lambda done: None,
) -> list[HouseholdRec]:
    """Every household of the plan's groups with its members, ids and numbers;
    ``tick(fraction done)`` is called every few groups (it may raise to stop)."""
    groups = plan.groups
    counts = _split(households, [0.6 + 0.8 * rng.random() for _ in groups])
    names = NamePicker(rng)
    families = FamilyBuilder(rng, names)
    ids = IdAllocator()
    result: list[HouseholdRec] = []
    person_id = 0
    per_village: dict[int, int] = {}
    village_code = {v.id: v.code for v in plan.villages}
    for index, (group, count) in enumerate(zip(groups, counts, strict=True)):
        if index % 50 == 0:
            tick(index / len(groups))
        for _ in range(count):
            seq = per_village.get(group.village_id, 0) + 1
            per_village[group.village_id] = seq
            alone = rng.random() < alone_share
            if rng.random() < 0.85:
                registered = random_day(rng, dt.date(2014, 4, 1), dt.date(2014, 10, 31))
            else:
                year = randint(rng, 2015, 2017)
                registered = random_day(rng, dt.date(year, 9, 1), dt.date(year, 11, 30))
            h = HouseholdRec(
                len(result) + 1, f"{village_code[group.village_id]}{seq:04d}", group,
                families.build(alone=alone), alone, registered,
            )
            _status(rng, h, removal_share)
            _causes(rng, h)
            if rng.random() < 0.85:
                h.phone = rng.choice(PHONE_PREFIXES) + f"{int(rng.random() * 1e8):08d}"
            h.bank_name = BANK_NAMES.pick(rng)
            h.bank_account = f"8103{h.id:09d}{int(rng.random() * 1e6):06d}"
            for index, m in enumerate(h.members, start=1):
                person_id += 1
                m.id = person_id
                m.person_no = f"{h.household_no}{index:02d}"
                old = m.birth.year < 1986 and rng.random() < old_code_share
                m.id_number = ids.issue(OLD_COUNTY_CODE if old else COUNTY_CODE, m.birth, m.male)
            result.append(h)
    return result
