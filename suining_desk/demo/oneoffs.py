"""One-off payments (医疗救助, 临时救助, 产业扶贫奖补) and the corrections of returned
regular payments (a reversal row, then a reissue to the household's current card).

One-off batches are monthly per program and township, paid on the 25th. Nobody gets
the same one-off program twice in a month, nor 产业扶贫奖补 twice in a year.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from suining_desk.demo.aid_facts import one_off_details
from suining_desk.demo.families import Member
from suining_desk.demo.households import HouseholdRec
from suining_desk.demo.ledger import (
    CLERK,
    R_ACCOUNT,
    R_BATCH,
    R_ID,
    R_PAYEE,
    R_PAYEE_ID,
    R_PROGRAM,
    R_STANDARD,
    Ledger,
    RegularRow,
    month_period,
    stamp,
)
from suining_desk.demo.regular import Failed
from suining_desk.demo.weighted import Weighted, randint
from suining_desk.reference.programs import standard_fen

LAST_DAY = dt.date(2018, 12, 31)
ONE_OFF_SHARE = (("medical", 0.45), ("temporary", 0.20), ("industry", 0.35))
MEDICAL_REASONS = Weighted([("住院医疗救助", 0.55), ("门诊慢性病救助", 0.30),
                            ("重特大疾病医疗救助", 0.15)])
TEMPORARY_REASONS = Weighted([("因灾房屋受损", 0.3), ("突发重大疾病", 0.3), ("意外事故", 0.2),
                              ("子女就学困难", 0.2)])
TEMPORARY_AMOUNTS = Weighted([(50_000, 0.25), (100_000, 0.30), (150_000, 0.15),
                              (200_000, 0.15), (300_000, 0.10), (500_000, 0.05)])
INDUSTRIES = ("南竹", "油茶", "青钱柳", "蔬菜", "杂交水稻制种", "养猪", "油菜", "光伏发电",
              "绞股蓝")
RETURN_REASONS = Weighted([("银行退回：一卡通账户已销户", 0.5), ("银行退回：户名与账号不符", 0.3),
                           ("银行退回：账户冻结", 0.2)])
REISSUE_REASON = "原发放被银行退回，更正账号后重新发放"

FullRow = tuple[object, ...]


@dataclass(frozen=True)
class _Draft:
    program: str
    month: int  # 0 = 2016-01
    household: HouseholdRec
    person: Member | None
    amount_fen: int
    reason: str


def split_one_offs(total: int) -> dict[str, int]:
    """``total`` one-off payments shared among the one-off programs (summing exactly)."""
    counts = {code: int(total * share) for code, share in ONE_OFF_SHARE}
    counts["medical"] += total - sum(counts.values())
    return counts


def _medical_amount(rng: random.Random) -> int:
    # Mostly a few thousand yuan, now and then much more; bills are exact to the fen.
    return max(20_000, min(int(rng.lognormvariate(8.0, 0.8) * 100), 3_000_000))


def _drafts(
    rng: random.Random, register: list[HouseholdRec], counts: dict[str, int]
) -> list[_Draft]:
    periods = [month_period(2016 + k // 12, k % 12 + 1, 25) for k in range(36)]
    people = [(h, m) for h in register for m in h.members]
    ill = [(h, m) for h, m in people if m.health in ("患有大病", "长期慢性病")] or people
    drafts: list[_Draft] = []
    taken: set[tuple[str, int, int]] = set()
    for program in ("medical", "temporary", "industry"):
        wanted = counts.get(program, 0)
        made, attempts = 0, 0
        while made < wanted and attempts < wanted * 20 + 100:
            attempts += 1
            month = int(rng.random() * 36)
            paid = periods[month].paid
            person: Member | None = None
            if program == "medical":
                pool = ill if rng.random() < 0.75 else people
                h, person = pool[int(rng.random() * len(pool))]
                if not person.present_on(paid):
                    continue
                key = (program, person.id, month)
                amount, reason = _medical_amount(rng), MEDICAL_REASONS.pick(rng)
            else:
                h = register[int(rng.random() * len(register))]
                if program == "temporary":
                    key = (program, h.id, month)
                    amount, reason = TEMPORARY_AMOUNTS.pick(rng), TEMPORARY_REASONS.pick(rng)
                else:
                    key = (program, h.id, month // 12)  # once a year at most
                    amount = randint(rng, 10, 50) * 10_000
                    reason = f"{rng.choice(INDUSTRIES)}产业奖补"
            if key in taken or not h.present_on(paid):
                continue
            taken.add(key)
            drafts.append(_Draft(program, month, h, person, amount, reason))
            made += 1
    return drafts


def one_off_rows(
    rng: random.Random, ledger: Ledger, register: list[HouseholdRec], counts: dict[str, int]
) -> list[FullRow]:
    """The one-off rows in id order: by program, month, township and household."""
    order = {code: i for i, (code, _) in enumerate(ONE_OFF_SHARE)}
    drafts = _drafts(rng, register, counts)
    drafts.sort(key=lambda d: (order[d.program], d.month, d.household.group.township_id,
                               d.household.id, d.person.id if d.person else 0))
    rows: list[FullRow] = []
    for d in drafts:
        period = month_period(2016 + d.month // 12, d.month % 12 + 1, 25)
        h, g, head = d.household, d.household.group, d.household.members[0]
        rows.append((
            ledger.take_id(), ledger.batch(d.program, period, g.township_id, one_off=True),
            ledger.program_ids[d.program], h.id, d.person.id if d.person else None,
            g.township_id, g.village_id, period.label, "", 1, 1,
            standard_fen(d.program, "", period.start), d.amount_fen, head.name, head.id_number,
            h.bank_account, period.paid_iso, d.reason, 1, None, None, CLERK, period.created_at,
            one_off_details(d.program, d.amount_fen, d.reason, h.id, period.paid),
        ))
        ledger.count(d.program, d.amount_fen)
    return rows


Correction = tuple[Failed, dt.date, dt.date | None]  # payment, reversed on, reissued on


def _present(f: Failed, day: dt.date) -> bool:
    return f.household.present_on(day) and (f.person is None or f.person.present_on(day))


def plan_corrections(rng: random.Random, failed: list[Failed]) -> list[Correction]:
    """For each returned payment: the day it was reversed and the reissue day (None when
    the beneficiary is gone by then or the year has ended). A payment whose beneficiary
    died or left before the bank's return would have come in is not corrected at all."""
    plans: list[Correction] = []
    for f in failed:
        reversed_on = min(f.paid + dt.timedelta(days=randint(rng, 12, 30)), LAST_DAY)
        reissue: dt.date | None = reversed_on + dt.timedelta(days=randint(rng, 3, 12))
        if not _present(f, reversed_on):
            continue
        if reissue is not None and (
            reissue > LAST_DAY or not _present(f, reissue) or rng.random() < 0.15
        ):
            reissue = None
        plans.append((f, reversed_on, reissue))
    return plans


def correction_rows(rng: random.Random, ledger: Ledger, plans: list[Correction]) -> list[FullRow]:
    """A reversal row (negative, ``reverses`` → original) for each returned payment and a
    reissue (``reissue_of`` → original) to the household's current card where planned."""
    rows: list[FullRow] = []
    for f, reversed_on, reissue in plans:
        r: RegularRow = f.row
        # program, household, person, township, village, period, category, people,
        # months, standard: as in the original
        same = (*r[R_PROGRAM:R_STANDARD], 1, r[R_STANDARD])
        rows.append((
            ledger.take_id(), r[R_BATCH], *same, -f.amount_fen, r[R_PAYEE], r[R_PAYEE_ID],
            r[R_ACCOUNT], reversed_on.isoformat(), RETURN_REASONS.pick(rng), 1, r[R_ID], None,
            CLERK, stamp(reversed_on, 15), "",
        ))
        ledger.count(f.program, -f.amount_fen)
        if reissue is not None:
            rows.append((
                ledger.take_id(), r[R_BATCH], *same, f.amount_fen, r[R_PAYEE], r[R_PAYEE_ID],
                f.household.bank_account, reissue.isoformat(), REISSUE_REASON, 1, None,
                r[R_ID], CLERK, stamp(reissue, 10), "",
            ))
            ledger.count(f.program, f.amount_fen)
    return rows
