"""易地搬迁 and 危房改造 pages at county scale (3,765 relocations, 12,984 renovations among
100,000 households), measured the way bench/households_page.py measures the households page.

Targets (issue 4: "as fast as the households page"): first rows ≤ 100 ms, last row ≤ 200 ms,
opening a record's detail ≤ 50 ms, memory flat while scrolling. Each figure is also a ratio
to a baseline measured in the same run: reading every household id in id order. The
households page's own first and last rows are measured in the same run for comparison.

    uv run python bench/housing_pages.py [--db out/county.sqlite3]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import county_database, median_ms, rss_mb  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    path = county_database(args.db)

    from PySide6.QtWidgets import QApplication, QTableView

    from suining_desk.db import open_database
    from suining_desk.db.models import Area, Household, Relocation, Renovation
    from suining_desk.services.household_query import HouseholdFilter
    from suining_desk.services.housing_detail import relocation_detail, renovation_detail
    from suining_desk.services.relocation_query import RelocationColumn, RelocationFilter
    from suining_desk.services.renovation_query import RenovationColumn, RenovationFilter
    from suining_desk.services.search import search_people
    from ui.models.household_table import HouseholdTableModel
    from ui.models.housing_tables import relocation_model, renovation_model
    from ui.pages.relocations import RelocationsPage
    from ui.pages.renovations import RenovationsPage
    from ui.session import Session

    db = open_database(path)
    app = QApplication.instance() or QApplication([])
    county = Area.get(Area.level == 1)
    township = Area.get((Area.level == 2) & (Area.name == "长铺镇"))
    baseline = median_ms(lambda: db.execute_sql("SELECT id FROM household ORDER BY id").fetchall())

    def table_figures(model, view, county_filter, township_filter, head_column):  # type: ignore[no-untyped-def]
        view.setModel(model)

        def first_rows() -> None:
            model.set_filter(county_filter)
            for row in range(min(40, model.rowCount())):
                for col in range(model.columnCount()):
                    model.index(row, col).data()
            app.processEvents()

        def last_rows() -> None:
            model._pages.clear()  # a cold jump, as after opening the page
            view.scrollToBottom()
            last = model.rowCount() - 1
            for row in range(max(0, last - 40), last + 1):
                for col in range(model.columnCount()):
                    model.index(row, col).data()
            app.processEvents()

        figures = {"first rows of the county": (median_ms(first_rows), 100.0),
                   "jump to the last row": (median_ms(last_rows), 200.0),
                   "sort by head of household": (median_ms(lambda: model.sort(head_column)), None),
                   "filter one township and year": (median_ms(lambda: model.set_filter(township_filter)), 100.0)}
        model.set_filter(county_filter)
        model.sort(0)
        rng = random.Random(7)
        before = rss_mb()
        for _ in range(300):
            row = rng.randrange(model.rowCount())
            for col in range(model.columnCount()):
                model.index(row, col).data()
        return figures, model.rowCount(), (before, rss_mb())

    view = QTableView()
    view.resize(1200, 700)
    view.show()
    results: dict[str, dict[str, tuple[float, float | None]]] = {}
    counts: dict[str, int] = {}
    memory: dict[str, tuple[float, float]] = {}

    households = HouseholdTableModel()
    figs, counts["households"], memory["households"] = table_figures(
        households, view, HouseholdFilter(area_id=county.id), HouseholdFilter(area_id=township.id, exit_year=2017), 3)
    results["households (for comparison)"] = figs
    figs, counts["relocations"], memory["relocations"] = table_figures(
        relocation_model(), view, RelocationFilter(area_id=county.id),
        RelocationFilter(area_id=township.id, batch_year=2017), RelocationColumn.HEAD)
    results["易地搬迁 relocations"] = figs
    figs, counts["renovations"], memory["renovations"] = table_figures(
        renovation_model(), view, RenovationFilter(area_id=county.id),
        RenovationFilter(area_id=township.id, year=2017), RenovationColumn.HEAD)
    results["危房改造 renovations"] = figs

    reloc_ids = [r for (r,) in Relocation.select(Relocation.id).where(Relocation.id % 61 == 0).tuples()]
    reno_ids = [r for (r,) in Renovation.select(Renovation.id).where(Renovation.id % 211 == 0).tuples()]
    rng = random.Random(3)
    results["易地搬迁 relocations"]["open a record's detail"] = (
        median_ms(lambda: relocation_detail(rng.choice(reloc_ids), user="admin"), 25), 50.0)
    results["危房改造 renovations"]["open a record's detail"] = (
        median_ms(lambda: renovation_detail(rng.choice(reno_ids), user="admin"), 25), 50.0)

    names = [n for (n,) in Household.select(Household.head_name).join(
        Relocation, on=(Relocation.household == Household.id)).where(Relocation.id % 97 == 0).tuples()]
    from suining_desk.domain.search_keys import name_keys

    initials = [name_keys(n)[1].split()[0] for n in names]
    hits = lambda q: tuple(dict.fromkeys(h.household_id for h in search_people(q, limit=500)))  # noqa: E731
    reloc = relocation_model()
    results["易地搬迁 relocations"]["search by initials, then filter"] = (
        median_ms(lambda: reloc.set_filter(RelocationFilter(household_ids=hits(rng.choice(initials)))), 25), 100.0)

    session = Session(path)
    results["易地搬迁 relocations"]["open the page (county)"] = (median_ms(lambda: RelocationsPage(session), 5), 300.0)
    results["危房改造 renovations"]["open the page (county)"] = (median_ms(lambda: RenovationsPage(session), 5), 300.0)

    print(f"database: {path} ({counts['households']:,} households, {counts['relocations']:,} relocations, "
          f"{counts['renovations']:,} renovations)")
    print(f"baseline (read every household id): {baseline:8.1f} ms")
    print(f"{'measure':44} {'ms':>8} {'target':>8} {'× baseline':>11}")
    for section, figures in results.items():
        print(f"-- {section}")
        for label, (ms, target) in figures.items():
            mark = "" if target is None else ("ok" if ms <= target else "SLOW")
            print(f"   {label:41} {ms:8.1f} {target or '':>8} {ms / baseline:11.2f} {mark}")
    for name, (before, after) in memory.items():
        print(f"memory while scrolling 300 random {name} rows: {before:.0f} MB → {after:.0f} MB")
    view.close()


if __name__ == "__main__":
    main()
