"""The members a household has lost (died or left), for the batch computation: why a
household has nobody to pay, and why fewer people are paid than were enrolled.

Read once for the few households concerned, after the batch's single pass over the
enrolments, never line by line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
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
_JOINED = "SELECT household_id, name, joined_on FROM person WHERE household_id IN ({marks}) AND joined_on > ?"

# A household member counts for a period when present on its first day: joined on or before
# it (入户日期; none recorded: since the household was registered), and neither a death nor a
# leaving recorded on or before it.
LIVING_MEMBERS_SQL = """(SELECT COUNT(*) FROM person m WHERE m.household_id = {household}
    AND (m.joined_on IS NULL OR m.joined_on <= {start})
    AND (m.death_date IS NULL OR m.death_date > {start}) AND (m.removed_on IS NULL OR m.removed_on > {start}))"""

# Someone of the household joined after ``{start}``: the members there now were not all there then.
JOINED_LATER_SQL = """EXISTS (SELECT 1 FROM person j WHERE j.household_id = {household} AND j.joined_on > {start})"""

# The people an enrolment ``e`` (household ``h``) is paid for, in a period starting on
# ``:start``: a household enrolment of a per-person program (``:per_person``) pays for at
# most the members counted then. The members are counted only when fewer are there now
# than enrolled, or someone joined after the start (otherwise those there now were there
# then too), so a county batch rarely counts. The batch computation, the insert of its lines
# and the re-check at posting all use it.
COVERED_PEOPLE_SQL = f"""(CASE WHEN NOT :per_person OR e.person_id IS NOT NULL
    OR (e.people <= h.member_count AND NOT {JOINED_LATER_SQL.format(household="e.household_id", start=":start")})
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


def joined_after(household_ids: Iterable[int], start: dt.date) -> dict[int, list[tuple[str, str]]]:
    """Household id → (name, 入户日期) of its members who joined after ``start``."""
    ids = sorted(set(household_ids))
    found: dict[int, list[tuple[str, str]]] = {}
    for n in range(0, len(ids), _CHUNK):
        chunk = ids[n:n + _CHUNK]
        sql = _JOINED.format(marks=",".join("?" * len(chunk)))
        for hh, name, joined in database.execute_sql(sql, [*chunk, start.isoformat()]).fetchall():
            found.setdefault(hh, []).append((name, str(joined)))
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


def reduction_why(gone: list[Gone], start: dt.date, joined: Sequence[tuple[str, str]] = ()) -> str:
    """「李四妹已于2026-05-10死亡」 for each member gone on or before the period's first day,
    「王小宝2026-06-03入户」 for each who joined after it."""
    return "、".join([describe(g.problem()) for g in gone if g.date <= start.isoformat()]
                    + [describe(Problem("note_joined_later", {"name": name, "date": day})) for name, day in joined])
