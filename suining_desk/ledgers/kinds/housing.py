"""What the relocation and renovation ledgers share: a year in an area (the township column
left out when one township is printed, its name being in the title), one row per record with
its 补助金额 totalled, and the records and households the ledger is verified against. Each
kind keeps its own columns, its SQL and what its 备注 says."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from suining_desk.db.models import Area
from suining_desk.domain.enums import AreaLevel
from suining_desk.ledgers.kind import Filters
from suining_desk.ledgers.kinds import common
from suining_desk.ledgers.model import Column, LedgerContent, Row


def housing_ledger(
    filters: Filters, public: bool, *,
    query: Callable[[int, Area | None, Area | None], Sequence[Any]],
    cells: Callable[[Any, bool], tuple[str, ...]],  # a record's cells after 序号
    columns: tuple[Column, ...], township_column: int, table: str, title: str, year_label: str,
    more_refs: Callable[[Sequence[Any]], Mapping[str, list[int]]] = lambda _records: {},
) -> LedgerContent:
    """``title``: 易地扶贫搬迁 (…年易地扶贫搬迁台账); ``year_label``: 搬迁年度 (搬迁年度：2017年)."""
    year = int(filters["year"])
    township = common.area_by_code(filters.get("township"), AreaLevel.TOWNSHIP)
    village = common.area_by_code(filters.get("village"), AreaLevel.VILLAGE)
    records = query(year, township, village)
    dropped = {township_column} if township is not None else set()  # one township: its name is in the title
    rows = [Row(common.without((str(i + 1), *cells(r, public)), dropped), (r.subsidy_fen,))
            for i, r in enumerate(records)]
    ids = sorted(r.id for r in records)
    kind = "公示" if public else "台账"
    return LedgerContent(
        title=f"{common.COUNTY_NAME}{common.place_words(township, village)}{year}年{title}{kind}",
        unit=common.unit_for(township), period_label=f"{year_label}：{year}年",
        columns=common.without(columns, dropped), rows=rows, source_table=table, source_ids=ids,
        audit_refs={table: ids, "household": sorted({r.household_id for r in records}), **more_refs(records)},
    )
