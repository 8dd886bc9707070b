"""A member's 入户日期 in the window (issue 17, items 9 and 6): shown in the members table,
corrected in 修改成员, the day of the change for 新增成员 (whose 与户主关系 is chosen, not 户主 by
default), and a death dated before it is pointed out with both dates."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from suining_desk.db.models import Household, Person
from tests.county import FixtureCounty, id_number
from tests.ui.test_households_page import county, page, register_family, when_dialog_opens  # noqa: F401
from tests.ui.typing import type_text
from ui.dialogs.household_dialog import HouseholdDialog
from ui.dialogs.member_dialogs import MemberExitDialog, PersonDialog
from ui.pages.households import HouseholdsPage

LEFT = Qt.MouseButton.LeftButton
BABY = id_number("2018-10-20", 31, male=True)


def test_join_day_new_member_and_a_death_before_it(qtbot: QtBot, page: HouseholdsPage,  # noqa: F811
                                                   county: FixtureCounty) -> None:  # noqa: F811
    when_dialog_opens(HouseholdDialog, lambda d: register_family(qtbot, d))
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    household = Household.get()
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.detail.members.rowCount() == 3)
    headers = [page.detail.members.horizontalHeaderItem(c).text() for c in range(page.detail.members.columnCount())]
    joined_column = headers.index("入户日期")
    registered = household.registered_on or dt.date(2018, 12, 1)
    assert page.detail.members.item(0, joined_column).text() == registered.isoformat()

    def add_baby(dialog: QDialog) -> None:
        assert isinstance(dialog, PersonDialog)
        form = dialog.person_form
        assert form.relation.currentIndex() == -1 and form.relation.placeholderText() == "请选择"
        type_text(qtbot, form.name, "曾小宝")
        qtbot.keyClicks(form.id_number, BABY)
        qtbot.keyClicks(dialog.reason, "new")
        assert not dialog.save_button.isEnabled()  # 与户主关系 not chosen yet
        form.relation.setCurrentText("子")
        assert dialog.save_button.isEnabled()
        assert dialog.form.labelForField(dialog.date).text() == "入户日期(&D)："
        dialog.date.setDate(QDate(2018, 10, 20))
        qtbot.mouseClick(dialog.save_button, LEFT)

    when_dialog_opens(PersonDialog, add_baby)
    qtbot.mouseClick(page.detail.buttons["add"], LEFT)
    baby = Person.get(Person.name == "曾小宝")
    assert (baby.relation, baby.joined_on) == ("子", dt.date(2018, 10, 20))

    row = next(r for r in range(page.detail.members.rowCount()) if page.detail.members.item(r, 0).text() == "曾小宝")
    page.detail.members.selectRow(row)

    def correct(dialog: QDialog) -> None:
        assert isinstance(dialog, PersonDialog)
        assert dialog.person_form.joined.date() == QDate(2018, 10, 20)
        dialog.person_form.joined.setDate(QDate(2018, 10, 25))
        qtbot.keyClicks(dialog.reason, "fix")
        qtbot.mouseClick(dialog.save_button, LEFT)

    when_dialog_opens(PersonDialog, correct)
    qtbot.mouseClick(page.detail.buttons["edit_member"], LEFT)
    assert Person.get_by_id(baby.id).joined_on == dt.date(2018, 10, 25)
    assert page.detail.members.item(row, joined_column).text() == "2018-10-25"

    page.detail.members.selectRow(row)

    def early_death(dialog: QDialog) -> None:
        assert isinstance(dialog, MemberExitDialog)
        assert not dialog.problems.isVisible()  # today: after the join
        dialog.date.setDate(QDate(2018, 10, 21))
        assert dialog.problems.text() == "曾小宝的减员日期2018-10-21早于其入户日期2018-10-25，请核对两个日期"
        qtbot.keyClicks(dialog.reason, "x")
        assert dialog.save_button.isEnabled()  # said, not refused
        dialog.reject()

    when_dialog_opens(MemberExitDialog, early_death)
    qtbot.mouseClick(page.detail.buttons["exit"], LEFT)
    assert Person.get_by_id(baby.id).death_date is None
