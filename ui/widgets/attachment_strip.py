"""A record's photos and scans as thumbnails, with add, view and remove."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from suining_desk.domain.enums import ATTACHMENT_KINDS
from suining_desk.domain.messages import describe
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.services.attachments import (
    AttachmentView,
    attach_file,
    checked_content,
    remove_attachment,
    viewing_copy,
)

from .image_viewer import ImageViewer
from .problem_label import ProblemLabel

ATTACHMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
FILE_FILTER = QT_TRANSLATE_NOOP(
    "AttachmentStrip", "照片和扫描件 (*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.webp *.pdf);;所有文件 (*)")


class AttachmentStrip(QWidget):
    changed = Signal()  # something was added or removed

    def __init__(self, owner_kind: str, *, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.owner_kind = owner_kind
        self.owner_id: int | None = None
        self._user = user
        self.attachments: list[AttachmentView] = []
        self.viewer: ImageViewer | None = None
        self.list = QListWidget(objectName="attachments")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(120, 120))
        self.list.setGridSize(QSize(150, 160))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        self.kind = QComboBox(objectName="attachment_kind")
        for code, label in ATTACHMENT_KINDS.items():
            self.kind.addItem(label, code)
        self.add_button = QPushButton(self.tr("添加照片/扫描件…"), objectName="add_attachment")
        self.view_button = QPushButton(self.tr("查看"), objectName="view_attachment")
        self.remove_button = QPushButton(self.tr("删除附件"), objectName="remove_attachment")
        self.problems = ProblemLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.kind)
        bar.addWidget(self.add_button)
        bar.addWidget(self.view_button)
        bar.addWidget(self.remove_button)
        bar.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.problems)
        layout.addWidget(self.list)
        self.add_button.clicked.connect(self.choose_files)
        self.view_button.clicked.connect(self.view_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.itemActivated.connect(lambda _: self.view_selected())
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.show_attachments(None, [])

    def show_attachments(self, owner_id: int | None, attachments: list[AttachmentView]) -> None:
        self.owner_id = owner_id
        self.attachments = attachments
        self.list.clear()
        file_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        for a in attachments:
            icon = file_icon
            if a.thumbnail:
                pixmap = QPixmap()
                if pixmap.loadFromData(a.thumbnail):
                    icon = QIcon(pixmap)
            item = QListWidgetItem(icon, f"{a.kind_label}\n{a.file_name}")
            item.setData(ATTACHMENT_ID_ROLE, a.id)
            item.setToolTip(self.tr("{name}　{kb} KB　{by} {at}\nSHA-256 {sha}").format(
                name=a.file_name, kb=f"{a.size / 1024:.0f}", by=a.added_by, at=f"{a.added_at:%Y-%m-%d %H:%M}",
                sha=a.sha256))
            self.list.addItem(item)
        self.problems.show_problems([])
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self.owner_id is not None)
        selected = self.selected() is not None
        self.view_button.setEnabled(selected)
        self.remove_button.setEnabled(selected)

    def selected(self) -> AttachmentView | None:
        item = self.list.currentItem()
        if item is None or not item.isSelected():
            return None
        wanted = item.data(ATTACHMENT_ID_ROLE)
        return next((a for a in self.attachments if a.id == wanted), None)

    # --- actions ---
    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("选择照片或扫描件"), str(Path.home()),
                                                self.tr(str(FILE_FILTER)))
        if paths:
            self.add_files([Path(p) for p in paths])

    def add_files(self, paths: list[Path], kind: str | None = None) -> bool:
        """Import the files (the list says which failed and why); True when all went in."""
        if self.owner_id is None:
            return False
        chosen = kind or str(self.kind.currentData())
        problems: list[Problem] = []
        for path in paths:
            try:
                attach_file(self.owner_kind, self.owner_id, path, kind=chosen, user=self._user)
            except InvalidInput as exc:
                problems += exc.problems
        self.changed.emit()
        self.problems.show_problems(problems)  # after the refresh, which clears it
        return not problems

    def view_selected(self) -> None:
        a = self.selected()
        if a is None:
            return
        try:  # only a real PDF or photo, named by its type: a stored name never picks the program
            name, mime, data = checked_content(a.id)
            if mime.startswith("image/"):
                self.viewer = ImageViewer(name, data, self)
                self.viewer.open()
                return
            path = viewing_copy(a.id)  # a private copy: the stored name never chooses where it goes
        except InvalidInput as exc:
            self.problems.show_problems(exc.problems)
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def remove_selected(self, *, confirm: bool = True) -> None:
        a = self.selected()
        if a is None:
            return
        question = self.tr("删除附件“{name}”？").format(name=a.file_name)
        if confirm and QMessageBox.question(self, self.tr("删除附件"), question) != QMessageBox.StandardButton.Yes:
            return
        try:
            remove_attachment(a.id, user=self._user)
        except InvalidInput as exc:
            self.problems.setText("\n".join(describe(p) for p in exc.problems))
            return
        self.changed.emit()
