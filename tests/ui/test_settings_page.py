"""设置: a new cap from a date on, refused values, and the settlement sites."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from suining_desk.db import close_database, open_database
from suining_desk.db.models import SettlementSite
from suining_desk.services.settings import RELOCATION_AREA_CAP, RENOVATION_STANDARD_D, setting_value
from tests.county import FixtureCounty, build_county
from tests.housing import TODAY
from tests.ui.housing_helpers import set_date, when_dialog_opens
from tests.ui.typing import type_text
from ui.dialogs.sites_dialog import SitesDialog
from ui.pages.settings import SettingsPage
from ui.session import Session


@pytest.fixture
def county(tmp_path: Path) -> Iterator[FixtureCounty]:
    open_database(tmp_path / "ui.sqlite3")
    yield build_county()
    close_database()


@pytest.fixture
def page(qtbot, county: FixtureCounty, tmp_path: Path) -> SettingsPage:  # type: ignore[no-untyped-def]
    page = SettingsPage(Session(tmp_path / "ui.sqlite3", username="admin", fixed_today=TODAY))
    qtbot.addWidget(page)
    page.show()
    return page


def test_a_new_area_cap_from_a_date_on(qtbot, page: SettingsPage) -> None:  # type: ignore[no-untyped-def]
    page.list.setCurrentRow(page.keys.index(RELOCATION_AREA_CAP))
    assert page.history.item(0, 1).text() == "25 ㎡"
    qtbot.keyClicks(page.area, "0")
    assert page.problems.text() == "搬迁安置房人均面积上限必须大于0" and not page.save_button.isEnabled()
    page.area.clear()
    qtbot.keyClicks(page.area, "30")
    set_date(page.effective_from, dt.date(2019, 1, 1))
    qtbot.keyClick(page.area, Qt.Key.Key_Return)
    assert setting_value(RELOCATION_AREA_CAP, dt.date(2019, 1, 1)) == 3000
    assert setting_value(RELOCATION_AREA_CAP, dt.date(2018, 12, 31)) == 2500
    assert [page.history.item(r, 0).text() for r in range(page.history.rowCount())] == ["2019-01-01", "2000-01-01"]


def test_a_renovation_standard_takes_money(qtbot, page: SettingsPage) -> None:  # type: ignore[no-untyped-def]
    page.list.setCurrentRow(page.keys.index(RENOVATION_STANDARD_D))
    type_text(qtbot, page.money, "３万")
    assert "不是有效金额" in page.problems.text()
    page.money.clear()
    qtbot.keyClicks(page.money, "40,000")
    set_date(page.effective_from, dt.date(2018, 1, 1))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert setting_value(RENOVATION_STANDARD_D, dt.date(2018, 6, 1)) == 4_000_000


def test_add_and_correct_a_settlement_site(qtbot, page: SettingsPage, county: FixtureCounty) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, object] = {}

    def manage(dialog: QDialog) -> None:
        assert isinstance(dialog, SitesDialog)
        seen["empty"] = dialog.add_button.isEnabled()
        type_text(qtbot, dialog.name, "长铺镇集镇安置点")
        dialog.kind.setCurrentText("集镇")
        dialog.capacity.setValue(120)
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        type_text(qtbot, dialog.name, "长铺镇集镇安置点")
        seen["taken"] = dialog.problems.text()
        dialog.table.selectRow(0)
        dialog.capacity.setValue(150)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        seen["rows"] = dialog.table.rowCount()

    when_dialog_opens(SitesDialog, manage)
    qtbot.mouseClick(page.sites_button, Qt.MouseButton.LeftButton)
    assert seen == {"empty": False, "taken": "该乡镇已有名为“长铺镇集镇安置点”的安置点", "rows": 1}
    [site] = SettlementSite.select()
    assert (site.name, site.township_id, site.kind, site.capacity) == (
        "长铺镇集镇安置点", county.changpu.id, "集镇", 150)
