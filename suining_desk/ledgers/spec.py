"""What a ledger is asked for: its kind, filters and printing options.

The spec is stored in every ledger file, so ``suining-desk verify`` can make the same ledger
again from the database. Filters hold stable keys (program code, area code, year), never
database ids or display names. Whatever the ledger prints that is not in the database —
the signature lines and names, the notice period's end, the telephones and office of a
公示, the columns an admin chose to leave out of notices — is in the spec too, as chosen
when it was printed, so a later change of settings (or of the holiday calendar) never
changes a ledger already printed.

Form 1 is the ledger as printed before issue 18 (no ``form`` key); its spec still reads
and verifies its data. Keys added since are written only when they differ from form 1's
value, so a form-1 spec spells exactly as it was stored (its digest depends on that).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any, Final

from suining_desk.domain.enums import CALENDAR_DAYS, NOTICE_UNITS, WORKING_DAYS

FilterValue = str | int

__all__ = ["CALENDAR_DAYS", "FORM", "NOTICE_UNITS", "WORKING_DAYS", "FilterValue", "LedgerSpec"]

PAPER_SIZES: Final = ("A4", "A3")
DEFAULT_NOTICE_DAYS: Final = 7
FORM: Final = 2  # the printed form this code makes (see the module notes)

# Keys of form 2 on, with the value a form-1 spec has (left out of the JSON when equal).
_SINCE_FORM_2: Final[dict[str, Any]] = {
    "form": 1, "notice_unit": CALENDAR_DAYS, "notice_end": None, "notice_office": "", "notice_phone": "",
    "report_phone": "", "notice_address": "", "hidden": (), "signers": (), "names": (),
}


@dataclass(frozen=True)
class LedgerSpec:
    kind: str
    filters: Mapping[str, FilterValue] = field(default_factory=dict)
    date: dt.date = dt.date(2000, 1, 1)  # 填报日期 (and the start of a 公示's notice period)
    public: bool = False  # 公示 variant: masked ID numbers, no bank accounts
    paper: str = "A4"
    portrait: bool = False
    preparer: str = ""  # 制表人 / 经办人
    reviewer: str = ""  # 审核人
    head: str = ""  # 负责人 (form 1) / 主要领导
    unit: str = ""  # 填报单位; empty: the kind's default (the township's government)
    notice_days: int = DEFAULT_NOTICE_DAYS
    form: int = 1
    notice_unit: str = CALENDAR_DAYS  # how notice_days count: 自然日 or 工作日
    notice_end: dt.date | None = None  # the last day of the notice (form 2: computed when printed)
    notice_office: str = ""  # who hears objections (受理单位)
    notice_phone: str = ""  # 监督电话
    report_phone: str = ""  # 举报电话
    notice_address: str = ""  # where and how objections are made
    hidden: tuple[str, ...] = ()  # notice columns an admin left out beyond the law's default
    signers: tuple[str, ...] = ()  # the signature lines, in order (ledgers.signatures roles)
    names: tuple[tuple[str, str], ...] = ()  # (role, name) printed on a line beyond 制表人/审核人/负责人

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in _SINCE_FORM_2 and value == _SINCE_FORM_2[f.name]:
                continue
            out[f.name] = value
        out["filters"] = dict(sorted(self.filters.items()))
        out["date"] = self.date.isoformat()
        if self.notice_end is not None:
            out["notice_end"] = self.notice_end.isoformat()
        for key in ("hidden", "signers"):
            if key in out:
                out[key] = list(out[key])
        if "names" in out:
            out["names"] = [list(pair) for pair in self.names]
        return out

    def canonical(self) -> str:
        """One ASCII spelling of the spec (sorted keys, no spaces)."""
        return json.dumps(self.to_json(), ensure_ascii=True, sort_keys=True, separators=(",", ":"))

    def name_of(self, role: str) -> str:
        """The name printed on a signature line (``preparer``, ``reviewer``, ``head`` or another role)."""
        if role in ("preparer", "reviewer", "head"):
            return str(getattr(self, role))
        return dict(self.names).get(role, "")

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LedgerSpec:
        """The spec stored in a ledger; raises ``ValueError`` if it is not one."""
        try:
            filters = data.get("filters", {})
            if not isinstance(filters, dict) or not all(
                isinstance(k, str) and isinstance(v, (str, int)) for k, v in filters.items()
            ):
                raise ValueError("bad filters")
            end = data.get("notice_end")
            spec = cls(
                kind=str(data["kind"]), filters=dict(filters),
                date=dt.date.fromisoformat(str(data["date"])),
                public=bool(data.get("public", False)), paper=str(data.get("paper", "A4")),
                portrait=bool(data.get("portrait", False)),
                preparer=str(data.get("preparer", "")), reviewer=str(data.get("reviewer", "")),
                head=str(data.get("head", "")), unit=str(data.get("unit", "")),
                notice_days=int(data.get("notice_days", DEFAULT_NOTICE_DAYS)),
                form=int(data.get("form", 1)), notice_unit=str(data.get("notice_unit", CALENDAR_DAYS)),
                notice_end=dt.date.fromisoformat(str(end)) if end else None,
                notice_office=str(data.get("notice_office", "")), notice_phone=str(data.get("notice_phone", "")),
                report_phone=str(data.get("report_phone", "")),
                notice_address=str(data.get("notice_address", "")),
                hidden=tuple(str(x) for x in data.get("hidden", ())),
                signers=tuple(str(x) for x in data.get("signers", ())),
                names=tuple((str(r), str(n)) for r, n in data.get("names", ())),
            )
        except (KeyError, TypeError) as exc:
            raise ValueError(f"not a ledger spec: {exc}") from exc
        if spec.paper not in PAPER_SIZES:
            raise ValueError(f"unknown paper {spec.paper!r}")
        if spec.notice_unit not in NOTICE_UNITS:
            raise ValueError(f"unknown notice unit {spec.notice_unit!r}")
        return spec
