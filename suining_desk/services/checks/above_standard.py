"""A payment above the program's standard × people × periods (for one-off aid the
standard is the most one payment may be). The standard is the one in force on the first
day of the payment's period, for its category."""

from __future__ import annotations

from suining_desk.db.models import Program, database
from suining_desk.domain.enums import BatchStatus
from suining_desk.domain.periods import period_from_label
from suining_desk.services.checks.base import Check, Finding, RecordRef, yuan
from suining_desk.services.programs import StandardTable

CODE = "chk_above_standard"

_LIMITS = """CREATE TEMP TABLE IF NOT EXISTS check_limit (program_id INTEGER, period TEXT, category TEXT,
    limit_fen INTEGER, per_person INTEGER, PRIMARY KEY (program_id, period, category))"""
# A full scan is faster than walking an index and reading each row it points to.
_ABOVE = """
SELECT p.id, p.household_id, h.household_no, COALESCE(pe.name, p.payee_name), pr.name, p.period, p.amount_fen,
       l.limit_fen, CASE WHEN l.per_person THEN p.people ELSE 1 END, p.months
FROM payment p NOT INDEXED
JOIN temp.check_limit l ON l.program_id = p.program_id AND l.period = p.period AND l.category = p.category
JOIN household h ON h.id = p.household_id JOIN program pr ON pr.id = p.program_id
LEFT JOIN person pe ON pe.id = p.person_id
WHERE p.posted = 1 AND p.amount_fen > l.limit_fen * (CASE WHEN l.per_person THEN p.people ELSE 1 END) * p.months
ORDER BY p.id
"""


def _fill_limits() -> None:
    database.execute_sql(_LIMITS)
    database.execute_sql("DELETE FROM temp.check_limit")
    periods = database.execute_sql("SELECT DISTINCT program_id, period FROM payment_total").fetchall()
    periods += database.execute_sql(
        "SELECT DISTINCT program_id, period FROM payment_batch WHERE status <> ?", [BatchStatus.POSTED]).fetchall()
    tables: dict[int, StandardTable] = {}
    basis = {p.id: p.basis == "person" for p in Program.select(Program.id, Program.basis)}
    rows = set()
    for program_id, label in periods:
        period = period_from_label(label)
        table = tables.setdefault(program_id, StandardTable(program_id))
        if period is None:
            continue
        for category in table.categories:
            limit = table.on(category, period.start)
            if limit is not None:
                rows.add((program_id, label, category, limit, int(basis.get(program_id, True))))
    database.connection().executemany("INSERT INTO temp.check_limit VALUES (?, ?, ?, ?, ?)", sorted(rows))


def run() -> list[Finding]:
    _fill_limits()
    findings = []
    for pid, hh, hh_no, name, program, period, amount, limit, people, months in database.execute_sql(
            _ABOVE).fetchall():
        findings.append(Finding(CODE, (RecordRef("payment", pid), RecordRef("household", hh, hh_no)),
                                {"name": name, "household_no": hh_no, "program": program, "period": period,
                                 "amount": yuan(amount), "standard": yuan(limit), "people": people,
                                 "months": months, "limit": yuan(limit * people * months)}))
    database.execute_sql("DELETE FROM temp.check_limit")
    return findings


CHECK = Check(CODE, "超标准发放", run)
