"""发放批次: the batches of the chosen area (filtered, sorted, paged) and the chosen one's
detail; its steps from draft to posted (:mod:`.actions`) and its bank files (:mod:`.bank`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from suining_desk.domain.enums import BATCH_STATUS
from suining_desk.services.batch_query import BatchFilter, batch_history, batch_lines
from suining_desk.services.programs import program_choices

from ...models.money_tables import BATCH_SPEC
from ...models.paged_table import PagedTableModel
from ...session import Session
from ...widgets.batch_detail import BatchDetailView
from ...widgets.inputs import search_shortcut
from ..record_page import filter_combo
from .actions import BatchActions
from .bank import BankFiles

BATCH_COLUMN_WIDTHS = (195, 150, 85, 75, 65, 50, 95, 70, 70, 90)


class BatchesPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.area_id: int | None = None
        self.error_box: QMessageBox | None = None
        self.report_box: QMessageBox | None = None
        self.program_filter = filter_combo("program_filter", [(n, i) for i, n in program_choices()])
        self.status_filter = filter_combo("status_filter", [(v, k) for k, v in BATCH_STATUS.items()])
        year = session.today().year
        self.year_filter = filter_combo("year_filter", [(self.tr("{y}年").format(y=y), y)
                                                        for y in range(year, 2013, -1)])
        self.number_filter = QLineEdit(objectName="number_filter")
        self.number_filter.setPlaceholderText(self.tr("批次号　Ctrl+F"))
        search_shortcut(self, self.number_filter)
        self.count_label = QLabel(objectName="count_label")
        self.new_button = QPushButton(self.tr("生成批次(&N)…"), objectName="new_button")
        self.lock_button = QPushButton(self.tr("月度关账…"), objectName="lock_button")
        self.lock_button.setEnabled(session.at_least("reviewer"))
        self.model: PagedTableModel[Any, BatchFilter] = PagedTableModel(BATCH_SPEC, BatchFilter(), self)
        self.table = QTableView(objectName="batches_table")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(2, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(24)
        for column, width in enumerate(BATCH_COLUMN_WIDTHS):  # all ten in 1280 × 800, 项目（一次性） whole
            self.table.setColumnWidth(column, width)
        self.detail = BatchDetailView(session)
        bar = QHBoxLayout()
        for label, box in ((self.tr("项目："), self.program_filter), (self.tr("状态："), self.status_filter),
                           (self.tr("年度："), self.year_filter)):
            bar.addWidget(QLabel(label))
            bar.addWidget(box)
            box.currentIndexChanged.connect(self.apply_filter)
        bar.addWidget(self.number_filter)
        bar.addStretch()
        bar.addWidget(self.count_label)
        bar.addWidget(self.lock_button)
        bar.addWidget(self.new_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)  # on a 1366×768 screen at 125 % the list still shows 8 batches
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter)
        self.number_filter.textChanged.connect(lambda _: self.apply_filter())
        self.steps, self.bank = BatchActions(self), BankFiles(self)
        self.new_button.clicked.connect(self.steps.new_batch)
        self.lock_button.clicked.connect(self.steps.lock_months)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        a = self.steps
        actions: dict[str, Callable[[], object]] = {
            "submit": a.submit, "return": a.return_batch, "approve": a.approve, "post": a.post,
            "delete": a.delete, "export": lambda: self.bank.export_bank(), "import": lambda: self.bank.import_bank(),
            "add_line": a.add_line, "adjust": a.adjust, "remove_line": a.remove_line,
            "reverse": a.reverse, "reissue": a.reissue, "exclusions": a.show_exclusions,
        }
        for key, action in actions.items():
            self.detail.buttons[key].clicked.connect(action)
        self.apply_filter()

    # --- list ---
    def set_area(self, area_id: int | None) -> None:
        self.area_id = area_id
        self.apply_filter()

    def refresh(self) -> None:
        self.after_change(self.selected_batch_id())

    def current_filter(self) -> BatchFilter:
        return BatchFilter(area_id=self.area_id, program_id=self.program_filter.currentData(),
                           status=self.status_filter.currentData(), year=self.year_filter.currentData(),
                           batch_no=self.number_filter.text())

    def apply_filter(self) -> None:
        self.after_change(self.selected_batch_id())

    def selected_batch_id(self) -> int | None:
        row = self.table.currentIndex().row()
        return self.model.record_id(row) if 0 <= row < self.model.rowCount() else None

    def select_batch(self, batch_id: int | None) -> None:
        row = self.model.row_of(batch_id) if batch_id is not None else None
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        self.show_current_detail()

    def show_current_detail(self, line_id: int | None = None) -> None:
        batch_id = self.selected_batch_id()
        if batch_id is None:
            self.detail.show_batch(None, [], [])
            return
        from suining_desk.services.batch_query import batch_row

        self.detail.show_batch(batch_row(batch_id), batch_lines(batch_id), batch_history(batch_id))
        if line_id is not None:
            self.detail.select_line(line_id)

    def after_change(self, batch_id: int | None, line_id: int | None = None) -> None:
        self.model.set_filter(self.current_filter())
        self.count_label.setText(self.tr("共 {n} 个批次").format(n=f"{self.model.rowCount():,}"))
        self.select_batch(batch_id)
        if self.table.currentIndex().row() < 0 and self.model.rowCount():
            self.table.selectRow(0)
        self.show_current_detail(line_id)
