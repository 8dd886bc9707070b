"""A new payment batch: a program, a period, an area; regular programs are previewed
(who is due, how much, who is left out and why) and computed off the GUI thread."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from suining_desk.domain.enums import AreaLevel
from suining_desk.domain.money import format_fen
from suining_desk.domain.periods import FORMATS, period_of
from suining_desk.services import batches as bs
from suining_desk.services.areas import area_nodes
from suining_desk.services.batch_compute import Preview, compute_batch
from suining_desk.services.programs import ProgramView, programs

from ..dates import from_qdate
from ..models.exclusions import exclusions_model
from ..session import Session
from ..tasks import ProgressFn, run_with_progress
from ..widgets.date_edits import date_edit
from ..widgets.problem_label import ProblemLabel


def area_choices(current: int | None, township_id: int | None = None) -> tuple[list[tuple[int, str]], int]:
    """County, townships and villages as (id, label), and the index of ``current`` (or its village);
    for a township user (``township_id``) only their township and its villages, the township first."""
    nodes = area_nodes()
    by_id = {n.id: n for n in nodes}
    choices: list[tuple[int, str]] = []
    for n in nodes:
        town_of = n.id if n.level == AreaLevel.TOWNSHIP else n.parent_id if n.level == AreaLevel.VILLAGE else None
        if township_id is not None and town_of != township_id:
            continue
        if n.level == AreaLevel.COUNTY or n.level == AreaLevel.TOWNSHIP:
            choices.append((n.id, n.name))
        elif n.level == AreaLevel.VILLAGE:
            town = by_id.get(n.parent_id or -1)
            choices.append((n.id, f"{town.name if town else ''} {n.name}"))
    target = current
    if target is not None and by_id.get(target) and by_id[target].level == AreaLevel.GROUP:
        target = by_id[target].parent_id
    index = next((i for i, (aid, _) in enumerate(choices) if aid == target), 0)
    return choices, index


class NewBatchDialog(QDialog):
    def __init__(self, session: Session, area_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("生成发放批次"))
        self.setObjectName("new_batch_dialog")
        self.session = session
        self.created: bs.Created | None = None
        self.preview: Preview | None = None
        self.programs: list[ProgramView] = programs(active_only=True)
        self.program = QComboBox(objectName="program")
        for p in self.programs:
            self.program.addItem(p.name, p.id)
        self.period = QLineEdit(objectName="period")
        self.area = QComboBox(objectName="area")
        account = session.account
        choices, index = area_choices(area_id, account.township_id if account is not None else None)
        for aid, label in choices:
            self.area.addItem(label, aid)
        self.area.setCurrentIndex(index)
        self.pay_date = date_edit("pay_date", session.today())
        self.notes = QLineEdit(objectName="notes")
        self.summary = QLabel(objectName="summary")
        self.summary.setWordWrap(True)
        self.problems = ProblemLabel()
        self.exclusions = exclusions_model(self)
        self.exclusion_table = QTableView(objectName="exclusions")
        self.exclusion_table.setModel(self.exclusions)
        self.exclusion_table.horizontalHeader().setStretchLastSection(True)
        self.exclusion_table.setColumnWidth(0, 160)
        self.preview_button = QPushButton(self.tr("预览(&P)"), objectName="preview_button")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.create_button.setText(self.tr("生成草稿(&S)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        form = QFormLayout()
        form.addRow(self.tr("项目(&G)："), self.program)
        form.addRow(self.tr("期间(&Q)："), self.period)
        form.addRow(self.tr("发放区域(&A)："), self.area)
        self.pay_label = QLabel(self.tr("计划发放日期："))
        form.addRow(self.pay_label, self.pay_date)
        form.addRow(self.tr("备注："), self.notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems)
        layout.addWidget(self.exclusion_table, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 520)
        self.program.currentIndexChanged.connect(self._program_changed)
        for signal in (self.period.textChanged, self.area.currentIndexChanged, self.pay_date.dateChanged):
            signal.connect(self._forget_preview)
        self.preview_button.clicked.connect(self.run_preview)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._program_changed()

    def current_program(self) -> ProgramView:
        return self.programs[self.program.currentIndex()]

    def _program_changed(self) -> None:
        p = self.current_program()
        self.period.setText(period_of(p.frequency, self.session.today()).label)
        self.period.setPlaceholderText(self.tr("如 {example}").format(example=FORMATS.get(p.frequency, "2018-11")))
        for widget in (self.pay_date, self.pay_label, self.preview_button, self.exclusion_table):
            widget.setVisible(not p.one_off)
        self.create_button.setText(self.tr("新建一次性救助批次(&S)") if p.one_off else self.tr("生成草稿(&S)"))
        self._forget_preview()

    def _forget_preview(self) -> None:
        self.preview = None
        self.exclusions.set_items([])
        self.summary.setText(self.tr("一次性救助批次先新建空草稿，再逐笔登记。") if self.current_program().one_off
                             else self.tr("点“预览”查看应发放的对象和未列入的原因。"))
        self.problems.show_problems([])
        self._default_button()

    def _args(self) -> tuple[int, str, int, dt.date]:
        return (self.current_program().id, self.period.text().strip(), int(self.area.currentData()),
                from_qdate(self.pay_date.date()))

    def _default_button(self) -> None:
        """Enter previews first: the draft is made (Enter again) after the exclusions were seen."""
        previewed = self.preview is not None or self.current_program().one_off
        self.preview_button.setDefault(not previewed)
        self.create_button.setDefault(previewed)

    def _show_preview(self, preview: Preview) -> None:
        self.preview = preview
        self.exclusions.set_items(preview.exclusions + preview.notes)
        text = self.tr("应发 {lines} 笔，{people} 人，合计 {total} 元；未列入 {excluded} 个对象。").format(
            lines=len(preview.lines), people=preview.people, total=format_fen(preview.total_fen),
            excluded=len(preview.exclusions))
        if preview.notes:
            text += self.tr("{count} 笔因家庭成员死亡或减员少发人数（见下表说明）。").format(count=len(preview.notes))
        self.summary.setText(text)
        self._default_button()

    def _failed(self, exc: BaseException) -> None:
        from suining_desk.domain.problems import InvalidInput

        if isinstance(exc, InvalidInput):
            self.problems.show_problems(exc.problems)
        else:
            raise exc

    def run_preview(self) -> None:
        program_id, period, area_id, pay_date = self._args()

        def work(progress: ProgressFn, cancel: Any) -> Preview:
            return compute_batch(program_id, period, area_id, pay_date, cancel=cancel,
                                 progress=lambda f: progress(self.tr("计算应发放对象"), f))

        self.problems.show_problems([])
        run_with_progress(self, self.tr("计算发放批次"), work, self._show_preview, on_error=self._failed)

    def save(self) -> None:
        program_id, period, area_id, pay_date = self._args()
        user, notes = self.session.username, self.notes.text()
        one_off = self.current_program().one_off

        def work(progress: ProgressFn, cancel: Any) -> bs.Created:
            if one_off:
                return bs.create_one_off_batch(program_id, period, area_id, user=user, notes=notes)
            return bs.create_batch(program_id, period, area_id, user=user, pay_date=pay_date, notes=notes,
                                   cancel=cancel, progress=lambda f: progress(self.tr("生成批次草稿"), f))

        def done(created: bs.Created) -> None:
            self.created = created
            self.accept()

        self.problems.show_problems([])
        run_with_progress(self, self.tr("生成发放批次"), work, done, on_error=self._failed)
