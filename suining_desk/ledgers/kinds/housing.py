"""What the relocation and renovation ledgers share: a year in an area (the township column
left out when one township is printed, its name being in the title), the columns a 公示 may
print (:mod:`suining_desk.ledgers.disclosure`), one row per record counted as its household
in 本页小计 and 合计 (共X户), the records and households the ledger is verified against, and
the newest date it shows. Each kind keeps its own columns, SQL, sums and what its 备注 says."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from suining_desk.db.models import Area
from suining_desk.domain.enums import AreaLevel
from suining_desk.ledgers import disclosure as D
from suining_desk.ledgers.kind import Filters
from suining_desk.ledgers.kinds import common
from suining_desk.ledgers.model import Column, LedgerContent, Row, Tally, TallyMode

# (key, column, disclosure key: a 公示 prints it unless an admin left it out; None: always)
HousingColumn = tuple[str, Column, "str | None"]


def newest_of(days: Sequence[object]) -> dt.date | None:
    """The newest of the dates (ISO text or dates) a ledger shows; None if it shows none."""
    found = [str(d)[:10] for d in days if d]
    return dt.date.fromisoformat(max(found)) if found else None


def housing_ledger(
    filters: Filters, public: bool, hidden: Sequence[str], *,
    query: Callable[[int, Area | None, Area | None], Sequence[Any]],
    cells: Callable[[int, Any, bool], Mapping[str, str]],  # a record's cells by column key (序号 included)
    numbers: Callable[[Any], tuple[int, ...]],  # its summed columns, in column order
    columns: Sequence[HousingColumn], table: str, title: str, year_label: str,
    dates: Callable[[Any], Sequence[object]],  # the dates a record shows (for the newest)
    more_refs: Callable[[Sequence[Any]], Mapping[str, list[int]]] = lambda _records: {},
) -> LedgerContent:
    """``title``: 易地扶贫搬迁 (…年易地扶贫搬迁台账); ``year_label``: 搬迁年度 (搬迁年度：2017年)."""
    year = int(filters["year"])
    township = common.area_by_code(filters.get("township"), AreaLevel.TOWNSHIP)
    village = common.area_by_code(filters.get("village"), AreaLevel.VILLAGE)
    records = query(year, township, village)
    allowed = D.housing_notice_columns(hidden)
    chosen = [(key, column) for key, column, notice in columns
              if not (key == "township" and township is not None)  # one township: its name is in the title
              and not (public and notice is not None and notice not in allowed)]
    rows = []
    for i, r in enumerate(records):
        cell = cells(i, r, public)
        rows.append(Row(tuple(cell[key] for key, _ in chosen), numbers(r), Tally(r.household_id)))
    ids = sorted(r.id for r in records)
    kind = "公示" if public else "台账"
    return LedgerContent(
        title=f"{common.COUNTY_NAME}{common.place_words(township, village)}{year}年{title}{kind}",
        unit=common.unit_for(township), period_label=f"{year_label}：{year}年",
        columns=tuple(column for _, column in chosen), rows=rows, source_table=table, source_ids=ids,
        tally=TallyMode.HOUSEHOLDS, newest=newest_of([d for r in records for d in dates(r)]),
        audit_refs={table: ids, "household": sorted({r.household_id for r in records}), **more_refs(records)},
    )
