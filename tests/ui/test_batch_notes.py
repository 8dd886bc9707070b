"""The new-batch dialog explains who is not paid, or paid for fewer people, because a
member died: the clerk sees the name and the date before creating the batch."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from suining_desk.db.models import Payment, Person
from suining_desk.services.households import record_member_exit
from tests.payments import TODAY, PaymentCounty
from tests.ui.test_batches_page import click, county, page_for, when_dialog_opens  # noqa: F401 - the fixture
from ui.dialogs.batch_dialog import NewBatchDialog


def _died(name: str, day: dt.date) -> None:
    record_member_exit(Person.get(Person.name == name).id, kind="died", date=day, reason="病故", user="luru",
                       today=TODAY)


def test_the_dialog_names_who_died(qtbot, county: PaymentCounty, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    _died("李桂英", dt.date(2018, 5, 10))
    _died("王老五", dt.date(2018, 1, 20))
    clerk = page_for(qtbot, county, tmp_path, "luru")
    seen: dict[str, object] = {}

    def compute(dialog: QDialog) -> None:
        assert isinstance(dialog, NewBatchDialog)
        for program in ("特困供养", "低保"):
            dialog.program.setCurrentText(program)
            dialog.period.clear()
            qtbot.keyClicks(dialog.period, "2018-06")
            click(qtbot, dialog.preview_button)
            model = dialog.exclusions
            seen[program] = [tuple(model.data(model.index(r, c), Qt.ItemDataRole.DisplayRole) for c in range(3))
                             for r in range(model.rowCount())]
            seen[program + "summary"] = dialog.summary.text()
        click(qtbot, dialog.create_button)

    when_dialog_opens(NewBatchDialog, compute)
    click(qtbot, clerk.new_button)
    assert seen["特困供养"] == [("43052710000101003", "王老五", "王老五已于2018-01-20死亡")]
    assert seen["低保"] == [("43052710000101001", "张建国", "享受人数由3人减为2人：李桂英已于2018-05-10死亡")]
    assert seen["低保summary"] == ("应发 2 笔，4 人，合计 900.00 元；未列入 0 个对象。"
                                   "1 笔因家庭成员死亡或减员少发人数（见下表说明）。")
    assert Payment.get(Payment.household == county.zhang).amount_fen == 60000
