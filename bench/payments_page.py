"""The payments page over the county's 1,000,000 payments (issue 5: first rows ≤ 100 ms,
totals for the filter ≤ 300 ms).

Each figure is also given as a ratio to a baseline measured in the same run: reading
every household id in id order (the households bench's baseline).

    uv run python bench/payments_page.py [--db out/county.sqlite3]
"""

from __future__ import annotations

import argparse
import os
import sys
from array import array
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import county_database, median_ms, rss_mb  # noqa: E402


def sorted_column_ms(column: object) -> tuple[float, float, float]:
    """Sorting the whole county by ``column`` once, then reading a page in the middle by id;
    and the old way, a page read with ORDER BY … OFFSET."""
    from suining_desk.services.payment_query import PaymentFilter, payment_ids, payment_page, payment_rows

    everything = PaymentFilter()
    ids: list[array[int]] = []
    sort_ms = median_ms(lambda: ids.append(payment_ids(everything, column)), repeat=3)  # type: ignore[arg-type]
    middle = len(ids[-1]) // 2
    page_ms = median_ms(lambda: payment_rows(ids[-1][middle:middle + 200]))
    offset_ms = median_ms(lambda: payment_page(everything, column, offset=middle, limit=200), repeat=1)  # type: ignore[arg-type]
    return sort_ms, page_ms, offset_ms


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    path = county_database(args.db)

    from PySide6.QtWidgets import QApplication, QTableView

    from suining_desk.db import open_database
    from suining_desk.db.models import Area, Program
    from suining_desk.services.payment_query import PaymentColumn, PaymentFilter, payment_totals, summed_in_sql
    from ui.models.payment_table import PaymentTableModel

    db = open_database(path)
    app = QApplication.instance() or QApplication([])
    payments = db.execute_sql("SELECT COUNT(*) FROM payment").fetchone()[0]
    baseline = median_ms(lambda: db.execute_sql("SELECT id FROM household ORDER BY id").fetchall())
    town = Area.get(Area.level == 2)
    village = Area.get((Area.level == 3) & (Area.parent == town.id))
    group = Area.get((Area.level == 4) & (Area.parent == village.id))
    dibao = Program.get(Program.code == "dibao").id
    paid = db.execute_sql("SELECT household_id FROM payment WHERE village_id = ? LIMIT 1", [village.id]).fetchone()[0]
    filters = {
        "whole county": PaymentFilter(),
        "county, 低保": PaymentFilter(program_id=dibao),
        "county, 低保, 2018": PaymentFilter(program_id=dibao, year=2018),
        "county, 低保, 2018-11": PaymentFilter(program_id=dibao, period="2018-11"),
        f"township {town.name}": PaymentFilter(area_id=town.id),
        f"village {village.name}, 2018": PaymentFilter(area_id=village.id, year=2018),
        f"group {group.name} (summed rows)": PaymentFilter(area_id=group.id),
        "one household (search)": PaymentFilter(household_ids=(paid,)),
    }
    model = PaymentTableModel()
    view = QTableView()
    view.setModel(model)
    view.resize(1400, 800)
    view.show()

    def first_rows(f: PaymentFilter) -> None:
        model.set_filter(f)
        for row in range(min(40, model.rowCount())):
            for col in range(model.columnCount()):
                model.index(row, col).data()
        app.processEvents()

    def last_rows() -> None:
        model._pages.clear()
        last = model.rowCount() - 1
        for row in range(max(last - 40, 0), last + 1):
            for col in range(model.columnCount()):
                model.index(row, col).data()

    print(f"database: {path} ({payments:,} payments)")
    print(f"baseline (read every household id): {baseline:8.1f} ms")
    print(f"{'filter':40} {'rows':>10} {'totals ms':>10} {'first rows ms':>14} {'× baseline':>11}")
    worst_totals = worst_first = 0.0
    for label, f in filters.items():
        totals_ms = median_ms(lambda f=f: payment_totals(f))
        first_ms = median_ms(lambda f=f: first_rows(f))
        assert payment_totals(f) == summed_in_sql(f), label  # the running totals are exact
        worst_totals, worst_first = max(worst_totals, totals_ms), max(worst_first, first_ms)
        print(f"{label:40} {model.rowCount():>10,} {totals_ms:10.1f} {first_ms:14.1f} "
              f"{max(totals_ms, first_ms) / baseline:11.2f}")
    model.set_filter(PaymentFilter())
    rss_before = rss_mb()
    jump_ms = median_ms(last_rows, repeat=3)
    print(f"\nworst totals {worst_totals:.1f} ms (target 300) {'ok' if worst_totals <= 300 else 'SLOW'}; "
          f"worst first rows {worst_first:.1f} ms (target 100) {'ok' if worst_first <= 100 else 'SLOW'}")
    print(f"jump to the last of {model.rowCount():,} rows: {jump_ms:.1f} ms; memory {rss_before:.0f} → "
          f"{rss_mb():.0f} MB")

    # Another column over the whole county: one sort into an id list (in the window: in the
    # background, with progress), then each page is read by id, wherever the clerk scrolls.
    print("\nsorted by a column without an index (whole county):")
    print(f"{'column':12} {'sort once ms':>13} {'× baseline':>11} {'a page ms (middle)':>19} "
          f"{'was: a page by OFFSET ms':>25}")
    for column in (PaymentColumn.PAYEE, PaymentColumn.AMOUNT, PaymentColumn.PERIOD):
        sort_ms, page_ms, offset_ms = sorted_column_ms(column)
        print(f"{column.name:12} {sort_ms:13.1f} {sort_ms / baseline:11.2f} {page_ms:19.1f} {offset_ms:25.1f}")
    view.close()


if __name__ == "__main__":
    main()
