"""Every window and dialog of the program on a small screen: does it fit, is any text cut?

A township PC: 1366×768 at 125 % scaling leaves about 1093×614 logical pixels. This opens the
main window and each dialog (one factory per dialog class; ``tests/ui/test_screen_fit.py``
fails when a dialog class has none) on a copy of the demo database, on an offscreen screen of
the size and scale given, shows it as the program would, and reports, as JSON:

* its frame against the available screen (a title bar and borders allowed for);
* texts cut: a label, button or check box narrower than its text (unless it elides with a
  tooltip), a wrapped label shorter than its lines, a placeholder wider than its field, an
  item of a list, tree or table (or a column title) cut without a tooltip.

    uv run python scripts/screen_fit.py --screen 1366x768 --scale 1.25 [--shots DIR] [--only NAME…]

``--shots`` saves a picture of each window (look at them: at 100, 125 and 150 %).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def _factories() -> dict[str, Callable[[Any], Any]]:  # noqa: C901 - one line a dialog
    """Dialog class name → how to open it (given the context with the window and records)."""
    from suining_desk.db.models import Enrolment, Household, PaymentBatch, Person, Program, Relocation
    from suining_desk.rules.housing import RELOCATION_STEPS
    from suining_desk.services.access import account_of
    from suining_desk.services.allocations import allocations_of
    from suining_desk.services.areas import group_choices
    from suining_desk.services.enrolment_query import enrolment_rows
    from suining_desk.services.programs import programs
    from ui.about import AboutDialog
    from ui.dialogs import money_dialogs, step_dialog
    from ui.dialogs.account_dialogs import ChangePasswordDialog, CreateAdminDialog, LoginDialog
    from ui.dialogs.allocation_dialog import AllocationDialog, VoidAllocationDialog
    from ui.dialogs.bank_file_dialog import ProfileDialog
    from ui.dialogs.bank_profiles_dialog import BankProfilesDialog
    from ui.dialogs.batch_dialog import NewBatchDialog
    from ui.dialogs.cap_dialog import CapDialog
    from ui.dialogs.enrol_dialog import EnrolDialog, EnrolmentDetailsDialog
    from ui.dialogs.household_dialog import HouseholdDialog
    from ui.dialogs.ledger_settings_dialog import LedgerSettingsDialog
    from ui.dialogs.member_dialogs import MemberExitDialog, PersonDialog, StatusDialog
    from ui.dialogs.program_dialogs import ProgramDialog, StandardDialog
    from ui.dialogs.relocation_dialog import RelocationDialog
    from ui.dialogs.renovation_dialog import RenovationDialog
    from ui.dialogs.sites_dialog import SitesDialog
    from ui.dialogs.user_dialog import ResetPasswordDialog, UserDialog
    from ui.dialogs.verify_dialog import VerifyDialog
    from ui.manual import ManualDialog, find_manual
    from ui.pages import checks
    from ui.pages.areas import AreaDialog
    from ui.widgets.image_viewer import ImageViewer
    from ui.wizards.import_wizard import ImportWizard

    today = dt.date(2019, 3, 1)
    household = Household.select().order_by(Household.id).first()
    person = Person.select().where(Person.household == household.id).order_by(Person.id.desc()).first()
    relocation = Relocation.select().where(Relocation.status != "demolished").order_by(Relocation.id).first()
    program = next(p for p in programs() if p.code == "dibao")
    medical = Program.get(Program.code == "medical")
    yulu = Enrolment.select(Enrolment.id).join(Program).where(Program.code == "yulu").order_by(Enrolment.id).first()
    enrolment = enrolment_rows([yulu.id])[yulu.id]
    batch = PaymentBatch.select().where(PaymentBatch.program == medical.id).order_by(PaymentBatch.id).first()

    def photo() -> bytes:
        from PIL import Image

        out = io.BytesIO()
        Image.new("RGB", (1600, 1200), "#8a9").save(out, "JPEG")
        return out.getvalue()

    def allocation(ctx: Any) -> Any:
        from suining_desk.services.allocations import AllocationInput, add_allocation

        if not allocations_of(program.id):
            add_allocation(AllocationInput(program.id, 2018, "county", 120_000_000, "湘财社〔2018〕12号",
                                           dt.date(2018, 3, 1)), user="admin", today=today)
        return VoidAllocationDialog(allocations_of(program.id)[0], user="admin", parent=ctx.window)

    def manual(ctx: Any) -> Any:
        found = find_manual()
        assert found is not None, "the manual (docs/manual) is needed"
        return ManualDialog(found, ctx.window)

    def wizard_page(index: int) -> Callable[[Any], Any]:
        def make(ctx: Any) -> Any:
            from scripts.manual_screenshots import register_sheet

            wizard = ImportWizard(ctx.session, ctx.window)
            sheet = register_sheet(ctx.db.parent / "长铺镇新增户花名册.xlsx")  # one ID number mistyped

            def turn() -> None:
                wizard.currentPage().file.setText(str(sheet))
                for _ in range(index):
                    wizard.next()

            ctx.after_show = turn
            return wizard
        return make

    def bad_id(ctx: Any) -> Any:
        from PySide6.QtTest import QTest

        dialog = HouseholdDialog(group_choices(household.township_id), user="luru", parent=ctx.window, today=today)
        ctx.after_show = lambda: QTest.keyClicks(dialog.person_form.id_number, "430527199005064113")
        return dialog

    def page(key: str) -> Callable[[Any], Any]:
        def make(ctx: Any) -> Any:
            def shown() -> None:
                from PySide6.QtWidgets import QTableView

                ctx.window.show_page(key)
                table = ctx.window.current_page().findChild(QTableView)
                if table is not None and table.model() is not None and table.model().rowCount():
                    table.selectRow(0)  # the detail below shows too
            ctx.after_show = shown
            return ctx.window
        return make

    return {
        "MainWindow": page("overview"),
        **{f"MainWindow:{key}": page(key) for key in (
            "households", "relocations", "renovations", "programs", "enrolments", "batches", "payments", "ledgers",
            "checks", "settings", "audit", "backups", "users", "areas")},
        "LoginDialog": lambda ctx: LoginDialog(username="luru", database=ctx.db, can_choose=True),
        "LoginDialog:locked": lambda ctx: LoginDialog(username="luru", fixed_user=True, idle=True, database=ctx.db,
                                                      parent=ctx.window),
        "CreateAdminDialog": lambda ctx: CreateAdminDialog(database=ctx.db),
        "ChangePasswordDialog": lambda ctx: ChangePasswordDialog(account_of("luru"), forced=True, parent=ctx.window),
        "UserDialog": lambda ctx: UserDialog(by="admin", parent=ctx.window),
        "ResetPasswordDialog": lambda ctx: ResetPasswordDialog("luru", by="admin", parent=ctx.window),
        "HouseholdDialog": lambda ctx: HouseholdDialog(group_choices(household.township_id), user="luru",
                                                       parent=ctx.window, today=today),
        "HouseholdDialog:bad-id": bad_id,
        "PersonDialog": lambda ctx: PersonDialog(household.id, user="luru", today=today, parent=ctx.window),
        "MemberExitDialog": lambda ctx: MemberExitDialog(person.id, person.name, user="luru", today=today,
                                                         parent=ctx.window),
        "StatusDialog": lambda ctx: StatusDialog(household.id, household.status, user="luru", today=today,
                                                 parent=ctx.window),
        "RelocationDialog": lambda ctx: RelocationDialog(user="luru", today=today, parent=ctx.window),
        "RenovationDialog": lambda ctx: RenovationDialog(user="luru", today=today, parent=ctx.window),
        "step_dialog.StepDialog": lambda ctx: step_dialog.StepDialog(
            "relocation", relocation.id, relocation.status, RELOCATION_STEPS[relocation.status], user="luru",
            today=today, parent=ctx.window),
        "SitesDialog": lambda ctx: SitesDialog(user="admin", parent=ctx.window),
        "LedgerSettingsDialog": lambda ctx: LedgerSettingsDialog(user="admin", parent=ctx.window),
        "BankProfilesDialog": lambda ctx: BankProfilesDialog(user="admin", parent=ctx.window),
        "ProfileDialog": lambda ctx: ProfileDialog("导出银行代发文件", ctx.window),
        "ProgramDialog": lambda ctx: ProgramDialog(user="admin", program=program, parent=ctx.window),
        "StandardDialog": lambda ctx: StandardDialog(program, user="admin", today=today, parent=ctx.window),
        "AllocationDialog": lambda ctx: AllocationDialog(program, user="admin", today=today, parent=ctx.window),
        "CapDialog": lambda ctx: CapDialog(program, user="admin", today=today, parent=ctx.window),
        "AreaDialog": lambda ctx: AreaDialog("新增村民小组", "长铺镇青石村", code_hint="43052710000109",
                                             parent=ctx.window),
        "VoidAllocationDialog": allocation,
        "EnrolDialog": lambda ctx: EnrolDialog(user="luru", today=today, parent=ctx.window),
        "EnrolmentDetailsDialog": lambda ctx: EnrolmentDetailsDialog(enrolment, user="luru", parent=ctx.window),
        "money_dialogs.StepDialog": lambda ctx: money_dialogs.StepDialog(
            "重新发放", lambda d: None, day=today, amount_fen=123456, account="6217 0000 0000 0000 123",
            note="原发放被银行退回：账户已销户", parent=ctx.window),
        "OneOffLineDialog": lambda ctx: money_dialogs.OneOffLineDialog(batch.id, user="luru", parent=ctx.window),
        "MonthLockDialog": lambda ctx: money_dialogs.MonthLockDialog(user="shenhe", today=today,
                                                                     parent=ctx.window),
        "NewBatchDialog": lambda ctx: NewBatchDialog(ctx.session, household.township_id, ctx.window),
        "ImageViewer": lambda ctx: ImageViewer("改造前-正面.jpg", photo(), ctx.window),
        "VerifyDialog": lambda ctx: VerifyDialog(ctx.session, ctx.window),
        "checks.RecordDialog": lambda ctx: checks.RecordDialog("household", household.id, ctx.session, ctx.window),
        "ManualDialog": manual,
        "AboutDialog": lambda ctx: AboutDialog(ctx.db, ctx.window),
        "ImportWizard": wizard_page(0),
        "ImportWizard:preview": wizard_page(1),
        "ImportWizard:check": wizard_page(2),
    }


NUMBER = re.compile(r"^[\d,.:\-/ 年月日%]+$")  # a number or date drawn cut short is no use, tooltip or not


def _tooltip_at(viewport: Any, pos: Any) -> str:
    """What the program shows when the pointer rests at ``pos`` of ``viewport``."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    QToolTip.hideText()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos)))
    text = QToolTip.text()
    QToolTip.hideText()
    return text


def _columns(model: Any, parent: Any) -> int:
    try:
        return int(model.columnCount(parent))
    except TypeError:  # a list model keeps columnCount private: one column
        return 1


def _cut_items(view: Any) -> list[str]:
    """Items (and column titles) drawn cut short that neither show whole in a tooltip nor are
    numbers or dates (those must fit their column)."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtWidgets import QTableView, QTreeView

    from ui.window.screen_fit import TEXT_MARGINS, is_cut

    found: list[str] = []
    model, metrics, name = view.model(), view.fontMetrics(), view.objectName() or type(view).__name__
    header = view.horizontalHeader() if isinstance(view, QTableView) else (
        view.header() if isinstance(view, QTreeView) else None)
    if header is not None and header.isVisible():
        for column in range(model.columnCount()):
            if header.isSectionHidden(column) or header.sectionSize(column) == 0:
                continue
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            if is_cut(metrics, title, header.sectionSize(column) - 12):
                x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
                if x < header.viewport().width() and _tooltip_at(header.viewport(), QPoint(x, 5)) != title:
                    found.append(f"column title cut without tooltip: {title!r} in {name}")
    parents = [view.rootIndex()]
    if isinstance(view, QTreeView):  # and the rows under the expanded ones (the area tree's townships)
        parents += [model.index(r, 0, view.rootIndex()) for r in range(min(model.rowCount(view.rootIndex()), 40))
                    if view.isExpanded(model.index(r, 0, view.rootIndex()))]
    for parent in parents:
        for row in range(min(model.rowCount(parent), 40)):
            for column in range(_columns(model, parent)):
                index = model.index(row, column, parent)
                rect = view.visualRect(index)
                text = str(index.data() or "")
                if not text or "\n" in text or rect.isEmpty() or not view.viewport().rect().contains(rect.center()):
                    continue
                room = rect.width() - TEXT_MARGINS
                if index.data(Qt.ItemDataRole.DecorationRole) is not None:
                    room -= view.iconSize().width() + 4
                if not is_cut(metrics, text, room):
                    continue
                if NUMBER.match(text):
                    found.append(f"number or date cut: {text!r} in {name}")
                elif not index.data(Qt.ItemDataRole.ToolTipRole) \
                        and _tooltip_at(view.viewport(), rect.center()) != text:
                    found.append(f"item cut without tooltip: {text[:30]!r} in {name}")
    return found


def _cut_texts(window: Any) -> list[str]:  # noqa: C901 - one check a kind of widget
    """Texts a clerk cannot read whole in ``window`` as shown (its visible widgets only)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QCheckBox,
        QHeaderView,
        QLabel,
        QLineEdit,
        QPushButton,
        QRadioButton,
    )

    found: list[str] = []
    for w in window.findChildren(QLabel):
        if not w.isVisibleTo(window) or not w.text() or w.width() <= 1 or w.textFormat() == Qt.TextFormat.RichText:
            continue
        if w.property("elided") and w.toolTip():
            continue  # an elided label (ui.widgets.elided) says the whole text in its tooltip
        if w.wordWrap():
            if w.heightForWidth(w.width()) > w.height() + 1:
                found.append(f"wrapped label cut: {w.text()[:40]!r} ({w.height()} < {w.heightForWidth(w.width())})")
        elif w.sizeHint().width() > w.width() + 1 and w.pixmap().isNull():
            found.append(f"label cut: {w.text()[:40]!r} ({w.width()} < {w.sizeHint().width()})")
    for b in window.findChildren(QAbstractButton):
        if b.isVisibleTo(window) and b.text() and isinstance(b, (QCheckBox, QRadioButton, QPushButton)) \
                and b.width() > 1 and b.sizeHint().width() > b.width() + 1:
            found.append(f"button cut: {b.text()[:40]!r} ({b.width()} < {b.sizeHint().width()})")
    for e in window.findChildren(QLineEdit):
        text = e.placeholderText()
        if e.isVisibleTo(window) and text and not e.text():
            room = e.contentsRect().width() - 8  # the frame's text margins
            if e.fontMetrics().horizontalAdvance(text) > room and not e.toolTip():
                found.append(f"placeholder cut: {text[:40]!r} ({room} < {e.fontMetrics().horizontalAdvance(text)})")
    for view in window.findChildren(QAbstractItemView):
        if not isinstance(view, QHeaderView) and view.isVisibleTo(window) and view.model() is not None:
            found += _cut_items(view)
    return found


def remember_size(width: int, height: int) -> None:
    """As if the window had last been closed at this size on a bigger screen."""
    from PySide6.QtWidgets import QMainWindow

    from ui.settings import app_settings

    big = QMainWindow()
    big.setGeometry(200, 100, width, height)
    app_settings().setValue("main_window/geometry", big.saveGeometry())
    big.deleteLater()


class Context:
    def __init__(self, db: Path) -> None:
        from suining_desk.services.access import account_of
        from ui.main_window import MainWindow
        from ui.session import Session

        self.db = db
        admin = account_of("admin")
        assert admin is not None
        self.session = Session.for_account(db, admin, demo=True)
        self.window = MainWindow(db, demo=True, account=admin, auto_backup=False)
        self.after_show: Callable[[], object] | None = None


def probe(ctx: Context, names: list[str], shots: Path | None) -> list[dict[str, Any]]:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from ui.window.screen_fit import FRAME

    def settle(ms: int = 150) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    factories = _factories()
    report = []
    for name in names:
        ctx.after_show = None
        widget: QWidget = factories[name](ctx)
        widget.show()
        if ctx.after_show is not None:
            ctx.after_show()
        settle(600 if name.startswith("ImportWizard") else 150)
        screen = (widget.screen() or QApplication.primaryScreen()).availableGeometry()
        frame = widget.frameGeometry()
        outer_w = widget.width() + FRAME.left() + FRAME.right()
        outer_h = widget.height() + FRAME.top() + FRAME.bottom()
        report.append({
            "name": name, "width": widget.width(), "height": widget.height(), "x": frame.x(), "y": frame.y(),
            "outer": [outer_w, outer_h], "screen": [screen.width(), screen.height()],
            "min": [widget.minimumSizeHint().width(), widget.minimumSizeHint().height()],
            "fits": outer_w <= screen.width() and outer_h <= screen.height() and screen.contains(frame.topLeft()),
            "cut": _cut_texts(widget),
        })
        if shots is not None:
            widget.grab().save(str(shots / f"{name.replace(':', '-').replace('.', '-')}.png"))
        if widget is not ctx.window:
            widget.close()
            widget.deleteLater()
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screen", default="1366x768", help="physical pixels, e.g. 1366x768")
    parser.add_argument("--scale", default="1.25", help="Windows display scaling as a factor: 1, 1.25, 1.5")
    parser.add_argument("--db", type=Path, help="a demo database to copy (default: build one)")
    parser.add_argument("--shots", type=Path, help="save a picture of each window here")
    parser.add_argument("--only", nargs="*", help="only these windows")
    parser.add_argument("--json", type=Path, help="write the report here (default: print it)")
    parser.add_argument("--remembered", default="1900x1000",
                        help="the main window's size remembered from a bigger screen (empty: none)")
    args = parser.parse_args(argv)
    width, height = (int(n) for n in args.screen.lower().split("x"))
    work = Path(tempfile.mkdtemp(prefix="suining-fit-"))
    config = work / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "fit", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ["QT_SCALE_FACTOR"] = args.scale
    os.environ["SUINING_HOME"] = str(work / "home")
    sys.path.insert(0, str(REPO))
    try:
        db = work / "demo.sqlite3"
        if args.db:
            with sqlite3.connect(args.db) as a, sqlite3.connect(db) as b:
                a.backup(b)
        else:
            command = "import sys; from suining_desk.cli import main; sys.exit(main(sys.argv[1:]))"
            subprocess.run([sys.executable, "-c", command, "--db", str(db), "demo"], check=True, cwd=REPO,
                           stdout=subprocess.DEVNULL)
        from suining_desk.db import close_database, open_database
        from ui.app import create_app

        open_database(db)
        create_app([sys.argv[0]])
        if args.remembered:
            remember_size(*(int(n) for n in args.remembered.lower().split("x")))
        ctx = Context(db)
        ctx.window.show()
        if args.shots:
            args.shots.mkdir(parents=True, exist_ok=True)
        names = args.only or list(_factories())
        report = probe(ctx, names, args.shots)
        ctx.window.close()
        close_database()
        text = json.dumps(report, ensure_ascii=False, indent=1)
        if args.json:
            args.json.write_text(text, encoding="utf-8")
        else:
            print(text)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
