"""Where things live: the data folder (platformdirs, overridable with SUINING_HOME, or
beside the program in portable mode) and the shipped resources (fonts, translations, icons)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from suining_desk.storage.tempfiles import make_private

APP_NAME = "SuiningDesk"
PORTABLE_MARKER = "portable.txt"  # beside the executables: the data stay in the program's folder
PORTABLE_DATA = "data"
APP_DIR_ENV = "SUINING_APP_DIR"  # set by the Windows launchers to the folder of the .exe


def app_dir() -> Path | None:
    """The folder of the packaged program's executables (the Windows launchers say it;
    a PyInstaller build is its executable's folder); None when run from a checkout or a wheel."""
    told = os.environ.get(APP_DIR_ENV)
    if told:
        return Path(told)
    executable = Path(os.path.abspath(sys.executable))  # as started: a drive letter stays as the user sees it
    if getattr(sys, "frozen", False):
        return executable.resolve().parent
    bundle = executable.parent.parent  # runtime\python.exe -m suining_desk in the Windows bundle
    if executable.parent.name == "runtime" and (bundle / "suining-desk.exe").is_file():
        return bundle
    return None


def portable_home(folder: Path | None) -> Path | None:
    """``folder/data`` when ``folder`` holds portable.txt, else None."""
    if folder is not None and (folder / PORTABLE_MARKER).is_file():
        return folder / PORTABLE_DATA
    return None


def is_portable() -> bool:
    return not os.environ.get("SUINING_HOME") and portable_home(app_dir()) is not None


def data_dir() -> Path:
    """SUINING_HOME (tests, scripts) first, then the portable folder, then the user's
    application-data folder (%LOCALAPPDATA%\\SuiningDesk on Windows)."""
    home = os.environ.get("SUINING_HOME")
    if home:
        return Path(home).expanduser()
    portable = portable_home(app_dir())
    if portable is not None:
        return portable
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def settings_file() -> Path | None:
    """The window's settings as an ini file in the data folder (SUINING_HOME or portable),
    or None: the system's own place (the registry on Windows)."""
    if os.environ.get("SUINING_HOME") or is_portable():
        return data_dir() / "settings.ini"
    return None


def private_data_dir() -> Path:
    """The data folder, created if needed and kept owner-only (0700 on POSIX): it holds the
    database, its backups, crash reports and what this computer has seen of each database."""
    folder = data_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    make_private(folder)
    return folder


def default_database() -> Path:
    return data_dir() / "suining.sqlite3"


def demo_database() -> Path:
    return data_dir() / "demo.sqlite3"


def backups_dir() -> Path:
    return data_dir() / "backups"


def resources_dir() -> Path:
    """``resources/`` beside the packages in a checkout, or packed into the wheel."""
    package = Path(__file__).resolve().parents[1]  # suining_desk/
    for candidate in (package.parent / "resources", package / "_resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("resources folder not found")
