"""QSettings for window layout; under SUINING_HOME (tests, portable use) an ini file there."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings


def app_settings() -> QSettings:
    home = os.environ.get("SUINING_HOME")
    if home:
        return QSettings(str(Path(home) / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings("SuiningDesk", "SuiningDesk")
