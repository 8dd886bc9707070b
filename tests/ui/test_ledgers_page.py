"""台账 page: a clerk picks a ledger, fills its filters, generates it, sees it, saves and prints it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

import ui.pages.ledgers.output as ledgers_output
import ui.tasks
from suining_desk.db.models import AuditEntry, Household, Payment
from suining_desk.ledgers import KINDS
from tests.ui.conftest import DemoCounty
from tests.ui.typing import type_text
from tests.ui.waits import PATIENCE_MS
from ui.pages.ledgers import FILTERS, LedgersPage
from ui.session import Session

TODAY = dt.date(2018, 12, 20)


@pytest.fixture
def page(qtbot, demo_db: DemoCounty, monkeypatch: pytest.MonkeyPatch) -> Iterator[LedgersPage]:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ui.tasks, "SYNCHRONOUS", True)
    page = LedgersPage(Session(demo_db.path, username="luru", fixed_today=TODAY))
    qtbot.addWidget(page)
    page.resize(1300, 850)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=PATIENCE_MS)
    yield page
    page.preview.clear()


def choose(combo, text: str) -> None:  # type: ignore[no-untyped-def]
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def retype(qtbot, edit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    type_text(qtbot, edit, text)


def fill_dibao(qtbot, page: LedgersPage, year: str = "2018", township: str = "长铺镇") -> None:  # type: ignore[no-untyped-def]
    choose(page.kind, "资金发放台账")
    choose(page.program, "低保")
    retype(qtbot, page.year, year)
    choose(page.month, "11月")
    retype(qtbot, page.township, township)


def generated_files(page: LedgersPage) -> list[Path]:
    return sorted(page.job.folder.iterdir())


def test_generate_shows_the_ledger_in_the_preview(qtbot, page: LedgersPage, demo_db: DemoCounty) -> None:  # type: ignore[no-untyped-def]
    assert page.preparer.text() == "luru"  # the user (no account: the user name)
    fill_dibao(qtbot, page)
    type_text(qtbot, page.reviewer, "张审核")
    qtbot.keyClick(page.year, Qt.Key.Key_Return)  # Enter generates
    result = page.result
    assert result is not None and result.rows == 1 and result.total_fen == 123456
    assert result.title == "绥宁县长铺镇2018年11月低保资金发放台账"
    assert page.preview.page_count() == 1 and page.preview.page_count_label.text() == "页，共 1 页"
    pixmap = page.preview.page_label.pixmap()
    assert not pixmap.isNull() and pixmap.width() > 300
    assert result.code in page.status.text() and "1 行" in page.status.text()
    assert page.print_button.isEnabled() and page.save_button.isEnabled()
    entry = AuditEntry.get(AuditEntry.action == "ledger_printed")
    assert entry.username == "luru" and entry.record_id == result.code and '"reviewer":"张审核"' in entry.after

    # The reviewer is remembered for the next time the page is opened.
    again = LedgersPage(Session(demo_db.path, username="luru", fixed_today=TODAY))
    qtbot.addWidget(again)
    assert again.reviewer.text() == "张审核" and again.kind.currentData() == "payments"


def test_a_bad_year_is_said_in_chinese_next_to_the_form(qtbot, page: LedgersPage) -> None:  # type: ignore[no-untyped-def]
    fill_dibao(qtbot, page, year="18")
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    assert page.problems.isVisible()
    assert page.problems.text() == "年度“18”无效，应为2000到2100之间的四位年份"
    assert page.result is None and page.year.hasFocus() and not generated_files(page)
    retype(qtbot, page.year, "2018")
    retype(qtbot, page.township, "火星镇")
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    assert page.problems.text() == "没有名称或代码为“火星镇”的乡镇" and page.township.hasFocus()


def test_nothing_to_print_is_said_plainly(qtbot, page: LedgersPage) -> None:  # type: ignore[no-untyped-def]
    fill_dibao(qtbot, page, year="2030")
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    assert "所选范围内没有已发放的记录" in page.problems.text()
    assert page.result is None and page.preview.page_count() == 0 and not page.print_button.isEnabled()


def test_only_kinds_the_core_has_are_offered_each_with_its_filters(page: LedgersPage) -> None:
    assert set(KINDS) <= set(FILTERS)  # a new kind needs its row in FILTERS
    assert [page.kind.itemData(i) for i in range(page.kind.count())] == list(KINDS)
    choose(page.kind, KINDS["summary"].label)
    visible = {key for key, (_, widget) in page.filter_fields.items() if page.filter_form.isRowVisible(widget)}
    assert visible == {"year", "township"}


def test_public_notice_only_for_kinds_that_have_one(qtbot, page: LedgersPage) -> None:  # type: ignore[no-untyped-def]
    choose(page.kind, "资金发放台账")
    assert page.public.isEnabled() and not page.notice_days.isEnabled()
    qtbot.mouseClick(page.public, Qt.MouseButton.LeftButton)
    assert page.public.isChecked() and page.notice_days.isEnabled()
    choose(page.kind, "资金发放汇总台账")
    assert not page.public.isEnabled() and not page.public.isChecked() and not page.notice_days.isEnabled()


def test_the_area_picked_in_the_tree_fills_township_and_village(page: LedgersPage, demo_db: DemoCounty) -> None:
    page.set_area(demo_db.areas.qingshi_1.id)  # a group: its village and township
    assert (page.township.text(), page.village.text()) == ("长铺镇", demo_db.areas.qingshi.name)
    page.set_area(demo_db.areas.county.id)
    assert (page.township.text(), page.village.text()) == ("", "")


def test_cancel_while_generating_leaves_no_file(qtbot, page: LedgersPage, demo_db: DemoCounty) -> None:  # type: ignore[no-untyped-def]
    household = Household.get(Household.household_no == "43052710000101001")
    for _ in range(80):  # several pages
        Payment.create(program=demo_db.program, household=household, township=household.township,
                       village=household.village, period="2018-11", amount_fen=1000, posted=True,
                       paid_date=dt.date(2018, 11, 20))
    fill_dibao(qtbot, page)
    pressed: list[int] = []

    def press_cancel(_value: int) -> None:
        if not pressed:
            pressed.append(1)
            qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)

    page.progress.valueChanged.connect(press_cancel)
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    assert pressed and page.status.text() == "已取消，未生成台账。"
    assert page.result is None and generated_files(page) == []
    assert AuditEntry.select().where(AuditEntry.action == "ledger_printed").count() == 0
    assert page.generate_button.isEnabled() and not page.cancel_button.isEnabled()

    page.progress.valueChanged.disconnect(press_cancel)
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    assert page.result is not None and page.preview.page_count() == page.result.pages >= 3
    qtbot.keyClick(page.preview, Qt.Key.Key_PageDown)
    assert page.preview.current == 1 and page.preview.page_spin.value() == 2


def test_save_copies_the_ledger(qtbot, page: LedgersPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    suggested: list[Path] = []
    target = tmp_path / "out" / "台账.pdf"
    target.parent.mkdir()

    def answer(_parent: QWidget, proposal: Path) -> Path:
        suggested.append(proposal)
        return target

    monkeypatch.setattr(ledgers_output, "ask_save_path", answer)
    fill_dibao(qtbot, page)
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    assert page.result is not None
    qtbot.keyClick(page.preview, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert suggested[0].name == "绥宁县长铺镇2018年11月低保资金发放台账.pdf"
    assert target.read_bytes() == page.result.path.read_bytes()
    assert page.status.text() == f"已保存到 {target}"


def test_print_sends_the_pages_and_logs_it(qtbot, page: LedgersPage, tmp_path: Path,  # type: ignore[no-untyped-def]
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    printed = tmp_path / "printer.pdf"
    asked: list[int] = []

    def to_pdf(printer: QPrinter, _parent: QWidget, pages: int) -> bool:
        asked.append(pages)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    monkeypatch.setattr(ledgers_output, "ask_printer", to_pdf)
    qtbot.keyClick(page.kind, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # nothing to print yet
    assert asked == []
    fill_dibao(qtbot, page)
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    result = page.result
    assert result is not None
    qtbot.keyClick(page.kind, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert asked == [1]
    document = pdfium.PdfDocument(str(printed))
    try:
        assert len(document) == 1
        width, height = document[0].get_size()
        assert (round(width), round(height)) == (842, 595)  # landscape A4, as the ledger
    finally:
        document.close()
    entry = AuditEntry.get(AuditEntry.action == "ledger_sent_to_printer")
    assert entry.username == "luru" and entry.table_name == "ledger" and entry.record_id == result.code
    assert result.title in entry.after and '"pages":1' in entry.after
    assert "已送打印机" in page.status.text()


def test_pages_go_to_the_printer_in_grey_at_no_more_than_300_dpi(qtbot, page: LedgersPage, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A 400-page ledger must not spool gigabytes: each page reaches the painter as one 8-bit grey
    image at the printer's resolution capped at 300 dpi (8.7 MB for A4, was 35 MB in colour),
    and Qt's PDF/CUPS output stores it as grey, not as a colour JPEG."""
    printed = tmp_path / "printer.pdf"
    modes: list[QPrinter.ColorMode] = []

    def to_pdf(printer: QPrinter, _parent: QWidget, _pages: int) -> bool:
        modes.append(printer.colorMode())  # what the print dialog would show
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    drawn: list[tuple[QImage.Format, int, int, int]] = []
    real_draw = QPainter.drawImage

    def spy(painter: QPainter, *args: object) -> None:
        image = args[1]
        assert isinstance(image, QImage)
        drawn.append((image.format(), image.width(), image.height(), image.sizeInBytes()))
        real_draw(painter, *args)  # type: ignore[call-overload]

    monkeypatch.setattr(ledgers_output, "ask_printer", to_pdf)
    monkeypatch.setattr(QPainter, "drawImage", spy)
    fill_dibao(qtbot, page)
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(page.kind, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)

    assert modes == [QPrinter.ColorMode.GrayScale]
    assert len(drawn) == 1
    fmt, width, height, size = drawn[0]
    assert fmt == QImage.Format.Format_Grayscale8
    a4_long, a4_short = 297 / 25.4, 210 / 25.4  # inches; the offscreen printer claims 1200 dpi
    assert width <= a4_long * 300 + 2 and height <= a4_short * 300 + 2
    assert size <= 9_000_000
    assert printed.stat().st_size < 600_000  # 353 kB measured (1.7 MB in colour)


def test_a_cancelled_print_dialog_logs_nothing(qtbot, page: LedgersPage, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ledgers_output, "ask_printer", lambda *_: False)
    fill_dibao(qtbot, page)
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert AuditEntry.select().where(AuditEntry.action == "ledger_sent_to_printer").count() == 0


def test_in_the_window_the_page_takes_the_area_from_the_tree(qtbot, demo_db: DemoCounty,  # type: ignore[no-untyped-def]
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.ui.test_main_window import click_area, click_page
    from ui.main_window import MainWindow

    asked: list[int] = []
    monkeypatch.setattr(ledgers_output, "ask_printer", lambda _p, _w, pages: asked.append(pages) or False)
    window = MainWindow(demo_db.path, demo=False, user_label="luru（录入员）")
    qtbot.addWidget(window)
    with qtbot.waitActive(window, timeout=PATIENCE_MS):
        window.show()
        window.activateWindow()
    click_area(qtbot, window, demo_db.areas.wuyang.id)
    click_page(qtbot, window, "ledgers")
    page = window.current_page()
    assert isinstance(page, LedgersPage) and window.navigation.currentItem().text() == "台账"
    assert (page.township.text(), page.village.text()) == ("武阳镇", "")
    choose(page.program, "低保")
    retype(qtbot, page.year, "2018")
    qtbot.keyClick(page.year, Qt.Key.Key_Return)  # in a worker thread, as in use
    qtbot.waitUntil(lambda: page.result is not None, timeout=PATIENCE_MS)
    assert page.result is not None and page.result.total_fen == 100000 and page.preview.page_count() == 1
    click_page(qtbot, window, "overview")
    qtbot.keyClick(window.navigation, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert asked == []  # the hidden page's Ctrl+P is not active
    click_page(qtbot, window, "ledgers")
    qtbot.keyClick(page.year, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert asked == [1]
    page.preview.clear()


def test_enter_in_the_township_list_picks_the_name_without_generating(qtbot, page: LedgersPage) -> None:  # type: ignore[no-untyped-def]
    choose(page.kind, "资金发放汇总台账")
    retype(qtbot, page.year, "2018")
    type_text(qtbot, page.township, "长")
    completer = page.township.completer()
    completer.complete()
    qtbot.waitUntil(completer.popup().isVisible, timeout=PATIENCE_MS)
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
    assert page.township.text() == "长铺镇" and not completer.popup().isVisible()
    assert page.result is None
    qtbot.keyClick(page.township, Qt.Key.Key_Return)
    assert page.result is not None and page.result.title == "绥宁县长铺镇2018年扶贫资金发放汇总台账"


def test_a_households_file_is_printed_from_its_detail(qtbot, demo_db: DemoCounty) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.test_main_window import click_area, click_page
    from ui.main_window import MainWindow
    from ui.pages.households import HouseholdsPage

    window = MainWindow(demo_db.path, demo=False, user_label="luru（录入员）")
    qtbot.addWidget(window)
    with qtbot.waitActive(window, timeout=PATIENCE_MS):
        window.show()
        window.activateWindow()
    click_area(qtbot, window, demo_db.areas.changpu.id)
    click_page(qtbot, window, "households")
    households = window.current_page()
    assert isinstance(households, HouseholdsPage)
    households.table.selectRow(0)
    detail = households.household_detail.detail
    assert detail is not None
    button = households.household_detail.buttons["file"]
    assert button.isEnabled() and button.text() == "一户一档(&P)…"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    page = window.current_page()
    assert isinstance(page, LedgersPage) and window.current_page_key() == "ledgers"
    assert page.kind_name() == "household" and page.household.text() == detail.data.household_no
    qtbot.waitUntil(lambda: page.result is not None, timeout=PATIENCE_MS)
    head = next(m.name for m in detail.members if m.relation == "户主")
    assert page.result is not None and page.result.title.endswith(f"一户一档（户主：{head}）")
    assert page.preview.page_count() == page.result.pages >= 1
    page.preview.clear()


def test_the_year_defaults_to_the_latest_year_with_records_then_the_last_used(  # type: ignore[no-untyped-def]
        qtbot, demo_db: DemoCounty, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ui.tasks, "SYNCHRONOUS", True)
    later = LedgersPage(Session(demo_db.path, username="luru", fixed_today=dt.date(2026, 3, 1)))
    qtbot.addWidget(later)
    choose(later.kind, "资金发放台账")
    assert later.year.text() == "2018"  # the payments are of 2018-11, not of this year
    choose(later.program, "低保")
    qtbot.mouseClick(later.generate_button, Qt.MouseButton.LeftButton)
    assert later.result is not None and later.result.rows == 2  # generated at once, nothing to type
    choose(later.kind, "易地扶贫搬迁台账")
    assert later.year.text() == "2026"  # no relocations recorded: this year
    choose(later.kind, "资金发放汇总台账")
    retype(qtbot, later.year, "2017")
    choose(later.kind, "资金发放台账")
    assert later.year.text() == "2017"  # a year the clerk typed stays when the kind changes
    retype(qtbot, later.year, "2018")
    qtbot.mouseClick(later.generate_button, Qt.MouseButton.LeftButton)
    again = LedgersPage(Session(demo_db.path, username="luru", fixed_today=dt.date(2026, 3, 1)))
    qtbot.addWidget(again)
    Payment.create(program=demo_db.program, household=Household.get(), township=demo_db.areas.changpu,
                   village=demo_db.areas.qingshi, period="2019-01", people=1, amount_fen=100, posted=True)
    choose(again.kind, "资金发放汇总台账")
    choose(again.kind, "资金发放台账")
    assert again.year.text() == "2018"  # the year last used for this kind is remembered


def test_a_township_user_prints_within_their_township(qtbot, demo_db: DemoCounty,  # type: ignore[no-untyped-def]
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from suining_desk.services.accounts import change_password, create_first_admin, create_user, login

    monkeypatch.setattr(ui.tasks, "SYNCHRONOUS", True)
    create_first_admin("admin", "管理员", "suining2018")
    create_user("luru", "刘录入", "clerk", demo_db.areas.changpu.id, "suining2018", by="admin")
    change_password("luru", "suining2018", "Luru2019x")  # at the first login
    clerk = login("luru", "Luru2019x")
    page = LedgersPage(Session.for_account(demo_db.path, clerk, demo=False))
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=PATIENCE_MS)
    choose(page.kind, "资金发放台账")
    choose(page.program, "低保")
    assert page.township.text() == "" and "长铺镇" in page.township.placeholderText()
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    assert page.result is not None and page.result.title == "绥宁县长铺镇2018年低保资金发放台账"
    assert page.result.total_fen == 123456  # 武阳镇's payment is not on it
    retype(qtbot, page.township, "武阳镇")
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    assert page.problems.text() == "用户“luru”只管理长铺镇，不能打印武阳镇的台账" and page.township.hasFocus()


def test_a_refused_request_clears_the_ledger_shown_before(qtbot, page: LedgersPage) -> None:  # type: ignore[no-untyped-def]
    """The auditor's case: the form now asks for another ledger and is refused — the old one
    must not stay in the preview, printable, under the new request."""
    fill_dibao(qtbot, page)
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    assert page.result is not None and page.print_button.isEnabled()
    retype(qtbot, page.township, "火星镇")
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    assert page.problems.text() == "没有名称或代码为“火星镇”的乡镇"
    assert page.result is None and page.preview.page_count() == 0 and not generated_files(page)
    assert not page.print_button.isEnabled() and not page.save_button.isEnabled() and page.status.text() == ""


def test_a_program_paid_by_term_has_no_month_to_pick(qtbot, page: LedgersPage) -> None:  # type: ignore[no-untyped-def]
    from suining_desk.db.models import Program

    Program.create(code="education", name="助学补助", basis="person", frequency="term")
    page.refresh()
    fill_dibao(qtbot, page)
    assert page.month.isEnabled() and page.month.currentData() == 11
    choose(page.program, "助学补助")
    assert not page.month.isEnabled() and page.month.currentData() is None
    choose(page.program, "低保")
    assert page.month.isEnabled()
