"""The main window: navigation and area tree on the left, the chosen page on the right."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from suining_desk import paths
from suining_desk.access import Account
from suining_desk.db import DatabaseOpenError, open_database
from suining_desk.db.connection import checkpoint
from suining_desk.db.models import Area
from suining_desk.messages import describe
from suining_desk.problems import Problem
from ui import qt_log, tasks
from ui.about import AboutDialog
from ui.area_tree import AreaTree
from ui.instance_lock import DatabaseLock
from ui.manual import ManualDialog, find_manual
from ui.navigation import PAGES, PageSpec
from ui.safety_prompts import offer_admin_fixes, warn_on_open
from ui.session import Session
from ui.settings import app_settings
from ui.widgets.elided_label import ElidedLabel
from ui.window.screen_fit import fit_to_screen
from ui.window_security import SecurityController
from ui.wizards import exchange_menu

PAGE_KEY_ROLE = Qt.ItemDataRole.UserRole + 1
DEFAULT_SIZE = (1200, 760)
SETTINGS_GROUP = "main_window"
CHECKPOINT_MS = 60_000  # the background write-ahead-log checkpoint


def is_demo_database(path: Path) -> bool:
    return path.resolve() == paths.demo_database().resolve()


def visible_pages(session: Session) -> list[PageSpec]:
    return [spec for spec in PAGES if session.at_least(spec.min_role)]


class MainWindow(QMainWindow):
    database_opened = Signal(Path)

    def __init__(
        self, db_path: Path, *, demo: bool, user_label: str = "", account: Account | None = None,
        db_lock: DatabaseLock | None = None, auto_backup: bool | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        if account is not None:
            self.session = Session.for_account(Path(db_path), account, demo=demo)
        else:  # opened without the login (tests, tools): the core still checks the name
            self.session = Session(Path(db_path), user_label=user_label, demo=demo)
        self.db_lock = db_lock
        self.page_specs = visible_pages(self.session)
        self.pages: dict[str, QWidget] = {}
        self._page_areas: dict[str, int | None] = {}  # the area each page last saw
        self.about_dialog: AboutDialog | None = None
        self.manual_dialog: ManualDialog | None = None
        self.error_box: QMessageBox | None = None

        self.navigation = QListWidget(objectName="navigation")
        self._fill_navigation()
        self.area_tree = AreaTree()
        self.stack = QStackedWidget(objectName="pages")

        left = QWidget(objectName="left_panel")
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 0)
        left_layout.addWidget(QLabel(self.tr("功能")))
        left_layout.addWidget(self.navigation)
        left_layout.addWidget(QLabel(self.tr("区域")))
        left_layout.addWidget(self.area_tree, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="main_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([240, DEFAULT_SIZE[0] - 240])
        self.setCentralWidget(self.splitter)

        self.database_status = ElidedLabel(objectName="database_status")  # a long path: …, whole in the tooltip
        self.user_status = QLabel(objectName="user_status")
        self.statusBar().addPermanentWidget(self.database_status, 1)
        self.statusBar().addPermanentWidget(self.user_status)
        self._build_menus()
        backups_on = account is not None if auto_backup is None else auto_backup
        self.security = SecurityController(self, auto_backup=backups_on)

        self.area_tree.area_selected.connect(self._area_selected)
        self.navigation.currentRowChanged.connect(self._navigation_changed)
        self._fit_navigation()
        self._show_database()
        self._restore_layout()
        # The write-ahead log is copied into the database file in the background, a minute apart,
        # so no clerk's save waits for it (see suining_desk.db.connection.PRAGMAS).
        self.checkpoint_task: tasks.Task | None = None
        self.checkpoint_timer = QTimer(self, interval=CHECKPOINT_MS, timeout=self.checkpoint_in_background)
        self.checkpoint_timer.start()

    def checkpoint_in_background(self) -> None:
        if self.checkpoint_task is not None:
            return
        task = tasks.Task(lambda _progress, _cancel: checkpoint(), self)
        self.checkpoint_task = task

        def done(_: object) -> None:  # a busy or failed checkpoint is simply tried again next time
            self.checkpoint_task = None

        task.succeeded.connect(done)
        task.failed.connect(done)
        tasks.start(task)

    # --- menus ---
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        file_menu.setObjectName("file_menu")
        self.open_action = QAction(self.tr("打开数据库(&O)…"), self)
        self.open_action.setShortcut(QKeySequence("Ctrl+O"))
        self.open_action.triggered.connect(self.choose_database)
        self.quit_action = QAction(self.tr("退出(&X)"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.verify_action = QAction(self.tr("核验台账(&V)…"), self)
        self.verify_action.setObjectName("verify_ledger_action")
        self.verify_action.setToolTip(self.tr("打开打印的台账 PDF，核验是否与数据库一致"))
        self.verify_action.triggered.connect(self.verify_ledger)
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.verify_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        exchange_menu.install(self, file_menu, before=self.quit_action)  # 导入表格… / 导出当前列表…

        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        help_menu.setObjectName("help_menu")
        self.manual_action = QAction(self.tr("用户手册(&M)"), self)
        self.manual_action.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1
        self.manual_action.triggered.connect(self.show_manual)
        help_menu.addAction(self.manual_action)
        self.log_folder_action = qt_log.install_action(self, help_menu)
        help_menu.addSeparator()
        self.about_action = QAction(self.tr("关于(&A)"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)
        self.file_menu, self.help_menu = file_menu, help_menu

    def verify_ledger(self) -> None:
        """文件 → 核验台账…: the check runs in the background, the dialog stays until closed."""
        from ui.dialogs.verify_dialog import VerifyDialog

        dialog = VerifyDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.verify_dialog = dialog
        dialog.show()
        dialog.browse()

    # --- pages ---
    def show_page(self, key: str) -> None:
        row = next(r for r, spec in enumerate(self.page_specs) if spec.key == key)
        if self.navigation.currentRow() == row:
            self._navigation_changed(row)
        else:
            self.navigation.setCurrentRow(row)

    def open_ledger(self, kind: str, filters: dict[str, str]) -> None:
        """Another page asked for a ledger: the 台账 page makes and previews it."""
        self.show_page("ledgers")
        page = self.pages.get("ledgers")
        request = getattr(page, "request", None)
        if callable(request):
            request(kind, filters)

    def current_page_key(self) -> str | None:
        item = self.navigation.currentItem()
        return str(item.data(PAGE_KEY_ROLE)) if item is not None else None

    def current_page(self) -> QWidget | None:
        key = self.current_page_key()
        return self.pages.get(key) if key is not None else None

    def _navigation_changed(self, row: int) -> None:
        if 0 <= row < len(self.page_specs):
            self._activate(self.page_specs[row])

    def _activate(self, spec: PageSpec) -> None:
        page = self.pages.get(spec.key)
        if page is None:  # built on first visit: startup stays quick
            page = spec.factory(self.session)
            page.setObjectName(page.objectName() or f"{spec.key}_page")
            self.security.page_created(page)
            requested = getattr(page, "ledger_requested", None)
            if requested is not None:
                requested.connect(self.open_ledger)
            self.pages[spec.key] = page
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        self._sync_area(spec.key, page)

    def _sync_area(self, key: str, page: QWidget) -> None:
        area_id = self.area_tree.current_area_id()
        if key in self._page_areas and self._page_areas[key] == area_id:
            return
        self._page_areas[key] = area_id
        set_area = getattr(page, "set_area", None)
        if callable(set_area):
            set_area(area_id)

    def _area_selected(self, _area_id: int) -> None:
        key = self.current_page_key()
        page = self.current_page()
        if key is not None and page is not None:
            self._sync_area(key, page)

    def _fit_navigation(self) -> None:
        """Every page's row visible, no empty space below: the list is short and fixed."""
        nav = self.navigation
        nav.setStyleSheet("QListWidget::item { padding: 4px 2px; }")  # an easy click target
        rows = sum(nav.sizeHintForRow(r) for r in range(nav.count()))
        nav.setFixedHeight(rows + 2 * nav.frameWidth() + 2)

    def _fill_navigation(self) -> None:
        self.navigation.blockSignals(True)
        self.navigation.clear()
        for spec in self.page_specs:
            item = QListWidgetItem(spec.title)
            item.setData(PAGE_KEY_ROLE, spec.key)
            self.navigation.addItem(item)
        self.navigation.blockSignals(False)

    def set_account(self, account: Account) -> None:
        """Someone else is working now (switch user, after a restore): new pages for them."""
        key = self.current_page_key()
        self._discard_pages()
        self.session = Session.for_account(self.session.db_path, account, demo=self.session.demo)
        self.page_specs = visible_pages(self.session)
        self._fill_navigation()
        self._fit_navigation()
        self._show_database()
        self.area_tree.reload()
        self._keep_to_township()
        self.security.account_changed()
        known = {spec.key for spec in self.page_specs}
        self.show_page(key if key in known else self.page_specs[0].key)

    def _keep_to_township(self) -> None:
        """A township user starts in their township (not the county, whose batches and ledgers
        they may not make), unless the area chosen is already inside it."""
        account = self.session.account
        if account is None or account.township_id is None:
            return
        town = Area.get_or_none(Area.id == account.township_id)
        current = self.area_tree.current_area_code()
        if town is not None and not (current and current.startswith(town.code)):
            self.area_tree.select_area(town.id)

    def _discard_pages(self) -> None:
        self._save_page_layouts()
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self._page_areas.clear()

    # --- the database ---
    def _show_database(self) -> None:
        path = self.session.db_path
        title = self.tr("绥宁扶贫台账 — {name}").format(name=path.name)
        if self.session.demo:
            title += self.tr("（演示数据）")
        self.setWindowTitle(title)
        self.database_status.setText(self.tr("数据库：{path}").format(path=path))
        self.database_status.setToolTip(str(path))
        user = self.session.user_label or self.tr("（未登录）")
        self.user_status.setText(self.tr("用户：{user}").format(user=user))

    def choose_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("打开数据库"),
            str(self.session.db_path.parent),
            self.tr("数据库文件 (*.sqlite3 *.sqlite *.db);;所有文件 (*)"),
        )
        if path:
            self.open_database_file(Path(path))

    def open_database_file(self, path: Path) -> bool:
        """Switch the window to another database; on failure say why and stay where we are.
        A logged-in window asks who logs in to the other database (its own accounts)."""
        new_lock = DatabaseLock(path) if self.db_lock is not None else None
        if new_lock is not None and (held := new_lock.acquire()) is not None:
            self.show_problems(self.tr("无法打开数据库"), [held])
            return False
        try:
            open_database(path)
        except DatabaseOpenError as exc:
            if new_lock is not None:
                new_lock.release()
            self._reopen_current()
            self.show_problems(self.tr("无法打开数据库"), exc.problems)
            return False
        warn_on_open(self)  # protections gone, or an older copy in its place
        if self.session.account is not None:
            return self._log_in_to(path, new_lock)
        key = self.current_page_key() or self.page_specs[0].key
        self._discard_pages()
        self.session = Session(
            path, user_label=self.session.user_label, demo=is_demo_database(path)
        )
        self._show_database()
        self.area_tree.reload()
        self.show_page(key)
        self.database_opened.emit(path)
        return True

    def _log_in_to(self, path: Path, new_lock: DatabaseLock | None) -> bool:
        account = self.security.ask_login(path)
        if account is None:
            if new_lock is not None:
                new_lock.release()
            self._reopen_current()
            return False
        self.security.backup_on_close(self.session.db_path)  # the database being left
        if self.db_lock is not None:
            self.db_lock.release()
        self.db_lock = new_lock
        self.session = Session.for_account(path, account, demo=is_demo_database(path))
        self.set_account(account)
        self.database_opened.emit(path)
        offer_admin_fixes(account, self)
        return True

    def _reopen_current(self) -> None:
        # A failed open may have closed the current connection (e.g. a newer schema).
        try:
            open_database(self.session.db_path)
        except DatabaseOpenError:
            pass

    def show_problems(self, title: str, problems: list[Problem]) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, title, "", QMessageBox.StandardButton.Ok, self)
        box.setObjectName("error_box")
        box.setText("\n".join(describe(p) for p in problems))
        self.error_box = box
        box.open()

    def show_manual(self) -> None:
        """The manual beside the window (not modal: a clerk reads it while working)."""
        if self.manual_dialog is None:
            manual = find_manual()
            if manual is None:
                box = QMessageBox(QMessageBox.Icon.Warning, self.tr("用户手册"), self.tr(
                    "找不到用户手册。请重新安装本软件，或向县里的系统管理员索取手册。"),
                    QMessageBox.StandardButton.Ok, self)
                box.setObjectName("manual_missing")
                self.error_box = box
                box.open()
                return
            self.manual_dialog = ManualDialog(manual, self)
        self.manual_dialog.show()
        self.manual_dialog.raise_()
        self.manual_dialog.activateWindow()

    def show_about(self) -> None:
        self.about_dialog = AboutDialog(self.session.db_path, self)
        self.about_dialog.open()

    # --- remembered layout ---
    def _restore_layout(self) -> None:
        settings = app_settings()
        geometry = settings.value(f"{SETTINGS_GROUP}/geometry")
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(*DEFAULT_SIZE)
        fit_to_screen(self)  # a size remembered on a bigger screen, or the default, on this one
        area_code = settings.value(f"{SETTINGS_GROUP}/area_code")
        if isinstance(area_code, str):
            self.area_tree.select_area_code(area_code)
        self._keep_to_township()
        key = settings.value(f"{SETTINGS_GROUP}/page")
        known = {spec.key for spec in self.page_specs}
        self.show_page(str(key) if key in known else self.page_specs[0].key)
        splitter = settings.value(f"{SETTINGS_GROUP}/splitter")  # after the page is in
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def save_layout(self) -> None:
        settings = app_settings()
        settings.setValue(f"{SETTINGS_GROUP}/geometry", self.saveGeometry())
        settings.setValue(f"{SETTINGS_GROUP}/splitter", self.splitter.saveState())
        settings.setValue(f"{SETTINGS_GROUP}/page", self.current_page_key() or self.page_specs[0].key)
        if (area_code := self.area_tree.current_area_code()) is not None:
            settings.setValue(f"{SETTINGS_GROUP}/area_code", area_code)
        self._save_page_layouts()
        settings.sync()

    def _save_page_layouts(self) -> None:
        for page in self.pages.values():
            save = getattr(page, "save_layout", None)
            if callable(save):
                save()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.security.shutdown()
        super().closeEvent(event)

