"""Families of the demo county: who lives in a household, how old, how healthy,
at school or at work, and who died or left during 2016–2018.

Members are built head first; ages follow relations (a child is 20–36 years younger
than its mother, a grandchild younger again, a parent 22–34 years older than the head).
Heads never die or leave, so every household keeps exactly one living 户主.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from suining_desk.demo.names import NamePicker
from suining_desk.demo.weighted import Weighted, randint
from suining_desk.domain.enums import HEAD

REF_YEAR = 2018  # ages, schooling and labour are as of the 2018 school year
EVENTS_FROM = dt.date(2016, 1, 1)  # deaths and departures happen in 2016–2018
EVENTS_TO = dt.date(2018, 12, 20)

ETHNICITY = Weighted([("苗族", 0.38), ("汉族", 0.36), ("侗族", 0.23), ("瑶族", 0.03)])
HEAD_AGE = Weighted(
    [((25, 34), 0.10), ((35, 44), 0.20), ((45, 54), 0.27), ((55, 64), 0.23),
     ((65, 74), 0.14), ((75, 86), 0.06)]
)
CHILDREN = Weighted([(0, 0.04), (1, 0.20), (2, 0.44), (3, 0.32)])
GRANDCHILDREN = Weighted([(0, 0.22), (1, 0.45), (2, 0.33)])

HEALTH_CHILD = Weighted([("健康", 0.975), ("长期慢性病", 0.008), ("患有大病", 0.004),
                         ("残疾", 0.013)])
HEALTH_ADULT = Weighted([("健康", 0.84), ("长期慢性病", 0.085), ("患有大病", 0.03),
                         ("残疾", 0.045)])
HEALTH_ELDER = Weighted([("健康", 0.50), ("长期慢性病", 0.36), ("患有大病", 0.08),
                         ("残疾", 0.06)])
HEALTH_ALONE = Weighted([("健康", 0.25), ("长期慢性病", 0.42), ("患有大病", 0.13),
                         ("残疾", 0.20)])
DISABILITY_KIND = Weighted([("肢体", 0.45), ("视力", 0.12), ("听力", 0.10), ("言语", 0.04),
                            ("智力", 0.12), ("精神", 0.12), ("多重", 0.05)])
DISABILITY_GRADE = Weighted([(1, 0.15), (2, 0.30), (3, 0.30), (4, 0.25)])
GRADE_TEXT = {1: "一级", 2: "二级", 3: "三级", 4: "四级"}

EDUCATION_BY_COHORT = (  # (born before, weights)
    (1950, Weighted([("文盲或半文盲", 0.50), ("小学", 0.45), ("初中", 0.05)])),
    (1966, Weighted([("文盲或半文盲", 0.20), ("小学", 0.55), ("初中", 0.22), ("高中", 0.03)])),
    (1981, Weighted([("文盲或半文盲", 0.05), ("小学", 0.35), ("初中", 0.50), ("高中", 0.09),
                     ("大专及以上", 0.01)])),
    (9999, Weighted([("小学", 0.15), ("初中", 0.60), ("高中", 0.18), ("大专及以上", 0.07)])),
)
HIGH_TRACK = Weighted([("高中", 0.55), ("中职", 0.30), ("", 0.15)])
COLLEGE_AFTER_HIGH = Weighted([("大学", 0.35), ("高职", 0.25), ("", 0.40)])
COLLEGE_AFTER_VOCATIONAL = Weighted([("高职", 0.25), ("", 0.75)])
WORK = Weighted([("省外务工", 0.38), ("省内县外务工", 0.14), ("县内务工", 0.16),
                 ("乡镇内务工", 0.07), ("", 0.25)])

# What a stage is called in the 在校生状况 and 文化程度 columns.
SCHOOLING_LABEL = {
    "学前": "学前教育", "小学": "小学在读", "初中": "初中在读", "高中": "高中在读",
    "中职": "中职在读", "大学": "大学在读", "高职": "高职在读",
}
EDUCATION_LABEL = {
    "学前": "学龄前儿童", "小学": "小学", "初中": "初中", "高中": "高中", "中职": "高中",
    "大学": "大专及以上", "高职": "大专及以上",
}


@dataclass(slots=True)
class Member:
    name: str
    male: bool
    birth: dt.date
    relation: str
    ethnicity: str
    health: str = "健康"
    disability: str = ""
    disability_grade: int = 0
    education: str = ""
    schooling: str = ""
    labour: str = ""
    work_status: str = ""
    preschool: bool = False
    high_track: str = ""  # 高中 / 中职 / '' (none)
    college_track: str = ""  # 大学 / 高职 / ''
    death: dt.date | None = None
    removed: dt.date | None = None
    removal_reason: str = ""
    id: int = 0
    id_number: str = ""
    person_no: str = ""

    def present_on(self, day: dt.date) -> bool:
        """Born before ``day``, and neither dead nor gone by then."""
        if self.birth >= day:
            return False
        if self.death is not None and self.death <= day:
            return False
        return self.removed is None or self.removed > day

    def stage(self, school_year: int) -> str:
        """School stage in the school year starting in September of ``school_year``."""
        b = self.birth
        age = school_year - b.year - (1 if (b.month, b.day) > (9, 1) else 0)
        if age < 3 or age > 21:
            return ""
        if age < 6:
            return "学前" if self.preschool else ""
        if age < 12:
            return "小学"
        if age < 15:
            return "初中"
        if age < 18:
            return self.high_track
        if self.college_track == "大学" or (self.college_track == "高职" and age < 21):
            return self.college_track
        return ""


def iso(day: dt.date | None) -> str | None:
    """A date as stored (ISO text), None stays None."""
    return day.isoformat() if day is not None else None


def random_day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    """A day in ``[start, end]``."""
    return dt.date.fromordinal(randint(rng, start.toordinal(), end.toordinal()))


class FamilyBuilder:
    """Builds one household's members at a time from a shared ``random.Random``."""

    def __init__(self, rng: random.Random, names: NamePicker) -> None:
        self._rng = rng
        self._names = names
        self._year_start = {y: dt.date(y, 1, 1).toordinal() for y in range(1900, REF_YEAR + 2)}

    def _born(self, year: int) -> dt.date:
        start = self._year_start[year]
        days = self._year_start[year + 1] - start
        return dt.date.fromordinal(start + int(self._rng.random() * days))

    def _member(self, surname: str, male: bool, year: int, relation: str, eth: str) -> Member:
        name = self._names.full(surname, male, year)
        return Member(name, male, self._born(year), relation, eth)

    def build(self, *, alone: bool) -> list[Member]:
        """A household's members, head first; ``alone``: an old person living alone."""
        rng, names = self._rng, self._names
        eth = ETHNICITY.pick(rng)
        head_surname = names.surname()
        if alone:
            head = self._member(head_surname, rng.random() < 0.7, REF_YEAR - randint(rng, 58, 92),
                                HEAD, eth)
            self._describe(head, alone=True)
            return [head]
        lo, hi = HEAD_AGE.pick(rng)
        age = randint(rng, lo, hi)
        male = rng.random() < 0.88
        head_year = REF_YEAR - age
        head = self._member(head_surname, male, head_year, HEAD, eth)
        members = [head]
        father_surname = head_surname
        mother_year = head_year if not male else head_year + 3
        if rng.random() < (0.86 if age < 65 else 0.6):
            spouse_year = head_year + (randint(rng, 0, 6) if male else -randint(rng, 0, 6))
            spouse_surname = names.surname()
            spouse_eth = eth if rng.random() < 0.6 else ETHNICITY.pick(rng)
            members.append(self._member(spouse_surname, not male, min(spouse_year, REF_YEAR - 20),
                                        "配偶", spouse_eth))
            if male:
                mother_year = members[-1].birth.year
            else:
                father_surname = spouse_surname
        elif not male:
            father_surname = names.surname()  # a widow's children carry their father's name
        self._children(members, father_surname, mother_year, eth)
        self._parents(members, head_surname, head_year, eth)
        if rng.random() < 0.015:  # an unmarried brother or sister of the head
            members.append(self._member(head_surname, rng.random() < 0.6,
                                        min(REF_YEAR - 16, head_year + randint(rng, -8, 8)),
                                        "其他", eth))
        for m in members:
            self._describe(m, alone=False)
        self._life_events(members)
        return members

    def _children(self, members: list[Member], surname: str, mother_year: int, eth: str) -> None:
        rng = self._rng
        for _ in range(CHILDREN.pick(rng)):
            year = mother_year + randint(rng, 20, 36)
            if year > REF_YEAR:
                continue
            age = REF_YEAR - year
            male = rng.random() < 0.52
            if age >= 22 and rng.random() > (0.70 if male else 0.28):
                continue  # grown up and gone: married out or a household of their own
            child = self._member(surname, male, year, "子" if male else "女", eth)
            members.append(child)
            if age < 24 or rng.random() > (0.7 if male else 0.4):
                continue
            # A married son (or a daughter whose husband moved in) and their children.
            in_law_surname = self._names.surname()
            in_law_year = year + (randint(rng, -1, 4) if male else randint(rng, -4, 1))
            members.append(self._member(in_law_surname, not male, in_law_year, "其他", eth))
            kids_surname = surname if male else in_law_surname
            kids_mother = in_law_year if male else year
            for _ in range(GRANDCHILDREN.pick(rng)):
                g_year = kids_mother + randint(rng, 21, 34)
                if g_year <= REF_YEAR:
                    members.append(self._member(kids_surname, rng.random() < 0.52, g_year,
                                                "孙子女", eth))

    def _parents(self, members: list[Member], surname: str, head_year: int, eth: str) -> None:
        rng = self._rng
        if REF_YEAR - head_year > 62:
            return
        r = rng.random()
        count = 2 if r < 0.13 else 1 if r < 0.42 else 0
        father_year = head_year - randint(rng, 24, 34)
        mother_year = father_year + randint(rng, 0, 5)
        if count == 2 and REF_YEAR - father_year <= 95:
            members.append(self._member(surname, True, father_year, "父母", eth))
            members.append(self._member(self._names.surname(), False, mother_year, "父母", eth))
        elif count == 1 and REF_YEAR - mother_year <= 97:
            if rng.random() < 0.35:
                members.append(self._member(surname, True, mother_year, "父母", eth))
            else:
                members.append(self._member(self._names.surname(), False, mother_year, "父母",
                                            eth))

    def _describe(self, m: Member, *, alone: bool) -> None:
        """Health, disability, schooling, education, labour and work of one member."""
        rng = self._rng
        age = REF_YEAR - m.birth.year
        table = HEALTH_ALONE if alone else (
            HEALTH_CHILD if age < 18 else HEALTH_ADULT if age < 60 else HEALTH_ELDER)
        m.health = table.pick(rng)
        if m.health == "残疾":
            m.disability_grade = DISABILITY_GRADE.pick(rng)
            m.disability = f"{DISABILITY_KIND.pick(rng)}残疾{GRADE_TEXT[m.disability_grade]}"
        if age <= 25:
            m.preschool = rng.random() < 0.75
            m.high_track = HIGH_TRACK.pick(rng)
            if m.high_track == "高中":
                m.college_track = COLLEGE_AFTER_HIGH.pick(rng)
            elif m.high_track == "中职":
                m.college_track = COLLEGE_AFTER_VOCATIONAL.pick(rng)
        stage = m.stage(REF_YEAR)
        if stage:
            m.schooling = SCHOOLING_LABEL[stage]
            m.education = EDUCATION_LABEL[stage]
        else:
            m.schooling = "" if age < 3 else "非在校生"
            if age < 7:
                m.education = "学龄前儿童"
            else:
                for before, weights in EDUCATION_BY_COHORT:
                    if m.birth.year < before:
                        m.education = weights.pick(rng)
                        break
                if age < 19 and m.education == "大专及以上":
                    m.education = "高中"
        if age < 16 or stage:
            m.labour = "无劳动力"
        elif m.health == "患有大病" or (m.health == "残疾" and m.disability_grade <= 2):
            m.labour = "丧失劳动力"
        elif age >= 65:
            m.labour = "无劳动力" if rng.random() < 0.6 else "弱劳动力或半劳动力"
        elif m.health != "健康":
            m.labour = "弱劳动力或半劳动力"
        else:
            m.labour = "普通劳动力" if rng.random() < 0.87 else "技能劳动力"
            m.work_status = WORK.pick(rng)

    def _life_events(self, members: list[Member]) -> None:
        """A few members died in 2016–2018, a few married out or moved away."""
        rng = self._rng
        for m in members[1:]:
            age = REF_YEAR - m.birth.year
            p_death = 0.12 if age >= 80 else 0.05 if age >= 70 else 0.02 if age >= 60 else 0.002
            if age >= 3 and rng.random() < p_death:
                m.death = random_day(rng, max(EVENTS_FROM, m.birth + dt.timedelta(days=400)),
                                     EVENTS_TO)
            elif m.relation == "女" and 19 <= age <= 32 and rng.random() < 0.06:
                m.removed = random_day(rng, EVENTS_FROM, EVENTS_TO)
                m.removal_reason = "婚出"
            elif m.relation == "子" and 20 <= age <= 40 and rng.random() < 0.02:
                m.removed = random_day(rng, EVENTS_FROM, EVENTS_TO)
                m.removal_reason = "分户迁出"
