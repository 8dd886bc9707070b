"""The application object: names, language, font, and the main window on an open database."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from suining_desk import __version__
from suining_desk.storage.paths import resources_dir

if TYPE_CHECKING:
    from suining_desk.services.access import Account

    from .instance_lock import DatabaseLock

APP_NAME = "绥宁扶贫台账"
ORGANISATION = "SuiningDesk"
LANG_ENV = "SUINING_LANG"
DEFAULT_LANG = "zh_CN"  # the language the source strings are written in
# Tried in turn for every character: Windows, then Linux (the bundled font first).
FONT_FAMILIES = ["Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "SimSun"]


def current_language() -> str:
    return os.environ.get(LANG_ENV, "").strip() or DEFAULT_LANG


def translations_dir() -> Path:
    return resources_dir() / "translations"


def install_translators(app: QApplication, lang: str) -> list[QTranslator]:
    """Install Qt's own translation for ``lang`` (standard buttons and dialogs) and, for a
    language other than the Chinese the source is written in, ours.

    The translators are children of ``app`` (they live as long as it does) and are
    returned so a caller (a test) can remove them again. A missing file is skipped:
    the interface then stays in its source language.
    """
    wanted = [(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)), "qtbase")]
    if lang != DEFAULT_LANG:
        wanted.append((translations_dir(), "suining_desk"))
    installed = []
    for folder, prefix in wanted:
        translator = QTranslator(app)
        if translator.load(str(folder / f"{prefix}_{lang}.qm")) and app.installTranslator(
            translator
        ):
            installed.append(translator)
        else:
            translator.deleteLater()
    return installed


def ensure_chinese_font() -> bool:
    """Register the bundled WenQuanYi font when the system has none of FONT_FAMILIES (a
    Windows without its Chinese fonts, Wine, a bare Linux): else Chinese shows as boxes.
    True when it was registered."""
    if set(FONT_FAMILIES) & set(QFontDatabase.families()):
        return False
    return QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / "wqy-microhei.ttc")) >= 0


def configure_app(app: QApplication) -> None:
    """Names (QSettings, dialogs), the icon and a font list that can show Chinese on every system."""
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "suining-desk.png")))
    ensure_chinese_font()
    font = QFont(app.font())
    font.setFamilies(FONT_FAMILIES)
    app.setFont(font)


def create_app(argv: list[str] | None = None) -> QApplication:
    """The process's one QApplication, created on first call and configured."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv)
    if app.property("suining_ready"):
        return app
    app.setProperty("suining_ready", True)
    from .qt_log import install_message_handler

    install_message_handler()  # Qt's warnings into the program's log, not a console nobody sees
    configure_app(app)
    from .window import screen_fit

    screen_fit.install(app)  # every window fits the screen; a cut text says itself in a tooltip
    lang = current_language()
    QLocale.setDefault(QLocale(lang))
    install_translators(app, lang)
    return app


def run_app(db_path: Path, *, demo: bool, user_label: str = "", account: Account | None = None,
            db_lock: DatabaseLock | None = None) -> int:
    """Open the main window on the database the caller has already opened, for the
    account that logged in (:func:`ui.startup.start` does the login); return the exit
    code when the window closes."""
    app = create_app()
    from .main_window import MainWindow  # after the translators: its strings are tr()'d

    window = MainWindow(db_path, demo=demo, user_label=user_label, account=account, db_lock=db_lock)
    window.show()
    return int(app.exec())
