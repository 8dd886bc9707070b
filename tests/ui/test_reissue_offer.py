"""重新发放 is offered in the window for exactly the lines the command line takes (issue 17,
item 9): a line reversed before any bank file was made may be re-issued (the batches page
offered it only for lines the bank returned), a line with the bank and no answer may not (the
payments page offered it, then refused) — the button says why."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from suining_desk.cli import main
from suining_desk.db import close_database, open_database
from suining_desk.db.models import Payment, PaymentBatch, User
from suining_desk.exchange.bank_files import export_bank_file
from suining_desk.services import batch_workflow as wf
from suining_desk.services.batches import create_batch
from suining_desk.services.corrections import reverse_payment
from tests.payments import CLI_PASSWORD, TODAY, PaymentCounty, build_payment_county
from tests.ui.test_batches_page import click, page_for, when_dialog_opens
from tests.ui.test_money_pages import session
from tests.ui.typing import type_text
from ui.dialogs.money_dialogs import StepDialog
from ui.pages.payments import PaymentsPage


@pytest.fixture
def posted(tmp_path: Path) -> tuple[PaymentCounty, int, int, int]:
    """Two 低保 batches of 长铺镇, posted: November's went to the bank, December's did not."""
    open_database(tmp_path / "ui.sqlite3")
    county = build_payment_county()
    batches = []
    for period, day in (("2018-11", dt.date(2018, 11, 10)), ("2018-12", dt.date(2018, 12, 10))):
        made = create_batch(county.programs["dibao"], period, county.areas.changpu.id, user="luru", pay_date=day)
        wf.submit_batch(made.batch_id, user="luru")
        wf.approve_batch(made.batch_id, user="shenhe")
        wf.post_batch(made.batch_id, day, user="shenhe", today=TODAY)
        batches.append(made.batch_id)
    export_bank_file(batches[0], tmp_path / "代发.xlsx", user="luru")
    with_bank = Payment.get((Payment.batch == batches[0]) & (Payment.household == county.zhang)).id
    never_sent = Payment.get((Payment.batch == batches[1]) & (Payment.household == county.zhang)).id
    reverse_payment(never_sent, "账号错误，冲回", user="shenhe", on=dt.date(2018, 12, 12), today=TODAY)
    yield county, batches[1], with_bank, never_sent
    close_database()


def test_the_pages_offer_what_the_command_line_takes(qtbot, posted, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    county, december, with_bank, never_sent = posted
    for user in ("shenhe", "luru"):  # a clerk re-issues a line a reviewer reversed
        page = page_for(qtbot, county, tmp_path, user)
        page.select_batch(december)
        page.detail.select_line(never_sent)
        assert page.detail.buttons["reissue"].isEnabled(), user
    payments = PaymentsPage(session(tmp_path, "shenhe"))
    qtbot.addWidget(payments)
    payments.show()
    payments.set_area(county.areas.changpu.id)
    row = next(r for r in range(payments.model.rowCount()) if payments.model.row_value(r).id == with_bank)
    payments.table.selectRow(row)
    assert not payments.reissue_button.isEnabled()
    assert payments.reissue_button.toolTip().startswith(f"发放记录{with_bank}已随银行代发文件送出")

    page = page_for(qtbot, county, tmp_path, "luru")
    page.select_batch(december)
    page.detail.select_line(never_sent)

    def reissue(dialog: QDialog) -> None:
        assert isinstance(dialog, StepDialog) and dialog.reason is not None
        assert dialog.findChild(object, "note").text().startswith("这笔已冲销；")  # type: ignore[union-attr]
        type_text(qtbot, dialog.reason, "更正账号后重新发放")
        click(qtbot, dialog.save_button)

    when_dialog_opens(StepDialog, reissue)
    click(qtbot, page.detail.buttons["reissue"])
    new = Payment.get(Payment.reissue_of == never_sent)
    assert (new.posted, PaymentBatch.get_by_id(new.batch_id).kind) == (False, "reissue")


def test_the_command_line_takes_the_same_lines(posted, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from argon2 import PasswordHasher

    _county, _december, with_bank, never_sent = posted
    User.update(password_hash=PasswordHasher().hash(CLI_PASSWORD)).execute()
    close_database()
    monkeypatch.setenv("SUINING_PASSWORD", CLI_PASSWORD)
    db = ["--db", str(tmp_path / "ui.sqlite3"), "--user", "shenhe"]
    assert main(["payment", "reissue", str(with_bank), "--reason", "x", "--reverse-reason", "y", *db]) == 1
    assert f"发放记录{with_bank}已随银行代发文件送出" in capsys.readouterr().err
    assert main(["payment", "reissue", str(never_sent), "--reason", "更正账号后重新发放", *db]) == 0
    open_database(tmp_path / "ui.sqlite3")
