"""搬迁: the relocations of the chosen area, filters, search, detail with photos, steps."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QPushButton, QWidget

from suining_desk.domain.enums import RELOCATION_STATUS, SETTLEMENT_MODES
from suining_desk.services.housing_detail import RelocationDetail, relocation_detail
from suining_desk.services.relocation_query import RelocationFilter, batch_years
from suining_desk.services.sites import site_views

from ..dialogs.relocation_dialog import RelocationDialog
from ..dialogs.sites_dialog import SitesDialog
from ..dialogs.step_dialog import StepDialog
from ..models.housing_tables import relocation_model
from ..session import Session
from .record_page import RecordListPage, filter_combo


class RelocationsPage(RecordListPage):
    settings_key = "relocations"
    new_text = QT_TRANSLATE_NOOP("RelocationsPage", "新增搬迁(&N)")

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        years = sorted({*batch_years(), *range(2016, session.today().year + 1)})
        # Class-level tr(): these are built before the QWidget itself.
        self.year_filter = filter_combo("year_filter", [(RelocationsPage.tr("{year}年").format(year=y), y)
                                                        for y in years])
        self.status_filter = filter_combo("status_filter", [(v, k) for k, v in RELOCATION_STATUS.items()])
        self.mode_filter = filter_combo("mode_filter", [(v, k) for k, v in SETTLEMENT_MODES.items()])
        self.site_filter = filter_combo("site_filter", [])
        self.site_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.site_filter.setMinimumContentsLength(14)
        self._fill_sites()
        filters = [(RelocationsPage.tr("搬迁批次："), self.year_filter),
                   (RelocationsPage.tr("状态："), self.status_filter),
                   (RelocationsPage.tr("安置方式："), self.mode_filter),
                   (RelocationsPage.tr("安置点："), self.site_filter)]
        super().__init__(session, relocation_model(), "relocation", filters, parent)
        self.setObjectName("relocations_page")
        self.sites_button = QPushButton(self.tr("安置点管理…"), objectName="sites_button")
        self.add_button(self.sites_button)
        self.sites_button.clicked.connect(self.manage_sites)
        self.sites_dialog: SitesDialog | None = None
        self.restore_layout()
        self.apply_filter()

    def _fill_sites(self) -> None:
        current = self.site_filter.currentData()
        self.site_filter.blockSignals(True)
        while self.site_filter.count() > 1:
            self.site_filter.removeItem(1)
        for s in site_views():
            self.site_filter.addItem(s.label, s.id)
        self.site_filter.setCurrentIndex(max(0, self.site_filter.findData(current)))
        self.site_filter.blockSignals(False)

    def current_filter(self) -> RelocationFilter:
        return RelocationFilter(area_id=self._area_id, batch_year=self.year_filter.currentData(),
                                status=self.status_filter.currentData(), mode=self.mode_filter.currentData(),
                                site_id=self.site_filter.currentData(), household_ids=self.search_household_ids)

    def load_detail(self, record_id: int) -> RelocationDetail:
        return relocation_detail(record_id, user=self.session.username, today=self.session.today())

    def _selected_detail(self) -> RelocationDetail | None:
        detail = self.record_detail.detail
        return detail if isinstance(detail, RelocationDetail) else None

    def new_record(self) -> None:
        dialog = RelocationDialog(user=self.session.username, today=self.session.fixed_today, parent=self)
        if dialog.exec():
            self.after_change(dialog.record_id)

    def edit_record(self) -> None:
        d = self._selected_detail()
        if d is None:
            return
        label = self.tr("{head}户　户编号 {no}").format(head=d.household.head_name, no=d.household.household_no)
        dialog = RelocationDialog(user=self.session.username, today=self.session.fixed_today, relocation_id=d.id,
                                  initial=d.data, household=(d.household.id, label), parent=self)
        if dialog.exec():
            self.after_change(d.id)

    def step_record(self) -> None:
        d = self._selected_detail()
        if d is None or d.next_status is None:
            return
        dialog = StepDialog("relocation", d.id, d.status, d.next_status, user=self.session.username,
                            today=self.session.fixed_today, parent=self)
        if dialog.exec():
            self.after_change(d.id)

    def manage_sites(self) -> None:
        self.sites_dialog = SitesDialog(user=self.session.username, parent=self)
        self.sites_dialog.exec()
        self._fill_sites()
        self.after_change(self.selected_record_id())
