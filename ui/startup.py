"""Opening the window safely: one window per database, a damaged file never written to
(the newest good backup offered instead), a warning for network shares, then the login
(or, on a new database, its first admin) — and only then the main window.

``--demo`` logs in as the demo admin by itself (password suining2018; the README lists
the demo accounts); 文件 → 切换用户 logs in as another one. The demo database comes from
:class:`DemoHooks` (given by :mod:`suining_desk.app`): the window never imports the demo.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from suining_desk.domain.messages import describe, described
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.services.access import Account, accounts_exist
from suining_desk.services.accounts import login
from suining_desk.services.database import DatabaseOpenError, newest_good_backup, open_database
from suining_desk.services.restore import restore_backup
from suining_desk.storage import paths
from suining_desk.storage.crashlog import write_crash_report
from suining_desk.storage.media import storage_warning
from suining_desk.storage.netshare import is_network_path

from .app import create_app, run_app
from .dialogs.account_dialogs import OTHER_DATABASE, CreateAdminDialog, LoginDialog, own_password_first
from .instance_lock import DatabaseLock
from .safety_prompts import offer_admin_fixes, warn_on_open
from .settings import app_settings

TITLE = "绥宁扶贫台账"


@dataclass(frozen=True)
class DemoHooks:
    """The demo database, as the program gives it to the window."""

    ensure: Callable[[Path], None]  # generates the demo database on first use
    password: str  # the demo accounts' password (README)
    is_demo: Callable[[], bool]  # the open database is a demo database (the generator's mark)


def _box(icon: QMessageBox.Icon, text: str, parent: QWidget | None = None) -> QMessageBox:
    box = QMessageBox(icon, TITLE, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("startup_box")
    return box


def tell(problems: list[Problem], *, icon: QMessageBox.Icon = QMessageBox.Icon.Critical) -> None:
    _box(icon, "\n".join(described(problems))).exec()


def offer_backup(db_path: Path, problems: list[Problem]) -> bool:
    """A damaged database: offer the newest backup that passes the integrity check."""
    backup = newest_good_backup(db_path)
    text = "\n".join(describe(p) for p in problems)
    if backup is None:
        tell([*problems, Problem("db_corrupt")])
        return False
    box = _box(QMessageBox.Icon.Warning, text + "\n\n" + QMessageBox.tr(
        "最新的完好备份是 {time} 的“{name}”。是否用它恢复？现在的文件会先另存一份，不会删除。").format(
            time=backup.created, name=backup.path.name))
    box.setObjectName("restore_offer")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.Yes).setText(QMessageBox.tr("用备份恢复"))
    box.button(QMessageBox.StandardButton.No).setText(QMessageBox.tr("退出"))
    if box.exec() != QMessageBox.StandardButton.Yes:
        return False
    try:
        restore_backup(backup.path, db_path, user="system")
    except InvalidInput as exc:
        tell(exc.problems)
        return False
    return True


def first_run_choice(parent: QWidget | None = None) -> str | None:
    """On a computer with no database yet: try the demo data, or start the office's own
    database (its first admin is created next). ``"demo"``, ``"new"`` or None (closed)."""
    box = _box(QMessageBox.Icon.Question, QMessageBox.tr(
        "欢迎使用绥宁扶贫台账。\n\n"
        "这台电脑上还没有数据库。可以先打开演示数据（虚构的乡镇、农户和发放记录，"
        "账户 admin / shenhe / luru，密码 suining2018）熟悉软件，"
        "也可以直接新建本单位的正式数据库（接着创建管理员账户）。"), parent)
    box.setObjectName("first_run")
    box.setStandardButtons(QMessageBox.StandardButton.NoButton)
    demo = box.addButton(QMessageBox.tr("打开演示数据(&D)"), QMessageBox.ButtonRole.AcceptRole)
    new = box.addButton(QMessageBox.tr("新建正式数据库(&N)"), QMessageBox.ButtonRole.YesRole)
    box.addButton(QMessageBox.tr("退出"), QMessageBox.ButtonRole.RejectRole)
    demo.setObjectName("first_run_demo")
    new.setObjectName("first_run_new")
    box.setDefaultButton(demo)
    box.exec()
    clicked = box.clickedButton()
    return "demo" if clicked is demo else "new" if clicked is new else None


def open_safely(db_path: Path, *, demo: bool, demo_hooks: DemoHooks | None = None) -> bool:
    try:
        if demo and demo_hooks is not None:
            demo_hooks.ensure(db_path)
        open_database(db_path)
    except DatabaseOpenError as exc:
        if any(p.code == "db_not_database" for p in exc.problems) and db_path.exists():
            return offer_backup(db_path, exc.problems)
        tell(exc.problems)
        return False
    if is_network_path(db_path):
        tell([Problem("db_network_share", {"path": str(db_path)})], icon=QMessageBox.Icon.Warning)
    warn_about_storage(db_path.parent)
    warn_on_open()  # protections gone, or an older copy in its place
    return True


STORAGE_WARNED = "storage/warned_folder"


def warn_about_storage(folder: Path) -> None:
    """A data folder on a USB stick or a FAT disk: said once per folder (the settings of a
    portable copy travel with it), then the clerk keeps working."""
    problem = storage_warning(folder)
    if problem is None:
        return
    settings = app_settings()
    if settings.value(STORAGE_WARNED, "") == str(folder):
        return
    tell([problem], icon=QMessageBox.Icon.Warning)
    settings.setValue(STORAGE_WARNED, str(folder))
    settings.sync()


class OtherDatabase(Exception):  # noqa: N818 - not an error: the clerk's choice
    """打开其他数据库… on the login: start again on ``path``."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


def log_in(*, demo: bool, username: str = "", demo_hooks: DemoHooks | None = None,
           db_path: Path | None = None) -> Account | None:
    """Who works in this window: the first admin of a new database, the demo admin (with
    ``demo_hooks``' password), or whoever logs in; a password an admin set must be changed
    first. The login names the database (``db_path``) and offers another one:
    :class:`OtherDatabase` when chosen."""
    account: Account | None = None
    if not accounts_exist():
        create = CreateAdminDialog(database=db_path)
        account = create.account if create.exec() == QDialog.DialogCode.Accepted else None
        return account
    if demo and not username and demo_hooks is not None:
        try:  # only on a demo database: a real one at the demo path asks
            account = login("admin", demo_hooks.password, via="demo") if demo_hooks.is_demo() else None
        except InvalidInput:
            account = None  # the demo password was changed: ask
    if account is None:
        dialog = LoginDialog(username=username or ("admin" if demo else ""), database=db_path, can_choose=True)
        result = dialog.exec()
        if result == OTHER_DATABASE and dialog.other_database is not None:
            raise OtherDatabase(dialog.other_database)
        if result != QDialog.DialogCode.Accepted:
            return None
        account = dialog.account
    return own_password_first(account) if account is not None else None


def _excepthook(kind: type[BaseException], exc: BaseException, tb: object) -> None:
    path = write_crash_report(kind, exc, tb)  # type: ignore[arg-type]
    print(f"程序出错，报告已保存到：{path}", file=sys.stderr)


def start(db_path: Path, *, demo: bool, username: str = "", demo_hooks: DemoHooks | None = None) -> int:
    """The window's real start (``suining-desk`` without a command: :func:`suining_desk.app.open_window`)."""
    create_app()
    sys.excepthook = _excepthook
    if not demo and db_path == paths.default_database() and not db_path.exists():
        choice = first_run_choice()
        if choice is None:
            return 0
        if choice == "demo":
            db_path, demo = paths.demo_database(), True
    while True:
        lock = DatabaseLock(db_path)
        held = lock.acquire()
        if held is not None:
            tell([held])
            return 1
        try:
            if not open_safely(db_path, demo=demo, demo_hooks=demo_hooks):
                return 1
            try:
                account = log_in(demo=demo, username=username, demo_hooks=demo_hooks, db_path=db_path)
            except OtherDatabase as other:  # the login's 打开其他数据库…: the same steps on that one
                db_path, demo, username = other.path, other.path.resolve() == paths.demo_database().resolve(), ""
                continue
            if account is None:
                return 0
            offer_admin_fixes(account)
            return run_app(db_path, demo=demo, account=account, db_lock=lock)
        finally:
            lock.release()
