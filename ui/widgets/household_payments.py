"""A household's aid: its enrolments (with their history) and its posted payments, for the
资金发放 tab of the household detail."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from suining_desk.domain.money import format_fen
from suining_desk.domain.periods import period_words
from suining_desk.services.enrolment_query import household_enrolments
from suining_desk.services.payment_query import household_payments

ENROLMENT_HEADERS = (
    QT_TRANSLATE_NOOP("HouseholdPaymentsView", "项目"), QT_TRANSLATE_NOOP("HouseholdPaymentsView", "享受人员"),
    QT_TRANSLATE_NOOP("HouseholdPaymentsView", "类别"), QT_TRANSLATE_NOOP("HouseholdPaymentsView", "人数"),
    QT_TRANSLATE_NOOP("HouseholdPaymentsView", "开始日期"), QT_TRANSLATE_NOOP("HouseholdPaymentsView", "终止日期"),
    QT_TRANSLATE_NOOP("HouseholdPaymentsView", "终止原因"),
)
PAYMENT_HEADERS = (
    QT_TRANSLATE_NOOP("HouseholdPaymentsView", "发放日期"), QT_TRANSLATE_NOOP("HouseholdPaymentsView", "项目"),
    QT_TRANSLATE_NOOP("HouseholdPaymentsView", "期间"), QT_TRANSLATE_NOOP("HouseholdPaymentsView", "享受人"),
    QT_TRANSLATE_NOOP("HouseholdPaymentsView", "人数"), QT_TRANSLATE_NOOP("HouseholdPaymentsView", "金额(元)"),
    QT_TRANSLATE_NOOP("HouseholdPaymentsView", "账号"), QT_TRANSLATE_NOOP("HouseholdPaymentsView", "类型"),
    QT_TRANSLATE_NOOP("HouseholdPaymentsView", "说明"), QT_TRANSLATE_NOOP("HouseholdPaymentsView", "记录号"),
)


def _table(headers: tuple[str, ...], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers), objectName=name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))


class HouseholdPaymentsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enrolments = _table(tuple(self.tr(str(h)) for h in ENROLMENT_HEADERS), "household_enrolments")
        self.payments = _table(tuple(self.tr(str(h)) for h in PAYMENT_HEADERS), "household_payments")
        self.total = QLabel(objectName="household_payment_total")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enrolments, 1)
        layout.addWidget(self.payments, 2)
        layout.addWidget(self.total)

    def show_household(self, household_id: int | None) -> int:
        """Fill both tables; returns the number of payments shown."""
        enrolments = household_enrolments(household_id) if household_id is not None else []
        payments = household_payments(household_id) if household_id is not None else []
        _fill(self.enrolments, [[e.program, e.person_name or self.tr("（全户）"), e.category, str(e.people),
                                 e.start_date.isoformat(), e.end_date.isoformat() if e.end_date else "",
                                 e.end_reason] for e in enrolments])
        _fill(self.payments, [[p.paid_date.isoformat() if p.paid_date else "", p.program, period_words(p.period),
                               p.person_name or p.payee_name, str(p.people), format_fen(p.amount_fen), p.bank_account,
                               p.kind, p.reason, str(p.id)] for p in payments])
        total = format_fen(sum(p.amount_fen for p in payments))
        self.total.setText(self.tr("共 {count} 笔，合计 {total} 元").format(count=len(payments), total=total)
                           if payments else "")
        return len(payments)
