"""Money paid above its program's 审核上限 (:mod:`suining_desk.services.caps`): a one-off
payment, or a line whose amount was adjusted, above the cap in force on the first day of its
period — with the reviewer who confirmed it and why, or 未经确认 (approved before the cap was
set, or in a database changed behind the program's back)."""

from __future__ import annotations

from suining_desk.db.models import Setting, database
from suining_desk.db.rows import tuples
from suining_desk.domain.periods import period_from_label
from suining_desk.services.caps import PREFIX, CapTable
from suining_desk.services.checks.base import STANDING, Check, Finding, RecordRef, yuan

CODE = "chk_above_cap"

_CAPS = """CREATE TEMP TABLE IF NOT EXISTS check_cap (program_id INTEGER, period TEXT, cap_fen INTEGER,
    PRIMARY KEY (program_id, period))"""
_ABOVE = f"""
SELECT p.id, p.household_id, h.household_no, COALESCE(pe.name, NULLIF(p.payee_name, ''), h.head_name), pr.name,
       p.period, p.amount_fen, c.cap_fen, b.id, b.batch_no, b.approved_by, b.cap_reason
FROM temp.check_cap c
JOIN payment p ON p.program_id = c.program_id AND p.period = c.period
JOIN payment_batch b ON b.id = p.batch_id
JOIN household h ON h.id = p.household_id JOIN program pr ON pr.id = p.program_id
LEFT JOIN person pe ON pe.id = p.person_id
WHERE {STANDING} AND p.amount_fen > c.cap_fen AND (b.kind = 'one_off' OR (b.kind = 'regular' AND p.reason <> ''))
ORDER BY p.id
"""


def _fill_caps() -> bool:
    database.execute_sql(_CAPS)
    database.execute_sql("DELETE FROM temp.check_cap")
    keys = [str(row[0]) for row in tuples(Setting.select(Setting.key).where(Setting.key.startswith(PREFIX)))]
    programs = sorted({int(key[len(PREFIX):]) for key in keys if key[len(PREFIX):].isdigit()})
    rows = []
    for program_id in programs:
        table = CapTable(program_id)
        for (label,) in database.execute_sql("SELECT DISTINCT period FROM payment_total WHERE program_id = ?",
                                             [program_id]).fetchall():
            period = period_from_label(label)
            if period is not None and (cap := table.on(period.start)) is not None:
                rows.append((program_id, label, cap))
    database.connection().executemany("INSERT INTO temp.check_cap VALUES (?, ?, ?)", rows)
    return bool(rows)


def run() -> list[Finding]:
    findings = []
    if _fill_caps():
        for pid, hh, hh_no, name, program, period, amount, cap, batch, batch_no, approver, reason in (
                database.execute_sql(_ABOVE).fetchall()):
            confirmed = f"审核人{approver}确认：{reason}" if reason else "未经审核人确认"
            findings.append(Finding(CODE, (RecordRef("payment", pid), RecordRef("household", hh, hh_no),
                                           RecordRef("batch", batch, batch_no)),
                                    {"name": name, "household_no": hh_no, "program": program, "period": period,
                                     "amount": yuan(amount), "cap": yuan(cap), "confirmed": confirmed}))
    database.execute_sql("DELETE FROM temp.check_cap")
    return findings


CHECK = Check(CODE, "超过审核上限", run)
