"""享受名单: who is enrolled in which program in the chosen area, with the history of
joining, changing and leaving."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from suining_desk.services.enrolment_query import EnrolmentFilter, EnrolmentRow
from suining_desk.services.enrolments import end_enrolment
from suining_desk.services.programs import program_choices
from suining_desk.services.search import search_people

from ..dialogs.enrol_dialog import EnrolDialog, EnrolmentDetailsDialog, has_details
from ..dialogs.money_dialogs import StepDialog
from ..models.money_tables import ENROLMENT_SPEC
from ..models.paged_table import PagedTableModel
from ..session import Session
from ..widgets.inputs import search_shortcut
from .record_page import filter_combo


class EnrolmentsPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._area_id: int | None = None
        self._household_ids: tuple[int, ...] | None = None
        self.program_filter = filter_combo("program_filter", [(n, i) for i, n in program_choices()])
        self.current_only = QCheckBox(self.tr("只看现在享受的"), objectName="current_only")
        self.current_only.setChecked(True)
        self.search = QLineEdit(objectName="search")
        self.search.setPlaceholderText(self.tr("搜索：姓名、拼音首字母、身份证号后几位、户编号　Ctrl+F"))
        self.search.setClearButtonEnabled(True)
        search_shortcut(self, self.search)
        self.count_label = QLabel(objectName="count_label")
        self.new_button = QPushButton(self.tr("纳入(&N)…"), objectName="new_button")
        self.change_button = QPushButton(self.tr("变更类别或人数…"), objectName="change_button")
        self.end_button = QPushButton(self.tr("退出…"), objectName="end_button")
        self.details_button = QPushButton(self.tr("项目情况…"), objectName="details_button")
        self.details_button.setToolTip(self.tr("雨露计划的学校和年级、护林员的管护区域和考核结果等，打印在发放台账上"))
        self.model: PagedTableModel[EnrolmentRow, EnrolmentFilter] = PagedTableModel(
            ENROLMENT_SPEC, EnrolmentFilter(), self)
        self.table = QTableView(objectName="enrolments_table")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setColumnWidth(1, 150)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("项目：")))
        bar.addWidget(self.program_filter)
        bar.addWidget(self.current_only)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count_label)
        buttons = QHBoxLayout()
        buttons.addStretch()
        for b in (self.new_button, self.change_button, self.details_button, self.end_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _: self._timer.start())
        self.program_filter.currentIndexChanged.connect(lambda _: self.apply_filter())
        self.current_only.toggled.connect(lambda _: self.apply_filter())
        self.new_button.clicked.connect(self.new_enrolment)
        self.change_button.clicked.connect(self.change)
        self.end_button.clicked.connect(self.end)
        self.details_button.clicked.connect(self.edit_details)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.apply_filter()

    def set_area(self, area_id: int | None) -> None:
        self._area_id = area_id
        self.apply_filter()

    def refresh(self) -> None:
        self.apply_filter()

    def run_search(self) -> None:
        text = self.search.text().strip()
        self._household_ids = tuple(dict.fromkeys(h.household_id for h in search_people(text, limit=500))) \
            if text else None
        self.apply_filter()

    def apply_filter(self, select: int | None = None) -> None:
        self.model.set_filter(EnrolmentFilter(
            area_id=self._area_id, program_id=self.program_filter.currentData(),
            current_on=self.session.today() if self.current_only.isChecked() else None,
            household_ids=self._household_ids))
        self.count_label.setText(self.tr("共 {n} 条").format(n=f"{self.model.rowCount():,}"))
        row = self.model.row_of(select) if select is not None else None
        if row is not None:
            self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> EnrolmentRow | None:
        row = self.table.currentIndex().row()
        return self.model.row_value(row) if 0 <= row < self.model.rowCount() else None

    def _update_buttons(self) -> None:
        row = self.selected()
        open_ = row is not None and row.end_date is None
        self.change_button.setEnabled(open_)
        self.end_button.setEnabled(open_)
        self.details_button.setEnabled(open_ and row is not None and has_details(row.program_id))

    def new_enrolment(self) -> None:
        dialog = EnrolDialog(user=self.session.username, today=self.session.today(), parent=self)
        if dialog.exec():
            self.apply_filter(dialog.enrolment_id)

    def change(self) -> None:
        row = self.selected()
        assert row is not None
        dialog = EnrolDialog(user=self.session.username, today=self.session.today(), change=row, parent=self)
        if dialog.exec():
            self.apply_filter(dialog.enrolment_id)

    def edit_details(self) -> None:
        row = self.selected()
        if row is None or not has_details(row.program_id):
            return
        dialog = EnrolmentDetailsDialog(row, user=self.session.username, parent=self)
        if dialog.exec():
            self.apply_filter(row.id)

    def end(self) -> None:
        row, user, today = self.selected(), self.session.username, self.session.today()
        assert row is not None

        def act(d: StepDialog) -> Any:
            return end_enrolment(row.id, d.day(), d.reason_text(), user=user, today=today)

        dialog = StepDialog(self.tr("退出享受名单"), act, day=self.session.today(), parent=self,
                            note=self.tr("{name}户退出{program}：日期是最后享受的一天").format(
                                name=row.head_name, program=row.program), save_text=self.tr("退出(&S)"))
        if dialog.exec():
            self.apply_filter(row.id)
