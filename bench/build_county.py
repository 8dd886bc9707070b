"""Build the county-scale demo and time it, then time the statistics query on it.

    uv run python bench/build_county.py [--out PATH] [--scale county|small] [--seed N]

Times are wall-clock seconds on this machine. To compare machines, each is also given as
a ratio to a baseline measured in the same run: ``executemany`` of as many bare rows as the
build wrote into a one-column table (one transaction, same pragmas as the app).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

from suining_desk.db import close_database, open_database
from suining_desk.demo import DemoSummary, generate_demo


def _baseline(rows: int, folder: Path) -> float:
    """Seconds to write ``rows`` one-integer rows with executemany in one transaction."""
    path = folder / "baseline.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = wal")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("CREATE TABLE bare (x INTEGER)")
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("INSERT INTO bare (x) VALUES (?)", ((i,) for i in range(rows)))
        conn.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        conn.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def _pad(text: str, width: int) -> str:
    """``text`` padded to ``width`` terminal columns (Chinese characters take two)."""
    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(width - used, 0)


def _rows_written(s: DemoSummary) -> int:
    return (s.townships + s.villages + s.groups + 1 + s.households + s.people + s.name_keys
            + s.status_changes + s.enrolments + s.payment_batches + s.payments
            + s.settlement_sites + s.relocations + s.renovations_d + s.renovations_c)


def _time_stats(path: Path) -> tuple[str, float, str]:
    open_database(path)
    try:
        from suining_desk.services.stats import collect_stats
    except ImportError:  # the lead's stats service not there: time a plain count instead
        from suining_desk.db.models import Payment

        started = time.perf_counter()
        count = Payment.select().count()
        return "SELECT COUNT(*) FROM payment（无 collect_stats）", time.perf_counter() - started, \
            f"{count:,} payments"
    started = time.perf_counter()
    stats = collect_stats()
    elapsed = time.perf_counter() - started
    return "collect_stats()", elapsed, f"{stats.payments:,} payments, ¥{stats.total_fen / 100:,.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="build the county-scale demo and time it")
    parser.add_argument("--out", type=Path, help="database file to build (default: a temp file)")
    parser.add_argument("--scale", default="county", choices=("county", "small"))
    parser.add_argument("--seed", type=int, default=2018)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="suining-bench-") as tmp:
        folder = Path(tmp)
        path: Path = args.out or folder / "county.sqlite3"
        if path.exists():
            print(f"{path} exists; choose another --out", file=sys.stderr)
            return 2
        stages: dict[str, float] = {}
        started = time.perf_counter()

        def progress(stage: str, fraction: float) -> None:
            stages.setdefault(stage, time.perf_counter())
            if sys.stderr.isatty():
                print(f"\r{stage} {fraction:6.1%}   ", end="", file=sys.stderr, flush=True)

        db = open_database(path)
        summary = generate_demo(db, scale=args.scale, seed=args.seed, progress=progress)
        build = time.perf_counter() - started
        close_database()
        if sys.stderr.isatty():
            print(file=sys.stderr)

        stats_label, stats_time, stats_note = _time_stats(path)
        close_database()
        rows = _rows_written(summary)
        base = _baseline(rows, folder)

        print(f"\n{args.scale} demo (seed {args.seed}) → {path}")
        print(f"  households {summary.households:,}  people {summary.people:,}  "
              f"payments {summary.payments:,}  name keys {summary.name_keys:,}")
        print(f"  relocations {summary.relocations:,} ({summary.relocated_people:,} people)  "
              f"renovations D {summary.renovations_d:,} / C {summary.renovations_c:,}  "
              f"file {path.stat().st_size / 2**20:,.0f} MB\n")
        table = [
            ("baseline: executemany " + format(rows, ",") + " bare rows", base),
            ("build (generate_demo)", build),
        ]
        marks = [*stages.values(), started + build]
        table += [("  " + stage, end - begun)
                  for (stage, begun), end in zip(stages.items(), marks[1:], strict=True)]
        table.append((stats_label, stats_time))
        print(f"{_pad('what', 50)}{'seconds':>9}{'× baseline':>12}")
        print("-" * 71)
        for label, seconds in table:
            print(f"{_pad(label, 50)}{seconds:>9.2f}{seconds / base:>12.2f}")
        print(f"\n{stats_label}: {stats_note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
