"""All payment rows of a demo, planned in memory: the regular streams, then as many
one-offs as make the scale's exact total, then reversals and reissues of the payments
the bank returned. Touches no database, so it can run on a worker thread while the
database builds indexes.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from suining_desk.demo.enrolments import Beneficiaries
from suining_desk.demo.households import HouseholdRec
from suining_desk.demo.ledger import Ledger, RegularRow
from suining_desk.demo.oneoffs import (
    FullRow,
    correction_rows,
    one_off_rows,
    plan_corrections,
    split_one_offs,
)
from suining_desk.demo.regular import RegularStreams
from suining_desk.demo.scales import ScaleSpec
from suining_desk.reference.programs import PROGRAMS


@dataclass(frozen=True)
class PaymentPlan:
    ledger: Ledger  # batches, per-program counts and totals
    regular: list[RegularRow]
    one_offs: list[FullRow]
    corrections: list[FullRow]
    reversals: int

    @property
    def rows(self) -> int:
        return len(self.regular) + len(self.one_offs) + len(self.corrections)


def _checked(rows: Iterable[RegularRow], check: Callable[[], None]) -> Iterator[RegularRow]:
    for n, row in enumerate(rows):
        if n % 50_000 == 0:
            check()
        yield row


def plan_payments(
    rng: random.Random, spec: ScaleSpec, register: list[HouseholdRec], chosen: Beneficiaries,
    program_ids: dict[str, int], township_codes: dict[int, str], check: Callable[[], None],
) -> PaymentPlan:
    """Every payment row in id order; ``check`` is called now and then (it raises to stop)."""
    ledger = Ledger(program_ids, {p.code: p.batch_prefix for p in PROGRAMS}, township_codes)
    streams = RegularStreams(rng, ledger, register, chosen, spec.failure_rate)
    regular = list(_checked(streams.rows(), check))
    plans = plan_corrections(rng, streams.failed)
    corrections = len(plans) + sum(1 for _, _, reissue in plans if reissue is not None)
    if spec.payments is not None:
        wanted = spec.payments - len(regular) - corrections
        if wanted < 0:
            raise RuntimeError(f"规模设置有误：常规发放 {len(regular)} 笔已超过 {spec.payments} 笔")
    else:
        wanted = round(spec.households * spec.one_offs_per_household)
    check()
    one_offs = one_off_rows(rng, ledger, register, split_one_offs(wanted))
    if len(one_offs) != wanted:
        raise RuntimeError(f"一次性发放只生成了 {len(one_offs)} 笔（应为 {wanted} 笔）")
    return PaymentPlan(ledger, regular, one_offs, correction_rows(rng, ledger, plans), len(plans))
