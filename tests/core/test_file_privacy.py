"""Files readable by their owner only (issue 13, item 8): ID and bank numbers and password
hashes are in the database, its WAL and every backup. On POSIX the data folder is 0700 and
every file the program writes there — and a ``backup --out`` copy — is 0600, whatever the
umask; a database from before is made so when it is opened."""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from suining_desk.cli import main
from suining_desk.db import close_database, migrations, open_database
from suining_desk.db.models import Area
from suining_desk.storage import paths
from suining_desk.storage import seen as audit_seen
from suining_desk.storage.backups import backup_folder

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A data folder that does not exist yet, and the usual umask (files 0644, folders 0755)."""
    folder = tmp_path / "SuiningDesk"
    monkeypatch.setenv("SUINING_HOME", str(folder))
    old = os.umask(0o022)
    try:
        yield folder
    finally:
        os.umask(old)
        close_database()


def test_the_demo_database_its_wal_backups_and_notes_are_owner_only(home: Path, tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    db = paths.demo_database()
    assert mode(home) == 0o700 and mode(db) == 0o600
    for side in ("-wal", "-shm"):  # SQLite gives them the database's mode
        assert mode(Path(f"{db}{side}")) == 0o600, side
    close_database()
    assert main(["backup", "--demo"]) == 0
    folder = backup_folder(db)
    assert mode(paths.backups_dir()) == mode(folder) == 0o700
    assert {p.name: mode(p) for p in folder.iterdir()} == {p.name: 0o600 for p in folder.iterdir()}
    seen = home / audit_seen.FOLDER
    assert mode(seen) == 0o700 and [mode(p) for p in seen.iterdir()] == [0o600]
    shared = tmp_path / "共享"
    shared.mkdir(mode=0o755)
    os.chmod(shared, 0o755)
    assert main(["backup", "--demo", "--out", str(shared / "copy.sqlite3")]) == 0
    assert mode(shared) == 0o755  # a folder the office chose keeps its permissions …
    assert mode(shared / "copy.sqlite3") == mode(shared / "copy.sqlite3.json") == 0o600  # … the copy is private
    capsys.readouterr()


def test_a_database_from_before_is_made_private_when_opened(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    open_database(path)
    close_database()
    os.chmod(path, 0o644)
    os.chmod(home, 0o755)
    open_database(path)
    assert mode(path) == 0o600 and mode(home) == 0o700


def test_the_copy_kept_before_a_migration_is_checked_and_private(home: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "town.sqlite3"
    with monkeypatch.context() as old_version:
        old_version.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
        old_version.setattr(migrations, "LATEST", 1)
        open_database(path)
        Area.create(code="430527", name="绥宁县", level=1)
        close_database()
    open_database(path)
    kept = list(tmp_path.glob("town.before-v*"))
    assert len(kept) == 1 and mode(kept[0]) == 0o600
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_crash_reports_are_owner_only(home: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    from suining_desk.cli.commands import stats

    def boom(args: object) -> int:
        raise RuntimeError("unforeseen")

    monkeypatch.setattr(stats, "run", boom)  # the parser follows the commands' entry points: it takes this one
    assert main(["stats"]) == 70
    logs = home / "logs"
    reports = list(logs.glob("crash-*.txt"))
    assert mode(home) == mode(logs) == 0o700 and [mode(p) for p in reports] == [0o600]
    assert str(reports[0]) in capsys.readouterr().err
    log = logs / "suining-desk.log"  # the program's log beside it: owner-only too, and it names the report
    assert mode(log) == 0o600 and f"crashed (RuntimeError): report {reports[0].name}" in log.read_text("utf-8")


def test_the_restore_copy_of_a_damaged_database_is_private(home: Path, small_demo_path: Path, tmp_path: Path) -> None:
    from suining_desk.services.restore import restore_backup
    from suining_desk.storage.backups import automatic_backup

    path = tmp_path / "county.sqlite3"
    shutil.copyfile(small_demo_path, path)
    good = automatic_backup(path)
    assert good is not None
    path.write_bytes(b"\0" * 8192)
    os.chmod(path, 0o644)
    kept = restore_backup(good.path, path, user="admin")
    assert kept is not None and kept.name.endswith("-damaged.sqlite3") and mode(kept) == 0o600
    assert mode(path) == 0o600
