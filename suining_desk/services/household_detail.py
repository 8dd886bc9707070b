"""Reading one household for its detail view: data, members, member and status history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from suining_desk.db.models import Area, Household, MemberChange, Person, StatusChange, database
from suining_desk.db.rows import tuples
from suining_desk.domain.enums import MEMBER_CHANGE_KINDS, STATUS_WORDS
from suining_desk.rules.household import HouseholdInput, PersonInput
from suining_desk.services.housing_detail import household_housing
from suining_desk.services.relocation_query import RelocationRow
from suining_desk.services.renovation_query import RenovationRow


@dataclass(frozen=True)
class MemberChoice:
    """A living member, as a picker lists them."""

    id: int
    name: str
    relation: str


def living_members(household_id: int) -> list[MemberChoice]:
    """The members still in the household (not dead, not moved out), in the order registered."""
    query = (Person.select(Person.id, Person.name, Person.relation)
             .where((Person.household == household_id) & Person.death_date.is_null() & Person.removed_on.is_null())
             .order_by(Person.id))
    return [MemberChoice(p.id, p.name, p.relation) for p in query]


def household_of_person(person_id: int) -> int | None:
    person = Person.get_or_none(Person.id == person_id)
    return None if person is None else int(person.household_id)


def bank_account_of(household_id: int) -> str:
    """The household's bank account (a re-issue's default)."""
    household = Household.get_or_none(Household.id == household_id)
    return "" if household is None else str(household.bank_account or "")


def member_history(household_id: int) -> list[MemberChange]:
    return list(MemberChange.select(MemberChange, Person).join(Person)
                .where(MemberChange.household == household_id)
                .order_by(MemberChange.date, MemberChange.id))


def status_history(household_id: int) -> list[StatusChange]:
    return list(StatusChange.select().where(StatusChange.household == household_id)
                .order_by(StatusChange.date, StatusChange.id))


@dataclass(frozen=True)
class MemberView:
    id: int
    name: str
    id_number: str
    sex: str
    birth_date: dt.date | None
    relation: str
    health: str
    disability: str
    education: str
    schooling: str
    labour: str
    work_status: str
    ethnicity: str
    phone: str
    person_no: str
    death_date: dt.date | None
    removed_on: dt.date | None
    removal_reason: str

    @property
    def active(self) -> bool:
        return self.death_date is None and self.removed_on is None

    def age_on(self, day: dt.date) -> int | None:
        if self.birth_date is None:
            return None
        b = self.birth_date
        return day.year - b.year - ((day.month, day.day) < (b.month, b.day))

    def as_input(self) -> PersonInput:
        return PersonInput(name=self.name, id_number=self.id_number, relation=self.relation,
                           ethnicity=self.ethnicity, education=self.education, schooling=self.schooling,
                           health=self.health, disability=self.disability, labour=self.labour,
                           work_status=self.work_status, phone=self.phone, person_no=self.person_no)


@dataclass(frozen=True)
class HistoryLine:
    date: dt.date
    what: str
    who: str
    reason: str
    recorded_by: str


@dataclass(frozen=True)
class HouseholdDetail:
    id: int
    township: str
    village: str
    group: str
    data: HouseholdInput
    removed_on: dt.date | None
    members: list[MemberView]
    member_history: list[HistoryLine]
    status_history: list[HistoryLine]
    relocations: list[RelocationRow] = field(default_factory=list)
    renovations: list[RenovationRow] = field(default_factory=list)
    enrolled: list[str] = field(default_factory=list)  # programs of its open enrolments (household or member)

    def aid_words(self) -> str:
        """享受: the household's 低保户/特困 marks and the programs it is enrolled in, '' if none."""
        marks = [word for flag, word in ((self.data.dibao, "低保"), (self.data.tekun, "特困供养")) if flag]
        return "、".join(dict.fromkeys([*marks, *self.enrolled]))


def household_detail(household_id: int) -> HouseholdDetail:
    h = Household.get_by_id(household_id)
    data = HouseholdInput(
        household_no=h.household_no, group_id=h.group_id, address=h.address, phone=h.phone,
        status=h.status, exit_year=h.exit_year, main_cause=h.main_cause,
        other_causes=[c for c in h.other_causes.split("、") if c], dibao=h.dibao, tekun=h.tekun,
        bank_name=h.bank_name, bank_account=h.bank_account, registered_on=h.registered_on,
    )
    names: dict[int, str] = dict(tuples(Area.select(Area.id, Area.name).where(
        Area.id.in_([h.township_id, h.village_id, h.group_id]))))
    members = [
        MemberView(p.id, p.name, p.id_number or "", p.sex, p.birth_date, p.relation, p.health, p.disability,
                   p.education, p.schooling, p.labour, p.work_status, p.ethnicity, p.phone, p.person_no or "",
                   p.death_date, p.removed_on, p.removal_reason)
        for p in Person.select().where(Person.household == household_id).order_by(Person.id)
    ]
    history = [
        HistoryLine(c.date, MEMBER_CHANGE_KINDS.get(c.kind, c.kind), c.person.name, c.reason, c.recorded_by)
        for c in member_history(household_id)
    ]
    statuses = [
        HistoryLine(s.date, f"{STATUS_WORDS.get(s.old_status, s.old_status)} → "
                    f"{STATUS_WORDS.get(s.new_status, s.new_status)}"
                    + (f"（{s.year}年）" if s.year else ""), "", s.reason, s.recorded_by)
        for s in status_history(household_id)
    ]
    relocations, renovations = household_housing(household_id)
    enrolled = [str(name) for (name,) in database.execute_sql(
        "SELECT DISTINCT p.name FROM enrolment e JOIN program p ON p.id = e.program_id "
        "WHERE e.household_id = ? AND e.end_date IS NULL ORDER BY p.sort_order, p.id", [household_id])]
    return HouseholdDetail(h.id, names.get(h.township_id, ""), names.get(h.village_id, ""),
                           names.get(h.group_id, ""), data, h.removed_on, members, history, statuses,
                           relocations, renovations, enrolled)

