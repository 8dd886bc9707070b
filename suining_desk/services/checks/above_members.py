"""A household paid for more people than it had in the period: a per-person program paid
for ``people`` while fewer members were there on the period's first day (the others had
died or left on or before it — the rule the batch computation follows). A household of
one whose member died is left to 死亡后仍发放 (``paid_after_death``), which already finds it.

Only households that have lost a member can be paid for someone gone, so the check starts
from those (few) households and reads their payments through the household index.
"""

from __future__ import annotations

import datetime as dt

from suining_desk.db.models import database
from suining_desk.domain.periods import period_from_label
from suining_desk.services.batch_members import LIVING_MEMBERS_SQL, gone_members, reduction_why
from suining_desk.services.checks.base import STANDING, Check, Finding, RecordRef, yuan

CODE = "chk_above_members"

_STARTS = "CREATE TEMP TABLE IF NOT EXISTS check_period_start (period TEXT PRIMARY KEY, start TEXT)"
_SQL = f"""
SELECT p.id, p.household_id, h.household_no, COALESCE(NULLIF(p.payee_name, ''), h.head_name), pr.name, p.period,
       p.people, p.amount_fen, s.start, {LIVING_MEMBERS_SQL.format(household="p.household_id", start="s.start")}
FROM (SELECT DISTINCT household_id FROM person WHERE death_date IS NOT NULL OR removed_on IS NOT NULL) g
CROSS JOIN payment p ON p.household_id = g.household_id  -- CROSS: households first, then their payments
JOIN program pr ON pr.id = p.program_id AND pr.basis = 'person'
JOIN temp.check_period_start s ON s.period = p.period
JOIN household h ON h.id = p.household_id
WHERE p.person_id IS NULL AND p.people > 1 AND {STANDING}
  AND p.people > {LIVING_MEMBERS_SQL.format(household="p.household_id", start="s.start")}
ORDER BY p.id
"""


def _fill_starts() -> None:
    database.execute_sql(_STARTS)
    database.execute_sql("DELETE FROM temp.check_period_start")
    labels = {row[0] for row in database.execute_sql("SELECT DISTINCT period FROM payment_total")}
    starts = [(label, period.start.isoformat()) for label in sorted(labels)
              if (period := period_from_label(label)) is not None]
    database.connection().executemany("INSERT INTO temp.check_period_start VALUES (?, ?)", starts)


def run() -> list[Finding]:
    _fill_starts()
    rows = database.execute_sql(_SQL).fetchall()
    database.execute_sql("DELETE FROM temp.check_period_start")
    gone = gone_members(r[1] for r in rows)
    findings = []
    for pid, hh, hh_no, name, program, period, people, amount, start, living in rows:
        why = reduction_why(gone.get(hh, []), dt.date.fromisoformat(start))
        findings.append(Finding(CODE, (RecordRef("payment", pid), RecordRef("household", hh, hh_no)), {
            "name": name, "household_no": hh_no, "program": program, "period": period, "people": people,
            "amount": yuan(amount), "living": living, "why": why, "start": start}))
    return findings


CHECK = Check(CODE, "超过在户人数发放", run)
