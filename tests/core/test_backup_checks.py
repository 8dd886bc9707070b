"""Backups made in the background (issue 17): the full check table by table with progress,
the quick one for the backup on close, stopping on request, and the daily backup's rule
(a quick-checked backup does not stand in for the full one)."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from suining_desk.db import close_database, open_database
from suining_desk.demo.generate import DEMO_PASSWORD, generate_demo
from suining_desk.domain.problems import InvalidInput
from suining_desk.services import accounts
from suining_desk.storage import backups
from suining_desk.storage.backup_check import BackupStopped, database_is_sound

DAY = dt.timedelta(days=1)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("backup-checks") / "demo.sqlite3"
    generate_demo(open_database(path), scale="small", seed=5)
    close_database()
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "county.sqlite3"
    shutil.copyfile(demo_file, path)
    yield path
    close_database()


def _index_out_of_step(path: Path) -> None:
    """An index whose entries no longer match its table (the schema says another column)."""
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x INTEGER, y INTEGER)")
    con.execute("CREATE INDEX t_x ON t (x)")
    con.executemany("INSERT INTO t VALUES (?, ?)", [(i, -i) for i in range(500)])
    con.commit()
    con.execute("PRAGMA writable_schema = ON")
    con.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX t_x ON t (y)' WHERE name = 't_x'")
    con.commit()
    con.close()


def test_the_full_check_finds_an_index_out_of_step_the_quick_one_does_not(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    _index_out_of_step(path)
    con = sqlite3.connect(path)
    seen: list[float] = []
    assert not database_is_sound(con, full=True, progress=seen.append)
    assert database_is_sound(con, full=False)  # pages and b-trees are fine: what the quick check sees
    con.close()


def test_a_backup_reports_progress_through_copy_and_check(demo: Path, tmp_path: Path) -> None:
    seen: list[tuple[str, float]] = []
    name = backups.backup_name(demo, dt.datetime(2026, 3, 2, 9, 0), "manual")
    info = backups.make_backup(demo, tmp_path / "out" / name, progress=lambda s, f: seen.append((s, f)))
    assert info.check == "full" and backups.list_backups(tmp_path / "out")[0].check == "full"
    stages = [s for s, _ in seen]
    assert stages[0] == "复制数据库" and stages[-1] == "检查备份" and stages.count("检查备份") > 5  # table by table
    fractions = [f for _, f in seen]
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 1.0


def test_a_stopped_backup_leaves_nothing(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    for stop_in in ("复制数据库", "检查备份"):
        cancel = threading.Event()

        def progress(stage: str, _fraction: float, stop_in: str = stop_in, cancel: threading.Event = cancel) -> None:
            if stage == stop_in:
                cancel.set()

        with pytest.raises(BackupStopped):
            backups.make_backup(demo, out / "b.sqlite3", progress=progress, cancel=cancel)
        assert list(out.iterdir()) == []  # no copy, no hidden temporary file, no anchor


def test_a_damaged_copy_is_refused_by_the_full_check(demo: Path, tmp_path: Path) -> None:
    _index_out_of_step(demo)
    with pytest.raises(InvalidInput) as refused:
        backups.make_backup(demo, tmp_path / "out" / "b.sqlite3")
    assert refused.value.problems[0].code == "backup_damaged"
    quick = backups.make_backup(demo, tmp_path / "out" / "q.sqlite3", check="quick")  # on close: pages only
    assert quick.check == "quick"


def test_the_daily_backup_wants_a_full_check_a_day(demo: Path) -> None:
    now = dt.datetime(2026, 3, 2, 17, 0)
    closing = backups.automatic_backup(demo, now=now, check="quick")  # the window closed
    assert closing is not None and closing.check == "quick"
    open_database(demo)
    accounts.login("admin", DEMO_PASSWORD)  # something new since
    close_database()
    daily = backups.automatic_backup(demo, now=now + dt.timedelta(hours=2), min_age=DAY)
    assert daily is not None and daily.check == "full"  # the quick one did not count
    assert backups.automatic_backup(demo, now=now + dt.timedelta(hours=3), min_age=DAY) is None
    open_database(demo)
    accounts.login("admin", DEMO_PASSWORD)
    close_database()
    assert backups.automatic_backup(demo, now=now + dt.timedelta(hours=4), min_age=DAY) is None  # a full one today
    later = backups.automatic_backup(demo, now=now + dt.timedelta(hours=5), check="quick")  # on close: always
    assert later is not None and later.check == "quick"
