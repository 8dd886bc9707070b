"""Checks of relocation (易地扶贫搬迁) and renovation (危房改造) records, before anything is written.

Pure functions: the services gather the facts from the database into a context (the
household's members on the day, the caps in force, the household's other housing
benefit) and these return the problems. The dialogs call the same checks while the
clerk types, so a refusal is seen where it bites.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from suining_desk.domain.enums import (
    ACCEPTANCE_PASSED,
    RELOCATION_STATUS,
    RENOVATION_BENEFICIARIES,
    RENOVATION_BUILD_MODES,
    RENOVATION_GRADES,
    RENOVATION_METHODS,
    RENOVATION_STATUS,
    SETTLEMENT_MODES,
)
from suining_desk.domain.money import format_fen
from suining_desk.domain.problems import Problem, Severity
from suining_desk.rules.housing_facts import relocation_kind_problems, renovation_fact_problems

FIRST_RELOCATION_YEAR = 2014  # 易地扶贫搬迁 of the campaign years
FIRST_RENOVATION_YEAR = 2009  # 农村危房改造 in Hunan since 2009
MAX_TEXT = 200

RELOCATION_STEPS = {"planned": "building", "building": "moved_in", "moved_in": "demolished"}
RENOVATION_STEPS = {"planned": "in_progress", "in_progress": "completed", "completed": "accepted"}
STEP_DATES = {  # what the date of each step is called
    "building": "开工建设", "moved_in": "搬迁入住", "demolished": "旧房拆除",
    "in_progress": "开工", "completed": "竣工", "accepted": "验收",
}
REPAIR = "修缮加固"  # the C-grade method; the others rebuild (D grade)


@dataclass
class RelocationInput:
    household_id: int | None
    batch_year: int
    people: int
    mode: str = "concentrated"
    site_id: int | None = None
    origin: str = ""
    house_area_x100: int = 0
    subsidy_fen: int = 0
    self_raised_fen: int = 0
    plan_date: dt.date | None = None
    notes: str = ""
    override_reason: str = ""
    household_kind: str = ""  # 建档立卡 'registered' / 同步搬迁 'synchronous' ('' not recorded)


@dataclass
class RenovationInput:
    household_id: int | None
    year: int
    beneficiary_type: str
    grade: str
    method: str
    build_mode: str = "self"
    area_x100: int = 0
    standard_fen: int = 0
    subsidy_fen: int = 0
    notes: str = ""
    override_reason: str = ""
    appraised_by: str = ""  # the safety appraisal: who (unit or person) …
    appraised_on: dt.date | None = None  # … and when
    paid_on: dt.date | None = None  # the day the subsidy was paid


@dataclass(frozen=True)
class SiteFacts:
    name: str
    township_id: int
    kind: str
    capacity: int
    load: int  # relocated households already placed there, this record left out


@dataclass(frozen=True)
class HouseholdFacts:
    """What the rules need to know of the household behind a record."""

    household_no: str
    township_id: int
    removed: bool
    members_on_day: int
    day: dt.date  # the day the members were counted on
    other_benefits: tuple[str, ...] = ()  # the other housing program's records, as labels
    same_program: tuple[str, ...] = ()  # the household's other records of the same program
    may_override: bool = False


@dataclass(frozen=True)
class RelocationLimits:
    area_cap_x100: int  # per person
    self_raised_cap_fen: int  # per household
    subsidy_per_person_fen: int


@dataclass(frozen=True)
class RenovationState:
    status: str = "planned"
    acceptance_result: str = ""
    start_date: dt.date | None = None
    accepted_date: dt.date | None = None


@dataclass(frozen=True)
class StepFacts:
    """A record's status and the dates a step must not come before."""

    status: str
    floor_date: dt.date | None  # the previous step's date
    floor_label: str = ""
    missing: list[Problem] = field(default_factory=list)  # what the record lacks for this step


def m2(area_x100: int) -> str:
    whole, frac = divmod(area_x100, 100)
    return f"{whole}" if not frac else f"{whole}.{frac:02d}".rstrip("0")


_AREA = re.compile(r"^(\d{1,6})(?:\.(\d{1,2})0*)?$")
_AREA_UNITS = ("平方米", "平米", "㎡", "m²", "m2")
_FULL_WIDTH = {**{0xFF10 + i: ord("0") + i for i in range(10)}, ord("．"): ord(".")}


def check_area(text: str) -> tuple[int | None, list[Problem]]:
    """m² as typed (``75``, ``75.5``, ``75.50㎡``, full-width digits) → hundredths; blank is 0."""
    value = text.translate(_FULL_WIDTH).strip()
    for unit in _AREA_UNITS:
        if value.endswith(unit):
            value = value[: -len(unit)].strip()
            break
    if not value:
        return 0, []
    match = _AREA.match(value)
    if match is None:
        return None, [Problem("bad_area", {"value": text.strip()})]
    return int(match[1]) * 100 + int((match[2] or "0").ljust(2, "0")), []


def _yuan(fen: int) -> str:
    return format_fen(fen)


def _text(value: str, label: str, name: str, limit: int = MAX_TEXT) -> list[Problem]:
    if len(value.strip()) > limit:
        return [Problem("too_long", {"label": label, "max": limit}, field=name)]
    return []


def _household(h: HouseholdFacts | None, household_id: int | None) -> list[Problem]:
    if household_id is None or h is None:
        return [Problem("required", {"label": "农户"}, field="household")]
    if h.removed:
        return [Problem("household_removed", {"household_no": h.household_no}, field="household")]
    return []


def double_benefit(h: HouseholdFacts | None, override_reason: str, *, program: str) -> list[Problem]:
    """搬迁户不得重复享受危房改造 (and the other way round), unless a reviewer overrides."""
    if h is None or not h.other_benefits:
        return []
    params = {"household_no": h.household_no, "other": "、".join(h.other_benefits)}
    code = "double_benefit_relocated" if program == "renovation" else "double_benefit_renovated"
    reason = override_reason.strip()
    if not reason:
        return [Problem(code, params, field="override")]
    if not h.may_override:
        return [Problem("override_not_allowed", {}, field="override")]
    return [Problem("double_benefit_overridden", {**params, "reason": reason}, Severity.WARNING,
                    field="override")] + _text(reason, "审核意见", "override")


def check_relocation(r: RelocationInput, h: HouseholdFacts | None, limits: RelocationLimits,
                     site: SiteFacts | None, *, today: dt.date) -> list[Problem]:
    problems = _household(h, r.household_id)
    if h is not None and h.same_program:
        problems.append(Problem("relocation_exists", {"household_no": h.household_no,
                                                      "other": "、".join(h.same_program)}, field="household"))
    if not FIRST_RELOCATION_YEAR <= r.batch_year <= today.year + 1:
        problems.append(Problem("bad_year", {"label": "搬迁批次", "value": r.batch_year,
                                             "min": FIRST_RELOCATION_YEAR, "max": today.year + 1},
                                field="batch_year"))
    if r.people < 1:
        problems.append(Problem("relocation_no_people", {}, field="people"))
    elif h is not None and r.people > h.members_on_day:
        problems.append(Problem("relocation_people_above_members",
                                {"people": r.people, "members": h.members_on_day, "day": h.day.isoformat()},
                                field="people"))
    if r.mode not in SETTLEMENT_MODES:
        problems.append(Problem("bad_choice", {"label": "安置方式", "value": r.mode}, field="mode"))
    if r.mode == "concentrated" and r.site_id is None:
        problems.append(Problem("site_required", {}, field="site"))
    if site is not None and h is not None:
        if site.kind != "县城" and site.township_id != h.township_id:
            problems.append(Problem("site_other_township", {"site": site.name}, Severity.WARNING, field="site"))
        if site.capacity and site.load + 1 > site.capacity:
            problems.append(Problem("site_full", {"site": site.name, "capacity": site.capacity},
                                    Severity.WARNING, field="site"))
    cap = limits.area_cap_x100 * max(r.people, 0)
    if r.house_area_x100 < 0:
        problems.append(Problem("area_negative", {}, field="house_area"))
    elif r.people >= 1 and r.house_area_x100 > cap:
        problems.append(Problem("relocation_area_above_cap",
                                {"area": m2(r.house_area_x100), "people": r.people,
                                 "per_person": m2(limits.area_cap_x100), "max": m2(cap)}, field="house_area"))
    if r.self_raised_fen > limits.self_raised_cap_fen:
        problems.append(Problem("self_raised_above_cap", {"value": _yuan(r.self_raised_fen),
                                                          "cap": _yuan(limits.self_raised_cap_fen)},
                                Severity.WARNING, field="self_raised"))
    standard = limits.subsidy_per_person_fen * max(r.people, 0)
    if r.people >= 1 and r.subsidy_fen > standard:
        problems.append(Problem("subsidy_above_standard", {"value": _yuan(r.subsidy_fen), "standard": _yuan(standard)},
                                Severity.WARNING, field="subsidy"))
    if r.plan_date is not None and r.plan_date > today:
        problems.append(Problem("date_in_future", {"value": r.plan_date.isoformat()}, field="plan_date"))
    problems += _text(r.origin, "迁出地", "origin", 120) + _text(r.notes, "备注", "notes")
    problems += relocation_kind_problems(r.household_kind)
    return problems + double_benefit(h, r.override_reason, program="relocation")


def check_renovation(r: RenovationInput, h: HouseholdFacts | None, state: RenovationState, *,
                     today: dt.date) -> list[Problem]:
    problems = _household(h, r.household_id)
    if h is not None and h.same_program:
        problems.append(Problem("renovation_exists", {"household_no": h.household_no,
                                                      "other": "、".join(h.same_program)},
                                Severity.WARNING, field="household"))
    if not FIRST_RENOVATION_YEAR <= r.year <= today.year + 1:
        problems.append(Problem("bad_year", {"label": "改造年度", "value": r.year, "min": FIRST_RENOVATION_YEAR,
                                             "max": today.year + 1}, field="year"))
    for value, choices, label, name in (
        (r.beneficiary_type, RENOVATION_BENEFICIARIES, "户类型", "beneficiary_type"),
        (r.grade, RENOVATION_GRADES, "危房等级", "grade"),
        (r.method, RENOVATION_METHODS, "改造方式", "method"),
        (r.build_mode, RENOVATION_BUILD_MODES, "建设方式", "build_mode"),
    ):
        if value not in choices:
            problems.append(Problem("bad_choice", {"label": label, "value": value}, field=name))
    if r.grade in RENOVATION_GRADES and r.method in RENOVATION_METHODS and (r.grade == "C") != (r.method == REPAIR):
        problems.append(Problem("grade_method_mismatch", {"grade": RENOVATION_GRADES[r.grade], "method": r.method},
                                Severity.WARNING, field="method"))
    if r.area_x100 < 0:
        problems.append(Problem("area_negative", {}, field="area"))
    passed = state.status == "accepted" and state.acceptance_result == ACCEPTANCE_PASSED
    if r.subsidy_fen > 0 and not passed:
        problems.append(Problem("subsidy_before_acceptance", {}, field="subsidy"))
    elif r.subsidy_fen > r.standard_fen > 0:
        problems.append(Problem("subsidy_above_standard", {"value": _yuan(r.subsidy_fen),
                                                           "standard": _yuan(r.standard_fen)},
                                Severity.WARNING, field="subsidy"))
    problems += _text(r.notes, "备注", "notes")
    problems += renovation_fact_problems(r.appraised_by, r.appraised_on, r.paid_on, state.start_date,
                                         state.accepted_date, today=today)
    return problems + double_benefit(h, r.override_reason, program="renovation")


def check_step(steps: dict[str, str], labels: dict[str, str], facts: StepFacts, to: str, date: dt.date | None,
               *, today: dt.date) -> list[Problem]:
    """One step forward, never skipping one, on a date not before the previous step's."""
    if to not in labels:
        return [Problem("bad_choice", {"label": "状态", "value": to}, field="status")]
    following = steps.get(facts.status)
    if following is None:
        return [Problem("status_final", {"current": labels.get(facts.status, facts.status)}, field="status")]
    if to != following:
        return [Problem("status_skip", {"current": labels[facts.status], "wanted": labels[to],
                                        "next": labels[following]}, field="status")]
    problems = list(facts.missing)
    if date is None:
        problems.append(Problem("required", {"label": "日期"}, field="date"))
    elif date > today:
        problems.append(Problem("date_in_future", {"value": date.isoformat()}, field="date"))
    elif facts.floor_date is not None and date < facts.floor_date:
        code = "accepted_before_completed" if to == "accepted" else "date_before_step"
        problems.append(Problem(code, {"label": STEP_DATES.get(to, labels[to]), "value": date.isoformat(),
                                       "other_label": facts.floor_label, "other": facts.floor_date.isoformat()},
                                field="date"))
    return problems


def check_relocation_step(facts: StepFacts, to: str, date: dt.date | None, *, today: dt.date) -> list[Problem]:
    return check_step(RELOCATION_STEPS, RELOCATION_STATUS, facts, to, date, today=today)


def check_renovation_step(facts: StepFacts, to: str, date: dt.date | None, *, today: dt.date,
                          accepted_by: str = "", result: str = "") -> list[Problem]:
    problems = check_step(RENOVATION_STEPS, RENOVATION_STATUS, facts, to, date, today=today)
    if to == "accepted" and facts.status == "completed":
        if not accepted_by.strip():
            problems.append(Problem("required", {"label": "验收人"}, field="accepted_by"))
        problems += _text(accepted_by, "验收人", "accepted_by", 40)
        if not result.strip():
            problems.append(Problem("required", {"label": "验收结论"}, field="result"))
        problems += _text(result, "验收结论", "result", 60)
    return problems
