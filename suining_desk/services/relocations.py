"""Relocation (易地扶贫搬迁) use cases: record, edit, and walk the status forward.

Each write is one IMMEDIATE transaction that appends to the audit log. The status only
moves one step at a time (计划 → 建设中 → 已入住 → 旧房已拆除), each with its date.
"""

from __future__ import annotations

import datetime as dt

from suining_desk import audit
from suining_desk.db.models import Household, Relocation, database
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.rules.housing import (
    RelocationInput,
    RelocationLimits,
    StepFacts,
    check_relocation,
    check_relocation_step,
)
from suining_desk.services.housing_common import (
    household_facts,
    insert_checked,
    raise_if_errors,
    require_household_clerk,
    update_checked,
)
from suining_desk.services.settings import (
    RELOCATION_AREA_CAP,
    RELOCATION_SELF_RAISED_CAP,
    RELOCATION_SUBSIDY_PER_PERSON,
    setting_value,
)
from suining_desk.services.sites import site_facts


def limits_on(day: dt.date) -> RelocationLimits:
    return RelocationLimits(setting_value(RELOCATION_AREA_CAP, day), setting_value(RELOCATION_SELF_RAISED_CAP, day),
                            setting_value(RELOCATION_SUBSIDY_PER_PERSON, day))


def rule_day(r: RelocationInput, today: dt.date) -> dt.date:
    """The day the caps and the household's members are taken on: the plan date, else today."""
    return r.plan_date if r.plan_date is not None and r.plan_date <= today else today


def relocation_problems(r: RelocationInput, *, user: str, relocation_id: int | None = None,
                        today: dt.date | None = None) -> list[Problem]:
    """Every problem of the input as it stands (errors refuse it, warnings flag it)."""
    today = today or dt.date.today()
    day = rule_day(r, today)
    facts = household_facts(r.household_id, day, program="relocation", record_id=relocation_id, user=user)
    if r.household_id is not None and facts is None:
        return [Problem("required", {"label": "农户"}, field="household")]
    site = site_facts(r.site_id, exclude_relocation=relocation_id)
    if r.site_id is not None and site is None:
        return [Problem("required", {"label": "安置点"}, field="site")]
    return check_relocation(r, facts, limits_on(day), site, today=today)


def _fields(r: RelocationInput) -> dict[str, object]:
    household = Household.get_by_id(r.household_id)
    return {
        "household": household.id, "township": household.township_id, "village": household.village_id,
        "batch_year": r.batch_year, "people": r.people, "origin": r.origin.strip(), "site": r.site_id,
        "mode": r.mode, "house_area_x100": r.house_area_x100, "subsidy_fen": r.subsidy_fen,
        "self_raised_fen": r.self_raised_fen, "plan_date": r.plan_date, "notes": r.notes.strip(),
        "household_kind": r.household_kind,
    }


def create_relocation(r: RelocationInput, *, user: str, today: dt.date | None = None) -> int:
    """Record a planned relocation; returns its id."""
    with database.atomic("IMMEDIATE"):
        require_household_clerk(user, r.household_id)
        problems = relocation_problems(r, user=user, today=today)
        return insert_checked(Relocation, _fields(r), problems, r.override_reason, user)


def update_relocation(relocation_id: int, r: RelocationInput, *, user: str, today: dt.date | None = None) -> None:
    """Edit a relocation's data; its status moves only through :func:`advance_relocation`."""
    with database.atomic("IMMEDIATE"):
        before = Relocation.get_by_id(relocation_id)
        require_household_clerk(user, before.household_id)
        if r.household_id != before.household_id:
            raise InvalidInput([Problem("household_fixed", {}, field="household")])
        problems = relocation_problems(r, user=user, relocation_id=relocation_id, today=today)
        if before.status in ("moved_in", "demolished"):
            problems += _moved_in_missing(r.house_area_x100, r.mode, r.site_id)
        update_checked(before, _fields(r), problems, r.override_reason, user)


def _moved_in_missing(area_x100: int, mode: str, site_id: int | None) -> list[Problem]:
    problems = []
    if area_x100 <= 0:
        problems.append(Problem("moved_in_needs_area", {}, field="house_area"))
    if mode == "concentrated" and site_id is None:
        problems.append(Problem("site_required", {}, field="site"))
    return problems


def step_facts(record: Relocation, to: str) -> StepFacts:
    if to == "demolished":
        return StepFacts(record.status, record.moved_in_date, "入住日期")
    missing = _moved_in_missing(record.house_area_x100, record.mode, record.site_id) if to == "moved_in" else []
    return StepFacts(record.status, record.plan_date, "计划日期", missing)


def relocation_step_problems(relocation_id: int, to: str, date: dt.date | None, *,
                             today: dt.date | None = None) -> list[Problem]:
    record = Relocation.get_by_id(relocation_id)
    return check_relocation_step(step_facts(record, to), to, date, today=today or dt.date.today())


def advance_relocation(relocation_id: int, *, to: str, date: dt.date, user: str, note: str = "",
                       today: dt.date | None = None) -> None:
    """Move the relocation one step on: 建设中 (building), 已入住 (moved in), 旧房已拆除 (demolished)."""
    with database.atomic("IMMEDIATE"):
        record = Relocation.get_by_id(relocation_id)
        require_household_clerk(user, record.household_id)
        raise_if_errors(relocation_step_problems(relocation_id, to, date, today=today))
        changes: dict[str, object] = {"status": to}
        if to == "moved_in":
            changes["moved_in_date"] = date
        elif to == "demolished":
            changes["demolished_date"] = date
        Relocation.update(**changes).where(Relocation.id == relocation_id).execute()
        audit.append("relocation_status_changed", username=user, table_name="relocation", record_id=relocation_id,
                     before={"status": record.status},
                     after={"from": record.status, "to": to, "date": date, "note": note.strip()})


__all__ = [
    "advance_relocation", "create_relocation", "limits_on", "relocation_problems", "relocation_step_problems",
    "update_relocation",
]
