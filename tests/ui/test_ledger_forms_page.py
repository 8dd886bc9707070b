"""The window's part of the ledger forms, through the widgets a clerk touches: 资金下达 in
项目与标准, 台账设置, 文件 → 核验台账… (in the background), the programs' own facts in the
one-off and enrolment dialogs, and the ledgers page's new options."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from suining_desk.db.models import Allocation, Enrolment, Payment, Program, User
from suining_desk.ledgers import make_spec, write_ledger
from suining_desk.services.batches import create_one_off_batch
from suining_desk.services.enrolments import EnrolmentInput, enrol, enrolment_details
from suining_desk.services.ledger_settings import notice_contacts, signer_roles
from tests.payments import PaymentCounty
from tests.ui.test_batches_page import click, when_dialog_opens
from tests.ui.test_money_pages import county, session  # noqa: F401 - the fixture
from tests.ui.typing import type_text
from ui.dialogs import verify_dialog
from ui.dialogs.allocation_dialog import AllocationDialog, VoidAllocationDialog
from ui.dialogs.enrol_dialog import EnrolmentDetailsDialog
from ui.dialogs.ledger_settings_dialog import LedgerSettingsDialog
from ui.dialogs.money_dialogs import OneOffLineDialog
from ui.dialogs.verify_dialog import VerifyDialog
from ui.pages.ledgers import LedgersPage
from ui.pages.ledgers.spec import spec_from
from ui.pages.programs import ProgramsPage
from ui.pages.settings import SettingsPage

pytestmark = pytest.mark.usefixtures("county")


def test_an_admin_records_and_voids_an_allocation(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    clerk = ProgramsPage(session(tmp_path, "luru"))
    qtbot.addWidget(clerk)
    assert not clerk.allocate_button.isEnabled() and not clerk.void_button.isEnabled()
    page = ProgramsPage(session(tmp_path, "admin"))
    qtbot.addWidget(page)
    page.show()
    page.programs.selectRow([p.name for p in page.items].index("低保"))
    seen: dict[str, object] = {}

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, AllocationDialog)
        seen["blank"] = dialog.save_button.isEnabled()
        dialog.year.setValue(2018)
        dialog.level.setCurrentIndex(dialog.level.findData("central"))
        type_text(qtbot, dialog.amount, "1,200,000")
        type_text(qtbot, dialog.doc_no, "湘财社〔2018〕12号")
        click(qtbot, dialog.save_button)

    when_dialog_opens(AllocationDialog, fill)
    click(qtbot, page.allocate_button)
    assert seen["blank"] is False
    assert page.allocations.rowCount() == 1
    assert page.allocations.item(0, 3).text() == "湘财社〔2018〕12号" and page.allocations.item(0, 1).text() == "中央"
    page.allocations.selectRow(0)

    def void(dialog: QDialog) -> None:
        assert isinstance(dialog, VoidAllocationDialog)
        type_text(qtbot, dialog.reason, "金额录错")
        click(qtbot, dialog.save_button)

    when_dialog_opens(VoidAllocationDialog, void)
    click(qtbot, page.void_button)
    assert page.allocations.item(0, 5).text().startswith("已作废")
    assert Allocation.get().void_reason == "金额录错"


def test_ledger_settings_are_an_admins(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    clerk = SettingsPage(session(tmp_path, "luru"))
    qtbot.addWidget(clerk)
    assert not clerk.ledger_button.isEnabled()
    page = SettingsPage(session(tmp_path, "admin"))
    qtbot.addWidget(page)
    page.show()

    def edit(dialog: QDialog) -> None:
        assert isinstance(dialog, LedgerSettingsDialog)
        assert dialog.days["civil"].minimum() == 7 and dialog.days["poverty"].minimum() == 10  # never below the rule
        type_text(qtbot, dialog.phone, "0739-7621234")
        dialog.units["poverty"].setCurrentIndex(dialog.units["poverty"].findData("working"))
        dialog.hidden["id_number"].setChecked(True)
        dialog.signers["payments"]["deputy"].setChecked(False)
        dialog.signers["payments"]["finance"].setChecked(True)
        click(qtbot, dialog.save_button)

    when_dialog_opens(LedgerSettingsDialog, edit)
    click(qtbot, page.ledger_button)
    assert notice_contacts().phone == "0739-7621234"
    assert signer_roles("payments", ()) == ("preparer", "reviewer", "head", "finance")


def _ledger(tmp_path: Path) -> Path:
    out = tmp_path / "低保台账.pdf"
    spec = make_spec("payments", {"program": "低保", "year": 2018, "month": 11}, date=dt.date(2018, 12, 1))
    write_ledger(spec, out, username="admin")
    return out


def test_verify_a_printed_ledger_in_the_window(qtbot, county: PaymentCounty, tmp_path: Path,  # type: ignore[no-untyped-def]  # noqa: F811, E501
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = _ledger(tmp_path)
    monkeypatch.setattr(verify_dialog, "ask_ledger_file", lambda parent, folder: pdf)
    dialog = VerifyDialog(session(tmp_path, "admin"))  # a county ledger: a county-wide user checks it
    qtbot.addWidget(dialog)
    dialog.show()
    click(qtbot, dialog.browse_button)  # choosing the file checks it (the work runs as a background task)
    assert dialog.outcome is not None and dialog.outcome.ok
    assert dialog.headline.text().startswith("核验通过：低保台账.pdf")
    source = Payment.get(Payment.posted & (Payment.period == "2018-11") & (Payment.program == county.programs["dibao"]))
    Payment.create(program=source.program_id, household=source.household_id, township=source.township_id,
                   village=source.village_id, period="2018-11", amount_fen=9_900, posted=True,
                   paid_date=dt.date(2018, 11, 30))
    click(qtbot, dialog.verify_button)
    assert not dialog.outcome.ok and "不一致" in dialog.headline.text()
    shown = dialog.details.toPlainText()
    assert "数据库中新增了1条记录" in shown and "99.00" in shown


def test_the_window_offers_verify_in_the_file_menu(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    window = MainWindow(demo_db.path, demo=True, user_label="admin")
    qtbot.addWidget(window)
    assert window.verify_action in window.file_menu.actions()
    assert window.verify_action.text() == "核验台账(&V)…"


def test_a_medical_line_records_how_its_amount_was_reached(qtbot, county: PaymentCounty,  # type: ignore[no-untyped-def]  # noqa: F811, E501
                                                          tmp_path: Path) -> None:
    batch = create_one_off_batch(county.programs["medical"], "2018-12", county.areas.changpu.id, user="luru")
    dialog = OneOffLineDialog(batch.batch_id, user="luru")
    qtbot.addWidget(dialog)
    assert dialog.details is not None
    dialog.picker.choose(county.zhao, "赵大山户")
    dialog.person.setCurrentIndex(dialog.person.findData(county.zhao_son))
    for key, text in (("total_cost_fen", "12000"), ("reimbursed_fen", "8000"), ("rate_x100", "70"),
                      ("illness", "慢性肾病")):
        type_text(qtbot, dialog.details.edits[key], text)
    type_text(qtbot, dialog.amount, "2800")
    type_text(qtbot, dialog.reason, "住院医疗救助")
    dialog.save()
    assert dialog.payment_id is not None
    assert "慢性肾病" in Payment.get_by_id(dialog.payment_id).details


def test_a_students_school_and_grade_on_the_enrolment(qtbot, county: PaymentCounty,  # type: ignore[no-untyped-def]  # noqa: F811, E501
                                                      tmp_path: Path) -> None:
    yulu = Program.get(Program.code == "yulu")
    enrolment_id = enrol(EnrolmentInput(yulu.id, county.zhao, county.zhao_son, "", 1, dt.date(2018, 9, 1)),
                         user="luru")
    from suining_desk.services.enrolment_query import enrolment_rows

    row = enrolment_rows([enrolment_id])[enrolment_id]
    dialog = EnrolmentDetailsDialog(row, user="luru")
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.details.edits["school"], "邵阳职业技术学院")
    type_text(qtbot, dialog.details.edits["grade"], "高职一年级")
    dialog.save()
    assert enrolment_details(enrolment_id) == {"grade": "高职一年级", "school": "邵阳职业技术学院"}
    assert Enrolment.get_by_id(enrolment_id).details


def test_the_ledgers_page_signs_with_the_full_name_and_takes_the_notice_rule(qtbot,  # type: ignore[no-untyped-def]
                                                                            tmp_path: Path) -> None:
    User.update(display_name="刘小录").where(User.username == "luru").execute()
    page = LedgersPage(session(tmp_path, "luru"))
    qtbot.addWidget(page)
    assert page.preparer.text() == "刘小录"  # the user's full name, not the login
    page.kind.setCurrentIndex(page.kind.findData("payments"))
    page.public.setChecked(True)
    assert page.notice_days.value() == 0 and page.notice_days.text() == "按规定"
    spec = spec_from(page.form.values(), "luru")
    assert spec.notice_days == 7 and spec.notice_unit == "calendar"
    page.notice_days.setValue(3)
    assert spec_from(page.form.values(), "luru").notice_days == 3
