"""A batch approved by the clerk who entered it."""

from __future__ import annotations

from suining_desk.db.models import database
from suining_desk.services.checks.base import Check, Finding, RecordRef

CODE = "chk_self_approved"

_SQL = """SELECT id, batch_no, created_by FROM payment_batch
WHERE approved_by <> '' AND approved_by = created_by ORDER BY id"""


def run() -> list[Finding]:
    return [Finding(CODE, (RecordRef("batch", bid, no),), {"batch": no, "user": user})
            for bid, no, user in database.execute_sql(_SQL)]


CHECK = Check(CODE, "录入人自己审核", run)
