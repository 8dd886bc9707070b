"""The main window: navigation and area tree on the left, the chosen page on the right."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, Signal
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
from suining_desk.db import DatabaseOpenError, open_database
from suining_desk.messages import describe
from suining_desk.problems import Problem
from ui.about import AboutDialog
from ui.area_tree import AreaTree
from ui.navigation import PAGES, PageSpec
from ui.session import Session
from ui.settings import app_settings

PAGE_KEY_ROLE = Qt.ItemDataRole.UserRole + 1
DEFAULT_SIZE = (1200, 760)
SETTINGS_GROUP = "main_window"


def is_demo_database(path: Path) -> bool:
    return path.resolve() == paths.demo_database().resolve()


class MainWindow(QMainWindow):
    database_opened = Signal(Path)

    def __init__(
        self, db_path: Path, *, demo: bool, user_label: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.session = Session(Path(db_path), user_label=user_label, demo=demo)
        self.pages: dict[str, QWidget] = {}
        self._page_areas: dict[str, int | None] = {}  # the area each page last saw
        self.about_dialog: AboutDialog | None = None
        self.error_box: QMessageBox | None = None

        self.navigation = QListWidget(objectName="navigation")
        for spec in PAGES:
            item = QListWidgetItem(spec.title)
            item.setData(PAGE_KEY_ROLE, spec.key)
            self.navigation.addItem(item)
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

        self.database_status = QLabel(objectName="database_status")
        self.user_status = QLabel(objectName="user_status")
        self.statusBar().addPermanentWidget(self.database_status, 1)
        self.statusBar().addPermanentWidget(self.user_status)
        self._build_menus()

        self.area_tree.area_selected.connect(self._area_selected)
        self.navigation.currentRowChanged.connect(self._navigation_changed)
        self._fit_navigation()
        self._show_database()
        self._restore_layout()

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
        file_menu.addAction(self.open_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        help_menu.setObjectName("help_menu")
        self.about_action = QAction(self.tr("关于(&A)"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)
        self.file_menu, self.help_menu = file_menu, help_menu

    # --- pages ---
    def show_page(self, key: str) -> None:
        row = next(r for r, spec in enumerate(PAGES) if spec.key == key)
        if self.navigation.currentRow() == row:
            self._navigation_changed(row)
        else:
            self.navigation.setCurrentRow(row)

    def current_page_key(self) -> str | None:
        item = self.navigation.currentItem()
        return str(item.data(PAGE_KEY_ROLE)) if item is not None else None

    def current_page(self) -> QWidget | None:
        key = self.current_page_key()
        return self.pages.get(key) if key is not None else None

    def _navigation_changed(self, row: int) -> None:
        if 0 <= row < len(PAGES):
            self._activate(PAGES[row])

    def _activate(self, spec: PageSpec) -> None:
        page = self.pages.get(spec.key)
        if page is None:  # built on first visit: startup stays quick
            page = spec.factory(self.session)
            page.setObjectName(page.objectName() or f"{spec.key}_page")
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
        """Switch the window to another database; on failure say why and stay where we are."""
        try:
            open_database(path)
        except DatabaseOpenError as exc:
            self._reopen_current()
            self.show_problems(self.tr("无法打开数据库"), exc.problems)
            return False
        key = self.current_page_key() or PAGES[0].key
        self._discard_pages()
        self.session = Session(
            path, user_label=self.session.user_label, demo=is_demo_database(path)
        )
        self._show_database()
        self.area_tree.reload()
        self.show_page(key)
        self.database_opened.emit(path)
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

    def show_about(self) -> None:
        self.about_dialog = AboutDialog(self.session.db_path, self)
        self.about_dialog.open()

    # --- remembered layout ---
    def _restore_layout(self) -> None:
        settings = app_settings()
        geometry = settings.value(f"{SETTINGS_GROUP}/geometry")
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(*DEFAULT_SIZE)
        area_code = settings.value(f"{SETTINGS_GROUP}/area_code")
        if isinstance(area_code, str):
            self.area_tree.select_area_code(area_code)
        key = settings.value(f"{SETTINGS_GROUP}/page")
        known = {spec.key for spec in PAGES}
        self.show_page(str(key) if key in known else PAGES[0].key)
        splitter = settings.value(f"{SETTINGS_GROUP}/splitter")  # after the page is in
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def save_layout(self) -> None:
        settings = app_settings()
        settings.setValue(f"{SETTINGS_GROUP}/geometry", self.saveGeometry())
        settings.setValue(f"{SETTINGS_GROUP}/splitter", self.splitter.saveState())
        settings.setValue(f"{SETTINGS_GROUP}/page", self.current_page_key() or PAGES[0].key)
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
        super().closeEvent(event)

