"""What relocations and renovations both need: the household's facts on a day, the
other program's records (for the double-benefit rule) and a record's history."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from suining_desk import audit
from suining_desk.db.models import AuditEntry, Household, MemberChange, Person, Relocation, Renovation
from suining_desk.db.rows import tuples
from suining_desk.domain.enums import ATTACHMENT_KINDS
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.rules.housing import HouseholdFacts
from suining_desk.services.access import require
from suining_desk.services.housing_kinds import HOUSING
from suining_desk.services.reviewers import may_override

JOIN_KINDS = ("born", "married_in", "moved_in")


def members_on(household_id: int, day: dt.date) -> int:
    """Members of the household on a day: born, joined (when the history says so), not yet gone."""
    joined: dict[int, dt.date] = {}
    for person_id, date in tuples(MemberChange.select(MemberChange.person, MemberChange.date).where(
            (MemberChange.household == household_id) & MemberChange.kind.in_(JOIN_KINDS))):
        joined[person_id] = min(date, joined.get(person_id, date))
    count = 0
    for person_id, birth, death, removed in tuples(Person.select(
            Person.id, Person.birth_date, Person.death_date, Person.removed_on).where(
            Person.household == household_id)):
        if birth is not None and birth > day:
            continue
        if (death is not None and death <= day) or (removed is not None and removed <= day):
            continue
        if person_id in joined and joined[person_id] > day:
            continue
        count += 1
    return count


def household_facts(household_id: int | None, day: dt.date, *, program: str, record_id: int | None,
                    user: str) -> HouseholdFacts | None:
    """The household's facts for a ``program`` record (``relocation`` or ``renovation``)."""
    if household_id is None:
        return None
    h = Household.get_or_none(Household.id == household_id)
    if h is None:
        return None
    kind = HOUSING[program]
    others, same = HOUSING[kind.other].record_labels(household_id, None), kind.record_labels(household_id, record_id)
    return HouseholdFacts(household_no=h.household_no, township_id=h.township_id, removed=h.removed_on is not None,
                          members_on_day=members_on(household_id, day), day=day, other_benefits=others,
                          same_program=same, may_override=may_override(user))


def override_fields(reason: str, problems: list[Problem], user: str, old_reason: str = "",
                    old_by: str = "") -> dict[str, str]:
    """The override columns to store: kept only while a double benefit is being overridden."""
    if not any(p.code == "double_benefit_overridden" for p in problems):
        return {"override_reason": "", "override_by": ""}
    reason = reason.strip()
    return {"override_reason": reason, "override_by": old_by if reason == old_reason and old_by else user}


def log_override(table: str, record_id: int, fields: dict[str, str], before_reason: str, user: str) -> None:
    """A separate audit entry when a reviewer (newly) lets a household have both programs."""
    if fields["override_reason"] and fields["override_reason"] != before_reason:
        audit.append(f"{table}_double_benefit_overridden", username=user, table_name=table, record_id=record_id,
                     after={"reason": fields["override_reason"], "by": fields["override_by"]})


def insert_checked(model: type[Relocation] | type[Renovation], fields: dict[str, object], problems: list[Problem],
                   reason: str, user: str) -> int:
    """Create a planned record once the checks pass, with its override and audit entries."""
    table = model._meta.table_name
    raise_if_errors(problems)
    override = override_fields(reason, problems, user)
    record = model.create(**fields, **override, status="planned")
    audit.append(f"{table}_created", username=user, table_name=table, record_id=record.id, after=snapshot(record))
    log_override(table, record.id, override, "", user)
    return int(record.id)


def update_checked(before: Relocation | Renovation, fields: dict[str, object], problems: list[Problem],
                   reason: str, user: str) -> None:
    """Rewrite a record's data once the checks pass, logging before and after."""
    model = type(before)
    table = model._meta.table_name
    raise_if_errors(problems)
    override = override_fields(reason, problems, user, before.override_reason, before.override_by)
    model.update(**fields, **override).where(model.id == before.id).execute()
    audit.append(f"{table}_updated", username=user, table_name=table, record_id=before.id,
                 before=snapshot(before), after=snapshot(model.get_by_id(before.id)))
    log_override(table, before.id, override, before.override_reason, user)


def raise_if_errors(problems: list[Problem]) -> None:
    errors = [p for p in problems if p.is_error]
    if errors:
        raise InvalidInput(errors)


def snapshot(model: object) -> dict[str, object]:
    data: dict[str, object] = dict(model.__data__)  # type: ignore[attr-defined]
    return data


# --- a record's history, read back from the audit log ------------------------------


@dataclass(frozen=True)
class StepLine:
    at: str  # when it was recorded (ISO timestamp)
    date: str  # the date the step took effect, when it has one
    what: str
    detail: str
    by: str


_ACTIONS = {
    "created": "登记", "updated": "修改", "status_changed": "状态变更", "acceptance_failed": "验收不合格",
    "attachment_added": "添加附件", "attachment_removed": "删除附件", "double_benefit_overridden": "重复享受审核",
}


def _describe(action: str, after: dict[str, object], labels: dict[str, str]) -> tuple[str, str, str]:
    """(what, date, detail) of one audit entry of a housing record."""
    kind = action.split("_", 1)[1] if "_" in action else action
    what = _ACTIONS.get(kind, action)
    date = str(after.get("date") or "")
    detail = ""
    if kind == "status_changed":
        old, new = str(after.get("from")), str(after.get("to"))
        what = f"{labels.get(old, old)} → {labels.get(new, new)}"
        extra = [str(after[k]) for k in ("accepted_by", "result") if after.get(k)]
        detail = "，".join(extra)
    elif kind == "acceptance_failed":
        detail = "，".join(str(after[k]) for k in ("accepted_by", "result") if after.get(k))
    elif kind.startswith("attachment_"):
        label = ATTACHMENT_KINDS.get(str(after.get("kind")), "")
        detail = f"{label}：{after.get('file_name', '')}"
    elif kind == "double_benefit_overridden":
        detail = str(after.get("reason", ""))
    elif kind == "created":
        date = str(after.get("plan_date") or "")
    return what, date, detail


def record_history(table: str, record_id: int) -> list[StepLine]:
    labels = HOUSING[table].statuses
    lines = []
    query = (AuditEntry.select(AuditEntry.at, AuditEntry.action, AuditEntry.username, AuditEntry.after)
             .where((AuditEntry.table_name == table) & (AuditEntry.record_id == str(record_id)))
             .order_by(AuditEntry.seq))
    for e in query:
        try:
            after = json.loads(e.after) if e.after else {}
        except ValueError:
            after = {}
        what, date, detail = _describe(e.action, after if isinstance(after, dict) else {}, labels)
        lines.append(StepLine(e.at.replace("T", " "), date, what, detail, e.username))
    return lines


def require_household_clerk(user: str, household_id: int | None) -> None:
    """A clerk (or above) of the household's township, or of the whole county.
    (A missing household is refused by the record's own checks.)"""
    household = Household.get_or_none(Household.id == household_id) if household_id else None
    require(user, role="clerk", township=household.township_id if household else None)
