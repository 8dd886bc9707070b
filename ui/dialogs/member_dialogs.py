"""Member changes and status changes: each asks for a date and a reason, kept as history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from suining_desk.domain.enums import HOUSEHOLD_STATUS, MEMBER_CHANGE_KINDS, REMOVED
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.rules.household import PersonInput
from suining_desk.services import households as hs

from ..dates import from_qdate
from ..widgets.buttons import save_cancel
from ..widgets.date_edits import date_edit
from ..widgets.person_form import PersonForm
from ..widgets.problem_label import ProblemLabel


class _ReasonDialog(QDialog):
    """A dialog with a date, a reason, a problems line and Save/Cancel."""

    def __init__(self, *, today: dt.date | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._today = today or dt.date.today()
        self.date = date_edit("date", self._today, minimum=None)
        self.reason = QLineEdit(objectName="reason")
        self.reason.setPlaceholderText(self.tr("必填，如：病故、出嫁、户口迁出"))
        self.problems = ProblemLabel()
        self.buttons, self.save_button = save_cancel(self, self.save)
        self.form = QFormLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self.update_save)

    def showEvent(self, event: QShowEvent) -> None:
        """The fields first, then Save and Cancel, in Tab order; the cursor in the first field."""
        super().showEvent(event)
        fields = [item.widget() for row in range(self.form.rowCount())
                  for role in (QFormLayout.ItemRole.FieldRole, QFormLayout.ItemRole.SpanningRole)
                  if (item := self.form.itemAt(row, role)) is not None and item.widget() is not None]
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        chain = [w for w in (*fields, self.save_button, cancel) if w is not None]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
        first = fields[0] if fields else None
        if first is not None and (self.focusWidget() is None or isinstance(self.focusWidget(), QPushButton)):
            first.setFocus()

    def update_save(self) -> None:
        self.save_button.setEnabled(bool(self.reason.text().strip()) and self.extra_valid())

    def extra_valid(self) -> bool:
        return True

    def chosen_date(self) -> dt.date:
        return from_qdate(self.date.date())

    def run_service(self, call: Callable[[], object]) -> None:
        try:
            call()
        except InvalidInput as exc:
            self.show_refusal(exc.problems)
            return
        self.accept()

    def show_refusal(self, problems: list[Problem]) -> None:
        self.problems.show_problems(problems)

    def save(self) -> None:
        raise NotImplementedError


class MemberExitDialog(_ReasonDialog):
    """死亡 / 婚出 / 迁出 / 其他减员: the person stays on record with the date and reason."""

    def __init__(self, person_id: int, person_name: str, *, user: str, today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(today=today, parent=parent)
        self.setWindowTitle(self.tr("成员减员：{name}").format(name=person_name))
        self._person_id, self._user = person_id, user
        self.kind = QComboBox(objectName="kind")
        for code in hs.EXIT_KINDS:
            self.kind.addItem(MEMBER_CHANGE_KINDS[code], code)
        self.form.addRow(self.tr("变动类型(&K)："), self.kind)
        self.form.addRow(self.tr("变动日期(&D)："), self.date)
        self.form.addRow(self.tr("原因(&R)："), self.reason)
        self.update_save()

    def save(self) -> None:
        if self.save_button.isEnabled():
            self.run_service(lambda: hs.record_member_exit(
                self._person_id, kind=self.kind.currentData(), date=self.chosen_date(),
                reason=self.reason.text(), user=self._user, today=self._today))


REINSTATE = "reinstate"  # the choice that undoes a 清退


class StatusDialog(_ReasonDialog):
    """脱贫 (with its year), 监测, back on the register, or 清退 (removed from the register):
    recorded with date and reason. A removed household can only be put back (撤销清退)."""

    def __init__(self, household_id: int, current: str, *, user: str, today: dt.date | None = None,
                 removed: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(today=today, parent=parent)
        self.setWindowTitle(self.tr("变更户状态"))
        self._household_id, self._user, self._removed = household_id, user, removed
        self.status = QComboBox(objectName="status")
        if removed:
            self.status.addItem(self.tr("恢复在册（撤销清退）"), REINSTATE)
        else:
            for code, label in HOUSEHOLD_STATUS.items():
                self.status.addItem(label, code)
            self.status.addItem(self.tr("清退（移出建档立卡）"), REMOVED)
            self.status.setCurrentIndex(self.status.findData("exited" if current == "poor" else current))
        self.year = QSpinBox(objectName="year")
        self.year.setRange(2014, self._today.year)
        self.year.setValue(self._today.year)
        self.form.addRow(self.tr("新状态(&T)："), self.status)
        self.form.addRow(self.tr("脱贫年度(&Y)："), self.year)
        self.form.addRow(self.tr("变更日期(&D)："), self.date)
        self.form.addRow(self.tr("原因(&R)："), self.reason)
        self.status.currentIndexChanged.connect(self._status_changed)
        self._status_changed()

    def _status_changed(self) -> None:
        self.year.setEnabled(self.status.currentData() == "exited")
        self.update_save()

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        status, day, reason = self.status.currentData(), self.chosen_date(), self.reason.text()
        user, today = self._user, self._today
        if status == REINSTATE:
            self.run_service(lambda: hs.reinstate_household(self._household_id, date=day, reason=reason, user=user,
                                                            today=today))
        elif status == REMOVED:
            self.run_service(lambda: hs.remove_household(self._household_id, date=day, reason=reason, user=user,
                                                         today=today))
        else:
            self.run_service(lambda: hs.change_status(
                self._household_id, status=status, year=self.year.value() if status == "exited" else None,
                date=day, reason=reason, user=user, today=today))


class PersonDialog(_ReasonDialog):
    """Add a member (birth, marriage, moving in) or correct a member's details."""

    def __init__(self, household_id: int, *, user: str, person_id: int | None = None,
                 initial: PersonInput | None = None, today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(today=today, parent=parent)
        self.setWindowTitle(self.tr("修改成员信息") if person_id else self.tr("新增成员"))
        self._household_id, self._person_id, self._user = household_id, person_id, user
        self.person_form = PersonForm(today=today)
        if initial is not None:
            self.person_form.set_value(initial)
        self.form.addRow(self.person_form)
        self.kind = QComboBox(objectName="kind")
        if person_id is None:
            for code in hs.JOIN_KINDS:
                self.kind.addItem(MEMBER_CHANGE_KINDS[code], code)
            self.form.addRow(self.tr("变动类型(&K)："), self.kind)
            self.form.addRow(self.tr("变动日期(&D)："), self.date)
        self.form.addRow(self.tr("原因(&R)："), self.reason)
        self.reason.setPlaceholderText(self.tr("必填，如：新生儿、婚入、姓名更正"))
        self.person_form.changed.connect(self.update_save)
        self.update_save()
        self.person_form.name.setFocus()

    def extra_valid(self) -> bool:
        return self.person_form.is_valid()

    def show_refusal(self, problems: list[Problem]) -> None:
        self.person_form.show_problems(problems)
        self.problems.show_problems([p for p in problems if (p.field or "") in ("", "reason", "relation")])

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        value = self.person_form.value()
        if self._person_id is None:
            self.run_service(lambda: hs.add_member(
                self._household_id, value, kind=self.kind.currentData(), date=self.chosen_date(),
                reason=self.reason.text(), user=self._user, today=self._today))
        else:
            person_id = self._person_id
            self.run_service(lambda: hs.update_person(person_id, value, user=self._user,
                                                      reason=self.reason.text(), today=self._today))
