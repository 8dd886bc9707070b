"""What the window says about the database itself (issue 13, items 6–8): an older copy put in
its place is warned about on open, and an admin may accept it once checked; protections gone
are told, and an admin restores them at login; the window's lock file is owner-only."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from suining_desk.db import close_database, open_database
from suining_desk.db.models import AuditEntry, database
from suining_desk.db.protections import inspect
from suining_desk.services.accounts import login
from suining_desk.storage import paths
from suining_desk.storage.backups import automatic_backup
from tests.ui.conftest import DemoCounty
from ui import startup
from ui.instance_lock import DatabaseLock
from ui.main_window import MainWindow
from ui.safety_prompts import offer_admin_fixes

PASSWORD = "suining2018"


@pytest.fixture
def county(small_demo_path: Path, tmp_path: Path) -> Path:
    path = tmp_path / "other.sqlite3"  # not demo_db's county.sqlite3, which may be open beside it
    shutil.copyfile(small_demo_path, path)
    return path


class Boxes:
    """Every message box shown: its name and text; answers Yes to the ones named in ``yes``."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, yes: tuple[str, ...] = ()) -> None:
        self.shown: list[tuple[str, str]] = []
        self.yes = yes

        def exec_(box: QMessageBox) -> int:
            self.shown.append((box.objectName(), box.text()))
            wanted = box.objectName() in self.yes
            return int(QMessageBox.StandardButton.Yes if wanted else QMessageBox.StandardButton.No)

        monkeypatch.setattr(QMessageBox, "exec", exec_)

    def names(self) -> list[str]:
        return [name for name, _ in self.shown]


def _rolled_back(county: Path, tmp_path: Path) -> None:
    info = automatic_backup(county)
    assert info is not None
    open_database(county)
    for _ in range(3):
        login("luru", PASSWORD)
    close_database()
    for side in ("-wal", "-shm"):
        Path(f"{county}{side}").unlink(missing_ok=True)
    shutil.copyfile(info.path, county)
    shutil.move(str(paths.backups_dir()), str(tmp_path / "moved-away"))


def test_an_older_copy_is_warned_about_and_an_admin_may_accept_it(qapp: object, county: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    _rolled_back(county, tmp_path)
    boxes = Boxes(monkeypatch, yes=("rollback_offer",))
    assert startup.open_safely(county, demo=False)  # it opens (reading goes on) …
    assert boxes.names() == ["open_warning"] and "数据库被回退了" in boxes.shown[0][1]  # … with a warning
    offer_admin_fixes(login("luru", PASSWORD))  # a clerk is not asked
    assert boxes.names() == ["open_warning"]
    offer_admin_fixes(login("admin", PASSWORD))
    assert boxes.names() == ["open_warning", "rollback_offer"]
    assert AuditEntry.select().where(AuditEntry.action == "rollback_accepted").count() == 1
    close_database()
    boxes.shown.clear()
    assert startup.open_safely(county, demo=False) and boxes.shown == []  # accepted: no more warnings
    close_database()


def test_protections_gone_are_told_and_an_admin_restores_them(qapp: object, county: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    con = sqlite3.connect(county)
    con.execute("DROP TRIGGER audit_entry_no_delete")
    con.close()
    boxes = Boxes(monkeypatch, yes=("repair_offer",))
    assert startup.open_safely(county, demo=False)
    assert boxes.names() == ["open_warning"] and "audit_entry_no_delete（缺失）" in boxes.shown[0][1]
    offer_admin_fixes(login("shenhe", PASSWORD))
    assert boxes.names() == ["open_warning"]
    offer_admin_fixes(login("admin", PASSWORD))
    assert boxes.names() == ["open_warning", "repair_offer", "repair_done"]
    assert inspect(database.connection()).ok
    close_database()


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_lock_file_is_owner_only(qapp: object, county: Path) -> None:
    old = os.umask(0o022)
    try:
        lock = DatabaseLock(county)
        assert lock.acquire() is None
        assert stat.S_IMODE(lock.path.stat().st_mode) == 0o600
        lock.release()
    finally:
        os.umask(old)


def test_opening_another_database_through_the_window_warns_too(qtbot: QtBot, demo_db: DemoCounty, county: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """文件 → 打开 of a database whose protections are gone (the window was not logged in)."""
    window = MainWindow(demo_db.path, demo=False, user_label="luru（录入员）")
    qtbot.addWidget(window)
    con = sqlite3.connect(county)
    con.execute("DROP TRIGGER payment_posted_no_update")
    con.close()
    boxes = Boxes(monkeypatch)
    assert window.open_database_file(county)
    assert boxes.names() == ["open_warning"] and "payment_posted_no_update（缺失）" in boxes.shown[0][1]
    close_database()
