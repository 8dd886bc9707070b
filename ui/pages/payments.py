"""资金发放: every posted payment of the chosen area, program and period, with the count
and the sum in the footer (the same figures as ``suining-desk payment totals``), and the
corrections of one payment."""

from __future__ import annotations

import threading
from array import array

from PySide6.QtCore import QItemSelection, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from suining_desk.domain.money import fen_to_capitals, format_fen
from suining_desk.domain.periods import period_words
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.services import corrections
from suining_desk.services.household_detail import bank_account_of
from suining_desk.services.payment_query import (
    PaymentColumn,
    PaymentFilter,
    PaymentRow,
    payment_ids,
    periods_with_payments,
)
from suining_desk.services.programs import program_choices
from suining_desk.services.search import search_people

from .. import tasks
from ..dialogs.money_dialogs import StepDialog
from ..models.payment_table import PaymentTableModel
from ..session import Session
from ..tasks import show_error
from ..widgets.inputs import search_shortcut
from .record_page import filter_combo

SEARCH_DELAY_MS = 250
COLUMN_WIDTHS = (60, 85, 95, 85, 65, 130, 120, 150, 40, 70, 90, 150, 190, 60, 200)
# 金额 shown right after 领款人 (the model's column order stays): in 1280 × 800 it is on screen.
SHOWN_AFTER_PAYEE = (PaymentColumn.AMOUNT, PaymentColumn.PEOPLE, PaymentColumn.STANDARD)


class PaymentsPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._area_id: int | None = None
        self._household_ids: tuple[int, ...] | None = None
        self.error_box: QMessageBox | None = None
        self.program_filter = filter_combo("program_filter", [(n, i) for i, n in program_choices(active_only=False)])
        year = session.today().year
        self.year_filter = filter_combo("year_filter", [(self.tr("{y}年").format(y=y), y)
                                                        for y in range(year, 2013, -1)])
        self.period_filter = filter_combo("period_filter", [])
        self.search = QLineEdit(objectName="search")
        self.search.setPlaceholderText(self.tr("搜索：姓名、拼音首字母、身份证号后几位、户编号　Ctrl+F"))
        self.search.setClearButtonEnabled(True)
        search_shortcut(self, self.search)
        self.model = PaymentTableModel(self)
        self.table = QTableView(objectName="payments_table")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(2, Qt.SortOrder.AscendingOrder)  # by program and period
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(22)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        header = self.table.horizontalHeader()
        for offset, column in enumerate(SHOWN_AFTER_PAYEE, start=1):
            header.moveSection(header.visualIndex(column), header.visualIndex(PaymentColumn.PAYEE) + offset)
        self.footer = QLabel(objectName="footer")
        self.footer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reverse_button = QPushButton(self.tr("冲销…"), objectName="reverse_button")
        self.reissue_button = QPushButton(self.tr("重新发放…"), objectName="reissue_button")
        bar = QHBoxLayout()
        for label, box in ((self.tr("项目："), self.program_filter), (self.tr("年度："), self.year_filter),
                           (self.tr("期间："), self.period_filter)):
            bar.addWidget(QLabel(label))
            bar.addWidget(box)
        bar.addWidget(self.search, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.footer, 1)
        bottom.addWidget(self.reverse_button)
        bottom.addWidget(self.reissue_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.program_filter.currentIndexChanged.connect(self._periods_changed)
        self.year_filter.currentIndexChanged.connect(self._periods_changed)
        self.period_filter.currentIndexChanged.connect(lambda _: self.apply_filter())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.reverse_button.clicked.connect(self.reverse)
        self.reissue_button.clicked.connect(self.reissue)
        self.model.sort_wanted.connect(self._sort_in_background)
        self._periods_changed()

    def set_area(self, area_id: int | None) -> None:
        self._area_id = area_id
        self.apply_filter()

    def refresh(self) -> None:
        self.apply_filter()

    def current_filter(self) -> PaymentFilter:
        return PaymentFilter(area_id=self._area_id, program_id=self.program_filter.currentData(),
                             year=self.year_filter.currentData(), period=self.period_filter.currentData(),
                             household_ids=self._household_ids)

    def _periods_changed(self) -> None:
        self.period_filter.blockSignals(True)
        self.period_filter.clear()
        self.period_filter.addItem(self.tr("全部"), None)
        if self.year_filter.currentData() is not None:
            for label in periods_with_payments(self.program_filter.currentData(), self.year_filter.currentData()):
                self.period_filter.addItem(period_words(label), label)
        self.period_filter.blockSignals(False)
        self.apply_filter()

    def run_search(self) -> None:
        text = self.search.text().strip()
        self._household_ids = tuple(dict.fromkeys(h.household_id for h in search_people(text, limit=500))) \
            if text else None
        self.apply_filter()

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())
        totals = self.model.totals
        self.footer.setText(self.tr("共 {count} 笔　合计 {total} 元（{capitals}）").format(
            count=f"{totals.payments:,}", total=format_fen(totals.total_fen),
            capitals=fen_to_capitals(totals.total_fen)))
        self._update_buttons()

    def _sort_in_background(self) -> None:
        """A sort over more rows than the model sorts on the spot: with progress and cancel.
        Cancelled, the list goes back to its indexed order (program and period). The progress
        dialog is modal, so no other sort or filter is asked for meanwhile; a result that no
        longer fits is dropped by the model anyway."""
        wanted = self.model.wanted_sort()
        f, sort, descending = wanted

        def work(progress: tasks.ProgressFn, cancel: threading.Event) -> array[int]:
            progress(self.tr("正在排序 {count} 笔…").format(count=f"{self.model.totals.payments:,}"), 0.0)
            return payment_ids(f, sort, descending, cancel=cancel)

        def cancelled() -> None:
            if self.model.wanted_sort() == wanted:  # sorts the model back too
                self.table.horizontalHeader().setSortIndicator(PaymentColumn.PROGRAM, Qt.SortOrder.AscendingOrder)

        tasks.run_with_progress(self, self.tr("排序"), work, lambda ids: self.model.use_sorted(wanted, ids),
                                on_cancel=cancelled)

    # --- one payment ---
    def selected(self) -> PaymentRow | None:
        row = self.table.currentIndex().row()
        return self.model.row_value(row) if row >= 0 else None

    def _selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.selected()
        standing = row is not None and row.amount_fen > 0 and row.reverses_id is None
        state = corrections.payment_state(row.id) if row is not None and standing else None
        reviewer = self.session.at_least("reviewer")
        self.reverse_button.setEnabled(reviewer and state is not None and state.reversed_by is None)
        self.reissue_button.setEnabled(reviewer and state is not None and state.reissued_by is None)

    def _after(self, payment_id: int | None) -> None:
        current = self.table.currentIndex().row()
        self.apply_filter()
        if payment_id is not None and current >= 0:
            self.table.selectRow(min(current, self.model.rowCount() - 1))

    def reverse(self) -> None:
        row, user, today = self.selected(), self.session.username, self.session.today()
        assert row is not None
        dialog = StepDialog(self.tr("冲销"), lambda d: corrections.reverse_payment(
            row.id, d.reason_text(), user=user, on=d.day(), today=today), day=today, parent=self,
            note=self.tr("冲销 {name} {amount} 元（{period}）：新增一笔负数记录，原记录保留").format(
                name=row.payee_name, amount=format_fen(row.amount_fen), period=period_words(row.period)),
            save_text=self.tr("冲销(&S)"))
        if dialog.exec():
            self._after(row.id)

    def reissue(self) -> None:
        row, user, today = self.selected(), self.session.username, self.session.today()
        assert row is not None
        state = corrections.payment_state(row.id)
        account = bank_account_of(row.household_id)

        def act(d: StepDialog) -> object:
            if state.reversed_by is None and not d.reason_text().strip():  # it is reversed first, for this reason
                raise InvalidInput([Problem("required", {"label": self.tr("原因")}, field="reason")])
            return corrections.reissue_payment(row.id, d.reason_text(), user=user, on=d.day(), today=today,
                                               bank_account=d.account.text() if d.account else None,
                                               reverse_reason=d.reason_text())

        dialog = StepDialog(self.tr("重新发放"), act, day=today, account=account, parent=self,
                            note=self.tr("尚未冲销的会先在所填日期冲销；重新发放的一笔进入“重新发放”批次草稿，"
                                         "提交、由另一人审核后过账才发放"),
                            save_text=self.tr("加入重新发放批次(&S)"))
        try:
            if dialog.exec():
                self._after(row.id)
        except InvalidInput as exc:
            self.error_box = show_error(self, self.tr("重新发放"), exc)
