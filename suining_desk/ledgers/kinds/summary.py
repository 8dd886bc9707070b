"""扶贫资金发放汇总台账: households, people, payments and money per program and village for
a year (posted payments; reversals net out), and per program what was allotted, what was
paid and what is left.

Rows go program by program: the program's villages, then its 小计 row with the year's
allocations in force (资金下达, :mod:`suining_desk.services.allocations`) and the balance
(结余 = 下达 − 支出). Allocations are the county's, so their balance is the county's too: a
township's summary shows its own spending beside the county's allocations and the county's
balance (下达 − the whole county's spending), and says so — never its allocation minus one
township's spending, which would read as money left that other townships have already paid.
A program with allocations but no payment yet still has its row. 本页小计 and 合计 sum the
payments and money of the village rows and the allocations and balances of the 小计 rows, so
nothing is counted twice.

人数 of a village and program counts each household once, with the most people any of its
payments that year was for (or its distinct beneficiaries, for per-person programs).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from suining_desk.db.models import Program, database
from suining_desk.domain.enums import AreaLevel
from suining_desk.domain.money import fen_to_yuan_str
from suining_desk.ledgers.kind import Filters, LedgerKind
from suining_desk.ledgers.kinds import common
from suining_desk.ledgers.model import Align, Column, LedgerContent, Row, Total
from suining_desk.ledgers.spec import FilterValue
from suining_desk.services.allocations import allocations_in

COLUMNS = (
    Column("序号", 3.2, whole=True),
    Column("乡镇", 7.0),
    Column("村", 7.0),
    Column("项目", 8.0),
    Column("户数", 4.0, Align.RIGHT, whole=True),
    Column("人数", 4.0, Align.RIGHT, whole=True),
    Column("笔数", 4.0, Align.RIGHT, Total.COUNT),
    Column("支出金额", 7.5, Align.RIGHT, Total.FEN),
    Column("下达资金", 7.5, Align.RIGHT, Total.FEN),
    Column("结余", 7.5, Align.RIGHT, Total.FEN),
    Column("备注", 10.0, Align.LEFT),
)
TOWNSHIP_COLUMN = 1

_SQL = """
WITH per_household AS (
    SELECT p.township_id, p.village_id, p.program_id, p.household_id,
           MAX(MAX(p.people), COUNT(DISTINCT p.person_id)) AS people,
           COUNT(*) AS payments, SUM(p.amount_fen) AS amount,
           SUM(p.reverses_id IS NOT NULL) AS reversals
    FROM payment p
    WHERE p.posted = 1 AND p.period BETWEEN ? AND ? {area}
    GROUP BY p.township_id, p.village_id, p.program_id, p.household_id
)
SELECT x.program_id, t.name, v.name, COUNT(*), SUM(x.people), SUM(x.payments), SUM(x.amount), SUM(x.reversals)
FROM per_household x
JOIN area t ON t.id = x.township_id
JOIN area v ON v.id = x.village_id
JOIN program g ON g.id = x.program_id
GROUP BY x.township_id, x.village_id, x.program_id
ORDER BY g.sort_order, g.code, t.sort_order, t.code, v.sort_order, v.code
"""


def resolve(raw: Mapping[str, object]) -> dict[str, FilterValue]:
    out: dict[str, FilterValue] = {"year": common.check_year(raw)}
    out.update(common.resolve_area_filters(raw, village=False))
    return out


def _county_spending(low: str, high: str) -> dict[int, int]:
    """Each program's posted spending in the whole county over the periods (reversals net out)."""
    sql = ("SELECT program_id, SUM(amount_fen) FROM payment WHERE posted = 1 AND period BETWEEN ? AND ? "
           "GROUP BY program_id")
    return {int(p): int(s) for p, s in database.execute_sql(sql, [low, high]).fetchall()}


def build(filters: Filters, public: bool, hidden: Sequence[str] = ()) -> LedgerContent:
    year = int(filters["year"])
    township = common.area_by_code(filters.get("township"), AreaLevel.TOWNSHIP)
    low, high = common.period_range(year, None)
    params: list[object] = [low, high]
    area = ""
    if township is not None:
        area = " AND p.township_id = ?"
        params.append(township.id)
    by_program: dict[int, list[tuple[object, ...]]] = {}
    for program_id, *rest in database.execute_sql(_SQL.format(area=area), params).fetchall():
        by_program.setdefault(int(program_id), []).append(tuple(rest))
    allocations = allocations_in(year)
    county_paid = _county_spending(low, high) if township is not None else {}
    programs = [p for p in Program.select().order_by(Program.sort_order, Program.code)
                if p.id in by_program or p.id in allocations]
    rows: list[Row] = []
    number = 0

    def add(cells: list[str], numbers: tuple[int, ...]) -> None:
        if township is not None:  # one township: its name is in the title
            del cells[TOWNSHIP_COLUMN]
        rows.append(Row(tuple(cells), numbers))

    for program in programs:
        lines = by_program.get(program.id, [])
        totals = [0, 0, 0, 0]  # households, people, payments, money
        for town, village, households, people, count, amount, reversals in lines:
            number += 1
            note = f"含冲销{reversals}笔" if reversals else ""
            add([str(number), str(town), str(village), program.name, str(households), str(people), str(count),
                 fen_to_yuan_str(int(str(amount))), "", "", note], (int(str(count)), int(str(amount)), 0, 0))
            for k, value in enumerate((households, people, count, amount)):
                totals[k] += int(str(value))
        found = allocations.get(program.id, [])
        allotted = sum(a.amount_fen for a in found)
        spent = county_paid.get(program.id, 0) if township is not None else totals[3]
        balance = allotted - spent if found else 0
        note = "未登记资金下达" if not found else ("下达、结余为全县数" if township is not None else "")
        add(["", "", "小计", program.name, str(totals[0]), str(totals[1]), str(totals[2]), fen_to_yuan_str(totals[3]),
             fen_to_yuan_str(allotted) if found else "", fen_to_yuan_str(balance) if found else "", note],
            (0, 0, allotted, balance))
    id_sql = f"SELECT p.id FROM payment p WHERE p.posted = 1 AND p.period BETWEEN ? AND ? {area} ORDER BY p.id"
    ids = [r[0] for r in database.execute_sql(id_sql, params).fetchall()]
    where = township.name if township is not None else ""
    payments_seen = any(by_program.values())
    return LedgerContent(
        title=f"{common.COUNTY_NAME}{where}{year}年扶贫资金发放汇总台账",
        unit=common.unit_for(township), period_label=f"归属年度：{year}年",
        columns=tuple(c for i, c in enumerate(COLUMNS) if township is None or i != TOWNSHIP_COLUMN),
        rows=rows if payments_seen else [], source_table="payment", source_ids=ids,
        audit_refs={"payment": ids, "program": sorted(int(p.id) for p in programs),
                    "allocation": sorted(a.id for found in allocations.values() for a in found)},
    )


KIND = LedgerKind(name="summary", label="资金发放汇总台账", resolve=resolve, build=build,
                  describe=common.describe_payments,
                  township_of=common.township_id,
                  latest_year=common.latest_payment_year)
