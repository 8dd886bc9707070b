"""概况: the counts and the money per program a clerk reads at a glance."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from suining_desk.db.models import Household, Payment, Person
from suining_desk.domain.money import format_fen
from tests.ui.conftest import DemoCounty
from ui.pages.overview import RAW_VALUE_ROLE, OverviewPage
from ui.session import Session


def open_overview(qtbot: QtBot, path: Path) -> OverviewPage:
    page = OverviewPage(Session(path))
    qtbot.addWidget(page)
    page.show()
    return page


def table_rows(page: OverviewPage) -> list[list[str]]:
    table = page.programs
    return [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]


def test_counts_of_the_county(qtbot: QtBot, demo_db: DemoCounty) -> None:
    page = open_overview(qtbot, demo_db.path)
    counts = {key: label.text() for key, label in page.count_labels.items()}
    assert counts == {"townships": "2", "villages": "2", "groups": "3", "households": "2",
                      "people": "3", "relocations": "0", "renovations": "0", "payments": "2"}
    page.set_area(None)
    assert page.heading.text() == "全县概况" and page.area_note.text() == ""
    page.set_area(demo_db.areas.county.id)
    assert page.heading.text() == "绥宁县概况" and page.area_note.text() == ""


def test_money_per_program_with_a_totals_row(qtbot: QtBot, demo_db: DemoCounty) -> None:
    page = open_overview(qtbot, demo_db.path)
    table = page.programs
    headers = [table.horizontalHeaderItem(c).text() for c in range(3)]
    assert headers == ["项目", "笔数", "金额（元）"]
    total = format_fen(sum(demo_db.posted_fen))
    assert total == "2,234.56"  # the draft of 999.99 is not money paid
    assert table_rows(page) == [["低保", "2", total], ["合计", "2", total]]
    assert table.item(1, 2).data(RAW_VALUE_ROLE) == sum(demo_db.posted_fen)
    for column in (1, 2):
        assert table.item(0, column).textAlignment() & Qt.AlignmentFlag.AlignRight
        assert table.horizontalHeaderItem(column).textAlignment() & Qt.AlignmentFlag.AlignRight
    assert table.item(1, 0).font().bold() and not table.item(0, 0).font().bold()


def test_refresh_shows_a_payment_posted_since(qtbot: QtBot, demo_db: DemoCounty) -> None:
    page = open_overview(qtbot, demo_db.path)
    household = Household.get(Household.household_no == "43052710000101001")
    Payment.create(program=demo_db.program, household=household, township=household.township,
                   village=household.village, period="2018-12", amount_fen=-123456,
                   reason="冲销：账号错误", posted=True)
    assert page.count_labels["payments"].text() == "2"  # nothing moves by itself
    qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    assert page.count_labels["payments"].text() == "3"
    assert table_rows(page)[-1] == ["合计", "3", format_fen(100000)]  # the reversal nets out
    qtbot.keyClick(page, Qt.Key.Key_F5)
    assert page.updated.text().startswith("统计时间：")


def test_counts_agree_with_the_households_list_and_show_only_the_levels_below(
        qtbot: QtBot, demo_db: DemoCounty) -> None:
    from suining_desk.services.household_query import HouseholdFilter, household_ids
    from suining_desk.services.households import refresh_household_summary
    from tests.county import id_number

    areas = demo_db.areas
    removed = Household.create(household_no="43052710000102001", township=areas.changpu, village=areas.qingshi,
                               group=areas.qingshi_2, head_name="刘清退", removed_on=dt.date(2018, 6, 1),
                               removal_reason="识别不精准，清退")
    Person.create(household=removed, name="刘清退", id_number=id_number("1966-02-02", 401, male=True),
                  relation="户主")
    refresh_household_summary(removed.id)
    page = open_overview(qtbot, demo_db.path)
    cards = ("townships", "villages", "groups")
    for area, shown in ((None, cards), (areas.county, cards), (areas.changpu, cards[1:]),
                        (areas.qingshi, cards[2:]), (areas.qingshi_2, ())):
        page.set_area(area.id if area is not None else None)
        listed = len(household_ids(HouseholdFilter(area_id=area.id if area is not None else None)))
        assert page.count_labels["households"].text() == str(listed)
        assert tuple(k for k in cards if page.cards[k].isVisible()) == shown, area
        assert page.removed_note.isVisible() and page.removed_note.text() == "另有清退 1 户"
        assert page.stats is not None and page.stats.removed_households == 1
    page.set_area(areas.changpu.id)
    assert (page.count_labels["households"].text(), page.count_labels["people"].text()) == ("1", "2")
    assert page.count_labels["villages"].text() == "1" and page.count_labels["groups"].text() == "2"
    page.set_area(areas.wuyang.id)
    assert page.count_labels["households"].text() == "1" and not page.removed_note.isVisible()
    assert page.cards["villages"].isVisible() and not page.cards["townships"].isVisible()
