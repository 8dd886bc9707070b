"""The demo database (invented people, README): built by ``suining-desk demo``, and on first
use by ``--demo`` on any command or the window. The one module of the program that imports
the generator (:mod:`suining_desk.demo`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from suining_desk.db import close_database, open_database
from suining_desk.db.models import Household
from suining_desk.demo.generate import DEMO_PASSWORD
from suining_desk.demo.target import build_demo

__all__ = ["DEMO_PASSWORD", "build", "ensure_demo_database"]


def build(path: Path, *, scale: str, seed: int, replace: bool, progress: Any = None) -> Any:
    """Generate the demo county into ``path``: a new file or a demo database only (replacing
    one only with ``replace``, after backing it up); see :mod:`suining_desk.demo.target`."""
    return build_demo(path, scale=scale, seed=seed, replace=replace, progress=progress)


def ensure_demo_database(path: Path) -> None:
    """The demo database, generated on first use."""
    if path.exists() and path.stat().st_size > 0:
        open_database(path)
        if Household.select().exists():
            return
        close_database()
    build(path, scale="small", seed=2018, replace=False)
