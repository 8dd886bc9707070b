"""Backups and restore: the backup API, integrity-checked copies, 7/4/12 rotation,
restore that reproduces ``stats`` exactly and keeps the replaced file, and damaged
files detected on open with the newest good backup found for them."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from suining_desk.cli import main
from suining_desk.db import DatabaseOpenError, close_database, open_database
from suining_desk.db.models import AuditEntry, Household
from suining_desk.demo.generate import generate_demo
from suining_desk.domain.problems import InvalidInput
from suining_desk.services.restore import restore_backup
from suining_desk.services.stats import collect_stats
from suining_desk.storage import backups
from suining_desk.storage.backups import BackupInfo, automatic_backup, backup_folder, list_backups, make_backup, to_keep
from suining_desk.storage.locks import lock_holder, lock_path

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("backups") / "demo.sqlite3"
    generate_demo(open_database(path), scale="small", seed=5)
    close_database()
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "county.sqlite3"
    shutil.copyfile(demo_file, path)
    yield path
    close_database()


def test_backup_is_checked_and_carries_the_audit_head(demo: Path, tmp_path: Path) -> None:
    open_database(demo)
    last = AuditEntry.select().order_by(AuditEntry.seq.desc()).first()
    info = make_backup(demo, tmp_path / "out" / "b.sqlite3")  # while the database is open
    assert backups.integrity_problems(info.path) == []
    meta = json.loads(info.meta_path.read_text("utf-8"))
    assert (meta["audit_seq"], meta["audit_hash"]) == (last.seq, last.hash)
    con = sqlite3.connect(info.path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    con.close()
    if os.name == "posix":
        assert (tmp_path / "out").stat().st_mode & 0o777 == 0o700


def _info(when: str, kind: str = "auto") -> BackupInfo:
    created = dt.datetime.fromisoformat(when)
    return BackupInfo(Path(f"db-{created:%Y%m%d-%H%M%S}-{kind}.sqlite3"), created, kind, 1)


def test_rotation_keeps_7_daily_4_weekly_12_monthly() -> None:
    start = dt.datetime(2017, 1, 1, 18)
    every_day = [_info((start + dt.timedelta(days=d)).isoformat()) for d in range(730)]
    extra = [_info("2018-12-31T09:00:00"), _info("2018-06-01T10:00:00", "manual")]
    found = sorted(every_day + extra, key=lambda b: b.created, reverse=True)
    kept = sorted(b.created for b in found if b.path in to_keep(found))
    days = {k.date() for k in kept}
    assert dt.datetime(2018, 12, 31, 18) in kept and dt.datetime(2018, 12, 31, 9) not in kept  # newest per day
    assert {dt.date(2018, 12, 31) - dt.timedelta(days=d) for d in range(7)} <= days
    assert len({k.isocalendar()[:2] for k in kept}) >= 4
    assert len({(k.year, k.month) for k in kept}) == 12 and min(kept) > dt.datetime(2018, 1, 1)
    assert len(kept) <= 7 + 4 + 12


def test_automatic_backup_rotates_and_skips_when_nothing_changed(demo: Path) -> None:
    now = dt.datetime(2018, 12, 1, 18)
    for day in range(10):
        open_database(demo)
        from suining_desk.services.accounts import login

        login("admin", "suining2018", now=now + dt.timedelta(days=day))  # a change a day
        close_database()
        assert automatic_backup(demo, now=now + dt.timedelta(days=day, minutes=1)) is not None
    assert automatic_backup(demo, now=now + dt.timedelta(days=11)) is None  # nothing new
    open_database(demo)
    login("admin", "suining2018", now=now + dt.timedelta(days=9, hours=2))
    close_database()
    assert automatic_backup(demo, now=now + dt.timedelta(days=9, hours=3),
                            min_age=dt.timedelta(days=1)) is None  # the daily one is not due yet
    autos = [b for b in list_backups(backup_folder(demo)) if b.kind == "auto"]
    assert len(autos) == 7 + 1  # 7 days, plus the newest day of an older week (2018-12-01..03)


def test_restore_reproduces_stats_and_keeps_the_current_file(demo: Path, tmp_path: Path) -> None:
    open_database(demo)
    before = collect_stats()
    close_database()
    backup = make_backup(demo, tmp_path / "keep.sqlite3").path
    open_database(demo)
    from suining_desk.db.models import database

    with database.atomic("IMMEDIATE"):
        database.execute_sql("INSERT INTO area (code, name, level, parent_id, sort_order) "
                             "VALUES ('430527999', '新乡', 2, 1, 99)")
        from suining_desk import audit

        audit.append("test_change", username="admin")
    changed = collect_stats()
    assert changed != before
    kept = restore_backup(backup, demo, user="admin")
    assert collect_stats() == before
    assert kept is not None and kept.name.endswith("-before-restore.sqlite3")
    assert AuditEntry.select().order_by(AuditEntry.seq.desc()).first().action == "backup_restored"
    close_database()
    open_database(kept)
    assert collect_stats() == changed
    close_database()


def _flip(path: Path, offset: int, length: int) -> None:
    data = bytearray(path.read_bytes())
    for i in range(offset, offset + length):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


def _corrupt(path: Path, how: str) -> None:
    size = path.stat().st_size
    if how == "truncated":
        with path.open("r+b") as fh:
            fh.truncate(size // 3)
    elif how == "zeroed_header":
        with path.open("r+b") as fh:
            fh.write(b"\0" * 100)
    elif how == "flipped_page":
        _flip(path, (size // 4096 // 2) * 4096, 8)  # the b-tree header of a page in the middle
    elif how == "not_a_database":
        path.write_text("户编号,姓名\n43052710000101001,曾伟\n" * 200, encoding="utf-8")


@pytest.mark.parametrize("how", ["truncated", "zeroed_header", "flipped_page", "not_a_database"])
def test_damaged_files_are_detected_never_written_and_a_good_backup_found(demo: Path, how: str) -> None:
    good = automatic_backup(demo)
    assert good is not None
    con = sqlite3.connect(demo)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    _corrupt(demo, how)
    damaged = demo.read_bytes()
    with pytest.raises(DatabaseOpenError) as info:
        open_database(demo)
    assert info.value.problems[0].code == "db_not_database"
    assert demo.read_bytes() == damaged  # never written to
    newest = backups.newest_good_backup(demo)
    assert newest is not None and newest.path == good.path
    kept = restore_backup(newest.path, demo)
    assert kept is not None and kept.name.endswith("-damaged.sqlite3") and kept.read_bytes() == damaged
    assert Household.select().count() > 100


def test_a_bad_backup_is_refused(demo: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x01" * 5000)
    with pytest.raises(InvalidInput) as info:
        restore_backup(bad, demo)
    assert info.value.problems[0].code in ("backup_damaged", "backup_not_database")
    with pytest.raises(InvalidInput) as info:
        restore_backup(tmp_path / "missing.sqlite3", demo)
    assert info.value.problems[0].code == "backup_missing"


HOLD = """
import sys, time
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1]); assert lock.tryLock(0); print("held", flush=True); time.sleep(60)
"""


def test_restore_refuses_while_another_window_holds_the_database(demo: Path, tmp_path: Path) -> None:
    backup = make_backup(demo, tmp_path / "b.sqlite3").path
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(lock_path(demo))], stdout=subprocess.PIPE,
                              text=True, cwd=REPO)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert lock_holder(demo) is not None
        with pytest.raises(InvalidInput) as info:
            restore_backup(backup, demo)
        assert info.value.problems[0].code == "restore_in_use"
    finally:
        holder.kill()
        holder.wait()
    assert lock_holder(demo) is None  # its process is gone: the lock is stale
    assert restore_backup(backup, demo) is not None


def test_cli_backup_and_restore(demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cli-backup.sqlite3"
    monkeypatch.setenv("SUINING_PASSWORD", "suining2018")
    assert main(["backup", "--db", str(demo), "--out", str(out), "--user", "luru"]) == 0
    assert main(["backup", "--db", str(demo)]) == 0
    assert len(list_backups(backup_folder(demo))) == 1
    capsys.readouterr()
    assert main(["--db", str(demo), "stats", "--json"]) == 0
    before = capsys.readouterr().out
    monkeypatch.setenv("SUINING_PASSWORD", "wrong-password1")
    assert main(["restore", str(out), "--db", str(demo), "--user", "admin"]) == 1
    assert "恢复须由当前数据库的管理员办理" in capsys.readouterr().err
    monkeypatch.setenv("SUINING_PASSWORD", "suining2018")
    assert main(["restore", str(out), "--db", str(demo), "--user", "luru"]) == 1  # not an admin
    assert main(["restore", str(out), "--db", str(demo), "--user", "admin"]) == 0
    assert "恢复前的数据库已保存为" in capsys.readouterr().out
    assert main(["--db", str(demo), "stats", "--json"]) == 0
    assert capsys.readouterr().out == before


def test_restore_is_for_an_admin_of_the_current_database_and_its_own_backups(
        demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """QA: anyone knowing an admin password of *some* file could restore it over the county's
    database. The password is checked in the current database; another database's file is refused;
    a damaged current database falls back to the backup's admin (that is why one restores)."""
    from suining_desk.db import close_database, open_database
    from suining_desk.services import accounts

    ours = tmp_path / "ours.sqlite3"
    monkeypatch.setenv("SUINING_PASSWORD", "suining2018")
    assert main(["backup", "--db", str(demo), "--out", str(ours), "--user", "admin"]) == 0
    stranger = tmp_path / "stranger.sqlite3"  # another county's database, whose admin password one knows
    open_database(stranger)
    accounts.create_first_admin("boss", "外人", "Other2018x")
    close_database()
    monkeypatch.setenv("SUINING_PASSWORD", "Other2018x")
    capsys.readouterr()
    assert main(["restore", str(stranger), "--db", str(demo), "--user", "boss"]) == 1
    assert "恢复须由当前数据库的管理员办理" in capsys.readouterr().err
    monkeypatch.setenv("SUINING_PASSWORD", "suining2018")
    assert main(["restore", str(stranger), "--db", str(demo), "--user", "admin"]) == 1
    assert "不是这个数据库的备份" in capsys.readouterr().err
    demo.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4096)  # damaged: the backup's admin confirms
    assert main(["restore", str(ours), "--db", str(demo), "--user", "admin"]) == 0
