"""The demo database (invented people, README): built by ``suining-desk demo``, and on first
use by ``--demo`` on any command or the window. The one module of the program that imports
the generator (:mod:`suining_desk.demo`) — when it is used: a command's start-up does not pay
for it (pypinyin's dictionaries)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from suining_desk.db import close_database, open_database
from suining_desk.db.models import Household

__all__ = ["build", "demo_password", "ensure_demo_database", "is_demo_database"]


def demo_password() -> str:
    """The demo accounts' password (README: admin / shenhe / luru, suining2018)."""
    from suining_desk.demo.generate import DEMO_PASSWORD

    return DEMO_PASSWORD


def build(path: Path, *, scale: str, seed: int, replace: bool, progress: Any = None) -> Any:
    """Generate the demo county into ``path``: a new file or a demo database only (replacing
    one only with ``replace``, after backing it up); see :mod:`suining_desk.demo.target`."""
    from suining_desk.demo.target import build_demo

    return build_demo(path, scale=scale, seed=seed, replace=replace, progress=progress)


def ensure_demo_database(path: Path) -> None:
    """The demo database, generated on first use."""
    if path.exists() and path.stat().st_size > 0:
        open_database(path)
        if Household.select().exists():
            return
        close_database()
    build(path, scale="small", seed=2018, replace=False)


def is_demo_database() -> bool:
    """Whether the open database is a demo database (the generator's mark, or born one): only
    there does ``--demo`` log in by itself. Where the file lies proves nothing — a real
    database copied to the demo path, or one whose admin happens to use the demo password,
    still asks for a login (and no failed try counts towards its lock)."""
    from suining_desk.db.models import database
    from suining_desk.demo.target import is_demo

    return is_demo(database.connection())
