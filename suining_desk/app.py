"""The program: ``suining-desk`` (and ``python -m suining_desk``, the Windows launchers) —
with a command it works headless, with none it opens the window.

The one module that knows both the command line and the window. The core never imports the
window: its package is found here, by name, only when a window is wanted — ``suining_desk_ui``
where the program is installed (the wheel ships ``ui/`` under the program's own name, so no
top-level ``ui`` can clash with another), ``ui`` in a checkout.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from suining_desk.cli import main as run_command
from suining_desk.cli.demo_database import demo_password, ensure_demo_database, is_demo_database

WINDOW_PACKAGES = ("suining_desk_ui", "ui")  # installed, a checkout


def window_module(name: str) -> ModuleType:
    """A module of the window's package (``window_module("startup")``); Qt is loaded here."""
    for package in WINDOW_PACKAGES:
        if importlib.util.find_spec(package) is not None:
            return importlib.import_module(f"{package}.{name}")
    raise ModuleNotFoundError("the window's package is missing (suining_desk_ui or ui)")


def open_window(path: Path, *, demo: bool, username: str) -> int:
    """The window on ``path`` (the demo database, built on first use, when ``demo``)."""
    startup = window_module("startup")
    hooks = startup.DemoHooks(ensure=ensure_demo_database, password=demo_password(), is_demo=is_demo_database)
    return int(startup.start(path, demo=demo, username=username, demo_hooks=hooks))


def main(argv: Sequence[str] | None = None) -> int:
    return run_command(argv, open_window=open_window)
