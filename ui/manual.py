"""帮助 → 用户手册: the clerk's manual in a window of its own, offline.

An installed program (setup.exe, the portable zip, a PyInstaller folder) carries the manual
rendered by ``scripts/build_manual.py`` in its resources folder (``manual/index.html``). A source
checkout renders docs/manual with the same code (ui.manual_render) when the window asks.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from suining_desk import __version__
from suining_desk.storage.paths import resources_dir

REPO = Path(__file__).resolve().parents[1]
CHECKOUT_SOURCE = REPO / "docs" / "manual"


@dataclass(frozen=True)
class ManualText:
    html: str
    folder: Path  # where its images/ are
    file: Path | None  # the installed index.html (None: rendered from a checkout)


def installed_folders() -> list[Path]:
    """Where a bundle keeps the rendered manual: its resources, or beside the program."""
    folders = []
    try:
        folders.append(resources_dir() / "manual")
    except FileNotFoundError:
        pass
    exe = Path(sys.executable).resolve().parent
    folders += [exe / "manual", exe.parent / "manual"]
    return folders


def find_manual() -> ManualText | None:
    for folder in installed_folders():
        index = folder / "index.html"
        if index.is_file():
            return ManualText(index.read_text(encoding="utf-8"), folder, index)
    if CHECKOUT_SOURCE.is_dir():
        try:
            from .manual_render import render
        except ImportError:  # Python-Markdown is a development dependency
            return None
        return ManualText(render(CHECKOUT_SOURCE, version=__version__).html, CHECKOUT_SOURCE, None)
    return None


class ManualDialog(QDialog):
    def __init__(self, manual: ManualText, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("manual_dialog")
        self.setWindowTitle(self.tr("用户手册 — 绥宁扶贫台账"))
        self.manual = manual
        self.browser = QTextBrowser(objectName="manual_browser")
        self.browser.setOpenExternalLinks(True)
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(manual.folder) + "/"))
        self.browser.setSearchPaths([str(manual.folder)])
        self.browser.setHtml(manual.html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.browser_button: QPushButton | None = None
        if manual.file is not None:  # a browser prints it best (one chapter a page)
            self.browser_button = buttons.addButton(self.tr("在浏览器中打开（可打印）"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
            self.browser_button.setObjectName("open_in_browser")
            self.browser_button.clicked.connect(self.open_in_browser)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(960, 760)

    def open_in_browser(self) -> None:
        if self.manual.file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.manual.file)))
