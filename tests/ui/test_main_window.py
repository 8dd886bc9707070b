"""A clerk opens the window: the county's areas, the pages, the menus, the status bar."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from suining_desk import __version__
from suining_desk.db import open_database
from suining_desk.db.models import Household, Payment
from suining_desk.domain.enums import AreaLevel
from tests.ui.conftest import DemoCounty, fill_county
from tests.ui.waits import PATIENCE_MS
from ui.about import AboutDialog
from ui.main_window import PAGE_KEY_ROLE, MainWindow
from ui.navigation import PAGES
from ui.pages.households import HouseholdsPage
from ui.pages.overview import OverviewPage

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot: QtBot, demo_db: DemoCounty) -> MainWindow:
    window = MainWindow(demo_db.path, demo=False, user_label="luru（录入员）")
    qtbot.addWidget(window)
    with qtbot.waitActive(window, timeout=PATIENCE_MS):  # shortcuts go to the active window only
        window.show()
        window.activateWindow()
    return window


def click_area(qtbot: QtBot, window: MainWindow, area_id: int) -> None:
    tree = window.area_tree
    index = tree.index_of(area_id)
    tree.scrollTo(index)
    qtbot.mouseClick(tree.viewport(), LEFT, pos=tree.visualRect(index).center())


def click_page(qtbot: QtBot, window: MainWindow, key: str) -> None:
    nav = window.navigation
    item = next(nav.item(r) for r in range(nav.count()) if nav.item(r).data(PAGE_KEY_ROLE) == key)
    qtbot.mouseClick(nav.viewport(), LEFT, pos=nav.visualItemRect(item).center())


def test_title_and_status_bar_name_the_database_and_user(
    window: MainWindow, demo_db: DemoCounty
) -> None:
    assert window.windowTitle() == "绥宁扶贫台账 — county.sqlite3"
    assert window.database_status.text() == f"数据库：{demo_db.path}"
    assert window.user_status.text() == "用户：luru（录入员）"
    assert [window.file_menu.title(), window.help_menu.title()] == ["文件(&F)", "帮助(&H)"]


def test_demo_database_is_marked_in_the_title(qtbot: QtBot, demo_db: DemoCounty) -> None:
    window = MainWindow(demo_db.path, demo=True, user_label="admin（演示）")
    qtbot.addWidget(window)
    assert window.windowTitle() == "绥宁扶贫台账 — county.sqlite3（演示数据）"


def test_area_tree_shows_the_county_and_its_townships(
    window: MainWindow, demo_db: DemoCounty
) -> None:
    tree = window.area_tree
    assert tree.area_model.rowCount() == 1
    county = tree.area_model.index(0, 0)
    assert county.data() == "绥宁县" and tree.isExpanded(county)
    townships = [tree.area_model.index(r, 0, county).data() for r in range(2)]
    assert townships == ["长铺镇", "武阳镇"] and tree.area_model.rowCount(county) == 2
    assert tree.current_area_id() == demo_db.areas.county.id
    assert set(tree.area_ids(AreaLevel.TOWNSHIP)) == {
        demo_db.areas.changpu.id, demo_db.areas.wuyang.id}


def test_clicking_a_township_selects_it(
    qtbot: QtBot, window: MainWindow, demo_db: DemoCounty
) -> None:
    with qtbot.waitSignal(window.area_tree.area_selected, timeout=PATIENCE_MS) as signal:
        click_area(qtbot, window, demo_db.areas.wuyang.id)
    assert signal.args == [demo_db.areas.wuyang.id]
    overview = window.current_page()
    assert isinstance(overview, OverviewPage)
    assert overview.heading.text() == "绥宁县武阳镇概况"
    # The figures are the township's own: one household and its ¥1,000.00 in the fixture.
    assert overview.stats is not None
    assert (overview.stats.households, overview.stats.total_fen) == (1, 100000)


def test_clicking_empty_tree_space_keeps_the_area(qtbot: QtBot, window: MainWindow) -> None:
    tree = window.area_tree
    with qtbot.assertNotEmitted(tree.area_selected):
        qtbot.mouseClick(tree.viewport(), LEFT, pos=QPoint(5, tree.viewport().height() - 5))
    assert tree.current_area_id() is not None


def test_navigation_switches_pages_and_hands_them_the_area(
    qtbot: QtBot, window: MainWindow, demo_db: DemoCounty
) -> None:
    nav = window.navigation
    assert [nav.item(r).text() for r in range(nav.count())] == [s.title for s in PAGES]
    assert [s.title for s in PAGES[:2]] == ["概况", "建档立卡户"]
    click_area(qtbot, window, demo_db.areas.wuyang.id)
    click_page(qtbot, window, "households")
    page = window.current_page()
    assert isinstance(page, HouseholdsPage) and window.stack.currentWidget() is page
    assert page.model.rowCount() == 1  # 武阳镇 has one of the two households
    click_area(qtbot, window, demo_db.areas.county.id)
    assert page.model.rowCount() == 2
    click_page(qtbot, window, "overview")
    assert isinstance(window.current_page(), OverviewPage)


def test_about_dialog_from_the_help_menu(
    qtbot: QtBot, window: MainWindow, demo_db: DemoCounty
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(window.help_menu.isVisible, timeout=PATIENCE_MS)
    qtbot.keyClick(window.help_menu, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: window.about_dialog is not None and window.about_dialog.isVisible(),
                    timeout=PATIENCE_MS)
    dialog = window.about_dialog
    assert isinstance(dialog, AboutDialog)
    assert dialog.version_label.text() == f"版本 {__version__}"
    assert dialog.database_label.text() == f"数据库：{demo_db.path}"
    licence = dialog.findChild(QLabel, "licence_label")
    assert "文泉驿微米黑" in licence.text() and "Apache License 2.0" in licence.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible()


def test_open_another_database_with_ctrl_o(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = fill_county(tmp_path / "other" / "second.sqlite3")
    household = Household.get(Household.household_no == "43052710100101001")
    Payment.create(program=other.program, household=household, township=household.township,
                   village=household.village, period="2018-12", amount_fen=100, posted=True)
    open_database(window.session.db_path)  # the window's database is the open one again
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other.path), ""))

    with qtbot.waitSignal(window.database_opened, timeout=PATIENCE_MS):
        qtbot.keyClick(window, Qt.Key.Key_O, CTRL)
    assert window.windowTitle() == "绥宁扶贫台账 — second.sqlite3"
    assert window.database_status.text() == f"数据库：{other.path}"
    page = window.current_page()
    assert isinstance(page, OverviewPage) and page.count_labels["payments"].text() == "3"
    assert window.area_tree.current_area_id() == other.areas.county.id


def test_a_file_that_is_no_database_is_refused_in_chinese(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bogus = tmp_path / "笔记.sqlite3"
    bogus.write_text("这不是数据库", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bogus), ""))
    before = window.windowTitle()
    qtbot.keyClick(window, Qt.Key.Key_O, CTRL)
    box = window.error_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.windowTitle() == "无法打开数据库"
    assert box.text() == f"“{bogus}”不是本软件的数据库文件，或文件已损坏"
    qtbot.mouseClick(box.buttons()[0], LEFT)
    assert not box.isVisible()
    assert bogus.read_text(encoding="utf-8") == "这不是数据库"  # never written to
    assert window.windowTitle() == before
    page = window.current_page()
    assert isinstance(page, OverviewPage)
    qtbot.mouseClick(page.refresh_button, LEFT)  # still reading the first database
    assert page.count_labels["households"].text() == "2"


def reopen(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """Quit with Ctrl+Q, then open the window again on the same database."""
    qtbot.keyClick(window, Qt.Key.Key_Q, CTRL)
    assert not window.isVisible()
    again = MainWindow(window.session.db_path, demo=False, user_label="")
    qtbot.addWidget(again)
    again.show()
    return again


def test_window_size_and_splitter_are_remembered(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(760, 560)  # inside the offscreen screen (800×800)
    window.splitter.setSizes([300, 460])
    again = reopen(qtbot, window)
    assert (again.width(), again.height()) == (760, 560)
    assert again.splitter.sizes()[0] == 300


def test_the_last_page_is_remembered(qtbot: QtBot, window: MainWindow) -> None:
    click_page(qtbot, window, "households")
    again = reopen(qtbot, window)
    assert again.current_page_key() == "households"
    assert isinstance(again.current_page(), HouseholdsPage)
    assert again.user_status.text() == "用户：（未登录）"


def test_the_last_area_is_remembered_and_handed_to_the_page(
    qtbot: QtBot, window: MainWindow, demo_db: DemoCounty
) -> None:
    click_page(qtbot, window, "households")
    click_area(qtbot, window, demo_db.areas.wuyang.id)
    again = reopen(qtbot, window)
    assert again.area_tree.current_area_id() == demo_db.areas.wuyang.id
    page = again.current_page()
    assert isinstance(page, HouseholdsPage)
    assert page.current_filter().area_id == demo_db.areas.wuyang.id
    assert page.model.rowCount() == 1


def test_the_write_ahead_log_is_checkpointed_in_the_background(qtbot, demo_db: DemoCounty,  # type: ignore[no-untyped-def]
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from suining_desk.db.models import database
    from ui import tasks

    window = MainWindow(demo_db.path, demo=False, user_label="luru（录入员）")
    qtbot.addWidget(window)
    assert window.checkpoint_timer.isActive() and window.checkpoint_timer.interval() == 60_000
    assert database.execute_sql("PRAGMA wal_autocheckpoint").fetchone()[0] == 16384  # not inside commits
    size = demo_db.path.stat().st_size
    database.execute_sql("CREATE TABLE scratch (x)")  # 2 MB into the log, not yet into the file
    database.execute_sql("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
                         "INSERT INTO scratch SELECT randomblob(1000) FROM n")
    assert demo_db.path.stat().st_size < size + 1_000_000
    monkeypatch.setattr(tasks, "SYNCHRONOUS", True)
    window.checkpoint_timer.timeout.emit()
    assert window.checkpoint_task is None and demo_db.path.stat().st_size > size + 2_000_000
