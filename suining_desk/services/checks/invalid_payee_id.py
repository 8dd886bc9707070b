"""A payment whose payee's ID number fails GB 11643 (length, birth date or check character)."""

from __future__ import annotations

from suining_desk.db.models import database
from suining_desk.domain.idnumber import is_valid
from suining_desk.services.checks.base import Check, Finding, RecordRef, yuan

CODE = "chk_invalid_id"

_PAYEES = """SELECT payee_id_number, COUNT(*), SUM(amount_fen), MIN(id), MAX(payee_name), MIN(household_id)
FROM payment NOT INDEXED WHERE posted = 1 GROUP BY payee_id_number"""


def run() -> list[Finding]:
    findings = []
    for number, count, total, first, name, hh in database.execute_sql(_PAYEES).fetchall():
        if number and is_valid(number):
            continue
        hh_no = database.execute_sql("SELECT household_no FROM household WHERE id = ?", [hh]).fetchone()[0]
        findings.append(Finding(CODE, (RecordRef("payment", first), RecordRef("household", hh, hh_no)),
                                {"name": name, "id_number": number or "（空）", "count": count,
                                 "amount": yuan(total)}))
    return findings


CHECK = Check(CODE, "领款人身份证号码无效", run)
