"""A clerk at the 危房改造 page: a D-grade renovation with two photos, completed and accepted;
the double-benefit rule; the subsidy only after acceptance."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from suining_desk.db import close_database, open_database
from suining_desk.db.models import Attachment, AuditEntry, Blob, Household, Renovation
from suining_desk.rules.housing import RelocationInput
from suining_desk.services.relocations import create_relocation
from tests.county import FixtureCounty, build_county
from tests.housing import TODAY, register_family
from tests.ui.housing_helpers import set_date, when_dialog_opens, write_photo
from tests.ui.typing import type_text
from ui.dialogs.renovation_dialog import RenovationDialog
from ui.dialogs.step_dialog import StepDialog
from ui.pages.renovations import RenovationsPage
from ui.session import Session
from ui.widgets.household_detail import HouseholdDetailView
from ui.widgets.image_viewer import ImageViewer


@pytest.fixture
def county(tmp_path: Path) -> Iterator[FixtureCounty]:
    open_database(tmp_path / "ui.sqlite3")
    county = build_county()
    register_family(county, "43052710000101001", "曾伟", 201)
    register_family(county, "43052710100101001", "杨桂花", 301, village="fengmu")
    yield county
    close_database()


@pytest.fixture
def page(qtbot, county: FixtureCounty, tmp_path: Path) -> RenovationsPage:  # type: ignore[no-untyped-def]
    page = RenovationsPage(Session(tmp_path / "ui.sqlite3", username="luru", fixed_today=TODAY))
    qtbot.addWidget(page)
    page.resize(1300, 850)
    page.show()
    page.set_area(county.county.id)
    return page


def _new_d_grade(qtbot, page: RenovationsPage, who: str = "zw", *, shortcut: bool = True) -> dict[str, object]:  # type: ignore[no-untyped-def]
    seen: dict[str, object] = {}

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, RenovationDialog)
        qtbot.keyClicks(dialog.household.search, who)
        dialog.year.setValue(2018)
        seen["grade"] = dialog.grade.currentData()
        seen["standard"] = dialog.standard.text()  # from the settings, for D grade
        seen["subsidy_enabled"] = dialog.subsidy.isEnabled()
        qtbot.keyClicks(dialog.area, "90")
        qtbot.keyClick(dialog.area, Qt.Key.Key_Return)

    when_dialog_opens(RenovationDialog, fill)
    if shortcut:
        qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    else:  # offscreen, the page is not the active window again after a dialog
        qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    return seen


def _step(qtbot, page: RenovationsPage, day: dt.date, act=None) -> None:  # type: ignore[no-untyped-def]
    def step(dialog: QDialog) -> None:
        assert isinstance(dialog, StepDialog)
        set_date(dialog.date, day)
        if act is not None:
            act(dialog)
        qtbot.keyClick(dialog.date, Qt.Key.Key_Return)

    when_dialog_opens(StepDialog, step)
    qtbot.mouseClick(page.detail.step_button, Qt.MouseButton.LeftButton)


def test_a_d_grade_renovation_with_two_photos_completed_and_accepted(qtbot, page: RenovationsPage,  # type: ignore[no-untyped-def]
                                                                     tmp_path: Path) -> None:
    seen = _new_d_grade(qtbot, page)
    assert seen == {"grade": "D", "standard": "35,000.00", "subsidy_enabled": False}
    [record] = Renovation.select()
    assert (record.grade, record.method, record.area_x100, record.standard_fen, record.subsidy_fen) == (
        "D", "拆除重建", 9000, 3_500_000, 0)

    strip = page.detail.attachments
    strip.kind.setCurrentIndex(strip.kind.findData("before"))
    photos = [write_photo(tmp_path / "旧房正面.jpg", "#a86"), write_photo(tmp_path / "旧房侧面.jpg", "#8a6")]
    assert strip.add_files(photos)
    for photo in photos:
        photo.unlink()  # the database holds its own copy
    assert page.detail.attachments.list.count() == 2
    assert not page.detail.attachments.list.item(0).icon().isNull()
    assert Blob.select().count() == 2 and Attachment.select().count() == 2

    _step(qtbot, page, dt.date(2018, 4, 1))
    _step(qtbot, page, dt.date(2018, 8, 20))
    refused: dict[str, object] = {}

    def accept_too_early(dialog: StepDialog) -> None:
        type_text(qtbot, dialog.accepted_by, "县住建局验收组")
        refused["text"], refused["enabled"] = dialog.problems.text(), dialog.save_button.isEnabled()
        refused["subsidy"] = dialog.subsidy.text()

    _step(qtbot, page, dt.date(2018, 8, 1), accept_too_early)  # Enter is refused, Esc leaves
    assert refused["text"] == "验收日期2018-08-01不能早于竣工日期2018-08-20：竣工后才能验收"
    assert refused["enabled"] is False and refused["subsidy"] == "35,000.00"
    record = Renovation.get_by_id(record.id)
    assert (record.status, record.start_date, record.completed_date, record.accepted_date) == (
        "completed", dt.date(2018, 4, 1), dt.date(2018, 8, 20), None)

    _step(qtbot, page, dt.date(2018, 9, 1), lambda d: type_text(qtbot, d.accepted_by, "县住建局验收组"))
    record = Renovation.get_by_id(record.id)
    assert (record.status, record.accepted_by, record.acceptance_result, record.subsidy_fen) == (
        "accepted", "县住建局验收组", "合格", 3_500_000)
    history = page.detail.history
    assert [history.item(r, 1).text() for r in range(history.rowCount())] == [
        "登记", "添加附件", "添加附件", "计划 → 施工中", "施工中 → 竣工", "竣工 → 已验收"]
    assert page.model.index(0, 11).data() == "35,000.00" and page.model.index(0, 15).data() == "已验收"

    page.detail.attachments.list.setCurrentRow(1)
    when_dialog_opens(ImageViewer, lambda d: d.reject())
    qtbot.mouseClick(page.detail.attachments.view_button, Qt.MouseButton.LeftButton)
    page.detail.attachments.remove_selected(confirm=False)
    assert page.detail.attachments.list.count() == 1 and Blob.select().count() == 1


def test_the_subsidy_waits_for_acceptance_in_the_edit_dialog(qtbot, page: RenovationsPage) -> None:  # type: ignore[no-untyped-def]
    _new_d_grade(qtbot, page)
    seen: dict[str, object] = {}

    def edit(dialog: QDialog) -> None:
        assert isinstance(dialog, RenovationDialog)
        seen["fixed"] = not dialog.household.results.isEnabled()
        seen["subsidy_enabled"] = dialog.subsidy.isEnabled()
        dialog.subsidy.setEnabled(True)  # even if it were typed in, the core refuses it
        qtbot.keyClicks(dialog.subsidy, "35000")
        seen["text"], seen["save"] = dialog.labels["subsidy"].text(), dialog.save_button.isEnabled()
        dialog.subsidy.clear()
        dialog.grade.setCurrentIndex(dialog.grade.findData("C"))
        seen["mismatch"] = dialog.labels["method"].text()

    when_dialog_opens(RenovationDialog, edit)
    qtbot.mouseClick(page.detail.edit_button, Qt.MouseButton.LeftButton)
    assert seen["fixed"] is True and seen["subsidy_enabled"] is False
    assert seen["text"] == "竣工验收合格后才能登记补助金额" and seen["save"] is False
    assert seen["mismatch"] == "C级危房一般不采用“拆除重建”（C级修缮加固，D级拆除重建），请核对"
    assert Renovation.get().subsidy_fen == 0


def test_a_relocated_household_is_refused_then_overridden_by_a_reviewer(qtbot, page: RenovationsPage) -> None:  # type: ignore[no-untyped-def]
    zeng = Household.get(Household.household_no == "43052710000101001")
    create_relocation(RelocationInput(household_id=zeng.id, batch_year=2017, people=3, mode="scattered",
                                      house_area_x100=7000), user="luru", today=TODAY)
    entries = AuditEntry.select().count()
    seen: dict[str, object] = {}

    def refused(dialog: QDialog) -> None:
        assert isinstance(dialog, RenovationDialog)
        qtbot.keyClicks(dialog.household.search, "zw")
        qtbot.keyClicks(dialog.area, "90")
        seen["message"] = dialog.labels["override"].text()
        seen["save"] = dialog.save_button.isEnabled()
        qtbot.keyClick(dialog.area, Qt.Key.Key_Return)  # Enter does not get round it
        seen["open"] = dialog.isVisible()

    when_dialog_opens(RenovationDialog, refused)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert seen["message"] == ("搬迁户不得重复享受危房改造：户43052710000101001已有2017年易地扶贫搬迁（计划）。"
                               "确需享受的，须由审核人员填写审核意见后保存")
    assert seen["save"] is False and seen["open"] is True
    assert Renovation.select().count() == 0 and AuditEntry.select().count() == entries

    def overridden(dialog: QDialog) -> None:
        assert isinstance(dialog, RenovationDialog)
        qtbot.keyClicks(dialog.household.search, "zw")
        type_text(qtbot, dialog.override_reason, "搬迁后原址祖屋为D级危房，经乡镇审核同意拆除重建")
        qtbot.keyClick(dialog.override_reason, Qt.Key.Key_Return)

    when_dialog_opens(RenovationDialog, overridden)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    record = Renovation.get()
    assert (record.override_by, record.override_reason) == ("luru", "搬迁后原址祖屋为D级危房，经乡镇审核同意拆除重建")
    assert AuditEntry.select().where(AuditEntry.action == "renovation_double_benefit_overridden").count() == 1


def test_the_household_detail_shows_both_programs(qtbot, page: RenovationsPage) -> None:  # type: ignore[no-untyped-def]
    from suining_desk.services.household_detail import household_detail

    _new_d_grade(qtbot, page, who="ygh")
    yang = Household.get(Household.household_no == "43052710100101001")
    view = HouseholdDetailView()
    qtbot.addWidget(view)
    view.show_detail(household_detail(yang.id), today=TODAY)
    assert view.tabs.tabText(4) == "危房改造（1）" and view.tabs.tabText(3) == "易地搬迁"
    assert [view.renovations.item(0, c).text() for c in (0, 1, 2, 7)] == ["2018", "D级", "拆除重建", "计划"]


def test_renovations_model_passes_qt_model_tester(qtbot, page: RenovationsPage, county: FixtureCounty) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtTest import QAbstractItemModelTester

    _new_d_grade(qtbot, page)
    _new_d_grade(qtbot, page, who="ygh", shortcut=False)
    QAbstractItemModelTester(page.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert page.model.rowCount() == 2
    page.grade_filter.setCurrentIndex(page.grade_filter.findData("C"))
    assert page.model.rowCount() == 0
    page.grade_filter.setCurrentIndex(0)
    page.set_area(county.qingshi.id)
    assert page.model.rowCount() == 1
    page.model.sort(3, Qt.SortOrder.DescendingOrder)
    page.model.reload()
