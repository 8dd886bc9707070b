"""The programs' own facts for the demo's one-off payments (invented, like everything here).

Derived from the payment itself — its amount, reason, household and date — without drawing
from the generator's random stream, so the rest of a seed's demo stays exactly as it was:
医疗救助 gets costs and an aid rate that give its amount, 临时救助 its type and approval date,
产业扶贫奖补 its industry, scale and acceptance.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Final

from suining_desk.services.aid_details import encode

ILLNESSES: Final = ("慢性肾病", "恶性肿瘤", "脑梗塞", "糖尿病", "重度精神障碍", "白血病")
RATES: Final = (6000, 7000, 8000)  # 60 %, 70 %, 80 %
EMERGENCY: Final = ("因灾房屋受损", "意外事故", "火灾")
SCALES: Final = {"养猪": "头", "南竹": "亩", "油茶": "亩", "青钱柳": "亩", "蔬菜": "亩", "杂交水稻制种": "亩",
                 "油菜": "亩", "光伏发电": "千瓦"}


def one_off_details(program: str, amount_fen: int, reason: str, household_id: int, paid: dt.date) -> str:
    """Canonical JSON of the facts behind a demo one-off payment ('' for other programs)."""
    if program == "medical":
        rate = RATES[household_id % len(RATES)]
        self_paid = -(-amount_fen * 10_000 // rate)  # what the rate was applied to
        reimbursed = self_paid * (2 + household_id % 3)  # the insurance paid two to four times as much
        return encode({"total_cost_fen": self_paid + reimbursed, "reimbursed_fen": reimbursed, "rate_x100": rate,
                       "illness": ILLNESSES[household_id % len(ILLNESSES)]})
    if program == "temporary":
        kind = "急难型" if any(word in reason for word in EMERGENCY) else "支出型"
        return encode({"aid_type": kind, "approved_on": (paid - dt.timedelta(days=6)).isoformat()})
    if program == "industry":
        industry = reason.removesuffix("产业奖补")
        unit = SCALES.get(industry, "亩")
        size = 5 + amount_fen // 20_000 if unit != "头" else amount_fen // 5_000
        return encode({"industry": industry, "scale": f"{size}{unit}", "accepted_on":
                       (paid - dt.timedelta(days=12)).isoformat(), "acceptance": "合格"})
    return ""


# 易地扶贫搬迁: registered poor households, and the others who moved with them (同步搬迁).
HOUSEHOLD_KINDS_SQL: Final = """UPDATE relocation SET household_kind = CASE
    WHEN (SELECT h.status FROM household h WHERE h.id = relocation.household_id) IN ('poor', 'exited')
    THEN 'registered' ELSE 'synchronous' END"""
# 危房改造: the appraisal some weeks before the works, the subsidy some days after acceptance
# (a few over the 30 days the ledger flags), never after the demo's last day.
RENOVATION_FACTS_SQL: Final = """UPDATE renovation SET
    appraised_by = CASE WHEN start_date IS NULL THEN '' ELSE '县住建局危房鉴定组' END,
    appraised_on = CASE WHEN start_date IS NULL THEN NULL
                        ELSE date(start_date, '-' || (10 + id % 25) || ' days') END,
    paid_on = CASE WHEN status = 'accepted' AND subsidy_fen > 0
                   THEN MIN(date(accepted_date, '+' || (5 + id % 38) || ' days'), '2018-12-31') END"""
# 资金下达 of each program and year: the central share and the county's, a little above what
# was paid (invented document numbers).
ALLOCATIONS_SQL: Final = """INSERT INTO allocation (program_id, year, level, amount_fen, doc_no, issued_on,
    created_by, created_at, voided_by, voided_at, void_reason)
SELECT program_id, y, level, MAX(1, CAST(ROUND(paid * share / 1000000.0) AS INTEGER)) * 1000000,
       prefix || '〔' || y || '〕' || (program_id * 3 + n) || '号', y || '-03-1' || n, 'system', ? , '', NULL, ''
FROM (SELECT program_id, CAST(substr(period, 1, 4) AS INTEGER) AS y, SUM(amount_fen) AS paid
      FROM payment WHERE posted = 1 GROUP BY program_id, substr(period, 1, 4))
JOIN (SELECT 'central' AS level, 0.85 AS share, '湘财社' AS prefix, 2 AS n
      UNION ALL SELECT 'county', 0.2, '绥财社', 5)
ORDER BY program_id, y, level"""


def add_demo_facts(conn: sqlite3.Connection, created_at: str) -> None:
    """The housing facts and the allocations, written once the records are in."""
    conn.execute(HOUSEHOLD_KINDS_SQL)
    conn.execute(RENOVATION_FACTS_SQL)
    conn.execute(ALLOCATIONS_SQL, (created_at,))
