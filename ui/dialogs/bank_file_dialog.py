"""Which bank file format a bank file is written or read in, then which file: the clerk sees
the formats of 设置 → 银行文件格式 with the default one chosen, and the file dialog offers the
kinds of file that format writes or reads."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from suining_desk.exchange import bank_profiles as store
from suining_desk.exchange.bank_profile import KIND_LABELS, BankProfile
from suining_desk.exchange.bank_return import return_suffixes


class ProfileDialog(QDialog):
    """A bank file format, the default one preselected, its note below it."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bank_profile_choice")
        self.setWindowTitle(title)
        profiles, _ = store.list_profiles()
        self.profiles = profiles
        self.combo = QComboBox(objectName="profile_combo")
        chosen = store.chosen_name()
        for profile in profiles:
            self.combo.addItem(profile.title, profile.name)
        self.combo.setCurrentIndex(max(self.combo.findData(chosen), 0))
        self.note = QLabel(objectName="profile_note", wordWrap=True)
        self.note.setMinimumWidth(420)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("下一步(&N)…"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("银行文件格式(&F)："), self.combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.combo.currentIndexChanged.connect(lambda _: self._describe())
        self._describe()

    def profile(self) -> BankProfile | None:
        return next((p for p in self.profiles if p.name == self.combo.currentData()), None)

    def _describe(self) -> None:
        profile = self.profile()
        self.note.setText(profile.note if profile else "")


def _filter(kind_label: str, suffixes: tuple[str, ...]) -> str:
    return f"{kind_label} ({' '.join('*' + s for s in suffixes)})"


def ask_export_target(parent: QWidget, suggested_name: str) -> tuple[BankProfile, Path] | None:
    """The format and the file a bank list is written to; None when the clerk cancels."""
    title = ProfileDialog.tr("导出银行代发文件")
    dialog = ProfileDialog(title, parent)
    if not dialog.exec() or (profile := dialog.profile()) is None:
        return None
    suffixes = profile.export_suffixes()
    name, _ = QFileDialog.getSaveFileName(parent, title, f"{suggested_name}{suffixes[0]}",
                                          ";;".join(_filter(KIND_LABELS[profile.export.kind], (s,)) for s in suffixes))
    return (profile, Path(name)) if name else None


def ask_return_file(parent: QWidget) -> tuple[BankProfile, Path] | None:
    """The format a bank's return file is read in, and the file; None when the clerk cancels."""
    title = ProfileDialog.tr("导入银行回盘文件")
    dialog = ProfileDialog(title, parent)
    if not dialog.exec() or (profile := dialog.profile()) is None:
        return None
    name, _ = QFileDialog.getOpenFileName(parent, title, "",
                                          _filter(ProfileDialog.tr("回盘文件"), return_suffixes(profile)))
    return (profile, Path(name)) if name else None
