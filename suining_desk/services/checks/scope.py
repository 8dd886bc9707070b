"""The findings a township user may see: those about households (or batches) of their
township. The checks run over the whole county; findings name people, so a user of one
township is shown only their own, in the window and on the command line alike."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from suining_desk.db.models import database
from suining_desk.services.access import township_of

if TYPE_CHECKING:
    from suining_desk.services.checks import CheckResult
    from suining_desk.services.checks.base import Finding


CHUNK = 500  # ids per query: well under any database's limit on parameters


def _townships(kind: str, ids: Iterable[int]) -> dict[int, int | None]:
    """The township of each household (``kind`` "household") or batch ("batch")."""
    sql = ("SELECT id, township_id FROM household WHERE id IN ({})" if kind == "household"
           else "SELECT id, area_id FROM payment_batch WHERE id IN ({})")
    found: dict[int, int | None] = {}
    wanted = sorted(set(ids))
    for part in (wanted[i:i + CHUNK] for i in range(0, len(wanted), CHUNK)):
        for record, area in database.execute_sql(sql.format(", ".join("?" * len(part))), part):
            found[int(record)] = int(area) if kind == "household" else township_of(int(area))
    return found


def in_township(results: list[CheckResult], township_id: int | None) -> list[CheckResult]:
    """``results`` as a user of ``township_id`` sees them (None: the whole county, unchanged):
    a finding stays when a household or batch it names lies in that township."""
    if township_id is None:
        return results
    findings = [f for r in results for f in r.findings]
    households = _townships("household", (ref.id for f in findings for ref in f.records if ref.kind == "household"))
    batches = _townships("batch", (ref.id for f in findings for ref in f.records if ref.kind == "batch"))

    def mine(finding: Finding) -> bool:
        return any((households if ref.kind == "household" else batches).get(ref.id) == township_id
                   for ref in finding.records if ref.kind in ("household", "batch"))

    return [replace(r, findings=[f for f in r.findings if mine(f)]) for r in results]
