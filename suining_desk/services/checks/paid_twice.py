"""The same program paid twice to the same beneficiary for one period (net of reversals:
an original, its reversal and its re-issue are one payment) — also a person paid on their
own while their whole household was paid too."""

from __future__ import annotations

from suining_desk.db.models import database
from suining_desk.services.checks.base import STANDING, Check, Finding, RecordRef, yuan

CODE = "chk_paid_twice"
CODE_BOTH_WAYS = "chk_paid_twice_household"  # a finding of the same check

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


# Only a program with both household and personal payments can pay someone both ways: one
# pass finds those programs (usually none), then each is grouped by household and period.
_MIXED = """
SELECT program_id FROM payment NOT INDEXED WHERE posted = 1
GROUP BY program_id HAVING COUNT(person_id) > 0 AND COUNT(person_id) < COUNT(*)
"""
_BOTH_WAYS = """
SELECT household_id, period FROM payment WHERE posted = 1 AND program_id = ?
GROUP BY household_id, period
HAVING SUM(CASE WHEN person_id IS NULL THEN amount_fen END) > 0
   AND SUM(CASE WHEN person_id IS NOT NULL THEN amount_fen END) > 0
"""
_BOTH_DETAIL = f"""
SELECT p.id, p.person_id, h.household_no, COALESCE(pe.name, h.head_name), pr.name, p.amount_fen
FROM payment p JOIN household h ON h.id = p.household_id JOIN program pr ON pr.id = p.program_id
LEFT JOIN person pe ON pe.id = p.person_id
WHERE p.household_id = ? AND p.program_id = ? AND p.period = ? AND {STANDING} ORDER BY p.person_id IS NOT NULL, p.id
"""


def _both_ways() -> list[Finding]:
    findings = []
    for (program_id,) in database.execute_sql(_MIXED).fetchall():
        for hh, period in database.execute_sql(_BOTH_WAYS, [program_id]).fetchall():
            rows = database.execute_sql(_BOTH_DETAIL, [hh, program_id, period]).fetchall()
            alone = [r for r in rows if r[1] is not None]
            if not alone or len(alone) == len(rows):
                continue
            _, person, hh_no, name, program, _ = alone[0]
            refs = [RecordRef("payment", r[0]) for r in rows]
            refs += [RecordRef("person", person, name), RecordRef("household", hh, hh_no)]
            findings.append(Finding(CODE_BOTH_WAYS, tuple(refs), {
                "name": name, "household_no": hh_no, "period": period, "program": program, "count": len(rows),
                "amount": yuan(sum(r[5] for r in rows))}))
    return findings


def run() -> list[Finding]:
    findings = _both_ways()
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
    return sorted(findings, key=lambda f: f.records[0].id)


CHECK = Check(CODE, "同一期重复发放", run)
