"""安置点管理: the settlement sites with their load; add one or correct one."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from suining_desk.domain.enums import SITE_KINDS
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.services.sites import SiteInput, SiteView, check_site, save_site, site_views, township_choices

from ..widgets.problem_label import ProblemLabel
from ..widgets.tables import fill_table, read_only_table

HEADERS = (QT_TRANSLATE_NOOP("SitesDialog", "安置点"), QT_TRANSLATE_NOOP("SitesDialog", "类型"),
           QT_TRANSLATE_NOOP("SitesDialog", "所在乡镇"), QT_TRANSLATE_NOOP("SitesDialog", "容量(户)"),
           QT_TRANSLATE_NOOP("SitesDialog", "已安置(户)"))


class SitesDialog(QDialog):
    def __init__(self, *, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("安置点管理"))
        self._user = user
        self.sites: list[SiteView] = []
        self.editing: int | None = None
        self.table = read_only_table(tuple(self.tr(str(h)) for h in HEADERS), "sites")
        self.name = QLineEdit(objectName="site_name")
        self.township = QComboBox(objectName="site_township")
        for township_id, name in township_choices():
            self.township.addItem(name, township_id)
        self.kind = QComboBox(objectName="site_kind")
        self.kind.addItems(list(SITE_KINDS))
        self.capacity = QSpinBox(objectName="site_capacity")
        self.capacity.setRange(0, 100_000)
        self.problems = ProblemLabel()
        self.add_button = QPushButton(self.tr("新增安置点(&A)"), objectName="add_site")
        self.save_button = QPushButton(self.tr("保存修改(&S)"), objectName="save_site")
        self.new_button = QPushButton(self.tr("清空"), objectName="clear_site")
        form = QFormLayout()
        form.addRow(self.tr("名称："), self.name)
        form.addRow(self.tr("所在乡镇："), self.township)
        form.addRow(self.tr("类型："), self.kind)
        form.addRow(self.tr("容量(户)："), self.capacity)
        form.addRow("", self.problems)
        bar = QHBoxLayout()
        for button in (self.add_button, self.save_button, self.new_button):
            button.setAutoDefault(False)
            bar.addWidget(button)
        bar.addStretch()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(bar)
        layout.addWidget(close)
        self.add_button.clicked.connect(lambda: self._save(None))
        self.save_button.clicked.connect(lambda: self._save(self.editing))
        self.new_button.clicked.connect(self.clear)
        self.table.itemSelectionChanged.connect(self._selected)
        for signal in (self.name.textChanged, self.township.currentIndexChanged, self.kind.currentIndexChanged,
                       self.capacity.valueChanged):
            signal.connect(lambda *_: self._check())
        self.reload()
        self.resize(760, 560)

    def reload(self) -> None:
        self.sites = site_views()
        fill_table(self.table, [[s.name, s.kind, s.township, str(s.capacity), str(s.placed)] for s in self.sites])
        self.clear()

    def clear(self) -> None:
        self.editing = None
        self.table.clearSelection()
        self.name.clear()
        self.capacity.setValue(0)
        self._check()

    def value(self) -> SiteInput:
        return SiteInput(self.name.text(), self.township.currentData(), self.kind.currentText(), self.capacity.value())

    def _selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.sites) or not self.table.selectedItems():
            return
        s = self.sites[row]
        self.editing = s.id
        self.name.setText(s.name)
        self.township.setCurrentIndex(max(0, self.township.findData(s.township_id)))
        self.kind.setCurrentText(s.kind)
        self.capacity.setValue(s.capacity)
        self._check()

    def _check(self) -> list[Problem]:
        problems = check_site(self.value(), site_id=self.editing)
        shown = [p for p in problems if not (p.field == "name" and not self.name.text())]
        self.problems.show_problems(shown)
        ok = not any(p.is_error for p in problems)
        self.save_button.setEnabled(ok and self.editing is not None)
        new_problems = check_site(self.value()) if self.editing is not None else problems
        self.add_button.setEnabled(not any(p.is_error for p in new_problems))
        return problems

    def _save(self, site_id: int | None) -> None:
        try:
            save_site(self.value(), user=self._user, site_id=site_id)
        except InvalidInput as exc:
            self.problems.show_problems(exc.problems)
            return
        self.reload()
