"""The user manual's pictures (docs/manual/images/*.png), taken from the real window.

Each picture is the real widget a clerk sees, driven through its buttons on a copy of the
demo database (a photo and a sheet to import are made up on the way), so run this again
whenever the window changes, and look at the pictures::

    uv run python scripts/manual_screenshots.py                 # all, into docs/manual/images
    uv run python scripts/manual_screenshots.py --only batch-new ledgers

Qt runs offscreen unless QT_QPA_PLATFORM says otherwise; the data folder is a fresh temporary
one, so nothing a clerk remembers (window layout, last ledger) changes the pictures.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "manual" / "images"
AREA = "长铺镇"
WINDOW = (1180, 740)


class Shooter:
    """The window on the copied database and helpers that wait, fill in and save pictures."""

    def __init__(self, db: Path, out: Path) -> None:
        from PySide6.QtWidgets import QApplication

        import ui.tasks
        from suining_desk.db import open_database
        from suining_desk.services.access import account_of
        from ui.app import create_app
        from ui.main_window import MainWindow

        ui.tasks.SYNCHRONOUS = True  # a picture waits for the work it shows
        open_database(db)
        self.app = create_app([sys.argv[0]])
        self.db, self.out = db, out
        self.saved: list[str] = []
        self.windows: dict[str, MainWindow] = {}
        self.account_of, self.main_window = account_of, MainWindow
        self.qapp: type[QApplication] = QApplication

    def window(self, user: str = "luru"):  # type: ignore[no-untyped-def]
        """The main window as ``user`` logged in (luru 录入员, shenhe 审核员, admin 管理员)."""
        if user not in self.windows:
            window = self.main_window(self.db, demo=True, account=self.account_of(user), auto_backup=False)
            window.resize(*WINDOW)
            window.show()
            self.select_area(window, AREA)
            self.windows[user] = window
        for name, other in self.windows.items():
            other.setVisible(name == user)
        return self.windows[user]

    @staticmethod
    def select_area(window, name: str) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import Qt

        tree = window.area_tree
        found = tree.area_model.findItems(name, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        tree.setCurrentIndex(found[0].index())
        tree.expand(found[0].index())

    def settle(self, ms: int = 250) -> None:
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def save(self, widget, name: str) -> None:  # type: ignore[no-untyped-def]
        self.settle()
        path = self.out / f"{name}.png"
        if not widget.grab().save(str(path), "PNG"):
            raise SystemExit(f"could not save {path}")
        self.saved.append(f"{path.relative_to(REPO) if path.is_relative_to(REPO) else path} "
                          f"({widget.width()}×{widget.height()})")

    def modal(self, name: str, trigger: Callable[[], object], fill: Callable[[object], object] | None = None, *,
              size: tuple[int, int] | None = None, finish: Callable[[object], object] | None = None) -> None:
        """Press what opens a dialog (``trigger``), fill it in, take its picture, then close it
        unsaved — or ``finish`` it (press its button) when the next picture needs what it does."""
        from PySide6.QtCore import QTimer

        state: dict[str, bool] = {}

        def grab() -> None:
            dialog = self.qapp.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(100, grab)
                return
            if size is not None:
                dialog.resize(*size)
            if fill is not None:
                fill(dialog)
            self.save(dialog, name)
            if finish is not None:
                finish(dialog)
            if dialog.isVisible():
                dialog.done(0)  # nothing (more) is saved
            state["done"] = True

        QTimer.singleShot(300, grab)
        trigger()
        while not state:
            self.settle(100)


def first_start(s: Shooter) -> None:
    from ui.startup import first_run_choice

    s.modal("first-run", lambda: first_run_choice(None))


def create_admin(s: Shooter) -> None:
    from ui.dialogs.account_dialogs import CreateAdminDialog

    def fill(d) -> None:  # type: ignore[no-untyped-def]
        d.display_name.setText("李明")
        d.password.setText("Suining#2019")
        d.confirm.setText("Suining#2019")

    s.modal("create-admin", lambda: CreateAdminDialog(database=s.db).exec(), fill)


def login(s: Shooter) -> None:
    from ui.dialogs.account_dialogs import LoginDialog

    s.modal("login", lambda: LoginDialog(username="luru", database=s.db, can_choose=True).exec(),
            lambda d: d.password.setText("suining2018"))


def main_window(s: Shooter) -> None:
    window = s.window()
    window.show_page("overview")
    s.save(window, "main-window")


def households(s: Shooter) -> None:
    from suining_desk.db.models import Area, Household

    window = s.window()
    window.show_page("households")
    page = window.current_page()
    town = Area.get((Area.name == AREA) & (Area.level == 2))
    household = (Household.select().where((Household.township == town.id) & (Household.member_count >= 4))
                 .order_by(Household.id).first())
    page.select_record(household.id)
    s.save(window, "households")
    s.modal("household-new", page.new_button.click, fill_household, size=(900, 580))
    detail = page.household_detail
    detail.members.selectRow(detail.members.rowCount() - 1)
    s.save(window, "household-members")
    s.modal("member-exit", detail.buttons["exit"].click, fill_member_exit, size=(420, 160))
    s.modal("household-status", detail.buttons["status"].click, fill_status, size=(420, 190))


def fill_household(d) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from suining_desk.domain.idnumber import make_id_number

    form = d.household_form
    form.household_no.setText("430527100001019901")
    form.phone.setText("13807391234")
    form.main_cause.setCurrentText("因病")
    d.person_form.name.setText("曾伟")
    d.person_form.id_number.setText(make_id_number("430527", dt.date(1968, 3, 12), 321, True))
    d.add_pending_member()
    d.person_form.name.setText("李秀英")
    d.person_form.id_number.setText(make_id_number("430527", dt.date(1970, 7, 1), 322, False))
    d.person_form.relation.setCurrentText("配偶")
    d.add_pending_member()


def fill_member_exit(d) -> None:  # type: ignore[no-untyped-def]
    d.kind.setCurrentIndex(max(0, d.kind.findText("死亡")))
    d.reason.setText("病故")


def fill_status(d) -> None:  # type: ignore[no-untyped-def]
    d.status.setCurrentIndex(max(0, d.status.findText("已脱贫")))
    d.reason.setText("经村民代表评议、乡镇审核，达到脱贫标准")


def housing(s: Shooter) -> None:
    from scripts.screenshot_housing import acceptance_scan, house_photo
    from suining_desk.db.models import Area, Relocation, Renovation
    from suining_desk.services.attachments import attach_bytes

    town = Area.get((Area.name == AREA) & (Area.level == 2))
    record = (Renovation.select().where((Renovation.township == town.id) & (Renovation.grade == "D")
                                        & (Renovation.status == "accepted")).order_by(Renovation.id).first())
    for name, data, kind in (("改造前-正面.jpg", house_photo(True), "before"),
                             ("竣工-正面.jpg", house_photo(False), "after"),
                             ("竣工验收表.png", acceptance_scan(), "acceptance")):
        attach_bytes("renovation", record.id, name, data, kind=kind, user="luru")
    window = s.window()
    window.show_page("relocations")
    page = window.current_page()
    moving = (Relocation.select().where((Relocation.township == town.id) & (Relocation.status != "demolished"))
              .order_by(Relocation.id).first())
    page.select_record(moving.id)
    s.save(window, "relocations")
    s.modal("relocation-step", page.detail.step_button.click, lambda d: d.note.setText("旧房已拆除，复垦复绿"),
            size=(420, 140))
    window.show_page("renovations")
    page = window.current_page()
    page.select_record(record.id)
    page.detail.tabs.setCurrentIndex(0)
    page.splitter.setSizes([260, 480])
    s.save(window, "renovation-photos")
    pending = (Renovation.select().where((Renovation.township == town.id) & (Renovation.status == "completed"))
               .order_by(Renovation.id).first())
    if pending is not None:
        page.select_record(pending.id)
        s.modal("renovation-accept", page.detail.step_button.click, fill_acceptance, size=(420, 200))


def fill_acceptance(d) -> None:  # type: ignore[no-untyped-def]
    d.accepted_by.setText("县住建局验收组 张三")


def programs(s: Shooter) -> None:
    window = s.window("admin")
    window.show_page("programs")
    s.save(window, "programs")
    window = s.window()
    window.show_page("enrolments")
    page = window.current_page()
    s.save(window, "enrolments")
    s.modal("enrol", page.new_button.click, fill_enrol, size=(560, 300))


def fill_enrol(d) -> None:  # type: ignore[no-untyped-def]
    d.program.setCurrentIndex(max(0, d.program.findText("低保", flags=_contains())))


def _contains():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.MatchFlag.MatchContains


def batches(s: Shooter) -> None:
    """A month's 低保 batch from draft to posting: 录入员 luru makes and submits it, 审核员 shenhe
    approves and posts it (the one who entered a batch cannot approve it)."""
    window = s.window()
    window.show_page("batches")
    page = window.current_page()
    s.modal("batch-new", page.new_button.click, fill_batch, size=(900, 560),
            finish=lambda d: d.create_button.click())
    s.save(window, "batch-draft")
    s.modal("batch-submit", page.detail.buttons["submit"].click, size=(620, 150),
            finish=lambda d: d.save_button.click())  # the count and the total, confirmed
    batch_id = page.selected_batch_id()
    window = s.window("shenhe")
    window.show_page("batches")
    page = window.current_page()
    page.after_change(batch_id)
    s.save(window, "batch-review")
    s.modal("batch-approve", page.detail.buttons["approve"].click, size=(620, 150),
            finish=lambda d: d.save_button.click())
    s.modal("batch-post", page.detail.buttons["post"].click, size=(460, 130),
            finish=lambda d: d.save_button.click())
    page.detail.tabs.setCurrentIndex(2)  # 流程记录
    s.save(window, "batches")


def fill_batch(d) -> None:  # type: ignore[no-untyped-def]
    d.program.setCurrentIndex(max(0, d.program.findText("低保", flags=_contains())))
    d.preview_button.click()


def ledgers(s: Shooter) -> None:
    window = s.window()
    window.show_page("ledgers")
    page = window.current_page()
    page.kind.setCurrentIndex(page.kind.findData("payments"))
    page.program.setCurrentIndex(page.program.findData("低保"))
    page.year.setText("2018")
    page.month.setCurrentIndex(page.month.findData(11))
    page.reviewer.setText("刘芳")
    page.head.setText("张镇长")
    page.generate()
    s.settle(500)
    s.save(window, "ledgers")
    page.preview.clear()


def exchange(s: Shooter) -> None:
    sheet = register_sheet(s.db.parent / f"{AREA}新增户花名册.xlsx")
    window = s.window()

    def fill(wizard) -> None:  # type: ignore[no-untyped-def]
        first = wizard.currentPage()
        first.file.setText(str(sheet))
        s.save(wizard, "import-file")
        wizard.next()
        s.save(wizard, "import-preview")
        wizard.next()  # 检查: every row, nothing written yet
        s.settle(600)

    try:
        s.modal("import-check", window.import_action.trigger, fill, size=(900, 560))
    finally:
        sheet.unlink(missing_ok=True)


def register_sheet(path: Path) -> Path:
    """Two new households for the import wizard to check, one ID number mistyped."""
    import datetime as dt

    import openpyxl

    from suining_desk.db.models import Area
    from suining_desk.domain.idnumber import make_id_number
    from suining_desk.exchange.layouts import LAYOUTS
    from suining_desk.exchange.templates import write_template

    write_template(LAYOUTS["households"], path)
    town = Area.get((Area.name == AREA) & (Area.level == 2))
    village = Area.select().where(Area.parent == town.id).order_by(Area.id).first()
    group = Area.select().where(Area.parent == village.id).order_by(Area.id).first()
    book = openpyxl.load_workbook(path)
    sheet = book["花名册"]
    headers = [c.value for c in sheet[1]]
    people = [("430527100199019801", "袁志强", make_id_number("430527", dt.date(1972, 5, 9), 511, True), "户主"),
              ("430527100199019801", "陈桂兰", make_id_number("430527", dt.date(1974, 8, 30), 512, False), "配偶"),
              ("430527100199019802", "龙秀梅", make_id_number("430527", dt.date(1955, 2, 3), 513, False)[:-1] + "0",
               "户主")]
    for row, (no, name, id_number, relation) in enumerate(people, start=2):
        values = {"户编号": no, "姓名": name, "证件号码": id_number, "与户主关系": relation, "乡镇": AREA,
                  "行政村": village.name, "村民小组": group.name, "户状态": "建档立卡贫困户", "主要致贫原因": "因病"}
        for column, header in enumerate(headers, start=1):
            if header in values:
                sheet.cell(row=row, column=column, value=values[header])
    book.save(path)
    return path


def backups(s: Shooter) -> None:
    """数据备份 after 立即备份, then the status bar while a backup runs (held half-way)."""
    import threading

    import ui.tasks
    from suining_desk.storage import backups as core

    window = s.window("admin")
    window.show_page("backups")
    page = window.current_page()
    page.backup_button.click()
    s.settle(400)
    s.save(window, "backups")
    real, release = core.make_backup, threading.Event()

    def held(*args, **kw):  # type: ignore[no-untyped-def]
        report = kw["progress"]

        def progress(stage: str, fraction: float) -> None:
            report(stage, fraction)
            if fraction >= 0.4:
                release.wait(30)

        return real(*args, **{**kw, "progress": progress})

    core.make_backup, ui.tasks.SYNCHRONOUS = held, False
    try:
        page.backup_button.click()
        label = window.security.backups.progress_label
        while "检查备份" not in label.text():
            s.settle(50)
        s.save(window.statusBar(), "backup-progress")
    finally:
        release.set()
        while window.security.backups.busy:
            s.settle(50)
        core.make_backup, ui.tasks.SYNCHRONOUS = real, True


def users(s: Shooter) -> None:
    window = s.window("admin")
    window.show_page("users")
    s.save(window, "users")
    page = window.current_page()

    def fill(d) -> None:  # type: ignore[no-untyped-def]
        d.username.setText("wangfang")
        d.display_name.setText("王芳")

    s.modal("user-new", page.add_button.click, fill, size=(420, 300))
    s.modal("change-password", window.security.password_action.trigger, size=(420, 170))


def areas(s: Shooter) -> None:
    """区划管理 (admins): the township's villages and groups, and 新增村民小组."""
    window = s.window("admin")
    window.show_page("areas")
    page = window.current_page()
    village = next(r for r in page.rows.values() if r.level == 3 and r.path.startswith(AREA))
    page.select(village.id)
    page.tree.expand(page.tree.currentIndex())
    s.save(window, "areas")

    def fill(d) -> None:  # type: ignore[no-untyped-def]
        d.name.setText("九组")

    s.modal("area-new", page.add_group_button.click, fill, size=(420, 170))


def audit_log(s: Shooter) -> None:
    """审计日志 (reviewers, admins): a correction made by the clerk, read in words."""
    import dataclasses
    import datetime as dt

    from suining_desk.db.models import Household
    from suining_desk.services import households
    from suining_desk.services.household_detail import household_detail

    household = Household.select().where(Household.removed_on.is_null()).order_by(Household.id).first()
    data = household_detail(household.id).data
    households.update_household(household.id, dataclasses.replace(data, phone="13907391234"), user="luru",
                                today=dt.date(2018, 12, 1))
    window = s.window("admin")
    window.show_page("audit")
    page = window.current_page()
    page.refresh()
    rows = [r for r in range(page.model.rowCount()) if page.model.index(r, 3).data() == "修改农户"]
    page.view.selectRow(rows[0])
    s.save(window, "audit-log")


def bank_profiles(s: Shooter) -> None:
    from PySide6.QtCore import Qt

    window = s.window("admin")
    window.show_page("settings")
    page = window.current_page()

    def fill(d) -> None:  # type: ignore[no-untyped-def]
        names = [d.list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(d.list.count())]
        d.list.setCurrentRow(names.index("pipe-gbk"))
        d.copy("县农商行一卡通")  # a county's own format, copied from the shipped GBK text one
        d.form.r_paid.setText("成功、00、0000")
        d.form.setCurrentIndex(1)
        d.list.setFocus(Qt.FocusReason.OtherFocusReason)

    s.modal("bank-profiles", page.bank_button.click, fill, size=(1100, 720))


def ledger_forms(s: Shooter) -> None:
    """台账设置 (an admin's), 登记资金下达 in 项目与标准, and 文件 → 核验台账… with its result."""
    import datetime as dt

    from suining_desk.ledgers import make_spec, write_ledger
    from ui.dialogs import verify_dialog

    window = s.window("admin")
    window.show_page("settings")
    page = window.current_page()
    s.modal("ledger-settings", page.ledger_button.click, size=(720, 700))
    window.show_page("programs")
    page = window.current_page()
    s.modal("allocation", page.allocate_button.click, fill_allocation, size=(520, 330))
    pdf = s.db.parent / "长铺镇2018年11月低保资金发放台账.pdf"
    spec = make_spec("payments", {"program": "低保", "year": 2018, "month": 11, "township": AREA},
                     date=dt.date(2018, 12, 1), printed_as="luru")
    write_ledger(spec, pdf, username="luru", printed_as="luru")
    window = s.window()
    verify_dialog.ask_ledger_file = lambda parent, folder: pdf  # the file dialog is the system's
    window.verify_ledger()
    s.settle(500)
    s.save(window.verify_dialog, "verify-ledger")
    window.verify_dialog.close()


def fill_allocation(d) -> None:  # type: ignore[no-untyped-def]
    d.year.setValue(2018)
    d.amount.setText("1,200,000")
    d.doc_no.setText("湘财社〔2018〕12号")


SHOTS: dict[str, Callable[[Shooter], None]] = {
    "first-run": first_start, "create-admin": create_admin, "login": login, "main-window": main_window,
    "households": households, "housing": housing, "programs": programs, "batches": batches,
    "ledgers": ledgers, "import": exchange, "backups": backups, "users": users, "areas": areas, "audit-log": audit_log,
    "bank-profiles": bank_profiles,
    "ledger-forms": ledger_forms,
}


def demo_database(folder: Path) -> Path:
    db = folder / "demo.sqlite3"
    command = "import sys; from suining_desk.cli import main; sys.exit(main(sys.argv[1:]))"
    subprocess.run([sys.executable, "-c", command, "--db", str(db), "demo"], check=True, cwd=REPO,
                   stdout=subprocess.DEVNULL)
    return db


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--db", type=Path, help="a demo database to copy (default: build one)")
    parser.add_argument("--only", nargs="*", choices=sorted(SHOTS), help="only these pictures")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="suining-manual-"))
    os.environ["SUINING_HOME"] = str(work / "home")
    sys.path.insert(0, str(REPO))
    try:
        source = args.db or demo_database(work)
        copy = work / "suining.sqlite3"
        with sqlite3.connect(source) as a, sqlite3.connect(copy) as b:
            a.backup(b)
        args.out.mkdir(parents=True, exist_ok=True)
        shooter = Shooter(copy, args.out)
        for name in args.only or SHOTS:
            SHOTS[name](shooter)
        print("\n".join(shooter.saved))
        for window in shooter.windows.values():
            window.close()
        from suining_desk.db import close_database

        close_database()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
