"""Shared by the benchmarks: the county-scale database and small timing helpers."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_COUNTY_DB = ROOT / "out" / "county.sqlite3"


def county_database(path: Path | None = None) -> Path:
    """The county-scale demo database, built once (about a minute) and reused."""
    path = path or DEFAULT_COUNTY_DB
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        print(f"building the county-scale demo into {path} …", flush=True)
        subprocess.run([sys.executable, "-m", "suining_desk.cli", "demo", "--scale", "county", "--db", str(path)],
                       check=True, cwd=ROOT)
    return path


def timed(fn: Callable[[], object]) -> float:
    """Seconds one call takes."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def median_ms(fn: Callable[[], object], repeat: int = 7) -> float:
    return statistics.median(timed(fn) for _ in range(repeat)) * 1000


def rss_mb() -> float:
    with open(f"/proc/{os.getpid()}/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0
