"""A clerk at the households page: register a family, find it, edit, record a death."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from suining_desk.db import close_database, open_database
from suining_desk.db.models import AuditEntry, Household, MemberChange, Person
from tests.county import FixtureCounty, build_county, id_number
from tests.ui.typing import type_text
from tests.ui.waits import PATIENCE_MS
from ui.dialogs.household_dialog import HouseholdDialog
from ui.dialogs.member_dialogs import MemberExitDialog, PersonDialog
from ui.pages.households import HouseholdsPage
from ui.session import Session

TODAY = dt.date(2018, 12, 1)
HEAD = id_number("1968-03-12", 201, male=True)
WIFE = id_number("1970-07-01", 202, male=False)
SON = id_number("1995-10-20", 203, male=True)


@pytest.fixture
def county(tmp_path: Path) -> Iterator[FixtureCounty]:
    open_database(tmp_path / "ui.sqlite3")
    yield build_county()
    close_database()


@pytest.fixture
def page(qtbot, county: FixtureCounty, tmp_path: Path) -> HouseholdsPage:  # type: ignore[no-untyped-def]
    page = HouseholdsPage(Session(tmp_path / "ui.sqlite3", username="luru", fixed_today=TODAY))
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.set_area(county.changpu.id)
    return page


def when_dialog_opens(kind: type[QDialog], act: Callable[[QDialog], None]) -> None:
    """Act on the next modal dialog of ``kind`` once it is on screen."""
    def attempt() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(20, attempt)
        else:
            act(dialog)
    QTimer.singleShot(0, attempt)


def type_member(qtbot, dialog: HouseholdDialog, name: str, number: str, relation: str) -> None:  # type: ignore[no-untyped-def]
    form = dialog.person_form
    type_text(qtbot, form.name, name)
    qtbot.keyClicks(form.id_number, number)
    form.relation.setCurrentText(relation)


def register_family(qtbot, dialog: QDialog) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(dialog, HouseholdDialog)
    qtbot.keyClicks(dialog.household_form.household_no, "43052710000101001")
    dialog.household_form.main_cause.setCurrentText("因病")
    assert not dialog.save_button.isEnabled()  # no member yet
    type_member(qtbot, dialog, "曾伟", HEAD, "户主")
    qtbot.mouseClick(dialog.add_member_button, Qt.MouseButton.LeftButton)
    type_member(qtbot, dialog, "李秀英", WIFE.lower(), "配偶")
    qtbot.mouseClick(dialog.add_member_button, Qt.MouseButton.LeftButton)
    type_member(qtbot, dialog, "曾小军", SON, "子")  # the last one is added by Save itself
    assert dialog.save_button.isEnabled()
    qtbot.keyClick(dialog.household_form.household_no, Qt.Key.Key_Return)  # Enter saves


def test_register_find_edit_and_record_a_death(qtbot, page: HouseholdsPage) -> None:  # type: ignore[no-untyped-def]
    assert page.model.rowCount() == 0
    when_dialog_opens(HouseholdDialog, lambda d: register_family(qtbot, d))
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert Household.select().count() == 1 and Person.select().count() == 3
    assert page.model.rowCount() == 1
    assert page.detail.members.rowCount() == 3
    assert page.detail.members.item(1, 3).text() == "女"  # sex read from the ID number

    # Find the family by pinyin initials and by the tail of an ID number.
    for query in ("zw", SON[-6:]):
        page.search.clear()
        qtbot.keyClicks(page.search, query)
        qtbot.waitUntil(lambda: page.search_result.text().startswith("找到"), timeout=PATIENCE_MS)
        assert page.model.rowCount() == 1
        assert page.model.index(0, 3).data() == "曾伟"
    page.search.clear()
    qtbot.waitUntil(lambda: page.search_result.text() == "", timeout=PATIENCE_MS)

    # Edit the son's education.
    page.detail.members.selectRow(2)

    def edit(dialog: QDialog) -> None:
        assert isinstance(dialog, PersonDialog)
        dialog.person_form.education.setCurrentText("高中")
        type_text(qtbot, dialog.reason, "毕业升学")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(PersonDialog, edit)
    qtbot.mouseClick(page.detail.buttons["edit_member"], Qt.MouseButton.LeftButton)
    assert Person.get(Person.id_number == SON).education == "高中"

    # Record the head's death with a reason: the row stays, history shows it.
    page.detail.members.selectRow(0)

    def death(dialog: QDialog) -> None:
        assert isinstance(dialog, MemberExitDialog)
        assert not dialog.save_button.isEnabled()  # a reason is required
        dialog.date.setDate(dialog.date.date().addMonths(-2))
        type_text(qtbot, dialog.reason, "病故")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    when_dialog_opens(MemberExitDialog, death)
    qtbot.mouseClick(page.detail.buttons["exit"], Qt.MouseButton.LeftButton)
    head = Person.get(Person.id_number == HEAD)
    assert head.death_date == dt.date(2018, 10, 1) and head.removal_reason == "病故"
    history = page.detail.member_history
    texts = [[history.item(r, c).text() for c in range(history.columnCount())] for r in range(history.rowCount())]
    assert ["2018-10-01", "死亡", "曾伟", "病故", "luru"] in texts
    assert any(row[1] == "信息变更" and row[3] == "毕业升学" for row in texts)
    assert page.detail.members.item(0, 10).text().startswith("已故")
    assert AuditEntry.select().count() == 3


def test_invalid_and_duplicate_id_numbers_are_refused_in_chinese(qtbot, page: HouseholdsPage) -> None:  # type: ignore[no-untyped-def]
    when_dialog_opens(HouseholdDialog, lambda d: register_family(qtbot, d))
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    before = (Household.select().count(), Person.select().count(), MemberChange.select().count())
    seen: dict[str, object] = {}

    def try_bad(dialog: QDialog) -> None:
        assert isinstance(dialog, HouseholdDialog)
        qtbot.keyClicks(dialog.household_form.household_no, "43052710000101002")
        form = dialog.person_form
        type_text(qtbot, form.name, "王强")
        qtbot.keyClicks(form.id_number, HEAD[:-1] + ("0" if HEAD[-1] != "0" else "1"))
        form.relation.setCurrentText("户主")
        seen["checksum"] = form.id_problems.text()
        seen["save_enabled_bad"] = dialog.save_button.isEnabled()
        form.id_number.clear()
        qtbot.keyClicks(form.id_number, WIFE)  # valid, but already registered
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        seen["duplicate"] = dialog.member_problems.text()
        seen["still_open"] = dialog.isVisible()
        dialog.reject()

    when_dialog_opens(HouseholdDialog, try_bad)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert "校验位错误" in str(seen["checksum"])
    assert seen["save_enabled_bad"] is False
    assert "已登记" in str(seen["duplicate"]) and "李秀英" in str(seen["duplicate"])
    assert seen["still_open"] is True
    assert (Household.select().count(), Person.select().count(), MemberChange.select().count()) == before


def test_households_model_passes_qt_model_tester(qtbot, page: HouseholdsPage) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtTest import QAbstractItemModelTester

    when_dialog_opens(HouseholdDialog, lambda d: register_family(qtbot, d))
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    QAbstractItemModelTester(page.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    page.model.sort(3, Qt.SortOrder.DescendingOrder)
    page.model.reload()




def test_a_household_is_removed_and_put_back_from_its_detail(qtbot, page: HouseholdsPage) -> None:  # type: ignore[no-untyped-def]
    """清退 through 变更状态…: it leaves the list; the 已清退 filter shows it and 撤销清退 brings it back."""
    from ui.dialogs.member_dialogs import StatusDialog

    when_dialog_opens(HouseholdDialog, lambda d: register_family(qtbot, d))
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    household = Household.get()

    def remove(dialog: QDialog) -> None:
        assert isinstance(dialog, StatusDialog)
        dialog.status.setCurrentIndex(dialog.status.findText("清退（移出建档立卡）"))
        assert not dialog.year.isEnabled()
        type_text(qtbot, dialog.reason, "识别不精准")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(StatusDialog, remove)
    qtbot.mouseClick(page.detail.buttons["status"], Qt.MouseButton.LeftButton)
    assert Household.get_by_id(household.id).removal_reason == "识别不精准"
    assert page.model.rowCount() == 0
    page.status_filter.setCurrentIndex(page.status_filter.findText("已清退"))
    assert page.model.rowCount() == 1
    page.table.selectRow(0)
    assert "已清退" in page.detail.summary.text()

    def put_back(dialog: QDialog) -> None:
        assert isinstance(dialog, StatusDialog)
        assert [dialog.status.itemText(i) for i in range(dialog.status.count())] == ["恢复在册（撤销清退）"]
        type_text(qtbot, dialog.reason, "复核后恢复")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(StatusDialog, put_back)
    qtbot.mouseClick(page.detail.buttons["status"], Qt.MouseButton.LeftButton)
    assert Household.get_by_id(household.id).removed_on is None
    page.status_filter.setCurrentIndex(0)
    assert page.model.rowCount() == 1


def test_enter_in_the_reason_saves_a_death_and_a_status_change(qtbot, page: HouseholdsPage) -> None:  # type: ignore[no-untyped-def]
    """QA: these dialogs opened with the focus on 取消, so Enter in 原因 cancelled — the death was lost."""
    from ui.dialogs.member_dialogs import StatusDialog

    when_dialog_opens(HouseholdDialog, lambda d: register_family(qtbot, d))
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    page.detail.members.selectRow(1)
    seen: dict[str, object] = {}

    def death(dialog: QDialog) -> None:
        assert isinstance(dialog, MemberExitDialog)
        seen["focus"] = type(QApplication.focusWidget()).__name__
        dialog.reason.setFocus()
        type_text(qtbot, dialog.reason, "病故")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    when_dialog_opens(MemberExitDialog, death)
    qtbot.mouseClick(page.detail.buttons["exit"], Qt.MouseButton.LeftButton)
    assert seen["focus"] != "QPushButton"
    assert Person.get(Person.id_number == WIFE).death_date is not None

    def exited(dialog: QDialog) -> None:
        assert isinstance(dialog, StatusDialog)
        dialog.reason.setFocus()
        type_text(qtbot, dialog.reason, "两不愁三保障达标")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    when_dialog_opens(StatusDialog, exited)
    qtbot.mouseClick(page.detail.buttons["status"], Qt.MouseButton.LeftButton)
    assert Household.get().status == "exited"
