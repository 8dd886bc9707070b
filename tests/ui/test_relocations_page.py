"""A clerk at the 易地搬迁 page: record a relocation, walk it through every status, get refused."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from suining_desk.db import close_database, open_database
from suining_desk.db.models import AuditEntry, Relocation
from suining_desk.rules.housing import RenovationInput
from suining_desk.services.renovations import create_renovation
from tests.county import FixtureCounty, build_county
from tests.housing import TODAY, register_family, site
from tests.ui.housing_helpers import set_date, when_dialog_opens
from tests.ui.typing import type_text
from tests.ui.waits import PATIENCE_MS
from ui.dialogs.relocation_dialog import RelocationDialog
from ui.dialogs.step_dialog import StepDialog
from ui.pages.relocations import RelocationsPage
from ui.session import Session


@pytest.fixture
def county(tmp_path: Path) -> Iterator[FixtureCounty]:
    open_database(tmp_path / "ui.sqlite3")
    county = build_county()
    register_family(county, "43052710000101001", "曾伟", 201)
    register_family(county, "43052710100101001", "杨桂花", 301, village="fengmu")
    site(county)
    yield county
    close_database()


@pytest.fixture
def page(qtbot, county: FixtureCounty, tmp_path: Path) -> RelocationsPage:  # type: ignore[no-untyped-def]
    page = RelocationsPage(Session(tmp_path / "ui.sqlite3", username="luru", fixed_today=TODAY))
    qtbot.addWidget(page)
    page.resize(1300, 850)
    page.show()
    page.set_area(county.county.id)
    return page


def _pick_zeng_and_fill(qtbot, d: RelocationDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(d.household.search, "zw")  # 曾伟 by pinyin initials
    d.batch_year.setValue(2017)
    set_date(d.plan_date.edit, dt.date(2017, 3, 10))
    d.site.setCurrentIndex(1)
    type_text(qtbot, d.origin, "青石村高山组（地质灾害隐患点）")


def test_create_a_relocation_and_walk_it_through_every_status(qtbot, page: RelocationsPage) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, object] = {}

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, RelocationDialog)
        _pick_zeng_and_fill(qtbot, dialog)
        seen["people"] = dialog.people.value()  # the whole household, suggested
        seen["subsidy"] = dialog.subsidy.text()  # 20,000 a person from the settings
        qtbot.keyClicks(dialog.house_area, "75")
        seen["enabled"] = dialog.save_button.isEnabled()
        qtbot.keyClick(dialog.house_area, Qt.Key.Key_Return)  # Enter saves

    when_dialog_opens(RelocationDialog, fill)
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert seen == {"people": 3, "subsidy": "60,000.00", "enabled": True}
    [record] = Relocation.select()
    assert (record.people, record.house_area_x100, record.subsidy_fen, record.status) == (3, 7500, 6_000_000,
                                                                                         "planned")
    assert page.model.rowCount() == 1 and page.model.index(0, 3).data() == "曾伟"

    for to, day in (("building", dt.date(2017, 4, 1)), ("moved_in", dt.date(2018, 5, 1)),
                    ("demolished", dt.date(2018, 8, 1))):
        def step(dialog: QDialog, day: dt.date = day) -> None:
            assert isinstance(dialog, StepDialog)
            set_date(dialog.date, day)
            qtbot.keyClick(dialog.date, Qt.Key.Key_Return)

        when_dialog_opens(StepDialog, step)
        qtbot.mouseClick(page.detail.step_button, Qt.MouseButton.LeftButton)
        assert Relocation.get_by_id(record.id).status == to
    record = Relocation.get_by_id(record.id)
    assert (record.moved_in_date, record.demolished_date) == (dt.date(2018, 5, 1), dt.date(2018, 8, 1))
    assert page.model.index(0, 13).data() == "旧房已拆除"
    history = page.detail.history
    assert [history.item(r, 1).text() for r in range(history.rowCount())] == [
        "登记", "计划 → 建设中", "建设中 → 已入住", "已入住 → 旧房已拆除"]
    assert not page.detail.step_button.isEnabled() and page.detail.step_button.text() == "已办结"
    assert AuditEntry.select().where(AuditEntry.table_name == "relocation").count() == 4


def test_a_skipped_date_order_is_refused_in_the_step_dialog(qtbot, page: RelocationsPage) -> None:  # type: ignore[no-untyped-def]
    when_dialog_opens(RelocationDialog, lambda d: (_pick_zeng_and_fill(qtbot, d),  # type: ignore[arg-type]
                                                   qtbot.keyClicks(d.house_area, "75"),  # type: ignore[attr-defined]
                                                   d.save()))  # type: ignore[attr-defined]
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    seen: dict[str, object] = {}

    def early(dialog: QDialog) -> None:
        assert isinstance(dialog, StepDialog)
        set_date(dialog.date, dt.date(2017, 1, 1))
        seen["text"] = dialog.problems.text()
        seen["enabled"] = dialog.save_button.isEnabled()
        qtbot.keyClick(dialog.date, Qt.Key.Key_Return)  # refused: stays open, writes nothing
        seen["open"] = dialog.isVisible()

    when_dialog_opens(StepDialog, early)
    qtbot.mouseClick(page.detail.step_button, Qt.MouseButton.LeftButton)
    assert seen == {"text": "开工建设日期2017-01-01不能早于计划日期2017-03-10", "enabled": False, "open": True}
    assert Relocation.get().status == "planned"


def test_every_bad_value_gets_its_message_and_writes_nothing(qtbot, page: RelocationsPage) -> None:  # type: ignore[no-untyped-def]
    entries = AuditEntry.select().count()
    seen: dict[str, object] = {}

    def bad(dialog: QDialog) -> None:
        assert isinstance(dialog, RelocationDialog)
        _pick_zeng_and_fill(qtbot, dialog)
        qtbot.keyClicks(dialog.house_area, "80")
        seen["area"] = (dialog.labels["house_area"].text(), dialog.save_button.isEnabled())
        dialog.house_area.clear()
        type_text(qtbot, dialog.house_area, "七十五")
        seen["not_a_number"] = dialog.labels["house_area"].text()
        dialog.house_area.clear()
        qtbot.keyClicks(dialog.house_area, "75")
        dialog.people.setValue(5)
        seen["people"] = dialog.labels["people"].text()
        dialog.people.setValue(0)
        seen["no_people"] = dialog.labels["people"].text()
        dialog.people.setValue(3)
        dialog.subsidy.clear()
        qtbot.keyClicks(dialog.subsidy, "-5")
        seen["subsidy"] = dialog.labels["subsidy"].text()
        dialog.subsidy.clear()
        dialog.site.setCurrentIndex(0)
        seen["site"] = dialog.labels["site"].text()
        dialog.site.setCurrentIndex(1)
        set_date(dialog.plan_date.edit, dt.date(2019, 1, 1))
        seen["future"] = dialog.labels["plan_date"].text()
        set_date(dialog.plan_date.edit, dt.date(2017, 3, 10))
        qtbot.keyClicks(dialog.self_raised, "12000")  # above the cap: flagged, still allowed
        seen["self_raised"] = (dialog.labels["self_raised"].text(), dialog.save_button.isEnabled())
        dialog.self_raised.clear()
        dialog.house_area.clear()
        qtbot.keyClicks(dialog.house_area, "76")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # disabled: nothing happens
        seen["still_open"] = dialog.isVisible()

    when_dialog_opens(RelocationDialog, bad)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert seen["area"] == ("安置房面积80㎡超过上限：人均不超过25㎡，3人最多75㎡", False)
    assert "不是有效面积" in str(seen["not_a_number"])
    assert seen["people"] == "搬迁人口5人超过该户2017-03-10的在户人数3人"
    assert seen["no_people"] == "搬迁人口至少为1人"
    assert seen["subsidy"] == "金额“-5”不能为负数"
    assert seen["site"] == "集中安置必须选择安置点"
    assert seen["future"] == "日期2019-01-01晚于今天"
    assert seen["self_raised"] == ("自筹资金12,000.00元超过每户上限10,000.00元，请核查", True)
    assert seen["still_open"] is True
    assert Relocation.select().count() == 0 and AuditEntry.select().count() == entries


def test_a_renovated_household_needs_a_reviewers_reason(qtbot, page: RelocationsPage, county: FixtureCounty) -> None:  # type: ignore[no-untyped-def]
    zeng = Relocation._meta.database.execute_sql(
        "SELECT id FROM household WHERE household_no = '43052710000101001'").fetchone()[0]
    create_renovation(RenovationInput(household_id=zeng, year=2016, beneficiary_type="建档立卡贫困户", grade="C",
                                      method="修缮加固"), user="luru", today=TODAY)
    seen: dict[str, object] = {}

    def refused_then_overridden(dialog: QDialog) -> None:
        assert isinstance(dialog, RelocationDialog)
        _pick_zeng_and_fill(qtbot, dialog)
        qtbot.keyClicks(dialog.house_area, "75")
        seen["refused"] = (dialog.override_box.isVisible(), dialog.labels["override"].text(),
                           dialog.save_button.isEnabled())
        type_text(qtbot, dialog.override_reason, "原址地质灾害隐患，危改后仍须整体搬离")
        seen["enabled"] = dialog.save_button.isEnabled()
        qtbot.keyClick(dialog.override_reason, Qt.Key.Key_Return)

    when_dialog_opens(RelocationDialog, refused_then_overridden)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    visible, text, enabled = seen["refused"]  # type: ignore[misc]
    assert visible and not enabled
    assert text == ("已享受危房改造的户不得再纳入易地扶贫搬迁：户43052710000101001已有2016年C级危房改造（计划）。"
                    "确需搬迁的，须由审核人员填写审核意见后保存")
    assert seen["enabled"] is True
    record = Relocation.get()
    assert (record.override_by, record.override_reason) == ("luru", "原址地质灾害隐患，危改后仍须整体搬离")
    assert "重复享受" in page.model.index(0, 14).data()
    assert "经审核同意重复享受" in page.detail.checks.text()


def test_filters_search_and_the_model_tester(qtbot, page: RelocationsPage, county: FixtureCounty) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtTest import QAbstractItemModelTester

    when_dialog_opens(RelocationDialog, lambda d: (_pick_zeng_and_fill(qtbot, d),  # type: ignore[arg-type]
                                                   qtbot.keyClicks(d.house_area, "75"),  # type: ignore[attr-defined]
                                                   d.save()))  # type: ignore[attr-defined]
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    QAbstractItemModelTester(page.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert page.model.rowCount() == 1
    page.set_area(county.wuyang.id)
    assert page.model.rowCount() == 0 and page.detail.detail is None
    page.set_area(county.changpu.id)
    page.status_filter.setCurrentIndex(page.status_filter.findData("moved_in"))
    assert page.model.rowCount() == 0
    page.status_filter.setCurrentIndex(0)
    qtbot.keyClicks(page.search, "ygh")  # 杨桂花 has no relocation
    qtbot.waitUntil(lambda: page.search_result.text().startswith("找到"), timeout=PATIENCE_MS)
    assert page.model.rowCount() == 0
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=PATIENCE_MS)
    page.model.sort(3, Qt.SortOrder.DescendingOrder)
