"""What the window remembers between sessions (in the settings): its size and place, the
splitter, the page and the area last shown, and each page's own layout."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray

from ..settings import app_settings
from .screen_fit import fit_to_screen

if TYPE_CHECKING:
    from ..main_window import MainWindow

SETTINGS_GROUP = "main_window"
DEFAULT_SIZE = (1200, 760)


def restore_layout(window: MainWindow) -> None:
    settings = app_settings()
    geometry = settings.value(f"{SETTINGS_GROUP}/geometry")
    if not (isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)):
        window.resize(*DEFAULT_SIZE)
    fit_to_screen(window)  # a size remembered on a bigger screen, or the default, on this one
    area_code = settings.value(f"{SETTINGS_GROUP}/area_code")
    if isinstance(area_code, str):
        window.area_tree.select_area_code(area_code)
    window.keep_to_township()
    key = settings.value(f"{SETTINGS_GROUP}/page")
    known = {spec.key for spec in window.page_specs}
    window.show_page(str(key) if key in known else window.page_specs[0].key)
    splitter = settings.value(f"{SETTINGS_GROUP}/splitter")  # after the page is in
    if isinstance(splitter, QByteArray):
        window.splitter.restoreState(splitter)

def save_layout(window: MainWindow) -> None:
    settings = app_settings()
    settings.setValue(f"{SETTINGS_GROUP}/geometry", window.saveGeometry())
    settings.setValue(f"{SETTINGS_GROUP}/splitter", window.splitter.saveState())
    settings.setValue(f"{SETTINGS_GROUP}/page", window.current_page_key() or window.page_specs[0].key)
    if (area_code := window.area_tree.current_area_code()) is not None:
        settings.setValue(f"{SETTINGS_GROUP}/area_code", area_code)
    save_page_layouts(window)
    settings.sync()

def save_page_layouts(window: MainWindow) -> None:
    for page in window.pages.values():
        save = getattr(page, "save_layout", None)
        if callable(save):
            save()
