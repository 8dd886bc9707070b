"""用户管理, 审计日志 and 数据备份 pages, and the safe start: a damaged database offered
its newest good backup, a stale lock from a killed window taken over."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from suining_desk.db import close_database, open_database
from suining_desk.db.models import Household, User
from suining_desk.services import accounts
from suining_desk.storage import backups
from tests.ui.conftest import DemoCounty
from tests.ui.typing import type_text
from tests.ui.waits import PATIENCE_MS
from ui import startup
from ui.dialogs.user_dialog import ResetPasswordDialog, UserDialog
from ui.instance_lock import DatabaseLock
from ui.main_window import MainWindow
from ui.pages.audit import AuditPage
from ui.pages.backups import BackupsPage
from ui.pages.users import UsersPage

LEFT = Qt.MouseButton.LeftButton
PASSWORD = "suining2018"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def admin_window(qtbot: QtBot, demo_db: DemoCounty) -> Iterator[MainWindow]:
    accounts.create_first_admin("admin", "管理员", PASSWORD)
    window = MainWindow(demo_db.path, demo=False, account=accounts.login("admin", PASSWORD), auto_backup=False)
    qtbot.addWidget(window)
    window.show()
    yield window


def test_admin_adds_disables_and_resets_a_user(qtbot: QtBot, admin_window: MainWindow, demo_db: DemoCounty) -> None:
    admin_window.show_page("users")
    page = admin_window.current_page()
    assert isinstance(page, UsersPage) and page.model.rowCount() == 1
    qtbot.mouseClick(page.add_button, LEFT)
    dialog = page.dialog
    assert isinstance(dialog, UserDialog)
    type_text(qtbot, dialog.username, "luru")
    type_text(qtbot, dialog.display_name, "刘录")
    dialog.township.setCurrentIndex(dialog.township.findText("长铺镇"))
    type_text(qtbot, dialog.password, "Luru2019x")
    type_text(qtbot, dialog.confirm, "Luru2019x")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert page.model.rowCount() == 2
    user = User.get(User.username == "luru")
    assert (user.role, user.township_id, user.must_change_password) == ("clerk", demo_db.areas.changpu.id, True)
    page.select_user("luru")
    qtbot.mouseClick(page.toggle_button, LEFT)
    assert not User.get(User.username == "luru").active and page.toggle_button.text() == "启用"
    page.select_user("admin")
    qtbot.mouseClick(page.toggle_button, LEFT)  # not oneself: refused with the reason
    assert page.error_box is not None and page.error_box.text() == "不能停用自己的账户"
    page.select_user("luru")
    qtbot.mouseClick(page.reset_button, LEFT)
    reset = page.dialog
    assert isinstance(reset, ResetPasswordDialog)
    type_text(qtbot, reset.password, "short")
    type_text(qtbot, reset.confirm, "short")
    qtbot.mouseClick(reset.ok_button, LEFT)
    assert reset.problems.text() == "密码至少要8位"


def test_audit_page_lists_filters_shows_history_and_verifies(
    qtbot: QtBot, admin_window: MainWindow, demo_db: DemoCounty
) -> None:
    from suining_desk.rules.household import PersonInput
    from suining_desk.services import households as hs
    from tests.county import TODAY, id_number

    household = Household.get(Household.household_no == "43052710000101001")
    person = hs.add_member(household.id, PersonInput(name="曾小明", id_number=id_number("2018-05-01", 9, True),
                                                     relation="子"), kind="born", date=TODAY, reason="出生",
                           user="admin", today=TODAY)
    admin_window.show_page("audit")
    page = admin_window.current_page()
    assert isinstance(page, AuditPage)
    assert page.model.rowCount() == 3  # admin created, login, member added
    page.user.setCurrentIndex(page.user.findData("admin"))
    page.action.setCurrentIndex(page.action.findData("member_added"))
    assert page.model.rowCount() == 1
    page.view.selectRow(0)
    text = page.detail.toPlainText()
    assert "新增成员" in text and "曾小明" in text
    assert id_number("2018-05-01", 9, True) not in text and "430527********" in text  # masked
    qtbot.mouseClick(page.history_button, LEFT)
    assert f"人员 {person} 的历史（1 条）" in page.detail.toPlainText()
    qtbot.mouseClick(page.verify_button, LEFT)
    qtbot.waitUntil(page.verify_button.isEnabled, timeout=PATIENCE_MS)  # it runs on a worker thread
    assert page.verify_result.text() == "审计日志共3条，日志链完整；核对了20条记录，都与日志一致。"
    import sqlite3

    other = sqlite3.connect(demo_db.path)  # another tool changes a name behind the program's back
    other.execute("UPDATE person SET name = '曾大明' WHERE id = ?", (person,))
    other.commit()
    other.close()
    qtbot.mouseClick(page.verify_button, LEFT)
    qtbot.waitUntil(page.verify_button.isEnabled, timeout=PATIENCE_MS)
    assert page.verify_result.text().startswith(f"人员第{person}条记录与审计日志第3条记下的状态不一致（name")


def test_audit_verify_runs_off_the_gui_thread_with_progress_and_cancel(
    qtbot: QtBot, admin_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from PySide6.QtWidgets import QProgressDialog, QPushButton

    from suining_desk.audit import verify as audit_verify
    from ui.pages import audit as audit_page

    seen: dict[str, object] = {"stages": []}
    release = threading.Event()

    def watched(progress, cancel):  # type: ignore[no-untyped-def]
        """The real check, holding at its first step until the test has pressed a button."""
        seen["thread"] = threading.get_ident()

        def told(stage: str, fraction: float) -> None:
            seen["stages"].append((stage, fraction))  # type: ignore[attr-defined]
            release.wait(10)
            progress(stage, fraction)

        return audit_verify.verify(told, cancel)

    monkeypatch.setattr(audit_page, "verify_log", watched)
    admin_window.show_page("audit")
    page = admin_window.current_page()
    assert isinstance(page, AuditPage)

    qtbot.mouseClick(page.verify_button, LEFT)
    qtbot.waitUntil(lambda: bool(seen["stages"]), timeout=PATIENCE_MS)
    assert seen["thread"] != threading.get_ident() and not page.verify_button.isEnabled()
    assert page.verify_result.text() == "正在核验……"
    dialog = page.findChild(QProgressDialog, "progress_dialog")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=PATIENCE_MS)  # the GUI thread is free: the dialog shows
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "取消"
    qtbot.mouseClick(cancel, LEFT)
    release.set()
    qtbot.waitUntil(page.verify_button.isEnabled, timeout=PATIENCE_MS)
    assert page.verify_result.text() == "已取消核验。"
    assert seen["stages"] == [("核验日志链", 0.0)]  # stopped at the next step

    seen["stages"] = []  # once more, to the end: progress through every table, then the result
    qtbot.mouseClick(page.verify_button, LEFT)
    qtbot.waitUntil(page.verify_button.isEnabled, timeout=PATIENCE_MS)
    assert page.verify_result.text().startswith("审计日志共") and "都与日志一致" in page.verify_result.text()
    stages = seen["stages"]
    assert [s for s, _ in stages][:2] == ["核验日志链", "核对记录：区划"] and stages[-1][0] == "核对附件内容"  # type: ignore[index]
    fractions = [f for _, f in stages]  # type: ignore[attr-defined]
    assert fractions == sorted(fractions) and fractions[-1] > 0.9


def test_backups_page_backs_up_and_an_admin_restores(
    qtbot: QtBot, admin_window: MainWindow, demo_db: DemoCounty, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin_window.show_page("backups")
    page = admin_window.current_page()
    assert isinstance(page, BackupsPage) and page.restore_button.isEnabled()
    qtbot.mouseClick(page.backup_button, LEFT)  # in the background: the page waits for it
    qtbot.waitUntil(lambda: page.table.rowCount() == 1 and "完整性检查通过" in page.status.text(), timeout=10_000)
    assert page.backup_button.isEnabled()
    Household.update(address="写错了").execute()  # a mistake …
    page.table.selectRow(0)
    monkeypatch.setattr(admin_window.security, "ask_login",
                        lambda path, username="": accounts.login("admin", PASSWORD))
    qtbot.mouseClick(page.restore_button, LEFT)
    assert page.message_box is not None
    qtbot.mouseClick(page.message_box.button(QMessageBox.StandardButton.Yes), LEFT)
    qtbot.waitUntil(lambda: Household.get_by_id(1).address == "", timeout=PATIENCE_MS)  # … undone
    assert admin_window.session.username == "admin"
    kinds = {b.kind for b in backups.list_backups(backups.backup_folder(demo_db.path))}
    assert kinds == {"manual", "before-restore"}


def test_a_damaged_database_is_offered_its_newest_good_backup(
    qtbot: QtBot, demo_db: DemoCounty, monkeypatch: pytest.MonkeyPatch
) -> None:
    close_database()
    good = backups.automatic_backup(demo_db.path)
    assert good is not None
    demo_db.path.write_bytes(b"\0" * 8192)
    asked: list[str] = []

    def yes(box: QMessageBox) -> int:
        asked.append(box.text())
        return int(QMessageBox.StandardButton.Yes)

    monkeypatch.setattr(QMessageBox, "exec", yes)
    assert startup.open_safely(demo_db.path, demo=False)
    assert "不是本软件的数据库文件，或文件已损坏" in asked[0] and good.path.name in asked[0]
    assert Household.select().count() == 2
    damaged = [b for b in backups.list_backups(backups.backup_folder(demo_db.path)) if b.kind == "damaged"]
    assert len(damaged) == 1 and damaged[0].path.read_bytes() == b"\0" * 8192


HOLD = """
import sys, time
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1]); lock.setStaleLockTime(0); assert lock.tryLock(0)
print("held", flush=True); time.sleep(60)
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_stale_lock_from_a_killed_window_is_taken_over(demo_db: DemoCounty) -> None:
    lock = DatabaseLock(demo_db.path)
    other = subprocess.Popen([sys.executable, "-c", HOLD, str(lock.path)], stdout=subprocess.PIPE, text=True,
                             cwd=REPO)
    assert other.stdout is not None and other.stdout.readline().strip() == "held"
    problem = lock.acquire()
    assert problem is not None and problem.code == "db_in_use" and problem.params["pid"] == other.pid
    other.send_signal(signal.SIGKILL)
    other.wait()
    assert lock.path.exists()  # the crashed window left its lock file behind
    assert lock.acquire() is None  # … which is stale now
    lock.release()


def test_a_network_share_is_warned_about() -> None:
    from suining_desk.storage.netshare import is_network_path

    mounts = ("/dev/sda1 / ext4 rw 0 0\n//server/share /mnt/office cifs rw 0 0\n"
              "nas:/export /srv/nfs nfs4 rw 0 0\n")
    assert is_network_path(Path("/mnt/office/扶贫/suining.sqlite3"), mounts_text=mounts)
    assert is_network_path(Path("/srv/nfs/a.sqlite3"), mounts_text=mounts)
    assert not is_network_path(Path("/home/clerk/suining.sqlite3"), mounts_text=mounts)
    assert is_network_path(Path(r"\\server\share\suining.sqlite3"))


def test_the_window_backs_up_when_it_closes(qtbot: QtBot, demo_db: DemoCounty) -> None:
    accounts.create_first_admin("admin", "管理员", PASSWORD)
    window = MainWindow(demo_db.path, demo=False, account=accounts.login("admin", PASSWORD))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: len(backups.list_backups(backups.backup_folder(demo_db.path))) == 1, timeout=PATIENCE_MS)
    accounts.login("admin", PASSWORD)  # something new to keep
    window.close()
    autos = backups.list_backups(backups.backup_folder(demo_db.path))
    # the one made on close has the last login; the day's earlier one gave way to it (7 daily …)
    assert [(b.kind, b.audit_seq) for b in autos] == [("auto", 3)]
    open_database(demo_db.path)
