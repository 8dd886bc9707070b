"""The window's database: its name in the title and status bar, and opening another one —
its lock, its accounts' login (a logged-in window asks who logs in there), what is wrong with it;
on failure the window stays on the database it had."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog

from suining_desk.services.database import DatabaseOpenError, open_database
from suining_desk.storage import paths

from ..instance_lock import DatabaseLock
from ..safety_prompts import offer_admin_fixes, warn_on_open
from ..session import Session

if TYPE_CHECKING:
    from ..main_window import MainWindow


def is_demo_database(path: Path) -> bool:
    return path.resolve() == paths.demo_database().resolve()


class DatabaseSwitch(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def show_database(self) -> None:
        path = self.window.session.db_path
        title = QCoreApplication.translate("MainWindow", "绥宁扶贫台账 — {name}").format(name=path.name)
        if self.window.session.demo:
            title += QCoreApplication.translate("MainWindow", "（演示数据）")
        self.window.setWindowTitle(title)
        self.window.database_status.setText(
            QCoreApplication.translate("MainWindow", "数据库：{path}").format(path=path))
        self.window.database_status.setToolTip(str(path))
        user = self.window.session.user_label or QCoreApplication.translate("MainWindow", "（未登录）")
        self.window.user_status.setText(QCoreApplication.translate("MainWindow", "用户：{user}").format(user=user))

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            QCoreApplication.translate("MainWindow", "打开数据库"),
            str(self.window.session.db_path.parent),
            QCoreApplication.translate("MainWindow", "数据库文件 (*.sqlite3 *.sqlite *.db);;所有文件 (*)"),
        )
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> bool:
        """Switch the window to another database; on failure say why and stay where we are.
        A logged-in window asks who logs in to the other database (its own accounts)."""
        new_lock = DatabaseLock(path) if self.window.db_lock is not None else None
        if new_lock is not None and (held := new_lock.acquire()) is not None:
            self.window.show_problems(QCoreApplication.translate("MainWindow", "无法打开数据库"), [held])
            return False
        try:
            open_database(path)
        except DatabaseOpenError as exc:
            if new_lock is not None:
                new_lock.release()
            self._reopen_current()
            self.window.show_problems(QCoreApplication.translate("MainWindow", "无法打开数据库"), exc.problems)
            return False
        warn_on_open(self.window)  # protections gone, or an older copy in its place
        if self.window.session.account is not None:
            return self._log_in_to(path, new_lock)
        key = self.window.current_page_key() or self.window.page_specs[0].key
        self.window._discard_pages()
        self.window.session = Session(
            path, user_label=self.window.session.user_label, demo=is_demo_database(path)
        )
        self.show_database()
        self.window.area_tree.reload()
        self.window.show_page(key)
        self.window.database_opened.emit(path)
        return True

    def _log_in_to(self, path: Path, new_lock: DatabaseLock | None) -> bool:
        account = self.window.security.ask_login(path)
        if account is None:
            if new_lock is not None:
                new_lock.release()
            self._reopen_current()
            return False
        self.window.security.backup_on_close(self.window.session.db_path)  # the database being left
        if self.window.db_lock is not None:
            self.window.db_lock.release()
        self.window.db_lock = new_lock
        self.window.session = Session.for_account(path, account, demo=is_demo_database(path))
        self.window.set_account(account)
        self.window.database_opened.emit(path)
        offer_admin_fixes(account, self.window)
        return True

    def _reopen_current(self) -> None:
        # A failed open may have closed the current connection (e.g. a newer schema).
        try:
            open_database(self.window.session.db_path)
        except DatabaseOpenError:
            pass
