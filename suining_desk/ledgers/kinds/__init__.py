"""The ledger kinds, one module each; add a module's ``KIND`` here to offer it.

Relocations, renovations and the household file (一户一档) come as modules of their own.
"""

from __future__ import annotations

from suining_desk.ledgers.kind import LedgerKind
from suining_desk.ledgers.kinds import household, payments, summary
from suining_desk.problems import InvalidInput, Problem

KINDS: dict[str, LedgerKind] = {kind.name: kind for kind in (payments.KIND, summary.KIND, household.KIND)}


def get_kind(name: str) -> LedgerKind:
    kind = KINDS.get(name)
    if kind is None:
        raise InvalidInput([Problem("ledger_unknown_kind", {"value": name, "choices": "、".join(KINDS)})])
    return kind
