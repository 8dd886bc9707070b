"""Importing a county's register: 100,000 households (≈400,000 person rows) from xlsx.

Target (issue 7): the import takes ≤ 1.5 × the time openpyxl alone needs to read the
same file in read-only mode, with memory bounded. Both are measured here, side by side,
on a file exported from the county-scale demo (so it is in the import layout).

    uv run python bench/import_speed.py [--db out/county.sqlite3] [--reuse]
                                        [--households N]

``--reuse`` keeps the exported file between runs; ``--households N`` exports only the
first N households (a quicker look). Both wall and CPU time are printed: other programs
on a shared machine slow the wall clock of both runs down.

Measured on the 2-core development VM (2026-11-29), 408,697 person rows, 55 MB:
openpyxl read 256.7 s, import 252.5 s, ratio 0.98 (CPU 0.99); peak RSS 260 MB during the
import (149 MB for the first 5,000 households: memory does not follow the file's size).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, county_database, rss_mb  # noqa: E402

WORK = ROOT / "out" / "import_bench"


PEAKS: list[float] = []  # the highest RSS (MB) seen during each timed call


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) of one call. Other programs on the
    machine slow the wall clock down; the CPU time is this process's own work. The call's
    peak memory is sampled meanwhile into :data:`PEAKS`."""
    peak = [rss_mb()]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            peak[0] = max(peak[0], rss_mb())

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        fn()
    finally:
        done.set()
        sampler.join()
    PEAKS.append(max(peak[0], rss_mb()))
    return time.perf_counter() - wall, time.process_time() - cpu


def export_file(db: Path, out: Path, households: int | None) -> tuple[int, tuple[float, float]]:
    from suining_desk.db import close_database, open_database
    from suining_desk.exchange.register_export import export_register
    from suining_desk.services.household_query import HouseholdFilter, household_ids

    open_database(db)
    ids = list(household_ids(HouseholdFilter()))
    chosen = tuple(ids[:households]) if households else None
    result: list[object] = []
    seconds = timed(lambda: result.append(export_register(out, HouseholdFilter(ids_in=chosen))))
    close_database()
    return getattr(result[0], "rows", 0), seconds


def openpyxl_read(path: Path) -> tuple[int, tuple[float, float]]:
    from openpyxl import load_workbook

    rows = 0

    def read() -> None:
        nonlocal rows
        book = load_workbook(path, read_only=True, data_only=True)
        for _ in book.worksheets[0].iter_rows(values_only=True):
            rows += 1
        book.close()

    seconds = timed(read)
    return rows, seconds


def our_import(path: Path, target: Path) -> tuple[object, tuple[float, float]]:
    from suining_desk.db import close_database, open_database
    from suining_desk.exchange.imports import run_import
    from suining_desk.exchange.staging import ImportOptions

    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    open_database(target)
    options = ImportOptions(create_areas=True, user="bench", today=dt.date(2024, 12, 31))
    found: list[object] = []
    seconds = timed(lambda: found.append(run_import("households", path, options, cancel=threading.Event())))
    close_database()
    return found[0], seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--households", type=int, default=None)
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    name = f"register-{args.households}.xlsx" if args.households else "register.xlsx"
    sheet = WORK / name
    if not (args.reuse and sheet.exists()):
        rows, seconds = export_file(county_database(args.db), sheet, args.households)
        print(f"export: {rows:,} person rows in {seconds[0]:.1f} s ({sheet.stat().st_size / 1e6:.0f} MB)")

    read_rows, (read_wall, read_cpu) = openpyxl_read(sheet)
    print(f"openpyxl read-only, values only: {read_rows:,} rows in {read_wall:.1f} s (CPU {read_cpu:.1f} s)")
    before = rss_mb()
    result, (import_wall, import_cpu) = our_import(sheet, WORK / "target.sqlite3")
    print(f"import: {result.summary()}")
    print(f"import: {import_wall:.1f} s (CPU {import_cpu:.1f} s)")
    print(f"ratio import / openpyxl read: wall {import_wall / read_wall:.2f}, CPU {import_cpu / read_cpu:.2f}"
          " (target ≤ 1.50)")
    print(f"memory (RSS): {before:.0f} MB before the import; peak {PEAKS[-2]:.0f} MB during openpyxl's read, "
          f"{PEAKS[-1]:.0f} MB during the import")


if __name__ == "__main__":
    main()
