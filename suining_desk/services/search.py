"""Finding people: by Chinese name or part of it, pinyin (every reading), initials,
the whole ID number or its last digits, or the household number."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from peewee import JOIN

from suining_desk.db.models import Household, NameKey, Person
from suining_desk.db.rows import tuples
from suining_desk.domain.search_keys import normalize_query

_ID_CHARS = re.compile(r"^[0-9Xx]+$")


@dataclass(frozen=True)
class PersonHit:
    person_id: int
    household_id: int
    name: str
    id_number: str
    relation: str
    household_no: str
    head_name: str


def _prefix_range(field: object, prefix: str) -> object:
    # A range, not LIKE, so SQLite uses the index whatever the collation.
    return (field >= prefix) & (field < prefix + "\U0010ffff")  # type: ignore[operator]


def search_people(query: str, *, limit: int = 50) -> list[PersonHit]:
    q = normalize_query(query)
    if not q:
        return []
    conditions: list[Any] = []
    if _ID_CHARS.match(q) and any(c.isdigit() for c in q):
        q_id = q.upper()
        if len(q_id) >= 15:
            conditions.append(Person.id_number == q_id)
        if len(q_id) >= 4:
            conditions.append(_prefix_range(Person.id_reversed, q_id[::-1]))
        hh_ids = Household.select(Household.id).where(_prefix_range(Household.household_no, q_id))
        conditions.append(Person.household.in_(hh_ids))
    else:
        key_ids = NameKey.select(NameKey.person).where(_prefix_range(NameKey.key, q))
        conditions.append(Person.id.in_(key_ids))
    where = conditions[0]
    for extra in conditions[1:]:
        where = where | extra
    rows = (
        Person.select(Person.id, Person.household, Person.name, Person.id_number, Person.relation,
                      Household.household_no, Household.head_name)
        .join(Household, JOIN.INNER, on=(Person.household == Household.id))
        .where(where)
        .order_by(Household.household_no, Person.id)
        .limit(limit)
    )
    return [PersonHit(pid, hid, name, idn or "", rel, hno, head)
            for pid, hid, name, idn, rel, hno, head in tuples(rows)]
