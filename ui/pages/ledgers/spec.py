"""From the form's choices to the checked request for the core (no widgets: tested as values)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from suining_desk.ledgers import make_spec
from suining_desk.ledgers.spec import LedgerSpec


@dataclass(frozen=True)
class LedgerFormValues:
    kind: str
    filters: Mapping[str, object]  # the kind's filter fields, as typed or chosen
    date: dt.date  # 填报日期
    public: bool
    paper: str
    portrait: bool
    preparer: str
    reviewer: str
    deputy: str  # 分管领导
    head: str  # 主要领导
    unit: str
    notice_days: int | None  # None: the rule's period
    notice_unit: str | None  # calendar or working days; None: as the ledger settings say


def spec_from(values: LedgerFormValues, username: str) -> LedgerSpec:
    """The checked request; :class:`~suining_desk.domain.problems.InvalidInput` names what is wrong."""
    return make_spec(
        values.kind, dict(values.filters), date=values.date, public=values.public, paper=values.paper,
        portrait=values.portrait, preparer=values.preparer, reviewer=values.reviewer, deputy=values.deputy,
        head=values.head, unit=values.unit, notice_days=values.notice_days, notice_unit=values.notice_unit,
        printed_as=username,
    )
