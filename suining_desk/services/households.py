"""Household register use cases: register, edit, member changes, status changes.

Each is one IMMEDIATE transaction that also appends to the audit log; nothing is ever
deleted — a member who dies or leaves keeps their row with a date and a reason.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from peewee import fn

from suining_desk import audit
from suining_desk.db.models import Area, Household, MemberChange, NameKey, Person, StatusChange, database
from suining_desk.domain.enums import HEAD, REMOVED, AreaLevel
from suining_desk.domain.idnumber import IdInfo
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.domain.search_keys import keys_for_name
from suining_desk.rules.household import (
    HouseholdInput,
    PersonInput,
    bank_account_text,
    check_household,
    check_members,
    check_person,
    has_errors,
)
from suining_desk.services.access import require

EXIT_KINDS = ("died", "married_out", "moved_out", "removed")
JOIN_KINDS = ("born", "married_in", "moved_in")


def _raise_if_errors(problems: list[Problem]) -> None:
    if has_errors(problems):
        raise InvalidInput([p for p in problems if p.is_error])


def _group_areas(group_id: int | None) -> tuple[Area, Area, Area]:
    group = Area.get_or_none((Area.id == group_id) & (Area.level == int(AreaLevel.GROUP)))
    if group is None:
        raise InvalidInput([Problem("required", {"label": "村民小组"}, field="group")])
    village = group.parent
    return village.parent, village, group


def _id_holder_problem(number: str, field: str, exclude_person: int | None = None) -> Problem | None:
    query = Person.select(Person, Household).join(Household).where(Person.id_number == number)
    if exclude_person is not None:
        query = query.where(Person.id != exclude_person)
    holder = query.first()
    if holder is None:
        return None
    return Problem(
        "id_on_register",
        {"value": number, "name": holder.name, "household_no": holder.household.household_no},
        field=field,
    )


def _person_fields(p: PersonInput, info: IdInfo | None) -> dict[str, object]:
    return {
        "name": p.name.strip(), "relation": p.relation, "ethnicity": p.ethnicity.strip(),
        "education": p.education, "schooling": p.schooling, "health": p.health,
        "disability": p.disability, "labour": p.labour, "work_status": p.work_status,
        "phone": p.phone.strip(), "person_no": p.person_no.strip() or None,
        "id_number": info.number if info else None,
        "id_reversed": info.number[::-1] if info else None,
        "sex": info.sex if info else "", "birth_date": info.birth_date if info else None,
    }


def _household_fields(h: HouseholdInput) -> dict[str, object]:
    township, village, group = _group_areas(h.group_id)
    return {
        "household_no": h.household_no.strip(), "township": township, "village": village,
        "group": group, "address": h.address.strip(), "phone": h.phone.strip(),
        "status": h.status, "exit_year": h.exit_year if h.status == "exited" else None,
        "main_cause": h.main_cause, "other_causes": "、".join(h.other_causes),
        "dibao": h.dibao, "tekun": h.tekun, "bank_name": h.bank_name.strip(),
        "bank_account": bank_account_text(h.bank_account), "registered_on": h.registered_on,
    }


def _index_name(person_id: int, name: str) -> None:
    NameKey.delete().where(NameKey.person == person_id).execute()
    NameKey.insert_many([(person_id, k) for k in sorted(keys_for_name(name))],
                        fields=[NameKey.person, NameKey.key]).execute()


def _snapshot(model: object) -> dict[str, object]:
    data: dict[str, object] = dict(model.__data__)  # type: ignore[attr-defined]
    return data


def refresh_household_summary(household_id: int) -> None:
    """Keep the head's name and ID and the member count in step with the members."""
    active = Person.select().where(
        (Person.household == household_id) & Person.death_date.is_null() & Person.removed_on.is_null()
    )
    head = active.where(Person.relation == HEAD).first()
    Household.update(
        head_name=head.name if head else "",
        head_id_number=(head.id_number or "") if head else "",
        member_count=active.count(),
    ).where(Household.id == household_id).execute()


def register_household(
    h: HouseholdInput, members: list[PersonInput], *, user: str, today: dt.date | None = None
) -> int:
    """A new household with its members; returns the household's id."""
    today = today or dt.date.today()
    problems = check_household(h, today=today) + check_members(members, today=today)
    _raise_if_errors(problems)
    with database.atomic("IMMEDIATE"):
        require(user, role="clerk", township=_group_areas(h.group_id)[0].id)
        problems = []
        if Household.select().where(Household.household_no == h.household_no.strip()).exists():
            problems.append(Problem("household_no_taken", {"value": h.household_no.strip()},
                                    field="household_no"))
        infos = [check_person(m, today=today)[0] for m in members]
        for index, info in enumerate(infos):
            if info and (taken := _id_holder_problem(info.number, f"members.{index}.id_number")):
                problems.append(taken)
        _raise_if_errors(problems)
        household = Household.create(**_household_fields(h))
        on = h.registered_on or today
        for member, info in zip(members, infos, strict=True):
            person = Person.create(household=household, **_person_fields(member, info))
            _index_name(person.id, person.name)
            MemberChange.create(household=household, person=person, kind="registered", date=on,
                                reason="建档登记", recorded_by=user)
        refresh_household_summary(household.id)
        audit.append("household_registered", username=user, table_name="household",
                     record_id=household.id, after={"household": asdict(h),
                                                    "members": [asdict(m) for m in members]})
    return int(household.id)


def update_household(household_id: int, h: HouseholdInput, *, user: str, today: dt.date | None = None) -> None:
    """Edit the household's own fields (status changes go through :func:`change_status`)."""
    _raise_if_errors(check_household(h, today=today))
    with database.atomic("IMMEDIATE"):
        _require_household(user, household_id)
        require(user, role="clerk", township=_group_areas(h.group_id)[0].id)
        before = Household.get_by_id(household_id)
        if before.status != h.status or before.exit_year != (h.exit_year if h.status == "exited" else None):
            raise InvalidInput([Problem("status_via_change", {}, field="status")])
        clash = Household.select().where(
            (Household.household_no == h.household_no.strip()) & (Household.id != household_id)
        )
        if clash.exists():
            raise InvalidInput([Problem("household_no_taken", {"value": h.household_no.strip()},
                                        field="household_no")])
        Household.update(**_household_fields(h)).where(Household.id == household_id).execute()
        audit.append("household_updated", username=user, table_name="household", record_id=household_id,
                     before=_snapshot(before), after=_snapshot(Household.get_by_id(household_id)))


def update_person(person_id: int, p: PersonInput, *, user: str, reason: str = "",
                  today: dt.date | None = None) -> None:
    """Correct a member's details; the change is kept in the member history."""
    info, problems = check_person(p, today=today)
    _raise_if_errors(problems)
    with database.atomic("IMMEDIATE"):
        before = Person.get_by_id(person_id)
        _require_household(user, before.household_id)
        if info and (taken := _id_holder_problem(info.number, "id_number", exclude_person=person_id)):
            raise InvalidInput([taken])
        if p.relation == HEAD and before.relation != HEAD and _other_head(before.household_id, person_id):
            raise InvalidInput([Problem("one_head", {"count": 2}, field="relation")])
        Person.update(**_person_fields(p, info)).where(Person.id == person_id).execute()
        _index_name(person_id, p.name.strip())
        MemberChange.create(household=before.household_id, person=person_id, kind="edited",
                            date=today or dt.date.today(), reason=reason or "信息变更", recorded_by=user)
        refresh_household_summary(before.household_id)
        audit.append("person_updated", username=user, table_name="person", record_id=person_id,
                     before=_snapshot(before), after=_snapshot(Person.get_by_id(person_id)))


def _require_household(user: str, household_id: int) -> None:
    """Clerks (and above) of the household's township, or of the whole county."""
    require(user, role="clerk", township=Household.get_by_id(household_id).township_id)


def _other_head(household_id: int, person_id: int | None) -> bool:
    query = Person.select().where(
        (Person.household == household_id) & (Person.relation == HEAD)
        & Person.death_date.is_null() & Person.removed_on.is_null()
    )
    if person_id is not None:
        query = query.where(Person.id != person_id)
    return bool(query.exists())


def add_member(household_id: int, p: PersonInput, *, kind: str, date: dt.date, reason: str,
               user: str, today: dt.date | None = None) -> int:
    """A member joins (birth, marriage, moving in); returns the person's id."""
    info, problems = check_person(p, today=today)
    if kind not in JOIN_KINDS:
        problems.append(Problem("bad_choice", {"label": "变动类型", "value": kind}, field="kind"))
    if not reason.strip():
        problems.append(Problem("required", {"label": "变动原因"}, field="reason"))
    _raise_if_errors(problems)
    with database.atomic("IMMEDIATE"):
        _require_household(user, household_id)
        if info and (taken := _id_holder_problem(info.number, "id_number")):
            raise InvalidInput([taken])
        if p.relation == HEAD and _other_head(household_id, None):
            raise InvalidInput([Problem("one_head", {"count": 2}, field="relation")])
        person = Person.create(household=household_id, **_person_fields(p, info))
        _index_name(person.id, person.name)
        MemberChange.create(household=household_id, person=person, kind=kind, date=date,
                            reason=reason.strip(), recorded_by=user)
        refresh_household_summary(household_id)
        audit.append("member_added", username=user, table_name="person", record_id=person.id,
                     after={**_snapshot(person), "kind": kind, "date": date, "reason": reason.strip()})
    return int(person.id)


def record_member_exit(person_id: int, *, kind: str, date: dt.date, reason: str, user: str,
                       today: dt.date | None = None) -> None:
    """A member dies or leaves; the row stays, with the date and the reason."""
    today = today or dt.date.today()
    problems: list[Problem] = []
    if kind not in EXIT_KINDS:
        problems.append(Problem("bad_choice", {"label": "变动类型", "value": kind}, field="kind"))
    if not reason.strip():
        problems.append(Problem("required", {"label": "变动原因"}, field="reason"))
    if date > today:
        problems.append(Problem("date_in_future", {"value": date.isoformat()}, field="date"))
    _raise_if_errors(problems)
    with database.atomic("IMMEDIATE"):
        person = Person.get_by_id(person_id)
        _require_household(user, person.household_id)
        if person.death_date or person.removed_on:
            raise InvalidInput([Problem("member_already_gone", {"name": person.name})])
        if person.birth_date and date < person.birth_date:
            raise InvalidInput([Problem("date_before_birth", {"value": date.isoformat()}, field="date")])
        changes = {"death_date": date} if kind == "died" else {"removed_on": date}
        changes["removal_reason"] = reason.strip()  # type: ignore[assignment]
        Person.update(**changes).where(Person.id == person_id).execute()
        MemberChange.create(household=person.household_id, person=person_id, kind=kind, date=date,
                            reason=reason.strip(), recorded_by=user)
        refresh_household_summary(person.household_id)
        audit.append("member_" + kind, username=user, table_name="person", record_id=person_id,
                     before=_snapshot(person), after=_snapshot(Person.get_by_id(person_id)))


def change_status(household_id: int, *, status: str, year: int | None, date: dt.date, reason: str,
                  user: str, today: dt.date | None = None) -> None:
    """Exit (with its year), monitoring or return to the register, kept as history."""
    today = today or dt.date.today()
    household = Household.get_by_id(household_id)
    wanted = HouseholdInput(household_no=household.household_no, group_id=household.group_id,
                            status=status, exit_year=year)
    problems = [p for p in check_household(wanted, today=today) if p.field in ("status", "exit_year")]
    if not reason.strip():
        problems.append(Problem("required", {"label": "变动原因"}, field="reason"))
    if status == household.status and (status != "exited" or year == household.exit_year):
        problems.append(Problem("status_unchanged", {}, field="status"))
    _raise_if_errors(problems)
    with database.atomic("IMMEDIATE"):
        _require_household(user, household_id)
        Household.update(status=status, exit_year=year if status == "exited" else None).where(
            Household.id == household_id).execute()
        StatusChange.create(household=household_id, old_status=household.status, new_status=status,
                            year=year, date=date, reason=reason.strip(), recorded_by=user)
        audit.append("household_status_changed", username=user, table_name="household",
                     record_id=household_id, before={"status": household.status, "exit_year": household.exit_year},
                     after={"status": status, "exit_year": year, "date": date, "reason": reason.strip()})


def remove_household(household_id: int, *, date: dt.date, reason: str, user: str,
                     today: dt.date | None = None) -> None:
    """清退: the household leaves the register from ``date`` (kept, with its history): it is no
    longer listed or counted, and its enrolments are not paid from then on."""
    today = today or dt.date.today()
    household = Household.get_by_id(household_id)
    problems = _date_reason_problems(date, reason, today)
    if household.registered_on is not None and date < household.registered_on:
        problems.append(Problem("removed_before_registered", {"date": date.isoformat(),
                                                              "registered": household.registered_on.isoformat()},
                                field="date"))
    if household.removed_on is not None:
        problems.append(Problem("household_already_removed", {"date": household.removed_on.isoformat()}))
    _raise_if_errors(problems)
    with database.atomic("IMMEDIATE"):
        _require_household(user, household_id)
        Household.update(removed_on=date, removal_reason=reason.strip()).where(
            Household.id == household_id).execute()
        StatusChange.create(household=household_id, old_status=household.status, new_status=REMOVED,
                            date=date, reason=reason.strip(), recorded_by=user)
        audit.append("household_removed", username=user, table_name="household", record_id=household_id,
                     before={"removed_on": None}, after={"removed_on": date, "reason": reason.strip()})


def reinstate_household(household_id: int, *, date: dt.date, reason: str, user: str,
                        today: dt.date | None = None) -> None:
    """Undo a 清退 (a wrong removal, or one reversed on appeal): back on the register."""
    today = today or dt.date.today()
    household = Household.get_by_id(household_id)
    problems = _date_reason_problems(date, reason, today)
    if household.removed_on is None:
        problems.append(Problem("household_not_removed", {}))
    _raise_if_errors(problems)
    with database.atomic("IMMEDIATE"):
        _require_household(user, household_id)
        Household.update(removed_on=None, removal_reason="").where(Household.id == household_id).execute()
        StatusChange.create(household=household_id, old_status=REMOVED, new_status=household.status,
                            date=date, reason=reason.strip(), recorded_by=user)
        audit.append("household_reinstated", username=user, table_name="household", record_id=household_id,
                     before={"removed_on": household.removed_on, "reason": household.removal_reason},
                     after={"removed_on": None, "reason": reason.strip()})


def _date_reason_problems(date: dt.date, reason: str, today: dt.date) -> list[Problem]:
    problems = []
    if date > today:
        problems.append(Problem("date_in_future", {"value": date.isoformat()}, field="date"))
    if not reason.strip():
        problems.append(Problem("required", {"label": "原因"}, field="reason"))
    return problems


def next_household_no(group_id: int) -> str:
    """A suggestion: the group's code followed by the next free 4-digit number."""
    group = Area.get_by_id(group_id)
    prefix = group.code
    last = (Household.select(fn.MAX(Household.household_no))
            .where(Household.household_no.startswith(prefix)).scalar())
    tail = int(last[len(prefix):]) + 1 if last and last[len(prefix):].isdigit() else 1
    return f"{prefix}{tail:04d}"



__all__ = [
    "EXIT_KINDS", "JOIN_KINDS", "add_member", "change_status", "next_household_no", "record_member_exit",
    "refresh_household_summary", "register_household", "update_household", "update_person",
]
