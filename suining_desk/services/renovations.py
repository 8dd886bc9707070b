"""Housing renovation (危房改造) use cases: record, edit, start, complete, accept.

Each write is one IMMEDIATE transaction that appends to the audit log. The status moves
one step at a time (计划 → 施工中 → 竣工 → 已验收); acceptance comes after completion,
and a subsidy is recorded only once the works passed acceptance.
"""

from __future__ import annotations

import datetime as dt

from suining_desk import audit
from suining_desk.db.models import Household, Renovation, database
from suining_desk.domain.enums import ACCEPTANCE_PASSED
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.rules.housing import (
    RenovationInput,
    RenovationState,
    StepFacts,
    check_renovation,
    check_renovation_step,
)
from suining_desk.services.housing_common import (
    household_facts,
    insert_checked,
    raise_if_errors,
    require_household_clerk,
    update_checked,
)
from suining_desk.services.settings import RENOVATION_STANDARD_C, RENOVATION_STANDARD_D, setting_value


def standard_for(grade: str, year: int) -> int:
    """The subsidy standard (fen per household) in force at the start of ``year``."""
    key = RENOVATION_STANDARD_C if grade == "C" else RENOVATION_STANDARD_D
    return setting_value(key, dt.date(year, 1, 1))


def renovation_problems(r: RenovationInput, *, user: str, renovation_id: int | None = None,
                        today: dt.date | None = None) -> list[Problem]:
    """Every problem of the input as it stands (errors refuse it, warnings flag it)."""
    today = today or dt.date.today()
    facts = household_facts(r.household_id, today, program="renovation", record_id=renovation_id, user=user)
    if r.household_id is not None and facts is None:
        return [Problem("required", {"label": "农户"}, field="household")]
    state = RenovationState()
    if renovation_id is not None:
        record = Renovation.get_by_id(renovation_id)
        state = RenovationState(record.status, record.acceptance_result, record.start_date, record.accepted_date)
    return check_renovation(r, facts, state, today=today)


def _fields(r: RenovationInput) -> dict[str, object]:
    household = Household.get_by_id(r.household_id)
    return {
        "household": household.id, "township": household.township_id, "village": household.village_id,
        "year": r.year, "beneficiary_type": r.beneficiary_type, "grade": r.grade, "method": r.method,
        "build_mode": r.build_mode, "area_x100": r.area_x100, "standard_fen": r.standard_fen,
        "subsidy_fen": r.subsidy_fen, "notes": r.notes.strip(), "appraised_by": r.appraised_by.strip(),
        "appraised_on": r.appraised_on, "paid_on": r.paid_on,
    }


def create_renovation(r: RenovationInput, *, user: str, today: dt.date | None = None) -> int:
    """Record a planned renovation; returns its id."""
    with database.atomic("IMMEDIATE"):
        require_household_clerk(user, r.household_id)
        problems = renovation_problems(r, user=user, today=today)
        return insert_checked(Renovation, _fields(r), problems, r.override_reason, user)


def update_renovation(renovation_id: int, r: RenovationInput, *, user: str, today: dt.date | None = None) -> None:
    """Edit a renovation's data (the subsidy too, once accepted); the status moves by :func:`advance_renovation`."""
    with database.atomic("IMMEDIATE"):
        before = Renovation.get_by_id(renovation_id)
        require_household_clerk(user, before.household_id)
        if r.household_id != before.household_id:
            raise InvalidInput([Problem("household_fixed", {}, field="household")])
        problems = renovation_problems(r, user=user, renovation_id=renovation_id, today=today)
        update_checked(before, _fields(r), problems, r.override_reason, user)


def step_facts(record: Renovation, to: str) -> StepFacts:
    if to == "completed":
        return StepFacts(record.status, record.start_date, "开工日期")
    if to == "accepted":
        return StepFacts(record.status, record.completed_date, "竣工日期")
    return StepFacts(record.status, None)


def renovation_step_problems(renovation_id: int, to: str, date: dt.date | None, *, accepted_by: str = "",
                             result: str = "", subsidy_fen: int = 0, today: dt.date | None = None) -> list[Problem]:
    record = Renovation.get_by_id(renovation_id)
    problems = check_renovation_step(step_facts(record, to), to, date, today=today or dt.date.today(),
                                     accepted_by=accepted_by, result=result)
    if subsidy_fen < 0:
        problems.append(Problem("money_negative", {"value": subsidy_fen}, field="subsidy"))
    elif subsidy_fen > 0 and (to != "accepted" or result.strip() != ACCEPTANCE_PASSED):
        problems.append(Problem("subsidy_before_acceptance", {}, field="subsidy"))
    return problems


def advance_renovation(renovation_id: int, *, to: str, date: dt.date, user: str, accepted_by: str = "",
                       result: str = "", subsidy_fen: int = 0, today: dt.date | None = None) -> str:
    """Move the renovation one step on; returns the status it is in afterwards.

    Acceptance records who inspected and the conclusion; only a pass (合格) makes it 已验收
    and lets the subsidy be recorded. A failed inspection is kept (in the record and the
    audit log) while the works stay 竣工, awaiting the next inspection.
    """
    with database.atomic("IMMEDIATE"):
        record = Renovation.get_by_id(renovation_id)
        require_household_clerk(user, record.household_id)
        raise_if_errors(renovation_step_problems(renovation_id, to, date, accepted_by=accepted_by, result=result,
                                                 subsidy_fen=subsidy_fen, today=today))
        after: dict[str, object] = {"from": record.status, "to": to, "date": date}
        changes: dict[str, object] = {"status": to}
        if to == "in_progress":
            changes["start_date"] = date
        elif to == "completed":
            changes["completed_date"] = date
        elif to == "accepted":
            changes.update(accepted_date=date, accepted_by=accepted_by.strip(), acceptance_result=result.strip())
            after.update(accepted_by=accepted_by.strip(), result=result.strip(), subsidy_fen=subsidy_fen)
            if result.strip() == ACCEPTANCE_PASSED:
                changes["subsidy_fen"] = subsidy_fen
            else:
                changes["status"] = record.status
        Renovation.update(**changes).where(Renovation.id == renovation_id).execute()
        action = "renovation_status_changed" if changes["status"] == to else "renovation_acceptance_failed"
        audit.append(action, username=user, table_name="renovation", record_id=renovation_id,
                     before={"status": record.status}, after=after)
        return str(changes["status"])


__all__ = [
    "advance_renovation", "create_renovation", "renovation_problems", "renovation_step_problems", "standard_for",
    "update_renovation",
]
