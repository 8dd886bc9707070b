"""The first thing a user sees (issue 17, item 8): the login names the program and its version,
the database it opens (with a button to open another, which then asks its own accounts), and
whom to ask for a forgotten password; the lock and the first admin say the program and database
too."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from suining_desk import __version__
from suining_desk.db import close_database
from suining_desk.services import accounts
from tests.ui.conftest import DemoCounty
from tests.ui.typing import type_text
from ui import startup
from ui.dialogs.account_dialogs import CreateAdminDialog, LoginDialog

PASSWORD = "suining2018"
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def office(demo_db: DemoCounty) -> DemoCounty:
    accounts.create_first_admin("admin", "王建国", PASSWORD)
    accounts.create_user("liming", "李明", "admin", None, PASSWORD, by="admin")
    accounts.change_password("liming", PASSWORD, "Liming2019x")  # his own: no 修改密码 first
    accounts.create_user("gone", "张退休", "admin", None, PASSWORD, by="admin")
    accounts.set_active("gone", False, by="admin")
    return demo_db


def _text(dialog: QDialog, name: str) -> str:
    label = dialog.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def test_the_login_names_the_program_the_database_and_whom_to_ask(
    qtbot: QtBot, office: DemoCounty, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    close_database()  # the log written out of the WAL: the copy has the accounts
    other = tmp_path / "县扶贫办" / "county.sqlite3"
    other.parent.mkdir()
    shutil.copyfile(office.path, other)
    seen: list[dict[str, str]] = []

    def clerk(dialog: LoginDialog) -> int:
        dialog.show()
        qtbot.addWidget(dialog)
        seen.append({"title": dialog.windowTitle(), "name": _text(dialog, "program_name"),
                     "version": _text(dialog, "program_version"), "database": dialog.banner.database_label.toolTip(),
                     "forgot": _text(dialog, "forgot_password")})
        if len(seen) == 1:  # the wrong database: open the other one
            monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
            qtbot.mouseClick(dialog.banner.choose_button, LEFT)
        else:
            type_text(qtbot, dialog.username, "liming")
            type_text(qtbot, dialog.password, "Liming2019x")
            qtbot.mouseClick(dialog.ok_button, LEFT)
        return dialog.result()

    opened: list[tuple[Path, str]] = []
    monkeypatch.setattr(LoginDialog, "exec", clerk)
    monkeypatch.setattr(startup, "run_app", lambda path, *, demo, account, db_lock: opened.append(
        (path, account.username)) or 0)
    try:
        assert startup.start(office.path, demo=False) == 0
    finally:
        close_database()
    assert opened == [(other, "liming")]  # the database chosen on the login, its own accounts asked
    first, second = seen
    assert first["title"] == "登录 — 绥宁扶贫台账" and first["name"] == "绥宁扶贫台账"
    assert first["version"] == f"版本 {__version__}"
    assert first["database"] == f"数据库：{office.path}" and second["database"] == f"数据库：{other}"
    assert "王建国、李明" in first["forgot"] and "张退休" not in first["forgot"]
    assert "用户管理" in first["forgot"] and "另一位管理员" in first["forgot"]


def test_the_lock_and_a_new_database_say_where_the_user_is(qtbot: QtBot, office: DemoCounty) -> None:
    lock = LoginDialog(username="admin", fixed_user=True, database=office.path)
    qtbot.addWidget(lock)
    assert lock.banner.choose_button is None  # only the start offers another database
    assert office.path.name in lock.banner.database_label.toolTip() and "王建国" in _text(lock, "forgot_password")
    new = CreateAdminDialog(database=office.path)
    qtbot.addWidget(new)
    assert _text(new, "program_name") == "绥宁扶贫台账" and new.banner.database_label.toolTip().endswith(
        office.path.name)
