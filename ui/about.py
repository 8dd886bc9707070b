"""关于: what the program is, its version, the open database, and the bundled font's licence."""

from __future__ import annotations

from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from suining_desk import __version__


class AboutDialog(QDialog):
    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("关于绥宁扶贫台账"))

        self.name_label = QLabel(self.tr("绥宁扶贫台账"), objectName="name_label")
        name_font = QFont(self.name_label.font())
        name_font.setPointSizeF(name_font.pointSizeF() * 1.6)
        name_font.setBold(True)
        self.name_label.setFont(name_font)
        self.version_label = QLabel(
            self.tr("版本 {version}").format(version=__version__), objectName="version_label"
        )
        description = QLabel(
            self.tr(
                "乡镇扶贫工作站的桌面台账软件：登记建档立卡贫困户及家庭成员，记录易地扶贫搬迁、"
                "危房改造和各项资金发放，打印供审计和公示使用的台账。数据保存在本机，断网也能用。"
            ),
            objectName="description",
        )
        description.setWordWrap(True)
        self.database_label = QLabel(
            self.tr("数据库：{path}").format(path=str(db_path)),
            objectName="database_label",
        )
        self.database_label.setTextFormat(Qt.TextFormat.PlainText)  # a path is not markup
        self.database_label.setWordWrap(True)
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        licence = QLabel(
            self.tr(
                "打印台账内嵌的中文字体为文泉驿微米黑（WenQuanYi Micro Hei），"
                "按 Apache License 2.0 许可随本软件分发。"
            ),
            objectName="licence_label",
        )
        licence.setWordWrap(True)
        built_with = QLabel(
            self.tr("基于 PySide6 {qt}、peewee、reportlab 开发。").format(qt=pyside_version),
            objectName="built_with",
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        self.buttons = buttons

        layout = QVBoxLayout(self)
        for widget in (self.name_label, self.version_label, description, self.database_label,
                       licence, built_with):
            layout.addWidget(widget)
        layout.addSpacing(8)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
