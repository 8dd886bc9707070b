"""One relocation or renovation at a glance: its data, what the rules say of it, the next
status step, its photos and scans, and its history from the audit log."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from suining_desk.domain.enums import (
    RELOCATION_STATUS,
    RENOVATION_BUILD_MODES,
    RENOVATION_GRADES,
    RENOVATION_STATUS,
    SETTLEMENT_MODES,
)
from suining_desk.domain.money import format_fen
from suining_desk.rules.housing import m2
from suining_desk.services.housing_detail import RelocationDetail, RenovationDetail
from suining_desk.services.housing_kinds import HOUSING

from ..dates import day_text
from .attachment_strip import AttachmentStrip
from .problem_label import ProblemLabel
from .tables import fill_table, read_only_table

HISTORY_HEADERS = (
    QT_TRANSLATE_NOOP("RecordDetailView", "记录时间"), QT_TRANSLATE_NOOP("RecordDetailView", "办理"),
    QT_TRANSLATE_NOOP("RecordDetailView", "日期"), QT_TRANSLATE_NOOP("RecordDetailView", "说明"),
    QT_TRANSLATE_NOOP("RecordDetailView", "经办人"),
)


def _override(reason: str, by: str) -> str:
    return RecordDetailView.tr("<br>重复享受审核：{reason}（{by}）").format(reason=reason, by=by) if by else ""


def _notes(notes: str) -> str:
    return RecordDetailView.tr("　备注：{notes}").format(notes=notes) if notes else ""


def relocation_summary(d: RelocationDetail) -> str:
    r, h = d.data, d.household
    return RecordDetailView.tr(
        "<b>{head}户</b>　户编号 {no}　{place}　在户{members}人<br>"
        "{year}年批次　搬迁{people}人　{mode}　安置点：{site}　安置房面积：{area}㎡<br>"
        "建房补助：{subsidy}元　自筹：{self_raised}元　迁出地：{origin}<br>"
        "状态：<b>{status}</b>　计划：{plan}　入住：{moved_in}　旧房拆除：{demolished}"
    ).format(
        head=h.head_name, no=h.household_no, place=h.place, members=h.member_count, year=r.batch_year,
        people=r.people, mode=SETTLEMENT_MODES.get(r.mode, r.mode), site=d.site or "—", area=m2(r.house_area_x100),
        subsidy=format_fen(r.subsidy_fen), self_raised=format_fen(r.self_raised_fen), origin=r.origin or "—",
        status=RELOCATION_STATUS.get(d.status, d.status), plan=day_text(r.plan_date) or "—",
        moved_in=day_text(d.moved_in_date) or "—", demolished=day_text(d.demolished_date) or "—",
    ) + _kind(r.household_kind) + _notes(r.notes) + _override(r.override_reason, d.override_by)


def _kind(kind: str) -> str:
    label = {"registered": RecordDetailView.tr("建档立卡搬迁户"), "synchronous": RecordDetailView.tr("同步搬迁户")}
    return RecordDetailView.tr("　类型：{kind}").format(kind=label[kind]) if kind in label else ""


def _renovation_facts(r: object) -> str:
    """The appraisal and the day the subsidy was paid, when recorded."""
    by, on, paid = (getattr(r, a) for a in ("appraised_by", "appraised_on", "paid_on"))
    parts = []
    if by or on:
        parts.append(RecordDetailView.tr("　鉴定：{by} {date}").format(by=by, date=day_text(on) or ""))
    if paid:
        parts.append(RecordDetailView.tr("　补助发放：{date}").format(date=day_text(paid)))
    return "".join(parts)


def renovation_summary(d: RenovationDetail) -> str:
    r, h = d.data, d.household
    acceptance = RecordDetailView.tr("　验收：{date} {by} {result}").format(
        date=day_text(d.accepted_date), by=d.accepted_by, result=d.acceptance_result) if d.accepted_date else ""
    return RecordDetailView.tr(
        "<b>{head}户</b>　户编号 {no}　{place}　家庭人口{members}人<br>"
        "{year}年　{beneficiary}　{grade}　{method}　{build_mode}　面积：{area}㎡<br>"
        "补助标准：{standard}元　补助金额：{subsidy}元<br>"
        "状态：<b>{status}</b>　开工：{start}　竣工：{completed}"
    ).format(
        head=h.head_name, no=h.household_no, place=h.place, members=h.member_count, year=r.year,
        beneficiary=r.beneficiary_type, grade=RENOVATION_GRADES.get(r.grade, r.grade), method=r.method,
        build_mode=RENOVATION_BUILD_MODES.get(r.build_mode, r.build_mode), area=m2(r.area_x100),
        standard=format_fen(r.standard_fen), subsidy=format_fen(r.subsidy_fen),
        status=RENOVATION_STATUS.get(d.status, d.status), start=day_text(d.start_date) or "—",
        completed=day_text(d.completed_date) or "—",
    ) + acceptance + _renovation_facts(r) + _notes(r.notes) + _override(r.override_reason, d.override_by)


class RecordDetailView(QWidget):
    edit_requested = Signal()
    step_requested = Signal()
    attachments_changed = Signal()

    def __init__(self, owner_kind: str, *, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.owner_kind = owner_kind
        self.detail: RelocationDetail | RenovationDetail | None = None
        self.status_labels = HOUSING[owner_kind].statuses
        self.summary = QLabel(objectName="summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.checks = ProblemLabel()
        self.checks.setObjectName("checks")
        self.edit_button = QPushButton(self.tr("编辑(&E)…"), objectName="edit_button")
        self.step_button = QPushButton(self.tr("下一步…"), objectName="step_button")
        self.edit_button.clicked.connect(self.edit_requested.emit)
        self.step_button.clicked.connect(self.step_requested.emit)
        self.attachments = AttachmentStrip(owner_kind, user=user)
        self.attachments.changed.connect(self.attachments_changed.emit)
        self.history = read_only_table(tuple(self.tr(str(h)) for h in HISTORY_HEADERS), "history")
        self.tabs = QTabWidget()
        self.tabs.addTab(self.attachments, self.tr("照片和扫描件"))
        self.tabs.addTab(self.history, self.tr("办理记录"))
        bar = QHBoxLayout()
        bar.addWidget(self.edit_button)
        bar.addWidget(self.step_button)
        bar.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.checks)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        self.show_detail(None)

    def show_detail(self, detail: RelocationDetail | RenovationDetail | None) -> None:
        self.detail = detail
        self.edit_button.setEnabled(detail is not None)
        if detail is None:
            self.summary.setText(self.tr("在上方列表中选择一条记录查看详情。"))
            self.checks.show_problems([])
            self.step_button.setEnabled(False)
            self.step_button.setText(self.tr("下一步…"))
            self.history.setRowCount(0)
            self.attachments.show_attachments(None, [])
            return
        if isinstance(detail, RelocationDetail):
            self.summary.setText(relocation_summary(detail))
        else:
            self.summary.setText(renovation_summary(detail))
        self.checks.show_problems(detail.problems)
        following = detail.next_status
        self.step_button.setEnabled(following is not None)
        self.step_button.setText(self.tr("登记{status}(&T)…").format(status=self.status_labels[following])
                                 if following else self.tr("已办结"))
        fill_table(self.history, [[h.at, h.what, h.date, h.detail, h.by] for h in detail.history])
        self.attachments.show_attachments(detail.id, detail.attachments)
