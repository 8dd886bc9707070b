"""The audit checks, one module each, run in turn: each returns findings (a code, the
records involved and a Chinese explanation) and never raises at the user.

Adding a check is a module with a ``CHECK`` and one line in :data:`CHECKS`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from suining_desk.services.checks import (
    above_members,
    above_standard,
    approver_set_by_creator,
    double_housing,
    invalid_payee_id,
    paid_after_death,
    paid_after_removal,
    paid_twice,
    self_approved,
)
from suining_desk.services.checks.base import (
    RECORD_KINDS,
    Check,
    CheckCancelled,
    Finding,
    ProgressFn,
    RecordRef,
    cancelled,
)

CHECKS: list[Check] = [
    paid_after_death.CHECK,
    paid_after_removal.CHECK,
    paid_twice.CHECK,
    above_standard.CHECK,
    above_members.CHECK,
    invalid_payee_id.CHECK,
    double_housing.CHECK,
    self_approved.CHECK,
    approver_set_by_creator.CHECK,
]


@dataclass(frozen=True)
class CheckResult:
    check: Check
    findings: list[Finding]
    seconds: float


def run_checks(codes: list[str] | None = None, *, progress: ProgressFn | None = None,
               cancel: threading.Event | None = None) -> list[CheckResult]:
    """Run every check (or those named), in order; progress gets (title, fraction done)."""
    import time

    chosen = [c for c in CHECKS if codes is None or c.code in codes]
    results = []
    for n, check in enumerate(chosen):
        cancelled(cancel)
        if progress is not None:
            progress(check.title, n / max(len(chosen), 1))
        started = time.perf_counter()
        results.append(CheckResult(check, check.run(), time.perf_counter() - started))
    if progress is not None:
        progress("", 1.0)
    return results


__all__ = ["CHECKS", "RECORD_KINDS", "Check", "CheckCancelled", "CheckResult", "Finding", "RecordRef",
           "run_checks"]
