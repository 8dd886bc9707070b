"""Small things that misled a new user (issue 17, item 6), each through the widget a clerk sees
(新增成员, submit and approve, the death date and the back-dated relocation have tests of their
own: test_members_joined_ui, test_batches_page, test_caps_ui, test_relocations_page)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from suining_desk.cli import main
from suining_desk.db.models import Household
from tests import exchange_sheets as sheets
from tests.county import FixtureCounty, id_number
from tests.ui.test_settings_page import county, page  # noqa: F401 - the fixtures
from ui.pages.checks import ChecksPage
from ui.pages.settings import SettingsPage
from ui.session import Session
from ui.widgets.household_form import HouseholdForm


def test_a_new_household_leaves_poverty_this_year(qtbot: QtBot) -> None:
    form = HouseholdForm([], today=dt.date(2026, 3, 5))
    qtbot.addWidget(form)
    assert form.exit_year.value() == 2026  # was 2018, whatever the year


def test_the_area_cap_example_is_a_per_person_area(qtbot: QtBot, page: SettingsPage) -> None:  # noqa: F811
    page.list.setCurrentRow(page.keys.index("relocation_area_per_person_x100"))
    assert page.area.placeholderText() == "平方米，如 25 或 25.5"


def test_the_checks_page_says_what_it_will_show_before_it_runs(qtbot: QtBot, county: FixtureCounty,  # noqa: F811
                                                              tmp_path: Path) -> None:
    checks = ChecksPage(Session(tmp_path / "ui.sqlite3", username="shenhe"))
    qtbot.addWidget(checks)
    assert checks.report.toPlainText() == ""
    assert checks.report.placeholderText().startswith("还没有运行。点“运行审计检查”后，这里按检查项列出发现的问题")


def test_one_wrong_row_is_one_wrong_row(county: FixtureCounty, tmp_path: Path,  # noqa: F811
                                        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A family of three with one bad ID number: 1 行有错误, and the other two rows are left out with it."""
    from suining_desk.db import close_database
    from suining_desk.services.accounts import create_first_admin

    create_first_admin("admin", "管理员", "Admin2018x")
    path = tmp_path / "ui.sqlite3"  # the county fixture's database
    close_database()
    monkeypatch.setenv("SUINING_PASSWORD", "Admin2018x")
    good = id_number("1990-01-01", 5, True)
    bad = good[:-1] + ("1" if good[-1] != "1" else "2")  # a wrong check character
    rows = [["H1", "吴长寿", sheets.WU, "户主", "长铺镇", "青石村", "一组"],
            ["H1", "吴小花", bad, "配偶", "长铺镇", "青石村", "一组"],
            ["H1", "吴小宝", id_number("2010-02-02", 6, True), "子", "长铺镇", "青石村", "一组"]]
    sheet = sheets.register_sheet(tmp_path / "花名册.xlsx", rows)
    assert main(["import", "households", str(sheet), "--db", str(path), "--user", "admin"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("未导入任何数据：1 行有错误（涉及 1 户，这些户共 3 行未导入），全部无误才会写入")
    from suining_desk.db import open_database

    open_database(path)
    assert not Household.select().exists()


def test_the_import_help_names_every_kind_of_file(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    assert "要导入的表格（.xlsx、旧版.xls、.csv或.txt）" in "".join(capsys.readouterr().out.split())
