"""Migration 7: what a clerk's day needed (issue 17).

- ``area.retired_on``: a village or group retired (撤销) on a day stays with its records
  but takes no new ones (areas are never deleted once anything refers to them);
- ``person.joined_on`` (入户日期): the day a member joined the household, so a batch counts
  the people present in a period. Existing members get the day of their join in the member
  history (建档, 出生, 婚入, 迁入), else the household's registration date — or their birth date,
  when they were born later (a register imported years after it was drawn up);
- ``payment_batch.cap_reason``: the reviewer's reason for approving amounts above their
  program's cap (the reviewer is ``approved_by``).

A new database gets the columns from the models (migration 1); an older one here.
"""

from __future__ import annotations

from peewee import Database

_COLUMNS = (
    ("area", "retired_on", "DATE"),
    ("person", "joined_on", "DATE"),
    ("payment_batch", "cap_reason", "TEXT NOT NULL DEFAULT ''"),
)

JOIN_KINDS_SQL = "('registered', 'born', 'married_in', 'moved_in')"

# The earliest join in the member history, else the household's registration date.
_BACKFILL = f"""
UPDATE person SET joined_on = COALESCE(
    (SELECT MIN(c.date) FROM member_change c WHERE c.person_id = person.id AND c.kind IN {JOIN_KINDS_SQL}),
    (SELECT h.registered_on FROM household h WHERE h.id = person.household_id))
WHERE joined_on IS NULL
"""
_NOT_BEFORE_BIRTH = "UPDATE person SET joined_on = birth_date WHERE birth_date > joined_on"


def _columns(db: Database, table: str) -> set[str]:
    return {str(r[1]) for r in db.execute_sql(f'PRAGMA table_info("{table}")').fetchall()}


def v7_clerks_day(db: Database) -> None:
    from suining_desk.db import capture as audit_capture  # the capture module imports nothing of the models

    for table, column, definition in _COLUMNS:
        if column not in _columns(db, table):
            db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN {column} {definition}')
    # A value for a column the log never recorded on these rows: not a change to log (verify
    # compares only the columns a logged state holds), and 400,000 rows would swamp the next entry.
    with audit_capture.paused(db, ("person",)):
        db.execute_sql(_BACKFILL)
        db.execute_sql(_NOT_BEFORE_BIRTH)
