"""One status step of a relocation or renovation, with its date (and, for acceptance, who
inspected, the conclusion and the subsidy). The core refuses skipped steps and dates out of order."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from suining_desk.domain.enums import ACCEPTANCE_PASSED, ACCEPTANCE_RESULTS
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.rules.housing import STEP_DATES
from suining_desk.services import relocations as rs
from suining_desk.services import renovations as ns
from suining_desk.services.housing_kinds import HOUSING

from ..dates import from_qdate
from ..widgets.buttons import save_cancel
from ..widgets.date_edits import date_edit
from ..widgets.inputs import MoneyEdit
from ..widgets.problem_label import ProblemLabel
from .record_dialog import connect_all


class StepDialog(QDialog):
    def __init__(self, kind: str, record_id: int, status: str, to: str, *, user: str, today: dt.date | None = None,
                 standard_fen: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind, self.record_id, self.to = kind, record_id, to
        self._user = user
        self._today = today or dt.date.today()
        self.outcome: str | None = None  # the status after saving
        labels = HOUSING[kind].statuses
        self.setWindowTitle(self.tr("登记：{status}").format(status=labels[to]))
        self.date = date_edit("date", self._today)
        self.note = QLineEdit(objectName="note")
        self.accepted_by = QLineEdit(objectName="accepted_by")
        self.accepted_by.setPlaceholderText(self.tr("如：县住建局验收组 张三"))
        self.conclusion = QComboBox(objectName="conclusion")
        self.conclusion.setEditable(True)
        self.conclusion.addItems(list(ACCEPTANCE_RESULTS))
        self.subsidy = MoneyEdit("subsidy")
        self.subsidy.set_fen(standard_fen)
        self.problems = ProblemLabel()
        self.problems.setObjectName("step_problems")
        form = QFormLayout()
        form.addRow(self.tr("当前状态："), QLabel(f"{labels[status]}　→　{labels[to]}", objectName="step"))
        form.addRow(self.tr("{step}日期(&D)：").format(step=STEP_DATES.get(to, "")), self.date)
        self.accepting = kind == "renovation" and to == "accepted"
        if self.accepting:
            form.addRow(self.tr("验收人(&B)："), self.accepted_by)
            form.addRow(self.tr("验收结论(&R)："), self.conclusion)
            form.addRow(self.tr("补助金额(元)："), self.subsidy)
        else:
            form.addRow(self.tr("说明："), self.note)
        self.buttons, self.save_button = save_cancel(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        connect_all(self.refresh, self.date.dateChanged, self.accepted_by.textChanged,
                    self.conclusion.currentTextChanged, self.subsidy.textChanged)
        self.refresh()
        (self.accepted_by if self.accepting else self.date).setFocus()

    def chosen_date(self) -> dt.date:
        return from_qdate(self.date.date())

    def _subsidy(self) -> tuple[int, list[Problem]]:
        if not self.accepting or self.conclusion.currentText().strip() != ACCEPTANCE_PASSED:
            return 0, []
        value, problems = self.subsidy.checked()
        return value or 0, [Problem(p.code, p.params, p.severity, field="subsidy") for p in problems]

    def current_problems(self) -> list[Problem]:
        if self.kind == "relocation":
            return rs.relocation_step_problems(self.record_id, self.to, self.chosen_date(), today=self._today)
        subsidy, problems = self._subsidy()
        return problems + ns.renovation_step_problems(
            self.record_id, self.to, self.chosen_date(), accepted_by=self.accepted_by.text(),
            result=self.conclusion.currentText(), subsidy_fen=subsidy, today=self._today)

    def refresh(self) -> None:
        self.subsidy.setEnabled(self.conclusion.currentText().strip() == ACCEPTANCE_PASSED)
        problems = self.current_problems()
        quiet = [p for p in problems if not (p.field == "accepted_by" and not self.accepted_by.text())]
        self.problems.show_problems(quiet)
        self.save_button.setEnabled(not any(p.is_error for p in problems))

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        try:
            if self.kind == "relocation":
                rs.advance_relocation(self.record_id, to=self.to, date=self.chosen_date(), user=self._user,
                                      note=self.note.text(), today=self._today)
                self.outcome = self.to
            else:
                self.outcome = ns.advance_renovation(
                    self.record_id, to=self.to, date=self.chosen_date(), user=self._user,
                    accepted_by=self.accepted_by.text(), result=self.conclusion.currentText(),
                    subsidy_fen=self._subsidy()[0], today=self._today)
        except InvalidInput as exc:
            self.problems.show_problems(exc.problems)
            return
        self.accept()
