"""审计日志 in words (issue 17, item 5): the 内容 column and the detail pane in Chinese (old → new,
元, the user's full name, 系统), and the pane says what it will show before anything is chosen."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from suining_desk import audit
from suining_desk.db.models import Household
from suining_desk.services import accounts, households
from suining_desk.services.household_detail import household_detail
from tests.county import TODAY
from tests.ui.conftest import DemoCounty
from ui.main_window import MainWindow
from ui.pages.audit import AuditPage, Col

PASSWORD = "Admin2018x"


@pytest.fixture
def page(qtbot: QtBot, demo_db: DemoCounty) -> Iterator[AuditPage]:
    accounts.create_first_admin("wang", "王主任", PASSWORD)
    household = Household.get(Household.household_no == "43052710000101001")
    data = dataclasses.replace(household_detail(household.id).data, phone="13907391234")
    households.update_household(household.id, data, user="wang", today=TODAY)
    audit.append("audit_baseline", username="system", after={"tables": ["household"]})
    window = MainWindow(demo_db.path, demo=False, account=accounts.login("wang", PASSWORD), auto_backup=False)
    qtbot.addWidget(window)
    window.resize(1200, 760)
    window.show()
    window.show_page("audit")
    page = window.current_page()
    assert isinstance(page, AuditPage)
    yield page


def cell(page: AuditPage, row: int, column: Col) -> str:
    return str(page.model.index(row, column).data())


def test_rows_and_detail_read_in_chinese(qtbot: QtBot, page: AuditPage) -> None:
    assert page.detail.toPlainText() == ""
    assert page.detail.placeholderText().startswith("选中上面的一条日志，这里显示它的全部内容")
    rows = {cell(page, r, Col.ACTION): r for r in range(page.model.rowCount())}
    updated = rows["修改农户"]
    assert cell(page, updated, Col.USER) == "王主任"
    assert cell(page, updated, Col.SUMMARY) == "联系电话：（空） → 13907391234"
    assert cell(page, rows["审计基线"], Col.USER) == "系统"
    assert [page.user.itemText(i) for i in range(page.user.count())] == ["全部", "系统", "王主任（wang）"]

    index = page.model.index(updated, Col.SUMMARY)
    page.view.scrollTo(index)
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=page.view.visualRect(index).center())
    text = page.detail.toPlainText()
    assert "王主任（wang）  修改农户  农户" in text
    assert "内容：\n  联系电话：（空） → 13907391234" in text
    assert "写入的记录：\n  农户 1：户编号：43052710000101001；乡镇：长铺镇" in text
    assert '"' not in text and "household_no" not in text

    page.use_dates.setChecked(True)  # a new filter: the pane is empty again and says what it is for
    assert page.detail.toPlainText() == "" and page.detail.placeholderText()
