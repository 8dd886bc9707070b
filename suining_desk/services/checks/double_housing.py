"""A household with both a relocation subsidy and a housing-renovation subsidy
(搬迁户不得重复享受危房改造); an override a reviewer recorded is shown, not hidden."""

from __future__ import annotations

from suining_desk.db.models import database
from suining_desk.services.checks.base import Check, Finding, RecordRef, yuan

CODE = "chk_double_housing"

_SQL = """
SELECT h.id, h.household_no, h.head_name, rl.id, rl.subsidy_fen, rl.override_reason, rn.id, rn.subsidy_fen,
       rn.override_reason
FROM relocation rl
JOIN renovation rn ON rn.household_id = rl.household_id
JOIN household h ON h.id = rl.household_id
WHERE rl.subsidy_fen > 0 AND rn.subsidy_fen > 0
ORDER BY h.id, rl.id, rn.id
"""


def run() -> list[Finding]:
    findings = []
    for hh, hh_no, head, rel, rel_fen, rel_why, ren, ren_fen, ren_why in database.execute_sql(_SQL):
        why = rel_why or ren_why
        findings.append(Finding(CODE, (RecordRef("household", hh, hh_no), RecordRef("relocation", rel),
                                       RecordRef("renovation", ren)),
                                {"household_no": hh_no, "name": head, "relocation": yuan(rel_fen),
                                 "renovation": yuan(ren_fen), "note": f"（审核意见：{why}）" if why else ""}))
    return findings


CHECK = Check(CODE, "搬迁户又享受危房改造", run)
