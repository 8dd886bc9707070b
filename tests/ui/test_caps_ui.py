"""审核上限 in the window (issue 17, item 9): an admin sets it on 项目与标准 with its date; a
reviewer approving a batch with a line above it sees the line and gives a reason."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QDialog, QLabel

from suining_desk.db.models import PaymentBatch
from suining_desk.services import batch_workflow as wf
from suining_desk.services.batches import add_one_off_line, create_one_off_batch
from suining_desk.services.caps import cap_history
from tests.payments import PaymentCounty
from tests.ui.test_batches_page import click, county, page_for, when_dialog_opens  # noqa: F401
from tests.ui.test_money_pages import session
from tests.ui.typing import type_text
from ui.dialogs.cap_dialog import CapDialog
from ui.dialogs.money_dialogs import StepDialog
from ui.pages.programs import ProgramsPage


def test_admin_sets_a_cap_and_the_reviewer_confirms_above_it(qtbot, county: PaymentCounty,  # type: ignore[no-untyped-def]  # noqa: F811
                                                             tmp_path: Path) -> None:
    programs = ProgramsPage(session(tmp_path, "admin"))
    qtbot.addWidget(programs)
    programs.show()
    programs.programs.selectRow(next(r for r, p in enumerate(programs.items) if p.name == "医疗救助"))
    assert programs.cap_label.text() == "审核上限：未设置"

    def set_cap(dialog: QDialog) -> None:
        assert isinstance(dialog, CapDialog)
        assert dialog.history.text() == "尚未设置：不论多少都不需审核人另行确认"
        qtbot.keyClicks(dialog.amount, "1000")
        dialog.date.setDate(dt.date(2018, 1, 1))
        click(qtbot, dialog.save_button)

    when_dialog_opens(CapDialog, set_cap)
    click(qtbot, programs.cap_button)
    assert [(c.amount_fen, c.effective_from) for c in cap_history(county.programs["medical"])] == [
        (100_000, dt.date(2018, 1, 1))]
    assert programs.cap_label.text() == "审核上限：1,000.00 元"
    clerk_programs = ProgramsPage(session(tmp_path, "luru"))
    qtbot.addWidget(clerk_programs)
    assert not clerk_programs.cap_button.isEnabled()

    batch = create_one_off_batch(county.programs["medical"], "2018-11", county.areas.changpu.id, user="luru")
    add_one_off_line(batch.batch_id, county.zhao, 123_456, "住院医疗救助", user="luru", person_id=county.zhao_son)
    wf.submit_batch(batch.batch_id, user="luru")
    reviewer = page_for(qtbot, county, tmp_path, "shenhe")
    reviewer.select_batch(batch.batch_id)

    def approve(dialog: QDialog) -> None:
        assert isinstance(dialog, StepDialog) and dialog.reason is not None
        note = dialog.findChild(QLabel, "note").text()  # type: ignore[union-attr]
        assert ("以下 1 笔超过本项目审核上限 1,000.00 元，确认无误须填写理由：\n"
                "　赵小明（户43052710000101004）1,234.56元") in note
        click(qtbot, dialog.save_button)  # no reason: refused, the dialog stays
        assert dialog.isVisible() and "审核人须确认并填写理由" in dialog.problems.text()
        type_text(qtbot, dialog.reason, "大病住院，经审批会议同意")
        click(qtbot, dialog.save_button)

    when_dialog_opens(StepDialog, approve)
    click(qtbot, reviewer.detail.buttons["approve"])
    approved = PaymentBatch.get_by_id(batch.batch_id)
    assert (approved.status, approved.approved_by, approved.cap_reason) == ("approved", "shenhe",
                                                                           "大病住院，经审批会议同意")
