"""A ledger kind: how its filters are checked and how its rows are read from the database.

Each kind is one module under :mod:`suining_desk.ledgers.kinds` exposing ``KIND``; the
registry there lists them. A kind knows nothing about pages or PDF: it returns plain rows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from suining_desk.ledgers.model import LedgerContent
from suining_desk.ledgers.spec import FilterValue

Filters = Mapping[str, FilterValue]


@dataclass(frozen=True)
class LedgerKind:
    name: str  # as on the command line: payments, summary …
    label: str  # 资金发放台账
    # Raw filters as typed (names or codes) → stable filters; raises InvalidInput.
    resolve: Callable[[Mapping[str, object]], dict[str, FilterValue]]
    # Stable filters, the 公示 flag and the notice columns an admin left out (see
    # ledgers.disclosure) → the rows; raises InvalidInput if a filter is unknown.
    build: Callable[[Filters, bool, Sequence[str]], LedgerContent]
    # Source record ids → one line each, for verify's report of added or removed records.
    describe: Callable[[Sequence[int]], list[str]]
    # Stable filters → the township they lie in (None: the whole county); a township user may
    # print only ledgers within their own township (see :mod:`suining_desk.ledgers.scope`).
    township_of: Callable[[Filters], int | None]
    # Whether the filters take a township (``township`` / ``village``): a township user who
    # leaves the area out gets their own township, not the county.
    area_filtered: bool = True
    # The latest year (of the kind's year filter) with records, in a township or the county;
    # None for a kind without a year filter or with nothing recorded. The window's default year.
    latest_year: Callable[[int | None], int | None] | None = None
    has_public_variant: bool = False
    empty: str = "ledger_empty"  # the problem raised when the selection has no records
