"""The lock hides every window of the program (issue 17, item 1): a 新增户 dialog with a name
and an ID number typed in is covered while the unlock prompt waits, comes back as it was
(and still saves), a message that pops up while locked is covered too, 退出 / Esc asks
before typed input is thrown away, and a lock by hand does not blame idle minutes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from suining_desk.db.models import Household
from suining_desk.services import accounts
from tests.ui.conftest import DemoCounty, id_number
from tests.ui.housing_helpers import when_dialog_opens
from tests.ui.typing import type_text
from ui import tasks
from ui.dialogs.account_dialogs import LoginDialog
from ui.dialogs.household_dialog import HouseholdDialog
from ui.main_window import MainWindow
from ui.window.lock import COVER_NAME

PASSWORD = "suining2018"
LOCKED_TITLE = "绥宁扶贫台账（已锁定）"
NAME = "曾小伟"
ID = id_number("1990-05-06", 411, male=True)


def _window(qtbot: QtBot, demo_db: DemoCounty) -> MainWindow:
    accounts.create_first_admin("admin", "管理员", PASSWORD)
    window = MainWindow(demo_db.path, demo=False, account=accounts.login("admin", PASSWORD), auto_backup=False)
    qtbot.addWidget(window)
    window.show()
    window.area_tree.select_area(demo_db.areas.qingshi_1.id)
    window.show_page("households")
    return window


def _covered(window: QWidget) -> bool:
    """An opaque sheet over the whole window, above every other child."""
    covers = [c for c in window.children() if isinstance(c, QWidget) and c.objectName() == COVER_NAME]
    if not covers or not covers[0].isVisible() or covers[0].geometry() != window.rect():
        return False
    on_top = [c for c in window.children() if isinstance(c, QWidget) and c.isVisible() and not c.isWindow()][-1]
    return on_top is covers[0]


def _one_colour(image: QImage, rect: QRect) -> bool:
    colours = {image.pixel(x, y)
               for x in range(rect.left(), rect.right(), 2) for y in range(rect.top(), rect.bottom(), 2)}
    return len(colours) == 1


def _in_new_household(qtbot: QtBot, window: MainWindow, act: Callable[[HouseholdDialog], None]) -> None:
    def typed_then(dialog: QDialog) -> None:
        assert isinstance(dialog, HouseholdDialog)
        type_text(qtbot, dialog.person_form.name, NAME)
        type_text(qtbot, dialog.person_form.id_number, ID)
        act(dialog)

    when_dialog_opens(HouseholdDialog, typed_then)
    page = window.current_page()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)  # exec(): returns when the dialog ends


def _prompt(window: MainWindow) -> LoginDialog:
    prompt = window.security.dialog
    assert isinstance(prompt, LoginDialog) and prompt.fixed_user and prompt.isVisible()
    return prompt


def test_the_idle_lock_covers_a_dialog_and_brings_it_back_with_what_was_typed(
    qtbot: QtBot, demo_db: DemoCounty
) -> None:
    window = _window(qtbot, demo_db)
    seen: dict[str, object] = {}

    def lock_and_come_back(dialog: HouseholdDialog) -> None:
        window.security.idle.set_interval_ms(50)
        qtbot.waitUntil(lambda: window.security.locked, timeout=3000)
        prompt = _prompt(window)
        assert "长时间没有操作" in prompt.intro.text()
        assert prompt.windowModality() == Qt.WindowModality.ApplicationModal
        assert QApplication.activeModalWidget() is prompt  # nothing under a cover takes a key
        assert dialog.isVisible() and _covered(dialog) and _covered(window)
        assert dialog.windowTitle() == LOCKED_TITLE and window.windowTitle() == LOCKED_TITLE
        picture = dialog.grab().toImage()
        name_field = dialog.person_form.name
        seen["name hidden"] = _one_colour(picture, QRect(name_field.mapTo(dialog, name_field.rect().topLeft()),
                                                         name_field.size()))
        box = tasks.show_error(window, "导出失败", RuntimeError(f"{NAME} {ID}"))  # background work's message
        qtbot.waitUntil(lambda: _covered(box), timeout=2000)

        qtbot.keyClick(prompt, Qt.Key.Key_Escape)  # someone else wants the PC: asked, not quit
        ask = window.security.quit_box
        assert isinstance(ask, QMessageBox) and ask.isVisible() and "“新增建档立卡户”" in ask.text()
        qtbot.keyClick(ask, Qt.Key.Key_Escape)  # Esc keeps it locked
        qtbot.waitUntil(lambda: _prompt(window).isVisible(), timeout=2000)
        assert window.security.locked and window.isVisible() and dialog.isVisible()

        type_text(qtbot, prompt.password, PASSWORD)
        qtbot.keyClick(prompt.password, Qt.Key.Key_Return)
        assert not window.security.locked and not _covered(dialog) and not _covered(window)
        assert dialog.windowTitle() == "新增建档立卡户" and window.windowTitle().startswith("绥宁扶贫台账 — ")
        seen["typed"] = (dialog.person_form.name.text(), dialog.person_form.id_number.text())
        box.close()
        form = dialog.household_form  # the clerk finishes the household: it saves as before
        type_text(qtbot, form.household_no, "43052710000101077")
        dialog.add_pending_member()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    _in_new_household(qtbot, window, lock_and_come_back)
    assert seen == {"name hidden": True, "typed": (NAME, ID)}
    assert Household.get_or_none(Household.head_name == NAME) is not None


def test_quitting_from_the_lock_drops_typed_input_only_when_told(qtbot: QtBot, demo_db: DemoCounty) -> None:
    window = _window(qtbot, demo_db)

    def lock_then_quit(dialog: HouseholdDialog) -> None:
        window.security.lock_action.trigger()
        prompt = _prompt(window)
        qtbot.mouseClick(prompt.cancel_button, Qt.MouseButton.LeftButton)  # 退出
        ask = window.security.quit_box
        assert isinstance(ask, QMessageBox)
        quit_button = next(b for b in ask.buttons() if b.text() == "放弃并退出")
        qtbot.mouseClick(quit_button, Qt.MouseButton.LeftButton)
        assert not dialog.isVisible() and not window.isVisible()

    _in_new_household(qtbot, window, lock_then_quit)
    assert Household.get_or_none(Household.head_name == NAME) is None


def test_a_lock_by_hand_does_not_blame_idle_minutes_and_quits_when_nothing_is_typed(
    qtbot: QtBot, demo_db: DemoCounty
) -> None:
    window = _window(qtbot, demo_db)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window.navigation, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    prompt = _prompt(window)
    assert "长时间没有操作" not in prompt.intro.text() and "窗口已锁定" in prompt.intro.text()
    qtbot.keyClick(prompt, Qt.Key.Key_Escape)  # nothing typed anywhere: 退出 quits at once
    assert window.security.quit_box is None and not window.isVisible()
