"""Record a relocation (易地扶贫搬迁) or edit one; its status moves by the step dialog."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from suining_desk.domain.enums import SETTLEMENT_MODES
from suining_desk.domain.problems import Problem
from suining_desk.rules.housing import FIRST_RELOCATION_YEAR, RelocationInput
from suining_desk.services import relocations as rs
from suining_desk.services.housing_detail import household_line
from suining_desk.services.settings import RELOCATION_SUBSIDY_PER_PERSON, setting_value
from suining_desk.services.sites import site_views

from ..widgets.date_edits import OptionalDate
from ..widgets.household_picker import HouseholdPicker
from ..widgets.inputs import AreaEdit, MoneyEdit
from .record_dialog import HousingRecordDialog, connect_all


class RelocationDialog(HousingRecordDialog):
    def __init__(self, *, user: str, today: dt.date | None = None, relocation_id: int | None = None,
                 initial: RelocationInput | None = None, household: tuple[int, str] | None = None,
                 parent: QWidget | None = None) -> None:
        title = RelocationDialog.tr("修改搬迁记录") if relocation_id else RelocationDialog.tr("新增易地扶贫搬迁")
        super().__init__(title, user=user, today=today, parent=parent)
        self.record_id = relocation_id
        today = self._today
        self.household = HouseholdPicker(fixed=household if relocation_id else None)
        self.batch_year = QSpinBox(objectName="batch_year")
        self.batch_year.setRange(FIRST_RELOCATION_YEAR, today.year + 1)
        self.batch_year.setValue(today.year)
        self.people = QSpinBox(objectName="people")
        self.people.setRange(0, 30)
        self.people.setValue(1)
        self.mode = QComboBox(objectName="mode")
        for code, label in SETTLEMENT_MODES.items():
            self.mode.addItem(label, code)
        self.site = QComboBox(objectName="site")
        self.site.setEditable(True)  # type to filter
        self.site.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.site.addItem(self.tr("（无）"), None)
        for s in site_views():
            self.site.addItem(self.tr("{site} 已安置{placed}/{capacity}户").format(
                site=s.label, placed=s.placed, capacity=s.capacity), s.id)
        self.origin = QLineEdit(objectName="origin")
        self.origin.setPlaceholderText(self.tr("如：某村高山组（地质灾害隐患点）"))
        self.house_area = AreaEdit("house_area")
        self.subsidy = MoneyEdit("subsidy")
        self.self_raised = MoneyEdit("self_raised")
        self.plan_date = OptionalDate("plan_date", self.tr("已定"), today)
        self.household_kind = QComboBox(objectName="household_kind")
        self.household_kind.addItem(self.tr("（未登记）"), "")
        self.household_kind.addItem(self.tr("建档立卡搬迁户"), "registered")
        self.household_kind.addItem(self.tr("同步搬迁户"), "synchronous")
        self.notes = QLineEdit(objectName="notes")

        self.add_row(self.tr("农户(&H)："), self.household, "household")
        self.add_row(self.tr("搬迁批次(年度)："), self.batch_year, "batch_year")
        self.add_row(self.tr("搬迁户类型："), self.household_kind, "household_kind")
        self.add_row(self.tr("搬迁人口(&P)："), self.people, "people")
        self.add_row(self.tr("安置方式："), self.mode, "mode")
        self.add_row(self.tr("安置点："), self.site, "site")
        self.add_row(self.tr("迁出地："), self.origin, "origin")
        self.add_row(self.tr("安置房面积(㎡)(&A)："), self.house_area, "house_area")
        self.add_row(self.tr("建房补助(元)："), self.subsidy, "subsidy")
        self.add_row(self.tr("自筹资金(元)："), self.self_raised, "self_raised")
        self.add_row(self.tr("计划日期："), self.plan_date, "plan_date")
        self.add_row(self.tr("备注："), self.notes, "notes")

        self._subsidy_touched = relocation_id is not None
        if initial is not None:
            self.set_value(initial)
        if household is not None and relocation_id is None:
            self.household.choose(*household)
            self._suggest_people()
        self.subsidy.textEdited.connect(self._touch_subsidy)
        self.people.valueChanged.connect(self._suggest_subsidy)
        self.household.changed.connect(self._suggest_people)
        connect_all(self.refresh, self.household.changed, self.batch_year.valueChanged, self.people.valueChanged,
                    self.mode.currentIndexChanged, self.site.currentIndexChanged, self.origin.textChanged,
                    self.house_area.textChanged, self.subsidy.textChanged, self.self_raised.textChanged,
                    self.plan_date.enabled.toggled, self.plan_date.edit.dateChanged, self.notes.textChanged,
                    self.household_kind.currentIndexChanged)
        self._suggest_subsidy()
        self.refresh()
        (self.people if relocation_id else self.household.search).setFocus()

    def set_value(self, r: RelocationInput) -> None:
        self.batch_year.setValue(r.batch_year)
        self.people.setValue(r.people)
        self.mode.setCurrentIndex(max(0, self.mode.findData(r.mode)))
        self.site.setCurrentIndex(max(0, self.site.findData(r.site_id)))
        self.origin.setText(r.origin)
        self.house_area.set_x100(r.house_area_x100)
        self.subsidy.set_fen(r.subsidy_fen)
        self.self_raised.set_fen(r.self_raised_fen)
        self.plan_date.set_value(r.plan_date)
        self.household_kind.setCurrentIndex(max(0, self.household_kind.findData(r.household_kind)))
        self.notes.setText(r.notes)
        self.override_reason.setText(r.override_reason)

    def _suggest_people(self) -> None:
        """A new record starts with the whole household moving; the clerk lowers it if not."""
        household_id = self.household.household_id()
        if self.record_id is None and household_id is not None:
            self.people.setValue(household_line(household_id).member_count)

    def _touch_subsidy(self) -> None:
        self._subsidy_touched = True

    def _suggest_subsidy(self) -> None:
        if not self._subsidy_touched:
            day = self.plan_date.value() or self._today
            self.subsidy.set_fen(setting_value(RELOCATION_SUBSIDY_PER_PERSON, day) * self.people.value())

    def measured_fields(self) -> list[tuple[str, MoneyEdit | AreaEdit]]:
        return [("house_area", self.house_area), ("subsidy", self.subsidy), ("self_raised", self.self_raised)]

    def build(self, measured: dict[str, int]) -> RelocationInput:
        site = self.site.currentData() if self.site.currentIndex() >= 0 else None
        return RelocationInput(
            household_id=self.household.household_id(), batch_year=self.batch_year.value(),
            people=self.people.value(), mode=self.mode.currentData(), site_id=site, origin=self.origin.text(),
            house_area_x100=measured["house_area"], subsidy_fen=measured["subsidy"],
            self_raised_fen=measured["self_raised"], plan_date=self.plan_date.value(), notes=self.notes.text(),
            override_reason=self.override_reason.text(), household_kind=self.household_kind.currentData() or "",
        )

    def record_problems(self, value: RelocationInput) -> list[Problem]:
        return rs.relocation_problems(value, user=self._user, relocation_id=self.record_id, today=self._today)

    def create_record(self, value: RelocationInput) -> int:
        return rs.create_relocation(value, user=self._user, today=self._today)

    def update_record(self, record_id: int, value: RelocationInput) -> None:
        rs.update_relocation(record_id, value, user=self._user, today=self._today)
