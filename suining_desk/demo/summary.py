"""What a demo run produced (:class:`DemoSummary`), and the empty-database check."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from peewee import Database

from suining_desk.demo.areas import AreaPlan
from suining_desk.demo.households import HouseholdRec
from suining_desk.demo.housing import HousingRows
from suining_desk.demo.ledger import Ledger

# Tables that must be empty, with what the clerk would call their rows.
_MUST_BE_EMPTY = (
    ("household", "农户"), ("person", "人员"), ("area", "区划"), ("payment", "发放记录"),
    ("payment_batch", "发放批次"), ("enrolment", "享受名单"), ("settlement_site", "安置点"),
    ("relocation", "搬迁记录"), ("renovation", "危改记录"), ("name_key", "检索键"),
    ("status_change", "状态变更记录"),
)


def check_empty(db: Database) -> None:
    """Raise ``ValueError`` (in Chinese) unless the database holds no register data."""
    for table, label in _MUST_BE_EMPTY:
        if db.execute_sql(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None:
            raise ValueError(f"数据库中已有{label}数据，演示数据只能生成到空数据库中")


@dataclass(frozen=True)
class DemoSummary:
    scale: str
    seed: int
    townships: int
    villages: int
    groups: int
    households: int
    people: int
    deceased: int
    removed_people: int
    removed_households: int
    name_keys: int
    status_changes: int
    enrolments: int
    payment_batches: int
    payments: int
    reversals: int
    settlement_sites: int
    relocations: int
    relocated_people: int
    renovations_d: int
    renovations_c: int
    users: int
    programs: int
    payment_totals_fen: tuple[tuple[str, int], ...]  # (program code, net total) by code

    @classmethod
    def collect(
        cls, *, scale: str, seed: int, plan: AreaPlan, register: list[HouseholdRec],
        enrolments: int, status_changes: int, name_keys: int, ledger: Ledger,
        housing: HousingRows, users: int, programs: int, reversals: int,
    ) -> DemoSummary:
        members = [m for h in register for m in h.members]
        grades = [str(r[5]) for r in housing.renovations]
        return cls(
            scale=scale, seed=seed, townships=len(plan.townships), villages=len(plan.villages),
            groups=len(plan.groups), households=len(register), people=len(members),
            deceased=sum(1 for m in members if m.death is not None),
            removed_people=sum(1 for m in members if m.removed is not None),
            removed_households=sum(1 for h in register if h.removed_on is not None),
            name_keys=name_keys, status_changes=status_changes, enrolments=enrolments,
            payment_batches=len(ledger.batches), payments=ledger.payments, reversals=reversals,
            settlement_sites=len(housing.sites), relocations=len(housing.relocations),
            relocated_people=housing.relocated_people, renovations_d=grades.count("D"),
            renovations_c=grades.count("C"), users=users, programs=programs,
            payment_totals_fen=tuple(sorted(ledger.totals.items())),
        )

    def counts(self) -> dict[str, Any]:
        """The counts (everything but the money totals), e.g. for the audit log."""
        return {k: v for k, v in self.__dict__.items() if k != "payment_totals_fen"}
