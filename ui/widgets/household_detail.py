"""One household at a glance: its data, members, member history and status history."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from suining_desk.domain.enums import HOUSEHOLD_STATUS, RELOCATION_STATUS, RENOVATION_STATUS, SETTLEMENT_MODES
from suining_desk.domain.money import format_fen
from suining_desk.rules.housing import m2
from suining_desk.services.household_detail import HistoryLine, HouseholdDetail, MemberView
from suining_desk.services.relocation_query import RelocationRow
from suining_desk.services.renovation_query import RenovationRow

from .household_payments import HouseholdPaymentsView
from .tables import fill_table, read_only_table

MEMBER_HEADERS = (
    QT_TRANSLATE_NOOP("HouseholdDetailView", "姓名"), QT_TRANSLATE_NOOP("HouseholdDetailView", "与户主关系"),
    QT_TRANSLATE_NOOP("HouseholdDetailView", "身份证号"), QT_TRANSLATE_NOOP("HouseholdDetailView", "性别"),
    QT_TRANSLATE_NOOP("HouseholdDetailView", "年龄"), QT_TRANSLATE_NOOP("HouseholdDetailView", "健康状况"),
    QT_TRANSLATE_NOOP("HouseholdDetailView", "文化程度"), QT_TRANSLATE_NOOP("HouseholdDetailView", "在校生状况"),
    QT_TRANSLATE_NOOP("HouseholdDetailView", "劳动技能"), QT_TRANSLATE_NOOP("HouseholdDetailView", "务工状况"),
    QT_TRANSLATE_NOOP("HouseholdDetailView", "状态"),
)
HISTORY_HEADERS = (
    QT_TRANSLATE_NOOP("HouseholdDetailView", "日期"), QT_TRANSLATE_NOOP("HouseholdDetailView", "变动"),
    QT_TRANSLATE_NOOP("HouseholdDetailView", "成员"), QT_TRANSLATE_NOOP("HouseholdDetailView", "原因"),
    QT_TRANSLATE_NOOP("HouseholdDetailView", "经办人"),
)
RELOCATION_HEADERS = (
    QT_TRANSLATE_NOOP("HouseholdDetailView", "批次"), QT_TRANSLATE_NOOP("HouseholdDetailView", "搬迁人口"),
    QT_TRANSLATE_NOOP("HouseholdDetailView", "安置方式"), QT_TRANSLATE_NOOP("HouseholdDetailView", "安置点"),
    QT_TRANSLATE_NOOP("HouseholdDetailView", "安置房面积(㎡)"),
    QT_TRANSLATE_NOOP("HouseholdDetailView", "补助金额(元)"), QT_TRANSLATE_NOOP("HouseholdDetailView", "入住日期"),
    QT_TRANSLATE_NOOP("HouseholdDetailView", "状态"), QT_TRANSLATE_NOOP("HouseholdDetailView", "提示"),
)
RENOVATION_HEADERS = (
    QT_TRANSLATE_NOOP("HouseholdDetailView", "年度"), QT_TRANSLATE_NOOP("HouseholdDetailView", "危房等级"),
    QT_TRANSLATE_NOOP("HouseholdDetailView", "改造方式"), QT_TRANSLATE_NOOP("HouseholdDetailView", "补助标准(元)"),
    QT_TRANSLATE_NOOP("HouseholdDetailView", "补助金额(元)"), QT_TRANSLATE_NOOP("HouseholdDetailView", "竣工日期"),
    QT_TRANSLATE_NOOP("HouseholdDetailView", "验收日期"), QT_TRANSLATE_NOOP("HouseholdDetailView", "状态"),
    QT_TRANSLATE_NOOP("HouseholdDetailView", "提示"),
)


def member_state(m: MemberView) -> str:
    if m.death_date:
        return HouseholdDetailView.tr("已故 {date}").format(date=m.death_date.isoformat())
    if m.removed_on:
        return HouseholdDetailView.tr("减员 {date}（{reason}）").format(date=m.removed_on.isoformat(),
                                                                       reason=m.removal_reason)
    return HouseholdDetailView.tr("在户")


class HouseholdDetailView(QWidget):
    edit_household_requested = Signal()
    change_status_requested = Signal()
    add_member_requested = Signal()
    edit_member_requested = Signal(int)
    member_exit_requested = Signal(int)
    file_requested = Signal()  # print this household's file (一户一档)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: HouseholdDetail | None = None
        self.summary = QLabel(objectName="summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.members = read_only_table(tuple(self.tr(str(h)) for h in MEMBER_HEADERS), "members")
        self.member_history = read_only_table(tuple(self.tr(str(h)) for h in HISTORY_HEADERS), "member_history")
        self.status_history = read_only_table(tuple(self.tr(str(h)) for h in HISTORY_HEADERS), "status_history")
        self.tabs = QTabWidget()
        self.tabs.addTab(self.members, self.tr("家庭成员"))
        self.tabs.addTab(self.member_history, self.tr("成员变动记录"))
        self.tabs.addTab(self.status_history, self.tr("户状态变更记录"))
        self.relocations = read_only_table(tuple(self.tr(str(h)) for h in RELOCATION_HEADERS), "household_relocations")
        self.renovations = read_only_table(tuple(self.tr(str(h)) for h in RENOVATION_HEADERS), "household_renovations")
        self.tabs.addTab(self.relocations, self.tr("易地搬迁"))
        self.tabs.addTab(self.renovations, self.tr("危房改造"))
        self.aid = HouseholdPaymentsView()  # enrolments and payments
        self.tabs.addTab(self.aid, self.tr("资金发放"))

        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, text, slot in (
            ("edit", self.tr("编辑户信息(&E)"), self.edit_household_requested.emit),
            ("status", self.tr("变更状态…"), self.change_status_requested.emit),
            ("add", self.tr("新增成员…"), self.add_member_requested.emit),
            ("edit_member", self.tr("修改成员…"), lambda: self._member_action(self.edit_member_requested)),
            ("exit", self.tr("减员（死亡/迁出）…"), lambda: self._member_action(self.member_exit_requested)),
            ("file", self.tr("一户一档(&P)…"), self.file_requested.emit),
        ):
            button = QPushButton(text, objectName=f"{key}_button")
            button.clicked.connect(slot)
            self.buttons[key] = button
            bar.addWidget(button)
        bar.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(bar)
        layout.addWidget(self.tabs)
        self.members.itemSelectionChanged.connect(self._update_buttons)
        self.show_detail(None)

    def _member_action(self, signal: SignalInstance) -> None:
        member = self.selected_member()
        if member is not None:
            signal.emit(member.id)

    def selected_member(self) -> MemberView | None:
        row = self.members.currentRow()
        if self.detail is None or not 0 <= row < len(self.detail.members):
            return None
        return self.detail.members[row]

    def _update_buttons(self) -> None:
        has = self.detail is not None
        member = self.selected_member()
        for key in ("edit", "status", "add", "file"):
            self.buttons[key].setEnabled(has)
        self.buttons["edit_member"].setEnabled(member is not None and member.active)
        self.buttons["exit"].setEnabled(member is not None and member.active)

    def show_detail(self, detail: HouseholdDetail | None, *, today: dt.date | None = None) -> None:
        self.detail = detail
        if detail is None:
            self.summary.setText(self.tr("在上方列表中选择一户查看详情。"))
            for table in (self.members, self.member_history, self.status_history, self.relocations,
                          self.renovations):
                table.setRowCount(0)
            self.aid.show_household(None)
            self._update_buttons()
            return
        d = detail.data
        exit_year = self.tr("（{year}年脱贫）").format(year=d.exit_year) if d.exit_year else ""
        status = HOUSEHOLD_STATUS.get(d.status, d.status) + exit_year
        if detail.removed_on is not None:
            status = self.tr("已清退（{date}）").format(date=detail.removed_on.isoformat()) + "，" + status
        causes = "、".join(c for c in [d.main_cause, *d.other_causes] if c) or "—"
        aid = detail.aid_words() or "—"  # the 低保户/特困 marks and the programs it is enrolled in
        self.summary.setText(self.tr(
            "<b>户编号 {household_no}</b>　{township} {village} {group}　状态：{status}<br>"
            "致贫原因：{causes}　享受：{aid}　电话：{phone}　一卡通：{bank} {account}　住址：{address}"
        ).format(household_no=d.household_no, township=detail.township, village=detail.village, group=detail.group,
                 status=status, causes=causes, aid=aid, phone=d.phone or "—", bank=d.bank_name,
                 account=d.bank_account or "—", address=d.address or "—"))
        day = today or dt.date.today()
        fill_table(self.members, [
            [m.name, m.relation, m.id_number, m.sex, str(m.age_on(day) or ""), m.health, m.education,
             m.schooling, m.labour, m.work_status, member_state(m)] for m in detail.members
        ])
        fill_table(self.member_history, [_history_row(h) for h in detail.member_history])
        fill_table(self.status_history, [_history_row(h) for h in detail.status_history])
        fill_table(self.relocations, [_relocation_row(r) for r in detail.relocations])
        fill_table(self.renovations, [_renovation_row(r) for r in detail.renovations])
        self.tabs.setTabText(3, self.tr("易地搬迁（{count}）").format(count=len(detail.relocations))
                             if detail.relocations else self.tr("易地搬迁"))
        self.tabs.setTabText(4, self.tr("危房改造（{count}）").format(count=len(detail.renovations))
                             if detail.renovations else self.tr("危房改造"))
        paid = self.aid.show_household(detail.id)
        self.tabs.setTabText(self.tabs.indexOf(self.aid), self.tr("资金发放（{count}）").format(count=paid)
                             if paid else self.tr("资金发放"))
        self._update_buttons()


def _history_row(h: HistoryLine) -> list[str]:
    return [h.date.isoformat(), h.what, h.who, h.reason, h.recorded_by]


def _relocation_row(r: RelocationRow) -> list[str]:
    return [str(r.batch_year), str(r.people), SETTLEMENT_MODES.get(r.mode, r.mode), r.site, m2(r.house_area_x100),
            format_fen(r.subsidy_fen), r.moved_in_date.isoformat() if r.moved_in_date else "",
            RELOCATION_STATUS.get(r.status, r.status), "；".join(r.flags)]


def _renovation_row(r: RenovationRow) -> list[str]:
    return [str(r.year), HouseholdDetailView.tr("{grade}级").format(grade=r.grade), r.method,
            format_fen(r.standard_fen), format_fen(r.subsidy_fen),
            r.completed_date.isoformat() if r.completed_date else "",
            r.accepted_date.isoformat() if r.accepted_date else "", RENOVATION_STATUS.get(r.status, r.status),
            "；".join(r.flags)]
