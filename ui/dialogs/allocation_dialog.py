"""资金下达 (an admin): record money allotted to a program for a year, or void one recorded
in error. The core checks the role and the rules again and logs each step."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from suining_desk.domain.enums import FUND_LEVELS
from suining_desk.domain.money import format_fen
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.services.allocations import (
    AllocationInput,
    AllocationView,
    add_allocation,
    allocation_problems,
    void_allocation,
)
from suining_desk.services.programs import ProgramView

from ..dates import from_qdate
from ..widgets.buttons import save_cancel
from ..widgets.date_edits import date_edit
from ..widgets.inputs import MoneyEdit
from ..widgets.problem_label import ProblemLabel
from .record_dialog import connect_all


class AllocationDialog(QDialog):
    """新增资金下达: year, level, amount, 文号 and the document's date."""

    def __init__(self, program: ProgramView, *, user: str, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("allocation_dialog")
        self.setWindowTitle(self.tr("登记资金下达：{name}").format(name=program.name))
        self._program, self._user, self._today = program, user, today
        self.allocation_id: int | None = None
        self.year = QSpinBox(objectName="year")
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.level = QComboBox(objectName="level")
        labels = {"central": self.tr("中央"), "province": self.tr("省级"), "city": self.tr("市级"),
                  "county": self.tr("县级")}
        for code in FUND_LEVELS:
            self.level.addItem(labels[code], code)
        self.amount = MoneyEdit("amount", required=True)
        self.doc_no = QLineEdit(objectName="doc_no")
        self.doc_no.setPlaceholderText(self.tr("如 湘财社〔2018〕12号"))
        self.dated = QCheckBox(self.tr("文件日期："), objectName="dated")
        self.dated.setChecked(True)
        self.issued_on = date_edit("issued_on", today)
        self.problems = ProblemLabel()
        self.problems.setObjectName("allocation_problems")
        form = QFormLayout()
        form.addRow(QLabel(self.tr("资金下达登记后不能修改；登记错了可以作废（须填原因），再重新登记。"),
                           objectName="note", wordWrap=True))
        form.addRow(self.tr("资金年度(&Y)："), self.year)
        form.addRow(self.tr("资金级别(&L)："), self.level)
        form.addRow(self.tr("下达金额(元)(&M)："), self.amount)
        form.addRow(self.tr("文号(&D)："), self.doc_no)
        form.addRow(self.dated, self.issued_on)
        self.buttons, self.save_button = save_cancel(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        connect_all(self.refresh, self.year.valueChanged, self.level.currentIndexChanged, self.amount.textChanged,
                    self.doc_no.textChanged, self.dated.toggled, self.issued_on.dateChanged)
        self.dated.toggled.connect(self.issued_on.setEnabled)
        self.resize(460, 0)
        self.refresh()
        self.amount.setFocus()

    def entered(self) -> AllocationInput | None:
        fen = self.amount.fen()
        if fen is None:
            return None
        issued = from_qdate(self.issued_on.date()) if self.dated.isChecked() else None
        return AllocationInput(self._program.id, self.year.value(), str(self.level.currentData()), fen,
                               self.doc_no.text(), issued)

    def current_problems(self) -> list[Problem]:
        _, amount_problems = self.amount.checked()
        problems = [Problem(p.code, p.params, p.severity, field="amount") for p in amount_problems]
        entered = self.entered()
        if entered is not None:
            problems += allocation_problems(entered, today=self._today)
        return problems

    def refresh(self) -> None:
        problems = self.current_problems()
        untouched = {f for f, w in (("amount", self.amount), ("doc_no", self.doc_no)) if not w.text().strip()}
        self.problems.show_problems([p for p in problems if p.field not in untouched])
        self.save_button.setEnabled(self.entered() is not None and not any(p.is_error for p in problems))

    def save(self) -> None:
        entered = self.entered()
        if not self.save_button.isEnabled() or entered is None:
            return
        try:
            self.allocation_id = add_allocation(entered, user=self._user, today=self._today)
        except InvalidInput as exc:
            self.problems.show_problems(exc.problems)
            return
        self.accept()


class VoidAllocationDialog(QDialog):
    """作废资金下达: the reason is required and logged."""

    def __init__(self, allocation: AllocationView, *, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("void_allocation_dialog")
        self.setWindowTitle(self.tr("作废资金下达"))
        self._allocation, self._user = allocation, user
        self.reason = QLineEdit(objectName="reason")
        self.reason.setPlaceholderText(self.tr("如：金额录错，已重新登记"))
        self.problems = ProblemLabel()
        form = QFormLayout()
        form.addRow(QLabel(self.tr("{doc}，{year}年，{level}，{amount}元").format(
            doc=allocation.doc_no, year=allocation.year, level=allocation.level_label,
            amount=format_fen(allocation.amount_fen)), wordWrap=True))
        form.addRow(self.tr("作废原因(&R)："), self.reason)
        self.buttons, self.save_button = save_cancel(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(lambda text: self.save_button.setEnabled(bool(text.strip())))
        self.save_button.setEnabled(False)
        self.resize(420, 0)

    def save(self) -> None:
        try:
            void_allocation(self._allocation.id, self.reason.text(), user=self._user)
        except InvalidInput as exc:
            self.problems.show_problems(exc.problems)
            return
        self.accept()
