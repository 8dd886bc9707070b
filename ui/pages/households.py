"""建档立卡户: the households of the chosen area, search, filters and one household's detail."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from suining_desk.domain.enums import POVERTY_CAUSES, STATUS_WORDS
from suining_desk.services.areas import group_choices
from suining_desk.services.household_detail import household_detail
from suining_desk.services.household_query import HouseholdColumn, HouseholdFilter
from suining_desk.services.programs import program_choices

from ..dialogs.household_dialog import HouseholdDialog
from ..dialogs.member_dialogs import MemberExitDialog, PersonDialog, StatusDialog
from ..models.household_table import HouseholdTableModel
from ..session import Session
from ..widgets.household_detail import HouseholdDetailView
from ..wizards.export_action import export_households
from .list_detail import ListDetailPage, filter_combo


class HouseholdsPage(ListDetailPage):
    settings_key = "households"
    ledger_requested = Signal(str, dict)  # a ledger kind and its filters, made on the 台账 page

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        self.status_filter = filter_combo("status_filter", [(v, k) for k, v in STATUS_WORDS.items()])  # 已清退 too
        self.cause_filter = filter_combo("cause_filter", [(c, c) for c in POVERTY_CAUSES])
        self.program_filter = filter_combo("program_filter", [(n, i) for i, n in program_choices()])
        year = session.today().year
        # Class-level tr(): these are built before the QWidget itself.
        self.exit_year_filter = filter_combo("exit_year_filter", [(HouseholdsPage.tr("{year}年").format(year=y), y)
                                                                  for y in range(2014, year + 1)])
        self.household_detail = HouseholdDetailView()
        filters = [(HouseholdsPage.tr("户状态："), self.status_filter),
                   (HouseholdsPage.tr("致贫原因："), self.cause_filter),
                   (HouseholdsPage.tr("享受项目："), self.program_filter),
                   (HouseholdsPage.tr("脱贫年度："), self.exit_year_filter)]
        super().__init__(session, HouseholdTableModel(), "households_table", filters,
                         self.household_detail, HouseholdsPage.tr("新增户(&N)"), parent)
        self.export_button = QPushButton(self.tr("导出(&E)…"), objectName="export_button")
        self.export_button.setToolTip(self.tr("把当前筛选出的户导出为 Excel（可再导入）"))
        self.add_button(self.export_button)
        self.export_button.clicked.connect(self.export_current)
        self.household_detail.edit_household_requested.connect(self.edit_record)
        self.household_detail.change_status_requested.connect(self.change_status)
        self.household_detail.add_member_requested.connect(self.add_member)
        self.household_detail.edit_member_requested.connect(self.edit_member)
        self.household_detail.member_exit_requested.connect(self.member_exit)
        self.household_detail.file_requested.connect(self.print_file)
        self.restore_layout()
        self.apply_filter()

    def current_filter(self) -> HouseholdFilter:
        return HouseholdFilter(
            area_id=self._area_id, status=self.status_filter.currentData(),
            cause=self.cause_filter.currentData(), program_id=self.program_filter.currentData(),
            exit_year=self.exit_year_filter.currentData(), ids_in=self.search_household_ids,
        )

    def show_record(self, record_id: int | None) -> None:
        detail = household_detail(record_id) if record_id is not None else None
        self.household_detail.show_detail(detail, today=self.session.today())

    def export_current(self) -> None:
        """The households of the current filter and search, in the list's order, to xlsx."""
        sort, descending = self.model.sort_order
        export_households(self, self.current_filter(), sort=HouseholdColumn(sort), descending=descending)

    def print_file(self) -> None:
        detail = self.household_detail.detail
        if detail is not None:
            self.ledger_requested.emit("household", {"household": detail.data.household_no})

    # --- actions (each dialog calls one core service) ---
    def _groups(self) -> list[tuple[int, str]]:
        return group_choices(self._area_id)

    def new_record(self) -> None:
        dialog = HouseholdDialog(self._groups(), user=self.session.username, parent=self,
                                 today=self.session.fixed_today)
        if dialog.exec():
            self.after_change(dialog.household_id)

    def edit_record(self) -> None:
        detail = self.household_detail.detail
        if detail is None:
            return
        dialog = HouseholdDialog(group_choices(None), user=self.session.username, household_id=detail.id,
                                 initial=dataclasses.replace(detail.data), parent=self,
                                 today=self.session.fixed_today)
        if dialog.exec():
            self.after_change(detail.id)

    def change_status(self) -> None:
        detail = self.household_detail.detail
        if detail is not None and StatusDialog(detail.id, detail.data.status, user=self.session.username,
                                               today=self.session.fixed_today, removed=detail.removed_on is not None,
                                               parent=self).exec():
            self.after_change(detail.id)

    def add_member(self) -> None:
        detail = self.household_detail.detail
        if detail is not None and PersonDialog(detail.id, user=self.session.username,
                                               today=self.session.fixed_today, parent=self).exec():
            self.after_change(detail.id)

    def edit_member(self, person_id: int) -> None:
        detail = self.household_detail.detail
        member = next((m for m in detail.members if m.id == person_id), None) if detail else None
        if detail and member and PersonDialog(detail.id, user=self.session.username, person_id=person_id,
                                              initial=member.as_input(), today=self.session.fixed_today,
                                              parent=self).exec():
            self.after_change(detail.id)

    def member_exit(self, person_id: int) -> None:
        detail = self.household_detail.detail
        member = next((m for m in detail.members if m.id == person_id), None) if detail else None
        if detail and member and MemberExitDialog(person_id, member.name, user=self.session.username,
                                                  today=self.session.fixed_today, parent=self).exec():
            self.after_change(detail.id)
