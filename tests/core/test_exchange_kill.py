"""An import process killed (SIGKILL) at some moment leaves the register as it was or
with the whole file in it — never part of it — and the database intact."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from suining_desk.db import close_database, open_database
from tests import exchange_sheets as sheets
from tests.county import build_county, id_number

HOUSEHOLDS = 1500
ROOT = Path(__file__).resolve().parents[2]
CHILD = """
import datetime as dt, sys
from pathlib import Path
from suining_desk.db import open_database
from suining_desk.exchange.imports import run_import
from suining_desk.exchange.staging import ImportOptions
open_database(Path(sys.argv[1]))
def progress(stage, fraction):
    print(f"{fraction:.4f}", flush=True)
result = run_import("households", Path(sys.argv[2]), ImportOptions(user="luru", today=dt.date(2018, 12, 1)),
                    progress=progress)
print("done", result.people_added, flush=True)
"""

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")]


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("kill")
    db = folder / "county.sqlite3"
    open_database(db)
    build_county()
    close_database()
    rows = []
    for h in range(HOUSEHOLDS):
        area = f"4305{27 + h // 250:02d}"  # distinct ID numbers: 250 households an address code
        rows.append([f"H{h:05d}", "杨桂花", id_number("1950-01-01", h % 250, male=False, area=area), "户主",
                     "长铺镇", "青石村", "一组"])
        rows.append([f"H{h:05d}", "龙春生", id_number("1950-01-01", h % 250, male=True, area=area), "配偶",
                     "长铺镇", "青石村", "一组"])
    return db, sheets.register_sheet(folder / "register.xlsx", rows)


def state(db: Path) -> tuple[str, int, int, int, int]:
    conn = sqlite3.connect(db)
    try:
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        counts = [conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                  for t in ("household", "person", "member_change", "name_key")]
        return (check, *counts)  # type: ignore[return-value]
    finally:
        conn.close()


def kill_when(db: Path, sheet: Path, should_kill: object) -> tuple[str, float]:
    """Run the import in a child process; SIGKILL it when ``should_kill(fraction, seconds)``."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(db), str(sheet)], stdout=subprocess.PIPE,
                             text=True, env=env, cwd=ROOT)
    started = time.monotonic()
    assert child.stdout is not None
    last = 0.0
    for line in child.stdout:
        if line.startswith("done"):
            break
        last = float(line)
        if should_kill(last, time.monotonic() - started):  # type: ignore[operator]
            child.send_signal(signal.SIGKILL)
            break
    code = child.wait(timeout=120)
    return ("killed" if code == -signal.SIGKILL else "finished"), last


@pytest.mark.parametrize("moment", ["reading", "writing", "random-1", "random-2"])
def test_a_killed_import_leaves_nothing_or_everything(setup: tuple[Path, Path], tmp_path: Path, moment: str) -> None:
    source, sheet = setup
    db = tmp_path / "county.sqlite3"
    shutil.copy(source, db)
    before = state(db)
    rng = random.Random()
    threshold = {"reading": 0.3, "writing": 0.85}.get(moment, rng.uniform(0.0, 1.0))
    outcome, at = kill_when(db, sheet, lambda fraction, _seconds: fraction >= threshold)
    after = state(db)
    assert after[0] == "ok"
    everything = (before[0], before[1] + HOUSEHOLDS, before[2] + 2 * HOUSEHOLDS, before[3] + 2 * HOUSEHOLDS)
    if outcome == "finished":
        assert after[:4] == everything
    else:
        assert after[:4] in (before[:4], everything), (moment, at)
        if moment in ("reading", "writing"):
            assert after == before, (moment, at)  # killed mid-way: not a row of it
