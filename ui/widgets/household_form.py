"""The household's own fields (not its members), validated while the clerk types."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from suining_desk.domain.enums import HOUSEHOLD_STATUS, POVERTY_CAUSES
from suining_desk.domain.problems import Problem
from suining_desk.rules.household import HouseholdInput, check_household

from ..dates import from_qdate, to_qdate
from .date_edits import date_edit
from .problem_label import ProblemLabel


class HouseholdForm(QWidget):
    changed = Signal()

    def __init__(self, groups: list[tuple[int, str]], parent: QWidget | None = None, *,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self._today = today or dt.date.today()
        self.household_no = QLineEdit(objectName="household_no")
        self.group = QComboBox(objectName="group")
        self.group.setEditable(True)  # type to filter 2,500 groups
        self.group.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for group_id, label in groups:
            self.group.addItem(label, group_id)
        if not groups and (edit := self.group.lineEdit()) is not None:  # a new database: no village yet
            edit.setPlaceholderText(self.tr("此区域还没有村民小组：请管理员在“区划管理”中新增"))
        self.address = QLineEdit(objectName="address")
        self.phone = QLineEdit(objectName="phone")
        self.status = QComboBox(objectName="status")
        for code, label in HOUSEHOLD_STATUS.items():
            self.status.addItem(label, code)
        self.exit_year = QSpinBox(objectName="exit_year")
        self.exit_year.setRange(2014, self._today.year)
        self.exit_year.setValue(self._today.year)  # a household leaving poverty now: this year
        self.main_cause = QComboBox(objectName="main_cause")
        self.main_cause.addItems(["", *POVERTY_CAUSES])
        self.other_causes = QListWidget(objectName="other_causes")
        self.other_causes.setMaximumHeight(90)
        self.other_causes.setFlow(QListWidget.Flow.LeftToRight)
        self.other_causes.setWrapping(True)
        self.other_causes.setResizeMode(QListView.ResizeMode.Adjust)  # rows wrap to the width: none cut
        self.other_causes.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for cause in POVERTY_CAUSES:
            item = QListWidgetItem(cause)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.other_causes.addItem(item)
        self.dibao = QCheckBox(self.tr("低保户"), objectName="dibao")
        self.tekun = QCheckBox(self.tr("特困供养"), objectName="tekun")
        self.bank_name = QLineEdit("绥宁县农村信用合作联社", objectName="bank_name")
        self.bank_account = QLineEdit(objectName="bank_account")
        self.registered_on = date_edit("registered_on", self._today, minimum=None)
        self.problem_labels = {name: ProblemLabel() for name in
                               ("household_no", "group", "phone", "bank_account", "exit_year", "other")}

        aid = QHBoxLayout()
        aid.addWidget(self.dibao)
        aid.addWidget(self.tekun)
        aid.addStretch()
        form = QFormLayout(self)
        form.setVerticalSpacing(4)  # twelve rows beside the members' twelve: 新增户 fits 1093×614
        form.addRow(self.tr("户编号(&H)："), self.household_no)
        form.addRow("", self.problem_labels["household_no"])
        form.addRow(self.tr("村民小组(&G)："), self.group)
        form.addRow("", self.problem_labels["group"])
        form.addRow(self.tr("住址："), self.address)
        form.addRow(self.tr("联系电话："), self.phone)
        form.addRow("", self.problem_labels["phone"])
        form.addRow(self.tr("户状态："), self.status)
        form.addRow(self.tr("脱贫年度："), self.exit_year)
        form.addRow("", self.problem_labels["exit_year"])
        form.addRow(self.tr("主要致贫原因："), self.main_cause)
        form.addRow(self.tr("其他致贫原因："), self.other_causes)
        form.addRow(self.tr("享受政策："), aid)
        form.addRow(self.tr("开户银行："), self.bank_name)
        form.addRow(self.tr("一卡通账号："), self.bank_account)
        form.addRow("", self.problem_labels["bank_account"])
        form.addRow(self.tr("登记日期："), self.registered_on)
        form.addRow("", self.problem_labels["other"])

        for edit in (self.household_no, self.address, self.phone, self.bank_account, self.bank_name):
            edit.textChanged.connect(self._on_changed)
        for box in (self.group, self.status, self.main_cause):
            box.currentIndexChanged.connect(self._on_changed)
        self.exit_year.valueChanged.connect(self._on_changed)
        self.other_causes.itemChanged.connect(self._on_changed)
        self.dibao.toggled.connect(self._on_changed)
        self.tekun.toggled.connect(self._on_changed)
        self._problems: list[Problem] = []
        self._on_changed()

    def value(self) -> HouseholdInput:
        status = self.status.currentData()
        return HouseholdInput(
            household_no=self.household_no.text().strip(),
            group_id=self.group.currentData() if self.group.currentIndex() >= 0 else None,
            address=self.address.text().strip(), phone=self.phone.text().strip(), status=status,
            exit_year=self.exit_year.value() if status == "exited" else None,
            main_cause=self.main_cause.currentText(),
            other_causes=[self.other_causes.item(i).text() for i in range(self.other_causes.count())
                          if self.other_causes.item(i).checkState() == Qt.CheckState.Checked],
            dibao=self.dibao.isChecked(), tekun=self.tekun.isChecked(),
            bank_name=self.bank_name.text().strip(), bank_account=self.bank_account.text().strip(),
            registered_on=from_qdate(self.registered_on.date()),
        )

    def set_value(self, h: HouseholdInput) -> None:
        self.household_no.setText(h.household_no)
        index = self.group.findData(h.group_id)
        self.group.setCurrentIndex(index)
        self.address.setText(h.address)
        self.phone.setText(h.phone)
        self.status.setCurrentIndex(max(0, self.status.findData(h.status)))
        if h.exit_year:
            self.exit_year.setValue(h.exit_year)
        self.main_cause.setCurrentText(h.main_cause)
        for i in range(self.other_causes.count()):
            item = self.other_causes.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.text() in h.other_causes else Qt.CheckState.Unchecked)
        self.dibao.setChecked(h.dibao)
        self.tekun.setChecked(h.tekun)
        self.bank_name.setText(h.bank_name)
        self.bank_account.setText(h.bank_account)
        if h.registered_on:
            self.registered_on.setDate(to_qdate(h.registered_on))

    def is_valid(self) -> bool:
        return not any(p.is_error for p in self._problems)

    def show_problems(self, problems: list[Problem]) -> None:
        grouped: dict[str, list[Problem]] = {k: [] for k in self.problem_labels}
        for p in problems:
            grouped.get(p.field or "other", grouped["other"]).append(p)
        for name, label in self.problem_labels.items():
            shown = grouped[name]
            if name == "household_no" and not self.household_no.text():
                shown = []  # an untouched empty field is not shouted at
            label.show_problems(shown)

    def _on_changed(self) -> None:
        self.exit_year.setEnabled(self.status.currentData() == "exited")
        self._problems = check_household(self.value(), today=self._today)
        self.show_problems(self._problems)
        self.changed.emit()
