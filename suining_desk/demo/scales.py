"""How big each demo is: ``small`` (one township) and ``county`` (the whole county)."""

from __future__ import annotations

from dataclasses import dataclass

from suining_desk.reference.areas import COUNTY_SEAT, TOWNSHIPS


@dataclass(frozen=True)
class ScaleSpec:
    townships_with_villages: tuple[str, ...]  # the other townships get no villages
    villages_per_township: tuple[int, int]  # inclusive range
    groups_per_village: tuple[int, int]
    households: int
    relocations: int
    grade_d: int
    grade_c: int
    payments: int | None  # exact number of payment rows; None: as many as it comes to
    one_offs_per_household: float  # one-off payments when ``payments`` is None
    dibao_base: float  # chance of a household being on 低保 (more if ill or disabled)
    disability_share: float  # disabled people receiving 残疾人两项补贴
    student_aid_share: float  # students receiving 助学补助 (雨露计划: nearly all)
    rangers_per_year: int  # 生态护林员, 2017 and 2018
    failure_rate: float  # monthly payments returned by the bank (reversed, reissued)


SCALES: dict[str, ScaleSpec] = {
    "small": ScaleSpec(
        townships_with_villages=(COUNTY_SEAT,), villages_per_township=(8, 8),
        groups_per_village=(6, 9), households=310, relocations=30, grade_d=40, grade_c=26,
        payments=None, one_offs_per_household=0.8, dibao_base=0.08, disability_share=0.5,
        student_aid_share=0.3, rangers_per_year=4, failure_rate=0.002,
    ),
    "county": ScaleSpec(
        townships_with_villages=TOWNSHIPS, villages_per_township=(13, 17),
        groups_per_village=(8, 12), households=100_000, relocations=3_765, grade_d=7_888,
        grade_c=5_096, payments=1_000_000, one_offs_per_household=0.0, dibao_base=0.08,
        disability_share=0.5, student_aid_share=0.3, rangers_per_year=267,
        failure_rate=0.0002,
    ),
}
