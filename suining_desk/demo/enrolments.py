"""Who receives what: enrolments in the regular programs (低保, 特困供养, 残疾人两项补贴,
生态护林员) and the students who get per-term aid (助学补助, 雨露计划) — enrolled too, one
enrolment per school stage for 助学补助 (the stage is its category), so a household's file
lists what it is paid for.

Sets the households' ``dibao`` and ``tekun`` flags (enrolled at the end of 2018).
Tekun (五保) households are old people living alone and never also on 低保.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from suining_desk.demo.families import Member
from suining_desk.demo.households import HouseholdRec
from suining_desk.demo.ledger import terms
from suining_desk.demo.weighted import Weighted, randint

PAY_FROM = dt.date(2016, 1, 1)
DIBAO_CATEGORY = Weighted([("A", 0.15), ("B", 0.45), ("C", 0.40)])
DIBAO_END_REASON = "家庭收入超过低保标准，退出低保"
REMOVED_END_REASON = "清退出建档立卡，终止享受"
DEATH_END_REASON = "死亡"
LEFT_END_REASON = "迁出"
RANGER_ELIGIBLE_WORK = ("", "乡镇内务工", "县内务工")
FIRST_YEAR, LAST_YEAR = 2016, 2018  # the years the demo pays
EDUCATION_STAGES = ("学前", "小学", "初中", "高中", "大学")
VOCATIONAL_STAGES = ("中职", "高职")
STAGE_END_REASON = "学段结束"


@dataclass(slots=True)
class Enrol:
    id: int
    program: str
    household: HouseholdRec
    person: Member | None
    category: str
    people: int
    start: dt.date
    end: dt.date | None = None
    end_reason: str = ""


@dataclass
class Beneficiaries:
    enrolments: list[Enrol]
    students: list[tuple[HouseholdRec, Member]]  # per-term aid, both programs
    rangers: dict[int, list[tuple[HouseholdRec, Member]]]  # by year


def _month_start(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    """The first day of a month between ``first`` and ``last`` (both firsts of months)."""
    months = (last.year - first.year) * 12 + last.month - first.month
    k = first.month - 1 + randint(rng, 0, months)
    return dt.date(first.year + k // 12, k % 12 + 1, 1)


def _start(rng: random.Random, h: HouseholdRec, share_before: float) -> dt.date:
    if rng.random() < share_before:
        start = _month_start(rng, dt.date(2014, 7, 1), dt.date(2015, 12, 1))
    else:
        start = _month_start(rng, dt.date(2016, 2, 1), dt.date(2018, 10, 1))
    reg = h.registered_on
    floor = dt.date(reg.year + (reg.month == 12), reg.month % 12 + 1, 1)
    return max(start, floor)


class _Enroller:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.rows: list[Enrol] = []

    def add(self, program: str, h: HouseholdRec, person: Member | None, category: str,
            start: dt.date) -> Enrol | None:
        """A new enrolment from ``start``; None if the household or person is gone by then."""
        if not h.present_on(start) or (person is not None and not person.present_on(start)):
            return None
        people = 1 if person is not None else sum(1 for m in h.members if m.present_on(start))
        enrol = Enrol(len(self.rows) + 1, program, h, person, category, max(people, 1), start)
        if h.removed_on is not None:
            enrol.end, enrol.end_reason = h.removed_on, REMOVED_END_REASON
        if person is not None and person.death is not None:
            enrol.end, enrol.end_reason = person.death, DEATH_END_REASON
        elif person is not None and person.removed is not None:
            enrol.end, enrol.end_reason = person.removed, LEFT_END_REASON
        self.rows.append(enrol)
        return enrol


def _dibao_chance(h: HouseholdRec, base: float) -> float:
    chance = base
    if any(m.health in ("患有大病", "残疾") for m in h.members):
        chance += 0.10
    if h.status == "poor":
        chance += 0.05
    return chance


def choose_beneficiaries(
    rng: random.Random, register: list[HouseholdRec], *, dibao_base: float,
    disability_share: float, student_aid_share: float, rangers_per_year: int,
) -> Beneficiaries:
    enroller = _Enroller(rng)
    students: list[tuple[HouseholdRec, Member]] = []
    for h in register:
        if h.alone and rng.random() < 0.8:
            enrol = enroller.add("tekun", h, None, "", _start(rng, h, 0.9))
            h.tekun = enrol is not None and enrol.end is None
        elif rng.random() < _dibao_chance(h, dibao_base):
            severe = any(m.health == "患有大病" or 0 < m.disability_grade <= 2 for m in h.members)
            category = "A" if severe and rng.random() < 0.6 else DIBAO_CATEGORY.pick(rng)
            enrol = enroller.add("dibao", h, None, category, _start(rng, h, 0.7))
            if enrol is not None and enrol.end is None and rng.random() < 0.10:
                end = _month_start(rng, dt.date(2016, 7, 1), dt.date(2018, 12, 1))
                if end > enrol.start + dt.timedelta(days=180):
                    enrol.end, enrol.end_reason = end - dt.timedelta(days=1), DIBAO_END_REASON
            h.dibao = enrol is not None and enrol.end is None
        for m in h.members:
            if m.health == "残疾" and rng.random() < disability_share:
                if m.disability_grade <= 2:
                    category = "两项" if rng.random() < 0.75 else "护理"
                else:
                    category = "生活"
                start = PAY_FROM if rng.random() < 0.85 else _start(rng, h, 0.0)
                enroller.add("disability", h, m, category, start)
            if m.high_track or m.college_track or m.preschool:
                vocational = m.high_track == "中职" or m.college_track == "高职"
                if rng.random() < (0.9 if vocational else student_aid_share):
                    students.append((h, m))
    rangers = _rangers(rng, register, enroller, rangers_per_year)
    for program, stages in (("education", EDUCATION_STAGES), ("yulu", VOCATIONAL_STAGES)):
        for h, m in students:
            _enrol_student(enroller, program, stages, h, m)
    return Beneficiaries(enroller.rows, students, rangers)


def _enrol_student(enroller: _Enroller, program: str, stages: tuple[str, ...], h: HouseholdRec,
                   m: Member) -> None:
    """One enrolment per run of terms in ``stages`` (for 助学补助, per stage: its category),
    from the first such term's start to the last one's end; open if it runs to the demo's end."""
    runs: list[tuple[str, dt.date, dt.date]] = []  # category, first day, last day
    for period, school_year in terms(FIRST_YEAR, LAST_YEAR):
        stage = m.stage(school_year)
        if stage not in stages:
            continue
        category = stage if program == "education" else ""
        if runs and runs[-1][0] == category and runs[-1][2] + dt.timedelta(days=62) >= period.start:
            runs[-1] = (category, runs[-1][1], period.end)
        else:
            runs.append((category, period.start, period.end))
    last_term_end = terms(FIRST_YEAR, LAST_YEAR)[-1][0].end
    for category, start, end in runs:
        enrol = enroller.add(program, h, m, category, start)
        if enrol is not None and end < last_term_end and (enrol.end is None or end < enrol.end):
            enrol.end, enrol.end_reason = end, STAGE_END_REASON


def _ranger_ok(h: HouseholdRec, m: Member, year: int) -> bool:
    age = year - m.birth.year
    return (
        25 <= age <= 58 and m.labour in ("普通劳动力", "技能劳动力")
        and m.work_status in RANGER_ELIGIBLE_WORK and m.present_on(dt.date(year, 12, 31))
        and h.present_on(dt.date(year, 12, 31))
    )


def _rangers(
    rng: random.Random, register: list[HouseholdRec], enroller: _Enroller, per_year: int
) -> dict[int, list[tuple[HouseholdRec, Member]]]:
    """267 a year in the county (2017 and 2018); most 2017 rangers serve again in 2018."""
    pool = [(h, m) for h in register for m in h.members if _ranger_ok(h, m, 2017)]
    first = sorted(rng.sample(pool, min(per_year, len(pool))), key=lambda hm: hm[1].id)
    kept = [hm for hm in first if rng.random() < 0.85 and _ranger_ok(*hm, 2018)]
    taken = {m.id for _, m in first}
    fresh = [hm for hm in pool if hm[1].id not in taken and _ranger_ok(*hm, 2018)]
    second = kept + rng.sample(fresh, min(per_year - len(kept), len(fresh)))
    second.sort(key=lambda hm: hm[1].id)
    kept_ids = {m.id for _, m in kept}
    for h, m in first:
        enrol = enroller.add("ranger", h, m, "", dt.date(2017, 1, 1))
        if enrol is not None and m.id not in kept_ids:
            enrol.end, enrol.end_reason = dt.date(2017, 12, 31), "聘期届满，未续聘"
    for h, m in second:
        if m.id not in kept_ids:
            enroller.add("ranger", h, m, "", dt.date(2018, 1, 1))
    return {2017: first, 2018: second}
