"""设置: the configurable caps and standards, each value with the date it takes effect; the
settlement sites and (admins) the bank file formats open from here."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from suining_desk.domain.money import format_fen
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.rules.housing import m2
from suining_desk.services.settings import SPECS, SettingSpec, Unit, check_setting, set_setting, setting_history

from ..dates import from_qdate
from ..dialogs.ledger_settings_dialog import LedgerSettingsDialog
from ..dialogs.sites_dialog import SitesDialog
from ..session import Session
from ..widgets.date_edits import date_edit
from ..widgets.inputs import AreaEdit, MoneyEdit
from ..widgets.problem_label import ProblemLabel
from ..widgets.tables import fill_table, read_only_table

HISTORY_HEADERS = (QT_TRANSLATE_NOOP("SettingsPage", "生效日期"), QT_TRANSLATE_NOOP("SettingsPage", "数值"),
                   QT_TRANSLATE_NOOP("SettingsPage", "录入人"), QT_TRANSLATE_NOOP("SettingsPage", "录入时间"))


def shown_value(spec: SettingSpec, value: int) -> str:
    return f"{m2(value)} ㎡" if spec.unit is Unit.AREA_X100 else f"{format_fen(value)} 元"


class SettingsPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_page")
        self.session = session
        self.keys = list(SPECS)
        self.list = QListWidget(objectName="setting_list")
        self.list.addItems([SPECS[k].label for k in self.keys])
        self.help = QLabel(objectName="setting_help")
        self.help.setWordWrap(True)
        self.history = read_only_table(tuple(self.tr(str(h)) for h in HISTORY_HEADERS), "setting_history")
        self.money = MoneyEdit("setting_money", required=True)
        self.area = AreaEdit("setting_area")
        self.value_stack = QStackedWidget()
        self.value_stack.addWidget(self.money)
        self.value_stack.addWidget(self.area)
        self.effective_from = date_edit("effective_from", session.today())
        self.problems = ProblemLabel()
        self.save_button = QPushButton(self.tr("保存新数值(&S)"), objectName="save_setting")
        self.sites_button = QPushButton(self.tr("安置点管理…"), objectName="sites_button")
        self.sites_dialog: SitesDialog | None = None
        self.bank_button = QPushButton(self.tr("银行文件格式…"), objectName="bank_profiles_button")
        self.bank_button.setToolTip(self.tr("银行代发文件和回盘文件的格式（管理员）"))
        self.bank_button.setEnabled(session.at_least("admin"))
        self.bank_dialog: QDialog | None = None
        self.ledger_button = QPushButton(self.tr("台账设置…"), objectName="ledger_settings_button")
        self.ledger_button.setToolTip(self.tr("公示期、监督电话、公示隐私和各台账的签字栏（管理员）"))
        self.ledger_button.setEnabled(session.at_least("admin"))
        self.ledger_dialog: LedgerSettingsDialog | None = None

        box = QGroupBox(self.tr("新数值（从生效日期起执行，之前的记录仍按原数值核查）"))
        form = QFormLayout(box)
        form.addRow(self.tr("数值(&V)："), self.value_stack)
        form.addRow(self.tr("生效日期(&D)："), self.effective_from)
        form.addRow("", self.problems)
        form.addRow("", self.save_button)
        right = QVBoxLayout()
        right.addWidget(self.help)
        right.addWidget(self.history, 1)
        right.addWidget(box)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("上限和标准")))
        left.addWidget(self.list, 1)
        left.addWidget(self.sites_button)
        left.addWidget(self.bank_button)
        left.addWidget(self.ledger_button)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 2)

        self.list.currentRowChanged.connect(lambda _: self.show_setting())
        for signal in (self.money.textChanged, self.area.textChanged, self.effective_from.dateChanged):
            signal.connect(lambda *_: self._check())
        self.money.returnPressed.connect(self.save)
        self.area.returnPressed.connect(self.save)
        self.save_button.clicked.connect(self.save)
        self.sites_button.clicked.connect(self.manage_sites)
        self.bank_button.clicked.connect(self.manage_bank_profiles)
        self.ledger_button.clicked.connect(self.ledger_settings)
        self.list.setCurrentRow(0)

    def current_spec(self) -> SettingSpec:
        return SPECS[self.keys[max(0, self.list.currentRow())]]

    def value_edit(self) -> MoneyEdit | AreaEdit:
        return self.area if self.current_spec().unit is Unit.AREA_X100 else self.money

    def refresh(self) -> None:
        self.show_setting()

    def show_setting(self) -> None:
        spec = self.current_spec()
        self.help.setText(f"<b>{spec.label}</b><br>{spec.help}")  # the core's wording
        self.value_stack.setCurrentWidget(self.value_edit())
        rows = []
        for entry in reversed(setting_history(spec.key)):
            at = f"{entry.recorded_at:%Y-%m-%d %H:%M}" if entry.recorded_at else ""
            rows.append([entry.effective_from.isoformat(), shown_value(spec, entry.value), entry.recorded_by, at])
        fill_table(self.history, rows)
        self.money.clear()
        self.area.clear()
        self._check()

    def _parsed(self) -> tuple[int | None, list[Problem]]:
        spec = self.current_spec()
        edit = self.value_edit()
        if not edit.text().strip():
            return None, []
        value, problems = edit.checked()
        return value, problems + (check_setting(spec.key, value, from_qdate(self.effective_from.date()))
                                  if value is not None else [])

    def _check(self) -> None:
        value, problems = self._parsed()
        self.problems.show_problems(problems)
        self.save_button.setEnabled(value is not None and not any(p.is_error for p in problems))

    def save(self) -> None:
        value, _ = self._parsed()
        if not self.save_button.isEnabled() or value is None:
            return
        try:
            set_setting(self.current_spec().key, value, effective_from=from_qdate(self.effective_from.date()),
                        user=self.session.username)
        except InvalidInput as exc:
            self.problems.show_problems(exc.problems)
            return
        self.show_setting()

    def manage_bank_profiles(self) -> None:
        from ..dialogs.bank_profiles_dialog import BankProfilesDialog

        self.bank_dialog = BankProfilesDialog(user=self.session.username, parent=self)
        self.bank_dialog.open()

    def manage_sites(self) -> None:
        self.sites_dialog = SitesDialog(user=self.session.username, parent=self)
        self.sites_dialog.exec()

    def ledger_settings(self) -> None:
        self.ledger_dialog = LedgerSettingsDialog(user=self.session.username, parent=self)
        self.ledger_dialog.exec()
