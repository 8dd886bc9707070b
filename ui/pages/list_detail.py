"""The pattern the households, 搬迁 and 危改 pages share: the chosen area, filters, search as you
type, a lazy table and the selected record's detail below it, with the layout remembered."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QItemSelection, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from suining_desk.services.search import search_people

from ..models.paged_table import PagedTableModel
from ..session import Session
from ..settings import app_settings
from ..widgets.inputs import search_shortcut

SEARCH_DELAY_MS = 250  # results as you type, without a query per keystroke


def filter_combo(name: str, items: list[tuple[str, object]]) -> QComboBox:
    """A filter: narrow enough that the bar fits a 1366×768 screen at 125 % (a long choice is
    shortened in the box, whole in its list and in the tooltip)."""
    box = QComboBox(objectName=name)
    box.addItem(QCoreApplication.translate("RecordListPage", "全部"), None)
    for label, data in items:
        box.addItem(label, data)
    box.setMinimumWidth(box.fontMetrics().horizontalAdvance("全部全部") + 32)  # wide as it likes, this narrow at least
    box.currentTextChanged.connect(box.setToolTip)
    return box


class ListDetailPage(QWidget):
    """Subclasses give the model, filters and detail widget, and say what a filter and a detail are."""

    settings_key = "records"

    def __init__(self, session: Session, model: PagedTableModel[Any, Any], table_name: str,
                 filters: list[tuple[str, QComboBox]], detail: QWidget, new_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._area_id: int | None = None
        self.search_household_ids: tuple[int, ...] | None = None
        self.filters = filters

        self.search = QLineEdit(objectName="search")
        self.search.setPlaceholderText(self.tr("搜索：姓名、拼音或首字母、身份证号（或后4~6位）、户编号　Ctrl+F"))
        self.search.setClearButtonEnabled(True)
        self.search_result = QLabel(objectName="search_result")
        self.count_label = QLabel(objectName="count_label")
        self.new_button = QPushButton(new_text, objectName="new_button")
        self.new_button.setToolTip("Ctrl+N")
        self.model = model
        self.table = QTableView(objectName=table_name)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setAlternatingRowColors(True)
        self.detail = detail

        self.filter_bar = QHBoxLayout()
        for label, box in filters:
            self.filter_bar.addWidget(QLabel(label))
            self.filter_bar.addWidget(box)
            box.currentIndexChanged.connect(self.apply_filter)
        self.filter_bar.addStretch()
        self.filter_bar.addWidget(self.count_label)
        self.filter_bar.addWidget(self.new_button)
        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.search_result, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.filter_bar)
        layout.addWidget(self.splitter)

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.new_button.clicked.connect(self.new_record)
        search_shortcut(self, self.search)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_record)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(lambda _: self.edit_record())

    def add_button(self, button: QPushButton) -> None:
        """Another action beside 新增, before the count."""
        self.filter_bar.insertWidget(self.filter_bar.count() - 2, button)

    # --- what a page provides ---
    def current_filter(self) -> object:
        raise NotImplementedError

    def show_record(self, record_id: int | None) -> None:
        """Show one record (or none) in the detail widget."""
        raise NotImplementedError

    def new_record(self) -> None:
        raise NotImplementedError

    def edit_record(self) -> None:
        raise NotImplementedError

    # --- area, filters, search ---
    def set_area(self, area_id: int | None) -> None:
        self._area_id = area_id
        self.apply_filter()

    def refresh(self) -> None:
        self.after_change(self.selected_record_id())

    def apply_filter(self) -> None:
        selected = self.selected_record_id()
        self.model.set_filter(self.current_filter())
        self.show_count()
        self.select_record(selected)
        if self.model.rowCount() and self.table.currentIndex().row() < 0:
            self.table.selectRow(0)
        elif not self.model.rowCount():
            self.show_record(None)

    def show_count(self) -> None:
        self.count_label.setText(self.tr("共 {count} 条").format(count=f"{self.model.rowCount():,}"))

    def run_search(self) -> None:
        text = self.search.text().strip()
        if not text:
            self.search_household_ids = None
            self.search_result.clear()
        else:
            hits = search_people(text, limit=500)
            self.search_household_ids = tuple(dict.fromkeys(h.household_id for h in hits))
            self.search_result.setText(self.tr("找到 {people} 人，{households} 户").format(
                people=len(hits), households=len(self.search_household_ids)))
        self.apply_filter()

    # --- selection and detail ---
    def selected_record_id(self) -> int | None:
        row = self.table.currentIndex().row()
        return self.model.record_id(row) if 0 <= row < self.model.rowCount() else None

    def select_record(self, record_id: int | None) -> None:
        row = self.model.row_of(record_id) if record_id is not None else None
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.show_current_detail()

    def show_current_detail(self) -> None:
        self.show_record(self.selected_record_id())

    def after_change(self, record_id: int | None) -> None:
        self.model.reload()
        self.show_count()
        self.select_record(record_id)
        self.show_current_detail()

    # --- remembered layout ---
    def restore_layout(self) -> None:
        settings = app_settings()
        state = settings.value(f"{self.settings_key}/header")
        if not (isinstance(state, QByteArray) and self.table.horizontalHeader().restoreState(state)):
            for column, width in enumerate(self.model.spec.widths):
                self.table.setColumnWidth(column, width)
        splitter = settings.value(f"{self.settings_key}/splitter")
        if not (isinstance(splitter, QByteArray) and self.splitter.restoreState(splitter)):
            self.splitter.setSizes([520, 330])

    def save_layout(self) -> None:
        settings = app_settings()
        settings.setValue(f"{self.settings_key}/header", self.table.horizontalHeader().saveState())
        settings.setValue(f"{self.settings_key}/splitter", self.splitter.saveState())
