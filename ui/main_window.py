"""The main window: navigation and area tree on the left, the chosen page on the right."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
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

from suining_desk.domain.messages import describe
from suining_desk.domain.problems import Problem
from suining_desk.services.access import Account
from suining_desk.services.areas import area_node
from suining_desk.services.database import checkpoint

from . import qt_log, tasks
from .about import AboutDialog
from .area_tree import AreaTree
from .instance_lock import DatabaseLock
from .manual import ManualDialog
from .navigation import PAGES, PageSpec
from .session import Session
from .widgets.elided_label import ElidedLabel
from .window import help, layout_state
from .window.database_switch import DatabaseSwitch
from .window.layout_state import DEFAULT_SIZE
from .window_security import SecurityController
from .wizards import exchange_menu

PAGE_KEY_ROLE = Qt.ItemDataRole.UserRole + 1
CHECKPOINT_MS = 60_000  # the background write-ahead-log checkpoint


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
        self.database = DatabaseSwitch(self)
        self._build_menus()
        backups_on = account is not None if auto_backup is None else auto_backup
        self.security = SecurityController(self, auto_backup=backups_on)

        self.area_tree.area_selected.connect(self._area_selected)
        self.navigation.currentRowChanged.connect(self._navigation_changed)
        self._fit_navigation()
        self.database.show_database()
        layout_state.restore_layout(self)
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
        from .dialogs.verify_dialog import VerifyDialog

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
            areas_changed = getattr(page, "areas_changed", None)
            if areas_changed is not None:  # 区划管理 added, renamed or retired an area
                areas_changed.connect(self.area_tree.reload)
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
        self.database.show_database()
        self.area_tree.reload()
        self.keep_to_township()
        self.security.account_changed()
        known = {spec.key for spec in self.page_specs}
        self.show_page(key if key in known else self.page_specs[0].key)

    def keep_to_township(self) -> None:
        """A township user starts in their township (not the county, whose batches and ledgers
        they may not make), unless the area chosen is already inside it."""
        account = self.session.account
        if account is None or account.township_id is None:
            return
        town = area_node(account.township_id)
        current = self.area_tree.current_area_code()
        if town is not None and not (current and current.startswith(town.code)):
            self.area_tree.select_area(town.id)

    def _discard_pages(self) -> None:
        layout_state.save_page_layouts(self)
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self._page_areas.clear()

    def show_problems(self, title: str, problems: list[Problem]) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, title, "", QMessageBox.StandardButton.Ok, self)
        box.setObjectName("error_box")
        box.setText("\n".join(describe(p) for p in problems))
        self.error_box = box
        box.open()

    # --- the database, help, the remembered layout (ui/window) ---
    def choose_database(self) -> None:
        self.database.choose()

    def open_database_file(self, path: Path) -> bool:
        """Switch the window to another database (see ui.window.database_switch)."""
        return self.database.open_file(path)

    def show_manual(self) -> None:
        help.show_manual(self)

    def show_about(self) -> None:
        help.show_about(self)

    def save_layout(self) -> None:
        layout_state.save_layout(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.security.shutdown()
        super().closeEvent(event)

