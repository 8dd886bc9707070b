"""A payment dated after the household left the register."""

from __future__ import annotations

from suining_desk.db.models import database
from suining_desk.services.checks.base import STANDING, Check, Finding, RecordRef, yuan

CODE = "chk_paid_after_removal"

_SQL = f"""
SELECT p.id, h.id, h.household_no, h.removed_on, p.paid_date, p.amount_fen, pr.name, p.period
FROM household h
CROSS JOIN payment p ON p.household_id = h.id
JOIN program pr ON pr.id = p.program_id
WHERE h.removed_on IS NOT NULL AND p.paid_date > h.removed_on AND {STANDING}
ORDER BY p.id
"""


def run() -> list[Finding]:
    return [
        Finding(CODE, (RecordRef("payment", pid), RecordRef("household", hh, hh_no)),
                {"household_no": hh_no, "removed": str(removed), "paid": str(paid), "amount": yuan(amount),
                 "program": program, "period": period})
        for pid, hh, hh_no, removed, paid, amount, program, period in database.execute_sql(_SQL)
    ]


CHECK = Check(CODE, "移出建档立卡后仍发放", run)
