"""An enrolment's end date is corrected through an audited correction, not an edit (issue 17,
item 9): 更正终止日期… on the 享受名单 page and ``program correct-end`` on the command line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from suining_desk.cli import main
from suining_desk.db import close_database, open_database
from suining_desk.db.models import AuditEntry, Enrolment
from suining_desk.services.enrolments import end_enrolment
from tests.payments import cli_payment_county
from tests.ui.test_households_page import when_dialog_opens
from tests.ui.test_money_pages import click, county, session  # noqa: F401
from tests.ui.typing import type_text
from ui.dialogs.money_dialogs import StepDialog
from ui.pages.enrolments import EnrolmentsPage


def test_the_page_corrects_a_mistyped_end_date(qtbot, county, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    enrolment = Enrolment.get((Enrolment.household == county.zhang) & Enrolment.person.is_null())
    end_enrolment(enrolment.id, dt.date(2018, 9, 30), "收入超标", user="luru", today=dt.date(2018, 12, 20))
    page = EnrolmentsPage(session(tmp_path, "luru"))
    qtbot.addWidget(page)
    page.show()
    page.set_area(county.areas.changpu.id)
    page.current_only.setChecked(False)
    page.table.selectRow(page.model.row_of(enrolment.id))
    assert page.correct_button.isEnabled() and not page.end_button.isEnabled()

    def correct(dialog: QDialog, day: dt.date) -> None:
        assert isinstance(dialog, StepDialog) and dialog.date is not None and dialog.reason is not None
        assert "终止日期现为" in dialog.findChild(object, "note").text()  # type: ignore[union-attr]
        dialog.date.setDate(day)
        click(qtbot, dialog.save_button)  # no reason: refused, the dialog stays
        assert dialog.isVisible() and "更正原因不能为空" in dialog.problems.text()
        type_text(qtbot, dialog.reason, "终止日期录入错误")
        click(qtbot, dialog.save_button)

    when_dialog_opens(StepDialog, lambda d: correct(d, dt.date(2018, 11, 30)))
    click(qtbot, page.correct_button)
    assert Enrolment.get_by_id(enrolment.id).end_date == dt.date(2018, 11, 30)
    assert page.notice is None  # nothing paid after 30 November
    entry = AuditEntry.select().where(AuditEntry.action == "enrolment_end_corrected").get()
    assert (entry.username, entry.before, entry.record_id) == ("luru", '{"end_date":"2018-09-30"}', str(enrolment.id))
    assert '"reason":"终止日期录入错误"' in entry.after

    # earlier than money already paid: corrected, and the clerk is told which periods to look at
    page.table.selectRow(page.model.row_of(enrolment.id))
    when_dialog_opens(StepDialog, lambda d: correct(d, dt.date(2018, 10, 20)))
    click(qtbot, page.correct_button)
    assert Enrolment.get_by_id(enrolment.id).end_date == dt.date(2018, 10, 20)
    assert isinstance(page.notice, QMessageBox)
    assert page.notice.text() == "终止日期更正为2018-10-20后，2018-11的发放已不在享受期内，请核对是否需要冲销"


def test_program_correct_end_on_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = cli_payment_county(tmp_path / "county.sqlite3", monkeypatch)
    open_database(path)
    enrolment = Enrolment.select().where(Enrolment.person.is_null()).order_by(Enrolment.id).first()
    close_database()
    base = ["program", "correct-end", str(enrolment.id), "--db", str(path), "--user", "luru"]
    assert main([*base, "--on", "2018-06-30", "--reason", "录错"]) == 1
    assert "尚未退出" in capsys.readouterr().err  # leaving is 退出, not a correction
    assert main(["program", "leave", str(enrolment.id), "--on", "2018-05-31", "--reason", "收入超标",
                 "--db", str(path), "--user", "luru"]) == 0
    capsys.readouterr()
    assert main([*base, "--on", "2018-06-30", "--reason", "终止日期录入错误"]) == 0
    assert capsys.readouterr().out.strip() == f"享受记录 {enrolment.id} 的终止日期已更正为 2018-06-30"
    later = (dt.date.today() + dt.timedelta(days=400)).isoformat()
    assert main([*base, "--on", later, "--reason", "x"]) == 1
    assert "晚于今天" in capsys.readouterr().err
