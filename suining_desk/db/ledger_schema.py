"""Migration 6: what the ledgers print as county offices and auditors expect them.

- ``allocation`` (资金下达): money allotted to a program for a year by a document (文号);
  rows are never edited or deleted, a wrong one is voided (its void columns set, once);
- ``payment.bank_name`` (开户银行 of the line's account) and ``payment.details`` /
  ``enrolment.details`` (how an amount was reached: costs, school, patrol area …), frozen
  with the rest of a line once its batch leaves draft;
- ``relocation.household_kind`` (建档立卡 or 同步搬迁), ``renovation.appraised_by`` /
  ``appraised_on`` (the safety appraisal) and ``renovation.paid_on`` (subsidy paid).

A new database gets the columns from the models (migration 1); an older one here.
"""

from __future__ import annotations

from peewee import Database

from suining_desk.db import models

_COLUMNS = (
    ("payment", "bank_name", "TEXT NOT NULL DEFAULT ''"),
    ("payment", "details", "TEXT NOT NULL DEFAULT ''"),
    ("enrolment", "details", "TEXT NOT NULL DEFAULT ''"),
    ("relocation", "household_kind", "TEXT NOT NULL DEFAULT ''"),
    ("renovation", "appraised_by", "TEXT NOT NULL DEFAULT ''"),
    ("renovation", "appraised_on", "DATE"),
    ("renovation", "paid_on", "DATE"),
)

_DRAFT = "(SELECT status FROM payment_batch WHERE id = OLD.batch_id)"

TRIGGERS = (
    # The new line columns follow the line (migration 4): changed only in a draft batch.
    f"""CREATE TRIGGER IF NOT EXISTS payment_line_details_frozen BEFORE UPDATE OF bank_name, details ON payment
    WHEN OLD.posted = 0 AND OLD.batch_id IS NOT NULL AND {_DRAFT} IS NOT 'draft'
    BEGIN SELECT RAISE(ABORT, 'only the lines of a draft batch change'); END""",
    """CREATE TRIGGER IF NOT EXISTS allocation_no_delete BEFORE DELETE ON allocation
    BEGIN SELECT RAISE(ABORT, 'allocations are never deleted: void them'); END""",
    """CREATE TRIGGER IF NOT EXISTS allocation_no_update BEFORE UPDATE ON allocation
    WHEN OLD.voided_at IS NOT NULL
      OR NEW.program_id IS NOT OLD.program_id OR NEW.year IS NOT OLD.year OR NEW.level IS NOT OLD.level
      OR NEW.amount_fen IS NOT OLD.amount_fen OR NEW.doc_no IS NOT OLD.doc_no
      OR NEW.issued_on IS NOT OLD.issued_on OR NEW.created_by IS NOT OLD.created_by
      OR NEW.created_at IS NOT OLD.created_at
    BEGIN SELECT RAISE(ABORT, 'an allocation is only ever voided, once'); END""",
)


def _columns(db: Database, table: str) -> set[str]:
    return {str(r[1]) for r in db.execute_sql(f'PRAGMA table_info("{table}")').fetchall()}


def v6_ledger_forms(db: Database) -> None:
    for table, column, definition in _COLUMNS:
        if column not in _columns(db, table):
            db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN {column} {definition}')
    db.create_tables([models.Allocation], safe=True)
    for sql in TRIGGERS:
        db.execute_sql(sql)
