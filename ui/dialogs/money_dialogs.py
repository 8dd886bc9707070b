"""Small dialogs of the money pages: a step with a reason (and a date, an amount or an
account), and one line of one-off aid. Each calls one core service and shows its refusal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.services.batch_query import is_per_person
from suining_desk.services.household_detail import living_members

from ..dates import from_qdate
from ..widgets.date_edits import date_edit
from ..widgets.detail_fields import DetailFields
from ..widgets.household_picker import HouseholdPicker
from ..widgets.inputs import MoneyEdit
from ..widgets.problem_label import ProblemLabel


class _Dialog(QDialog):
    def _buttons(self, save_text: str) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(save_text)
        self.save_button.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        return buttons

    def save(self) -> None:
        raise NotImplementedError


class StepDialog(_Dialog):
    """A reason, and optionally a date, an amount and an account, handed to ``action``."""

    def __init__(self, title: str, action: Callable[[StepDialog], object], *, reason: str | None = "",
                 day: dt.date | None = None, amount_fen: int | None = None, account: str | None = None,
                 note: str = "", save_text: str = "", extra_rows: list[tuple[str, QWidget]] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("step_dialog")
        self.action = action
        self.result_value: object = None
        form = QFormLayout()
        if note:
            form.addRow(QLabel(note, objectName="note"))
        self.date = date_edit("date", day) if day is not None else None
        self.amount = MoneyEdit("amount", required=True) if amount_fen is not None else None
        self.account = QLineEdit(account or "", objectName="account") if account is not None else None
        self.reason = QLineEdit(reason or "", objectName="reason") if reason is not None else None
        for label, widget in extra_rows or []:
            form.addRow(label, widget)
        if self.date is not None:
            form.addRow(self.tr("日期(&D)："), self.date)
        if self.amount is not None:
            self.amount.set_fen(amount_fen or 0)
            form.addRow(self.tr("金额(元)(&M)："), self.amount)
        if self.account is not None:
            form.addRow(self.tr("一卡通账号："), self.account)
        if self.reason is not None:
            form.addRow(self.tr("原因(&R)："), self.reason)
        self.problems = ProblemLabel()
        self.problems.setObjectName("step_problems")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self._buttons(save_text or self.tr("确定(&S)")))
        (self.reason or self.amount or self.date or self.save_button).setFocus()

    def day(self) -> dt.date:
        assert self.date is not None
        return from_qdate(self.date.date())

    def amount_fen(self) -> int:
        assert self.amount is not None
        value, problems = self.amount.checked()
        if value is None:
            raise InvalidInput(problems)
        return value

    def reason_text(self) -> str:
        return self.reason.text() if self.reason is not None else ""

    def save(self) -> None:
        try:
            self.result_value = self.action(self)
        except InvalidInput as exc:
            self.problems.show_problems(exc.problems)
            return
        self.accept()


class OneOffLineDialog(_Dialog):
    """One payment of one-off aid: the household (and the person), amount, reason, scans."""

    def __init__(self, batch_id: int, *, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("登记一次性救助"))
        self.setObjectName("one_off_line_dialog")
        self.batch_id, self.user = batch_id, user
        self.payment_id: int | None = None
        self.files: list[Path] = []
        self.picker = HouseholdPicker()
        self.person = QComboBox(objectName="person")
        self.amount = MoneyEdit("amount", required=True)
        self.reason = QLineEdit(objectName="reason")
        self.reason.setPlaceholderText(self.tr("如：住院医疗救助（县人民医院，2018年11月）"))
        self.attach_button = QPushButton(self.tr("添加附件…"), objectName="attach_button")
        self.files_label = QLabel(objectName="files_label")
        self.clear_files_button = QPushButton(self.tr("清除附件"), objectName="clear_files_button")
        self.clear_files_button.setEnabled(False)
        self.problems = ProblemLabel()
        from suining_desk.services.aid_details import ON_PAYMENT, details_of
        from suining_desk.services.programs import program_of_batch

        spec = details_of(program_of_batch(batch_id).code)
        # How the amount was reached (医疗救助's costs and rate, 临时救助's type …): printed on the ledger.
        self.details = DetailFields(spec) if spec is not None and spec.on == ON_PAYMENT else None
        form = QFormLayout()
        form.addRow(self.tr("户(&H)："), self.picker)
        form.addRow(self.tr("享受人员："), self.person)
        if self.details is not None:  # in the dialog's own form, aligned with its other fields
            for label, field in self.details.rows:
                form.addRow(label, field)
        form.addRow(self.tr("金额(元)(&M)："), self.amount)
        form.addRow(self.tr("救助事由(&R)："), self.reason)
        files_row = QHBoxLayout()
        files_row.addWidget(self.files_label, 1)
        files_row.addWidget(self.clear_files_button)
        form.addRow(self.attach_button, files_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self._buttons(self.tr("登记(&S)")))
        self.picker.changed.connect(self._household_changed)
        self.attach_button.clicked.connect(self._choose_files)
        self.clear_files_button.clicked.connect(lambda: self.set_files([]))
        self.resize(560, 420 if self.details is not None else 360)

    def _household_changed(self) -> None:
        per_person = is_per_person(self.batch_id)
        self.person.clear()  # a per-person program (医疗救助) needs the person: no 全户 to choose
        self.person.addItem(self.tr("（请选择享受人员）") if per_person else self.tr("（全户）"), None)
        household = self.picker.household_id()
        if household is None:
            return
        for person in living_members(household):
            self.person.addItem(f"{person.name}（{person.relation}）", person.id)

    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("选择附件"), "",
                                                self.tr("照片或扫描件 (*.jpg *.jpeg *.png *.pdf);;所有文件 (*)"))
        self.set_files(self.files + [Path(n) for n in names])

    def set_files(self, files: list[Path]) -> None:
        """The scans to attach (a refused one can be cleared and chosen again)."""
        self.files = files
        self.files_label.setText("、".join(f.name for f in self.files))
        self.clear_files_button.setEnabled(bool(files))

    def save(self) -> None:
        from suining_desk.services.attachments import read_file
        from suining_desk.services.batches import add_one_off_line

        household = self.picker.household_id()
        amount, problems = self.amount.checked()
        if household is None:
            problems.append(Problem("required", {"label": "户"}))
        try:
            if problems or amount is None:
                raise InvalidInput(problems)
            files = [read_file(path) for path in self.files]  # the line and its scans: all or nothing
            self.payment_id = add_one_off_line(self.batch_id, household or 0, amount, self.reason.text(),
                                               user=self.user, person_id=self.person.currentData(),
                                               attachments=files,
                                               details=self.details.values() if self.details else None)
        except InvalidInput as exc:
            self.problems.show_problems(exc.problems)
            return
        self.accept()


class MonthLockDialog(QDialog):
    """Close a month (reviewers) or reopen it with a reason (admins); the history below."""

    def __init__(self, *, user: str, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QPlainTextEdit

        self.setWindowTitle(self.tr("月度关账"))
        self.setObjectName("month_lock_dialog")
        self.user = user
        self.month = QLineEdit(f"{today.year:04d}-{today.month:02d}", objectName="month")
        self.reason = QLineEdit(objectName="reason")
        self.history = QPlainTextEdit(objectName="history")
        self.history.setReadOnly(True)
        self.problems = ProblemLabel()
        self.close_button = QPushButton(self.tr("关账(&C)"), objectName="close_month_button")
        self.reopen_button = QPushButton(self.tr("重新开放(&O)"), objectName="reopen_month_button")
        form = QFormLayout()
        form.addRow(self.tr("月份(&M)："), self.month)
        form.addRow(self.tr("原因(&R)："), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.reopen_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("关账后，发放日期在该月的批次不能过账，也不能在该月冲销或重新发放；"
                                        "管理员可填写原因重新开放。")))
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.history, 1)
        layout.addWidget(buttons)
        self.close_button.clicked.connect(lambda: self._act(close=True))
        self.reopen_button.clicked.connect(lambda: self._act(close=False))
        self.resize(520, 420)
        self._show_history()

    def _show_history(self) -> None:
        from suining_desk.services.period_locks import closed_months, lock_history

        lines = [self.tr("已关账：{months}").format(months="、".join(closed_months()) or self.tr("（无）"))]
        for e in lock_history():
            action = self.tr("关账") if e.action == "lock" else self.tr("重新开放")
            lines.append(f"{e.at}　{e.period}　{action}　{e.by_user}　{e.reason}")
        self.history.setPlainText("\n".join(lines))

    def _act(self, *, close: bool) -> None:
        from suining_desk.services.period_locks import close_month, reopen_month

        try:
            if close:
                close_month(self.month.text(), user=self.user, reason=self.reason.text())
            else:
                reopen_month(self.month.text(), user=self.user, reason=self.reason.text())
        except InvalidInput as exc:
            self.problems.show_problems(exc.problems)
            return
        self.problems.show_problems([])
        self.reason.clear()
        self._show_history()
