"""台账设置 (an admin): notice periods, the notice's telephones and office, what notices leave
out beyond the law's default, and the signature lines of each kind of ledger.

Each value is saved through :func:`suining_desk.services.ledger_settings.save_ledger_settings`,
which checks the role and the rules again (a notice period never below the rule's) and
logs the change. Ledgers printed before keep what they printed with.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from suining_desk.domain.enums import CALENDAR_DAYS, WORKING_DAYS
from suining_desk.domain.problems import InvalidInput
from suining_desk.ledgers.disclosure import OPTIONAL
from suining_desk.ledgers.kinds import KINDS
from suining_desk.ledgers.signatures import ROLES, check_signers, default_signers
from suining_desk.services import ledger_settings as LS

from ..widgets.buttons import save_cancel
from ..widgets.problem_label import ProblemLabel


class LedgerSettingsDialog(QDialog):
    def __init__(self, *, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ledger_settings_dialog")
        self.setWindowTitle(self.tr("台账设置"))
        self._user = user
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self._notice_rules())
        column.addWidget(self._contacts())
        column.addWidget(self._privacy())
        column.addWidget(self._signers())
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        self.problems = ProblemLabel()
        self.problems.setObjectName("ledger_settings_problems")
        self.buttons, self.save_button = save_cancel(self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.resize(620, 560)

    # --- parts ---
    def _notice_rules(self) -> QGroupBox:
        box = QGroupBox(self.tr("公示期（不能短于规定：民政救助7天，扶贫资金和项目10天）"))
        form = QFormLayout(box)
        self.days: dict[str, QSpinBox] = {}
        self.units: dict[str, QComboBox] = {}
        labels = {LS.CIVIL: self.tr("民政救助（低保、特困、医疗救助、临时救助、残疾人两项补贴）："),
                  LS.POVERTY: self.tr("扶贫资金和项目（其他项目、易地扶贫搬迁、危房改造）：")}
        for group in LS.RULE_GROUPS:
            rule = LS.notice_rule(group)
            days = QSpinBox(objectName=f"notice_days_{group}")
            days.setRange(LS.RULE_DAYS[group], LS.MAX_NOTICE_DAYS)
            days.setValue(rule.days)
            days.setSuffix(self.tr(" 天"))
            unit = QComboBox(objectName=f"notice_unit_{group}")
            unit.addItem(self.tr("自然日"), CALENDAR_DAYS)
            unit.addItem(self.tr("工作日（跳过节假日，计入调休上班日）"), WORKING_DAYS)
            unit.setCurrentIndex(max(0, unit.findData(rule.unit)))
            row = QHBoxLayout()
            row.addWidget(days)
            row.addWidget(unit, 1)
            form.addRow(QLabel(labels[group], wordWrap=True))
            form.addRow("", row)
            self.days[group], self.units[group] = days, unit
        return box

    def _contacts(self) -> QGroupBox:
        box = QGroupBox(self.tr("公示的监督和受理（印在每张公示上）"))
        form = QFormLayout(box)
        contacts = LS.notice_contacts()
        self.phone = QLineEdit(contacts.phone, objectName="notice_phone")
        self.phone.setPlaceholderText(self.tr("如 0739-7621234"))
        self.report_phone = QLineEdit(contacts.report_phone, objectName="report_phone")
        self.report_phone.setPlaceholderText(self.tr("如 12317"))
        self.office = QLineEdit(contacts.office, objectName="notice_office")
        self.office.setPlaceholderText(self.tr("不填为台账的填报单位（如 长铺镇人民政府）"))
        self.address = QLineEdit(contacts.address, objectName="notice_address")
        self.address.setPlaceholderText(self.tr("如 镇民政办（便民服务中心2楼），或来电、来信"))
        form.addRow(self.tr("监督电话："), self.phone)
        form.addRow(self.tr("举报电话："), self.report_phone)
        form.addRow(self.tr("受理异议的单位："), self.office)
        form.addRow(self.tr("反映地点和方式："), self.address)
        return box

    def _privacy(self) -> QGroupBox:
        box = QGroupBox(self.tr("公示中另外不列出（只能比规定更严：低保、特困本来只列户主、人数和金额）"))
        grid = QGridLayout(box)
        hidden = set(LS.hidden_notice_columns())
        self.hidden: dict[str, QCheckBox] = {}
        for k, (key, label) in enumerate(OPTIONAL.items()):
            check = QCheckBox(self.tr(label), objectName=f"hide_{key}")
            check.setChecked(key in hidden)
            grid.addWidget(check, k // 2, k % 2)
            self.hidden[key] = check
        return box

    def _signers(self) -> QGroupBox:
        box = QGroupBox(self.tr("签字栏（每种台账打印哪些签字栏）"))
        grid = QGridLayout(box)
        self.signers: dict[str, dict[str, QCheckBox]] = {}
        for c, role in enumerate(ROLES, start=1):
            grid.addWidget(QLabel(self.tr(ROLES[role])), 0, c)
        for r, name in enumerate(KINDS, start=1):
            grid.addWidget(QLabel(self.tr(KINDS[name].label)), r, 0)
            chosen = LS.signer_roles(name, default_signers(name))
            self.signers[name] = {}
            for c, role in enumerate(ROLES, start=1):
                check = QCheckBox(objectName=f"signer_{name}_{role}")
                check.setChecked(role in chosen)
                grid.addWidget(check, r, c)
                self.signers[name][role] = check
        return box

    # --- saving ---
    def values(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for group in LS.RULE_GROUPS:
            out[f"notice.{group}.days"] = self.days[group].value()
            out[f"notice.{group}.unit"] = self.units[group].currentData()
        out["notice.phone"] = self.phone.text()
        out["notice.report_phone"] = self.report_phone.text()
        out["notice.office"] = self.office.text()
        out["notice.address"] = self.address.text()
        out["notice.hidden"] = sorted(k for k, check in self.hidden.items() if check.isChecked())
        for name, checks in self.signers.items():
            out[f"signers.{name}"] = [role for role in ROLES if checks[role].isChecked()]
        return out

    def save(self) -> None:
        values = self.values()
        problems = [p for name in self.signers for p in check_signers(values[f"signers.{name}"])]  # type: ignore[arg-type]
        if problems:
            self.problems.show_problems(problems)
            return
        try:
            LS.save_ledger_settings(values, user=self._user)
        except InvalidInput as exc:
            self.problems.show_problems(list(exc.problems))
            return
        self.accept()
