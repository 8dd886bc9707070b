"""The register's records as table rows (households, people, name keys, status
changes, enrolments), in the column order of the ``*_COLUMNS`` tuples.

Dates are written as ISO text and timestamps as peewee writes them, so the rows read
back exactly as rows saved through the models.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from suining_desk.demo.enrolments import Enrol
from suining_desk.demo.families import iso
from suining_desk.demo.households import HouseholdRec
from suining_desk.demo.ledger import CLERK, stamp
from suining_desk.domain.idnumber import FEMALE, MALE
from suining_desk.domain.search_keys import keys_for_name

HOUSEHOLD_COLUMNS = (
    "id", "household_no", "township_id", "village_id", "group_id", "address", "phone",
    "status", "exit_year", "main_cause", "other_causes", "dibao", "tekun", "bank_name",
    "bank_account", "registered_on", "removed_on", "removal_reason", "head_name",
    "head_id_number", "member_count",
)
PERSON_COLUMNS = (
    "id", "person_no", "household_id", "name", "id_number", "id_reversed", "sex",
    "birth_date", "relation", "ethnicity", "education", "schooling", "health", "disability",
    "labour", "work_status", "phone", "death_date", "removed_on", "removal_reason",
)
NAME_KEY_COLUMNS = ("person_id", "key")
STATUS_CHANGE_COLUMNS = (
    "id", "household_id", "old_status", "new_status", "year", "date", "reason", "recorded_by",
    "recorded_at",
)
ENROLMENT_COLUMNS = (
    "id", "program_id", "household_id", "person_id", "category", "people", "start_date",
    "end_date", "end_reason", "created_by", "created_at",
)


def household_rows(register: list[HouseholdRec]) -> Iterator[tuple[object, ...]]:
    for h in register:
        g, head = h.group, h.members[0]
        yield (
            h.id, h.household_no, g.township_id, g.village_id, g.id, g.address, h.phone,
            h.status, h.exit_year, h.main_cause, h.other_causes, int(h.dibao), int(h.tekun),
            h.bank_name, h.bank_account, h.registered_on.isoformat(), iso(h.removed_on),
            h.removal_reason, head.name, head.id_number, len(h.active_members()),
        )


def person_rows(register: list[HouseholdRec]) -> Iterator[tuple[object, ...]]:
    for h in register:
        for m in h.members:
            yield (
                m.id, m.person_no, h.id, m.name, m.id_number, m.id_number[::-1],
                MALE if m.male else FEMALE, m.birth.isoformat(), m.relation, m.ethnicity,
                m.education, m.schooling, m.health, m.disability, m.labour, m.work_status, "",
                iso(m.death), iso(m.removed), m.removal_reason,
            )


class NameKeys:
    """Every search key of every person: the app's own :func:`keys_for_name` (each
    suffix of the name, each full-pinyin spelling and string of initials), computed
    once per distinct name."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[str, ...]] = {}

    def keys(self, name: str) -> tuple[str, ...]:
        found = self._cache.get(name)
        if found is None:
            found = self._cache[name] = tuple(sorted(keys_for_name(name)))
        return found

    def rows(self, register: list[HouseholdRec]) -> Iterator[tuple[int, str]]:
        for h in register:
            for m in h.members:
                for key in self.keys(m.name):
                    yield m.id, key

    def count(self, register: list[HouseholdRec]) -> int:
        return sum(len(self.keys(m.name)) for h in register for m in h.members)


def status_change_rows(register: list[HouseholdRec]) -> Iterator[tuple[object, ...]]:
    n = 0
    for h in register:
        for old, new, year, day, reason in h.status_changes:
            n += 1
            yield (n, h.id, old, new, year, day.isoformat(), reason, CLERK, stamp(day, 16))


def enrolment_rows(
    enrolments: list[Enrol], program_ids: dict[str, int]
) -> Iterator[tuple[object, ...]]:
    for e in enrolments:
        yield (
            e.id, program_ids[e.program], e.household.id, e.person.id if e.person else None,
            e.category, e.people, e.start.isoformat(), iso(e.end), e.end_reason, CLERK,
            stamp(e.start - dt.timedelta(days=3), 10),
        )
