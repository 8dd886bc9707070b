"""The main window's accounts and data safety: change password, lock (by hand and after
idle minutes), switch user, and automatic backups (daily while open, and on close)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from suining_desk.services.access import Account, account_of, accounts_exist

from .dialogs.account_dialogs import ChangePasswordDialog, CreateAdminDialog, LoginDialog, own_password_first
from .idle_lock import IdleWatcher, idle_minutes
from .window.backups import DAILY, BackupRunner
from .window.lock import LockScreen

if TYPE_CHECKING:
    from .main_window import MainWindow

BACKUP_CHECK_MS = 60 * 60 * 1000  # look hourly whether the daily backup is due


class SecurityController(QObject):
    def __init__(self, window: MainWindow, *, auto_backup: bool) -> None:
        super().__init__(window)
        self.window = window
        self.auto_backup = auto_backup
        self.dialog: QDialog | None = None
        self.locked = False
        self.lock_screen: LockScreen | None = None
        self.quit_box: QMessageBox | None = None
        self.password_action = QAction(self.tr("修改密码(&P)…"), window)
        self.lock_action = QAction(self.tr("锁定(&L)"), window)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.switch_action = QAction(self.tr("切换用户(&U)…"), window)
        self.password_action.triggered.connect(self.change_password)
        self.lock_action.triggered.connect(lambda: self.lock())
        self.switch_action.triggered.connect(self.switch_user)
        for action in (self.password_action, self.lock_action, self.switch_action):
            window.file_menu.insertAction(window.quit_action, action)
        window.file_menu.insertSeparator(window.quit_action)
        self.idle = IdleWatcher(idle_minutes() if window.session.account is not None else 0, self)
        self.idle.idle.connect(lambda: self.lock(idle=True))
        self.backups = BackupRunner(window.statusBar(), self)
        self.backup_timer = QTimer(self)
        self.backup_timer.timeout.connect(self.backup_if_due)
        if auto_backup:
            self.backup_timer.start(BACKUP_CHECK_MS)
            QTimer.singleShot(0, self.backup_if_due)
        self.account_changed()

    @property
    def account(self) -> Account | None:
        return self.window.session.account

    def account_changed(self) -> None:
        logged_in = self.account is not None
        for action in (self.password_action, self.lock_action, self.switch_action):
            action.setEnabled(logged_in)
        self.idle.set_minutes(idle_minutes() if logged_in else 0)

    def page_created(self, page: QWidget) -> None:
        restored = getattr(page, "restored", None)
        if restored is not None:
            restored.connect(lambda _source: self.after_restore())
        backup_made = getattr(page, "backup_made", None)
        if callable(backup_made):
            self.backups.made.connect(backup_made)

    # --- who is working ---
    def ask_login(self, path: Path, *, username: str = "") -> Account | None:
        """Log in to the (just opened) database at ``path``: its first admin if it has none."""
        dialog: CreateAdminDialog | LoginDialog
        dialog = CreateAdminDialog(self.window, database=path) if not accounts_exist() else LoginDialog(
            username=username, database=path, parent=self.window)
        self.dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.account is None:
            return None
        return self._own_password_first(dialog.account)

    def _own_password_first(self, account: Account) -> Account | None:
        """A password an admin set is changed before the account works (None: it was not)."""
        return own_password_first(account, self.window, opened=self._opened)

    def _opened(self, dialog: QDialog) -> None:
        self.dialog = dialog

    def change_password(self) -> None:
        if self.account is None:
            return
        dialog = ChangePasswordDialog(self.account, parent=self.window)
        self.dialog = dialog
        dialog.open()

    def switch_user(self) -> None:
        dialog = LoginDialog(database=self.window.session.db_path, parent=self.window)
        dialog.setWindowTitle(self.tr("切换用户 — 绥宁扶贫台账"))
        dialog.cancel_button.setText(self.tr("取消"))
        dialog.accepted.connect(lambda: self._switch_to(dialog.account))
        self.dialog = dialog
        dialog.open()

    def _switch_to(self, account: Account | None) -> None:
        if account is not None:
            account = self._own_password_first(account)  # an admin's password: theirs first
        if account is not None:
            self.window.set_account(account)

    def lock(self, *, idle: bool = False) -> None:
        """Cover every window of the program until the same user's password is given again
        (ui.window.lock); ``idle``: the idle minutes ran out (the prompt says so)."""
        if self.account is None or self.locked:
            return
        self.locked = True
        self.idle.pause()
        self._show_contents(False)
        self.window.menuBar().setEnabled(False)
        dialog = LoginDialog(username=self.account.username, fixed_user=True, idle=idle,
                             database=self.window.session.db_path, parent=self.window)
        dialog.accepted.connect(self._unlocked)
        dialog.rejected.connect(self._quit_from_lock)
        self.dialog = dialog
        self.lock_screen = LockScreen(self.window, dialog, self.tr("绥宁扶贫台账（已锁定）"))
        self.lock_screen.lock()

    def _show_contents(self, shown: bool) -> None:
        central = self.window.centralWidget()
        if central is not None:
            central.setVisible(shown)

    def _unlocked(self) -> None:
        self.locked = False
        self._show_contents(True)
        self.window.menuBar().setEnabled(True)
        if self.lock_screen is not None:
            self.lock_screen.unlock()
            self.lock_screen = None
        self.idle.resume()

    def _quit_from_lock(self) -> None:
        """退出 or Esc on the prompt: quit — but ask first when a dialog holds typed input."""
        screen = self.lock_screen
        if screen is None:
            return
        unsaved = screen.unsaved()
        if not unsaved:
            self._quit(screen)
            return
        self.quit_box = screen.confirm_quit(unsaved, lambda: self._quit(screen), self._stay_locked)

    def _stay_locked(self) -> None:
        if self.dialog is not None and self.locked:
            self.dialog.setResult(0)
            self.dialog.show()
            self.dialog.activateWindow()

    def _quit(self, screen: LockScreen) -> None:
        screen.close_all()
        self.lock_screen = None
        self.window.close()

    def after_restore(self) -> None:
        """The backup is in place: its accounts may differ — ask again who is working."""
        current = self.account
        again = account_of(current.username) if current is not None else None
        if current is None:
            self.window.area_tree.reload()
            return
        account = self.ask_login(self.window.session.db_path, username=again.username if again else "")
        if account is None:
            self.window.close()
            return
        self.window.set_account(account)

    # --- backups (in the background: ui.window.backups) ---
    def backup_if_due(self) -> None:
        if not self.backups.has("daily"):
            self.backups.automatic(self.window.session.db_path, kind="daily", min_age=DAILY)

    def backup_on_close(self, path: Path | None = None) -> None:
        """The database being closed (or left for another one) is backed up if it changed."""
        if self.auto_backup:
            self.backups.automatic(path or self.window.session.db_path, kind="close")

    def shutdown(self) -> None:
        """The window closes: the backup on close, waited for (events still flow), then the lock."""
        self.backup_timer.stop()
        self.idle.stop()
        self.backups.stop_daily()
        self.backup_on_close()
        self.backups.wait(self.window)
        if self.window.db_lock is not None:
            self.window.db_lock.release()
