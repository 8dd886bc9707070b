"""One household at a glance: its data, members, member history and status history."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from suining_desk.enums import HOUSEHOLD_STATUS, RELOCATION_STATUS, RENOVATION_STATUS, SETTLEMENT_MODES
from suining_desk.money import format_fen
from suining_desk.rules.housing import m2
from suining_desk.services.household_detail import HistoryLine, HouseholdDetail, MemberView
from suining_desk.services.relocation_query import RelocationRow
from suining_desk.services.renovation_query import RenovationRow
from ui.widgets.household_payments import HouseholdPaymentsView

MEMBER_HEADERS = ("姓名", "与户主关系", "身份证号", "性别", "年龄", "健康状况", "文化程度", "在校生状况",
                  "劳动技能", "务工状况", "状态")
HISTORY_HEADERS = ("日期", "变动", "成员", "原因", "经办人")
RELOCATION_HEADERS = ("批次", "搬迁人口", "安置方式", "安置点", "安置房面积(㎡)", "补助金额(元)", "入住日期", "状态",
                      "提示")
RENOVATION_HEADERS = ("年度", "危房等级", "改造方式", "补助标准(元)", "补助金额(元)", "竣工日期", "验收日期", "状态",
                      "提示")


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    # A household has a handful of members: a plain table widget is right here.
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


def _table(headers: tuple[str, ...], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers), objectName=name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setVisible(False)
    return table


def member_state(m: MemberView) -> str:
    if m.death_date:
        return f"已故 {m.death_date.isoformat()}"
    if m.removed_on:
        return f"减员 {m.removed_on.isoformat()}（{m.removal_reason}）"
    return "在户"


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
        self.members = _table(MEMBER_HEADERS, "members")
        self.member_history = _table(HISTORY_HEADERS, "member_history")
        self.status_history = _table(HISTORY_HEADERS, "status_history")
        self.tabs = QTabWidget()
        self.tabs.addTab(self.members, "家庭成员")
        self.tabs.addTab(self.member_history, "成员变动记录")
        self.tabs.addTab(self.status_history, "户状态变更记录")
        self.relocations = _table(RELOCATION_HEADERS, "household_relocations")
        self.renovations = _table(RENOVATION_HEADERS, "household_renovations")
        self.tabs.addTab(self.relocations, "易地搬迁")
        self.tabs.addTab(self.renovations, "危房改造")
        self.aid = HouseholdPaymentsView()  # enrolments and payments
        self.tabs.addTab(self.aid, "资金发放")

        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, text, slot in (
            ("edit", "编辑户信息(&E)", self.edit_household_requested.emit),
            ("status", "变更状态…", self.change_status_requested.emit),
            ("add", "新增成员…", self.add_member_requested.emit),
            ("edit_member", "修改成员…", lambda: self._member_action(self.edit_member_requested)),
            ("exit", "减员（死亡/迁出）…", lambda: self._member_action(self.member_exit_requested)),
            ("file", "一户一档(&P)…", self.file_requested.emit),
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

    def _member_action(self, signal: Signal) -> None:
        member = self.selected_member()
        if member is not None:
            signal.emit(member.id)  # type: ignore[attr-defined]

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
            self.summary.setText("在上方列表中选择一户查看详情。")
            for table in (self.members, self.member_history, self.status_history, self.relocations,
                          self.renovations):
                table.setRowCount(0)
            self.aid.show_household(None)
            self._update_buttons()
            return
        d = detail.data
        status = HOUSEHOLD_STATUS.get(d.status, d.status) + (f"（{d.exit_year}年脱贫）" if d.exit_year else "")
        causes = "、".join(c for c in [d.main_cause, *d.other_causes] if c) or "—"
        aid = "、".join(x for flag, x in ((d.dibao, "低保"), (d.tekun, "特困")) if flag) or "—"
        self.summary.setText(
            f"<b>户编号 {d.household_no}</b>　{detail.township} {detail.village} {detail.group}　"
            f"状态：{status}<br>致贫原因：{causes}　享受：{aid}　电话：{d.phone or '—'}　"
            f"一卡通：{d.bank_name} {d.bank_account or '—'}　住址：{d.address or '—'}"
        )
        day = today or dt.date.today()
        _fill(self.members, [
            [m.name, m.relation, m.id_number, m.sex, str(m.age_on(day) or ""), m.health, m.education,
             m.schooling, m.labour, m.work_status, member_state(m)] for m in detail.members
        ])
        _fill(self.member_history, [_history_row(h) for h in detail.member_history])
        _fill(self.status_history, [_history_row(h) for h in detail.status_history])
        _fill(self.relocations, [_relocation_row(r) for r in detail.relocations])
        _fill(self.renovations, [_renovation_row(r) for r in detail.renovations])
        self.tabs.setTabText(3, f"易地搬迁（{len(detail.relocations)}）" if detail.relocations else "易地搬迁")
        self.tabs.setTabText(4, f"危房改造（{len(detail.renovations)}）" if detail.renovations else "危房改造")
        paid = self.aid.show_household(detail.id)
        self.tabs.setTabText(self.tabs.indexOf(self.aid), f"资金发放（{paid}）" if paid else "资金发放")
        self._update_buttons()


def _history_row(h: HistoryLine) -> list[str]:
    return [h.date.isoformat(), h.what, h.who, h.reason, h.recorded_by]


def _relocation_row(r: RelocationRow) -> list[str]:
    return [str(r.batch_year), str(r.people), SETTLEMENT_MODES.get(r.mode, r.mode), r.site, m2(r.house_area_x100),
            format_fen(r.subsidy_fen), r.moved_in_date.isoformat() if r.moved_in_date else "",
            RELOCATION_STATUS.get(r.status, r.status), "；".join(r.flags)]


def _renovation_row(r: RenovationRow) -> list[str]:
    return [str(r.year), f"{r.grade}级", r.method, format_fen(r.standard_fen), format_fen(r.subsidy_fen),
            r.completed_date.isoformat() if r.completed_date else "",
            r.accepted_date.isoformat() if r.accepted_date else "", RENOVATION_STATUS.get(r.status, r.status),
            "；".join(r.flags)]
