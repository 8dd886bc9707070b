"""扶贫资金发放汇总台账: households, people, payments and money per village and program
for a year (posted payments; reversals net out).

人数 of a village and program counts each household once, with the most people any of its
payments that year was for (or its distinct beneficiaries, for per-person programs).
"""

from __future__ import annotations

from collections.abc import Mapping

from suining_desk.db.models import database
from suining_desk.domain.enums import AreaLevel
from suining_desk.domain.money import fen_to_yuan_str
from suining_desk.ledgers.kind import Filters, LedgerKind
from suining_desk.ledgers.kinds import common
from suining_desk.ledgers.model import Align, Column, LedgerContent, Row, Total
from suining_desk.ledgers.spec import FilterValue

COLUMNS = (
    Column("序号", 3.2, whole=True),
    Column("乡镇", 8.0),
    Column("村", 7.5),
    Column("项目", 9.0),
    Column("户数", 4.5, Align.RIGHT, whole=True),
    Column("人数", 4.5, Align.RIGHT, whole=True),
    Column("笔数", 4.5, Align.RIGHT, Total.COUNT),
    Column("金额", 7.5, Align.RIGHT, Total.FEN),
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
SELECT t.name, v.name, g.name, COUNT(*), SUM(x.people), SUM(x.payments), SUM(x.amount),
       SUM(x.reversals)
FROM per_household x
JOIN area t ON t.id = x.township_id
JOIN area v ON v.id = x.village_id
JOIN program g ON g.id = x.program_id
GROUP BY x.township_id, x.village_id, x.program_id
ORDER BY t.sort_order, t.code, v.sort_order, v.code, g.sort_order, g.code
"""


def resolve(raw: Mapping[str, object]) -> dict[str, FilterValue]:
    out: dict[str, FilterValue] = {"year": common.check_year(raw)}
    out.update(common.resolve_area_filters(raw, village=False))
    return out


def build(filters: Filters, public: bool) -> LedgerContent:
    year = int(filters["year"])
    township = common.area_by_code(filters.get("township"), AreaLevel.TOWNSHIP)
    low, high = common.period_range(year, None)
    params: list[object] = [low, high]
    area = ""
    if township is not None:
        area = " AND p.township_id = ?"
        params.append(township.id)
    rows = []
    for i, (town, village, program, households, people, count, amount, reversals) in enumerate(
        database.execute_sql(_SQL.format(area=area), params).fetchall()
    ):
        note = f"含冲销{reversals}笔" if reversals else ""
        cells = [str(i + 1), town, village, program, str(households), str(people), str(count),
                 fen_to_yuan_str(amount), note]
        if township is not None:  # one township: its name is in the title
            del cells[TOWNSHIP_COLUMN]
        rows.append(Row(tuple(cells), (count, amount)))
    id_sql = f"SELECT p.id FROM payment p WHERE p.posted = 1 AND p.period BETWEEN ? AND ? {area} ORDER BY p.id"
    ids = [r[0] for r in database.execute_sql(id_sql, params).fetchall()]
    where = township.name if township is not None else ""
    return LedgerContent(
        title=f"{common.COUNTY_NAME}{where}{year}年扶贫资金发放汇总台账",
        unit=common.unit_for(township), period_label=f"归属年度：{year}年",
        columns=tuple(c for i, c in enumerate(COLUMNS) if township is None or i != TOWNSHIP_COLUMN),
        rows=rows, source_table="payment", source_ids=ids,
        audit_refs={"payment": ids},
    )


KIND = LedgerKind(name="summary", label="资金发放汇总台账", resolve=resolve, build=build,
                  describe=common.describe_payments,
                  township_of=common.township_id,
                  latest_year=common.latest_payment_year)
