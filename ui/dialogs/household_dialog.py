"""Register a household with its members, or edit a household's own fields.

Save stays disabled until everything is valid; Enter saves, Esc cancels. A member
typed into the form but not yet added is added on Save, so the last one needs no click.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from suining_desk.domain.enums import HEAD
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.rules.household import HouseholdInput, PersonInput, check_members
from suining_desk.services import households as hs

from ..widgets.buttons import save_cancel
from ..widgets.household_form import HouseholdForm
from ..widgets.person_form import PersonForm
from ..widgets.problem_label import ProblemLabel


class HouseholdDialog(QDialog):
    def __init__(self, groups: list[tuple[int, str]], *, user: str, household_id: int | None = None,
                 initial: HouseholdInput | None = None, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self._user = user
        self._today = today
        self.household_id = household_id
        self.members: list[PersonInput] = []
        self.setWindowTitle(self.tr("编辑户信息") if household_id else self.tr("新增建档立卡户"))
        self.household_form = HouseholdForm(groups, today=today)
        if initial is not None:
            self.household_form.set_value(initial)
        if household_id is not None:
            self.household_form.status.setEnabled(False)  # status changes keep history elsewhere
            self.household_form.exit_year.setEnabled(False)
        self.member_problems = ProblemLabel()
        self.buttons, self.save_button = save_cancel(self, self.save)

        household_box = QGroupBox(self.tr("户信息"))
        household_layout = QVBoxLayout(household_box)
        household_layout.addWidget(self.household_form)
        household_layout.addStretch()
        body = QHBoxLayout()
        body.addWidget(household_box)
        if household_id is None:
            body.addWidget(self._member_section())
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(self.member_problems)
        layout.addWidget(self.buttons)
        self.household_form.changed.connect(self._update_save)
        self._update_save()
        self.household_form.household_no.setFocus()

    def _member_section(self) -> QWidget:
        box = QGroupBox(self.tr("家庭成员"))
        self.person_form = PersonForm(today=self._today)
        self.person_form.relation.setCurrentText(HEAD)
        self.member_list = QListWidget(objectName="member_list")
        self.member_list.setMinimumHeight(60)  # the dialog fits a 1366×768 screen at 125 %
        self.add_member_button = QPushButton(self.tr("添加成员(&A)"), objectName="add_member")
        self.add_member_button.setAutoDefault(False)
        self.remove_member_button = QPushButton(self.tr("移除所选"), objectName="remove_member")
        self.remove_member_button.setAutoDefault(False)
        self.add_member_button.clicked.connect(self.add_pending_member)
        self.remove_member_button.clicked.connect(self._remove_selected)
        self.person_form.changed.connect(self._update_save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_member_button)
        buttons.addWidget(self.remove_member_button)
        buttons.addStretch()
        layout = QVBoxLayout(box)
        layout.addWidget(self.person_form)
        layout.addLayout(buttons)
        layout.addWidget(self.member_list)
        return box

    # --- members (new household only) ---
    def add_pending_member(self) -> bool:
        if self.person_form.is_blank() or not self.person_form.is_valid():
            return False
        member = self.person_form.value()
        self.members.append(member)
        self.member_list.addItem(f"{member.relation}　{member.name}　{member.id_number.strip()}")
        self.person_form.clear()
        self._update_save()
        return True

    def _remove_selected(self) -> None:
        row = self.member_list.currentRow()
        if row >= 0:
            self.members.pop(row)
            self.member_list.takeItem(row)
            self._update_save()

    def _members_with_pending(self) -> list[PersonInput]:
        pending = [] if self.person_form.is_blank() else [self.person_form.value()]
        return self.members + pending

    def _member_problems(self) -> list[Problem]:
        problems = check_members(self._members_with_pending(), today=self._today)
        # field problems of the member being typed are shown under its fields already
        return [p for p in problems if p.field == "members" or p.code == "id_twice_in_form"]

    def _update_save(self) -> None:
        ok = self.household_form.is_valid()
        if self.household_id is None:
            pending_ok = self.person_form.is_blank() or self.person_form.is_valid()
            member_problems = self._member_problems()
            shown = [p for p in member_problems if self.members or p.code != "no_members"]
            self.member_problems.show_problems(shown)
            ok = ok and pending_ok and not member_problems
            self.add_member_button.setEnabled(not self.person_form.is_blank() and self.person_form.is_valid())
        self.save_button.setEnabled(ok)

    # --- saving ---
    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        try:
            if self.household_id is None:
                self.add_pending_member()
                self.household_id = hs.register_household(self.household_form.value(), self.members,
                                                          user=self._user, today=self._today)
            else:
                hs.update_household(self.household_id, self.household_form.value(), user=self._user,
                                    today=self._today)
        except InvalidInput as exc:
            self._show_refusal(exc.problems)
            return
        self.accept()

    def _show_refusal(self, problems: list[Problem]) -> None:
        household = [p for p in problems if not (p.field or "").startswith("members")]
        self.household_form.show_problems(household)
        self.member_problems.show_problems([p for p in problems if p not in household])
