"""Backups and opening when things go wrong (issue 13, item 10): a killed backup's hidden
copy is removed next time (only ours, only when its process is gone) and is owner-only
meanwhile; a backup that meets a full disk leaves no journal, WAL or copy behind; opening a
database on a full disk says the disk is full, not that the file is damaged."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
from pathlib import Path

import pytest

from suining_desk.cli import main
from suining_desk.db import DatabaseOpenError, close_database, open_database
from suining_desk.domain import os_errors
from suining_desk.domain.messages import describe
from suining_desk.domain.problems import InvalidInput
from suining_desk.storage import backups, tempfiles
from suining_desk.storage.backups import make_backup

POSIX = pytest.mark.skipif(os.name != "posix", reason="fork, SIGKILL and file modes (POSIX)")


@pytest.fixture
def demo(small_demo_path: Path, tmp_path: Path) -> Path:
    path = tmp_path / "county.sqlite3"
    shutil.copyfile(small_demo_path, path)
    return path


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def _killed_backup(source: Path, dest: Path) -> int:
    """A child that starts a backup and is SIGKILLed once the copy is half done."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        def halfway(_stage: str, fraction: float) -> None:
            if fraction > 0:  # the copy has written pages
                os.kill(os.getpid(), signal.SIGKILL)

        try:
            make_backup(source, dest, progress=halfway)
        finally:
            os._exit(1)
    os.waitpid(pid, 0)
    return pid


@POSIX
def test_a_killed_backup_leaves_an_owner_only_copy_that_the_next_backup_removes(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    pid = _killed_backup(demo, out / "a.sqlite3")
    left = _hidden(out)
    assert left and all(f".a.sqlite3.{pid}@" in name for name in left)
    for name in left:
        assert (out / name).stat().st_mode & 0o077 == 0, name  # never readable by others meanwhile
    pid2 = _killed_backup(demo, out / "b.sqlite3")  # killed again: the next backup removed the first …
    assert _hidden(out) and all(f".b.sqlite3.{pid2}@" in name for name in _hidden(out))
    make_backup(demo, out / "c.sqlite3")  # … and this one the second
    assert _hidden(out) == []
    assert sorted(p.name for p in out.iterdir()) == ["c.sqlite3", "c.sqlite3.json"]


@POSIX
def test_only_our_own_leftovers_of_dead_processes_are_removed(tmp_path: Path) -> None:
    sleeper = subprocess.Popen(["sleep", "30"])
    try:
        dead = _dead_pid()
        host = tempfiles.host_tag()
        header = b"SQLite format 3\x00" + b"\0" * 100
        kept = {
            f".a.sqlite3.{sleeper.pid}@{host}.tmp": header,  # its process still runs
            f".b.sqlite3.{dead}@otherpc.tmp": header,  # another computer writes it (a shared folder)
            f".c.sqlite3.{dead}@{host}.tmp": b"PK\x03\x04 not a database of ours",
            f".notes.txt.{dead}@{host}.tmp": header,  # not a database name
            f".e.sqlite3.{dead}.tmp": header,  # the old naming: not an hour old yet
        }
        removed = {
            f".f.sqlite3.{dead}@{host}.tmp": header,
            f".f.sqlite3.{dead}@{host}.tmp-journal": b"journal",
            f".g.sqlite3.{dead}@{host}.restore-wal": b"wal",
            f".h.sqlite3.{dead}@{host}.building": b"",
            f".i.sqlite3.{dead}@{host}.tmp": b"\0" * 4096,  # killed before SQLite wrote its first page
        }
        for name, data in {**kept, **removed}.items():
            (tmp_path / name).write_bytes(data)
        gone = tempfiles.clean_stale(tmp_path)
        assert sorted(p.name for p in gone) == sorted(removed)
        assert _hidden(tmp_path) == sorted(kept)
        old = tmp_path / f".e.sqlite3.{dead}.tmp"
        os.utime(old, (old.stat().st_atime - 7200, old.stat().st_mtime - 7200))
        assert [p.name for p in tempfiles.clean_stale(tmp_path)] == [old.name]
    finally:
        sleeper.kill()
        sleeper.wait()


def _dead_pid() -> int:
    done = subprocess.run(["true"])
    assert done.returncode == 0
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


class _FullAtTheEnd(sqlite3.Connection):
    """The backup's copy: the disk fills up as it is made one file (its WAL is there by then)."""

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:  # type: ignore[override]
        if sql.startswith("PRAGMA journal_mode"):
            super().execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # opens the WAL
            raise sqlite3.OperationalError("database or disk is full")
        return super().execute(sql, *args)


def test_a_backup_that_fills_the_disk_leaves_nothing_behind(demo: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    real = sqlite3.connect

    def connect(database: str, *args: object, **kwargs: object) -> sqlite3.Connection:
        if str(database).endswith(".tmp"):
            kwargs["factory"] = _FullAtTheEnd
        return real(database, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(backups.sqlite3, "connect", connect)
    with pytest.raises(InvalidInput) as info:
        make_backup(demo, out / "b.sqlite3")
    text = describe(info.value.problems[0])
    assert "无法写入备份" in text and "磁盘已满" in text and "本次修改" not in text
    assert list(out.iterdir()) == []  # no copy, no -journal, -wal or -shm


def _mount_tmpfs(folder: Path, size: str) -> bool:
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True).returncode == 0


def _umount(folder: Path) -> None:
    subprocess.run(["umount", str(folder)], capture_output=True)


def test_a_backup_onto_a_really_full_disk_leaves_nothing_behind(demo: Path, tmp_path: Path) -> None:
    """On tiny tmpfs disks (needs root), of sizes around the database's."""
    size = demo.stat().st_size
    disk = tmp_path / "disk"
    disk.mkdir()
    for kib in range(size // 1024 - 64, size // 1024 + 96, 16):
        if not _mount_tmpfs(disk, f"{kib}k"):
            pytest.skip("mounting a tmpfs needs root")
        try:
            try:
                make_backup(demo, disk / "b.sqlite3")
            except InvalidInput as exc:
                assert "磁盘已满" in describe(exc.problems[0]), describe(exc.problems[0])
                assert list(disk.iterdir()) == [], (kib, list(disk.iterdir()))
            else:
                assert sorted(p.name for p in disk.iterdir()) == ["b.sqlite3", "b.sqlite3.json"]
        finally:
            _umount(disk)


def test_opening_on_a_full_disk_says_the_disk_is_full(demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite cannot make the WAL file it needs (here: a folder stands in its way)."""
    Path(f"{demo}-wal").mkdir()
    with pytest.raises(DatabaseOpenError) as info:
        open_database(demo)
    text = describe(info.value.problems[0])
    assert "-wal" in text and "已损坏" not in text  # not the disk: said as it is

    class Usage:
        free = 4096

    monkeypatch.setattr(os_errors.shutil, "disk_usage", lambda _path: Usage())
    with pytest.raises(DatabaseOpenError) as info:
        open_database(demo)
    assert info.value.problems[0].code == "db_open_disk_full"
    assert "磁盘空间已满" in describe(info.value.problems[0])


def test_the_command_line_on_a_really_full_disk(demo: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """Needs root for a tiny tmpfs: the database, then a file filling what is left."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if not _mount_tmpfs(disk, f"{demo.stat().st_size // 1024 + 512}k"):
        pytest.skip("mounting a tmpfs needs root")
    try:
        shutil.copyfile(demo, disk / "county.sqlite3")
        with (disk / "filler").open("wb") as fh:
            fh.write(b"\0" * shutil.disk_usage(disk).free)
        assert main(["stats", "--db", str(disk / "county.sqlite3")]) == 1
        err = capsys.readouterr().err
        assert "磁盘空间已满" in err and "已损坏" not in err
    finally:
        close_database()
        _umount(disk)
