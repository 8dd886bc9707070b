"""A photo or scan at a readable size, with 另存为 for the original stored bytes.

The name offered for 另存为 is the one the caller checked (the stored name made safe, with the
extension of the image's real type): a name such as ``../../x.jpg`` from a received database
never suggests a folder of its own, nor ``x.jpg.exe`` another program."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from suining_desk.domain.file_names import safe_file_name
from suining_desk.domain.messages import describe
from suining_desk.domain.os_errors import os_problem


class ImageViewer(QDialog):
    def __init__(self, name: str, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(name)
        self._name, self._data = name, data
        self.error: QMessageBox | None = None  # a save that failed, said in Chinese
        pixmap = QPixmap()
        pixmap.loadFromData(data)
        self.image = QLabel(objectName="image")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if not pixmap.isNull():
            self.image.setPixmap(pixmap.scaled(1000, 700, Qt.AspectRatioMode.KeepAspectRatio,
                                               Qt.TransformationMode.SmoothTransformation))
        scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("另存为…"))
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.accepted.connect(self.save_as)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        self.resize(1040, 780)

    def save_as(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("另存为"), str(Path.home() / safe_file_name(self._name)))
        if not path:
            return
        try:
            Path(path).write_bytes(self._data)
        except OSError as exc:
            self.error = QMessageBox(QMessageBox.Icon.Warning, self.tr("另存为"), describe(os_problem(exc)),
                                     QMessageBox.StandardButton.Ok, self)
            self.error.open()
