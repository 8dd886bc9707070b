"""设置 → 银行文件格式 (issue 19, item 1): an admin sees the shipped formats, copies one, edits
the copy without touching code, tests it against a bank's sample file, makes it the default;
the batches page then exports and imports in the format the clerk picks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog
from pytestqt.qtbot import QtBot

import ui.tasks
from suining_desk.db import close_database, open_database
from suining_desk.db.models import PaymentOutcome
from suining_desk.exchange import bank_profiles as store
from suining_desk.services.access import account_of
from suining_desk.services.batches import create_batch
from tests.core.test_batches import walk
from tests.payments import TODAY, PaymentCounty, build_payment_county
from tests.ui.typing import type_text
from ui.dialogs.bank_file_dialog import ProfileDialog
from ui.dialogs.bank_profiles_dialog import BankProfilesDialog
from ui.dialogs.money_dialogs import StepDialog
from ui.pages.batches import BatchesPage
from ui.pages.settings import SettingsPage
from ui.session import Session

PAID_ON = dt.date(2018, 10, 10)


@pytest.fixture
def county(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[PaymentCounty]:
    monkeypatch.setattr(ui.tasks, "SYNCHRONOUS", True)
    open_database(tmp_path / "ui.sqlite3")
    yield build_payment_county()
    close_database()


def _session(tmp_path: Path, user: str) -> Session:
    return Session(tmp_path / "ui.sqlite3", username=user, fixed_today=TODAY, account=account_of(user))


def _dialog(qtbot: QtBot, tmp_path: Path) -> BankProfilesDialog:
    page = SettingsPage(_session(tmp_path, "admin"))
    qtbot.addWidget(page)
    page.show()
    assert page.bank_button.isEnabled()
    qtbot.mouseClick(page.bank_button, Qt.MouseButton.LeftButton)
    dialog = page.bank_dialog
    assert isinstance(dialog, BankProfilesDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    return dialog


def _select(dialog: BankProfilesDialog, name: str) -> None:
    row = next(r for r in range(dialog.list.count()) if dialog.list.item(r).data(Qt.ItemDataRole.UserRole) == name)
    dialog.list.setCurrentRow(row)


def test_an_admin_copies_edits_tests_and_chooses_a_format(qtbot: QtBot, county: PaymentCounty,
                                                           tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path)
    titles = [dialog.list.item(r).text() for r in range(dialog.list.count())]
    assert titles[0] == "✔ 标准格式（自带）" and len(titles) == 4
    _select(dialog, "pipe-gbk")
    assert dialog.form.title_edit.isReadOnly() and not dialog.save_button.isEnabled()  # shipped: copy to change
    assert dialog.preview.toPlainText().splitlines()[0] == "1|6221880000000001|张三|430527199001011234|960.00|低保"

    dialog.copy("县农商行")  # (the clerk types the name into a prompt)
    name = dialog.current().name  # type: ignore[union-attr]
    assert name == "县农商行" and (store.county_dir() / "县农商行.toml").is_file()
    assert not dialog.form.title_edit.isReadOnly()
    dialog.form.r_paid.clear()
    type_text(qtbot, dialog.form.r_paid, "成功、00、0000")
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert store.get_profile("县农商行").returns.paid == ("成功", "00", "0000")
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert store.chosen_name() == "县农商行" and dialog.list.currentItem().text().startswith("✔ 县农商行")

    sample = tmp_path / "回盘.txt"
    sample.write_bytes("1|6221880000000001|张建国|960.00|0000||20181012\r\n"
                       "2|6221880000000002|李德明|330.00|02|户名不符|20181012\r\n".encode("gbk"))
    dialog.test_sample(sample)
    said = "“回盘.txt”符合此格式：读出 2 笔（成功 1，失败 1），另有 0 行未定结果。"
    assert dialog.sample_result.text().startswith(said)
    assert dialog.sample_table.rowCount() == 2 and dialog.sample_table.item(1, 4).text() == "户名不符"
    assert dialog.sample_table.item(0, 1).text() == "************0001"  # the account masked in the preview
    sample.write_bytes("1|6221880000000001|张建国|960.00|0000|\r\n".encode("gbk"))
    dialog.test_sample(sample)
    assert dialog.sample_result.text().startswith("不符合此格式：银行回盘文件")
    assert "第1行：这一行有6列，格式规定7列" in dialog.sample_result.text()

    dialog.form.e_totals.setCurrentIndex(dialog.form.e_totals.findData("last"))  # a totals line, but no text yet
    assert "export.totals_line 的值不对" in dialog.problems.text() and not dialog.save_button.isEnabled()
    type_text(qtbot, dialog.form.e_totals_line, "合计|{count}|{total}")
    assert dialog.save_button.isEnabled() and dialog.preview.toPlainText().splitlines()[-1] == "合计|2|1290.00"


def test_only_an_admin_edits_formats(qtbot: QtBot, county: PaymentCounty, tmp_path: Path) -> None:
    page = SettingsPage(_session(tmp_path, "luru"))
    qtbot.addWidget(page)
    assert not page.bank_button.isEnabled()


def when_dialog_opens(kind: type[QDialog], act: object) -> None:
    def attempt() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(20, attempt)
        else:
            act(dialog)  # type: ignore[operator]
    QTimer.singleShot(0, attempt)


def test_the_clerk_picks_the_format_of_a_bank_file(qtbot: QtBot, county: PaymentCounty, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    batch = create_batch(county.programs["dibao"], "2018-10", county.areas.changpu.id, user="luru", pay_date=PAID_ON)
    walk(batch.batch_id, PAID_ON)
    page = BatchesPage(_session(tmp_path, "luru"))
    qtbot.addWidget(page)
    page.show()
    page.set_area(county.areas.changpu.id)
    page.select_batch(batch.batch_id)
    target = tmp_path / "代发.txt"
    asked: dict[str, str] = {}

    def save_name(*args: object, **kwargs: object) -> tuple[str, str]:
        asked["suggested"], asked["filter"] = str(args[2]), str(args[3])
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)

    def pick(dialog: QDialog) -> None:
        assert isinstance(dialog, ProfileDialog) and dialog.combo.currentData() == "standard"
        dialog.combo.setCurrentIndex(dialog.combo.findData("pipe-gbk"))
        assert "GBK" in dialog.note.text()
        dialog.accept()

    when_dialog_opens(ProfileDialog, pick)
    assert page.bank.export_bank() == 2
    assert asked["suggested"] == f"{batch.batch_no}.txt" and "*.txt" in asked["filter"]
    assert target.read_bytes().decode("gbk").startswith("1|6221880000000001|张建国|")
    answer = tmp_path / "回盘.txt"
    answer.write_bytes("1|6221880000000001|张建国|960.00|00||20181012\r\n".encode("gbk"))
    when_dialog_opens(StepDialog, lambda d: d.save_button.click())  # the bank's date: today, as offered
    page.bank.import_bank(answer, profile="pipe-gbk")
    assert PaymentOutcome.get().date == dt.date(2018, 10, 12)  # the line's own date
