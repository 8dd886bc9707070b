"""The login dialog, the first admin of a new database, the idle lock and roles in the
window — a clerk at the keyboard (pytest-qt, offscreen)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from suining_desk.cli.demo_database import demo_password, ensure_demo_database, is_demo_database
from suining_desk.db.models import AuditEntry, User
from suining_desk.domain.problems import InvalidInput
from suining_desk.services import accounts
from suining_desk.services.access import Account, account_of
from tests.ui.conftest import DemoCounty
from tests.ui.housing_helpers import when_dialog_opens
from tests.ui.typing import type_text
from tests.ui.waits import PATIENCE_MS
from ui import startup
from ui.dialogs.account_dialogs import ChangePasswordDialog, CreateAdminDialog, LoginDialog
from ui.main_window import MainWindow

DEMO_HOOKS = startup.DemoHooks(ensure=ensure_demo_database, password=demo_password(),
                               is_demo=is_demo_database)  # as the program gives them

LEFT = Qt.MouseButton.LeftButton
PASSWORD = "suining2018"


@pytest.fixture
def with_users(demo_db: DemoCounty) -> Iterator[DemoCounty]:
    accounts.create_first_admin("admin", "管理员", PASSWORD)
    accounts.create_user("luru", "刘录", "clerk", demo_db.areas.changpu.id, PASSWORD, by="admin")
    accounts.change_password("luru", PASSWORD, "Luru2019x")
    yield demo_db


def log_in(qtbot: QtBot, dialog: LoginDialog, username: str, password: str) -> None:
    dialog.username.clear()
    type_text(qtbot, dialog.username, username)
    dialog.password.clear()
    type_text(qtbot, dialog.password, password)
    qtbot.mouseClick(dialog.ok_button, LEFT)


def test_login_dialog_counts_failures_then_locks(qtbot: QtBot, with_users: DemoCounty) -> None:
    dialog = LoginDialog()
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password
    for left in (4, 3, 2, 1):
        log_in(qtbot, dialog, "luru", "wrong-pass1")
        assert dialog.problems.text() == f"用户名或密码错误。再输错{left}次，账户将被锁定15分钟"
        assert dialog.password.text() == "" and dialog.isVisible()
    log_in(qtbot, dialog, "luru", "wrong-pass1")
    assert "账户锁定15分钟" in dialog.problems.text()
    log_in(qtbot, dialog, "luru", "Luru2019x")  # the right one, but locked
    assert dialog.problems.text().startswith("账户已锁定，请在") and dialog.result() != QDialog.DialogCode.Accepted
    accounts.reset_password("luru", "Again2019x", by="admin")
    log_in(qtbot, dialog, "luru", "Again2019x")
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.account is not None and dialog.account.must_change_password
    assert AuditEntry.select().where(AuditEntry.action == "login_failed").count() == 5


def test_first_run_of_a_new_database_creates_the_admin(qtbot: QtBot, demo_db: DemoCounty) -> None:
    dialog = CreateAdminDialog()
    qtbot.addWidget(dialog)
    dialog.open()
    type_text(qtbot, dialog.display_name, "王主任")
    type_text(qtbot, dialog.password, "Wang2018x")
    type_text(qtbot, dialog.confirm, "Wang2018y")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert dialog.problems.text() == "两次输入的密码不一致"
    for field, text in ((dialog.password, "wangwang"), (dialog.confirm, "wangwang")):
        field.clear()
        type_text(qtbot, field, text)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert "至少两类" in dialog.problems.text()
    for field, text in ((dialog.password, "Wang2018x"), (dialog.confirm, "Wang2018x")):
        field.clear()
        type_text(qtbot, field, text)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert dialog.result() == QDialog.DialogCode.Accepted
    user = User.get(User.username == "admin")
    assert (user.display_name, user.role, user.township_id) == ("王主任", "admin", None)


def test_the_first_admin_of_an_empty_database_gets_the_townships_and_programs(qtbot: QtBot, db: object) -> None:
    from suining_desk.db.models import Area, Program, Standard

    dialog = CreateAdminDialog()
    qtbot.addWidget(dialog)
    dialog.open()
    for field, text in ((dialog.password, "Wang2018x"), (dialog.confirm, "Wang2018x")):
        type_text(qtbot, field, text)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert Area.select().where(Area.level == 2).count() == 17
    assert "低保" in {p.name for p in Program.select()} and Standard.select().count() == 0
    assert [e.action for e in AuditEntry.select().order_by(AuditEntry.seq)] == ["admin_created", "database_seeded"]


def test_a_reset_password_must_be_changed_first(qtbot: QtBot, with_users: DemoCounty) -> None:
    account = accounts.login("luru", "Luru2019x")
    dialog = ChangePasswordDialog(account, forced=True)
    qtbot.addWidget(dialog)
    dialog.open()
    assert "请先修改" in dialog.intro.text() and dialog.cancel_button.text() == "退出"
    type_text(qtbot, dialog.old, "Luru2019x")
    type_text(qtbot, dialog.new, "Luru2020y")
    type_text(qtbot, dialog.confirm, "Luru2020y")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert accounts.login("luru", "Luru2020y").username == "luru"


def _window(qtbot: QtBot, demo_db: DemoCounty, account: Account) -> MainWindow:
    window = MainWindow(demo_db.path, demo=False, account=account, auto_backup=False)
    qtbot.addWidget(window)
    window.show()
    return window


def test_pages_follow_the_role(qtbot: QtBot, with_users: DemoCounty) -> None:
    clerk = _window(qtbot, with_users, accounts.login("luru", "Luru2019x"))
    keys = [s.key for s in clerk.page_specs]
    assert "users" not in keys and "audit" not in keys and "backups" in keys
    assert clerk.user_status.text() == "用户：刘录（录入员）"
    admin = _window(qtbot, with_users, accounts.login("admin", PASSWORD))
    assert {"users", "audit", "backups"} <= {s.key for s in admin.page_specs}
    admin.show_page("users")
    assert admin.current_page_key() == "users"


def test_a_township_user_starts_in_their_township(qtbot: QtBot, with_users: DemoCounty) -> None:
    """Not the county, whose batches and ledgers the clerk may not make; the admin keeps the county."""
    clerk = _window(qtbot, with_users, accounts.login("luru", "Luru2019x"))
    assert clerk.area_tree.current_area_id() == with_users.areas.changpu.id
    admin = _window(qtbot, with_users, accounts.login("admin", PASSWORD))
    assert admin.area_tree.current_area_id() != with_users.areas.changpu.id


def test_idle_lock_hides_the_window_until_the_password(qtbot: QtBot, with_users: DemoCounty) -> None:
    window = _window(qtbot, with_users, accounts.login("luru", "Luru2019x"))
    window.security.idle.set_interval_ms(50)
    qtbot.waitUntil(lambda: window.security.locked, timeout=PATIENCE_MS)
    dialog = window.security.dialog
    assert isinstance(dialog, LoginDialog) and dialog.fixed_user and dialog.username.isReadOnly()
    assert not window.centralWidget().isVisible() and not window.menuBar().isEnabled()
    assert dialog.username.text() == "luru"
    type_text(qtbot, dialog.password, "wrong-pass1")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert "再输错4次" in dialog.problems.text() and window.security.locked
    type_text(qtbot, dialog.password, "Luru2019x")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert not window.security.locked and window.centralWidget().isVisible()
    actions = [e.action for e in AuditEntry.select().order_by(AuditEntry.seq)][-3:]
    assert actions == ["login", "login_failed", "login"]


def test_ctrl_l_locks_and_switch_user_changes_the_session(qtbot: QtBot, with_users: DemoCounty) -> None:
    window = _window(qtbot, with_users, accounts.login("admin", PASSWORD))
    window.security.lock_action.trigger()
    assert window.security.locked
    dialog = window.security.dialog
    assert isinstance(dialog, LoginDialog)
    type_text(qtbot, dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert not window.security.locked
    window.security.switch_action.trigger()
    switch = window.security.dialog
    assert isinstance(switch, LoginDialog) and not switch.fixed_user
    log_in(qtbot, switch, "luru", "Luru2019x")
    assert window.session.username == "luru" and "users" not in [s.key for s in window.page_specs]


def test_startup_logs_the_demo_in_as_admin_and_asks_otherwise(
    qtbot: QtBot, with_users: DemoCounty, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--demo`` logs in by itself only on a demo database (the generator's mark): this one,
    whose admin uses the demo password, is a real database at first — the window asks, and
    tries no password of its own (F6: a real database at the demo path was opened as admin)."""
    from suining_desk.db.models import Setting
    from suining_desk.demo.target import MARK

    seen: list[str] = []

    def answer(dialog: LoginDialog) -> int:
        seen.append(dialog.username.text())
        dialog.password.setText("Luru2019x")
        dialog.username.setText("luru")
        dialog.submit()
        return int(dialog.result())

    monkeypatch.setattr(LoginDialog, "exec", answer)
    last = AuditEntry.select().order_by(AuditEntry.seq.desc()).first().seq
    account = startup.log_in(demo=True, demo_hooks=DEMO_HOOKS)
    assert seen == ["admin"] and account is not None and account.username == "luru"
    assert [e.after for e in AuditEntry.select().where(AuditEntry.seq > last)] == ['{"via":"window"}']
    Setting.create(key=MARK, value="{}", recorded_by="system")  # as the demo generator marks its own
    account = startup.log_in(demo=True, demo_hooks=DEMO_HOOKS)
    assert seen == ["admin"] and account is not None and account.username == "admin"
    assert AuditEntry.select().order_by(AuditEntry.seq.desc()).first().after == '{"via":"demo"}'
    account = startup.log_in(demo=False, username="luru")
    assert seen == ["admin", "luru"] and account is not None and account.username == "luru"


def test_a_second_window_on_the_same_database_is_told(
    qtbot: QtBot, with_users: DemoCounty, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.instance_lock import DatabaseLock

    first = DatabaseLock(with_users.path)
    assert first.acquire() is None
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: told.append(box.text()) or 0)
    try:
        assert startup.start(with_users.path, demo=False) == 1
    finally:
        first.release()
    assert len(told) == 1 and "已在另一个窗口中打开" in told[0] and "同时只能在一个窗口中打开" in told[0]


@pytest.mark.parametrize("choice", ["first_run_demo", "first_run_new", None])
def test_the_first_run_on_a_new_computer_offers_the_demo_or_a_new_database(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, choice: str | None
) -> None:
    from PySide6.QtWidgets import QPushButton

    from suining_desk.db import close_database
    from suining_desk.storage import paths

    monkeypatch.setenv("SUINING_HOME", str(tmp_path / "never-run" / "data"))  # a new computer: no data folder yet
    asked: list[str] = []

    def click(box: QMessageBox) -> int:
        asked.append(box.objectName())
        if choice is None:
            box.reject()  # Esc or the window's close button
        else:
            box.findChild(QPushButton, choice).click()
        return 0

    opened: list[tuple[str, bool, str]] = []
    monkeypatch.setattr(QMessageBox, "exec", click)
    monkeypatch.setattr(CreateAdminDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    monkeypatch.setattr(startup, "run_app", lambda path, *, demo, account, db_lock: opened.append(
        (path.name, demo, account.username)) or 0)
    assert not paths.default_database().exists()
    try:
        assert startup.start(paths.default_database(), demo=False, demo_hooks=DEMO_HOOKS) == 0
    finally:
        close_database()
    assert asked == ["first_run"]
    if choice == "first_run_demo":  # the demo data is built and its admin logged in
        assert opened == [(paths.demo_database().name, True, "admin")]
    elif choice == "first_run_new":  # a new database, asking for its first admin (declined here)
        assert opened == [] and paths.default_database().exists()
    else:
        assert opened == [] and not paths.default_database().exists() and not paths.demo_database().exists()
    asked.clear()
    if choice == "first_run_new":  # the question is asked once: the database is there now
        monkeypatch.setattr(CreateAdminDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
        try:
            assert startup.start(paths.default_database(), demo=False, demo_hooks=DEMO_HOOKS) == 0
        finally:
            close_database()
        assert asked == []


# --- a password an admin set is changed before the account gets in (issue 13, item 4a) ---


def _typed_login(qtbot: QtBot, username: str, password: str) -> Callable[[QDialog], None]:
    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, LoginDialog)
        log_in(qtbot, dialog, username, password)
    return act


def _change(qtbot: QtBot, old: str, new: str, seen: list[str]) -> Callable[[QDialog], None]:
    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, ChangePasswordDialog)
        seen.append(dialog.intro.text())
        for field, text in ((dialog.old, old), (dialog.new, new), (dialog.confirm, new)):
            type_text(qtbot, field, text)
        qtbot.mouseClick(dialog.ok_button, LEFT)
    return act


def test_a_new_account_changes_the_admins_password_before_it_gets_in(qtbot: QtBot, with_users: DemoCounty) -> None:
    """The attack: a fresh account worked with the initial password its admin gave it. At the
    first login the change-password dialog follows the login dialog; only 退出 (or Esc) leaves
    it, and then nobody is logged in."""
    accounts.create_user("shenhe2", "审核员二", "reviewer", with_users.areas.changpu.id, "Initial2018x",
                         by="admin")
    seen: list[str] = []

    def quit_with(key: Qt.Key | None) -> Callable[[QDialog], None]:
        def act(dialog: QDialog) -> None:
            assert isinstance(dialog, ChangePasswordDialog)
            seen.append(dialog.intro.text())
            assert dialog.cancel_button.text() == "退出" and dialog.windowTitle() == "修改密码 — shenhe2"
            if key is None:
                qtbot.mouseClick(dialog.cancel_button, LEFT)
            else:
                qtbot.keyClick(dialog.old, key)
        return act

    for leave in (None, Qt.Key.Key_Escape):
        when_dialog_opens(LoginDialog, _typed_login(qtbot, "shenhe2", "Initial2018x"))
        when_dialog_opens(ChangePasswordDialog, quit_with(leave))
        assert startup.log_in(demo=False) is None
        assert len(seen) == 1 + (leave is not None) and "请先修改为只有您自己知道的密码" in seen[-1]
        assert account_of("shenhe2").must_change_password  # type: ignore[union-attr]

    when_dialog_opens(LoginDialog, _typed_login(qtbot, "shenhe2", "Initial2018x"))
    when_dialog_opens(ChangePasswordDialog, _change(qtbot, "Initial2018x", "Shenhe2019x", seen))
    account = startup.log_in(demo=False)
    assert account is not None and account.username == "shenhe2" and not account.must_change_password
    with pytest.raises(InvalidInput):  # the admin's password is gone
        accounts.login("shenhe2", "Initial2018x")
    # The demo logs in by itself, its accounts never asked to change (README: suining2018).
    from suining_desk.db.models import Setting
    from suining_desk.demo.target import MARK

    Setting.create(key=MARK, value="{}", recorded_by="system")  # only a demo database does (F6)
    assert startup.log_in(demo=True, demo_hooks=DEMO_HOOKS).username == "admin"  # type: ignore[union-attr]


def test_switching_to_an_account_with_a_reset_password_asks_for_its_own_first(
        qtbot: QtBot, with_users: DemoCounty) -> None:
    window = _window(qtbot, with_users, accounts.login("admin", PASSWORD))
    accounts.reset_password("luru", "Reset2019x", by="admin")
    seen: list[str] = []
    window.security.switch_action.trigger()
    when_dialog_opens(ChangePasswordDialog, lambda dialog: qtbot.mouseClick(
        dialog.cancel_button, LEFT))  # type: ignore[attr-defined]
    log_in(qtbot, window.security.dialog, "luru", "Reset2019x")  # type: ignore[arg-type]
    assert window.session.username == "admin"  # not let in
    window.security.switch_action.trigger()
    when_dialog_opens(ChangePasswordDialog, _change(qtbot, "Reset2019x", "Luru2020y", seen))
    log_in(qtbot, window.security.dialog, "luru", "Reset2019x")  # type: ignore[arg-type]
    assert window.session.username == "luru" and seen
    assert window.session.account is not None and not window.session.account.must_change_password


def test_opening_another_database_asks_for_an_admin_set_password_to_be_changed(
        qtbot: QtBot, with_users: DemoCounty) -> None:
    """文件 → 打开 and a restore ask who works next (``ask_login``): the same forced change."""
    window = _window(qtbot, with_users, accounts.login("admin", PASSWORD))
    accounts.create_user("luru3", "", "clerk", None, "Initial2018x", by="admin")
    when_dialog_opens(LoginDialog, _typed_login(qtbot, "luru3", "Initial2018x"))
    when_dialog_opens(ChangePasswordDialog, lambda dialog: qtbot.mouseClick(
        dialog.cancel_button, LEFT))  # type: ignore[attr-defined]
    assert window.security.ask_login(with_users.path) is None
    seen: list[str] = []
    when_dialog_opens(LoginDialog, _typed_login(qtbot, "luru3", "Initial2018x"))
    when_dialog_opens(ChangePasswordDialog, _change(qtbot, "Initial2018x", "Luru2020y", seen))
    account = window.security.ask_login(with_users.path)
    assert account is not None and account.username == "luru3" and not account.must_change_password
