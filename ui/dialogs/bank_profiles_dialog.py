"""设置 → 银行文件格式 (admins): the bank profiles — those shipped with the program and the
county's own — which one is used when none is chosen, a copy to edit, the form, and a test:
the list a profile writes (from invented lines) and a bank's return file read as it says,
line by line, or the Chinese reason it does not fit. No code is touched."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from suining_desk.domain.messages import describe
from suining_desk.domain.money import fen_to_yuan_str
from suining_desk.domain.privacy import mask_bank
from suining_desk.domain.problems import InvalidInput
from suining_desk.exchange import bank_profile_admin as admin
from suining_desk.exchange import bank_profiles as store
from suining_desk.exchange.bank_profile import BankProfile
from suining_desk.exchange.bank_return import read_return

from ..widgets.bank_profile_form import BankProfileForm
from ..widgets.problem_label import ProblemLabel
from ..widgets.tables import fill_table as _fill
from ..widgets.tables import read_only_table as _table

RESULT_HEADERS = (QT_TRANSLATE_NOOP("BankProfilesDialog", "行"), QT_TRANSLATE_NOOP("BankProfilesDialog", "账号"),
                  QT_TRANSLATE_NOOP("BankProfilesDialog", "金额（元）"),
                  QT_TRANSLATE_NOOP("BankProfilesDialog", "结果"), QT_TRANSLATE_NOOP("BankProfilesDialog", "原因"),
                  QT_TRANSLATE_NOOP("BankProfilesDialog", "日期"))
RESULTS = {"paid": QT_TRANSLATE_NOOP("BankProfilesDialog", "成功"),
           "failed": QT_TRANSLATE_NOOP("BankProfilesDialog", "失败")}
NAME_ROLE = Qt.ItemDataRole.UserRole


class BankProfilesDialog(QDialog):
    def __init__(self, *, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bank_profiles_dialog")
        self.setWindowTitle(self.tr("银行文件格式"))
        self.user = user
        self.profiles: dict[str, BankProfile] = {}
        self.sample: Path | None = None
        self.list = QListWidget(objectName="profile_list")
        self.choose_button = QPushButton(self.tr("设为默认格式(&D)"), objectName="choose_profile")
        self.copy_button = QPushButton(self.tr("复制为新格式(&C)…"), objectName="copy_profile")
        self.delete_button = QPushButton(self.tr("删除"), objectName="delete_profile")
        self.load_problems = ProblemLabel()
        self.form = BankProfileForm()
        self.problems = ProblemLabel()
        self.save_button = QPushButton(self.tr("保存(&S)"), objectName="save_profile")
        self.state = QLabel(objectName="profile_state", wordWrap=True)
        self.preview = QPlainTextEdit(objectName="list_preview", readOnly=True)
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.sample_button = QPushButton(self.tr("用回盘样本文件测试(&T)…"), objectName="test_sample")
        self.sample_result = QLabel(objectName="sample_result", wordWrap=True)
        self.sample_table = _table(tuple(self.tr(str(h)) for h in RESULT_HEADERS), "sample_lines")
        for button in (self.choose_button, self.copy_button, self.delete_button, self.save_button,
                       self.sample_button):
            button.setAutoDefault(False)

        test = QWidget()
        box = QVBoxLayout(test)
        box.addWidget(QLabel(self.tr("按此格式写出的代发文件（用虚构的两笔示例）：")))
        box.addWidget(self.preview, 1)
        box.addWidget(self.sample_button, 0, Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.sample_result)
        box.addWidget(self.sample_table, 2)
        self.tabs = QTabWidget(objectName="profile_tabs")
        self.tabs.addTab(self.form, self.tr("格式"))
        self.tabs.addTab(test, self.tr("测试与预览"))
        left = QWidget()
        side = QVBoxLayout(left)
        side.addWidget(QLabel(self.tr("银行文件格式（✔ 为默认）：")))
        side.addWidget(self.list, 1)
        for button in (self.choose_button, self.copy_button, self.delete_button):
            side.addWidget(button)
        side.addWidget(self.load_problems)
        right = QWidget()
        main = QVBoxLayout(right)
        main.addWidget(self.state)
        main.addWidget(self.tabs, 1)
        main.addWidget(self.problems)
        main.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)

        self.list.currentItemChanged.connect(lambda *_: self.show_current())
        self.choose_button.clicked.connect(self.choose)
        self.copy_button.clicked.connect(lambda: self.copy())
        self.delete_button.clicked.connect(self.delete)
        self.save_button.clicked.connect(self.save)
        self.sample_button.clicked.connect(lambda: self.test_sample())
        self.form.changed.connect(self._edited)
        self.reload()
        self.resize(1100, 720)

    # --- the list ---
    def reload(self, select: str | None = None) -> None:
        profiles, problems = store.list_profiles()
        self.profiles = {p.name: p for p in profiles}
        chosen = store.chosen_name()
        shown = self.current()
        current = select or (shown.name if shown is not None else chosen)
        self.list.blockSignals(True)
        self.list.clear()
        for p in profiles:
            mark = "✔ " if p.name == chosen else "　 "
            shipped = self.tr("（自带）") if p.shipped else ""
            item = QListWidgetItem(f"{mark}{p.title}{shipped}")
            item.setData(NAME_ROLE, p.name)
            item.setToolTip(p.note)
            self.list.addItem(item)
            if p.name == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.load_problems.show_problems(problems)
        self.show_current()

    def current(self) -> BankProfile | None:
        item = self.list.currentItem()
        return self.profiles.get(str(item.data(NAME_ROLE))) if item is not None else None

    def show_current(self) -> None:
        profile = self.current()
        if profile is None:
            return
        self.form.set_profile(profile, editable=not profile.shipped)
        if profile.shipped:
            text = self.tr("“{title}”是软件自带的格式，不能修改：需要改动时请“复制为新格式”，再修改复制的格式。")
        else:
            text = self.tr("“{title}”是本单位的格式（保存在数据文件夹的 bank_profiles 中，名称 {name}）。")
        self.state.setText(text.format(title=profile.title, name=profile.name) + "\n" + profile.note)
        self.delete_button.setEnabled(not profile.shipped)
        self.save_button.setEnabled(False)
        self.problems.show_problems([])
        self._edited()
        self.save_button.setEnabled(False)

    # --- actions ---
    def choose(self) -> None:
        profile = self.current()
        if profile is None:
            return
        try:
            admin.choose(profile.name, user=self.user)
        except InvalidInput as exc:
            self.problems.show_problems(exc.problems)
            return
        self.reload(profile.name)

    def copy(self, title: str | None = None) -> None:
        profile = self.current()
        if profile is None:
            return
        if title is None:
            title, ok = QInputDialog.getText(self, self.tr("复制为新格式"),
                                             self.tr("新格式的名称（如：县农商行一卡通）："),
                                             text=self.tr("{title}（副本）").format(title=profile.title))
            if not ok or not title.strip():
                return
        from dataclasses import replace

        copy = replace(profile, name=store.free_name(title.strip()), title=title.strip(), shipped=False)
        try:
            admin.save(copy, user=self.user)
        except InvalidInput as exc:
            self.problems.show_problems(exc.problems)
            return
        self.reload(copy.name)
        self.tabs.setCurrentIndex(0)

    def delete(self) -> None:
        profile = self.current()
        if profile is None or profile.shipped:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("删除银行文件格式"),
                          self.tr("删除格式“{title}”？已按它导出的文件不受影响。").format(title=profile.title),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirm_delete")
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        try:
            admin.delete(profile.name, user=self.user)
        except InvalidInput as exc:
            self.problems.show_problems(exc.problems)
            return
        self.reload(store.chosen_name())

    def save(self) -> None:
        profile = self.current()
        if profile is None or profile.shipped:
            return
        try:
            edited = self.form.profile(profile.name)
            admin.save(edited, user=self.user, replace=True)
        except InvalidInput as exc:
            self.problems.show_problems(exc.problems)
            return
        self.reload(profile.name)
        self.state.setText(self.state.text() + "\n" + self.tr("已保存。"))

    # --- checking what the form says ---
    def _edited(self) -> None:
        """Check the form as it is typed; show the list it would write; test the sample again."""
        profile = self.current()
        try:
            edited = self.form.profile()
            self.preview.setPlainText("\n".join(admin.preview_lines(edited)))
        except InvalidInput as exc:
            self.problems.show_problems(exc.problems)
            self.preview.setPlainText("")
            self.save_button.setEnabled(False)
            return
        self.problems.show_problems([])
        self.save_button.setEnabled(profile is not None and not profile.shipped)
        if self.sample is not None:
            self.test_sample(self.sample)

    def test_sample(self, path: Path | None = None) -> None:
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, self.tr("选择银行回盘样本文件"), "",
                                                  self.tr("回盘文件 (*.xlsx *.xls *.csv *.txt *.dat);;所有文件 (*)"))
            if not name:
                return
            path = Path(name)
        self.sample = path
        self.tabs.setCurrentIndex(1)
        try:
            profile = self.form.profile()
            lines, reported = read_return(path, profile)
        except InvalidInput as exc:
            self.sample_result.setText(self.tr("不符合此格式：") + "\n".join(describe(p) for p in exc.problems))
            self.sample_result.setStyleSheet("color: #c0392b;")
            _fill(self.sample_table, [])
            return
        self.sample_result.setStyleSheet("")
        text = self.tr("“{name}”符合此格式：读出 {count} 笔（成功 {paid}，失败 {failed}），"
                       "另有 {other} 行未定结果。").format(
            name=path.name, count=len(lines), paid=sum(ln.result == "paid" for ln in lines),
            failed=sum(ln.result == "failed" for ln in lines), other=len(reported))
        self.sample_result.setText(text + "".join("\n" + describe(p) for p in reported[:5]))
        rows = [[str(ln.row), mask_bank(ln.account), fen_to_yuan_str(ln.amount_fen), self.tr(str(RESULTS[ln.result])),
                 ln.note, ln.date.isoformat() if ln.date else ""] for ln in lines[:200]]
        _fill(self.sample_table, rows)
