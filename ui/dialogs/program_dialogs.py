"""The admin's dialogs of 项目与标准: a program (new or changed) and a new dated standard.

Each shows what the core would refuse as the admin types (in Chinese, under the form)
and keeps Save disabled until nothing is wrong; saving calls the core service, which
checks the role and the same rules again and writes the audit entry.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from suining_desk.domain.enums import FREQUENCIES, PROGRAM_BASIS
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.services.programs import (
    ProgramInput,
    ProgramView,
    add_standard,
    categories_of,
    program_problems,
    save_program,
    standard_problems,
)

from ..dates import from_qdate
from ..widgets.buttons import save_cancel
from ..widgets.date_edits import date_edit
from ..widgets.inputs import MoneyEdit
from ..widgets.problem_label import ProblemLabel
from .record_dialog import connect_all


def _choices(name: str, items: dict[str, str], current: str) -> QComboBox:
    box = QComboBox(objectName=name)
    for code, label in items.items():
        box.addItem(label, code)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


class ProgramDialog(QDialog):
    """新增项目 or 修改项目: code, Chinese name, basis, frequency, funding source."""

    def __init__(self, *, user: str, program: ProgramView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("program_dialog")
        self.setWindowTitle(self.tr("修改项目：{name}").format(name=program.name) if program else self.tr("新增项目"))
        self._user, self._editing = user, program
        self.program_id: int | None = program.id if program else None
        self.code = QLineEdit(program.code if program else "", objectName="code")
        self.code.setPlaceholderText(self.tr("小写字母开头，如 dibao、water_aid"))
        self.name = QLineEdit(program.name if program else "", objectName="name")
        self.name.setPlaceholderText(self.tr("如：农村最低生活保障"))
        self.basis = _choices("basis", PROGRAM_BASIS, program.basis if program else "household")
        self.frequency = _choices("frequency", FREQUENCIES, program.frequency if program else "monthly")
        self.funding = QLineEdit(program.funding_source if program else "", objectName="funding_source")
        self.funding.setPlaceholderText(self.tr("如：中央和省级财政"))
        self.problems = ProblemLabel()
        self.problems.setObjectName("program_problems")
        form = QFormLayout()
        form.addRow(self.tr("项目代码(&C)："), self.code)
        form.addRow(self.tr("项目名称(&N)："), self.name)
        form.addRow(self.tr("发放对象(&B)："), self.basis)
        form.addRow(self.tr("发放周期(&F)："), self.frequency)
        form.addRow(self.tr("资金来源(&U)："), self.funding)
        self.buttons, self.save_button = save_cancel(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        connect_all(self.refresh, self.code.textChanged, self.name.textChanged, self.basis.currentIndexChanged,
                    self.frequency.currentIndexChanged, self.funding.textChanged)
        self.resize(460, 0)
        self.refresh()
        (self.name if program else self.code).setFocus()

    def entered(self) -> ProgramInput:
        return ProgramInput(code=self.code.text().strip(), name=self.name.text().strip(),
                            basis=str(self.basis.currentData()), frequency=str(self.frequency.currentData()),
                            funding_source=self.funding.text(),
                            active=self._editing.active if self._editing else True)

    def refresh(self) -> None:
        problems = program_problems(self.entered(), self.program_id)
        # A field not typed in yet is not "wrong" yet: Save stays disabled, nothing is shown.
        untouched = {f for f, w in (("code", self.code), ("name", self.name)) if not w.text().strip()}
        self.problems.show_problems([p for p in problems if p.field not in untouched])
        self.save_button.setEnabled(not any(p.is_error for p in problems))

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        try:
            self.program_id = save_program(self.entered(), user=self._user, program_id=self.program_id)
        except InvalidInput as exc:
            self.problems.show_problems(exc.problems)
            return
        self.accept()


class StandardDialog(QDialog):
    """新增标准: a category (A/B/C …, or none), the amount in yuan and the day it takes effect."""

    def __init__(self, program: ProgramView, *, user: str, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("standard_dialog")
        self.setWindowTitle(self.tr("新增标准：{name}").format(name=program.name))
        self._program, self._user = program, user
        self.standard_id: int | None = None
        self.category = QComboBox(objectName="category")
        self.category.setEditable(True)
        self.category.addItems(categories_of(program.id))
        editor = self.category.lineEdit()
        assert editor is not None  # an editable combo box has one
        editor.setPlaceholderText(self.tr("如 A、B、C；不分类别可不填"))
        self.amount = MoneyEdit("amount", required=True)
        self.date = date_edit("effective_from", dt.date(today.year, today.month, 1))
        unit = self.tr("一次性救助为单笔上限") if program.one_off else self.tr("每{basis}每期").format(
            basis=self.tr("人") if program.basis == "person" else self.tr("户"))
        self.problems = ProblemLabel()
        self.problems.setObjectName("standard_problems")
        form = QFormLayout()
        form.addRow(QLabel(self.tr("从所填日期起执行，此前的批次仍按原标准；标准不修改，调整时另设一条。"),
                           objectName="note", wordWrap=True))
        form.addRow(self.tr("类别(&K)："), self.category)
        form.addRow(self.tr("标准(元)(&M)："), self.amount)
        form.addRow("", QLabel(unit, objectName="unit"))
        form.addRow(self.tr("执行起始日期(&D)："), self.date)
        self.buttons, self.save_button = save_cancel(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        connect_all(self.refresh, self.category.currentTextChanged, self.amount.textChanged, self.date.dateChanged)
        self.resize(460, 0)
        self.refresh()
        self.amount.setFocus()

    def effective_from(self) -> dt.date:
        return from_qdate(self.date.date())

    def current_problems(self) -> list[Problem]:
        fen, amount_problems = self.amount.checked()
        problems = [Problem(p.code, p.params, p.severity, field="amount") for p in amount_problems]
        return problems + standard_problems(self._program.id, self.category.currentText(), fen,
                                            self.effective_from())

    def refresh(self) -> None:
        problems = self.current_problems()
        quiet = [p for p in problems if not (p.field == "amount" and not self.amount.text().strip())]
        self.problems.show_problems(quiet)
        self.save_button.setEnabled(not any(p.is_error for p in problems))

    def save(self) -> None:
        fen = self.amount.fen()
        if not self.save_button.isEnabled() or fen is None:
            return
        try:
            self.standard_id = add_standard(self._program.id, self.category.currentText(), fen,
                                            self.effective_from(), user=self._user)
        except InvalidInput as exc:
            self.problems.show_problems(exc.problems)
            return
        self.accept()
