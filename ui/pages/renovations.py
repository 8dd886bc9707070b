"""危改: the housing renovations of the chosen area, filters, search, detail with photos, steps."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from suining_desk.domain.enums import RENOVATION_GRADES, RENOVATION_METHODS, RENOVATION_STATUS
from suining_desk.services.housing_detail import RenovationDetail, renovation_detail
from suining_desk.services.renovation_query import RenovationFilter, renovation_years

from ..dialogs.renovation_dialog import RenovationDialog
from ..dialogs.step_dialog import StepDialog
from ..models.housing_tables import renovation_model
from ..session import Session
from .record_page import RecordListPage, filter_combo


class RenovationsPage(RecordListPage):
    settings_key = "renovations"
    new_text = QT_TRANSLATE_NOOP("RenovationsPage", "新增危改(&N)")

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        years = sorted({*renovation_years(), *range(2014, session.today().year + 1)})
        # Class-level tr(): these are built before the QWidget itself.
        self.year_filter = filter_combo("year_filter", [(RenovationsPage.tr("{year}年").format(year=y), y)
                                                        for y in years])
        self.status_filter = filter_combo("status_filter", [(v, k) for k, v in RENOVATION_STATUS.items()])
        self.grade_filter = filter_combo("grade_filter", [(v, k) for k, v in RENOVATION_GRADES.items()])
        self.method_filter = filter_combo("method_filter", [(m, m) for m in RENOVATION_METHODS])
        filters = [(RenovationsPage.tr("年度："), self.year_filter), (RenovationsPage.tr("状态："), self.status_filter),
                   (RenovationsPage.tr("危房等级："), self.grade_filter),
                   (RenovationsPage.tr("改造方式："), self.method_filter)]
        super().__init__(session, renovation_model(), "renovation", filters, parent)
        self.setObjectName("renovations_page")
        self.restore_layout()
        self.apply_filter()

    def current_filter(self) -> RenovationFilter:
        return RenovationFilter(area_id=self._area_id, year=self.year_filter.currentData(),
                                status=self.status_filter.currentData(), grade=self.grade_filter.currentData(),
                                method=self.method_filter.currentData(), household_ids=self.search_household_ids)

    def load_detail(self, record_id: int) -> RenovationDetail:
        return renovation_detail(record_id, user=self.session.username, today=self.session.today())

    def _selected_detail(self) -> RenovationDetail | None:
        detail = self.record_detail.detail
        return detail if isinstance(detail, RenovationDetail) else None

    def new_record(self) -> None:
        dialog = RenovationDialog(user=self.session.username, today=self.session.fixed_today, parent=self)
        if dialog.exec():
            self.after_change(dialog.record_id)

    def edit_record(self) -> None:
        d = self._selected_detail()
        if d is None:
            return
        label = self.tr("{head}户　户编号 {no}").format(head=d.household.head_name, no=d.household.household_no)
        dialog = RenovationDialog(user=self.session.username, today=self.session.fixed_today, renovation_id=d.id,
                                  initial=d.data, household=(d.household.id, label),
                                  accepted=(d.status, d.acceptance_result), parent=self)
        if dialog.exec():
            self.after_change(d.id)

    def step_record(self) -> None:
        d = self._selected_detail()
        if d is None or d.next_status is None:
            return
        dialog = StepDialog("renovation", d.id, d.status, d.next_status, user=self.session.username,
                            today=self.session.fixed_today, standard_fen=d.data.standard_fen, parent=self)
        if dialog.exec():
            self.after_change(d.id)
