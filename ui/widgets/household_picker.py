"""Choosing the household a record is for: type a name, pinyin initials, ID tail or 户编号."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from suining_desk.services.search import search_people

MAX_CHOICES = 50


class HouseholdPicker(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, fixed: tuple[int, str] | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(objectName="household_search")
        self.search.setPlaceholderText(self.tr("输入户主或成员姓名、拼音首字母、身份证号后几位、户编号查找"))
        self.results = QComboBox(objectName="household_choice")
        self.results.setMinimumContentsLength(30)
        self.note = QLabel(objectName="household_note")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(self.note)
        if fixed is not None:  # an existing record stays with its household
            self.search.setVisible(False)
            self.results.addItem(fixed[1], fixed[0])
            self.results.setEnabled(False)
        self.search.textChanged.connect(self._search)
        self.results.currentIndexChanged.connect(lambda _: self.changed.emit())

    def household_id(self) -> int | None:
        data = self.results.currentData()
        return int(data) if data is not None else None

    def choose(self, household_id: int, label: str) -> None:
        self.results.clear()
        self.results.addItem(label, household_id)

    def _search(self, text: str) -> None:
        self.results.blockSignals(True)
        self.results.clear()
        seen: set[int] = set()
        for hit in search_people(text, limit=200) if text.strip() else []:
            if hit.household_id in seen:
                continue
            seen.add(hit.household_id)
            who = "" if hit.name == hit.head_name else self.tr("（成员{name}）").format(name=hit.name)
            self.results.addItem(self.tr("{head}户{who}　户编号 {no}").format(
                head=hit.head_name, who=who, no=hit.household_no), hit.household_id)
            if len(seen) >= MAX_CHOICES:
                break
        self.note.setText("" if seen or not text.strip() else self.tr("没有找到，请换个关键词"))
        self.results.blockSignals(False)
        self.changed.emit()
