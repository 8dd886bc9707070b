"""QSettings for window layout: an ini file in the data folder under SUINING_HOME (tests)
or in portable mode (the settings travel with the USB stick), else the system's place."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from suining_desk.storage import paths


def app_settings() -> QSettings:
    ini = paths.settings_file()
    if ini is not None:
        return QSettings(str(ini), QSettings.Format.IniFormat)
    return QSettings("SuiningDesk", "SuiningDesk")
