"""What the relocation and renovation dialogs share: a form whose fields show their
problems inline, a reviewer's override box that appears when the double-benefit rule
bites, and Save that stays disabled until nothing is refused (Enter saves, Esc cancels)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from suining_desk.domain.problems import InvalidInput, Problem

from ..widgets.buttons import save_cancel
from ..widgets.household_picker import HouseholdPicker
from ..widgets.inputs import AreaEdit, MoneyEdit
from ..widgets.problem_label import ProblemLabel


class RecordDialog(QDialog):
    def __init__(self, title: str, *, user: str, today: dt.date | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._user = user
        self._today = today or dt.date.today()
        self.record_id: int | None = None
        self.labels: dict[str, ProblemLabel] = {}
        self.shown_problems: list[Problem] = []
        self.form = QFormLayout()
        self.override_reason = QLineEdit(objectName="override_reason")
        self.override_reason.setPlaceholderText(self.tr("审核意见：为什么同意该户同时享受两项政策（必填）"))
        self.override_box = QGroupBox(self.tr("审核人员意见（重复享受）"))
        self.override_box.setObjectName("override_box")
        override_layout = QVBoxLayout(self.override_box)
        self.labels["override"] = ProblemLabel()
        self.labels["override"].setObjectName("override_problems")
        override_layout.addWidget(self.labels["override"])
        override_layout.addWidget(QLabel(self.tr("审核人：{user}").format(user=user)))
        override_layout.addWidget(self.override_reason)
        self.other_problems = ProblemLabel()
        self.buttons, self.save_button = save_cancel(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.override_box)
        layout.addWidget(self.other_problems)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.override_reason.textChanged.connect(self.refresh)

    def add_row(self, label: str, widget: QWidget, problem_field: str | None = None) -> None:
        self.form.addRow(label, widget)
        if problem_field is not None:
            problems = ProblemLabel()
            problems.setObjectName(f"{problem_field}_problems")
            self.form.addRow("", problems)
            self.labels[problem_field] = problems

    # --- what a dialog provides ---
    def current_problems(self) -> list[Problem]:
        raise NotImplementedError

    def call_service(self) -> int | None:
        """Create or update through the core; returns the record's id."""
        raise NotImplementedError

    def quiet(self, problem: Problem) -> bool:
        """A problem not worth shouting about yet (an untouched empty field)."""
        return False

    # --- shared behaviour ---
    def refresh(self) -> None:
        problems = self.current_problems()
        self.show_problems([p for p in problems if not self.quiet(p)])
        bites = any(p.field == "override" for p in problems)
        self.override_box.setVisible(bites or bool(self.override_reason.text().strip()))
        self.save_button.setEnabled(not any(p.is_error for p in problems))

    def show_problems(self, problems: list[Problem]) -> None:
        self.shown_problems = problems
        grouped: dict[str, list[Problem]] = {k: [] for k in self.labels}
        other: list[Problem] = []
        for p in problems:
            (grouped[p.field] if p.field in grouped else other).append(p)
        for name, label in self.labels.items():
            label.show_problems(grouped[name])
        self.other_problems.show_problems(other)

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        try:
            self.record_id = self.call_service()
        except InvalidInput as exc:
            self.show_problems(exc.problems)
            return
        self.accept()

    def shown_text(self) -> str:
        """All problem text on screen (for tests and screen readers)."""
        labels: list[ProblemLabel] = [*self.labels.values(), self.other_problems]
        return "\n".join(label.text() for label in labels if label.text())


class HousingRecordDialog(RecordDialog):
    """A relocation or renovation of one household: measured fields parse with their own problems,
    then the record's core service checks it and creates or updates it."""

    household: HouseholdPicker

    # --- what a dialog provides ---
    def measured_fields(self) -> list[tuple[str, MoneyEdit | AreaEdit]]:
        """The money and area fields by problem field name; each parses to an integer (fen, m² × 100)."""
        raise NotImplementedError

    def build(self, measured: dict[str, int]) -> Any:
        """The record's input from the form, given the parsed measured fields."""
        raise NotImplementedError

    def record_problems(self, value: Any) -> list[Problem]:
        raise NotImplementedError

    def create_record(self, value: Any) -> int:
        raise NotImplementedError

    def update_record(self, record_id: int, value: Any) -> None:
        raise NotImplementedError

    # --- shared behaviour ---
    def _parsed(self) -> tuple[Any, list[Problem]]:
        problems: list[Problem] = []
        measured: dict[str, int] = {}
        for name, edit in self.measured_fields():
            parsed, found = edit.checked()
            problems += [Problem(p.code, p.params, p.severity, field=name) for p in found]
            measured[name] = parsed if parsed is not None else 0
        return self.build(measured), problems

    def value(self) -> Any:
        return self._parsed()[0]

    def current_problems(self) -> list[Problem]:
        value, problems = self._parsed()
        return problems + self.record_problems(value)

    def quiet(self, problem: Problem) -> bool:
        return problem.field == "household" and problem.code == "required" and not self.household.search.text()

    def call_service(self) -> int:
        value = self.value()
        if self.record_id is None:
            return self.create_record(value)
        self.update_record(self.record_id, value)
        return self.record_id


def connect_all(callback: Callable[[], None], *signals: object) -> None:
    for signal in signals:
        signal.connect(lambda *_: callback())  # type: ignore[attr-defined]
