"""Field checks of a household and its members, before anything is written."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from suining_desk.domain import idnumber
from suining_desk.domain.enums import HEAD, HOUSEHOLD_STATUS, POVERTY_CAUSES, RELATIONS
from suining_desk.domain.problems import Problem, Severity

_PHONE = re.compile(r"^(1\d{10}|0\d{2,3}-?\d{7,8}|\d{7,8})$")
_ACCOUNT = re.compile(r"^[0-9]{12,25}$")  # ASCII digits: \d would take full-width ones the bank cannot read


def bank_account_text(text: str) -> str:
    """An account as stored and sent to the bank: full-width digits made plain, spaces dropped."""
    return unicodedata.normalize("NFKC", text).replace(" ", "")


def is_bank_account(account: str) -> bool:
    return bool(_ACCOUNT.match(account))
_NAME = re.compile(r"^[\u3400-\u9fff\u00b7·A-Za-z]{1,20}$")


@dataclass
class PersonInput:
    name: str
    id_number: str
    relation: str
    ethnicity: str = "汉族"
    education: str = ""
    schooling: str = ""
    health: str = "健康"
    disability: str = ""
    labour: str = ""
    work_status: str = ""
    phone: str = ""
    person_no: str = ""


@dataclass
class HouseholdInput:
    household_no: str
    group_id: int | None
    address: str = ""
    phone: str = ""
    status: str = "poor"
    exit_year: int | None = None
    main_cause: str = ""
    other_causes: list[str] = field(default_factory=list)
    dibao: bool = False
    tekun: bool = False
    bank_name: str = ""
    bank_account: str = ""
    registered_on: dt.date | None = None


def _required(value: str, label: str, name: str) -> list[Problem]:
    return [] if value.strip() else [Problem("required", {"label": label}, field=name)]


def check_phone(value: str, name: str = "phone") -> list[Problem]:
    text = value.strip()
    if text and not _PHONE.match(text):
        return [Problem("bad_phone", {"value": text}, field=name)]
    return []


def check_household(h: HouseholdInput, *, today: dt.date | None = None) -> list[Problem]:
    today = today or dt.date.today()
    problems = _required(h.household_no, "户编号", "household_no")
    if len(h.household_no.strip()) > 30:
        problems.append(Problem("too_long", {"label": "户编号", "max": 30}, field="household_no"))
    if h.group_id is None:
        problems.append(Problem("required", {"label": "村民小组"}, field="group"))
    if h.status not in HOUSEHOLD_STATUS:
        problems.append(Problem("bad_choice", {"label": "户状态", "value": h.status}, field="status"))
    if h.status == "exited":
        if h.exit_year is None:
            problems.append(Problem("required", {"label": "脱贫年度"}, field="exit_year"))
        elif not 2014 <= h.exit_year <= today.year:
            problems.append(Problem("bad_exit_year", {"value": h.exit_year, "max": today.year},
                                    field="exit_year"))
    for cause in [h.main_cause, *h.other_causes]:
        if cause and cause not in POVERTY_CAUSES:
            problems.append(Problem("bad_choice", {"label": "致贫原因", "value": cause}, field="main_cause"))
    problems += check_phone(h.phone)
    account = bank_account_text(h.bank_account)
    if account and not is_bank_account(account):
        problems.append(Problem("bad_bank_account", {"value": h.bank_account}, field="bank_account"))
    return problems


def check_person(
    p: PersonInput, *, prefix: str = "", today: dt.date | None = None
) -> tuple[idnumber.IdInfo | None, list[Problem]]:
    """Field problems of one member; the ID number's facts when it is valid."""
    problems = _required(p.name, "姓名", f"{prefix}name")
    name = p.name.strip()
    if name and not _NAME.match(name):
        problems.append(Problem("bad_name", {"value": name}, field=f"{prefix}name"))
    info, id_problems = idnumber.check_id_number(p.id_number, today=today)
    problems += [
        Problem(x.code, x.params, x.severity, field=f"{prefix}id_number") for x in id_problems
    ]
    if p.relation not in RELATIONS:
        problems.append(
            Problem("bad_choice", {"label": "与户主关系", "value": p.relation}, field=f"{prefix}relation")
        )
    problems += check_phone(p.phone, f"{prefix}phone")
    return info, problems


def check_members(members: list[PersonInput], *, today: dt.date | None = None) -> list[Problem]:
    """Each member's fields, one head of household, no ID number twice in the form."""
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, member in enumerate(members):
        info, member_problems = check_person(member, prefix=f"members.{index}.", today=today)
        problems += member_problems
        if info is not None:
            if info.number in seen:
                problems.append(Problem("id_twice_in_form", {"value": info.number, "row": seen[info.number] + 1},
                                        field=f"members.{index}.id_number"))
            seen.setdefault(info.number, index)
    heads = sum(1 for m in members if m.relation == HEAD)
    if not members:
        problems.append(Problem("no_members", {}, field="members"))
    elif heads != 1:
        problems.append(Problem("one_head", {"count": heads}, field="members"))
    return problems


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)
