"""建档立卡户: the households of the chosen area, search, filters and one household's detail."""

from __future__ import annotations

import dataclasses

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

from suining_desk.enums import HOUSEHOLD_STATUS, POVERTY_CAUSES
from suining_desk.services.areas import group_choices
from suining_desk.services.household_detail import household_detail
from suining_desk.services.household_query import HouseholdFilter
from suining_desk.services.programs import program_choices
from suining_desk.services.search import search_people
from ui.dialogs.household_dialog import HouseholdDialog
from ui.dialogs.member_dialogs import MemberExitDialog, PersonDialog, StatusDialog
from ui.models.household_table import HouseholdTableModel
from ui.session import Session
from ui.settings import app_settings
from ui.widgets.household_detail import HouseholdDetailView
from ui.wizards.export_action import export_households

SEARCH_DELAY_MS = 250  # results as you type, without a query per keystroke
# Widths to start from (the table is lazy: measuring every row's text would read them all).
COLUMN_WIDTHS = (150, 80, 70, 70, 160, 45, 80, 150, 80, 110)


def _combo(name: str, items: list[tuple[str, object]]) -> QComboBox:
    box = QComboBox(objectName=name)
    box.addItem(QCoreApplication.translate("HouseholdsPage", "全部"), None)
    for label, data in items:
        box.addItem(label, data)
    return box


class HouseholdsPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._area_id: int | None = None
        self._search_ids: tuple[int, ...] | None = None

        self.search = QLineEdit(objectName="search")
        self.search.setPlaceholderText(self.tr("搜索：姓名、拼音或首字母、身份证号（或后4~6位）、户编号　Ctrl+F"))
        self.search.setClearButtonEnabled(True)
        self.search_result = QLabel(objectName="search_result")
        self.status_filter = _combo("status_filter", [(v, k) for k, v in HOUSEHOLD_STATUS.items()])
        self.cause_filter = _combo("cause_filter", [(c, c) for c in POVERTY_CAUSES])
        self.program_filter = _combo("program_filter", [(n, i) for i, n in program_choices()])
        year = session.today().year
        self.exit_year_filter = _combo("exit_year_filter",
                                       [(self.tr("{year}年").format(year=y), y) for y in range(2014, year + 1)])
        self.new_button = QPushButton(self.tr("新增户(&N)"), objectName="new_button")
        self.new_button.setToolTip("Ctrl+N")
        self.export_button = QPushButton(self.tr("导出(&E)…"), objectName="export_button")
        self.export_button.setToolTip(self.tr("把当前筛选出的户导出为 Excel（可再导入）"))

        self.model = HouseholdTableModel(self)
        self.table = QTableView(objectName="households_table")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setAlternatingRowColors(True)
        self.detail = HouseholdDetailView()

        filters = QHBoxLayout()
        for label, box in ((self.tr("户状态："), self.status_filter), (self.tr("致贫原因："), self.cause_filter),
                           (self.tr("享受项目："), self.program_filter),
                           (self.tr("脱贫年度："), self.exit_year_filter)):
            filters.addWidget(QLabel(label))
            filters.addWidget(box)
        filters.addStretch()
        filters.addWidget(self.export_button)
        filters.addWidget(self.new_button)
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
        layout.addLayout(filters)
        layout.addWidget(self.splitter)

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        for box in (self.status_filter, self.cause_filter, self.program_filter, self.exit_year_filter):
            box.currentIndexChanged.connect(self.apply_filter)
        self.new_button.clicked.connect(self.new_household)
        self.export_button.clicked.connect(self.export_current)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_search)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_household)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(lambda _: self.edit_household())
        self.detail.edit_household_requested.connect(self.edit_household)
        self.detail.change_status_requested.connect(self.change_status)
        self.detail.add_member_requested.connect(self.add_member)
        self.detail.edit_member_requested.connect(self.edit_member)
        self.detail.member_exit_requested.connect(self.member_exit)
        self._restore_layout()
        self.apply_filter()

    # --- area, filters, search ---
    def set_area(self, area_id: int | None) -> None:
        self._area_id = area_id
        self.apply_filter()

    def current_filter(self) -> HouseholdFilter:
        return HouseholdFilter(
            area_id=self._area_id, status=self.status_filter.currentData(),
            cause=self.cause_filter.currentData(), program_id=self.program_filter.currentData(),
            exit_year=self.exit_year_filter.currentData(), ids_in=self._search_ids,
        )

    def apply_filter(self) -> None:
        selected = self.selected_household_id()
        self.model.set_filter(self.current_filter())
        self.select_household(selected)
        if self.model.rowCount() and self.table.currentIndex().row() < 0:
            self.table.selectRow(0)
        elif not self.model.rowCount():
            self.detail.show_detail(None)

    def export_current(self) -> None:
        """The households of the current filter and search, in the list's order, to xlsx."""
        export_households(self, self.current_filter(), sort=self.model._sort, descending=self.model._descending)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def run_search(self) -> None:
        text = self.search.text().strip()
        if not text:
            self._search_ids = None
            self.search_result.clear()
        else:
            hits = search_people(text, limit=500)
            self._search_ids = tuple(dict.fromkeys(h.household_id for h in hits))
            self.search_result.setText(self.tr("找到 {people} 人，{households} 户").format(
                people=len(hits), households=len(self._search_ids)))
        self.apply_filter()

    # --- selection and detail ---
    def selected_household_id(self) -> int | None:
        row = self.table.currentIndex().row()
        return self.model.household_id(row) if 0 <= row < self.model.rowCount() else None

    def select_household(self, household_id: int | None) -> None:
        row = self.model.row_of(household_id) if household_id is not None else None
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.show_current_detail()

    def show_current_detail(self) -> None:
        household_id = self.selected_household_id()
        detail = household_detail(household_id) if household_id is not None else None
        self.detail.show_detail(detail, today=self.session.today())

    # --- actions (each dialog calls one core service) ---
    def _after_change(self, household_id: int | None) -> None:
        self.model.reload()
        self.select_household(household_id)
        self.show_current_detail()

    def _groups(self) -> list[tuple[int, str]]:
        return group_choices(self._area_id)

    def new_household(self) -> None:
        dialog = HouseholdDialog(self._groups(), user=self.session.username, parent=self,
                                 today=self.session.fixed_today)
        if dialog.exec():
            self._after_change(dialog.household_id)

    def edit_household(self) -> None:
        detail = self.detail.detail
        if detail is None:
            return
        dialog = HouseholdDialog(group_choices(None), user=self.session.username, household_id=detail.id,
                                 initial=dataclasses.replace(detail.data), parent=self,
                                 today=self.session.fixed_today)
        if dialog.exec():
            self._after_change(detail.id)

    def change_status(self) -> None:
        detail = self.detail.detail
        if detail is not None and StatusDialog(detail.id, detail.data.status, user=self.session.username,
                                               today=self.session.fixed_today, parent=self).exec():
            self._after_change(detail.id)

    def add_member(self) -> None:
        detail = self.detail.detail
        if detail is not None and PersonDialog(detail.id, user=self.session.username,
                                               today=self.session.fixed_today, parent=self).exec():
            self._after_change(detail.id)

    def edit_member(self, person_id: int) -> None:
        detail = self.detail.detail
        member = next((m for m in detail.members if m.id == person_id), None) if detail else None
        if detail and member and PersonDialog(detail.id, user=self.session.username, person_id=person_id,
                                              initial=member.as_input(), today=self.session.fixed_today,
                                              parent=self).exec():
            self._after_change(detail.id)

    def member_exit(self, person_id: int) -> None:
        detail = self.detail.detail
        member = next((m for m in detail.members if m.id == person_id), None) if detail else None
        if detail and member and MemberExitDialog(person_id, member.name, user=self.session.username,
                                                  today=self.session.fixed_today, parent=self).exec():
            self._after_change(detail.id)

    # --- remembered layout ---
    def _restore_layout(self) -> None:
        settings = app_settings()
        state = settings.value("households/header")
        if not (isinstance(state, QByteArray) and self.table.horizontalHeader().restoreState(state)):
            for column, width in enumerate(COLUMN_WIDTHS):
                self.table.setColumnWidth(column, width)
        splitter = settings.value("households/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def save_layout(self) -> None:
        settings = app_settings()
        settings.setValue("households/header", self.table.horizontalHeader().saveState())
        settings.setValue("households/splitter", self.splitter.saveState())
