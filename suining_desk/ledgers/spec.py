"""What a ledger is asked for: its kind, filters and printing options.

The spec is stored in every ledger file, so ``suining-desk verify`` can make the same ledger
again from the database. Filters hold stable keys (program code, area code, year), never
database ids or display names.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any, Final

FilterValue = str | int

PAPER_SIZES: Final = ("A4", "A3")
DEFAULT_NOTICE_DAYS: Final = 7


@dataclass(frozen=True)
class LedgerSpec:
    kind: str
    filters: Mapping[str, FilterValue] = field(default_factory=dict)
    date: dt.date = dt.date(2000, 1, 1)  # 填报日期 (and the start of a 公示's notice period)
    public: bool = False  # 公示 variant: masked ID numbers, no bank accounts
    paper: str = "A4"
    portrait: bool = False
    preparer: str = ""  # 制表人
    reviewer: str = ""  # 审核人
    head: str = ""  # 负责人
    unit: str = ""  # 填报单位; empty: the kind's default (the township's government)
    notice_days: int = DEFAULT_NOTICE_DAYS

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self)}
        out["filters"] = dict(sorted(self.filters.items()))
        out["date"] = self.date.isoformat()
        return out

    def canonical(self) -> str:
        """One ASCII spelling of the spec (sorted keys, no spaces)."""
        return json.dumps(self.to_json(), ensure_ascii=True, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LedgerSpec:
        """The spec stored in a ledger; raises ``ValueError`` if it is not one."""
        try:
            filters = data.get("filters", {})
            if not isinstance(filters, dict) or not all(
                isinstance(k, str) and isinstance(v, (str, int)) for k, v in filters.items()
            ):
                raise ValueError("bad filters")
            spec = cls(
                kind=str(data["kind"]), filters=dict(filters),
                date=dt.date.fromisoformat(str(data["date"])),
                public=bool(data.get("public", False)), paper=str(data.get("paper", "A4")),
                portrait=bool(data.get("portrait", False)),
                preparer=str(data.get("preparer", "")), reviewer=str(data.get("reviewer", "")),
                head=str(data.get("head", "")), unit=str(data.get("unit", "")),
                notice_days=int(data.get("notice_days", DEFAULT_NOTICE_DAYS)),
            )
        except (KeyError, TypeError) as exc:
            raise ValueError(f"not a ledger spec: {exc}") from exc
        if spec.paper not in PAPER_SIZES:
            raise ValueError(f"unknown paper {spec.paper!r}")
        return spec
