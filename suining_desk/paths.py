"""Where things live: the data folder (platformdirs, overridable with SUINING_HOME)
and the shipped resources (fonts, translations, icons)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "SuiningDesk"


def data_dir() -> Path:
    home = os.environ.get("SUINING_HOME")
    if home:
        return Path(home).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def private_data_dir() -> Path:
    """The data folder, created if needed and kept owner-only (0700 on POSIX): it holds the
    database, its backups, crash reports and what this computer has seen of each database."""
    from suining_desk.tempfiles import make_private

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
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "resources", here / "_resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("resources folder not found")
