"""Enrol a household (or one of its members) in a program, or change an enrolment's
category or people from a date (the old one ends the day before, history stays)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from suining_desk.domain.problems import InvalidInput
from suining_desk.services import enrolments as es
from suining_desk.services.aid_details import ON_ENROLMENT, details_of, encode, parse_details
from suining_desk.services.enrolment_query import EnrolmentRow
from suining_desk.services.household_detail import living_members
from suining_desk.services.programs import categories_of, program, programs

from ..dates import from_qdate
from ..widgets.date_edits import date_edit
from ..widgets.detail_fields import DetailFields
from ..widgets.household_picker import HouseholdPicker
from ..widgets.problem_label import ProblemLabel


class EnrolDialog(QDialog):
    def __init__(self, *, user: str, today: dt.date, change: EnrolmentRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user, self.change = user, change
        self.enrolment_id: int | None = None
        self.setObjectName("enrol_dialog")
        self.setWindowTitle(self.tr("变更享受类别或人数") if change else self.tr("纳入享受名单"))
        self.program = QComboBox(objectName="program")
        for p in programs(active_only=True):
            if not p.one_off:
                self.program.addItem(p.name, p.id)
        self.picker = HouseholdPicker(fixed=(change.household_id, f"{change.head_name}户　{change.household_no}")
                                      if change else None)
        self.person = QComboBox(objectName="person")
        self.category = QComboBox(objectName="category")
        self.people = QSpinBox(objectName="people")
        self.people.setRange(1, es.MAX_PEOPLE)
        self.start = date_edit("start", today.replace(day=1))
        self.reason = QLineEdit(objectName="reason")
        self.problems = ProblemLabel()
        # The program's facts about the beneficiary (雨露计划's school, a ranger's patrol area …),
        # copied onto each payment computed from the enrolment.
        self.details_box = QWidget(objectName="details_box")
        self.details_layout = QVBoxLayout(self.details_box)
        self.details_layout.setContentsMargins(0, 0, 0, 0)
        self.details: DetailFields | None = None
        form = QFormLayout()
        form.addRow(self.tr("项目(&G)："), self.program)
        form.addRow(self.tr("户(&H)："), self.picker)
        form.addRow(self.tr("享受人员："), self.person)
        form.addRow(self.tr("类别(&C)："), self.category)
        form.addRow(self.tr("享受人数(&P)："), self.people)
        form.addRow(self.details_box)
        form.addRow(self.tr("变更起始日期：") if change else self.tr("开始日期(&D)："), self.start)
        if change:
            form.addRow(self.tr("变更原因(&R)："), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存(&S)"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("按户享受的（如低保）不选人员，填享受人数；按人享受的（如残疾人补贴）选人员。")))
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self.program.currentIndexChanged.connect(self._program_changed)
        self.picker.changed.connect(self._household_changed)
        self.person.currentIndexChanged.connect(lambda _: self._person_changed())
        if change:
            self.program.setCurrentIndex(max(self.program.findData(change.program_id), 0))
            self.program.setEnabled(False)
            self.person.setEnabled(False)
        self._program_changed()
        self._household_changed()
        if change:
            self.category.setCurrentText(change.category)
            self.people.setValue(change.people)

    def _program_changed(self) -> None:
        self.category.clear()
        program_id = self.program.currentData()
        for c in categories_of(program_id) if program_id is not None else []:
            self.category.addItem(c or self.tr("（无）"), c)
        if self.details is not None:
            self.details.deleteLater()
            self.details = None
        spec = details_of(program(program_id).code) if program_id is not None else None
        if spec is not None and spec.on == ON_ENROLMENT and self.change is None:
            self.details = DetailFields(spec)
            self.details_layout.addWidget(self.details)
        self.details_box.setVisible(self.details is not None)

    def _household_changed(self) -> None:
        self.person.clear()
        self.person.addItem(self.tr("（全户）"), None)
        household = self.picker.household_id()
        if household is None:
            return
        for person in living_members(household):
            self.person.addItem(f"{person.name}（{person.relation}）", person.id)
        if self.change is not None and self.change.person_id is not None:
            self.person.setCurrentIndex(max(self.person.findData(self.change.person_id), 0))
        self._person_changed()

    def _person_changed(self) -> None:
        """A new enrolment of the whole household covers its members (the clerk may lower it); one
        person's covers one. Left as it is when an enrolment is being changed."""
        if self.change is None and self.picker.household_id() is not None:
            whole = self.person.currentData() is None
            self.people.setValue(max(self.person.count() - 1, 1) if whole else 1)

    def save(self) -> None:
        category = self.category.currentData() or ""
        try:
            if self.change is not None:
                self.enrolment_id = es.change_enrolment(self.change.id, category=category, people=self.people.value(),
                                                        from_date=from_qdate(self.start.date()),
                                                        reason=self.reason.text(), user=self.user)
            else:
                household = self.picker.household_id()
                if household is None:
                    from suining_desk.domain.problems import Problem

                    raise InvalidInput([Problem("required", {"label": "户"})])
                chosen = program(self.program.currentData())
                facts, problems = parse_details(chosen.code, self.details.values() if self.details else {})
                if problems:
                    raise InvalidInput(problems)
                self.enrolment_id = es.enrol(es.EnrolmentInput(
                    self.program.currentData(), household, self.person.currentData(), category,
                    self.people.value(), from_qdate(self.start.date()), encode(facts)), user=self.user)
        except InvalidInput as exc:
            self.problems.show_problems(exc.problems)
            return
        self.accept()


def has_details(program_id: int) -> bool:
    """Whether the program records facts on its enrolments (雨露计划, 生态护林员)."""
    spec = details_of(program(program_id).code)
    return spec is not None and spec.on == ON_ENROLMENT


class EnrolmentDetailsDialog(QDialog):
    """项目情况: the program's facts of an enrolment as they now are (a student's new grade, a
    ranger's appraisal this year); payments computed from then on carry them."""

    def __init__(self, enrolment: EnrolmentRow, *, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("enrolment_details_dialog")
        self.setWindowTitle(self.tr("项目情况：{name}").format(name=enrolment.person_name or enrolment.head_name))
        self.enrolment, self.user = enrolment, user
        spec = details_of(program(enrolment.program_id).code)
        if spec is None or spec.on != ON_ENROLMENT:
            raise ValueError(f"{enrolment.program} records nothing on its enrolments")
        self.details = DetailFields(spec)
        self.details.set_values(es.enrolment_details(enrolment.id))
        self.problems = ProblemLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存(&S)"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        note = self.tr("此后生成的发放批次按这里的情况打印；已生成的发放保留当时的情况。")
        layout.addWidget(QLabel(note, wordWrap=True))
        layout.addWidget(self.details)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            es.set_enrolment_details(self.enrolment.id, self.details.values(), user=self.user)
        except InvalidInput as exc:
            self.problems.show_problems(exc.problems)
            return
        self.accept()
