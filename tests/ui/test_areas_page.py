"""区划管理 (issue 17, item 2): in a new office database (the county and its 17 townships,
no village), the admin adds a village and a group by hand; the window's area tree shows
them, 新增户 offers the group, a clerk's first household is registered by hand; rename and
retire (never while households live there) keep the records."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from suining_desk.db import close_database, open_database
from suining_desk.db.models import Area, AuditEntry, Household
from suining_desk.services import accounts
from tests.ui.test_households_page import register_family, when_dialog_opens
from tests.ui.typing import type_text
from ui.dialogs.household_dialog import HouseholdDialog
from ui.main_window import MainWindow
from ui.pages.areas import AreasPage
from ui.pages.households import HouseholdsPage

PASSWORD = "Admin2018x"
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    path = tmp_path / "office.sqlite3"
    open_database(path)
    accounts.create_first_admin("wang", "王主任", PASSWORD)  # as init and the first run do
    window = MainWindow(path, demo=False, account=accounts.login("wang", PASSWORD), auto_backup=False)
    qtbot.addWidget(window)
    window.resize(1200, 760)
    window.show()
    yield window
    close_database()


def areas_page(qtbot: QtBot, window: MainWindow) -> AreasPage:
    window.show_page("areas")
    page = window.current_page()
    assert isinstance(page, AreasPage)
    return page


def pick(qtbot: QtBot, page: AreasPage, path: str) -> None:
    row = next(r for r in page.rows.values() if r.path == path)
    index = page._items[row.id].index()
    page.tree.scrollTo(index)
    qtbot.mouseClick(page.tree.viewport(), LEFT, pos=page.tree.visualRect(index).center())
    assert page.selected() is not None and page.selected().path == path  # type: ignore[union-attr]


def fill_and_save(qtbot: QtBot, page: AreasPage, name: str, code: str = "") -> None:
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.name.clear()
    type_text(qtbot, dialog.name, name)
    if code:
        qtbot.keyClicks(dialog.code, code)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)


def test_the_admin_adds_a_village_and_a_group_and_the_clerk_registers_there(
        qtbot: QtBot, window: MainWindow) -> None:
    nav = [window.navigation.item(r).text() for r in range(window.navigation.count())]
    assert nav[-1] == "区划管理"
    page = areas_page(qtbot, window)
    assert page.model.rowCount() == 17 and not page.add_group_button.isEnabled()

    pick(qtbot, page, "长铺镇")
    assert page.add_village_button.isEnabled() and not page.rename_button.isEnabled()
    qtbot.mouseClick(page.add_village_button, LEFT)
    assert page.dialog is not None and page.dialog.code.placeholderText() == "留空自动编为 430527100001"
    fill_and_save(qtbot, page, "青石村")
    assert page.dialog is not None and not page.dialog.isVisible()
    assert page.selected() is not None and page.selected().path == "长铺镇青石村"  # type: ignore[union-attr]

    qtbot.mouseClick(page.add_group_button, LEFT)
    fill_and_save(qtbot, page, "一组")
    qtbot.mouseClick(page.add_group_button, LEFT)
    fill_and_save(qtbot, page, "1组")  # the same group: refused, the dialog stays with the reason
    assert page.dialog.isVisible() and "长铺镇青石村已有“一组”" in page.dialog.problems.text()
    page.dialog.name.clear()
    fill_and_save(qtbot, page, "二组", code="12")
    assert "应为上级代码430527100001后加2位数字" in page.dialog.problems.text()
    page.dialog.code.clear()
    fill_and_save(qtbot, page, "二组", code="43052710000109")
    assert not page.dialog.isVisible()
    assert [(a.name, a.code) for a in Area.select().where(Area.level == 4).order_by(Area.code)] == [
        ("一组", "43052710000101"), ("二组", "43052710000109")]
    assert window.area_tree.area_name(Area.get(Area.name == "青石村").id) == "青石村"  # the window's tree too

    # the first household, by hand: 新增户 offers the new groups
    window.show_page("households")
    households = window.current_page()
    assert isinstance(households, HouseholdsPage)
    offered: list[str] = []

    def register(dialog: QDialog) -> None:
        assert isinstance(dialog, HouseholdDialog)
        box = dialog.household_form.group
        offered.extend(box.itemText(i) for i in range(box.count()))
        box.setCurrentIndex(0)
        register_family(qtbot, dialog)

    when_dialog_opens(HouseholdDialog, register)
    qtbot.keyClick(households, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert offered == ["长铺镇 青石村 一组", "长铺镇 青石村 二组"]
    group = Area.get(Area.name == "一组")
    assert Household.get().group_id == group.id and Household.get().member_count == 3

    # rename the group, then retire the village: refused while a household lives there
    page = areas_page(qtbot, window)
    page.refresh()
    pick(qtbot, page, "长铺镇青石村一组")
    qtbot.mouseClick(page.rename_button, LEFT)
    fill_and_save(qtbot, page, "青石一组")
    assert Area.get_by_id(group.id).name == "青石一组" and Household.get().group_id == group.id
    pick(qtbot, page, "长铺镇青石村")
    qtbot.mouseClick(page.retire_button, LEFT)
    box = page.error_box
    assert isinstance(box, QMessageBox) and box.objectName() == "retire_confirm"
    assert "撤销“长铺镇青石村”（连同其下各村民小组）？" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), LEFT)
    qtbot.waitUntil(lambda: isinstance(page.error_box, QMessageBox) and page.error_box.objectName() == "error_box")
    assert "还有1户在册" in page.error_box.text()
    page.error_box.close()
    pick(qtbot, page, "长铺镇青石村二组")
    qtbot.mouseClick(page.retire_button, LEFT)
    qtbot.mouseClick(page.error_box.button(QMessageBox.StandardButton.Yes), LEFT)
    qtbot.waitUntil(lambda: Area.get(Area.name == "二组").retired_on is not None)
    assert page.selected() is not None and page.selected().state_label.startswith("已撤销")  # type: ignore[union-attr]
    assert not page.retire_button.isEnabled() and not page.rename_button.isEnabled()
    assert window.area_tree.area_name(Area.get(Area.name == "二组").id) == "二组（已撤销）"
    logged = [e.action for e in AuditEntry.select().where(AuditEntry.table_name == "area").order_by(AuditEntry.seq)]
    assert logged[1:] == ["area_added", "area_added", "area_added", "area_renamed", "area_retired"]


def test_the_page_is_for_admins_only(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "office.sqlite3"
    open_database(path)
    accounts.create_first_admin("wang", "王主任", PASSWORD)
    clerk = accounts.create_user("li", "李四", "clerk", None, "Clerk2018x", by="wang")
    window = MainWindow(path, demo=False, account=clerk, auto_backup=False)
    qtbot.addWidget(window)
    keys = [spec.key for spec in window.page_specs]
    assert "areas" not in keys and "users" not in keys
    close_database()


def test_before_any_group_the_new_household_form_says_where_groups_come_from(qtbot: QtBot) -> None:
    from ui.widgets.household_form import HouseholdForm

    form = HouseholdForm([])
    qtbot.addWidget(form)
    line = form.group.lineEdit()
    assert line is not None and line.placeholderText() == "此区域还没有村民小组：请管理员在“区划管理”中新增"
