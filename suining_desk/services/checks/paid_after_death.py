"""A payment dated after the death of the person it is for, or of the person it was paid to."""

from __future__ import annotations

from suining_desk.db.models import database
from suining_desk.services.checks.base import STANDING, Check, Finding, RecordRef, yuan

CODE = "chk_paid_after_death"

_SQL = f"""
SELECT p.id, p.household_id, h.household_no, pe.id, pe.name, pe.death_date, p.paid_date, p.amount_fen,
       pr.name, p.period
FROM person pe
CROSS JOIN payment p ON {{join}}
JOIN household h ON h.id = p.household_id
JOIN program pr ON pr.id = p.program_id
WHERE pe.death_date IS NOT NULL AND p.paid_date > pe.death_date AND {STANDING}
"""
_BENEFICIARY = "p.person_id = pe.id"
_PAYEE = "p.household_id = pe.household_id AND p.payee_id_number = pe.id_number"


def run() -> list[Finding]:
    findings: dict[int, Finding] = {}
    for join in (_BENEFICIARY, _PAYEE):
        for pid, hh, hh_no, person, name, death, paid, amount, program, period in database.execute_sql(
                _SQL.format(join=join)):
            if pid in findings:
                continue
            findings[pid] = Finding(CODE, (RecordRef("payment", pid), RecordRef("person", person, name),
                                           RecordRef("household", hh, hh_no)),
                                    {"name": name, "death": str(death), "paid": str(paid), "program": program,
                                     "amount": yuan(amount), "period": period})
    return [findings[k] for k in sorted(findings)]


CHECK = Check(CODE, "死亡后仍发放", run)
