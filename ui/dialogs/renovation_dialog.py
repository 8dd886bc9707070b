"""Record a housing renovation (危房改造) or edit one; start, completion and acceptance
are steps of their own, and the subsidy opens only after a passed acceptance."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from suining_desk.domain.enums import (
    ACCEPTANCE_PASSED,
    RENOVATION_BENEFICIARIES,
    RENOVATION_BUILD_MODES,
    RENOVATION_GRADES,
    RENOVATION_METHODS,
)
from suining_desk.domain.problems import Problem
from suining_desk.rules.housing import FIRST_RENOVATION_YEAR, REPAIR, RenovationInput
from suining_desk.services import renovations as ns

from ..widgets.date_edits import OptionalDate
from ..widgets.household_picker import HouseholdPicker
from ..widgets.inputs import AreaEdit, MoneyEdit
from .record_dialog import HousingRecordDialog, connect_all


def _combo(name: str, items: list[tuple[str, str]]) -> QComboBox:
    box = QComboBox(objectName=name)
    for label, code in items:
        box.addItem(label, code)
    return box


class RenovationDialog(HousingRecordDialog):
    def __init__(self, *, user: str, today: dt.date | None = None, renovation_id: int | None = None,
                 initial: RenovationInput | None = None, household: tuple[int, str] | None = None,
                 accepted: tuple[str, str] = ("planned", ""), parent: QWidget | None = None) -> None:
        title = RenovationDialog.tr("修改危改记录") if renovation_id else RenovationDialog.tr("新增危房改造")
        super().__init__(title, user=user, today=today, parent=parent)
        self.record_id = renovation_id
        today = self._today
        self.household = HouseholdPicker(fixed=household if renovation_id else None)
        self.year = QSpinBox(objectName="year")
        self.year.setRange(FIRST_RENOVATION_YEAR, today.year + 1)
        self.year.setValue(today.year)
        self.beneficiary_type = _combo("beneficiary_type", [(b, b) for b in RENOVATION_BENEFICIARIES])
        self.grade = _combo("grade", [(label, code) for code, label in RENOVATION_GRADES.items()])
        self.grade.setCurrentIndex(self.grade.findData("D"))
        self.method = _combo("method", [(m, m) for m in RENOVATION_METHODS])
        self.method.setCurrentText("拆除重建")
        self.build_mode = _combo("build_mode", [(label, code) for code, label in RENOVATION_BUILD_MODES.items()])
        self.area = AreaEdit("area")
        self.standard = MoneyEdit("standard")
        self.subsidy = MoneyEdit("subsidy")
        status, result = accepted
        self._passed = status == "accepted" and result == ACCEPTANCE_PASSED
        self.subsidy.setEnabled(self._passed)
        if not self._passed:
            self.subsidy.setPlaceholderText(self.tr("竣工验收合格后填写"))
        self.notes = QLineEdit(objectName="notes")
        self.appraised_by = QLineEdit(objectName="appraised_by")
        self.appraised_by.setPlaceholderText(self.tr("如：县住建局（危房鉴定组）"))
        self.appraised_on = OptionalDate("appraised_on", self.tr("已鉴定"), today)
        self.paid_on = OptionalDate("paid_on", self.tr("已发放"), today)
        self.paid_on.setToolTip(self.tr("验收合格后发放；验收后超过30天发放的会标出"))
        self.appraised_on.set_value(None)  # not known until typed
        self.paid_on.set_value(None)

        self.add_row(self.tr("农户(&H)："), self.household, "household")
        self.add_row(self.tr("改造年度："), self.year, "year")
        self.add_row(self.tr("户类型："), self.beneficiary_type, "beneficiary_type")
        self.add_row(self.tr("危房等级(&G)："), self.grade, "grade")
        self.add_row(self.tr("鉴定单位（人）："), self.appraised_by, "appraised_by")
        self.add_row(self.tr("鉴定日期："), self.appraised_on, "appraised_on")
        self.add_row(self.tr("改造方式(&M)："), self.method, "method")
        self.add_row(self.tr("建设方式："), self.build_mode, "build_mode")
        self.add_row(self.tr("改造面积(㎡)："), self.area, "area")
        self.add_row(self.tr("补助标准(元/户)："), self.standard, "standard")
        self.add_row(self.tr("补助金额(元)："), self.subsidy, "subsidy")
        self.add_row(self.tr("补助发放日期："), self.paid_on, "paid_on")
        self.add_row(self.tr("备注："), self.notes, "notes")

        self._standard_touched = renovation_id is not None
        if initial is not None:
            self.set_value(initial)
        if household is not None and renovation_id is None:
            self.household.choose(*household)
        self.standard.textEdited.connect(self._touch_standard)
        self.grade.currentIndexChanged.connect(self._grade_changed)
        self.year.valueChanged.connect(self._suggest_standard)
        connect_all(self.refresh, self.household.changed, self.year.valueChanged,
                    self.beneficiary_type.currentIndexChanged, self.grade.currentIndexChanged,
                    self.method.currentIndexChanged, self.build_mode.currentIndexChanged, self.area.textChanged,
                    self.standard.textChanged, self.subsidy.textChanged, self.notes.textChanged,
                    self.appraised_by.textChanged, self.appraised_on.enabled.toggled,
                    self.appraised_on.edit.dateChanged, self.paid_on.enabled.toggled, self.paid_on.edit.dateChanged)
        self._suggest_standard()
        self.refresh()
        (self.area if renovation_id else self.household.search).setFocus()

    def set_value(self, r: RenovationInput) -> None:
        self.year.setValue(r.year)
        self.beneficiary_type.setCurrentText(r.beneficiary_type)
        self.grade.setCurrentIndex(max(0, self.grade.findData(r.grade)))
        self.method.setCurrentText(r.method)
        self.build_mode.setCurrentIndex(max(0, self.build_mode.findData(r.build_mode)))
        self.area.set_x100(r.area_x100)
        self.standard.set_fen(r.standard_fen)
        self.subsidy.set_fen(r.subsidy_fen)
        self.notes.setText(r.notes)
        self.override_reason.setText(r.override_reason)
        self.appraised_by.setText(r.appraised_by)
        self.appraised_on.set_value(r.appraised_on)
        self.paid_on.set_value(r.paid_on)

    def _touch_standard(self) -> None:
        self._standard_touched = True

    def _grade_changed(self) -> None:
        if self.record_id is None:  # a new record follows the grade's usual method
            grade = self.grade.currentData()
            if grade == "C":
                self.method.setCurrentText(REPAIR)
            elif self.method.currentText() == REPAIR:
                self.method.setCurrentText("拆除重建")
        self._suggest_standard()

    def _suggest_standard(self) -> None:
        if not self._standard_touched:
            self.standard.set_fen(ns.standard_for(self.grade.currentData(), self.year.value()))

    def measured_fields(self) -> list[tuple[str, MoneyEdit | AreaEdit]]:
        return [("area", self.area), ("standard", self.standard), ("subsidy", self.subsidy)]

    def build(self, measured: dict[str, int]) -> RenovationInput:
        return RenovationInput(
            household_id=self.household.household_id(), year=self.year.value(),
            beneficiary_type=self.beneficiary_type.currentText(), grade=self.grade.currentData(),
            method=self.method.currentText(), build_mode=self.build_mode.currentData(), area_x100=measured["area"],
            standard_fen=measured["standard"], subsidy_fen=measured["subsidy"], notes=self.notes.text(),
            override_reason=self.override_reason.text(), appraised_by=self.appraised_by.text(),
            appraised_on=self.appraised_on.value(), paid_on=self.paid_on.value(),
        )

    def record_problems(self, value: RenovationInput) -> list[Problem]:
        return ns.renovation_problems(value, user=self._user, renovation_id=self.record_id, today=self._today)

    def create_record(self, value: RenovationInput) -> int:
        return ns.create_renovation(value, user=self._user, today=self._today)

    def update_record(self, record_id: int, value: RenovationInput) -> None:
        ns.update_renovation(record_id, value, user=self._user, today=self._today)
