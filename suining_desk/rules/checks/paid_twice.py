"""The same program paid twice to the same beneficiary for one period (net of reversals:
an original, its reversal and its re-issue are one payment)."""

from __future__ import annotations

from suining_desk.db.models import database
from suining_desk.rules.checks.base import Check, Finding, RecordRef, yuan

CODE = "chk_paid_twice"

# One pass over the posted payments, grouped (no index holds these columns since migration 5:
# each would be written all over by every batch).
_GROUPS = """
SELECT household_id, program_id, period, person_id, COUNT(*), SUM(amount_fen)
FROM payment WHERE posted = 1
GROUP BY household_id, program_id, period, person_id
HAVING SUM(amount_fen) > MAX(amount_fen)
"""
_DETAIL = """
SELECT p.id, h.household_no, COALESCE(pe.name, h.head_name), pr.name
FROM payment p JOIN household h ON h.id = p.household_id JOIN program pr ON pr.id = p.program_id
LEFT JOIN person pe ON pe.id = p.person_id
WHERE p.household_id = ? AND p.program_id = ? AND p.period = ? AND p.person_id IS ? AND p.posted = 1
  AND p.amount_fen > 0 ORDER BY p.id
"""


def run() -> list[Finding]:
    findings = []
    for hh, program_id, period, person, count, total in database.execute_sql(_GROUPS).fetchall():
        rows = database.execute_sql(_DETAIL, [hh, program_id, period, person]).fetchall()
        if not rows:
            continue
        _, hh_no, name, program = rows[0]
        refs = [RecordRef("payment", r[0]) for r in rows]
        refs.append(RecordRef("household", hh, hh_no))
        findings.append(Finding(CODE, tuple(refs), {"name": name, "household_no": hh_no, "period": period,
                                                    "program": program, "count": len(rows),
                                                    "amount": yuan(total), "lines": count}))
    return findings


CHECK = Check(CODE, "同一期重复发放", run)
