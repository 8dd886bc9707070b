"""项目与标准 through the widgets: an admin creates and edits a program and adds a dated
standard in dialogs that explain what is wrong as they type and keep Save disabled until
nothing is; nobody else may; what is saved is audited and still there after a restart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from suining_desk.db import close_database, open_database
from suining_desk.db.models import AuditEntry, Program, Standard
from tests.ui.test_batches_page import click, when_dialog_opens
from tests.ui.test_money_pages import county, session  # noqa: F401 - the fixture
from tests.ui.typing import type_text
from ui.dialogs.program_dialogs import ProgramDialog, StandardDialog
from ui.pages.programs import ProgramsPage

pytestmark = pytest.mark.usefixtures("county")


def _page(qtbot, tmp_path: Path, user: str) -> ProgramsPage:  # type: ignore[no-untyped-def]
    page = ProgramsPage(session(tmp_path, user))
    qtbot.addWidget(page)
    page.show()
    return page


def test_only_an_admin_gets_the_buttons(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for user in ("luru", "shenhe"):
        page = _page(qtbot, tmp_path, user)
        assert not any(b.isEnabled() for b in (page.add_button, page.new_program_button, page.edit_program_button))
    page = _page(qtbot, tmp_path, "admin")
    assert all(b.isEnabled() for b in (page.add_button, page.new_program_button, page.edit_program_button))


def test_admin_creates_and_edits_a_program(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, tmp_path, "admin")
    seen: dict[str, object] = {}

    def create(dialog: QDialog) -> None:
        assert isinstance(dialog, ProgramDialog)
        seen["blank"] = dialog.save_button.isEnabled()
        qtbot.keyClicks(dialog.code, "Water")
        seen["bad_code"] = (dialog.save_button.isEnabled(), dialog.problems.text())
        dialog.code.clear()
        qtbot.keyClicks(dialog.code, "water")
        type_text(qtbot, dialog.name, "低保")  # taken
        seen["taken"] = (dialog.save_button.isEnabled(), dialog.problems.text())
        dialog.name.clear()
        type_text(qtbot, dialog.name, "饮水安全补助")
        dialog.basis.setCurrentIndex(dialog.basis.findText("按户"))
        dialog.frequency.setCurrentIndex(dialog.frequency.findText("按年"))
        type_text(qtbot, dialog.funding, "县级财政")
        seen["valid"] = (dialog.save_button.isEnabled(), dialog.problems.isVisible())
        click(qtbot, dialog.save_button)

    when_dialog_opens(ProgramDialog, create)
    click(qtbot, page.new_program_button)
    assert seen["blank"] is False
    assert seen["bad_code"][0] is False and "项目代码“Water”应为" in str(seen["bad_code"][1])  # type: ignore[index]
    assert seen["taken"][0] is False and "已有名称或代码为“低保”的项目" in str(seen["taken"][1])  # type: ignore[index]
    assert seen["valid"] == (True, False)
    water = Program.get(Program.code == "water")
    assert (water.name, water.basis, water.frequency, water.funding_source) == (
        "饮水安全补助", "household", "yearly", "县级财政")
    assert page.current() is not None and page.current().id == water.id  # type: ignore[union-attr]

    def edit(dialog: QDialog) -> None:
        assert isinstance(dialog, ProgramDialog) and dialog.code.text() == "water"
        dialog.funding.clear()
        type_text(qtbot, dialog.funding, "省级财政")
        click(qtbot, dialog.save_button)

    when_dialog_opens(ProgramDialog, edit)
    click(qtbot, page.edit_program_button)
    assert Program.get_by_id(water.id).funding_source == "省级财政"
    assert [e.action for e in AuditEntry.select().where(AuditEntry.record_id == str(water.id),
                                                        AuditEntry.table_name == "program")] == [
        "program_created", "program_updated"]
    rows = [page.programs.item(r, 0).text() for r in range(page.programs.rowCount())]
    assert "饮水安全补助" in rows


def test_a_program_with_batches_keeps_its_frequency(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, tmp_path, "admin")
    page.programs.selectRow(0)  # 低保: it has posted batches
    seen: dict[str, object] = {}

    def edit(dialog: QDialog) -> None:
        assert isinstance(dialog, ProgramDialog)
        dialog.frequency.setCurrentIndex(dialog.frequency.findText("按季"))
        seen["after"] = (dialog.save_button.isEnabled(), dialog.problems.text())
        dialog.reject()

    when_dialog_opens(ProgramDialog, edit)
    click(qtbot, page.edit_program_button)
    assert seen["after"][0] is False and "已有发放批次" in str(seen["after"][1])  # type: ignore[index]


def test_admin_adds_a_dated_standard_that_survives_a_restart(qtbot,  # type: ignore[no-untyped-def]
                                                             tmp_path: Path) -> None:
    page = _page(qtbot, tmp_path, "admin")
    assert page.programs.item(0, 0).text() == "低保"
    assert "A 320.00" in page.programs.item(0, 4).text()
    seen: dict[str, object] = {}

    def add(dialog: QDialog) -> None:
        assert isinstance(dialog, StandardDialog)
        seen["blank"] = dialog.save_button.isEnabled()
        dialog.category.setCurrentText("A")
        qtbot.keyClicks(dialog.amount, "abc")
        seen["bad"] = (dialog.save_button.isEnabled(), dialog.problems.text())
        dialog.amount.clear()
        qtbot.keyClicks(dialog.amount, "0")
        seen["zero"] = (dialog.save_button.isEnabled(), dialog.problems.text())
        dialog.amount.clear()
        qtbot.keyClicks(dialog.amount, "345.5")
        dialog.date.setDate(dt.date(2018, 7, 1))  # A already has a standard from that day
        seen["same_day"] = (dialog.save_button.isEnabled(), dialog.problems.text())
        dialog.date.setDate(dt.date(2019, 1, 1))
        seen["valid"] = dialog.save_button.isEnabled()
        click(qtbot, dialog.save_button)

    when_dialog_opens(StandardDialog, add)
    click(qtbot, page.add_button)
    assert seen["blank"] is False
    assert seen["bad"][0] is False and seen["bad"][1]  # type: ignore[index]
    assert seen["zero"][0] is False and "标准金额必须大于0" in str(seen["zero"][1])  # type: ignore[index]
    assert seen["same_day"][0] is False and "已有标准" in str(seen["same_day"][1])  # type: ignore[index]
    assert seen["valid"] is True
    new = Standard.get(Standard.amount_fen == 34550)
    assert (new.category, new.effective_from) == ("A", dt.date(2019, 1, 1))
    assert AuditEntry.select().where(AuditEntry.action == "standard_added").count() == 1
    assert page.standards.rowCount() == 13

    close_database()  # the program restarts
    open_database(tmp_path / "ui.sqlite3")
    again = _page(qtbot, tmp_path, "admin")
    shown = [tuple(again.standards.item(r, c).text() for c in range(3)) for r in range(again.standards.rowCount())]
    assert ("A", "2019-01-01", "345.50") in shown
