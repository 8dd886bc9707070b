"""Any record an audit finding names, read-only: a relocation shows its fields by name, with
the household's number, areas and site by name and money in yuan (not the stored row)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot

from suining_desk.db.models import Person, database
from suining_desk.rules.housing import RelocationInput
from suining_desk.services.relocations import create_relocation
from tests.county import build_county
from tests.housing import TODAY, register_family, site
from ui.session import Session
from ui.widgets.record_view import record_widget


def test_a_relocation_reads_as_words_and_a_person_as_their_household(qtbot: QtBot, db: object) -> None:
    county = build_county()
    household = register_family(county, "43052710000101001", "曾伟", 201)
    relocation = create_relocation(RelocationInput(
        household_id=household, batch_year=2017, people=3, mode="concentrated", site_id=site(county),
        origin="青石村高山组", house_area_x100=7450, subsidy_fen=6_000_000, self_raised_fen=300_000,
        plan_date=dt.date(2017, 3, 10)), user="luru", today=TODAY)
    session = Session(db_path=Path(database.database), fixed_today=TODAY)

    view, title = record_widget("relocation", relocation, session)
    assert isinstance(view, QTextBrowser) and title == "易地搬迁"
    text = view.toPlainText()
    for shown in ("户编号", "43052710000101001", "乡镇", "长铺镇", "村", "青石村", "安置点", "长铺镇集镇安置点",
                  "安置方式", "集中安置", "住房面积(㎡)", "74.5", "补助(元)", "60,000.00", "自筹(元)", "3,000.00",
                  "计划日期", "2017-03-10", "进度"):
        assert shown in text
    assert "subsidy_fen" not in text and "6000000" not in text

    person = Person.select().where(Person.household == household).first()
    _, title = record_widget("person", person.id, session)
    assert title == "户 43052710000101001"
    view, title = record_widget("person", 999_999, session)
    assert title == "人员" and view.toPlainText() == "记录不存在"
    view, _ = record_widget("renovation", 999_999, session)
    assert view.toPlainText() == "记录不存在"
