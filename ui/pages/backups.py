"""数据备份: the database's backups (automatic, manual, kept before a restore), backing up
now, and — for admins — restoring one (the current database is kept as a copy first)."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from suining_desk.domain.messages import describe
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.services.restore import restore_backup
from suining_desk.storage import backups

from .. import tasks
from ..session import Session
from ..window.backups import BackupJob, BackupRunner

KIND_LABELS = {"auto": QT_TRANSLATE_NOOP("BackupsPage", "自动"), "manual": QT_TRANSLATE_NOOP("BackupsPage", "手动"),
               "before-restore": QT_TRANSLATE_NOOP("BackupsPage", "恢复前副本"),
               "before-demo": QT_TRANSLATE_NOOP("BackupsPage", "重新生成演示数据前的副本"),
               "before-repair": QT_TRANSLATE_NOOP("BackupsPage", "恢复保护规则前的副本"),
               "damaged": QT_TRANSLATE_NOOP("BackupsPage", "损坏文件副本")}


class BackupsPage(QWidget):
    restored = Signal(Path)  # the backup now in place: the window reloads and asks who is working

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backups_page")
        self.session = session
        self.folder = backups.backup_folder(session.db_path)
        self.table = QTableWidget(0, 4, objectName="backups_table")
        self.table.setHorizontalHeaderLabels([self.tr("备份时间"), self.tr("类型"), self.tr("大小"), self.tr("文件")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.backup_button = QPushButton(self.tr("立即备份(&B)"), objectName="backup_now")
        self.export_button = QPushButton(self.tr("备份到其他位置…"), objectName="backup_elsewhere")
        self.restore_button = QPushButton(self.tr("从所选备份恢复…"), objectName="restore_backup")
        self.folder_button = QPushButton(self.tr("打开备份文件夹"), objectName="open_folder")
        self.restore_button.setEnabled(session.at_least("admin"))
        self.status = QLabel(objectName="backup_status")
        self.status.setWordWrap(True)
        self.message_box: QMessageBox | None = None
        policy = QLabel(self.tr(
            "备份在后台进行，进度显示在窗口底部的状态栏，不影响录入。程序关闭时自动备份，打开期间每天至少备份一次"
            "（数据没有变化时不重复备份）。每份备份都经过检查：每天的备份和手动备份做完整检查（每张表及其索引），"
            "关闭时的备份做快速检查（几秒钟）。自动备份保留最近7天每天一份、最近4周每周一份、最近12个月每月一份。"
            "备份文件夹：{folder}").format(
                folder=self.folder))
        policy.setWordWrap(True)
        policy.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        for b in (self.backup_button, self.export_button, self.restore_button, self.folder_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(policy)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.backup_button.clicked.connect(self.backup_now)
        self.export_button.clicked.connect(self.backup_elsewhere)
        self.restore_button.clicked.connect(self.confirm_restore)
        self.folder_button.clicked.connect(self.open_folder)
        self.items: list[backups.BackupInfo] = []
        self.own_runner: BackupRunner | None = None  # outside a window (no status bar)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()  # an automatic backup may have been made meanwhile
        super().showEvent(event)

    def backup_made(self, _info: object) -> None:
        """The window made a backup (automatic or ours): the list shows it."""
        self.refresh()

    def refresh(self) -> None:
        self.items = backups.list_backups(self.folder)
        self.table.setRowCount(len(self.items))
        for row, b in enumerate(self.items):
            cells = (b.created.strftime("%Y-%m-%d %H:%M:%S"), self.tr(str(KIND_LABELS.get(b.kind, b.kind))),
                     f"{b.size / 1048576:.1f} MB", b.path.name)
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def _say(self, text: str, ok: bool = True) -> None:
        self.status.setStyleSheet("color: #1e8449;" if ok else "color: #c0392b;")
        self.status.setText(text)

    def _runner(self) -> BackupRunner:
        runner = BackupRunner.of(self)
        if runner is None:
            runner = self.own_runner = self.own_runner or BackupRunner(None, self)
        return runner

    def _make(self, dest: Path, kind: str) -> None:
        """In the background (the window's status bar shows how far); the buttons wait for it."""
        source = self.session.db_path

        def work(progress: tasks.ProgressFn, cancel: threading.Event) -> backups.BackupInfo:
            return backups.make_backup(source, dest, kind=kind, progress=progress, cancel=cancel)

        def done(info: backups.BackupInfo | None) -> None:
            self._busy(False)
            if info is not None:
                self._say(self.tr("已备份到 {path}（完整性检查通过）").format(path=info.path))
            self.refresh()

        def failed(reason: str) -> None:
            self._busy(False)
            self._say(reason, ok=False)

        self._busy(True)
        self._say(self.tr("正在备份，可以继续工作；进度见窗口底部的状态栏。"))
        self._runner().add(BackupJob(self.tr("正在备份"), work, "manual", on_done=done, on_error=failed))

    def _busy(self, busy: bool) -> None:
        self.backup_button.setEnabled(not busy)
        self.export_button.setEnabled(not busy)

    def backup_now(self) -> None:
        now = dt.datetime.now()
        self._make(self.folder / backups.backup_name(self.session.db_path, now, "manual"), "manual")

    def backup_elsewhere(self) -> None:
        name = backups.backup_name(self.session.db_path, dt.datetime.now(), "manual")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("备份到"), str(Path.home() / name),
                                              self.tr("数据库文件 (*.sqlite3)"))
        if path:
            self._make(Path(path), "manual")

    def selected(self) -> backups.BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def confirm_restore(self) -> None:
        chosen = self.selected()
        if chosen is None:
            self._say(self.tr("请先在列表中选中要恢复的备份。"), ok=False)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("从备份恢复"), self.tr(
            "用 {time} 的备份替换现在的数据库？\n此后录入的数据将不在恢复后的数据库中；"
            "现在的数据库会先另存一份副本。恢复后需要重新登录。").format(time=chosen.created), parent=self)
        box.setObjectName("restore_confirm")
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("恢复"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("取消"))
        box.accepted.connect(lambda: self.restore(chosen.path))
        self.message_box = box
        box.open()

    def restore(self, source: Path) -> bool:
        if not self.session.at_least("admin"):
            self._say(describe(Problem("access_role", {"user": self.session.username,
                                                       "role": self.session.user_label, "needed": "管理员"})), False)
            return False
        try:
            kept = restore_backup(source, self.session.db_path, user=self.session.username)
        except InvalidInput as exc:
            self._say("\n".join(describe(p) for p in exc.problems), ok=False)
            return False
        self._say(self.tr("已恢复。恢复前的数据库另存为 {name}").format(name=kept.name if kept else "—"))
        self.refresh()
        self.restored.emit(source)
        return True

    def open_folder(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))
