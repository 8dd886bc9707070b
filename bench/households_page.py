"""Households page and people search at county scale (100,000 households, 400,000 people).

Targets (issue 3): first rows ≤ 100 ms, last row ≤ 200 ms, memory flat while scrolling,
search by initials / name fragment / ID tail median ≤ 20 ms. Each figure is also given as
a ratio to a baseline measured in the same run: reading every household id in id order.

    uv run python bench/households_page.py [--db out/county.sqlite3]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import county_database, median_ms, rss_mb, timed  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    path = county_database(args.db)

    from PySide6.QtWidgets import QApplication, QTableView

    from suining_desk.db import open_database
    from suining_desk.db.models import Area, Household, Person
    from suining_desk.services.household_query import HouseholdColumn, HouseholdFilter
    from suining_desk.services.search import search_people
    from ui.models.household_table import HouseholdTableModel

    db = open_database(path)
    app = QApplication.instance() or QApplication([])
    county = Area.get(Area.level == 1)
    households = Household.select().count()
    baseline = median_ms(lambda: db.execute_sql("SELECT id FROM household ORDER BY id").fetchall())

    model = HouseholdTableModel()
    view = QTableView()
    view.setModel(model)
    view.resize(1200, 700)
    view.show()

    def first_rows() -> None:
        model.set_filter(HouseholdFilter(area_id=county.id))
        for row in range(40):
            for col in range(model.columnCount()):
                model.index(row, col).data()
        app.processEvents()

    def last_rows() -> None:
        model._pages.clear()  # a cold jump, as after opening the page
        view.scrollToBottom()
        last = model.rowCount() - 1
        for row in range(last - 40, last + 1):
            for col in range(model.columnCount()):
                model.index(row, col).data()
        app.processEvents()

    first_ms = median_ms(first_rows)
    last_ms = median_ms(last_rows)
    sort_ms = median_ms(lambda: model.sort(HouseholdColumn.HEAD))
    model.sort(HouseholdColumn.HOUSEHOLD_NO)

    rng = random.Random(7)
    rss_before = rss_mb()
    for _ in range(300):  # a clerk scrolling all over the county
        row = rng.randrange(model.rowCount())
        for col in range(model.columnCount()):
            model.index(row, col).data()
    rss_after = rss_mb()

    people = list(Person.select(Person.name, Person.id_number).order_by(Person.id)
                  .where(Person.id % 997 == 0).limit(60).tuples())
    from suining_desk.domain.search_keys import name_keys

    queries = {
        "拼音首字母": [name_keys(n)[1].split()[0] for n, _ in people],
        "全拼": [name_keys(n)[0].split()[0] for n, _ in people],
        "姓名片段": [n[1:] if len(n) > 1 else n for n, _ in people],
        "身份证后6位": [i[-6:] for _, i in people if i],
    }
    search_ms = {kind: statistics.median(timed(lambda q=q: search_people(q)) * 1000 for q in qs)
                 for kind, qs in queries.items()}

    print(f"database: {path} ({households:,} households)")
    print(f"baseline (read every household id): {baseline:8.1f} ms")
    rows = [("first rows of the county", first_ms, 100), ("jump to the last row", last_ms, 200),
            ("sort by head of household", sort_ms, None)]
    rows += [(f"search {k} (median)", v, 20) for k, v in search_ms.items()]
    print(f"{'measure':40} {'ms':>8} {'target':>8} {'× baseline':>11}")
    for label, ms, target in rows:
        mark = "" if target is None else ("ok" if ms <= target else "SLOW")
        print(f"{label:40} {ms:8.1f} {target or '':>8} {ms / baseline:11.2f} {mark}")
    print(f"memory while scrolling 300 random rows: {rss_before:.0f} MB → {rss_after:.0f} MB")
    view.close()


if __name__ == "__main__":
    main()
