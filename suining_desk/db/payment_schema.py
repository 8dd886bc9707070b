"""Migration 4: what the database itself enforces about batches, and the running totals.

- Only a draft batch's lines change: the lines of a submitted or approved batch can be
  neither edited nor deleted, and lines become posted only in an approved batch (and
  then, as before, never change again). A posted batch never changes, and only a draft
  may be deleted.
- ``payment_total`` keeps the count and the sum of the posted payments per program,
  period, township and village, kept by triggers in the same statement as the payments
  themselves, so the payments page's footer over a million rows is one small read.
"""

from __future__ import annotations

from peewee import Database

_STATUS = "(SELECT status FROM payment_batch WHERE id = {ref}.batch_id)"
# Every column of a line but posted and paid_date (which posting sets): a trigger "UPDATE OF"
# these does not even run when a batch is posted.
_LINE_COLUMNS = ("batch_id", "program_id", "household_id", "person_id", "township_id", "village_id", "period",
                 "category", "people", "months", "standard_fen", "amount_fen", "payee_name", "payee_id_number",
                 "bank_account", "reason", "reverses_id", "reissue_of_id", "created_by")

TRIGGERS = (
    f"""CREATE TRIGGER payment_line_frozen BEFORE UPDATE OF {', '.join(_LINE_COLUMNS)} ON payment
    WHEN OLD.posted = 0 AND OLD.batch_id IS NOT NULL AND {_STATUS.format(ref="OLD")} IS NOT 'draft'
    BEGIN SELECT RAISE(ABORT, 'only the lines of a draft batch change'); END""",
    f"""CREATE TRIGGER payment_posted_needs_approval BEFORE UPDATE OF posted ON payment
    WHEN OLD.posted = 0 AND NEW.posted = 1 AND {_STATUS.format(ref="OLD")} IS NOT 'approved'
    BEGIN SELECT RAISE(ABORT, 'lines are posted only in an approved batch'); END""",
    f"""CREATE TRIGGER payment_line_frozen_delete BEFORE DELETE ON payment
    WHEN OLD.posted = 0 AND OLD.batch_id IS NOT NULL AND {_STATUS.format(ref="OLD")} IS NOT 'draft'
    BEGIN SELECT RAISE(ABORT, 'only the lines of a draft batch change'); END""",
    f"""CREATE TRIGGER payment_line_into_closed_batch BEFORE INSERT ON payment
    WHEN NEW.posted = 0 AND NEW.batch_id IS NOT NULL AND {_STATUS.format(ref="NEW")} IS NOT 'draft'
    BEGIN SELECT RAISE(ABORT, 'only the lines of a draft batch change'); END""",
    """CREATE TRIGGER payment_batch_posted_no_update BEFORE UPDATE ON payment_batch WHEN OLD.status = 'posted'
    BEGIN SELECT RAISE(ABORT, 'a posted batch never changes'); END""",
    """CREATE TRIGGER payment_batch_no_delete BEFORE DELETE ON payment_batch WHEN OLD.status <> 'draft'
    BEGIN SELECT RAISE(ABORT, 'only a draft batch may be deleted'); END""",
)

_ADD = """INSERT INTO payment_total (program_id, period, township_id, village_id, payments, total_fen)
    VALUES (NEW.program_id, NEW.period, NEW.township_id, NEW.village_id, 1, NEW.amount_fen)
    ON CONFLICT (program_id, period, township_id, village_id)
    DO UPDATE SET payments = payments + 1, total_fen = total_fen + excluded.total_fen;"""

TOTALS = (
    """CREATE TABLE payment_total (
        program_id INTEGER NOT NULL, period TEXT NOT NULL, township_id INTEGER NOT NULL,
        village_id INTEGER NOT NULL, payments INTEGER NOT NULL, total_fen INTEGER NOT NULL,
        PRIMARY KEY (program_id, period, township_id, village_id)) WITHOUT ROWID""",
    "CREATE INDEX payment_total_township ON payment_total (township_id, program_id, period)",
    "CREATE INDEX payment_total_village ON payment_total (village_id, program_id, period)",
    f"CREATE TRIGGER payment_total_insert AFTER INSERT ON payment WHEN NEW.posted = 1 BEGIN {_ADD} END",
    f"""CREATE TRIGGER payment_total_post AFTER UPDATE OF posted ON payment
    WHEN OLD.posted = 0 AND NEW.posted = 1 BEGIN {_ADD} END""",
)

# Indexes of the payment table, rearranged (each index costs every batch it is written
# into): the single-column indexes peewee made for the foreign keys repeat the first
# column of a composite one; reversal and re-issue links index only the rows that have
# one; the household index also carries the person, posted and amount, so the "paid
# twice" check and the already-paid lookups read the index alone. It keeps its name,
# so a later create_tables(safe=True) does not add the old one back.
INDEXES = (
    *(f"DROP INDEX IF EXISTS payment_{c}_id" for c in ("household", "person", "program", "township", "village")),
    "DROP INDEX IF EXISTS payment_reverses_id",
    "CREATE INDEX payment_reverses_id ON payment (reverses_id) WHERE reverses_id IS NOT NULL",
    "DROP INDEX IF EXISTS payment_reissue_of_id",
    "CREATE INDEX payment_reissue_of_id ON payment (reissue_of_id) WHERE reissue_of_id IS NOT NULL",
    "DROP INDEX IF EXISTS payment_household_id_program_id_period",
    """CREATE INDEX payment_household_id_program_id_period
    ON payment (household_id, program_id, period, person_id, posted, amount_fen)""",
)

BACKFILL = """INSERT INTO payment_total (program_id, period, township_id, village_id, payments, total_fen)
SELECT program_id, period, township_id, village_id, COUNT(*), SUM(amount_fen)
FROM payment WHERE posted = 1 GROUP BY program_id, period, township_id, village_id"""


def v4_batches_and_totals(db: Database) -> None:
    for sql in (*TRIGGERS, *TOTALS, BACKFILL, *INDEXES):
        db.execute_sql(sql)


# Migration 5: every index of the payment table is written for each of a batch's 20,000
# lines, and an index keyed by household is written all over (a batch pays households
# scattered through it), twice when it carries ``posted`` (the post rewrites it). So the
# household index holds the household alone (its detail tab and the per-household
# lookups read a few rows each) and is untouched by posting; the person index holds only
# the rows paid for one person (a per-household batch never writes it). Both take the
# names peewee gives a foreign key's index, so create_tables(safe=True) adds nothing back.
LEAN_INDEXES = (
    "DROP INDEX IF EXISTS payment_household_id_program_id_period",
    "DROP INDEX IF EXISTS payment_person_id_program_id_period",
    "DROP INDEX IF EXISTS payment_household_id",
    "DROP INDEX IF EXISTS payment_person_id",
    "CREATE INDEX payment_household_id ON payment (household_id)",
    "CREATE INDEX payment_person_id ON payment (person_id, program_id, period) WHERE person_id IS NOT NULL",
)


def v5_lean_payment_indexes(db: Database) -> None:
    for sql in LEAN_INDEXES:
        db.execute_sql(sql)
