"""The ledger kinds, one module each; add a module's ``KIND`` here to offer it.

Each kind lives in its own module: payments, summary, relocations, renovations, household (一户一档).
"""

from __future__ import annotations

from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.ledgers.kind import LedgerKind
from suining_desk.ledgers.kinds import household, payments, relocations, renovations, summary

KINDS: dict[str, LedgerKind] = {kind.name: kind for kind in (
    payments.KIND, summary.KIND, relocations.KIND, renovations.KIND, household.KIND,
)}


def get_kind(name: str) -> LedgerKind:
    kind = KINDS.get(name)
    if kind is None:
        raise InvalidInput([Problem("ledger_unknown_kind", {"value": name, "choices": "、".join(KINDS)})])
    return kind
