"""The top of the login (and of the lock and the first admin): the program's name and version,
the database the window opens, and — at the start — a button to open another one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from suining_desk import __version__

from .elided_label import ElidedLabel

PROGRAM_NAME = "绥宁扶贫台账"


class ProgramBanner(QWidget):
    other_chosen = Signal(Path)  # 打开其他数据库…: the file the clerk picked

    def __init__(self, database: Path | None, *, can_choose: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("program_banner")
        self.database = database
        name = QLabel(PROGRAM_NAME, objectName="program_name")
        font = QFont(name.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        name.setFont(font)
        version = QLabel(self.tr("版本 {version}").format(version=__version__), objectName="program_version")
        version.setStyleSheet("color: #666;")
        title = QHBoxLayout()
        title.addWidget(name)
        title.addWidget(version)
        title.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.addLayout(title)
        self.choose_button: QPushButton | None = None
        if database is not None:
            where = QHBoxLayout()
            self.database_label = ElidedLabel(self.tr("数据库：{path}").format(path=database),
                                              objectName="login_database")
            where.addWidget(self.database_label, 1)
            if can_choose:
                self.choose_button = QPushButton(self.tr("打开其他数据库(&O)…"), objectName="choose_database")
                self.choose_button.setAutoDefault(False)
                self.choose_button.setToolTip(self.tr(
                    "换一个数据库文件（如本单位的正式数据库、从别的电脑拷来的数据库）；"
                    "登录后也可以用“文件 → 打开数据库…”"))
                self.choose_button.clicked.connect(self.choose)
                where.addWidget(self.choose_button)
            layout.addLayout(where)

    def choose(self) -> None:
        folder = str(self.database.parent) if self.database is not None else ""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("打开数据库"), folder,
                                              self.tr("数据库文件 (*.sqlite3 *.sqlite *.db);;所有文件 (*)"))
        if path:
            self.other_chosen.emit(Path(path))
