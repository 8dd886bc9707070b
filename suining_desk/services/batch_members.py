"""The members a household has lost (died or left), for the batch computation: why a
household has nobody to pay, and why fewer people are paid than were enrolled.

Read once for the few households concerned, after the batch's single pass over the
enrolments, never line by line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from suining_desk.db.models import database
from suining_desk.domain.enums import HEAD
from suining_desk.domain.messages import describe
from suining_desk.domain.problems import Problem

_CHUNK = 500  # ids bound per statement, well under SQLite's limit

_GONE = """
SELECT household_id, name, relation, death_date, removed_on, removal_reason FROM person
WHERE household_id IN ({marks}) AND (death_date IS NOT NULL OR removed_on IS NOT NULL)
"""

# A household member counts for a period when neither a death nor a leaving is recorded
# on or before the period's first day.
LIVING_MEMBERS_SQL = """(SELECT COUNT(*) FROM person m WHERE m.household_id = {household}
    AND (m.death_date IS NULL OR m.death_date > {start}) AND (m.removed_on IS NULL OR m.removed_on > {start}))"""

# The people an enrolment ``e`` (household ``h``) is paid for, in a period starting on
# ``:start``: a household enrolment of a per-person program (``:per_person``) pays for at
# most the members counted then. The members are counted only when fewer are there now
# than enrolled (those there now were there then too), so a county batch rarely counts.
# The batch computation and the insert of its lines both use it, in one transaction.
COVERED_PEOPLE_SQL = f"""(CASE WHEN NOT :per_person OR e.person_id IS NOT NULL OR e.people <= h.member_count
    THEN e.people ELSE MIN(e.people, {LIVING_MEMBERS_SQL.format(household="e.household_id", start=":start")}) END)"""


@dataclass(frozen=True)
class Gone:
    name: str
    is_head: bool
    died: bool
    date: str  # ISO date of the death, or else of the leaving
    reason: str

    def problem(self, *, as_head: bool = False) -> Problem:
        if self.died:
            return Problem("excl_head_died" if as_head else "excl_member_died", {"name": self.name, "date": self.date})
        return Problem("excl_head_left" if as_head else "excl_member_left",
                       {"name": self.name, "date": self.date, "reason": self.reason or "迁出"})


def gone_members(household_ids: Iterable[int]) -> dict[int, list[Gone]]:
    """Household id → its members who died or left, earliest first."""
    ids = sorted(set(household_ids))
    found: dict[int, list[Gone]] = {}
    for n in range(0, len(ids), _CHUNK):
        chunk = ids[n:n + _CHUNK]
        sql = _GONE.format(marks=",".join("?" * len(chunk)))
        for hh, name, relation, death, removed, reason in database.execute_sql(sql, chunk).fetchall():
            died = death is not None
            found.setdefault(hh, []).append(Gone(name, relation == HEAD, died, str(death if died else removed),
                                                 reason or ""))
    for members in found.values():
        members.sort(key=lambda g: g.date)
    return found


def no_head_reason(gone: list[Gone], members_left: int) -> tuple[str, dict[str, Any], str] | None:
    """(code, params, name) saying why a household has no head to pay: its last member, or
    its head, died or left. None when the register simply names no head."""
    heads = [g for g in gone if g.is_head]
    if members_left <= 0 and gone:
        last = (heads or gone)[-1]
        p = last.problem()
        return p.code, p.params, last.name
    if heads:
        p = heads[-1].problem(as_head=True)
        return p.code, p.params, heads[-1].name
    return None


def reduction_why(gone: list[Gone], start: dt.date) -> str:
    """「李四妹已于2026-05-10死亡」 for each member gone on or before the period's first day."""
    return "、".join(describe(g.problem()) for g in gone if g.date <= start.isoformat())
