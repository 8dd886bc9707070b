"""The payments, checks, programs and enrolments pages: totals that agree with the CLI and
SQL to the fen, findings with links to their records, standards and enrolments entered."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QUrl
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QDialog

import ui.tasks
from suining_desk.cli import main
from suining_desk.db import close_database, open_database
from suining_desk.db.models import Enrolment, Household, Payment, PaymentBatch, PaymentOutcome, User, database
from suining_desk.services import batch_workflow as wf
from suining_desk.services.access import account_of
from suining_desk.services.batches import add_one_off_line, create_batch, create_one_off_batch
from tests.core.test_batches import walk
from tests.payments import TODAY, PaymentCounty, build_payment_county
from tests.ui.test_batches_page import click, when_dialog_opens
from tests.ui.typing import type_text
from tests.ui.waits import PATIENCE_MS
from ui.dialogs.enrol_dialog import EnrolDialog
from ui.dialogs.money_dialogs import StepDialog
from ui.pages.checks import ChecksPage, RecordDialog
from ui.pages.enrolments import EnrolmentsPage
from ui.pages.payments import PaymentsPage
from ui.session import Session


@pytest.fixture
def county(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[PaymentCounty]:
    monkeypatch.setattr(ui.tasks, "SYNCHRONOUS", True)
    open_database(tmp_path / "ui.sqlite3")
    c = build_payment_county()
    for period in ("2018-10", "2018-11"):
        for program in ("dibao", "disability"):
            batch = create_batch(c.programs[program], period, c.areas.county.id, user="admin",
                                 pay_date=dt.date(2018, 10, 10))
            _post(batch.batch_id, dt.date(2018, int(period[-2:]), 10))
    one_off = create_one_off_batch(c.programs["medical"], "2018-11", c.areas.changpu.id, user="luru")
    add_one_off_line(one_off.batch_id, c.zhao, 123_456, "住院医疗救助", user="luru", person_id=c.zhao_son)
    walk(one_off.batch_id, dt.date(2018, 11, 25))
    yield c
    close_database()


def _post(batch_id: int, day: dt.date) -> None:
    """A county batch, entered by the admin and approved by a county-wide reviewer."""
    wf.submit_batch(batch_id, user="admin")
    if User.get_or_none(User.username == "county_reviewer") is None:
        User.create(username="county_reviewer", display_name="县审核员", role="reviewer")
    wf.approve_batch(batch_id, user="county_reviewer")
    wf.post_batch(batch_id, day, user="county_reviewer", today=TODAY)
    assert PaymentBatch.get_by_id(batch_id).status == "posted"


def session(tmp_path: Path, user: str) -> Session:
    return Session(tmp_path / "ui.sqlite3", username=user, fixed_today=TODAY, account=account_of(user))


def test_payments_page_totals_agree_with_the_cli_and_sql(qtbot, county: PaymentCounty, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    page = PaymentsPage(session(tmp_path, "shenhe"))
    qtbot.addWidget(page)
    page.show()
    QAbstractItemModelTester(page.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    for area in (None, county.areas.changpu.id, county.areas.qingshi.id, county.areas.qingshi_1.id):
        page.set_area(area)
        for program in ("低保", "残疾人两项补贴", None):
            page.program_filter.setCurrentText(program or "全部")
            shown = page.footer.text()
            where = ["posted = 1"]
            if program:
                where.append(f"program_id = (SELECT id FROM program WHERE name = '{program}')")
            if area == county.areas.changpu.id:
                where.append(f"township_id = {area}")
            elif area == county.areas.qingshi.id:
                where.append(f"village_id = {area}")
            elif area is not None:
                where.append(f"household_id IN (SELECT id FROM household WHERE group_id = {area})")
            count, total = database.execute_sql(
                f"SELECT COUNT(*), COALESCE(SUM(amount_fen), 0) FROM payment WHERE {' AND '.join(where)}").fetchone()
            assert page.model.rowCount() == count
            assert f"共 {count:,} 笔" in shown and f"合计 {total / 100:,.2f} 元" in shown, shown
            shown_sum = sum(Payment.get_by_id(page.model.index(r, 0).data()).amount_fen
                            for r in range(page.model.rowCount()))
            assert shown_sum == total
    # The CLI prints the same figures for 长铺镇 低保.
    page.set_area(county.areas.changpu.id)
    page.program_filter.setCurrentText("低保")
    close_database()
    argv = ["payment", "totals", "--area", "长铺镇", "--program", "低保", "--json",
            "--db", str(tmp_path / "ui.sqlite3")]
    assert main(argv) == 0
    cli = json.loads(capsys.readouterr().out)
    open_database(tmp_path / "ui.sqlite3")
    assert page.footer.text().startswith(f"共 {cli['payments']:,} 笔　合计 {cli['total_fen'] / 100:,.2f} 元")


def test_reverse_from_the_payments_page(qtbot, county: PaymentCounty, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = PaymentsPage(session(tmp_path, "shenhe"))
    qtbot.addWidget(page)
    page.show()
    page.set_area(county.areas.changpu.id)
    page.program_filter.setCurrentText("医疗救助")
    before = page.model.totals
    page.table.selectRow(0)
    assert page.reverse_button.isEnabled()

    def reverse(dialog: QDialog) -> None:
        assert isinstance(dialog, StepDialog) and dialog.reason is not None
        type_text(qtbot, dialog.reason, "重复报销，冲回")
        click(qtbot, dialog.save_button)

    when_dialog_opens(StepDialog, reverse)
    click(qtbot, page.reverse_button)
    after = page.model.totals
    assert (after.payments, after.total_fen) == (before.payments + 1, before.total_fen - 123_456)
    assert page.model.index(1, 13).data() == "冲销"


def test_a_closed_period_is_refused_in_the_reverse_and_reissue_dialogs(  # type: ignore[no-untyped-def]
        qtbot, county: PaymentCounty, tmp_path: Path) -> None:
    from suining_desk.services.period_locks import close_month
    from ui.pages.batches import BatchesPage

    close_month("2018-11", user="shenhe", reason="11月账已结")
    frozen = "2018-11已关账，不能再登记属于2018年11月的发放、冲销或重新发放（须由管理员填写原因重新开放）"
    payments = PaymentsPage(session(tmp_path, "shenhe"))
    qtbot.addWidget(payments)
    payments.show()
    payments.set_area(county.areas.changpu.id)
    payments.program_filter.setCurrentText("医疗救助")  # paid 2018-11-25, for 2018-11
    before = payments.model.totals
    seen: list[str] = []

    def refused(dialog: QDialog) -> None:
        assert isinstance(dialog, StepDialog) and dialog.reason is not None
        if not dialog.reason.text():
            type_text(qtbot, dialog.reason, "重复报销，冲回")
        click(qtbot, dialog.save_button)  # dated today (2018-12-20, an open month)
        seen.append(dialog.problems.text() if dialog.isVisible() and dialog.problems.isVisible() else "")
        dialog.reject()

    for button in (payments.reverse_button, payments.reissue_button):
        payments.table.selectRow(0)
        when_dialog_opens(StepDialog, refused)
        click(qtbot, button)
    line = Payment.get((Payment.program == county.programs["medical"]) & (Payment.amount_fen > 0))
    with database.atomic():  # the bank returned it: the batches page offers 重新发放 for it
        PaymentOutcome.create(payment=line.id, result="failed", date=TODAY, note="账户冻结", recorded_by="luru")
    batches = BatchesPage(session(tmp_path, "shenhe"))
    qtbot.addWidget(batches)
    batches.resize(1200, 800)
    batches.show()
    batches.set_area(county.areas.changpu.id)
    batches.select_batch(line.batch_id)
    batches.detail.select_line(line.id)
    for key in ("reverse", "reissue"):
        when_dialog_opens(StepDialog, refused)
        click(qtbot, batches.detail.buttons[key])
    assert seen == [frozen] * 4
    payments.apply_filter()
    assert payments.model.totals == before and Payment.select().where(Payment.reverses.is_null(False)).count() == 0


def test_checks_page_lists_findings_with_links(qtbot, county: PaymentCounty, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = ChecksPage(session(tmp_path, "shenhe"))
    qtbot.addWidget(page)
    page.show()
    click(qtbot, page.run_button)
    assert "共发现 0 条问题" in page.status.text()
    Household.update(removed_on=dt.date(2018, 10, 5), removal_reason="清退").where(
        Household.id == county.zhang).execute()
    click(qtbot, page.run_button)
    assert "共发现 2 条问题" in page.status.text()  # the November and the October 低保
    assert "移出建档立卡名单" in page.report.toPlainText()
    html = page.report.toHtml()
    assert f"record:household:{county.zhang}" in html
    page.report.anchorClicked.emit(QUrl(f"record:household:{county.zhang}"))
    assert isinstance(page.record_dialog, RecordDialog) and "43052710000101001" in page.record_dialog.windowTitle()
    payment = Payment.get(Payment.household == county.zhang).id
    page.open_record("payment", payment)
    assert page.record_dialog is not None and "低保" in page.record_dialog.view.toPlainText()  # type: ignore[attr-defined]


def test_checks_page_shows_an_approver_whose_password_the_creator_set(  # type: ignore[no-untyped-def]
        qtbot, county: PaymentCounty, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 13: the new check is on the 审计检查 page like the others; a township user sees
    the findings of their own township only (they name people)."""
    from suining_desk.services import accounts

    accounts.reset_password("shenhe", "Given2018x", by="admin")
    accounts.change_password("shenhe", "Given2018x", "Shenhe2019x")
    monkeypatch.setattr(wf, "password_set", lambda _user: None)  # approved by an older version
    batch = create_batch(county.programs["dibao"], "2018-12", county.areas.changpu.id, user="admin",
                         pay_date=dt.date(2018, 12, 10)).batch_id
    wf.submit_batch(batch, user="admin")
    wf.approve_batch(batch, user="shenhe")
    Household.update(removed_on=dt.date(2018, 10, 5), removal_reason="清退").where(  # 武阳镇
        Household.id == county.yang).execute()
    pages = {}
    for user in ("admin", "shenhe"):
        page = pages[user] = ChecksPage(session(tmp_path, user))
        qtbot.addWidget(page)
        page.show()
        click(qtbot, page.run_button)
    county_wide, township = (pages[u].report.toPlainText() for u in ("admin", "shenhe"))
    number = PaymentBatch.get_by_id(batch).batch_no
    assert "审核人的密码由录入人设置" in county_wide and f"批次{number}由admin录入、shenhe审核" in county_wide
    assert f"record:batch:{batch}" in pages["admin"].report.toHtml()
    assert "43052710100101001" in county_wide  # 武阳镇's household, removed and paid
    assert f"批次{number}由admin录入、shenhe审核" in township and "43052710100101001" not in township


def test_enrolments_page_enrols_and_ends(qtbot, county: PaymentCounty, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = EnrolmentsPage(session(tmp_path, "luru"))
    qtbot.addWidget(page)
    page.show()
    page.set_area(county.areas.changpu.id)
    assert page.model.rowCount() == 4

    def enrol(dialog: QDialog) -> None:
        assert isinstance(dialog, EnrolDialog)
        dialog.program.setCurrentText("低保")
        qtbot.keyClicks(dialog.picker.search, "wlw")  # 王老五
        qtbot.waitUntil(lambda: dialog.picker.household_id() == county.wang, timeout=PATIENCE_MS)
        dialog.category.setCurrentText("C")
        click(qtbot, dialog.save_button)

    when_dialog_opens(EnrolDialog, enrol)
    click(qtbot, page.new_button)
    assert page.model.rowCount() == 5
    new = Enrolment.get((Enrolment.household == county.wang) & (Enrolment.program == county.programs["dibao"]))
    assert (new.category, new.start_date) == ("C", dt.date(2018, 12, 1))
    page.table.selectRow(page.model.row_of(new.id))

    def end(dialog: QDialog) -> None:
        assert isinstance(dialog, StepDialog) and dialog.reason is not None and dialog.date is not None
        type_text(qtbot, dialog.reason, "收入超过标准")
        dialog.date.setDate(dialog.date.date().addYears(1))  # a mistyped year is refused, the dialog stays
        click(qtbot, dialog.save_button)
        assert dialog.isVisible() and "日期2019-12-20晚于今天" in dialog.problems.text()
        dialog.date.setDate(dialog.date.date().addYears(-1))
        click(qtbot, dialog.save_button)

    when_dialog_opens(StepDialog, end)
    click(qtbot, page.end_button)
    assert Enrolment.get_by_id(new.id).end_reason == "收入超过标准"
    row = page.model.row_of(new.id)  # still in force on its last day, today
    assert row is not None and page.model.index(row, 8).data() == "2018-12-20"


def test_the_period_column_sorts_by_calendar(qtbot, county: PaymentCounty, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Terms and quarters among months: the spring term (March) before 2018-12, as on a calendar."""
    from PySide6.QtCore import Qt

    from suining_desk.services.payment_query import PaymentColumn, periods_with_payments

    model_row = Payment.get(Payment.period == "2018-11", Payment.person.is_null(False))
    for period in ("2018-T1", "2018-Q3", "2018"):  # posted rows may be added, never changed
        Payment.create(**{**model_row.__data__, "id": None, "period": period, "created_at": model_row.created_at})
    page = PaymentsPage(session(tmp_path, "shenhe"))
    qtbot.addWidget(page)
    page.show()
    header = page.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().topLeft() + QPoint(header.sectionViewportPosition(PaymentColumn.PERIOD) + 5, 5))
    assert header.sortIndicatorSection() == PaymentColumn.PERIOD
    shown = [page.model.index(r, PaymentColumn.PERIOD).data() for r in range(page.model.rowCount())]
    order = list(dict.fromkeys(shown))
    if header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder:
        order.reverse()
    assert order == ["2018年", "2018年春季学期", "2018年第3季度", "2018年10月", "2018年11月"], order
    assert periods_with_payments(year=2018) == ["2018", "2018-T1", "2018-Q3", "2018-10", "2018-11"]


def test_a_long_list_is_sorted_once_in_the_background_and_paged_by_id(  # type: ignore[no-untyped-def]
        qtbot, county: PaymentCounty, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Over SORT_AT_ONCE rows (a million in a county) a click on 领款人 runs one sort off the GUI
    thread with progress; the pages are then read by id in that order. Cancelled, the list is
    back in its indexed order."""
    from PySide6.QtCore import Qt

    import ui.models.payment_table as table_module
    import ui.pages.payments as payments_module
    from suining_desk.domain.cancel import Cancelled
    from suining_desk.services.payment_query import PaymentColumn, payment_page

    monkeypatch.setattr(table_module, "SORT_AT_ONCE", 3)
    page = PaymentsPage(session(tmp_path, "shenhe"))
    qtbot.addWidget(page)
    page.show()
    header = page.table.horizontalHeader()
    asked: list[object] = []
    page.model.sort_wanted.connect(lambda: asked.append(page.model.wanted_sort()))

    def click_header(column: int) -> None:
        x = header.sectionViewportPosition(column) + 5
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))

    click_header(PaymentColumn.PAYEE)
    assert len(asked) == 1 and header.sortIndicatorSection() == PaymentColumn.PAYEE
    shown = [page.model.index(r, PaymentColumn.ID).data() for r in range(page.model.rowCount())]
    descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    expected = payment_page(page.model.current_filter, PaymentColumn.PAYEE, descending, limit=10_000)
    assert shown == [r.id for r in expected] and len(shown) > 3
    payees = [r.payee_name for r in expected]
    assert payees == sorted(payees, reverse=descending)

    def refuse(*_args: object, **_kwargs: object) -> object:
        raise Cancelled()

    monkeypatch.setattr(payments_module, "payment_ids", refuse)
    click_header(PaymentColumn.AMOUNT)
    assert len(asked) == 2
    assert header.sortIndicatorSection() == PaymentColumn.PROGRAM and page.model.current_sort == (
        PaymentColumn.PROGRAM, False)
    program_order = [r.id for r in payment_page(page.model.current_filter, limit=10_000)]
    assert [page.model.index(r, PaymentColumn.ID).data() for r in range(page.model.rowCount())] == program_order


def test_ctrl_f_goes_to_the_search_box_of_each_money_page(qtbot, county: PaymentCounty, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QLineEdit

    from ui.pages.batches import BatchesPage

    for page_class, box in ((PaymentsPage, "search"), (EnrolmentsPage, "search"), (BatchesPage, "number_filter")):
        page = page_class(session(tmp_path, "shenhe"))
        qtbot.addWidget(page)
        page.show()
        page.activateWindow()
        qtbot.waitUntil(page.isActiveWindow, timeout=PATIENCE_MS)
        edit = page.findChild(QLineEdit, box)
        edit.setText("张")
        page.setFocus()
        assert not edit.hasFocus()
        qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert QApplication.focusWidget() is edit and edit.selectedText() == "张", page_class.__name__
        page.close()


def test_reissue_without_a_reason_says_so(qtbot, county: PaymentCounty, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = PaymentsPage(session(tmp_path, "shenhe"))
    qtbot.addWidget(page)
    page.show()
    page.set_area(county.areas.changpu.id)
    page.program_filter.setCurrentText("医疗救助")
    page.table.selectRow(0)
    seen: dict[str, object] = {}

    def empty_reason(dialog: QDialog) -> None:
        assert isinstance(dialog, StepDialog)
        click(qtbot, dialog.save_button)
        seen["problems"], seen["open"] = dialog.problems.text(), dialog.isVisible()
        dialog.reject()

    when_dialog_opens(StepDialog, empty_reason)
    click(qtbot, page.reissue_button)
    assert seen == {"problems": "原因不能为空", "open": True}


def test_a_whole_household_is_enrolled_for_its_members(qtbot, county: PaymentCounty, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """QA: 享受人数 stayed 1 for a 4-person household — 低保 for one person if the clerk missed it."""
    page = EnrolmentsPage(session(tmp_path, "luru"))
    qtbot.addWidget(page)
    page.show()
    page.set_area(county.areas.changpu.id)
    seen: list[int] = []

    def pick(dialog: QDialog) -> None:
        assert isinstance(dialog, EnrolDialog)
        qtbot.keyClicks(dialog.picker.search, "zjg")  # 张建国, three in the household
        qtbot.waitUntil(lambda: dialog.picker.household_id() == county.zhang, timeout=PATIENCE_MS)
        seen.append(dialog.people.value())
        dialog.person.setCurrentIndex(1)
        seen.append(dialog.people.value())
        dialog.person.setCurrentIndex(0)
        seen.append(dialog.people.value())
        dialog.reject()

    when_dialog_opens(EnrolDialog, pick)
    click(qtbot, page.new_button)
    assert seen == [3, 1, 3]
