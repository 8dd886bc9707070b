"""Exporting the register in the layout it is imported from: one row per person, the
household's fields repeated on each of its rows (as the national register's export
does), so export → import into an empty database gives the same households and people.

``households``: every member (those who died or left too, with the date and reason) of
the households the list's filter selects, in the list's order. ``people``: only the
members still in their household, optionally those a search finds.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from suining_desk.db.models import database
from suining_desk.domain.enums import HOUSEHOLD_STATUS
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.exchange.register_layout import EXIT_KINDS, REGISTER
from suining_desk.exchange.staging import ProgressFn, Steps
from suining_desk.exchange.xlsx_out import write_table
from suining_desk.services.household_query import HouseholdColumn, HouseholdFilter, household_ids

CHUNK = 500
_PERSON = ("p.household_id", "p.person_no", "p.name", "p.id_number", "p.relation", "p.sex", "p.ethnicity",
           "p.education", "p.schooling", "p.health", "p.disability", "p.labour", "p.work_status", "p.phone",
           "p.death_date", "p.removed_on", "p.removal_reason", "p.id")
_HOUSEHOLD = ("h.id", "h.household_no", "t.name", "v.name", "g.name", "h.address", "h.status", "h.dibao", "h.tekun",
              "h.main_cause", "h.other_causes", "h.exit_year", "h.phone", "h.bank_name", "h.bank_account",
              "h.registered_on", "h.removed_on", "h.removal_reason")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    households: int


def attribute_label(dibao: object, tekun: object) -> str:
    if dibao and tekun:
        return "低保贫困户、特困供养贫困户"
    if dibao:
        return "低保贫困户"
    if tekun:
        return "特困供养贫困户"
    return "一般贫困户"


def _date(value: object) -> object:
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else value or None


def _households(conn: sqlite3.Connection, ids: list[int]) -> dict[int, tuple[Any, ...]]:
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        f"SELECT {', '.join(_HOUSEHOLD)} FROM household h JOIN area t ON t.id = h.township_id "
        f"JOIN area v ON v.id = h.village_id JOIN area g ON g.id = h.group_id WHERE h.id IN ({marks})", ids)
    return {int(r[0]): r for r in rows}


def _exit_kinds(conn: sqlite3.Connection, person_ids: list[int]) -> dict[int, str]:
    if not person_ids:
        return {}
    marks = ",".join("?" * len(person_ids))
    rows = conn.execute(f"SELECT person_id, kind FROM member_change WHERE person_id IN ({marks}) "
                        f"AND kind IN ({','.join('?' * len(EXIT_KINDS))}) ORDER BY id", [*person_ids, *EXIT_KINDS])
    return {int(pid): str(kind) for pid, kind in rows}


def register_rows(ids: list[int], *, active_only: bool = False, person_ids: set[int] | None = None,
                  steps: Steps | None = None) -> Iterator[list[object]]:
    """Rows in :data:`REGISTER`'s column order for the households ``ids`` (in that order)."""
    conn: sqlite3.Connection = database.connection()
    keys = [c.key for c in REGISTER.columns]
    for start in range(0, len(ids), CHUNK):
        if steps is not None:
            steps.report("导出", start / max(len(ids), 1))
        part = ids[start:start + CHUNK]
        households = _households(conn, part)
        where = " AND p.death_date IS NULL AND p.removed_on IS NULL" if active_only else ""
        people: dict[int, list[tuple[Any, ...]]] = {}
        for r in conn.execute(f"SELECT {', '.join(_PERSON)} FROM person p WHERE p.household_id IN "
                              f"({','.join('?' * len(part))}){where} ORDER BY p.id", part):
            if person_ids is None or int(r[-1]) in person_ids:
                people.setdefault(int(r[0]), []).append(r)
        gone = [int(p[-1]) for members in people.values() for p in members if p[15]]
        kinds = _exit_kinds(conn, gone)
        for household_id in part:
            h = households[household_id]
            for p in people.get(household_id, []):
                values = _row(h, p, kinds)
                yield [values[k] for k in keys]


def _row(h: tuple[Any, ...], p: tuple[Any, ...], kinds: dict[int, str]) -> dict[str, object]:
    died, removed = p[14], p[15]
    exit_kind = "died" if died else (kinds.get(int(p[-1]), "removed") if removed else None)
    return {
        "household_no": h[1], "person_no": p[1] or None, "name": p[2], "id_number": p[3], "relation": p[4],
        "sex": p[5], "ethnicity": p[6], "education": p[7], "schooling": p[8], "health": p[9],
        "disability": p[10], "labour": p[11], "work_status": p[12], "person_phone": p[13],
        "township": h[2], "village": h[3], "group": h[4], "address": h[5],
        "status": HOUSEHOLD_STATUS.get(str(h[6]), h[6]), "attribute": attribute_label(h[7], h[8]),
        "main_cause": h[9], "other_causes": h[10], "exit_year": h[11], "phone": h[12], "bank_name": h[13],
        "bank_account": h[14], "registered_on": _date(h[15]), "household_removed_on": _date(h[16]),
        "household_removal_reason": h[17] or None,
        "exit_kind": EXIT_KINDS[exit_kind] if exit_kind else None, "exit_date": _date(died or removed),
        "exit_reason": p[16] if exit_kind else None,
    }


def export_register(out: Path | str, f: HouseholdFilter | None = None, *, people_only: bool = False,
                    person_ids: set[int] | None = None, sort: HouseholdColumn = HouseholdColumn.HOUSEHOLD_NO,
                    descending: bool = False, progress: ProgressFn | None = None,
                    cancel: threading.Event | None = None) -> ExportResult:
    """Write the households (or ``people_only``: the members still at home) the filter
    selects; raises :class:`InvalidInput` (``export_empty``) when it selects none."""
    steps = Steps(progress, cancel)
    ids = list(household_ids(f or HouseholdFilter(), sort, descending))
    if not ids:
        raise InvalidInput([Problem("export_empty")])
    with database.atomic():  # one consistent snapshot of the register
        rows = register_rows(ids, active_only=people_only, person_ids=person_ids, steps=steps)
        count = write_table(out, REGISTER.sheet_title, REGISTER.columns, rows)
    steps.report("导出", 1.0)
    return ExportResult(Path(out), count, len(ids))
