"""审核上限 of a program (admins): the amount above which a one-off payment or an adjusted
line needs the reviewer's confirmation with a reason, from a date on; its history above."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from suining_desk.domain.money import format_fen
from suining_desk.domain.problems import InvalidInput
from suining_desk.services.caps import cap_history, set_cap
from suining_desk.services.programs import ProgramView

from ..dates import from_qdate
from ..widgets.buttons import save_cancel
from ..widgets.date_edits import date_edit
from ..widgets.inputs import MoneyEdit
from ..widgets.problem_label import ProblemLabel


class CapDialog(QDialog):
    def __init__(self, program: ProgramView, *, user: str, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cap_dialog")
        self.setWindowTitle(self.tr("审核上限：{name}").format(name=program.name))
        self._program, self._user = program, user
        history = cap_history(program.id)
        shown = "\n".join(self.tr("{date} 起 {amount} 元（{by}）").format(
            date=c.effective_from.isoformat(), amount=format_fen(c.amount_fen), by=c.recorded_by) for c in history)
        self.history = QLabel(shown or self.tr("尚未设置：不论多少都不需审核人另行确认"), objectName="cap_history")
        self.amount = MoneyEdit("amount", required=True)
        self.date = date_edit("effective_from", dt.date(today.year, today.month, 1))
        self.problems = ProblemLabel()
        self.problems.setObjectName("cap_problems")
        note = QLabel(self.tr(
            "一次性发放的金额、或调整后的发放金额超过审核上限的，审核人审核时须确认并填写理由（记入批次和审计日志）；"
            "审计检查“超过审核上限”列出这样发放的款项。一次性救助的补助标准仍是不能超过的单笔上限。"),
            objectName="note", wordWrap=True)
        form = QFormLayout()
        form.addRow(self.tr("历次设置："), self.history)
        form.addRow(self.tr("审核上限(元)(&M)："), self.amount)
        form.addRow(self.tr("执行起始日期(&D)："), self.date)
        self.buttons, self.save_button = save_cancel(self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        layout.activate()
        self.resize(480, self.heightForWidth(480) if self.hasHeightForWidth() else self.sizeHint().height())
        self.amount.setFocus()

    def save(self) -> None:
        fen, problems = self.amount.checked()
        if fen is None:
            self.problems.show_problems(problems)
            return
        try:
            set_cap(self._program.id, fen, effective_from=from_qdate(self.date.date()), user=self._user)
        except InvalidInput as exc:
            self.problems.show_problems(exc.problems)
            return
        self.accept()
