"""Faults a township PC meets: two programs writing to one file, another writer holding
the lock too long, a full disk. Each write is whole or absent, and the clerk reads a
Chinese sentence, never SQLite's "database is locked" or "disk is full"."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from suining_desk import audit
from suining_desk.audit.verify import verify
from suining_desk.db import capture as audit_capture
from suining_desk.db import close_database, open_database
from suining_desk.db.errors import StorageError
from suining_desk.db.models import AuditEntry, Household, Payment, StatusChange, database
from suining_desk.demo.generate import generate_demo
from suining_desk.domain.messages import describe
from suining_desk.rules.household import HouseholdInput, PersonInput
from suining_desk.services import households as hs
from tests.county import TODAY, build_county, id_number

WRITES = 1000


@pytest.fixture
def fast_dir(tmp_path: Path) -> Iterator[Path]:
    """A folder in memory when there is one (fsync costs nothing there; locking is the same)."""
    if Path("/dev/shm").is_dir() and os.access("/dev/shm", os.W_OK):
        folder = Path(tempfile.mkdtemp(dir="/dev/shm"))
        yield folder
        shutil.rmtree(folder, ignore_errors=True)
    else:
        yield tmp_path


def _household(no: str, group_id: int, seq: int) -> tuple[HouseholdInput, list[PersonInput]]:
    return (HouseholdInput(household_no=no, group_id=group_id, main_cause="因病"),
            [PersonInput(name="杨桂花", id_number=id_number("1950-01-05", seq, male=False), relation="户主")])


def _writer(path: Path, no: str, group_id: int, seq: int, err: Path) -> int:
    """A second program: register one household, then change its status WRITES times."""
    pid = os.fork()
    if pid:
        return pid
    code = 0  # pragma: no cover - the child
    try:
        with err.open("w", encoding="utf-8") as out:
            try:
                open_database(path)
                # The test is about lost writes, not how long a busy machine makes the other wait.
                database.execute_sql("PRAGMA busy_timeout = 600000")
                hid = hs.register_household(*_household(no, group_id, seq), user="luru", today=TODAY)
                for i in range(WRITES):
                    hs.change_status(hid, status="monitored" if i % 2 == 0 else "poor", year=None, date=TODAY,
                                     reason=f"第{i}次", user="luru", today=TODAY)
            except BaseException as exc:  # noqa: BLE001 - reported to the parent
                out.write(f"{type(exc).__name__}: {exc}")
                code = 1
    finally:
        os._exit(code)


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="fork")
def test_two_processes_each_write_a_thousand_times(fast_dir: Path) -> None:
    path = fast_dir / "shared.sqlite3"
    open_database(path)
    county = build_county()
    with database.atomic("IMMEDIATE"):
        audit.append("fixture_created", username="system")
    close_database()
    errs = [fast_dir / "a.err", fast_dir / "b.err"]
    pids = [_writer(path, "43052710000101001", county.qingshi_1.id, 1, errs[0]),
            _writer(path, "43052710000102001", county.qingshi_2.id, 2, errs[1])]
    codes = [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in pids]
    messages = [e.read_text("utf-8") for e in errs]
    assert codes == [0, 0] and messages == ["", ""]
    open_database(path)
    assert Household.select().count() == 2
    assert StatusChange.select().count() == 2 * WRITES
    assert AuditEntry.select().count() == 1 + 2 + 2 * WRITES
    assert verify().ok
    close_database()


def test_another_writer_holding_the_lock_gives_a_chinese_message(db: object) -> None:
    county = build_county()
    import sqlite3

    other = sqlite3.connect(database.database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    database.execute_sql("PRAGMA busy_timeout = 200")
    try:
        with pytest.raises(StorageError) as info:
            hs.register_household(*_household("43052710000101001", county.qingshi_1.id, 1), user="luru",
                                  today=TODAY)
    finally:
        other.execute("ROLLBACK")
        other.close()
    text = describe(info.value.problems[0])
    assert info.value.problems[0].code == "db_busy" and "稍后再试" in text and "locked" not in text
    hs.register_household(*_household("43052710000101001", county.qingshi_1.id, 1), user="luru", today=TODAY)


def test_full_database_file_fails_cleanly_and_the_program_goes_on(db: object) -> None:
    county = build_county()
    with database.atomic("IMMEDIATE"):
        audit.append("fixture_created", username="system")
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
    entries = AuditEntry.select().count()
    database.execute_sql(f"PRAGMA max_page_count = {pages}")  # as if the disk had no more room
    members = [PersonInput(name="张" + chr(0x4E00 + 0x100 + i), id_number=id_number("1980-01-01", i, male=True),
                           relation="户主" if i == 0 else "子") for i in range(40)]
    household = HouseholdInput(household_no="43052710000101001", group_id=county.qingshi_1.id, main_cause="因病",
                               address="很长的地址" * 20)
    with pytest.raises(StorageError) as info:
        hs.register_household(household, members, user="luru", today=TODAY)
    assert info.value.problems[0].code == "db_disk_full"
    assert "磁盘空间已满" in describe(info.value.problems[0])
    assert (Household.select().count(), AuditEntry.select().count()) == (0, entries)  # nothing partial
    assert audit_capture.pending(database.obj) == []
    database.execute_sql("PRAGMA max_page_count = 1073741823")  # room again: the same work succeeds
    hs.register_household(household, members, user="luru", today=TODAY)
    assert Household.select().count() == 1 and verify().ok


def test_full_disk_during_a_bulk_load_leaves_the_database_empty(tmp_path: Path) -> None:
    db = open_database(tmp_path / "bulk.sqlite3")
    pages = db.execute_sql("PRAGMA page_count").fetchone()[0]
    db.execute_sql(f"PRAGMA max_page_count = {pages + 50}")
    with pytest.raises(Exception) as info:  # noqa: B017 - SQLite's own error from executemany
        generate_demo(db, scale="small", seed=3)
    from suining_desk.storage.errors import storage_problem

    problem = storage_problem(info.value)
    assert problem is not None and problem.code == "db_disk_full"
    assert Household.select().count() == Payment.select().count() == AuditEntry.select().count() == 0
    db.execute_sql("PRAGMA max_page_count = 1073741823")
    generate_demo(db, scale="small", seed=3)  # usable afterwards
    assert Household.select().count() > 100
    close_database()


def _mount_tmpfs(folder: Path, size: str) -> bool:
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True)
    return done.returncode == 0


def test_a_really_full_disk(tmp_path: Path) -> None:
    """On a tiny tmpfs (needs root): a batch of payments that does not fit."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if not _mount_tmpfs(disk, "3m"):
        pytest.skip("mounting a tmpfs needs root")
    try:
        open_database(disk / "small.sqlite3")
        county = build_county()
        hid = hs.register_household(*_household("43052710000101001", county.qingshi_1.id, 1), user="luru",
                                    today=TODAY)
        program = database.execute_sql("INSERT INTO program (code, name, basis, frequency, funding_source, active, "
                                        "sort_order) VALUES ('dibao', '低保', 'person', 'monthly', '', 1, 0)").lastrowid
        filler = disk / "filler.bin"
        with filler.open("wb") as fh:  # fill the disk, leaving a little room
            free = shutil.disk_usage(disk).free
            fh.write(b"\0" * max(0, free - 200_000))
        rows = [(program, hid, county.changpu.id, county.qingshi.id, "2018-11", 10_000 + i, "杨桂花" * 10)
                for i in range(20_000)]
        with pytest.raises(StorageError) as info:
            with database.atomic("IMMEDIATE"):
                database.connection().executemany(
                    "INSERT INTO payment (program_id, household_id, township_id, village_id, period, amount_fen, "
                    "payee_name, posted, people, months, standard_fen, category, payee_id_number, bank_account, "
                    "reason, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, 1, 1, 0, '', '', '', '', "
                    "'luru', '2018-11-20')", rows)
                audit.append("batch_posted", username="shenhe")
        assert info.value.problems[0].code == "db_disk_full"
        assert Payment.select().count() == 0
        filler.unlink()
        hs.change_status(hid, status="monitored", year=None, date=dt.date(2018, 12, 1), reason="监测",
                         user="luru", today=TODAY)
        assert verify().chain is None
    finally:
        close_database()
        subprocess.run(["umount", str(disk)], capture_output=True)
